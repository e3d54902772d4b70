// SPDX-License-Identifier: Apache-2.0
#include "core/io/autosave.h"
#include "core/io/projectfile.h"

#include "formatsfixture.h"
#include "tests/testutil.h"

#include <QDir>
#include <QDateTime>
#include <QFileInfo>
#include <QStandardPaths>

#include <catch2/catch.hpp>

#include <csignal>
#include <sys/resource.h>

using namespace paddock::core;
using namespace paddock::test;

namespace {
void setModified(const std::string &path, const QDateTime &when)
{
    QFile f(QString::fromStdString(path));
    REQUIRE(f.open(QIODevice::ReadWrite));
    REQUIRE(f.setFileTime(when, QFileDevice::FileModificationTime));
}

Project withReview(Project p)
{
    ClipReview &r = p.clips[0].review;
    REQUIRE(startReview(&r, p.clips[0].frames, "rita", 1000, nullptr));
    ReviewEntry e;
    e.frame = 4;
    e.trackId = 1;
    e.keypoint = 3;
    e.type = ErrorType::LeftRightSwapped;
    e.comment = "paws swapped, \"again\"";
    e.suggested = Point2{12.5, 99.25};
    e.author = "rita";
    addEntry(&r, e, 2000);
    return p;
}
} // namespace

TEST_CASE("Project file: save and load give back the same project, review data included", "[projectfile]")
{
    const std::string dir = tempDir();
    const Project p = withReview(makeProject(dir));
    const std::string path = dir + "/study.paddock";
    std::string error;
    REQUIRE(saveProject(p, path, &error));
    const auto loaded = loadProject(path, &error);
    REQUIRE(loaded);
    CHECK(error.empty());
    CHECK(loaded->categories == p.categories);
    REQUIRE(loaded->clips.size() == 2);
    CHECK(loaded->clips[0].frames == p.clips[0].frames);
    CHECK(loaded->clips[0].review == p.clips[0].review);
    CHECK(loaded->clips[1].frameMeta == p.clips[1].frameMeta);
    CHECK(*loaded == p);
    // The stored text names the format and its version.
    const std::string text = readText(path);
    CHECK(text.find("\"format\":\"paddock-project\"") != std::string::npos);
    CHECK(text.find("\"version\":1") != std::string::npos);
}

TEST_CASE("Project file: clip paths are relative, so a moved project folder still finds its clips", "[projectfile]")
{
    const std::string base = tempDir();
    const std::string dirA = base + "/labeller";
    QDir().mkpath(QString::fromStdString(dirA));
    Project p = makeProject(dirA);
    p.clips[1].path = base + "/elsewhere/cage"; // outside the project folder
    std::string error;
    REQUIRE(saveProject(p, dirA + "/study.paddock", &error));
    const std::string text = readText(dirA + "/study.paddock");
    CHECK(text.find("\"path\":\"videos/walk.mp4\"") != std::string::npos);
    CHECK(text.find(dirA) == std::string::npos); // no absolute path stored
    CHECK(text.find("\"path\":\"../elsewhere/cage\"") != std::string::npos);

    const std::string dirB = base + "/reviewer";
    REQUIRE(QDir().rename(QString::fromStdString(dirA), QString::fromStdString(dirB)));
    const auto loaded = loadProject(dirB + "/study.paddock", &error);
    REQUIRE(loaded);
    CHECK(loaded->clips[0].path == dirB + "/videos/walk.mp4");
    CHECK(loaded->clips[1].path == base + "/elsewhere/cage");
}

TEST_CASE("Project file: 1,000 frames x 5 animals x 17 keypoints round-trips exactly", "[projectfile]")
{
    std::mt19937 rng(3);
    Project p = newAp10kProject();
    Clip clip;
    clip.name = "big";
    clip.path = "/data/big.mp4";
    clip.frameCount = 1000;
    for (int f = 0; f < 1000; ++f)
        for (int t = 1; t <= 5; ++t)
            clip.setInstance(f, randomInstance(rng, p.categories[t], t, 1920, 1080));
    p.clips.push_back(clip);
    std::string error;
    const auto back = projectFromJson(projectToJson(p, "/data"), "/data", "big.paddock", &error);
    REQUIRE(back);
    CHECK(*back == p);
}

