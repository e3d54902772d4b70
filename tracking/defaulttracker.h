// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/pointtracker.h"

#include <cstddef>

namespace paddock::tracking {

/** Tuning of the default tracker; the defaults are what `paddock propagate` uses. */
struct DefaultTrackerParams
{
    double fbThreshold = 2.0;     ///< forward-backward disagreement of the flow (px) above which a step counts as lost
    double lostLikeness = 0.75;   ///< likeness to the labelled patches below which a step counts as lost
    double lostSigma = 0.02;      ///< spread a lost step adds, as a fraction of the animal's size
    double switchGap = 0.0;       ///< forward and backward this many spreads apart: take the surer (0: always blend, better on badja)
    double margin = 64.0;         ///< pixels around an animal's labels that each crop keeps (at least)
    bool appearance = true;       ///< re-anchor lost points with templates from the labelled frames
    double templateAccept = 0.65; ///< normalised cross-correlation that re-anchors a lost point ...
    double templateGain = 0.3;    ///< ... when it beats the correlation where the flow went by this much
    double searchRadius = 0.15;   ///< how far a lost point is searched for, as a fraction of the animal's size
    int flowPixels = 320 * 320;   ///< most crop pixels an animal's flow is computed on (larger crops are scaled down)
    /// Animals smaller than this (px) are tracked per point with Lucas-Kanade on full-resolution pyramids: their
    /// legs are a few pixels wide, finer than dense flow's patches; larger ones move with the dense flow.
    double pointwiseBelow = 128.0;
    std::size_t memoryBudget = std::size_t(256) << 20; ///< bytes of crops and flows the animals' segments may hold
};

/**
 * The tracker that needs no model file. For each animal, between labelled frames: crops around the animal,
 * dense optical flow (DIS) between consecutive crops in both directions, every keypoint carried forward from
 * the label before and backward from the label after with the flow around it, checked forward against
 * backward and against its labelled patches (re-found by template matching when lost), and the two
 * directions blended by how near and how sure each is. Labelled frames come back exactly; frames with a
 * few corrected points anchor those points only. After the last label it streams forward in bounded memory.
 */
class DefaultTracker : public PointTracker
{
public:
    explicit DefaultTracker(DefaultTrackerParams params = {});
    std::string name() const override { return "default"; }
    bool track(core::FrameSource &frames, const TrackingInput &input, TrackingOutput *output,
               const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error) override;

    /** Peak bytes of crops and flows held at once during the last track() call. */
    std::size_t peakCropBytes() const { return mPeakCropBytes; }

private:
    DefaultTrackerParams mParams;
    std::size_t mPeakCropBytes = 0;
};

} // namespace paddock::tracking
