// SPDX-License-Identifier: Apache-2.0
// One direction of tracking for one animal over one segment: each keypoint moves with the dense flow around
// it, is checked forward against backward, is declared lost when its patch stops looking like its labels,
// and is searched for with those labels' patches while lost. Per frame it gives a position and a variance.
#pragma once

#include "tracking/default/flow.h"
#include "tracking/default/plan.h"
#include "tracking/defaulttracker.h"

#include <opencv2/core.hpp>

#include <atomic>
#include <functional>
#include <vector>

namespace paddock::tracking::defaulttracker {

/** Where a keypoint stands when a segment starts: a label, or what the previous segment ended with. */
struct Carry
{
    bool has = false;
    cv::Point2f pos;    ///< image pixels
    float var = 0.f;    ///< px^2
    bool lost = false;
    bool occluded = false;
};

/** One keypoint along one direction: per frame offset of the segment. */
struct DirTrack
{
    std::vector<char> has;
    std::vector<cv::Point2f> pos; ///< image pixels
    std::vector<float> var;       ///< px^2 accumulated since the anchor it started from
    std::vector<int> anchor;      ///< frame offset of that anchor (the carried start counts as offset 0)
    std::vector<char> occluded;   ///< that anchor's visibility
    std::vector<char> lost;
    void resize(int frames);
};

/** A segment's crops (one per frame, \a roi of the image scaled by \a scale) and the flows between them. */
struct SegmentFrames
{
    cv::Rect roi;
    double scale = 1.0;
    bool pointwise = false;        ///< Lucas-Kanade per point on pyramids instead of dense flow
    DisSettings dis;               ///< of the dense flow
    std::vector<cv::Mat> crops;
    std::vector<std::vector<cv::Mat>> pyramids; ///< [i]: of crop i (pointwise only)
    std::vector<cv::Mat> forward;  ///< [i]: crop i -> crop i+1
    std::vector<cv::Mat> backward; ///< [i]: crop i+1 -> crop i
    cv::Point2f toCrop(cv::Point2f image) const
    {
        return (image - cv::Point2f(float(roi.x), float(roi.y))) * float(scale);
    }
    cv::Point2f toImage(cv::Point2f crop) const
    {
        return crop * float(1.0 / scale) + cv::Point2f(float(roi.x), float(roi.y));
    }
    /**
     * Adds the crop of \a gray (a full frame) and, from the second on, the flows from the previous one (or,
     * pointwise, its pyramid).
     */
    void add(const cv::Mat &gray);
    std::size_t bytes() const;
};

/** The crop of \a roi of \a gray at \a scale (a copy). */
cv::Mat cropOf(const cv::Mat &gray, const cv::Rect &roi, double scale);

/// Side (crop pixels) of the Lucas-Kanade window of the animals tracked per point: small, so thin legs outweigh
/// the background.
inline constexpr int kLkWindow = 7;

/** What one step of one keypoint needs besides the flows. */
struct StepContext
{
    const DefaultTrackerParams *params = nullptr;
    double scale = 1.0;        ///< crop pixels per image pixel
    double size = 0.0;         ///< the animal's size (image pixels)
    int searchRadius = 4;      ///< crop pixels around a lost point that template matching searches
    bool pointwise = false;    ///< the animal is tracked with Lucas-Kanade per point
};

/** A keypoint in crop coordinates while a pass runs. */
struct PointState
{
    cv::Point2f p;
    float var = 0.f;
    bool lost = false;
    const std::vector<cv::Mat> *anchorPyr = nullptr; ///< pointwise: the pyramid of the frame it started from
    cv::Point2f anchorP;                               ///< ... and where it was there (crop pixels)
};

/** How a point moves from crop A to crop B: dense flows both ways, or both crops' pyramids. */
struct Motion
{
    const cv::Mat *flowAB = nullptr;
    const cv::Mat *flowBA = nullptr;
    const std::vector<cv::Mat> *pyrA = nullptr;
    const std::vector<cv::Mat> *pyrB = nullptr;
};

/** The motion from crop \a from to crop \a to of \a frames (adjacent offsets, either order). */
Motion motionOf(const SegmentFrames &frames, int from, int to);

/**
 * Moves the keypoints \a s of one animal (those with \a active set) by \a motion onto \a cropB, checks each
 * backward and against its labelled patches \a endTemplates[k], re-anchors a lost one with \a templates[k].
 */
void stepPoints(std::vector<PointState> &s, const std::vector<char> &active, const Motion &motion,
                      const cv::Mat &cropB, const std::vector<std::vector<cv::Mat>> &endTemplates,
                      const std::vector<std::vector<cv::Mat>> &templates, const StepContext &ctx);

/**
 * Tracks the keypoints of \a plan over \a frames (segment [first, last]) in one direction: forward from \a start
 * and the labels on the first frame, or backward from the labels on the last, each keypoint checked against its
 * \a endTemplates and re-found with its \a templates; a label inside the segment starts a keypoint that has no
 * track yet and leaves the others alone. False when cancelled.
 */
bool trackDirection(const SegmentFrames &frames, const AnimalPlan &plan, int first, const std::vector<Carry> &start,
                    bool forward, const std::vector<std::vector<cv::Mat>> &endTemplates,
                    const std::vector<std::vector<cv::Mat>> &templates, const StepContext &ctx,
                    const std::atomic_bool &cancel, std::vector<DirTrack> *out);

/**
 * Runs \a a on a thread of its own and \a b on this one, and returns when both are done (an exception in either
 * is rethrown here). Not cv::parallel_for_: OpenCV runs a parallel_for_ nested in another one serially, so the
 * two flows of a frame pair, the two directions of a segment and the DIS inside them would share one core.
 */
void bothAtOnce(const std::function<void()> &a, const std::function<void()> &b);

} // namespace paddock::tracking::defaulttracker
