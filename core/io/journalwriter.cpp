// SPDX-License-Identifier: Apache-2.0
// JournalWriter: appends and flushes journal records, and writes snapshots, on its own thread.
#include "core/io/journal.h"

#include "core/io/autosave.h"
#include "core/io/journal_p.h"
#include "core/io/jsonutil_p.h"
#include "core/io/projectfile.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <unistd.h>

namespace paddock::core {

using detail::encodeHeader;
using detail::errnoText;
using detail::kMagic;
using detail::kMagicSize;
using detail::syncDir;

// ---- Writer --------------------------------------------------------------------------------------------------

struct JournalWriter::Task
{
    enum class Kind { StartProject, StartBase, StartSnapshot, Resume, Append, Discard, Stop, Flush };
    Kind kind = Kind::Flush;
    std::string projectPath;
    JournalBase base;
    JournalRecord record;
    std::optional<Project> project;
    bool modified = false;
    std::int64_t validBytes = 0;
};

JournalWriter::JournalWriter()
    : mThread([this] { run(); })
{
}

JournalWriter::~JournalWriter()
{
    {
        std::lock_guard<std::mutex> lock(mMutex);
        mQuit = true;
    }
    mWake.notify_all();
    mThread.join();
}

void JournalWriter::post(Task task)
{
    {
        std::lock_guard<std::mutex> lock(mMutex);
        if (task.kind == Task::Kind::StartProject || task.kind == Task::Kind::StartBase
            || task.kind == Task::Kind::StartSnapshot
            || task.kind == Task::Kind::Resume)
            mActive = true;
        else if (task.kind == Task::Kind::Discard || task.kind == Task::Kind::Stop)
            mActive = false;
        mQueue.push_back(std::move(task));
    }
    mWake.notify_all();
}

void JournalWriter::startOnProject(const std::string &projectPath)
{
    Task t;
    t.kind = Task::Kind::StartProject;
    t.projectPath = projectPath;
    post(std::move(t));
}

void JournalWriter::startOnBase(const std::string &projectPath, const JournalBase &base)
{
    Task t;
    t.kind = Task::Kind::StartBase;
    t.projectPath = projectPath;
    t.base = base;
    post(std::move(t));
}

void JournalWriter::startOnSnapshot(Project project, const std::string &projectPath, bool modified)
{
    Task t;
    t.kind = Task::Kind::StartSnapshot;
    t.projectPath = projectPath;
    t.project = std::move(project);
    t.modified = modified;
    post(std::move(t));
}

void JournalWriter::resume(const std::string &projectPath, std::int64_t validBytes)
{
    Task t;
    t.kind = Task::Kind::Resume;
    t.projectPath = projectPath;
    t.validBytes = validBytes;
    post(std::move(t));
}

void JournalWriter::append(JournalRecord record)
{
    Task t;
    t.kind = Task::Kind::Append;
    t.record = std::move(record);
    post(std::move(t));
}

void JournalWriter::discard(const std::string &projectPath)
{
    Task t;
    t.kind = Task::Kind::Discard;
    t.projectPath = projectPath;
    post(std::move(t));
}

void JournalWriter::stop()
{
    Task t;
    t.kind = Task::Kind::Stop;
    post(std::move(t));
}

void JournalWriter::flush()
{
    post(Task{});
    std::unique_lock<std::mutex> lock(mMutex);
    mIdle.wait(lock, [this] { return mQueue.empty() && !mBusy; });
}

std::int64_t JournalWriter::journalBytes() const
{
    std::lock_guard<std::mutex> lock(mMutex);
    return mBytes;
}

bool JournalWriter::active() const
{
    std::lock_guard<std::mutex> lock(mMutex);
    return mActive;
}

void JournalWriter::run()
{
    using Clock = std::chrono::steady_clock;
    Clock::time_point dirtySince;
    std::unique_lock<std::mutex> lock(mMutex);
    for (;;) {
        if (mDirty && (Clock::now() >= dirtySince + std::chrono::milliseconds(flushDelayMs) || mQuit)) {
            lock.unlock();
            syncNow();
            lock.lock();
        }
        if (mQueue.empty()) {
            if (!mDirty)
                mIdle.notify_all();
            if (mQuit && !mDirty)
                break;
            if (mDirty)
                mWake.wait_until(lock, dirtySince + std::chrono::milliseconds(flushDelayMs),
                                 [this] { return mQuit || !mQueue.empty(); });
            else
                mWake.wait(lock, [this] { return mQuit || !mQueue.empty(); });
            continue;
        }
        Task task = std::move(mQueue.front());
        mQueue.pop_front();
        mBusy = true;
        lock.unlock();
        const bool wasDirty = mDirty;
        process(task);
        if (mDirty && !wasDirty)
            dirtySince = Clock::now();
        lock.lock();
        mBusy = false;
    }
    lock.unlock();
    closeFile();
}

bool JournalWriter::writeAll(const std::string &bytes, std::string *error)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(mFd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = mPath + ": " + errnoText();
            return false;
        }
        done += std::size_t(n);
    }
    return true;
}

