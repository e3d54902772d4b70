// SPDX-License-Identifier: Apache-2.0
// Atomic, checked file writes (temporary file in the same folder, fsync, rename, fsync of the folder).
//
// QSaveFile, used before, took a full disk for a save: its write() only fills a buffer, and when the buffer's
// flush fails on close(), commit() does not see it and renames the empty (or partial) temporary file over the
// old one. Everything here is checked at the system call, with errno kept for the message.
#include "core/io/atomicfile.h"

#include "core/io/jsonutil_p.h"

#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>
#include <random>
#include <set>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace paddock::core {

using detail::tr;

namespace {

std::string reason(int err)
{
    return std::strerror(err);
}

std::string folderOf(const std::string &path)
{
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string fileOf(const std::string &path)
{
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/**
 * A name for a temporary file beside \a target that no reader takes for an image or a project:
 * ".NAME.PID-RANDOM.tmp", the writer's process id in it so that a later run can tell a dead writer's leftover.
 */
std::string temporaryName(const std::string &target)
{
    static thread_local std::mt19937_64 rng{std::random_device{}() ^ std::uint64_t(::getpid())};
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string suffix(8, 'x');
    for (char &c : suffix)
        c = digits[rng() % (sizeof digits - 1)];
    return folderOf(target) + "/." + fileOf(target) + "." + std::to_string(::getpid()) + "-" + suffix + ".tmp";
}

/**
 * The process id in a temporary name of ours (".NAME.PID-xxxxxxxx.tmp"), 0 for an older name without one
 * (".NAME.xxxxxxxx.tmp"), -1 for any other file.
 */
long long temporaryOwner(const std::string &name)
{
    constexpr std::size_t kSuffix = 8 + 4; // RANDOM + ".tmp"
    if (name.size() < 2 + kSuffix + 1 || name[0] != '.' || name.compare(name.size() - 4, 4, ".tmp") != 0)
        return -1;
    const std::size_t randomAt = name.size() - kSuffix;
    for (std::size_t i = randomAt; i < randomAt + 8; ++i)
        if (!std::isalnum(static_cast<unsigned char>(name[i])))
            return -1;
    const char before = name[randomAt - 1];
    if (before == '.')
        return 0;
    if (before != '-')
        return -1;
    const std::size_t dot = name.rfind('.', randomAt - 1);
    if (dot == std::string::npos || dot == 0 || dot + 1 >= randomAt - 1)
        return -1;
    long long pid = 0;
    for (std::size_t i = dot + 1; i < randomAt - 1; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(name[i])) || pid > INT_MAX)
            return -1;
        pid = pid * 10 + (name[i] - '0');
    }
    return pid > 0 ? pid : -1;
}

} // namespace

int removeStaleTemporaries(const std::string &dir)
{
    DIR *d = ::opendir(dir.c_str());
    if (!d)
        return 0;
    int removed = 0;
    const std::time_t now = std::time(nullptr);
    while (dirent *e = ::readdir(d)) {
        const std::string name = e->d_name;
        const long long pid = temporaryOwner(name);
        if (pid < 0)
            continue;
        const std::string path = dir + "/" + name;
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        const double age = std::difftime(now, st.st_mtime);
        // A writer that still runs keeps its file; a name without a process id is taken once it is a day old.
        const bool dead = pid > 0 ? ::kill(pid_t(pid), 0) != 0 && errno == ESRCH : age > 24 * 3600;
        if (dead && age >= 10 && ::unlink(path.c_str()) == 0)
            ++removed;
    }
    ::closedir(d);
    return removed;
}

namespace {

/** removeStaleTemporaries() once per folder and process: a folder of 40,000 frame images is not read per image. */
void removeStaleTemporariesOnce(const std::string &dir)
{
    static std::mutex mutex;
    static std::set<std::string> done;
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (!done.insert(dir).second)
            return;
    }
    (void)removeStaleTemporaries(dir);
}

/** fsync of a folder, so that a rename in it is on disk; filesystems that cannot do it are not an error. */
int syncFolder(const std::string &dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno == EACCES ? 0 : errno;
    int err = 0;
    if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP && errno != EBADF)
        err = errno;
    ::close(fd);
    return err;
}

} // namespace

AtomicFile::~AtomicFile()
{
    discard();
}

bool AtomicFile::fail(const std::string &what, int err, std::string *error)
{
    if (error)
        *error = mPath + ": " + what + (err ? ": " + reason(err) : std::string());
    discard();
    return false;
}

bool AtomicFile::open(const std::string &path, std::string *error)
{
    discard();
    mPath = path;
    mTarget = path;
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        // Write where the link points, and keep the link.
        if (char *resolved = ::realpath(path.c_str(), nullptr)) {
            mTarget = resolved;
            std::free(resolved);
        }
    }
    const bool exists = ::stat(mTarget.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return fail(tr("is a folder, not a file"), 0, error);
    if (exists && !S_ISREG(st.st_mode))
        return fail(tr("is not a regular file"), 0, error);
    removeStaleTemporariesOnce(folderOf(mTarget));
    for (int attempt = 0; attempt < 100; ++attempt) {
        mTemp = temporaryName(mTarget);
        mFd = ::open(mTemp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (mFd >= 0)
            break;
        if (errno != EEXIST) {
            const int err = errno;
            mTemp.clear();
            return fail(tr("cannot write"), err, error);
        }
    }
    if (mFd < 0) {
        mTemp.clear();
        return fail(tr("cannot write"), EEXIST, error);
    }
    if (exists)
        (void)::fchmod(mFd, st.st_mode & 07777); // a replaced file keeps its permissions
    return true;
}

bool AtomicFile::write(const char *data, std::size_t size, std::string *error)
{
    if (mFd < 0) {
        if (error)
            *error = mPath + ": " + tr("cannot write") + ": " + reason(EBADF);
        return false;
    }
    while (size > 0) {
        const ssize_t n = ::write(mFd, data, std::min<std::size_t>(size, std::size_t(1) << 30));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(tr("cannot write"), errno, error);
        }
        if (n == 0)
            return fail(tr("cannot write"), EIO, error);
        data += n;
        size -= std::size_t(n);
    }
    return true;
}

