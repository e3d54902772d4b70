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
 * the surer one alone (0: always blend), if they are also at least \a minGap pixels apart.
 */
Estimate fuseAt(const DirTrack &forward, const DirTrack &backward, int t, float switchGap, float minGap = 0.f);

/**
 * A keypoint's estimates on every frame offset 0..n of the segment starting at \a first: fuseAt, moved onto the
 * keypoint's labels inside the segment (a few points corrected on a frame). The offset from the estimate to
 * each such label is interpolated between them, falls to nothing towards a labelled end of the segment and is
 * held towards an end without one, and reaches kCorrectionReachFrames (10) either side of a label, falling
 * linearly: a correction moves the frames near it and leaves the rest alone (tracking on from a frame that
 * needed correcting, a hard one, went astray more often than it helped). On a frame where the animal has labels
 * but this keypoint has none (corrected, it was left as it was) the offset is nothing: a correction does not
 * reach past a frame that was looked at (badja every-25 Refine: the untouched points on the corrected frames 5.33 -> 5.44 px on
 * the cows without this, 5.33 -> 5.26 with it).
 */
std::vector<Estimate> fuseSegment(const AnimalPlan &plan, int first, const DirTrack &forward, const DirTrack &backward,
                                  int k, float switchGap, float minGap = 0.f);

/**
 * Per keypoint of \a plan: how far it moves against the rest of the animal per frame between its labels on
 * \a first and \a last (image pixels per frame: its displacement between them less the animal's mean
 * displacement, over the frames between). A keypoint not labelled on both gets the root mean square of those
 * that are; every one 0 where fewer than two are.
 */
std::vector<float> relativeSpeeds(const AnimalPlan &plan, int first, int last);

/**
 * The spread (px^2) the score of frame offset \a t reports: what the tracks accumulated (\a e.var) plus, squared,
 * \a gain times the keypoint's \a relativeSpeed times the frames to the nearer anchor its tracks started from.
 * A keypoint that moves against its animal, far from any label, is less sure than its flow checks alone say.
 */
float scoreSpread(const Estimate &e, const DirTrack &forward, const DirTrack &backward, int t, float relativeSpeed,
                  float gain);

/** Score 0..1 of an estimate for an animal of \a size pixels: 0.5 where its spread is 5 % of the size. */
float scoreOf(const Estimate &e, double size);

} // namespace paddock::tracking::defaulttracker
