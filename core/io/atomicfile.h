// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace paddock::core {

/**
 * The one way Paddock writes a file: afterwards the path holds either its old content or the complete new
 * content, never a part, and a failure is reported, never taken for a save.
 *
 * open() creates a temporary file in the same folder (O_EXCL); write() checks every write; commit() fsyncs
 * and closes it (checked), renames it over the path and fsyncs the folder. Destroyed or discarded without a
 * successful commit(), the temporary file is removed and the old file is untouched. Messages name the path
 * and the system's reason ("No space left on device").
 */
class AtomicFile
{
public:
    AtomicFile() = default;
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    bool open(const std::string &path, std::string *error);
    bool write(const char *data, std::size_t size, std::string *error);
    bool write(const std::string &data, std::string *error) { return write(data.data(), data.size(), error); }
    bool commit(std::string *error);
    /** Removes the temporary file; the path keeps its old content. */
    void discard();

private:
    bool fail(const std::string &what, int err, std::string *error);

    int mFd = -1;
    std::string mPath; ///< what the caller named (messages)
    std::string mTarget; ///< where the file lands (a symbolic link's target)
    std::string mTemp;
};

/** Writes \a data to \a path through AtomicFile. */
bool writeFileAtomically(const std::string &path, const std::string &data, std::string *error);

/** Reads a whole regular file; false with a message naming the file (missing, a folder, not a file, why). */
bool readWholeFile(const std::string &path, std::string *data, std::string *error);

/**
 * Before long work whose result goes to \a path: true when a file can be created there (the nearest existing
 * folder on the way takes a new file and its disk has free blocks; \a path is not a folder). Creates nothing
 * that stays.
 */
bool checkWritable(const std::string &path, std::string *error);

/**
 * Removes what writers killed mid-write left in \a dir: temporary files of ours (".NAME.PID-xxxxxxxx.tmp")
 * whose process no longer runs, at least 10 s old (older names without a process id: a day old). Returns how
 * many. AtomicFile does this once per folder and process before its first write there.
 */
int removeStaleTemporaries(const std::string &dir);

/**
 * Creates \a dir and its missing parents; the folders it made are appended to \a created (outermost first),
 * so that a failed export can take them back (removeCreated()).
 */
bool makeFolders(const std::string &dir, std::vector<std::string> *created, std::string *error);

/**
 * What an export has created, taken back when it fails: files removed, then folders (innermost first, only
 * when empty). Call keep() once the export is complete.
 */
class CreatedPaths
{
public:
    CreatedPaths() = default;
    ~CreatedPaths();
    CreatedPaths(const CreatedPaths &) = delete;
    CreatedPaths &operator=(const CreatedPaths &) = delete;

    std::vector<std::string> folders;
    std::vector<std::string> files;
    void keep() { mKeep = true; }

private:
    bool mKeep = false;
};

} // namespace paddock::core
