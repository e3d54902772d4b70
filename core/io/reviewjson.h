// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"
#include "core/model/review.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paddock::core {

/** Version of the error-list exchange file ("format": "paddock-error-list"). */
constexpr int kErrorListVersion = 1;

/** A clip's error list on its own, as passed between reviewer and labeller without a server. */
struct ErrorList
{
    std::string clipName;
    std::string clipPath;      ///< as stored in the project (informative; clips are matched by name)
    int videoId = 0;
    std::string author;        ///< who exported it
    std::int64_t exported = 0; ///< milliseconds since the Unix epoch
    std::vector<ReviewEntry> entries;
};

/** The error list of \a clip as JSON text (entries only: labels and rounds stay in the project). */
std::string errorListToJson(const Clip &clip, const std::string &author, std::int64_t now);
/** Parses an error-list file; nullopt with a message naming \a nameForMessages and the bad item. */
std::optional<ErrorList> errorListFromJson(const std::string &text, const std::string &nameForMessages,
                                           std::string *error);
/** Writes the error list of \a clip to \a path atomically. */
bool exportErrorList(const Clip &clip, const std::string &path, const std::string &author, std::string *error);
std::optional<ErrorList> readErrorList(const std::string &path, std::string *error);

/** What an import did; conflicts are readable lines, one per entry that needed a decision. */
struct MergeReport
{
    int added = 0;      ///< new entries
    int updated = 0;    ///< entries replaced by a newer version from the file
    int unchanged = 0;  ///< identical on both sides
    int keptLocal = 0;  ///< the local version was newer or equally new and different
    std::vector<std::string> conflicts;
    std::vector<std::string> warnings; ///< e.g. the file names another clip, or an unknown track
};

/**
 * Merges \a incoming into \a review by entry id: unknown ids are added; the same entry (same id, frame,
 * track, keypoint, creation time and author) takes the version modified last; ties that differ and the
 * older side's edits are reported as conflicts; a different entry under a taken id is added under a new id
 * (and reported). Never touches labels.
 */
MergeReport mergeErrorEntries(ClipReview *review, const std::vector<ReviewEntry> &incoming);
/**
 * Imports \a list into \a clip's error list (Clip::review only; the labels are left exactly as they are).
 * Warns when the file names another clip or refers to frames or tracks the clip lacks.
 */
MergeReport importErrorList(Clip *clip, const ErrorList &list);

} // namespace paddock::core
