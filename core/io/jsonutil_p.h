// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private helpers shared by the format readers and writers in core/io (not part of the public API).

#include "core/model/category.h"
#include "core/model/project.h"
#include "core/model/review.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace paddock::core::detail {

using Json = nlohmann::json;

/** User-visible text in the "Formats" translation context. */
std::string tr(const char *text);

/** Deepest nesting of lists and objects parseJson accepts (files Paddock reads nest fewer than 10 levels). */
constexpr int kMaxJsonDepth = 256;
/** Byte offset of the bracket that opens level \a maxDepth + 1 in JSON \a text, npos when none does. */
std::size_t tooDeepAt(const std::string &text, int maxDepth);
/**
 * Parses \a text; on failure \a error says "NAME: not valid JSON at line L, column C: what". Text nested deeper
 * than kMaxJsonDepth is refused before parsing, with its position.
 */
bool parseJson(const std::string &text, const std::string &name, Json *out, std::string *error);
/** "line L, column C" of byte offset \a byte in \a text (1-based). */
std::string positionOf(const std::string &text, std::size_t byte);

/** A double that prints as the shortest decimal form of \a f and converts back to exactly \a f. */
double shortestDouble(float f);

/** \a path with backslashes turned into slashes (Windows-style dataset paths). */
std::string toSlashes(std::string path);
/** \a path made absolute against \a dir (unchanged when already absolute), cleaned. */
std::string absoluteFrom(const std::string &dir, const std::string &path);
/** \a path relative to \a dir when both are absolute, with slashes; otherwise \a path unchanged. */
std::string relativeTo(const std::string &dir, const std::string &path);
/** Directory of a file path, absolute. */
std::string dirOf(const std::string &filePath);
/** Last component of \a path (after the last slash or backslash). */
std::string baseName(const std::string &path);
/** Frame image file names (not paths) in \a dir, in the image-folder clip's order (listFrameImages in
 *  core/video/imagefolder.h); empty when \a dir is not a folder. */
std::vector<std::string> listImageFiles(const std::string &dir);

/** Compact JSON form of per-frame labels (project file; documented in docs/project-format.md). */
Json labelsToJson(const FrameLabels &labels);
/** A species as the project file stores it (projectfile.cpp), also used by the edit journal. */
Json categoryToJson(const Category &c);
bool categoryFromJson(const Json &j, const std::string &where, Category *c, std::string *error);
/** One clip as the project file (and the project store, one row per clip) stores it: projectfile.cpp. */
Json clipToJson(const Clip &clip, const std::string &projectDir);
bool clipFromJson(const Json &j, const std::string &where, const std::string &projectDir, Clip *clip,
                  std::string *error);
/** The project's species list as the project file stores it; the reader refuses ids used twice. */
Json categoriesToJson(const std::vector<Category> &categories);
bool categoriesFromJson(const Json &cats, Project *project, std::string *error);
/** Reads labelsToJson's form; \a where names the item for messages. */
bool labelsFromJson(const Json &j, const std::string &where, FrameLabels *out, std::string *error);

/** Review rounds and error list of a clip (project file). */
Json reviewToJson(const ClipReview &review);
bool reviewFromJson(const Json &j, const std::string &where, ClipReview *out, std::string *error);

// ---- Checked field access: false with "WHERE: 'KEY' ..." in error. ----
bool getInt(const Json &obj, const char *key, const std::string &where, std::int64_t *out, std::string *error,
            bool required = true);
bool getInt(const Json &obj, const char *key, const std::string &where, int *out, std::string *error,
            bool required = true);
bool getDouble(const Json &obj, const char *key, const std::string &where, double *out, std::string *error,
               bool required = true);
bool getString(const Json &obj, const char *key, const std::string &where, std::string *out, std::string *error,
               bool required = true);
bool getBool(const Json &obj, const char *key, const std::string &where, bool *out, std::string *error,
             bool required = true);
/** Integer value of a number that must be integral (1.0 is accepted). */
bool asInteger(const Json &v, std::int64_t *out);

} // namespace paddock::core::detail
