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

/**
 * One clip in the project file's clip form (docs/project-format.md, "clips[]"), as one compact JSON text. The
 * project file and the project store (core/store, one row per clip) share this code path, so every clip field
 * is written and read the same way in both.
 */
std::string clipToJsonText(const Clip &clip, const std::string &projectDir);
/** Reads clipToJsonText's form into \a clip (a fresh Clip); \a where names the clip in messages. */
bool clipFromJsonText(const std::string &text, const std::string &where, const std::string &projectDir, Clip *clip,
                      std::string *error);
/** The species list in the project file's "categories" form. */
std::string categoriesToJsonText(const std::vector<Category> &categories);
bool categoriesFromJsonText(const std::string &text, const std::string &where, std::vector<Category> *out,
                            std::string *error);

} // namespace paddock::core
