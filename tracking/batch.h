// SPDX-License-Identifier: Apache-2.0
// Batch propagation: every clip of a dataset (or a selection, or one shard of it) through runPropagation(),
// clips in parallel on a pool of worker threads, with progress over the whole dataset, cancel and per-clip
// errors. No Qt GUI: the command line (`paddock propagate DATASET.json`) and the app's background job use it.
#pragma once

#include "tracking/pointtracker.h"
#include "tracking/propagation.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace paddock::tracking {

/**
 * The clips of \a project that \a text names, as indices into project.clips in project order, each once.
 * \a text is a comma-separated list of video ids ("35"), ranges of video ids ("1-20") and clip names (a name
 * matches before a number or range does). Empty or "all": every clip. False with a message naming the first
 * item that matches no clip.
 */
bool selectClips(const core::Project &project, const std::string &text, std::vector<std::size_t> *clips,
                 std::string *error);

/** One of several disjoint parts of a selection: part \a index (0-based) of \a count. */
struct Shard
{
    int index = 0;
    int count = 1;
};

/** Parses "I/N" (0 <= I < N); false with a message otherwise. */
bool parseShard(const std::string &text, Shard *shard, std::string *error);

/**
 * The clips of \a clips (indices into project.clips, in order) that form \a shard. The parts are contiguous
 * runs of the list, balanced by frame count: a clip belongs to part floor(count * m / F), where m is the
 * number of frames before the clip's middle frame in the list and F all frames of the list. So the parts are
 * disjoint, cover the list, keep its order, depend only on the list and the clips' frame counts (never on
 * threads or machines), and with clips of equal length hold equal numbers of clips (+-1).
 */
std::vector<std::size_t> shardClips(const core::Project &project, const std::vector<std::size_t> &clips, Shard shard);

/** Whether \a clip has something to propagate: a user label on some frame. */
bool clipHasLabels(const core::Clip &clip);

/** Makes one tracker for one worker thread; nullptr with a message when it cannot. */
using TrackerMaker = std::function<std::unique_ptr<PointTracker>(std::string *error)>;

/** Opens the frames of one clip of a batch; the default opens clip.path (core::FrameSource::open). */
using ClipFrameOpener = std::function<std::unique_ptr<core::FrameSource>(const core::Clip &clip, std::string *error)>;

/** Progress of a whole batch. */
struct BatchProgress
{
    int clipsDone = 0;    ///< finished, with or without success
    int clipsFailed = 0;
    int clipsSkipped = 0; ///< nothing to propagate (no labels); counted in clipsDone
    int clipsTotal = 0;
    int clipsRunning = 0;
    double fraction = 0.0;       ///< 0..1, by frames, running clips counted by their own progress
    double secondsElapsed = 0.0;
    double secondsLeft = -1.0;   ///< < 0 while unknown
};
using BatchProgressFn = std::function<void(const BatchProgress &)>;

/** What became of one clip. */
struct ClipResult
{
    enum class Status { Done, Skipped, Failed, Cancelled };
    std::size_t clipIndex = 0; ///< into project.clips
    std::string name;          ///< the clip's name (or its path when it has none)
    int videoId = 0;
    Status status = Status::Cancelled;
    std::string error;         ///< Failed: why; Skipped: what is missing
    TrackingOutput output;     ///< Done: the tracker's output (enforcePlan applied); see BatchOptions::keepOutputs
    PropagationStats stats;
    bool ok() const { return status == Status::Done; }
};

struct BatchOptions
{
    int jobs = 0;             ///< worker threads; 0: the machine's cores. Never more than the clips
    bool extrapolate = false; ///< TrackingInput::extrapolate for every clip
    bool refine = false;      ///< TrackingInput::refine for every clip
    int progressIntervalMs = 200; ///< progress is reported at most this often (and once at the end)
    /**
     * Keep each clip's output in BatchResult::clips. false: the output goes to onClipDone only and is not
     * kept (memory bounded by the clips in flight).
     */
    bool keepOutputs = true;
    ClipFrameOpener open;     ///< tests and datasets with their own frame lists; default: clip.path
};

/** The outcome of a batch: one ClipResult per selected clip, in selection order. */
struct BatchResult
{
    std::vector<ClipResult> clips;
    bool cancelled = false;
    double seconds = 0.0;
    int jobs = 0; ///< worker threads used
    int count(ClipResult::Status s) const;
};

/** Called once per finished clip (in the order they finish) on the thread that runs the batch. */
using ClipDoneFn = std::function<void(ClipResult &result)>;

/**
 * Propagates the clips \a clips of \a project (indices into project.clips): each clip is one job
 * (TrackingInput of the whole clip, runPropagation() with its own frame source) on a pool of
 * options.jobs worker threads, each with its own tracker from \a makeTracker (made once per worker and used
 * for its clips in turn). \a project is read-only for the run, except that \a onClipDone may change the clip
 * its result names (the workers copy a clip when they start it; none starts a clip twice).
 * \a progress and \a onClipDone run on the calling thread, which waits for the workers (blocking: call it
 * from a worker thread in a GUI). A clip without labels is Skipped; one that fails (frames that cannot be
 * read, a tracker error) is Failed with its message and the others go on. When \a cancel becomes true the
 * workers stop within the tracker's cancel latency (about 200 ms), the rest are Cancelled and
 * result.cancelled is set.
 */
BatchResult runBatchPropagation(const core::Project &project, const std::vector<std::size_t> &clips,
                                const TrackerMaker &makeTracker, const BatchOptions &options,
                                const BatchProgressFn &progress, const std::atomic_bool &cancel,
                                const ClipDoneFn &onClipDone = {});

/** Merges the Done results that still hold their output into \a project (mergeTrackingOutput); the changed points. */
int mergeBatchResult(core::Project *project, const BatchResult &result, bool refine = false);

/** "NAME (video V)": how messages name a clip of a batch. */
std::string clipLabel(const core::Clip &clip);

} // namespace paddock::tracking
