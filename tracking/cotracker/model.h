// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/cotracker/checkpoint.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace paddock::tracking::cotracker {

/** A query point: the frame it is labelled on and its position in pixels of the model input. */
struct Query
{
    int frame = 0;
    float x = 0;
    float y = 0;
};

/** A labelled (frame, point) pair for test-time optimisation, in pixels of the model input. */
struct Label
{
    int query = 0; ///< index into the query list
    int frame = 0;
    float x = 0;
    float y = 0;
};

/** Tracks for T frames and N points: xy (T,N,2) in pixels, vis and conf (T,N) in [0,1]. */
struct Tracks
{
    int frames = 0;
    int points = 0;
    std::vector<float> xy;
    std::vector<float> vis;
    std::vector<float> conf;
};

/** Test-time optimisation settings (paper: Adam, lr 1e-4, 500 steps, on a GPU). */
struct TtoOptions
{
    int steps = 3;
    double learningRate = 1e-3;
    int iters = 4;               ///< refinement iterations per step
    double regWeight = 0.01;     ///< L1 pull-back to the initial features
    double huberDelta = 6.0;     ///< pixels
    double gamma = 0.8;          ///< iteration weighting
    int patience = 0;            ///< stop after this many steps without improving the loss by minImprovement; 0: off
    double minImprovement = 1e-4;
};

/** What the optimisation did: the loss terms of each step's forward (before its update). */
struct TtoReport
{
    std::vector<double> loss, trackLoss, regLoss, entLoss;
    int steps = 0;
    bool cancelled = false;
    double secondsPerStep = 0;
};

/** Called after each optimisation step with (step done, total, loss); return false to cancel. */
using StepCallback = std::function<bool(int, int, double)>;

/** Timings of the last calls, in seconds. */
struct ModelTimings
{
    double encoder = 0;
    double correlation = 0; ///< sampling, correlation volumes and corr_mlp, summed over iterations
    double transformer = 0; ///< token building and the update transformer, summed over iterations
};

/**
 * The CoTracker3 offline model in LibTorch (weights of scaled_offline.pth): encoder and pyramid computed once
 * per clip, the iterative update with 4D correlation and the EfficientUpdateFormer, and the per-query support
 * features that test-time optimisation refines. Not thread-safe; one instance per worker.
 */
class CoTracker3Model
{
public:
    CoTracker3Model();
    ~CoTracker3Model();
    CoTracker3Model(const CoTracker3Model &) = delete;
    CoTracker3Model &operator=(const CoTracker3Model &) = delete;

    /** Uses all \a threads for LibTorch's CPU kernels (LibTorch starts with one here). */
    static void setThreads(int threads);
    static bool cudaAvailable();

    /** Loads a checked state_dict; \a device is auto, cpu or cuda. */
    bool load(const TensorMap &stateDict, const std::string &device, std::string *error);
    std::string deviceName() const;
    /**
     * While set, every long loop (the encoder per frame and layer, each refinement iteration and transformer
     * block, each TTO step and its backward pass) checks \a cancel and the call returns false with the
     * error "cancelled" soon after it becomes true. nullptr: never cancelled.
     */
    void setCancel(const std::atomic_bool *cancel);

    /**
     * Encodes a clip: \a rgb holds T frames as (T,3,H,W) floats in 0..255, H and W divisible by 4 and at least
     * 32. The feature pyramid is kept for track() and optimise(). Optional \a capture receives intermediates.
     */
    bool setVideo(const float *rgb, int frames, int height, int width, TensorMap *capture, std::string *error);

    /** Runs the forward with \a iters refinements (support features from the queries, or the optimised ones). */
    bool track(const std::vector<Query> &queries, int iters, Tracks *out, TensorMap *capture, std::string *error);

    /**
     * Test-time optimisation: initialises each query's support features from its labelled frames (mean of
     * level-0 patches, used at all levels), then runs Adam on the Huber track loss at the labels plus the L1
     * pull-back, network frozen. The optimised features stay in effect for track() until clearSupport().
     */
    bool optimise(const std::vector<Query> &queries, const std::vector<Label> &labels, const TtoOptions &options,
                  const StepCallback &onStep, TtoReport *report, TensorMap *capture, std::string *error);
    void clearSupport();

    const ModelTimings &timings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace paddock::tracking::cotracker
