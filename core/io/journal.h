// SPDX-License-Identifier: Apache-2.0
#pragma once
// The edit journal: an append-only file of the edits made since the project (or its last autosave snapshot) was
// written, so that a crash loses no edit and recovery can rebuild the undo history. Format and recovery rules:
// docs/project-format.md, "Edit journal".

#include "core/model/project.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace paddock::core {

// ---- What changed in a clip's review data ------------------------------------------------------------------

/** One error-list entry before and after an edit (absent: not there), with its index in the list. */
struct ReviewEntryChange
{
    std::int64_t id = 0;
    int positionBefore = -1;
    int positionAfter = -1;
    std::optional<ReviewEntry> before;
    std::optional<ReviewEntry> after;
};

/** One review round before and after an edit; the label snapshot is kept only when it changed. */
struct ReviewRoundChange
{
    int index = 0;
    std::optional<ReviewRound> before;
    std::optional<ReviewRound> after;
    bool snapshotChanged = true; ///< false: before/after carry no snapshot, the round keeps its own
};

/** The difference between two ClipReview values: only the entries and rounds that changed. */
struct ReviewDelta
{
    std::vector<ReviewEntryChange> entries;
    std::vector<ReviewRoundChange> rounds;
    int roundsBefore = 0;
    int roundsAfter = 0;

    bool empty() const { return entries.empty() && rounds.empty() && roundsBefore == roundsAfter; }
    /** Entries and rounds held (before and after states counted apart), for memory accounting. */
    std::size_t storedItems() const;
    /** Instances held in round snapshots (the bulk of a full copy of a clip's review). */
    std::size_t storedSnapshotInstances() const;
};

ReviewDelta diffReview(const ClipReview &before, const ClipReview &after);
/** Turns the review the delta was taken from into the one it leads to (\a forward) or back. */
void applyReviewDelta(ClipReview *review, const ReviewDelta &delta, bool forward);

// ---- Mutations: the Document's data changes, with their before and after states -----------------------------

struct InstanceEdit
{
    int frame = 0;
    int trackId = 0;
    std::optional<Instance> before; ///< absent: there was no instance
    std::optional<Instance> after;  ///< absent: the instance is removed
};

struct ClipInfo
{
    int frameCount = 0;
    int width = 0;
    int height = 0;
    double fps = 0.0;
    bool setAside = false; ///< Clip::setAside
    bool operator==(const ClipInfo &o) const
    {
        return frameCount == o.frameCount && width == o.width && height == o.height && fps == o.fps
            && setAside == o.setAside;
    }
};

/** One data change of one clip, as made by a Document mutator. */
struct Mutation
{
    enum class Kind : std::uint8_t { Instances, Tracks, ClipInfo, Review, Categories };
    Kind kind = Kind::Instances;
    int clip = 0;
    std::vector<InstanceEdit> instances;   ///< Instances
    std::vector<Track> tracksBefore;       ///< Tracks (sorted by id)
    std::vector<Track> tracksAfter;
    ClipInfo infoBefore;                   ///< ClipInfo
    ClipInfo infoAfter;
    ReviewDelta review;                    ///< Review
    std::vector<Category> categoriesBefore; ///< Categories (the project's species; \a clip unused)
    std::vector<Category> categoriesAfter;
};

/** The mutation that takes \a m back (before and after swapped, edits in reverse order). */
Mutation inverse(const Mutation &m);

/** Applies the after (\a forward) or before state of \a m to \a project; false when the clip does not exist. */
bool applyMutation(Project *project, const Mutation &m, bool forward);

// ---- Journal records -------------------------------------------------------------------------------------------

/**
 * One journal record: what happened to the undo stack, with the data changes it made. Replaying the mutations'
 * after states in record order rebuilds the data exactly; the ops rebuild the undo history of the commands
 * pushed since the journal began (the "replayed stack"):
 *  Push  - a new command (text, mutations with before states) on top of the replayed stack at index-1;
 *  Amend - the top command absorbed a merged edit (its mutations are appended; text may change);
 *  Drop  - the top command merged into nothing and was removed;
 *  Index - undo/redo moved the replayed stack to \a index (the mutations are what the undo/redo changed);
 *  Apply - a change outside the replayed stack (no command, or one from before the journal began).
 */
struct JournalRecord
{
    enum class Op : std::uint8_t { Push, Amend, Drop, Index, Apply };
    Op op = Op::Apply;
    std::string text;
    int index = 0; ///< the replayed stack's index after this record
    std::vector<Mutation> mutations;
};

/**
 * Which file a journal's records apply to: a project file or autosave snapshot recognised by size and
 * modification time, or a project store (core/store) recognised by its id and the generation of its last
 * committed save (a store's file time changes when SQLite rolls back a save cut short, its committed state does not).
 */
struct JournalBase
{
    enum class Kind : std::uint8_t { Project, Autosave, Store };
    Kind kind = Kind::Project;
    std::int64_t size = -1;
    std::int64_t mtimeNs = 0;
    bool modified = false; ///< the base itself holds unsaved work (an autosave snapshot)
    std::string storeId;         ///< Store: the store's id (random, made when the store is created)
    std::int64_t generation = -1; ///< Store: counts the store's committed saves
};

struct JournalContents
{
    JournalBase base;
    std::vector<JournalRecord> records;
    std::int64_t validBytes = 0; ///< length of the intact part (header and whole records)
    bool torn = false;           ///< bytes after the intact part were ignored (a write cut short)
    std::string tornReason;
};

