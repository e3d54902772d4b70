// SPDX-License-Identifier: Apache-2.0
// CoTracker3 offline model in LibTorch, written from the description in shared/docs/tracker.md (section 1) and
// checked against shared/fixtures/cotracker3: weights, devices, threads and memory, cancel, and the forward
// entry point. The parts: encoder.cpp, correlation.cpp, transformer.cpp, tto.cpp (modelimpl.h holds the state).
#include "tracking/cotracker/modelimpl.h"

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/tensor.h>
#include <torch/cuda.h>

#include <algorithm>
#include <chrono>
#include <mutex>

#include <malloc.h>

namespace paddock::tracking::cotracker {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

RawTensor toRaw(const Tensor &t)
{
    RawTensor r;
    const Tensor c = t.detach().to(c10::kCPU).to(c10::kFloat).contiguous();
    r.shape.assign(c.sizes().begin(), c.sizes().end());
    r.f32.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return r;
}

Tensor CoTracker3Model::Impl::cancelPoint(const Tensor &x) const
{
    checkCancel();
    if (cancel && x.requires_grad()) {
        const std::atomic_bool *flag = cancel;
        // Throwing from a hook ends backward(); the autograd engine hands the exception to the caller.
        x.register_hook([flag](const Tensor &) {
            if (flag->load())
                throw Cancelled();
        });
    }
    return x;
}

Tensor CoTracker3Model::Impl::queryCoords(const std::vector<Query> &q) const
{
    std::vector<float> v;
    for (const Query &x : q) {
        v.push_back(x.x);
        v.push_back(x.y);
    }
    return at::tensor(v).view({1, int64_t(q.size()), 2}).to(device) / float(kStride);
}

CoTracker3Model::CoTracker3Model() : d(std::make_unique<Impl>()) {}
CoTracker3Model::~CoTracker3Model() = default;

namespace {

/**
 * LibTorch's CPU allocator has no cache: each large intermediate is a fresh malloc, which glibc serves from
 * new mmap'd pages (above its 128 KiB default threshold), zeroed by the kernel on first touch and unmapped on
 * free. In a 24-frame forward that was 4.4 million page faults and 40 s of system time on 2 cores. Raising the
 * threshold to its maximum (32 MiB) and letting up to 256 MiB of freed memory stay in the heap makes the
 * tensors reuse memory instead. Process-wide, set once, only when a model runs on the CPU.
 */
void keepFreedMemory()
{
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 256 << 20);
    });
}

} // namespace

BlasThreadsOnly::BlasThreadsOnly(bool cpu) : mSaved(cpu ? at::get_num_threads() : 0)
{
    if (mSaved > 1)
        at::set_num_threads(1);
}

BlasThreadsOnly::~BlasThreadsOnly()
{
    if (mSaved > 1)
        at::set_num_threads(mSaved);
}

void CoTracker3Model::setThreads(int threads)
{
    if (threads > 0)
        at::set_num_threads(threads);
}

bool CoTracker3Model::cudaAvailable()
{
    return torch::cuda::is_available();
}

void CoTracker3Model::setCancel(const std::atomic_bool *cancel)
{
    d->cancel = cancel;
}

const ModelTimings &CoTracker3Model::timings() const
{
    return d->timings;
}

std::string CoTracker3Model::deviceName() const
{
    return d->device.is_cuda() ? "cuda" : "cpu";
}

bool CoTracker3Model::load(const TensorMap &stateDict, const std::string &device, std::string *error)
{
    if (!checkCoTracker3StateDict(stateDict, "state_dict", error))
        return false;
    if (device == "cuda" && !cudaAvailable()) {
        if (error)
            *error = "CUDA was requested but this LibTorch build has no usable CUDA device";
        return false;
    }
    d->device = (device == "cuda" || (device == "auto" && cudaAvailable())) ? c10::Device(c10::kCUDA)
                                                                            : c10::Device(c10::kCPU);
    if (d->device.is_cpu())
        keepFreedMemory();
    try {
        d->w.clear();
        for (const auto &kv : stateDict) {
            d->checkCancel();
            const RawTensor &r = kv.second;
            if (static_cast<int64_t>(r.f32.size()) != r.numel()) {
                if (error)
                    *error = "tensor '" + kv.first + "' has no values";
                return false;
            }
            d->w[kv.first] = at::tensor(r.f32).view(r.shape).to(d->device);
        }
    } catch (const std::exception &e) {
        if (error)
            *error = d->cancelled() ? std::string("cancelled") : std::string("cannot load the weights: ") + e.what();
        d->w.clear();
        return false;
    }
    d->pyramid.clear();
    d->support = Tensor();
    return true;
}

void CoTracker3Model::clearSupport()
{
    d->support = Tensor();
}

bool CoTracker3Model::track(const std::vector<Query> &queries, int iters, Tracks *out, TensorMap *cap,
                            std::string *error)
{
    if (d->pyramid.empty() || queries.empty() || iters < 1) {
        if (error)
            *error = d->pyramid.empty() ? "no video encoded" : "no queries";
        return false;
    }
    if (d->support.defined() && d->support.size(4) != static_cast<int64_t>(queries.size())) {
        if (error)
            *error = "the optimised support features belong to a different query set";
        return false;
    }
    try {
        const BlasThreadsOnly blasOnly(d->device.is_cpu());
        at::NoGradGuard noGrad;
        d->timings.correlation = d->timings.transformer = 0;
        const Tensor qc = d->queryCoords(queries);
        std::vector<Tensor> sup;
        if (d->support.defined()) {
            const Tensor rep = d->support.repeat({kLevels, 1, 1, 1, 1, 1});
            for (int i = 0; i < kLevels; ++i)
                sup.push_back(rep[i]);
        } else {
            std::vector<int64_t> fr;
            for (const Query &q : queries)
                fr.push_back(std::clamp(q.frame, 0, d->T - 1));
            const Tensor frames = at::tensor(fr).view({1, -1}).to(d->device);
            for (int i = 0; i < kLevels; ++i) {
                const Tensor s = trackFeatSupport(d->pyramid[i], frames, qc / double(1 << i));
                if (cap)
                    (*cap)["track_feat_support_l" + std::to_string(i)] = toRaw(s);
                sup.push_back(s.unsqueeze(1));
            }
        }
        const auto o = d->forward(sup, qc, iters, cap);
        out->frames = d->T;
        out->points = static_cast<int>(queries.size());
        out->xy = toRaw(o.coords.back()).f32;
        out->vis = toRaw(o.vis.back()).f32;
        out->conf = toRaw(o.conf.back()).f32;
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = d->cancelled() ? std::string("cancelled") : std::string("forward failed: ") + e.what();
        return false;
    }
}

} // namespace paddock::tracking::cotracker