bool AtomicFile::commit(std::string *error)
{
    if (mFd < 0) {
        if (error)
            *error = mPath + ": " + tr("cannot write") + ": " + reason(EBADF);
        return false;
    }
    if (::fsync(mFd) != 0 && errno != EINVAL && errno != EROFS)
        return fail(tr("cannot write"), errno, error);
    const int fd = mFd;
    mFd = -1;
    if (::close(fd) != 0 && errno != EINTR)
        return fail(tr("cannot write"), errno, error);
    if (::rename(mTemp.c_str(), mTarget.c_str()) != 0)
        return fail(tr("cannot replace the file"), errno, error);
    mTemp.clear();
    if (const int err = syncFolder(folderOf(mTarget))) {
        if (error)
            *error = mPath + ": " + tr("written, but its folder cannot be synced to disk") + ": " + reason(err);
        return false;
    }
    return true;
}

void AtomicFile::discard()
{
    if (mFd >= 0) {
        ::close(mFd);
        mFd = -1;
    }
    if (!mTemp.empty()) {
        ::unlink(mTemp.c_str());
        mTemp.clear();
    }
}

bool writeFileAtomically(const std::string &path, const std::string &data, std::string *error)
{
    AtomicFile file;
    return file.open(path, error) && file.write(data, error) && file.commit(error);
}

bool readWholeFile(const std::string &path, std::string *data, std::string *error)
{
    auto fail = [&](const std::string &what, int err) {
        if (error)
            *error = path + ": " + what + (err ? ": " + reason(err) : std::string());
        return false;
    };
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return errno == ENOENT || errno == ENOTDIR ? fail(tr("no such file"), 0) : fail(tr("cannot read"), errno);
    if (S_ISDIR(st.st_mode))
        return fail(tr("is a folder, not a file"), 0);
    if (!S_ISREG(st.st_mode))
        return fail(tr("is not a regular file"), 0);
    // O_NONBLOCK: should the path have been swapped for a FIFO since stat(), open() must not wait for a writer.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return fail(tr("cannot read"), errno);
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail(tr("is not a regular file"), 0);
    }
    std::string out;
    out.reserve(std::size_t(std::max<off_t>(st.st_size, 0)));
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            return fail(tr("cannot read"), err);
        }
        if (n == 0)
            break;
        out.append(buf, std::size_t(n));
    }
    ::close(fd);
    *data = std::move(out);
    return true;
}

bool checkWritable(const std::string &path, std::string *error)
{
    auto fail = [&](const std::string &what, int err) {
        if (error)
            *error = path + ": " + what + (err ? ": " + reason(err) : std::string());
        return false;
    };
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return fail(tr("is a folder, not a file"), 0);
        if (!S_ISREG(st.st_mode))
            return fail(tr("is not a regular file"), 0);
    }
    // The nearest folder on the way that exists must take a new file.
    std::string dir = folderOf(path);
    while (::stat(dir.c_str(), &st) != 0) {
        if (errno != ENOENT)
            return fail(tr("cannot write"), errno);
        const std::string up = folderOf(dir);
        if (up == dir)
            return fail(tr("cannot write"), ENOENT);
        dir = up;
    }
    if (!S_ISDIR(st.st_mode))
        return fail(tr("cannot write") + ": " + dir + " " + tr("is a file, not a folder"), 0);
    // A full disk still takes an empty file (a probe would pass), so ask for free blocks too.
    struct statvfs vfs {};
    if (::statvfs(dir.c_str(), &vfs) == 0 && vfs.f_blocks > 0 && (::geteuid() == 0 ? vfs.f_bfree : vfs.f_bavail) == 0)
        return fail(tr("cannot write"), ENOSPC);
    const std::string probe = temporaryName(dir + "/paddock-write-check");
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(tr("cannot write"), errno);
    ::close(fd);
    ::unlink(probe.c_str());
    return true;
}

bool makeFolders(const std::string &dir, std::vector<std::string> *created, std::string *error)
{
    std::vector<std::string> missing;
    std::string d = dir;
    while (d.size() > 1 && d.back() == '/')
        d.pop_back();
    while (!d.empty() && d != "/" && d != ".") {
        struct stat st {};
        if (::stat(d.c_str(), &st) == 0) {
            if (!S_ISDIR(st.st_mode)) {
                if (error)
                    *error = d + ": " + tr("is a file, not a folder");
                return false;
            }
            break;
        }
        missing.push_back(d);
        const std::string up = folderOf(d);
        if (up == d)
            break;
        d = up;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0777) == 0) {
            if (created)
                created->push_back(*it);
        } else if (errno != EEXIST) {
            if (error)
                *error = *it + ": " + tr("cannot create the folder") + ": " + reason(errno);
            return false;
        }
    }
    return true;
}

CreatedPaths::~CreatedPaths()
{
    if (mKeep)
        return;
    for (auto it = files.rbegin(); it != files.rend(); ++it)
        ::unlink(it->c_str());
    for (auto it = folders.rbegin(); it != folders.rend(); ++it)
        ::rmdir(it->c_str()); // only when empty: what else is in it is not ours
}

} // namespace paddock::core
