// SPDX-License-Identifier: Apache-2.0
// Private to the CoTracker3 model's .cpp files (encoder, correlation, transformer, tto, model): the LibTorch
// state behind CoTracker3Model. Includes only ATen's tensor type; each .cpp includes the ops it calls.
#pragma once

#include "tracking/cotracker/model.h"

#include <ATen/TensorOperators.h>
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <atomic>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace paddock::tracking::cotracker {

using at::Tensor;

constexpr int kStride = 4;
constexpr int kRadius = 3;
constexpr int kLevels = 4;
constexpr int kLatent = 128;
constexpr int kVirtual = 64;
constexpr int kHeads = 8;
constexpr double kModelW = 512.0, kModelH = 384.0;

double now();
RawTensor toRaw(const Tensor &t);

/** Thrown inside the model when its cancel flag is set (also from autograd hooks); caught at the API. */
struct Cancelled : std::runtime_error
{
    Cancelled() : std::runtime_error("cancelled") {}
};

/**
 * The update transformer and TTO are chains of small GEMMs, which OpenBLAS runs on its own threads. ATen's
 * OpenMP threads spin-wait between the elementwise ops meanwhile and take the cores from OpenBLAS; with them
 * parked (one intra-op thread) the 24-frame forward's transformer went from 5.0 s to 2.9 s and a TTO step from
 * 9.4 s to 7.9 s on 2 cores. The encoder's convolutions use OpenMP and keep all threads. (model.cpp)
 */
class BlasThreadsOnly
{
public:
    explicit BlasThreadsOnly(bool cpu);
    ~BlasThreadsOnly();
    BlasThreadsOnly(const BlasThreadsOnly &) = delete;
    BlasThreadsOnly &operator=(const BlasThreadsOnly &) = delete;

private:
    int mSaved;
};

// correlation.cpp: bilinear sampling of support grids and correlation patches.
/** get_track_feat: support patches (B,49,N,C) at (frame, xy in level units). */
Tensor trackFeatSupport(const Tensor &fmaps /*B T C H W*/, const Tensor &frames /*B N*/, const Tensor &xy /*B N 2*/);
/** get_correlation_feat: target patches (B,T,N,7,7,C) around coords (B*T,N,2) in level units. */
Tensor correlationFeat(const Tensor &fmaps /*B T C H W*/, const Tensor &coords);

// transformer.cpp
/** Sinusoidal encoding of the relative motion (10 octaves). */
Tensor posenc(const Tensor &x);

struct CoTracker3Model::Impl
{
    std::map<std::string, Tensor> w;
    c10::Device device = c10::Device(c10::kCPU);
    std::vector<Tensor> pyramid; // kLevels of (1,T,C,h,w)
    int T = 0, H = 0, W = 0;
    Tensor support;              // optimised (1,1,1,49,N,C) or undefined
    ModelTimings timings;
    const std::atomic_bool *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(); }
    /** Throws Cancelled when the flag is set. */
    void checkCancel() const
    {
        if (cancelled())
            throw Cancelled();
    }
    /**
     * A point where a long computation may stop: checks the flag now and, when \a x takes part in a gradient,
     * again when the backward pass reaches it. Returns \a x.
     */
    Tensor cancelPoint(const Tensor &x) const;

    const Tensor &p(const std::string &name) const { return w.at(name); }
    Tensor linear(const Tensor &x, const std::string &n) const;
    Tensor conv(const Tensor &x, const std::string &n, int stride, int pad) const;

    // encoder.cpp
    Tensor resBlock(Tensor x, const std::string &n, int stride) const;
    Tensor fnet(const Tensor &video /*n,3,H,W in [-1,1]*/) const;

    // correlation.cpp
    /** The correlation embeddings of all levels at \a coords (B*T,N,2 level-0 units): (B,T,N,4*256). */
    Tensor correlationEmbedding(const Tensor &coords, const std::vector<Tensor> &supportPyr, int64_t B,
                                int64_t N, TensorMap *cap, bool first);

    // transformer.cpp
    Tensor mlp(const Tensor &x, const std::string &n, bool tanhGelu) const;
    Tensor attention(const Tensor &x, const Tensor &ctx, const std::string &n) const;
    Tensor attnBlock(Tensor x, const std::string &n) const;
    Tensor crossBlock(Tensor x, const Tensor &ctx, const std::string &n) const;
    Tensor updateFormer(const Tensor &input /*B N T D*/) const;
    Tensor timeEmbed(int64_t t) const;

    struct Outputs
    {
        std::vector<Tensor> coords, vis, conf; // per iteration: (1,T,N,2) pixels, (1,T,N) sigmoid
    };
    /** The offline forward on the cached pyramid; \a supportPyr holds (1,1,49,N,C) per level. */
    Outputs forward(const std::vector<Tensor> &supportPyr, const Tensor &queriedCoords /*1 N 2 level0*/, int iters,
                    TensorMap *cap);

    // model.cpp
    Tensor queryCoords(const std::vector<Query> &q) const;
};

} // namespace paddock::tracking::cotracker
