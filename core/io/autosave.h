// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

#include <optional>
#include <string>

namespace paddock::core {

/**
 * Autosave files for crash recovery. A saved project "DIR/NAME.paddock" autosaves to
 * "DIR/.NAME.paddock.autosave"; a project never saved autosaves to "untitled.paddock.autosave" in the
 * "autosave" folder of the application's data location (QStandardPaths::AppDataLocation).
 * The autosave is an ordinary project file (same format, clip paths relative to its own folder), so
 * loadProject() opens it. All functions are safe to call from a background thread with a snapshot.
 */
std::string autosavePath(const std::string &projectPath);

/** Writes \a project to the autosave file of \a projectPath (empty: unsaved project), atomically. */
bool writeAutosave(const Project &project, const std::string &projectPath, std::string *error);

/**
 * The autosave file worth offering for recovery: it exists and is newer than the project file, or the
 * project file does not exist (never saved). nullopt when there is nothing to recover.
 */
std::optional<std::string> findRecoverableAutosave(const std::string &projectPath);

/** Removes the autosave file of \a projectPath (after a successful save or a declined recovery). */
bool discardAutosave(const std::string &projectPath);

} // namespace paddock::core
