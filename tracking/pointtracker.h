// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace paddock::core {
class FrameSource;
}

namespace paddock::tracking {

/** Which tracker to run and how; the learned tracker's options are ignored by the default one. */
struct TrackerOptions
{
    std::string tracker = "default"; ///< "default" (OpenCV, no model file) or "cotracker3"
    std::string weights;             ///< CoTracker3 checkpoint (user-supplied, CC BY-NC)
    std::string device = "auto";     ///< auto | cpu | cuda
    int steps = -1;                  ///< test-time optimisation steps; -1: the tracker's default for the device
};

/** Progress of a long job: done of total units, an estimate of the time left, and what it is doing. */
struct Progress
{
    int done = 0;
    int total = 0;
    double secondsLeft = -1.0; ///< < 0 when unknown
    std::string stage;
};

using ProgressFn = std::function<void(const Progress &)>;

/**
 * Everything a tracker needs, as plain values: a snapshot of one clip's labels, its categories, the tracks
 * and frame range to fill. Trackers never touch the Document.
 */
struct TrackingInput
{
    core::Clip clip;                      ///< labels snapshot (user labels are the anchors)
    std::vector<core::Category> categories;
    std::vector<int> trackIds;            ///< tracks to propagate; empty: all
    int firstFrame = 0;
    int lastFrame = -1;                   ///< inclusive; -1: the clip's last frame
    bool refine = false;                  ///< a re-run after corrections: results are marked Refined
};

/** Tracker output: for each frame, the instances of the propagated tracks (every keypoint with a score). */
using TrackingOutput = std::map<int, std::vector<core::Instance>>;

/** The interface both trackers implement. Implementations run on a worker thread with their own FrameSource. */
class PointTracker
{
public:
    virtual ~PointTracker() = default;
    virtual std::string name() const = 0;
    /**
     * Fills every keypoint of every requested track on every frame of the range. User labels come back
     * exactly. Returns false with \a error on failure or when \a cancel became true.
     */
    virtual bool track(core::FrameSource &frames, const TrackingInput &input, TrackingOutput *output,
                       const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error) = 0;
};

} // namespace paddock::tracking
