// SPDX-License-Identifier: Apache-2.0
// CoTracker3's encoder: the BasicEncoder (fnet) run one frame at a time, L2-normalised features and the
// 4-level pyramid that track() and optimise() sample.
#include "tracking/cotracker/modelimpl.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ops/avg_pool2d.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/conv2d.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/instance_norm.h>
#include <ATen/ops/maximum.h>
#include <ATen/ops/relu.h>
#include <ATen/ops/sqrt.h>
#include <ATen/ops/sum.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/upsample_bilinear2d.h>

#include <algorithm>
#include <cmath>

namespace paddock::tracking::cotracker {

namespace {

Tensor instanceNorm(const Tensor &x)
{
    return at::instance_norm(x, {}, {}, {}, {}, true, 0.1, 1e-5, false);
}

} // namespace

Tensor CoTracker3Model::Impl::conv(const Tensor &x, const std::string &n, int stride, int pad) const
{
    const Tensor &w = p(n + ".weight");
    const Tensor &b = p(n + ".bias");
    // The encoder's largest convolutions take several hundred milliseconds on 2 cores (conv2: 6 GMAC at
    // 384x512). Split by output channels, which are independent, they leave a point to cancel at about every
    // kMaxMacs multiply-adds.
    constexpr double kMaxMacs = 4e8;
    const int64_t cout = w.size(0);
    const double macs = double(x.size(0)) * double(w.numel()) * double(x.size(2) / stride) * double(x.size(3) / stride);
    const int64_t chunks = std::min<int64_t>(cout, int64_t(std::ceil(macs / kMaxMacs)));
    checkCancel();
    if (chunks <= 1)
        return at::conv2d(x, w, b, stride, pad);
    std::vector<Tensor> parts;
    const int64_t step = (cout + chunks - 1) / chunks;
    for (int64_t s = 0; s < cout; s += step) {
        checkCancel();
        const int64_t m = std::min(step, cout - s);
        parts.push_back(at::conv2d(x, w.narrow(0, s, m), b.narrow(0, s, m), stride, pad));
    }
    return at::cat(parts, 1);
}

Tensor CoTracker3Model::Impl::resBlock(Tensor x, const std::string &n, int stride) const
{
    Tensor y = at::relu(instanceNorm(conv(x, n + ".conv1", stride, 1)));
    y = at::relu(instanceNorm(conv(y, n + ".conv2", 1, 1)));
    if (stride != 1)
        x = instanceNorm(conv(x, n + ".downsample.0", stride, 0));
    return cancelPoint(at::relu(x + y));
}

Tensor CoTracker3Model::Impl::fnet(const Tensor &video) const
{
    const int64_t h = video.size(2) / kStride, wd = video.size(3) / kStride;
    Tensor x = cancelPoint(at::relu(instanceNorm(conv(video, "fnet.conv1", 2, 3))));
    std::vector<Tensor> outs;
    const int strides[4] = {1, 2, 2, 2};
    for (int l = 1; l <= 4; ++l) {
        const std::string n = "fnet.layer" + std::to_string(l);
        x = resBlock(resBlock(x, n + ".0", strides[l - 1]), n + ".1", 1);
        outs.push_back(x);
    }
    for (Tensor &o : outs)
        o = at::upsample_bilinear2d(o, std::vector<int64_t>{h, wd}, true, c10::optional<double>(),
                                    c10::optional<double>());
    x = cancelPoint(at::relu(instanceNorm(conv(at::cat(outs, 1), "fnet.conv2", 1, 1))));
    return conv(x, "fnet.conv3", 1, 0);
}

bool CoTracker3Model::setVideo(const float *rgb, int frames, int height, int width, TensorMap *cap, std::string *error)
{
    if (d->w.empty() || frames < 1 || height % 4 != 0 || width % 4 != 0 || height < 32 || width < 32) {
        if (error)
            *error = d->w.empty() ? "no weights loaded" : "the video must have frames, and sides divisible by 4, >= 32";
        return false;
    }
    try {
        at::NoGradGuard noGrad;
        const double t0 = now();
        d->T = frames;
        d->H = height;
        d->W = width;
        d->support = Tensor();
        const int64_t frameSize = int64_t(3) * height * width;
        const int64_t h = height / kStride, w = width / kStride;
        Tensor fmaps = at::empty({1, frames, kLatent, h, w}, at::TensorOptions().device(d->device));
        Tensor norms = cap ? at::empty({1, frames, h, w}) : Tensor();
        // One frame at a time keeps every intermediate tensor under glibc's largest mmap threshold (32 MiB
        // at 384x512), so with keepFreedMemory() they are recycled from the heap instead of being mapped and
        // page-faulted afresh: the encoder went from 1.3 s to 0.22 s per frame on 2 cores.
        const int chunk = d->device.is_cpu() ? 1 : 8;
        for (int s = 0; s < frames; s += chunk) {
            d->checkCancel();
            const int n = std::min(chunk, frames - s);
            Tensor v = at::from_blob(const_cast<float *>(rgb) + s * frameSize, {n, 3, height, width}).to(d->device);
            v = 2 * (v / 255.0) - 1.0;
            Tensor f = d->fnet(v).permute({0, 2, 3, 1});
            const Tensor sq = at::sum(f * f, -1, true);
            if (cap)
                norms.narrow(1, s, n).copy_(at::sqrt(sq).squeeze(-1).unsqueeze(0).cpu());
            f = f / at::sqrt(at::maximum(sq, at::tensor(1e-12f, sq.options())));
            fmaps.narrow(1, s, n).copy_(f.permute({0, 3, 1, 2}).unsqueeze(0));
        }
        d->pyramid = {fmaps};
        for (int i = 1; i < kLevels; ++i) {
            const Tensor &prev = d->pyramid.back();
            Tensor pooled = at::avg_pool2d(prev.reshape({frames, kLatent, prev.size(3), prev.size(4)}), 2, 2);
            d->pyramid.push_back(pooled.reshape({1, frames, kLatent, pooled.size(2), pooled.size(3)}));
        }
        if (cap) {
            (*cap)["fnet_out_norm"] = toRaw(norms);
            for (int i = 0; i < kLevels; ++i)
                (*cap)["fmaps_l" + std::to_string(i)] = toRaw(d->pyramid[i]);
        }
        d->timings.encoder = now() - t0;
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = d->cancelled() ? std::string("cancelled") : std::string("encoder failed: ") + e.what();
        d->pyramid.clear();
        return false;
    }
}

} // namespace paddock::tracking::cotracker
