// SPDX-License-Identifier: Apache-2.0
// Joining the forward and backward tracks of a keypoint between its anchors.
#pragma once

#include "tracking/default/track.h"

namespace paddock::tracking::defaulttracker {

/** A keypoint's estimate on one frame. */
struct Estimate
{
    bool has = false;
    cv::Point2f pos;
    float var = 0.f; ///< px^2: the spread of the two directions and what each accumulated
    bool occluded = false;
    bool lost = false;
};

/**
 * On frame offset \a t: the forward track from the anchor before and the backward track from the anchor after,
 * weighted by how near each anchor is and by what each direction accumulated since it (TAP-Vid's annotators
 * filled frames the same way: track from both clicks, trust the nearer and the surer). One direction alone
 * where the other has no anchor. Where the two are more than \a switchGap of their accumulated spread apart,
 * the surer one alone (0: always blend).
 */
Estimate fuseAt(const DirTrack &forward, const DirTrack &backward, int t, float switchGap);

/** Score 0..1 of an estimate for an animal of \a size pixels: 0.5 where its spread is 5 % of the size. */
float scoreOf(const Estimate &e, double size);

} // namespace paddock::tracking::defaulttracker
