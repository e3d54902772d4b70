// SPDX-License-Identifier: Apache-2.0
#pragma once
// The project store (.paddockdb): a project in an SQLite database, one row per clip, so that a save writes only
// the clips that changed. Format, crash safety and recovery: docs/project-format.md, "Project store".
// This library (paddock_store) links paddock_core and Qt SQL and nothing of the GUI; its header keeps Qt SQL out.

#include "core/io/journal.h"
#include "core/model/project.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace paddock::store {

/** Current version of the store's schema (meta key "version"). */
constexpr int kStoreFormatVersion = 1;
/** The file name ending Paddock gives a project store. */
constexpr const char kStoreSuffix[] = ".paddockdb";

/** True when \a path is an SQLite database (by its first 16 bytes, whatever its name). */
bool isStoreFile(const std::string &path);
/** True when \a path ends in .paddockdb (case-insensitive). */
bool hasStoreSuffix(const std::string &path);

/** What changed in a project since it was last loaded from or saved to its store. */
struct StoreChanges
{
    std::set<int> clips;     ///< positions of clips whose content changed
    bool categories = false; ///< the species list changed
    bool clipList = false;   ///< clips were added, removed or reordered (or unknown): every clip row is rewritten

    bool empty() const { return clips.empty() && !categories && !clipList; }
    /** Everything: what a project not read from this store needs. */
    static StoreChanges all()
    {
        StoreChanges c;
        c.clipList = true;
        c.categories = true;
        return c;
    }
};

/** What the last save wrote. */
struct StoreSaveStats
{
    int clipsWritten = 0;
    std::int64_t bytesWritten = 0; ///< clip JSON written
    bool full = false;             ///< every row was rewritten
};

/**
 * An open project store. open() reads the project; save() writes the given changes in one SQLite transaction
 * (synchronous=FULL, rollback journal), so a kill at any moment leaves the last committed state; each commit
 * increments the store's generation, which names the committed state for the edit journal (identity()).
 * Not thread-safe: use from one thread.
 */
class ProjectStore
{
public:
    ProjectStore();
    ~ProjectStore();
    ProjectStore(const ProjectStore &) = delete;
    ProjectStore &operator=(const ProjectStore &) = delete;

    /** Opens the store at \a path and reads its project (clip rows parsed in parallel). */
    std::optional<core::Project> open(const std::string &path, std::string *error);
    /**
     * Writes \a project as a new store at \a path: built in a temporary file beside it, then renamed over
     * whatever is there (atomic: a kill leaves the old file or the complete new store). The new store stays open.
     */
    bool create(const core::Project &project, const std::string &path, std::string *error);
    /**
     * Writes what \a changes names of \a project to the open store in one transaction. When the store was
     * committed by someone else since (its generation moved), every row is rewritten.
     */
    bool save(const core::Project &project, const StoreChanges &changes, std::string *error);
    void close();

    bool isOpen() const;
    /** The open store's path (absolute), empty when closed. */
    std::string path() const;
    /** The committed state: kind Store, the store's id and generation (for the edit journal's header). */
    core::JournalBase identity() const;
    StoreSaveStats lastSave() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/** Reads the project of the store at \a path (opened and closed again). */
std::optional<core::Project> loadStore(const std::string &path, std::string *error);
/** Writes \a project as a new store at \a path (ProjectStore::create, then closed). */
bool saveStore(const core::Project &project, const std::string &path, std::string *error);
/** The store's committed identity (id, generation); nullopt with \a error when it is not a readable store. */
std::optional<core::JournalBase> readStoreIdentity(const std::string &path, std::string *error);

/** Reads a project file or a project store, told apart by content. */
std::optional<core::Project> loadProjectFile(const std::string &path, std::string *error);

/** core::findRecovery for a project file or a project store (whose base is its committed generation). */
std::optional<core::Recovery> findRecovery(const std::string &projectPath);
/** core::loadRecovery, reading a store base as a store. */
std::optional<core::Project> loadRecovery(const core::Recovery &recovery, std::string *error);

} // namespace paddock::store
