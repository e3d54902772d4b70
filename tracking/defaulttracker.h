// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/pointtracker.h"

#include <cstddef>

namespace paddock::tracking {

/** Tuning of the default tracker; the defaults are what `paddock propagate` uses. */
struct DefaultTrackerParams
{
    int winSize = 7;              ///< Lucas-Kanade window (pixels, odd): small, so thin legs outweigh the background
    int levels = 4;               ///< pyramid levels above the base (fast limbs)
    double fbThreshold = 2.0;     ///< forward-backward error (px) above which a step counts as lost
    double lostLikeness = 0.5;    ///< likeness to the labelled patches below which a step counts as lost
    double lostPenalty = 0.3;     ///< pixels of disagreement a known-lost direction costs when choosing the switch
    double gapScale = 4.0;        ///< pixels of forward/backward disagreement that cost as much as ...
    double appearanceWeight = 3.0; ///< ... 1/3 of a frame of a track whose patch no longer looks like the labels
    int switchFrames = 1;         ///< half the number of frames over which fusion passes from forward to backward
    bool bridgeLost = false;       ///< bridge the frames where both directions are lost linearly
    double margin = 64.0;         ///< pixels around an animal's labels that each crop keeps (at least)
    bool appearance = true;       ///< re-anchor lost points with templates from the labelled frames
    double templateAccept = 0.65; ///< normalised cross-correlation that re-anchors a lost point
    double searchRadius = 0.15;   ///< how far a lost point is searched for, as a fraction of the animal's size
    std::size_t memoryBudget = std::size_t(256) << 20; ///< bytes of crops (and kept pyramids) a segment may hold
};

/**
 * The tracker that needs no model file: pyramidal Lucas-Kanade forward and backward between labelled
 * frames with forward-backward checks, body-motion fallback for lost points, template re-anchoring, and a
 * drift-closing fusion that honours every labelled frame exactly.
 */
class DefaultTracker : public PointTracker
{
public:
    explicit DefaultTracker(DefaultTrackerParams params = {});
    std::string name() const override { return "default"; }
    bool track(core::FrameSource &frames, const TrackingInput &input, TrackingOutput *output,
               const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error) override;

    /** Peak bytes of frame crops and kept pyramids held at once during the last track() call. */
    std::size_t peakCropBytes() const { return mPeakCropBytes; }

private:
    DefaultTrackerParams mParams;
    std::size_t mPeakCropBytes = 0;
};

} // namespace paddock::tracking
