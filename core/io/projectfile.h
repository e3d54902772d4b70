// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/io/atomicfile.h" // writeFileAtomically, readWholeFile (were declared here)
#include "core/model/project.h"

#include <optional>
#include <string>

namespace paddock::core {

/** Current version of the .paddock project format (documented in docs/project-format.md). */
constexpr int kProjectFormatVersion = 2; ///< 2: image-list clips (Clip::imageRoot); files without them are written as 1

/**
 * Project file (.paddock, JSON). Clip paths are stored relative to the project file's folder, so a
 * project folder can be handed on; load turns them back into absolute paths.
 */
std::string projectToJson(const Project &project, const std::string &projectDir);
std::optional<Project> projectFromJson(const std::string &text, const std::string &projectDir,
                                       const std::string &nameForMessages, std::string *error);

/** Saves through writeFileAtomically: the old file stays intact unless the new one is complete. */
bool saveProject(const Project &project, const std::string &path, std::string *error);
std::optional<Project> loadProject(const std::string &path, std::string *error);


} // namespace paddock::core
