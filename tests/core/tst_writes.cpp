// SPDX-License-Identifier: Apache-2.0
// Writes that cannot lie: every writer, on a full disk or a file-size limit, reports the system's reason and
// leaves the old file whole; frame-image exports take back what they made when they fail; kills during a
// re-export never leave a truncated image under a name the JSON uses.
//
// The "disk full" here is RLIMIT_FSIZE in a forked child with SIGXFSZ ignored (write() then fails with EFBIG),
// which works unprivileged; where this process may mount (root), a 64 KiB tmpfs gives the real ENOSPC.
#include "core/io/atomicfile.h"
#include "core/io/autosave.h"
#include "core/io/coco.h"
#include "core/io/dlc.h"
#include "core/io/projectfile.h"
#include "core/io/reviewjson.h"
#include "core/model/category.h"
#include "synthlabels.h"
#include "tests/testutil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <opencv2/imgcodecs.hpp>

#include <catch2/catch.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <random>
#include <set>

#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace paddock;
using namespace paddock::core;

namespace {

std::string slurp(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return "<missing>";
    return f.readAll().toStdString();
}

void spit(const std::string &path, const std::string &text)
{
    QDir().mkpath(QFileInfo(QString::fromStdString(path)).absolutePath());
    QFile f(QString::fromStdString(path));
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(text.data(), qint64(text.size())) == qint64(text.size()));
}