TEST_CASE("Project file: bad files give a message naming the file and the problem", "[projectfile]")
{
    const std::string dir = tempDir();
    std::string error;
    const std::string good = projectToJson(makeProject(dir), dir);

    SECTION("newer format version is refused")
    {
        std::string text = good;
        text.replace(text.find("\"version\":1"), 11, "\"version\":7");
        writeText(dir + "/new.paddock", text);
        CHECK_FALSE(loadProject(dir + "/new.paddock", &error));
        CHECK(error.find("new.paddock") != std::string::npos);
        CHECK(error.find("newer") != std::string::npos);
        CHECK(error.find("version 7") != std::string::npos);
    }
    SECTION("truncated JSON gives file, line and column")
    {
        writeText(dir + "/cut.paddock", good.substr(0, good.size() / 2));
        CHECK_FALSE(loadProject(dir + "/cut.paddock", &error));
        CHECK(error.find("cut.paddock") != std::string::npos);
        CHECK(error.find("not valid JSON") != std::string::npos);
        CHECK(error.find("line 1, column") != std::string::npos);
    }
    SECTION("malformed JSON on a later line gives that line")
    {
        writeText(dir + "/bad.paddock", "{\n  \"format\": \"paddock-project\",\n  \"version\": 1,,\n}");
        CHECK_FALSE(loadProject(dir + "/bad.paddock", &error));
        CHECK(error.find("bad.paddock") != std::string::npos);
        CHECK(error.find("line 3") != std::string::npos);
    }
    SECTION("not a project file")
    {
        writeText(dir + "/other.paddock", "{\"images\": []}");
        CHECK_FALSE(loadProject(dir + "/other.paddock", &error));
        CHECK(error.find("not a Paddock project") != std::string::npos);
    }
    SECTION("keypoint arrays of different lengths")
    {
        std::string text = good;
        const std::size_t v = text.find("\"v\":\"");
        text.insert(v + 5, "2"); // one visibility more than coordinates
        writeText(dir + "/short.paddock", text);
        CHECK_FALSE(loadProject(dir + "/short.paddock", &error));
        CHECK(error.find("short.paddock: clips[0].frames[0].a[0]") != std::string::npos);
        CHECK(error.find("same number of keypoints") != std::string::npos);
    }
    SECTION("missing file")
    {
        CHECK_FALSE(loadProject(dir + "/nothere.paddock", &error));
        CHECK(error.find("nothere.paddock: no such file") != std::string::npos);
    }
}

TEST_CASE("Project file: a failed save leaves the old file intact", "[projectfile]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/keep.paddock";
    std::string error;
    const Project small = makeProject(dir, 2);
    REQUIRE(saveProject(small, path, &error));
    const std::string before = readText(path);
    const Project big = makeProject(dir, 400, 11);

    SECTION("file size limit hit while writing (works as root too)")
    {
        // The write of the temporary file fails half-way, as on a full disk.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit lim = old;
        lim.rlim_cur = before.size() + 100;
        setrlimit(RLIMIT_FSIZE, &lim);
        const bool ok = saveProject(big, path, &error);
        setrlimit(RLIMIT_FSIZE, &old);
        CHECK_FALSE(ok);
        CHECK(error.find("keep.paddock") != std::string::npos);
    }
    SECTION("directory not writable")
    {
        QFile::setPermissions(QString::fromStdString(dir), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        const bool ok = saveProject(big, path, &error);
        QFile::setPermissions(QString::fromStdString(dir),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (ok) {
            WARN("directory permissions are not enforced here (running as root?)");
            return;
        }
        CHECK(error.find("keep.paddock") != std::string::npos);
    }
    CHECK(readText(path) == before);
    CHECK(QDir(QString::fromStdString(dir)).entryList(QDir::Files | QDir::Hidden).size() == 1); // no temp left
    const auto loaded = loadProject(path, &error);
    REQUIRE(loaded);
    CHECK(*loaded == small);
}

TEST_CASE("Autosave: written beside the project, offered when newer, gone after discard", "[projectfile]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/study.paddock";
    CHECK(autosavePath(path) == dir + "/.study.paddock.autosave");
    const Project p = makeProject(dir, 6);
    std::string error;

    // Never saved: an autosave is worth recovering.
    REQUIRE(writeAutosave(p, path, &error));
    auto found = findRecoverableAutosave(path);
    REQUIRE(found);
    const auto recovered = loadProject(*found, &error);
    REQUIRE(recovered);
    CHECK(*recovered == p); // same clip paths: the autosave sits in the project folder

    // Saved after the autosave: nothing to recover.
    setModified(*found, QDateTime::currentDateTime().addSecs(-60));
    REQUIRE(saveProject(p, path, &error));
    CHECK_FALSE(findRecoverableAutosave(path));

    // Autosave newer than the saved file (a crash after more edits): offered.
    REQUIRE(writeAutosave(p, path, &error));
    setModified(path, QDateTime::currentDateTime().addSecs(-60));
    CHECK(findRecoverableAutosave(path));
    CHECK(discardAutosave(path));
    CHECK_FALSE(QFileInfo::exists(QString::fromStdString(autosavePath(path))));
    CHECK_FALSE(findRecoverableAutosave(path));
}

TEST_CASE("Autosave: an unsaved project autosaves to the application data folder", "[projectfile]")
{
    QStandardPaths::setTestModeEnabled(true);
    const std::string path = autosavePath("");
    CHECK(path.find("untitled.paddock.autosave") != std::string::npos);
    const Project p = makeProject("/nowhere", 4);
    std::string error;
    REQUIRE(writeAutosave(p, "", &error));
    const auto found = findRecoverableAutosave("");
    REQUIRE(found);
    const auto recovered = loadProject(*found, &error);
    REQUIRE(recovered);
    CHECK(recovered->clips[0].path == "/nowhere/videos/walk.mp4");
    CHECK(discardAutosave(""));
    CHECK_FALSE(findRecoverableAutosave(""));
    QStandardPaths::setTestModeEnabled(false);
}
