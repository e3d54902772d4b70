// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/pointtracker.h"

#include <functional>
#include <memory>
#include <string>

namespace paddock::core {
class Clip;
class FrameSource;
}

namespace paddock::tracking {

/** Opens a clip's frames; the default is core::FrameSource::open. Tests pass their own. */
using FrameSourceOpener =
    std::function<std::unique_ptr<core::FrameSource>(const std::string &path, std::string *error)>;

/**
 * The opener of \a clip's own frames (core::openClipFrames: its image list, video or folder), whatever path it
 * is given; it keeps a label-free copy of the clip, so it may outlive \a clip. Pass it to runPropagation.
 */
FrameSourceOpener clipFramesOpener(const core::Clip &clip);

/** What a propagation job did. */
struct PropagationStats
{
    int firstFrame = 0;
    int lastFrame = -1;
    double seconds = 0.0;
    std::string tracker;
};

/**
 * Checks a plan once and fills its planned fields: the frame range must lie inside the clip's \a frameCount
 * frames (0: the clip's effectiveFrameCount(); lastFrame -1: the last frame), every requested track must have
 * user labels in the range (with no tracks requested: the tracks that have them), and without
 * input->extrapolate the range narrows to the frames between the first and the last label of any planned
 * track. False with a message saying what to change; a plan already checked against \a frameCount is kept.
 */
bool planTracking(TrackingInput *input, int frameCount, std::string *error);

/** The earlier name of planTracking(). */
inline bool prepareInput(TrackingInput *input, int frameCount, std::string *error)
{
    return planTracking(input, frameCount, error);
}

/**
 * What every tracker's output goes through: drops instances of tracks or frames the plan does not ask for,
 * and points outside an animal's labelled span (or, with plan.extrapolate, caps their scores at
 * outsideSpanScore() of the distance to the span). Returns the number of instances dropped.
 */
int enforcePlan(const TrackingInput &plan, TrackingOutput *output);

/**
 * The propagation job: opens its own frame source on \a clipPath (with \a open when given; else, when
 * \a clipPath is input.clip.path, core::openClipFrames(input.clip), so an image-list clip is its own files), plans \a input (planTracking), lets
 * \a tracker load what it needs (PointTracker::prepare: a model file), runs it on the plan and passes its
 * output through enforcePlan(). Reports progress (throttled to about 10 Hz, with an estimate of the time left;
 * the last report has done == total) and stops early when \a cancel becomes true (false, error "cancelled").
 * Exceptions from the tracker (LibTorch's included) become a message.
 * Blocking: run it on a worker thread. The output holds plain core instances.
 */
bool runPropagation(PointTracker &tracker, const std::string &clipPath, TrackingInput input,
                    const ProgressFn &progress, const std::atomic_bool &cancel, TrackingOutput *output,
                    std::string *error, PropagationStats *stats = nullptr, const FrameSourceOpener &open = {});

/**
 * Writes tracker output into \a clip; the one place where tracked points get their source. Keypoints a person
 * vouched for (Manual, Approved, Imported) are never overwritten and user labels in the output are taken as
 * echoes of the input; every other keypoint of the output replaces what was there, marked Refined when
 * \a refine (else Propagated), whatever source the tracker gave it, with the tracker's score clamped to 0..1.
 * Returns the number of keypoints that changed.
 */
int mergeTrackingOutput(core::Clip *clip, const TrackingOutput &output, bool refine);

/** Wraps \a progress so that it is called at most every \a intervalMs (and always at the end), with an ETA. */
ProgressFn throttledProgress(const ProgressFn &progress, int intervalMs = 100);

} // namespace paddock::tracking