/** Every file and folder under \a dir (relative names), hidden ones included. */
std::set<std::string> listTree(const std::string &dir)
{
    std::set<std::string> out;
    QDirIterator it(QString::fromStdString(dir), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out.insert(QDir(QString::fromStdString(dir)).relativeFilePath(it.next()).toStdString());
    return out;
}

struct ChildResult
{
    bool exited = false; ///< the child ran the write and reported back (no crash, no signal)
    bool ok = false;     ///< what the write returned
    std::string error;   ///< its message
};

/**
 * Runs \a write in a forked child whose files may not grow past \a limitBytes (RLIMIT_FSIZE, SIGXFSZ
 * ignored: write() fails with EFBIG as on a full disk). 0: no limit.
 */
ChildResult runLimited(rlim_t limitBytes, const std::function<bool(std::string *)> &write)
{
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        std::signal(SIGXFSZ, SIG_IGN);
        if (limitBytes > 0) {
            rlimit rl{};
            ::getrlimit(RLIMIT_FSIZE, &rl);
            rl.rlim_cur = limitBytes;
            if (::setrlimit(RLIMIT_FSIZE, &rl) != 0)
                ::_exit(3);
        }
        std::string error;
        const bool ok = write(&error);
        const std::string msg = (ok ? "1" : "0") + error;
        ssize_t off = 0;
        while (off < ssize_t(msg.size())) {
            const ssize_t n = ::write(fds[1], msg.data() + off, msg.size() - std::size_t(off));
            if (n <= 0)
                break;
            off += n;
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string msg;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
            msg.append(buf, std::size_t(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ChildResult r;
    r.exited = WIFEXITED(status) && WEXITSTATUS(status) == 0 && !msg.empty();
    r.ok = r.exited && msg[0] == '1';
    r.error = msg.empty() ? std::string() : msg.substr(1);
    return r;
}

/** Writes \a n PNG frames: the first \a flat of them one grey (small JPEGs), the rest noise (large JPEGs). */
std::string makeFrameFolder(const std::string &dir, int n, int flat)
{
    QDir().mkpath(QString::fromStdString(dir));
    std::mt19937 rng(5);
    for (int f = 0; f < n; ++f) {
        cv::Mat img(96, 128, CV_8UC3, cv::Scalar(90, 100, 110));
        if (f >= flat)
            cv::randu(img, cv::Scalar::all(0), cv::Scalar::all(255));
        char name[32];
        std::snprintf(name, sizeof name, "/img%03d.png", f);
        REQUIRE(cv::imwrite(dir + name, img));
    }
    return dir;
}

/** A one-clip project over the frame folder \a frames: a dog labelled on every frame. */
Project makeProject(const std::string &frames, int n)
{
    Project p;
    p.categories = {ap10kCategory(8)};
    Clip clip;
    clip.name = "pen";
    clip.path = frames;
    clip.frameCount = n;
    clip.width = 128;
    clip.height = 96;
    clip.ensureTrack(1, 8);
    for (int f = 0; f < n; ++f) {
        Instance inst = test::walkingDog(1, f, 30, 30, 0.5, 0.0, 0.0);
        for (Keypoint &k : inst.keypoints) {
            k.x = std::clamp(k.x, 1.0, 126.0);
            k.y = std::clamp(k.y, 1.0, 94.0);
        }
        inst.bbox.reset();
        clip.setInstance(f, inst);
    }
    p.clips = {clip};
    return p;
}

std::size_t jpegSize(const std::string &png)
{
    std::vector<uchar> buf;
    REQUIRE(cv::imencode(".jpg", cv::imread(png), buf, {cv::IMWRITE_JPEG_QUALITY, 95}));
    return buf.size();
}

/** Every writer of the project, as one named call that writes \a path. */
struct Writer
{
    const char *name;
    std::function<bool(const Project &, const std::string &, std::string *)> write;
};

std::vector<Writer> allWriters(const std::string &frameDir)
{
    return {
        {"project save", [](const Project &p, const std::string &path, std::string *e) { return saveProject(p, path, e); }},
        {"COCO export",
         [](const Project &p, const std::string &path, std::string *e) {
             return writeCocoFile(p, path, CocoWriteOptions{}, e);
         }},
        {"APTv2 export with frames",
         [frameDir](const Project &p, const std::string &path, std::string *e) {
             CocoWriteOptions o;
             o.aptv2 = true;
             o.frameDir = frameDir;
             return writeCocoFile(p, path, o, e);
         }},
        {"DLC export", [](const Project &p, const std::string &path, std::string *e) { return writeDlcCsv(p, path, "me", e); }},
        {"error-list export",
         [](const Project &p, const std::string &path, std::string *e) {
             return exportErrorList(p.clips.front(), path, "me", e);
         }},
        {"autosave",
         [](const Project &p, const std::string &path, std::string *e) {
             // The autosave of a project at path lands beside it; the test compares that file.
             return writeAutosave(p, path, e);
         }},
    };
}

std::string targetOf(const Writer &w, const std::string &path)
{
    return std::string(w.name) == "autosave" ? autosavePath(path) : path;
}

} // namespace

TEST_CASE("Writes: a write that fails midway reports the system's reason and keeps the old file", "[writes]")
{
    const std::string dir = test::tempDir();
    const std::string frames = makeFrameFolder(dir + "/clip", 6, 6);
    const Project project = makeProject(frames, 6);
    const auto writers = allWriters(dir + "/out/frames"), probes = allWriters(dir + "/probe/frames");
    QDir().mkpath(QString::fromStdString(dir + "/probe"));
    for (std::size_t i = 0; i < writers.size(); ++i) {
        const Writer &w = writers[i];
        INFO(w.name);
        // Without a limit the same write succeeds (elsewhere).
        const ChildResult probe = runLimited(0, [&](std::string *e) { return probes[i].write(project, dir + "/probe/f" + std::to_string(i), e); });
        REQUIRE(probe.exited);
        INFO(probe.error);
        REQUIRE(probe.ok);
        const std::string path = dir + "/out/f" + std::to_string(i);
        const std::string target = targetOf(w, path);
        const std::string old = "old content that must survive\n";
        spit(target, old);
        const auto before = listTree(dir + "/out");
        // A limit below the file's size: the first write() is cut short, the next one fails with EFBIG.
        const ChildResult r = runLimited(8, [&](std::string *e) { return w.write(project, path, e); });
        REQUIRE(r.exited);
        CHECK_FALSE(r.ok);
        CHECK(r.error.find(std::strerror(EFBIG)) != std::string::npos);
        CHECK(r.error.find("Unknown error") == std::string::npos);
        // The message names what could not be written: the file, or with frames the first frame image.
        const std::string named = std::string(w.name) == "APTv2 export with frames"
            ? std::string("000000.jpg") : QFileInfo(QString::fromStdString(target)).fileName().toStdString();
        CHECK(r.error.find(named) != std::string::npos);
        CHECK(slurp(target) == old);
        CHECK(listTree(dir + "/out") == before); // no temporary file, frame image or folder left behind
    }
}

TEST_CASE("Writes: a full disk (tmpfs) reports 'No space left on device' and keeps the old file", "[writes]")
{
    const std::string dir = test::tempDir() + "/full";
    QDir().mkpath(QString::fromStdString(dir));
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=64k") != 0) {
        test::skipTest(std::string("cannot mount a tmpfs here (") + std::strerror(errno)
                       + "): the RLIMIT_FSIZE test covers the same writes");
        return;
    }
    struct Unmount
    {
        std::string d;
        ~Unmount() { ::umount2(d.c_str(), MNT_DETACH); }
    } unmount{dir};
    const std::string src = test::tempDir();
    const std::string frames = makeFrameFolder(src + "/clip", 4, 4);
    const Project project = makeProject(frames, 4);
    const auto writers = allWriters(dir + "/frames");
    const std::string old = "old\n";
    for (std::size_t i = 0; i < writers.size(); ++i)
        spit(targetOf(writers[i], dir + "/f" + std::to_string(i)), old);
    // Fill what is left.
    {
        QFile filler(QString::fromStdString(dir + "/filler"));
        REQUIRE(filler.open(QIODevice::WriteOnly));
        const std::string block(4096, 'x');
        while (filler.write(block.data(), qint64(block.size())) == qint64(block.size()) && filler.flush()) {
        }
    }
    std::string checkError;
    CHECK_FALSE(checkWritable(dir + "/dense.json", &checkError)); // found before the work, not after
    CHECK(checkError.find(std::strerror(ENOSPC)) != std::string::npos);
    for (std::size_t i = 0; i < writers.size(); ++i) {
        const Writer &w = writers[i];
        INFO(w.name);
        const std::string path = dir + "/f" + std::to_string(i);
        const auto before = listTree(dir);
        std::string error;
        CHECK_FALSE(w.write(project, path, &error));
        CHECK(error.find(std::strerror(ENOSPC)) != std::string::npos);
        CHECK(error.find("Unknown error") == std::string::npos);
        CHECK(slurp(targetOf(w, path)) == old);
        CHECK(listTree(dir) == before);
    }
}

TEST_CASE("Writes: an APTv2 export whose frames fail midway takes back the frames it wrote", "[writes][coco]")
{
    const std::string dir = test::tempDir();
    // Frames 0-2 grey (small JPEGs), 3-5 noise (large ones): a size limit between them fails frame 3.
    const std::string frames = makeFrameFolder(dir + "/clip", 6, 3);
    const Project project = makeProject(frames, 6);
    const std::size_t small = jpegSize(frames + "/img002.png"), large = jpegSize(frames + "/img003.png");
    REQUIRE(small * 2 < large);
    const rlim_t limit = rlim_t((small + large) / 2);
    CocoWriteOptions o;
    o.aptv2 = true;
    o.frameDir = dir + "/export/frames";
    const std::string json = dir + "/export/labels.json";

    SECTION("a fresh export leaves no frames folder and no JSON")
    {
        const ChildResult r = runLimited(limit, [&](std::string *e) { return writeCocoFile(project, json, o, e); });
        REQUIRE(r.exited);
        CHECK_FALSE(r.ok);
        CHECK(r.error.find("000003.jpg") != std::string::npos);
        CHECK(r.error.find(std::strerror(EFBIG)) != std::string::npos);
        CHECK_FALSE(QFileInfo::exists(QString::fromStdString(dir + "/export"))); // nothing of it, not even the folder
    }
    SECTION("a re-export over a complete one leaves every image the old JSON names whole")
    {
        std::string error;
        REQUIRE(writeCocoFile(project, json, o, &error));
        const auto tree = listTree(dir + "/export");
        std::map<std::string, std::string> bytes;
        for (const std::string &f : tree)
            if (QFileInfo(QString::fromStdString(dir + "/export/" + f)).isFile())
                bytes[f] = slurp(dir + "/export/" + f);
        REQUIRE(bytes.count("frames/pen/000005.jpg"));
        const ChildResult r = runLimited(limit, [&](std::string *e) { return writeCocoFile(project, json, o, e); });
        REQUIRE(r.exited);
        CHECK_FALSE(r.ok);
        CHECK(listTree(dir + "/export") == tree);
        for (const auto &[f, content] : bytes) {
            INFO(f);
            CHECK(slurp(dir + "/export/" + f) == content);
        }
        // And what it refers to still reads.
        auto back = readCocoFile(json, &error);
        REQUIRE(back);
        CHECK(back->clips.front().frames.size() == 6);
    }
}

TEST_CASE("Writes: killed during a re-export, every image the JSON names is a complete JPEG", "[writes][coco][crash]")
{
    const std::string dir = test::tempDir();
    const int n = 24;
    const std::string frames = makeFrameFolder(dir + "/clip", n, 0);
    const Project project = makeProject(frames, n);
    CocoWriteOptions o;
    o.aptv2 = true;
    o.frameDir = dir + "/export/frames";
    const std::string json = dir + "/export/labels.json";
    std::string error;
    REQUIRE(writeCocoFile(project, json, o, &error));
    std::map<std::string, std::string> jpegs;
    for (int f = 0; f < n; ++f) {
        char name[64];
        std::snprintf(name, sizeof name, "/export/frames/pen/%06d.jpg", f);
        jpegs[dir + name] = slurp(dir + name);
    }
    const std::string jsonBytes = slurp(json);
    std::mt19937 rng(11);
    for (int round = 0; round < 12; ++round) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            std::string e;
            for (;;)
                writeCocoFile(project, json, o, &e);
        }
        ::usleep(useconds_t(2000 + rng() % 30000));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        INFO("round " << round);
        CHECK(slurp(json) == jsonBytes);
        for (const auto &[path, content] : jpegs) {
            INFO(path);
            CHECK(slurp(path) == content); // the same frame encodes the same way: never a truncated one
        }
    }
}

