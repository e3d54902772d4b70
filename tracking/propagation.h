// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/pointtracker.h"

#include <functional>
#include <memory>
#include <string>

namespace paddock::core {
class FrameSource;
}

namespace paddock::tracking {

/** Opens a clip's frames; the default is core::FrameSource::open. Tests pass their own. */
using FrameSourceOpener =
    std::function<std::unique_ptr<core::FrameSource>(const std::string &path, std::string *error)>;

/** What a propagation job did. */
struct PropagationStats
{
    int firstFrame = 0;
    int lastFrame = -1;
    double seconds = 0.0;
    std::string tracker;
};

/**
 * Checks \a input (tracks with labels, frame range inside the clip) and narrows the range to the frames the
 * job has to fill: [firstFrame, lastFrame] clipped to the clip's \a frameCount. False with a message when
 * there is nothing to propagate.
 */
bool prepareInput(TrackingInput *input, int frameCount, std::string *error);

/**
 * The propagation job: opens its own frame source on \a clipPath, runs \a tracker on the snapshot \a input,
 * reports progress (throttled to about 10 Hz, with an estimate of the time left; the last report has
 * done == total) and stops early when \a cancel becomes true (false, error "cancelled").
 * Blocking: run it on a worker thread. The output holds plain core instances.
 */
bool runPropagation(PointTracker &tracker, const std::string &clipPath, TrackingInput input,
                    const ProgressFn &progress, const std::atomic_bool &cancel, TrackingOutput *output,
                    std::string *error, PropagationStats *stats = nullptr, const FrameSourceOpener &open = {});

/**
 * Writes tracker output into \a clip. Keypoints a person vouched for (Manual, Approved, Imported) are never
 * overwritten; every other keypoint of the output replaces what was there, marked Refined when \a refine
 * (else Propagated) with the tracker's score. Returns the number of keypoints that changed.
 */
int mergeTrackingOutput(core::Clip *clip, const TrackingOutput &output, bool refine);

/** Wraps \a progress so that it is called at most every \a intervalMs (and always at the end), with an ETA. */
ProgressFn throttledProgress(const ProgressFn &progress, int intervalMs = 100);

} // namespace paddock::tracking