void JournalWriter::syncNow()
{
    if (mFd >= 0 && mDirty && ::fdatasync(mFd) != 0 && onError)
        onError(mPath + ": " + errnoText());
    mDirty = false;
}

void JournalWriter::closeFile()
{
    syncNow();
    if (mFd >= 0)
        ::close(mFd);
    mFd = -1;
}

void JournalWriter::process(Task &task)
{
    std::string error;
    auto fail = [this](const std::string &e) {
        if (onError)
            onError(e);
    };
    const auto inactive = [this] {
        std::lock_guard<std::mutex> lock(mMutex);
        mActive = false;
    };
    auto startOn = [&](const std::string &jpath, const JournalBase &base) {
        closeFile();
        if (!writeFileAtomically(jpath, std::string(kMagic, kMagicSize) + encodeHeader(base), &error)) {
            inactive();
            return false;
        }
        mPath = jpath;
        mFd = ::open(jpath.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
        if (mFd < 0) {
            error = jpath + ": " + errnoText();
            inactive();
            return false;
        }
        std::lock_guard<std::mutex> lock(mMutex);
        mBytes = std::int64_t(::lseek(mFd, 0, SEEK_END));
        return true;
    };
    switch (task.kind) {
    case Task::Kind::StartProject:
        if (!startOn(journalPath(task.projectPath), fileIdentity(task.projectPath, JournalBase::Kind::Project, false)))
            fail(error);
        break;
    case Task::Kind::StartBase:
        if (!startOn(journalPath(task.projectPath), task.base))
            fail(error);
        break;
    case Task::Kind::StartSnapshot: {
        // The snapshot goes to NAME.autosave.new first; the new journal names it by identity; then it takes the
        // autosave's name (a rename keeps size and time). A kill at any point leaves a journal whose base exists.
        const std::string autosave = autosavePath(task.projectPath);
        const std::string pending = autosave + ".new";
        bool ok = QDir().mkpath(QFileInfo(QString::fromStdString(autosave)).absolutePath());
        if (!ok)
            error = autosave + ": " + detail::tr("cannot create the autosave folder");
        ok = ok && writeFileAtomically(pending, projectToJson(*task.project, detail::dirOf(autosave)), &error);
        task.project.reset();
        ok = ok && startOn(journalPath(task.projectPath), fileIdentity(pending, JournalBase::Kind::Autosave, task.modified));
        if (ok && ::rename(pending.c_str(), autosave.c_str()) != 0) {
            error = autosave + ": " + errnoText();
            ok = false;
        }
        if (ok) {
            syncDir(autosave);
        } else {
            inactive();
            fail(error);
        }
        if (onSnapshotWritten)
            onSnapshotWritten(ok, error);
        break;
    }
    case Task::Kind::Resume: {
        closeFile();
        mPath = journalPath(task.projectPath);
        mFd = ::open(mPath.c_str(), O_WRONLY | O_CLOEXEC);
        if (mFd < 0 || ::ftruncate(mFd, off_t(task.validBytes)) != 0 || ::lseek(mFd, 0, SEEK_END) < 0) {
            inactive();
            fail(mPath + ": " + errnoText());
            if (mFd >= 0)
                ::close(mFd);
            mFd = -1;
            break;
        }
        mDirty = true;
        std::lock_guard<std::mutex> lock(mMutex);
        mBytes = task.validBytes;
        break;
    }
    case Task::Kind::Append: {
        if (mFd < 0)
            break;
        const std::string bytes = encodeRecord(task.record);
        const off_t end = ::lseek(mFd, 0, SEEK_END);
        if (!writeAll(bytes, &error)) {
            // Disk full: cut the partial record and stop (a later record after a gap would replay wrongly);
            // the next snapshot starts a fresh journal.
            if (end >= 0 && ::ftruncate(mFd, end) != 0)
                error += "; " + errnoText();
            closeFile();
            {
                std::lock_guard<std::mutex> lock(mMutex);
                mActive = false;
            }
            fail(error);
            break;
        }
        mDirty = true;
        std::lock_guard<std::mutex> lock(mMutex);
        mBytes += std::int64_t(bytes.size());
        break;
    }
    case Task::Kind::Discard:
        closeFile();
        discardRecovery(task.projectPath);
        break;
    case Task::Kind::Stop:
        closeFile();
        break;
    case Task::Kind::Flush:
        syncNow();
        break;
    }
}

} // namespace paddock::core
