// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

#include <optional>
#include <string>

namespace paddock::core {

/** Current version of the .paddock project format (documented in docs/project-format.md). */
constexpr int kProjectFormatVersion = 1;

/**
 * Project file (.paddock, JSON). Clip paths are stored relative to the project file's folder, so a
 * project folder can be handed on; load turns them back into absolute paths.
 */
std::string projectToJson(const Project &project, const std::string &projectDir);
std::optional<Project> projectFromJson(const std::string &text, const std::string &projectDir,
                                       const std::string &nameForMessages, std::string *error);

/** Saves atomically (temporary file, flush, rename). */
bool saveProject(const Project &project, const std::string &path, std::string *error);
std::optional<Project> loadProject(const std::string &path, std::string *error);

/** Writes \a data to \a path atomically (QSaveFile: temporary file, flush, rename). */
bool writeFileAtomically(const std::string &path, const std::string &data, std::string *error);
/** Reads a whole file; false with a message naming the file when it cannot. */
bool readWholeFile(const std::string &path, std::string *data, std::string *error);

} // namespace paddock::core