/** ".NAME.paddock.journal" beside the project; the untitled project's beside its autosave. */
std::string journalPath(const std::string &projectPath);
/** The identity of \a path now (size and modification time); size -1 when it does not exist. */
JournalBase fileIdentity(const std::string &path, JournalBase::Kind kind, bool modified);
/** Both name the same base: same size and time, or (stores) same store id and generation. */
bool sameFile(const JournalBase &a, const JournalBase &b);

/** Serialises a record (or the header) as one framed, checksummed block. */
std::string encodeRecord(const JournalRecord &record);
/**
 * Reads a journal: its header and every intact record. A torn or corrupt tail is reported in torn/tornReason
 * and ignored; nullopt (with \a error) only when the file cannot be read or has no valid header.
 */
std::optional<JournalContents> readJournal(const std::string &path, std::string *error);

/** Applies the records' after states to \a project in order (the data part of recovery). */
bool replayJournalData(Project *project, const std::vector<JournalRecord> &records, std::string *error);

/** The undo history the records describe: command texts of the replayed stack and its index. */
struct JournalHistory
{
    std::vector<std::string> commands;
    int index = 0;
};
JournalHistory replayJournalHistory(const std::vector<JournalRecord> &records);

// ---- Recovery ----------------------------------------------------------------------------------------------------

/** What crash recovery found for a project. */
struct Recovery
{
    std::string basePath;                   ///< the file to load: project, autosave or its pending snapshot
    JournalBase::Kind baseKind = JournalBase::Kind::Project; ///< Store: basePath is a project store
    std::optional<JournalContents> journal; ///< the edits to replay on it (absent: autosave alone)
    std::int64_t modifiedMs = 0;            ///< when the newest recovered change was written
};

/**
 * The unsaved work of \a projectPath (empty: the untitled project): a journal whose base file is still there,
 * unchanged, and that holds edits (or is based on an autosave snapshot); otherwise an autosave newer than the
 * project (findRecoverableAutosave). nullopt when nothing is to be recovered.
 */
std::optional<Recovery> findRecovery(const std::string &projectPath);
/**
 * The same for a project whose own base is not recognised by file identity: \a projectBase is the identity of
 * \a projectPath now (a project store's id and committed generation, core/store), or nullopt when it cannot be
 * read (then a journal on it is not applied).
 */
std::optional<Recovery> findRecovery(const std::string &projectPath, const std::optional<JournalBase> &projectBase);
/** Loads a recovery base (a path and the kind of file it is), e.g. store::loadProjectFile for stores. */
using ProjectLoader = std::function<std::optional<Project>(const std::string &path, std::string *error)>;
/**
 * Loads the base and replays the journal's data (no history); what the GUI shows, minus the undo stack. The base
 * is read with \a load when given (a project store), else as a project file.
 */
std::optional<Project> loadRecovery(const Recovery &recovery, std::string *error, const ProjectLoader &load = {});
/** Removes the journal, the autosave and any pending snapshot of \a projectPath. */
bool discardRecovery(const std::string &projectPath);

// ---- Writing -------------------------------------------------------------------------------------------------

/**
 * Appends records to the journal on a background thread: each record is written when it arrives and flushed
 * (fdatasync) within flushDelayMs, so an edit is on disk within a fraction of a second without stalling the
 * caller. Snapshots (a full autosave) are written by the same thread, in order with the records.
 * Errors (disk full) are reported through onError, from the writer thread.
 */
class JournalWriter
{
public:
    JournalWriter();
    ~JournalWriter(); ///< writes and flushes what is queued, then stops

    JournalWriter(const JournalWriter &) = delete;
    JournalWriter &operator=(const JournalWriter &) = delete;

    /** Begins a fresh journal for \a projectPath on the project file as it is now (atomically replaces any). */
    void startOnProject(const std::string &projectPath);
    /** Begins a fresh journal for \a projectPath on the given base (a project store's committed state). */
    void startOnBase(const std::string &projectPath, const JournalBase &base);
    /** Begins a fresh journal on a snapshot of \a project written as the autosave (untitled or unsaved work). */
    void startOnSnapshot(Project project, const std::string &projectPath, bool modified);
    /** Continues the journal recovery replayed: cuts its torn tail and appends after its last record. */
    void resume(const std::string &projectPath, std::int64_t validBytes);
    void append(JournalRecord record);
    /** Closes and removes the journal and its autosave (a declined recovery, a discarded session). */
    void discard(const std::string &projectPath);
    /** Stops journaling (no file is touched). */
    void stop();
    /** Waits until everything queued is written and flushed. */
    void flush();

    /** Bytes of the current journal (written and queued), for deciding when to write a snapshot. */
    std::int64_t journalBytes() const;
    bool active() const;

    int flushDelayMs = 200;
    /** Called on the writer thread after each snapshot: ok, error. */
    std::function<void(bool, const std::string &)> onSnapshotWritten;
    /** Called on the writer thread when a journal write fails. */
    std::function<void(const std::string &)> onError;

private:
    struct Task;
    void run();
    void post(Task task);
    void process(Task &task);
    bool writeAll(const std::string &bytes, std::string *error);
    void syncNow();
    void closeFile();

    mutable std::mutex mMutex;
    std::condition_variable mWake;
    std::condition_variable mIdle;
    std::deque<Task> mQueue;
    bool mBusy = false;
    bool mQuit = false;
    std::int64_t mBytes = 0;
    bool mActive = false;
    // writer thread only
    int mFd = -1;
    std::string mPath;
    bool mDirty = false;
    std::thread mThread;
};

} // namespace paddock::core
