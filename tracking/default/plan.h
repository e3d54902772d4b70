// SPDX-License-Identifier: Apache-2.0
// What the default tracker does for each animal: its labelled frames and the segments between them.
#pragma once

#include "tracking/pointtracker.h"

#include <opencv2/core.hpp>

#include <vector>

namespace paddock::tracking::defaulttracker {

/** A person's label of one keypoint. */
struct Anchor
{
    bool has = false;
    cv::Point2f pos;
    bool occluded = false;
};

/** One stretch of frames [first, last] tracked at once for one animal. */
struct SegmentPlan
{
    enum Kind { Backward, Both, Forward };
    Kind kind = Both;
    int first = 0;
    int last = 0;
};

/** One animal: its keypoints' labels on the frames of the range and its segments, in order. */
struct AnimalPlan
{
    int trackId = 0;
    int categoryId = 1;
    int K = 0;
    std::map<int, std::vector<Anchor>> labels; ///< frame -> per keypoint (only frames with a label)
    std::vector<SegmentPlan> segments;

    const Anchor *label(int frame, int k) const;
    /** The longer side of the box of its labels on the labelled frames in [first, last]; 0 when none. */
    double size(int first, int last) const;
};

/**
 * The animals of \a input with labels in [f0, f1] and their segments. Frames where an animal has at least
 * half as many labelled keypoints as on its best-labelled frame end a segment (both directions meet there);
 * frames with fewer labels (a few corrected points) are anchors of those keypoints only, inside a segment,
 * so the other keypoints keep tracking between the full labels around them.
 */
std::vector<AnimalPlan> planAnimals(const TrackingInput &input, int f0, int f1);

} // namespace paddock::tracking::defaulttracker