TEST_CASE("Writes: reading a folder, a FIFO or a missing file says which", "[writes]")
{
    const std::string dir = test::tempDir();
    std::string data, error;
    QDir().mkpath(QString::fromStdString(dir + "/labels.paddock"));
    CHECK_FALSE(loadProject(dir + "/labels.paddock", &error));
    CHECK(error.find("labels.paddock: is a folder, not a file") != std::string::npos);
    CHECK(error.find("no such file") == std::string::npos);

    const std::string fifo = dir + "/pipe.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_FALSE(readWholeFile(fifo, &data, &error)); // returns at once: no writer is waited for
    CHECK(error.find("pipe.json: is not a regular file") != std::string::npos);

    CHECK_FALSE(readWholeFile(dir + "/nothere.json", &data, &error));
    CHECK(error.find("nothere.json: no such file") != std::string::npos);

    spit(dir + "/a.txt", std::string("a\0b", 3));
    REQUIRE(readWholeFile(dir + "/a.txt", &data, &error));
    CHECK(data == std::string("a\0b", 3));
}

TEST_CASE("Writes: the atomic writer keeps links, permissions and a clean folder", "[writes]")
{
    const std::string dir = test::tempDir();
    std::string error;
    SECTION("replacing a file keeps its permissions, leaves no temporary file")
    {
        spit(dir + "/p.json", "old");
        REQUIRE(::chmod((dir + "/p.json").c_str(), 0640) == 0);
        REQUIRE(writeFileAtomically(dir + "/p.json", "new", &error));
        CHECK(slurp(dir + "/p.json") == "new");
        struct stat st {};
        REQUIRE(::stat((dir + "/p.json").c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0640);
        CHECK(listTree(dir) == std::set<std::string>{"p.json"});
    }
    SECTION("a symbolic link stays a link; its target gets the content")
    {
        spit(dir + "/real.json", "old");
        REQUIRE(::symlink("real.json", (dir + "/link.json").c_str()) == 0);
        REQUIRE(writeFileAtomically(dir + "/link.json", "new", &error));
        CHECK(QFileInfo(QString::fromStdString(dir + "/link.json")).isSymLink());
        CHECK(slurp(dir + "/real.json") == "new");
    }
    SECTION("a folder in the way is named as a folder, and nothing is created")
    {
        QDir().mkpath(QString::fromStdString(dir + "/out.json"));
        CHECK_FALSE(writeFileAtomically(dir + "/out.json", "x", &error));
        CHECK(error.find("out.json: is a folder, not a file") != std::string::npos);
        CHECK(listTree(dir) == std::set<std::string>{"out.json"});
    }
    SECTION("a missing folder fails with the reason, not as a save")
    {
        CHECK_FALSE(writeFileAtomically(dir + "/no/such/x.json", "x", &error));
        CHECK(error.find(std::strerror(ENOENT)) != std::string::npos);
    }
    SECTION("the streaming writer: discarded or destroyed unfinished, the old file stays")
    {
        spit(dir + "/s.bin", "old");
        {
            AtomicFile f;
            REQUIRE(f.open(dir + "/s.bin", &error));
            REQUIRE(f.write("new and longer", &error));
        }
        CHECK(slurp(dir + "/s.bin") == "old");
        AtomicFile f;
        REQUIRE(f.open(dir + "/s.bin", &error));
        REQUIRE(f.write("part one, ", &error));
        REQUIRE(f.write(std::string("part two"), &error));
        CHECK(slurp(dir + "/s.bin") == "old");
        REQUIRE(f.commit(&error));
        CHECK(slurp(dir + "/s.bin") == "part one, part two");
        CHECK(listTree(dir) == std::set<std::string>{"s.bin"});
    }
}

TEST_CASE("Writes: checkWritable finds an unwritable output before the work", "[writes]")
{
    const std::string dir = test::tempDir();
    std::string error;
    CHECK(checkWritable(dir + "/out.json", &error));
    CHECK(checkWritable(dir + "/new/folder/out.json", &error)); // created by the writer later
    CHECK(listTree(dir).empty());                               // the check leaves nothing
    spit(dir + "/file", "x");
    CHECK_FALSE(checkWritable(dir + "/file/out.json", &error));
    CHECK(error.find("is a file, not a folder") != std::string::npos);
    QDir().mkpath(QString::fromStdString(dir + "/d.json"));
    CHECK_FALSE(checkWritable(dir + "/d.json", &error));
    CHECK(error.find("is a folder, not a file") != std::string::npos);
    if (::geteuid() != 0) { // root writes anywhere
        QDir().mkpath(QString::fromStdString(dir + "/ro"));
        REQUIRE(::chmod((dir + "/ro").c_str(), 0555) == 0);
        CHECK_FALSE(checkWritable(dir + "/ro/out.json", &error));
        CHECK(error.find(std::strerror(EACCES)) != std::string::npos);
        ::chmod((dir + "/ro").c_str(), 0755);
    }
}

TEST_CASE("Writes: no writer in the project bypasses the atomic writer", "[writes]")
{
    // Every file Paddock writes goes through core/io/atomicfile.cpp; a direct writer here would bring back
    // saves that say "saved" and keep nothing.
    const QStringList patterns = {QStringLiteral("QSaveFile"), QStringLiteral("ofstream"), QStringLiteral("fopen("),
                                  QStringLiteral("imwrite("), QStringLiteral("QIODevice::WriteOnly"),
                                  QStringLiteral("QIODevice::Append"), QStringLiteral("QIODevice::ReadWrite"),
                                  QStringLiteral("O_WRONLY"), QStringLiteral("O_RDWR")};
    int files = 0;
    for (const char *sub : {"core", "app", "ui", "tracking"}) {
        QDirIterator it(QString::fromStdString(test::sourceDir() + "/" + sub), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            // The writer itself, and the edit journal's append-only file (each append checked, fdatasync'ed;
            // a torn last record is dropped by its CRC on replay).
            const QString name = QFileInfo(path).fileName();
            if (path.endsWith(QLatin1String("core/io/atomicfile.cpp"))
                || (path.contains(QLatin1String("core/io/journal")) && name.endsWith(QLatin1String(".cpp"))))
                continue;
            QFile f(path);
            REQUIRE(f.open(QIODevice::ReadOnly));
            // Writes to the kernel's control files (/proc/self/clear_refs in the benchmarks) are not files.
            QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
            lines.removeIf([](const QString &l) { return l.contains(QLatin1String("\"/proc/")); });
            const QString text = lines.join(QLatin1Char('\n'));
            ++files;
            for (const QString &p : patterns) {
                INFO(path.toStdString() << " uses " << p.toStdString());
                CHECK_FALSE(text.contains(p));
            }
        }
    }
    CHECK(files > 50);
}

TEST_CASE("Writes: temporary files a killed writer left behind are removed by the next write there", "[writes]")
{
    const std::string dir = test::tempDir();
    // A real writer killed mid-write: a child opens an AtomicFile and is killed before it commits.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        AtomicFile f;
        std::string e;
        if (f.open(dir + "/project.paddock", &e) && f.write("half", 4, &e))
            ::pause();
        ::_exit(1);
    }
    std::set<std::string> tree;
    for (int i = 0; i < 500 && tree.empty(); ++i) {
        ::usleep(10000);
        tree = listTree(dir);
    }
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    REQUIRE(tree.size() == 1);
    const std::string leftover = *tree.begin();
    CHECK(leftover.rfind(".project.paddock." + std::to_string(child) + "-", 0) == 0);
    // A temporary file of a writer that still runs (this process), and an unrelated hidden file: both stay.
    const std::string live = ".other.json." + std::to_string(::getpid()) + "-abcdefgh.tmp";
    spit(dir + "/" + live, "in progress");
    spit(dir + "/.hidden.tmp", "not ours");
    // Age them past the 10 s a writer is given.
    const struct timespec old[2] = {{std::time(nullptr) - 60, 0}, {std::time(nullptr) - 60, 0}};
    for (const std::string &name : {leftover, live, std::string(".hidden.tmp")})
        REQUIRE(::utimensat(AT_FDCWD, (dir + "/" + name).c_str(), old, 0) == 0);
    std::string error;
    REQUIRE(writeFileAtomically(dir + "/project.paddock", "saved", &error));
    CHECK(listTree(dir) == std::set<std::string>{"project.paddock", live, ".hidden.tmp"});
    CHECK(slurp(dir + "/project.paddock") == "saved");
    // A fresh leftover (under 10 s) is not touched: its writer may be another host's, still at work.
    const std::string fresh = ".x.json.999999999-abcdefgh.tmp";
    spit(dir + "/" + fresh, "");
    CHECK(removeStaleTemporaries(dir) == 0);
    REQUIRE(::utimensat(AT_FDCWD, (dir + "/" + fresh).c_str(), old, 0) == 0);
    CHECK(removeStaleTemporaries(dir) == 1);
}
