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

/** One animal of a plan: what it has labelled inside the plan's frame range. */
struct PlannedTrack
{
    int trackId = 0;
    int categoryId = 1;
    int keypointCount = 0;        ///< the category's keypoints (or more, when an instance has more)
    int firstLabel = 0;           ///< first frame with a user label (in the range)
    int lastLabel = 0;            ///< last frame with a user label (in the range)
    std::vector<int> labelledFrames; ///< every frame with a user label (in the range), ascending
    /**
     * Labelled on one frame only: there is no span to fill, so propagating it means tracking it forward from
     * that frame to the end of the range, which is what a labeller who labels one frame and presses Propagate
     * asks for. Those points come with low scores (at most outsideSpanScore()), as with extrapolate.
     */
    bool forwardFromOnlyLabel = false;
    /** The last frame this track may be filled on without extrapolate. */
    int fillEnd(int rangeLast) const { return forwardFromOnlyLabel ? rangeLast : lastLabel; }
};

/**
 * The plan of one tracking run: a snapshot of one clip's labels and categories, which tracks and frames to
 * fill, and (once planTracking() accepted it) what each track has labelled. Everything a tracker needs, as
 * plain values; trackers never touch the Document. runPropagation() checks the plan once (tracks with labels,
 * the frame range inside the clip) and fills the planned fields before the tracker sees it; a tracker called
 * directly with an unchecked input plans it itself (planTracking, tracking/propagation.h).
 */
struct TrackingInput
{
    core::Clip clip;                      ///< labels snapshot (user labels are the anchors)
    std::vector<core::Category> categories;
    std::vector<int> trackIds;            ///< tracks to propagate; empty: all with labels. Planned: exactly those
    int firstFrame = 0;                   ///< planned: the first frame a tracker must fill
    int lastFrame = -1;                   ///< inclusive; -1: the clip's last frame. Planned: the last to fill
    /** A re-run after corrections: the merge marks results Refined (trackers need not look at it). */
    bool refine = false;
    /**
     * Also fill frames before an animal's first and after its last label (within the range). Off: no output
     * outside an animal's labelled span. On: such points come with low scores (at most outsideSpanScore()).
     */
    bool extrapolate = false;

    // Filled by planTracking(); a tracker may rely on them when planned is true.
    bool planned = false;
    int frameCount = 0;                   ///< frames of the clip the plan was checked against
    std::vector<PlannedTrack> tracks;     ///< the tracks to fill, ascending by id, each with labels in the range

    const PlannedTrack *plannedTrack(int trackId) const
    {
        for (const PlannedTrack &t : tracks)
            if (t.trackId == trackId)
                return &t;
        return nullptr;
    }
    /** Whether \a frame is inside \a trackId's labelled span (first to last label). */
    bool inSpan(int trackId, int frame) const
    {
        const PlannedTrack *t = plannedTrack(trackId);
        return t && frame >= t->firstLabel && frame <= t->lastLabel;
    }
};

/** The highest score a point \a frames outside its animal's labelled span may have (extrapolate only). */
inline float outsideSpanScore(int frames)
{
    return frames <= 0 ? 1.0f : 0.2f / (1.0f + 0.1f * float(frames));
}

/** Tracker output: for each frame, the instances of the propagated tracks (every keypoint with a score). */
using TrackingOutput = std::map<int, std::vector<core::Instance>>;

/** The interface both trackers implement. Implementations run on a worker thread with their own FrameSource. */
class PointTracker
{
public:
    virtual ~PointTracker() = default;
    virtual std::string name() const = 0;
    /**
     * Loads what the tracker needs before tracking (a model file); called by the job on its worker thread
     * before track(), with progress and cancel. The default has nothing to load.
     */
    virtual bool prepare(const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error)
    {
        (void)progress;
        (void)cancel;
        (void)error;
        return true;
    }
    /**
     * Fills every keypoint of every requested track on every frame of the range. User labels come back
     * exactly; tracked points carry any non-user source (the merge marks them Propagated or Refined).
     * Returns false with \a error on failure or when \a cancel became true, within about 200 ms of it.
     */
    virtual bool track(core::FrameSource &frames, const TrackingInput &input, TrackingOutput *output,
                       const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error) = 0;
};

} // namespace paddock::tracking
