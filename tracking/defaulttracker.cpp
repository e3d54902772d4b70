// SPDX-License-Identifier: Apache-2.0
// The default tracker's entry point; the parts live in tracking/default/: plan (labels and segments),
// flow (dense optical flow), patches (likeness and template search), track (one direction of one keypoint),
// fusion (both directions joined, scores) and engine (the frame loop).
#include "tracking/defaulttracker.h"

#include "tracking/default/engine.h"

namespace paddock::tracking {

DefaultTracker::DefaultTracker(DefaultTrackerParams params)
    : mParams(params)
{
}

bool DefaultTracker::track(core::FrameSource &frames, const TrackingInput &input, TrackingOutput *output,
                           const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error)
{
    if (!output) {
        if (error)
            *error = "no output";
        return false;
    }
    output->clear();
    defaulttracker::Engine engine(mParams, frames, input, progress, cancel);
    mPeakCropBytes = 0;
    const bool ok = engine.run(output, error, &mPeakCropBytes);
    if (!ok)
        output->clear();
    return ok;
}

} // namespace paddock::tracking
