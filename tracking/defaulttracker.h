// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/pointtracker.h"

#include <cstddef>

namespace paddock::tracking {

/// Frames a label inside a segment (a Refine correction) reaches on either side: its offset moves the estimates
/// falling linearly to nothing there (tracking errors change within a few frames). Every-25 Refine, other frames'
/// mean px on cows / dog / flies: 6 frames 7.190 / 25.271 / 1.358, 8 7.097 / 24.978 / 1.357, 10 7.086 / 24.835 /
/// 1.356, 13 7.093 / 24.724 / 1.357, the whole segment 7.138 / 24.410 / 1.364 (from 7.270 / 25.509 / 1.370).
inline constexpr int kCorrectionReachFrames = 10;

/** Tuning of the default tracker; the defaults are what `paddock propagate` uses. */
struct DefaultTrackerParams
{
    double fbThreshold = 2.0;     ///< forward-backward disagreement of the flow (px) above which a step counts as lost
    double lostLikeness = 0.75;   ///< likeness to the labelled patches below which a step counts as lost
    /// The same for animals tracked per point: a 7x7 window on a fly's leg tip half on the background still
    /// follows it (with the three settings below, flies every 25 hard_within8px 0.641 at 0.75, 0.713 at 0.5;
    /// 0.4 / 0.6: 0.704 / 0.690)
    double lostLikenessPointwise = 0.5;
    /// Likeness of the keypoint's own structure (the pixels that stand out of its labelled patches) below
    /// which a densely tracked step counts as lost (0: not checked). What lets DIS's medium preset keep a leg a
    /// pixel wide that steps: its flow holds the point on the background the leg left, and that background
    /// still looks like the labelled patch (tst_propagation's stepping leg).
    double lostStructure = 0.56;
    /// Spread a lost step adds, as a fraction of the animal's size (0.02 -> 0.005 once the structure check flags
    /// more steps lost: badja-cows every-10 delta_avg 0.789 -> 0.803, badja-dog 0.458 -> 0.465)
    double lostSigma = 0.005;
    /// The same for animals tracked per point, where a lost step is worth much less than the other direction's
    /// (flies every 25 hard_within8px 0.706 at 0.005, 0.711-0.713 at 0.1-1)
    double lostSigmaPointwise = 0.3;
    /// Spread a score adds per frame from the nearer label, as a fraction of how far the keypoint moves against
    /// the rest of its animal per frame between the labels (0: none). Only the scores change, not the positions.
    /// On badja, the flies and their step-5 cuts (every 10 / 25 and 3 / 5: 12 cases), 0 -> 0.3: the share
    /// within 5 % of the size among points scored 0.5-0.75 0.24-0.84 -> 0.45-0.86 from case to case, above 0.75
    /// 0.50-0.99 -> 0.56-0.99; how well scores rank right points above wrong ones (AUC) 0.823 -> 0.860 on
    /// average (flies every 10 0.807 -> 0.935, the dog 0.658 / 0.663 -> 0.671 / 0.718, the cows 0.856 / 0.885
    /// -> 0.833 / 0.874)
    double scoreMotion = 0.3;
    double switchGap = 0.0;       ///< forward and backward this many spreads apart: take the surer (0: always blend, better on badja)
    /// The same for animals tracked per point: a fly's leg that stepped is on one track or the other, never
    /// between (every-25 hard_within8px 0.665 -> 0.679 at 1)
    double switchGapPointwise = 1.0;
    /// ... but only where they are this many Lucas-Kanade windows apart: two tracks nearer than that follow the
    /// same structure, each drifting a little, and their blend is nearer than either (a fly's head lagging 5 px
    /// on one track; flies every 10 / every 25 within4px 0.9730 -> 0.9733 / 0.9483 -> 0.9490, hard_within8px
    /// 0.660 -> 0.662 / 0.669 -> 0.672; 0: no minimum)
    double switchMinGapPointwise = 1.5;
    /// Animals tracked per point: a step that fails its forward-backward check moves with the similarity that
    /// carries the animal's other keypoints (least median of squares) (a leg tip Lucas-Kanade lost goes with its body rather than staying
    /// where the window slid), and a keypoint once lost stays lost (searched for with its labels' patches,
    /// adding lostSigmaPointwise each step) until those re-find it. From the per-point tracker of an earlier
    /// round (it reached flies every 25 hard_within8px 0.711, within4px 0.950), measured with the other
    /// settings as they are: each off, every 25 hard_within8px 0.713 -> 0.694 / 0.706, every 10 0.652 ->
    /// 0.650 / 0.652. All four of these against the settings before (0.75, 0.005, off, off): every 25
    /// within4px 0.9507 -> 0.9513, hard_within8px 0.682 -> 0.713; every 10 0.9735 -> 0.9726, 0.662 -> 0.652;
    /// every 50 0.922 -> 0.926, 0.745 -> 0.756; the 5th-frame cut every 3 / 5 delta_avg 0.975 / 0.967 -> 0.978
    /// / 0.972.
    bool lostFollowsBodyPointwise = true;
    bool stickyLostPointwise = true;
    double margin = 64.0;         ///< pixels around an animal's labels that each crop keeps (at least)
    bool appearance = true;       ///< re-anchor lost points with templates from the labelled frames
    double templateAccept = 0.65; ///< normalised cross-correlation that re-anchors a lost point ...
    /// ... when it beats the correlation where the flow went by this much. On fur and blur many spots match
    /// about as well; since the flow lost its variational refinement, following it is right more often than
    /// jumping. 0.3 -> 0.7, delta_avg every 10 / 25: cows 0.806 / 0.720 -> 0.806 / 0.732, dog 0.463 / 0.323 ->
    /// 0.469 / 0.335; their 5th-frame cuts every 3 / 5: cows 0.752 / 0.690 -> 0.753 / 0.692, dog 0.391 / 0.275
    /// -> 0.409 / 0.285, pck05 and pck10 up or equal on all eight; at 1.5x (1281x720) cows 0.809 / 0.687 ->
    /// 0.807 / 0.699, dog 0.448 / 0.364 -> 0.456 / 0.349. 0.6 and 0.8 within 0.01 of 0.7; no search at all
    /// (appearance off) cows every 25 0.709, dog cut every 3 0.382. The built-in demo clip (drawn, crisp legs on
    /// a plain floor, where a jump to the labels' patch is seldom wrong) goes the other way: mean 2.18 -> 2.68 px,
    /// within 4 px 87.3 -> 84.4 % (linear interpolation 7.58 px, 54.4 %); the real clips decide.
    double templateGain = 0.7;
    /// The same for animals tracked per point: a fly's leg tip that matches its labels anywhere nearby is there
    /// (0.3: every-25 hard_within8px 0.650 -> 0.665 at 0)
    double templateGainPointwise = 0.0;
    double searchRadius = 0.15;   ///< how far a lost point is searched for, as a fraction of the animal's size
    /// DIS preset of the dense flow: 0 ultrafast, 1 fast, 2 medium. Medium (finest scale 1, larger and denser
    /// patches) holds better on blur and fast motion (with lostStructure: badja-dog every-10 delta_avg 0.419
    /// -> 0.458, badja-cows 0.775 -> 0.789, every-25 0.296 -> 0.335 and 0.661 -> 0.703) for about twice the
    /// flow's time.
    int disPreset = 2;
    /// DIS settings that replace the preset's where not negative: finest scale, patch size and stride, gradient
    /// descent and variational refinement iterations.
    int disFinestScale = -1;
    int disPatchSize = -1;
    int disPatchStride = -1;
    int disIterations = -1;
    /// Variational refinement iterations of the flow at each scale (-1: the preset's, 5 for medium). None: it
    /// took 30 % of the tracker's time and smoothed the flow across the edges of legs. Measured on badja every
    /// 10 / 25, delta_avg and ms per frame and animal, 5 -> 0: cows 0.802 / 0.711 -> 0.806 / 0.720, dog 0.465 /
    /// 0.341 -> 0.463 / 0.323, 11.6-12.5 -> 8.8-9.5 ms; their cuts to every 5th frame (every 3 / 5 of the cut):
    /// cows 0.742 / 0.687 -> 0.752 / 0.690, dog 0.373 / 0.255 -> 0.391 / 0.275. 1 or 2 iterations gave 9.9-10.9 ms.
    int disVarIterations = 0;
    int flowPixels = 320 * 320;   ///< most crop pixels an animal's flow is computed on (larger crops are scaled down)
    /// Animals smaller than this (px) are tracked per point with Lucas-Kanade on full-resolution pyramids: their
    /// legs are a few pixels wide, finer than dense flow's patches; larger ones move with the dense flow.
    double pointwiseBelow = 128.0;
    /// Animals tracked per point: most a step moves (image px) to where Lucas-Kanade from the frame the point
    /// started from (its label) puts it, so that the small errors of frame-to-frame steps do not add up (0:
    /// not done), with this many pyramid levels. Flies every 10 / 25, 0 -> 1 px: within4px 0.9733 -> 0.9735 /
    /// 0.9490 -> 0.9507, hard_within8px 0.664 -> 0.662 / 0.672 -> 0.682; 2 px 0.9733 / 0.9504, 0.660 / 0.677;
    /// 0.5 px 0.9737 / 0.9498; 1 px on 0 or 4 levels every 25 0.9501 / 0.9507, 0.678 / 0.681.
    double anchorRefine = 1.0;
    int anchorLevels = 3;
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
