// SPDX-License-Identifier: Apache-2.0
// paddock merge: joins projects or COCO/APTv2 files of one dataset, clip by clip, matched by identity.
#pragma once

#include "core/checks/agreement.h"
#include "core/model/project.h"
#include "core/video/clipframes.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace paddock::core {

/** One input of a merge: where it came from (for the report and Clip::origin) and what it holds. */
struct MergeInput
{
    std::string path;
    Project project;
};

struct MergeOptions
{
    /** Hash the frame files (ClipIdentity::contentHash). false: match by name and frame count only (no reads). */
    bool hashContent = true;
    AgreementOptions agreement; ///< for the figures of clips labelled differently
    /**
     * The dataset every input started from (optional, e.g. the file the labellers were given): a version whose
     * labels are the base's is no one's work, so where other versions differ from it, it is left out (an
     * unchanged copy never stands against a labeller's edit). Without a base every difference is a version.
     */
    const Project *base = nullptr;
};

/** What happened to one clip (one identity). */
struct MergedClipReport
{
    ClipIdentity identity;
    std::string name;
    int videoId = 0;
    enum class Outcome {
        Only,     ///< in one input only: taken as it is
        Same,     ///< in several inputs with identical labels: one clip
        Versions, ///< labelled differently: one clip per version (Clip::origin), for the reviewer to choose
        Edited,   ///< with a base: changed in some inputs (all alike), the others unchanged: the change is taken
    } outcome = Outcome::Only;
    /** The inputs (indices) that have the clip, and for Versions the version each one's labels are. */
    std::vector<int> inputs;
    std::vector<int> versionOf; ///< parallel to inputs: index of the distinct version (0 = first)
    /** Versions only: each later version against the first (paddock compare's figures). */
    std::vector<AgreementReport> agreement;
};

struct ProjectMergeReport
{
    std::vector<std::string> inputs;         ///< paths, in the order given
    int unchangedDropped = 0;                ///< versions left out because they equal the base
    std::vector<int> clipsPerInput;
    std::vector<MergedClipReport> clips;     ///< in the merged project's order
    std::vector<std::string> notes;
    int only = 0, same = 0, versions = 0, edited = 0;
    /** Ids renumbered because a clip of another identity held them already (a real collision; notes name them). */
    int renumberedVideoIds = 0, renumberedImageIds = 0, renumberedAnnotationIds = 0;
};

/**
 * Merges \a inputs into \a out. Clips are matched by ClipIdentity (never by position or video id). A clip in
 * one input is taken as is; the same clip with the same labels in several inputs becomes one clip (the first
 * input's, with the other inputs' review rounds it lacks noted, never mixed); with different labels every
 * distinct version is kept as its own Clip, in input order, with Clip::origin = the input's path, and the
 * report gives paddock compare's figures of each against the first. Labels keep their frames exactly.
 * Merged clips are ordered by video id, then by first appearance (the dataset's order: shards of one dataset
 * merge back to the one-process order). Video, image and annotation ids are kept as the inputs have them
 * (the shards of `paddock propagate --shard` merge back byte for byte); only an id that a clip of another
 * identity holds already is renumbered (after the largest id of the merge), counted and noted in the report.
 * Categories are joined by id; the same id with different keypoints is an error. False with a message
 * (nothing in \a out) when a clip's frames cannot be read to identify it, or the inputs do not fit together.
 */
bool mergeProjects(const std::vector<MergeInput> &inputs, Project *out, ProjectMergeReport *report, std::string *error,
                   const MergeOptions &options = {});

/** Reads one merge input: a .paddock project, or a COCO/APTv2/PoseTrack file (strict). */
bool readMergeInput(const std::string &path, MergeInput *out, std::string *error);

/** Whether two clips carry the same labels: the same animals on the same frames at the same points. */
bool sameLabels(const Clip &a, const Clip &b);

nlohmann::json mergeReportToJson(const ProjectMergeReport &report);
std::vector<std::string> mergeReportToText(const ProjectMergeReport &report);

} // namespace paddock::core
