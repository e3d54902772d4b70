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
 * the surer one alone (0: always blend). Where they are \a pullBack pixels apart (0: never), the estimate is
 * pulled half way towards both anchors carried by the body's motion alone, blended the same way: two
 * directions that disagree followed something else at least once, and the body's motion is what stays near.
 */
Estimate fuseAt(const DirTrack &forward, const DirTrack &backward, int t, float switchGap, float pullBack = 0.f);

/** How a keypoint's whole path between two anchors is chosen (see fusePath). */
struct PathChoice
{
    bool enabled = false;
    float gapScale = 4.f;       ///< pixels of forward/backward disagreement at the switch that cost as much as ...
    float appearanceWeight = 3.f; ///< ... 1/3 of a frame of a direction whose patch no longer looks like the labels
    float lostPenalty = 0.3f;   ///< cost of a frame of a direction whose step was lost
    int switchFrames = 1;       ///< half the frames over which the path passes from forward to backward
};

/**
 * The estimates of a keypoint on every frame offset 0..n of a segment. Without \a choice: fuseAt per frame.
 * With it, between each two anchors the path follows the forward track up to one frame and the backward track
 * after it, switching where the two agree best and where neither looks lost (the path that best agrees with
 * the flow and the labelled patches), instead of averaging two tracks that followed different things.
 */
std::vector<Estimate> fusePath(const DirTrack &forward, const DirTrack &backward, float switchGap, float pullBack,
                               const PathChoice &choice);

/** Score 0..1 of an estimate for an animal of \a size pixels: 0.5 where its spread is 5 % of the size. */
float scoreOf(const Estimate &e, double size);

} // namespace paddock::tracking::defaulttracker
