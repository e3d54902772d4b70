// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

#include <optional>
#include <string>
#include <vector>

namespace paddock::core {

/** What a lenient read skipped, one readable line per problem (file, item, what is wrong). */
struct ReadReport
{
    std::vector<std::string> problems;
    /** What was read differently from what the file says, or left out harmlessly (never a reason to refuse). */
    std::vector<std::string> notes;
};

/**
 * Reads COCO keypoint JSON (AP-10K) and APTv2/APT-36K JSON, with Paddock's conventions
 * (images[].frame_id, videos[], track_id; see shared docs/formats.md). Images with a video_id become one
 * clip per video; images without become one image-list clip ordered by image id.
 * Strict mode (default): any problem returns nullopt and a message naming the file and what is wrong.
 * Lenient mode: bad items are skipped and listed in \a report.
 */
std::optional<Project> readCocoFile(const std::string &path, std::string *error, ReadReport *report = nullptr,
                                    bool lenient = false);
std::optional<Project> readCocoJson(const std::string &text, const std::string &nameForMessages,
                                    std::string *error, ReadReport *report = nullptr, bool lenient = false);

/**
 * What goes out. A person's labels (manual, imported, approved) always do. Tracker points (propagated,
 * refined, interpolated) of a clip whose review is accepted count as reviewed; all others are unreviewed.
 */
struct CocoWriteOptions
{
    bool aptv2 = false;          ///< add video_id/track_id/frame_id and videos[]
    bool extras = true;          ///< add keypoint_scores and keypoint_sources (readers ignore them)
    bool propagated = true;      ///< include unreviewed tracker output
    bool reviewed = true;        ///< include the tracker points of accepted clips
    /** false: unreviewed tracker points that go out get v=1 (labelled, not confirmed visible), never v=2. */
    bool unreviewedVisible = true;
    /** Write the frames of video clips (and of folder clips without file names) as images under this folder. */
    std::string frameDir;
    /**
     * Without frameDir, name a video's frames "video#000123" (Paddock's own reference, read back by Paddock;
     * no image loader opens it). false: such a clip makes the write fail with the reason.
     */
    bool videoFrameRefs = true;
};

/** How many points of \a project each kind of CocoWriteOptions selection covers. */
struct ExportCounts
{
    int manual = 0;     ///< manual and imported
    int approved = 0;
    int reviewed = 0;   ///< tracker points of accepted clips
    int unreviewed = 0; ///< other tracker points
    int videoClips = 0; ///< clips whose frames exist only inside a video (need frameDir)
};
ExportCounts countExport(const Project &project);

/** Writes COCO/APTv2 JSON atomically. Boxes are kept as given or computed from keypoints (padded, clipped). */
bool writeCocoFile(const Project &project, const std::string &path, const CocoWriteOptions &options,
                   std::string *error);

/** A box from the labelled keypoints, padded by \a pad (fraction of size) and clipped to the image. */
std::optional<Box> boxFromKeypoints(const Instance &inst, int imageWidth, int imageHeight, double pad = 0.1);

} // namespace paddock::core
