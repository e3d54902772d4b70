// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/pointtracker.h"

#include <cstddef>
#include <memory>
#include <string>

namespace paddock::tracking {

namespace cotracker {
class CoTracker3Model;
}

/** Settings of the CoTracker3 tracker; -1 / 0 mean "the default for the device". */
struct CoTracker3Params
{
    std::string weights;          ///< scaled_offline.pth, supplied by the user (CC BY-NC 4.0)
    std::string device = "auto";  ///< auto | cpu | cuda
    int steps = -1;               ///< TTO steps; -1: 12 on CPU (about a minute for 15 frames, 2 cores), 500 on CUDA
    double learningRate = 0;      ///< 0: 1e-3 on CPU (few steps), 1e-4 on CUDA (the paper's)
    int patience = 2;             ///< early stop after this many steps without improvement
    int windowFrames = 0;         ///< frames per window; 0: 24 on CPU, 60 on CUDA (memory bounded)
    int iters = 6;                ///< refinement iterations of the final forward
    int threads = 0;              ///< CPU threads; 0: all cores
    int modelHeight = 384;
    int modelWidth = 512;
};

/** What the last track() call did, for benchmarks and logs. */
struct CoTracker3Stats
{
    int windows = 0;
    int queries = 0;
    int ttoSteps = 0;
    double firstLoss = -1;        ///< TTO loss of the first step of the first optimised window
    double lastLoss = -1;         ///< and of its last step
    double secondsPerStep = 0;
    double encoderSeconds = 0;
    double totalSeconds = 0;
    std::string device;
};

/**
 * The learned tracker: CoTracker3 (offline, LibTorch) in windows over the frame range, queries from each
 * keypoint's labels, test-time optimisation of the query features on the sparse labels, then the forward.
 * Returns every keypoint with score = confidence * visibility; user labels come back exactly.
 */
class CoTracker3Tracker : public PointTracker
{
public:
    explicit CoTracker3Tracker(CoTracker3Params params);
    ~CoTracker3Tracker() override;
    std::string name() const override { return "cotracker3"; }
    /** Loads the weights (loadModel) with progress and cancel; on the job's worker thread. */
    bool prepare(const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error) override;
    bool track(core::FrameSource &frames, const TrackingInput &input, TrackingOutput *output,
               const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error) override;

    /**
     * Loads and checks the weights now (track() does it on first use); false with a clear message, or
     * "cancelled" when \a cancel became true. Refuses a folder, FIFO or device before opening it.
     */
    bool loadModel(std::string *error, const ProgressFn &progress = {}, const std::atomic_bool *cancel = nullptr);
    const CoTracker3Stats &stats() const { return mStats; }

private:
    CoTracker3Params mParams;
    std::unique_ptr<cotracker::CoTracker3Model> mModel;
    CoTracker3Stats mStats;
};

} // namespace paddock::tracking
