// SPDX-License-Identifier: Apache-2.0
// CoTracker3 offline model and test-time optimisation in LibTorch, written from the description in
// shared/docs/tracker.md (section 1) and checked against shared/fixtures/cotracker3.
#include "tracking/cotracker/model.h"

#include <torch/cuda.h>
#include <torch/optim/adam.h>
#include <torch/types.h>
#include <torch/utils.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>

#include <malloc.h>

namespace paddock::tracking::cotracker {

namespace {

using torch::Tensor;
constexpr int kStride = 4;
constexpr int kRadius = 3;
constexpr int kLevels = 4;
constexpr int kLatent = 128;
constexpr int kVirtual = 64;
constexpr int kHeads = 8;
constexpr double kModelW = 512.0, kModelH = 384.0;

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

RawTensor toRaw(const Tensor &t)
{
    RawTensor r;
    const Tensor c = t.detach().to(torch::kCPU).to(torch::kFloat).contiguous();
    r.shape.assign(c.sizes().begin(), c.sizes().end());
    r.f32.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return r;
}

Tensor instanceNorm(const Tensor &x)
{
    return torch::instance_norm(x, {}, {}, {}, {}, true, 0.1, 1e-5, false);
}

Tensor layerNorm(const Tensor &x)
{
    return torch::layer_norm(x, {x.size(-1)}, {}, {}, 1e-6);
}

/** (t,x,y) offsets of the 7x7 support grid: x on the slow axis, y on the fast one (as the reference). */
Tensor supportDelta(const torch::TensorOptions &opt)
{
    const Tensor d = torch::arange(-kRadius, kRadius + 1, opt);
    const int r = 2 * kRadius + 1;
    const Tensor xg = d.view({r, 1}).expand({r, r});
    const Tensor yg = d.view({1, r}).expand({r, r});
    return torch::stack({torch::zeros_like(xg), xg, yg}, -1).view({1, 1, r, r, 3});
}

/** bilinear_sampler on a 5-D input with (t,x,y) coords: reorder to (x,y,t), scale, border, align_corners. */
Tensor sample5d(const Tensor &input /*B C T H W*/, const Tensor &coords /*... 3 as t,x,y*/)
{
    const auto opt = coords.options();
    const Tensor xyt = coords.index_select(-1, torch::tensor({1, 2, 0}, opt.dtype(torch::kLong)));
    const double sw = 2.0 / std::max<int64_t>(input.size(4) - 1, 1);
    const double sh = 2.0 / std::max<int64_t>(input.size(3) - 1, 1);
    const double st = 2.0 / std::max<int64_t>(input.size(2) - 1, 1);
    const Tensor scale = torch::tensor({float(sw), float(sh), float(st)}, opt);
    return torch::grid_sampler(input, xyt * scale - 1, 0, 1, true);
}

/** get_support_points: (B,1,N,3) centres -> (B,49,N,3), or (B,N,7,7,3) when !reshapeBack. */
Tensor supportPoints(const Tensor &coords, bool reshapeBack)
{
    const int64_t B = coords.size(0), N = coords.size(2);
    const int r = 2 * kRadius + 1;
    const Tensor lvl = coords.reshape({B, N, 1, 1, 3}) + supportDelta(coords.options());
    if (reshapeBack)
        return lvl.reshape({B, N, r * r, 3}).permute({0, 2, 1, 3});
    return lvl;
}

/** get_track_feat: support patches (B,49,N,C) at (frame, xy in level units). */
Tensor trackFeatSupport(const Tensor &fmaps /*B T C H W*/, const Tensor &frames /*B N*/, const Tensor &xy /*B N 2*/)
{
    const Tensor sc = torch::cat({frames.to(xy.dtype()).unsqueeze(1).unsqueeze(-1), xy.unsqueeze(1)}, -1);
    const Tensor pts = supportPoints(sc, true);             // B 49 N 3
    const Tensor feats = sample5d(fmaps.permute({0, 2, 1, 3, 4}), pts.unsqueeze(3)); // B C 49 N 1
    return feats.permute({0, 2, 3, 1, 4}).reshape({feats.size(0), feats.size(2), feats.size(3), feats.size(1)});
}

/** get_correlation_feat: target patches (B,T,N,7,7,C) around coords (B*T,N,2) in level units. */
Tensor correlationFeat(const Tensor &fmaps /*B T C H W*/, const Tensor &coords)
{
    const int64_t B = fmaps.size(0), T = fmaps.size(1), C = fmaps.size(2), H = fmaps.size(3), W = fmaps.size(4);
    const int64_t N = coords.size(1);
    const int r = 2 * kRadius + 1;
    const Tensor sc = torch::cat({torch::zeros_like(coords.narrow(-1, 0, 1)), coords}, -1).unsqueeze(1);
    const Tensor pts = supportPoints(sc, false); // BT N 7 7 3
    const Tensor out = sample5d(fmaps.reshape({B * T, C, 1, H, W}), pts); // BT C N 7 7
    return out.view({B, T, C, N, r, r}).permute({0, 1, 3, 4, 5, 2});
}

Tensor posenc(const Tensor &x)
{
    std::vector<float> s;
    for (int i = 0; i < 10; ++i)
        s.push_back(float(1 << i));
    const Tensor scales = torch::tensor(s, x.options());
    auto shape = x.sizes().vec();
    shape.back() = -1;
    const Tensor xb = (x.unsqueeze(-2) * scales.unsqueeze(1)).reshape(shape);
    const Tensor four = torch::sin(torch::cat({xb, xb + 0.5 * M_PI}, -1));
    return torch::cat({x, four}, -1);
}

} // namespace

struct CoTracker3Model::Impl
{
    std::map<std::string, Tensor> w;
    torch::Device device = torch::kCPU;
    std::vector<Tensor> pyramid; // kLevels of (1,T,C,h,w)
    int T = 0, H = 0, W = 0;
    Tensor support;              // optimised (1,1,1,49,N,C) or undefined
    ModelTimings timings;

    const Tensor &p(const std::string &name) const { return w.at(name); }
    Tensor linear(const Tensor &x, const std::string &n) const { return torch::linear(x, p(n + ".weight"), p(n + ".bias")); }
    Tensor conv(const Tensor &x, const std::string &n, int stride, int pad) const
    {
        return torch::conv2d(x, p(n + ".weight"), p(n + ".bias"), stride, pad);
    }

    Tensor resBlock(Tensor x, const std::string &n, int stride) const
    {
        Tensor y = torch::relu(instanceNorm(conv(x, n + ".conv1", stride, 1)));
        y = torch::relu(instanceNorm(conv(y, n + ".conv2", 1, 1)));
        if (stride != 1)
            x = instanceNorm(conv(x, n + ".downsample.0", stride, 0));
        return torch::relu(x + y);
    }

    Tensor fnet(const Tensor &video /*n,3,H,W in [-1,1]*/) const
    {
        const int64_t h = video.size(2) / kStride, wd = video.size(3) / kStride;
        Tensor x = torch::relu(instanceNorm(conv(video, "fnet.conv1", 2, 3)));
        std::vector<Tensor> outs;
        const int strides[4] = {1, 2, 2, 2};
        for (int l = 1; l <= 4; ++l) {
            const std::string n = "fnet.layer" + std::to_string(l);
            x = resBlock(resBlock(x, n + ".0", strides[l - 1]), n + ".1", 1);
            outs.push_back(x);
        }
        for (Tensor &o : outs)
            o = torch::upsample_bilinear2d(o, std::vector<int64_t>{h, wd}, true, c10::optional<double>(),
                                          c10::optional<double>());
        x = torch::relu(instanceNorm(conv(torch::cat(outs, 1), "fnet.conv2", 1, 1)));
        return conv(x, "fnet.conv3", 1, 0);
    }

    Tensor mlp(const Tensor &x, const std::string &n, bool tanhGelu) const
    {
        return linear(torch::gelu(linear(x, n + ".fc1"), tanhGelu ? "tanh" : "none"), n + ".fc2");
    }

    Tensor attention(const Tensor &x, const Tensor &ctx, const std::string &n) const
    {
        const int64_t B = x.size(0), N1 = x.size(1), C = x.size(2), N2 = ctx.size(1);
        const Tensor q = linear(x, n + ".to_q").reshape({B, N1, kHeads, C / kHeads}).permute({0, 2, 1, 3});
        const auto kv = linear(ctx, n + ".to_kv").chunk(2, -1);
        const Tensor k = kv[0].reshape({B, N2, kHeads, C / kHeads}).permute({0, 2, 1, 3});
        const Tensor v = kv[1].reshape({B, N2, kHeads, C / kHeads}).permute({0, 2, 1, 3});
        const Tensor sim = torch::matmul(q, k.transpose(-2, -1)) * std::pow(48.0, -0.5);
        const Tensor out = torch::matmul(sim.softmax(-1), v).transpose(1, 2).reshape({B, N1, C});
        return linear(out, n + ".to_out");
    }

    Tensor attnBlock(Tensor x, const std::string &n) const
    {
        const Tensor nx = layerNorm(x);
        x = x + attention(nx, nx, n + ".attn");
        return x + mlp(layerNorm(x), n + ".mlp", true);
    }

    Tensor crossBlock(Tensor x, const Tensor &ctx, const std::string &n) const
    {
        const Tensor nc = torch::layer_norm(ctx, {ctx.size(-1)}, p(n + ".norm_context.weight"),
                                            p(n + ".norm_context.bias"), 1e-5);
        x = x + attention(layerNorm(x), nc, n + ".cross_attn");
        return x + mlp(layerNorm(x), n + ".mlp", true);
    }

    Tensor updateFormer(const Tensor &input /*B N T D*/) const
    {
        Tensor tokens = linear(input, "updateformer.input_transform");
        const int64_t B = tokens.size(0), T = tokens.size(2);
        tokens = torch::cat({tokens, p("updateformer.virual_tracks").repeat({B, 1, T, 1})}, 1);
        const int64_t N = tokens.size(1);
        for (int i = 0; i < 3; ++i) {
            const std::string s = "." + std::to_string(i);
            Tensor tt = attnBlock(tokens.contiguous().view({B * N, T, -1}), "updateformer.time_blocks" + s);
            tokens = tt.view({B, N, T, -1});
            const Tensor space = tokens.permute({0, 2, 1, 3}).contiguous().view({B * T, N, -1});
            Tensor point = space.narrow(1, 0, N - kVirtual);
            Tensor virt = space.narrow(1, N - kVirtual, kVirtual);
            virt = crossBlock(virt, point, "updateformer.space_virtual2point_blocks" + s);
            virt = attnBlock(virt, "updateformer.space_virtual_blocks" + s);
            point = crossBlock(point, virt, "updateformer.space_point2virtual_blocks" + s);
            tokens = torch::cat({point, virt}, 1).view({B, T, N, -1}).permute({0, 2, 1, 3});
        }
        tokens = tokens.narrow(1, 0, N - kVirtual);
        return torch::cat({linear(tokens, "updateformer.flow_head"), linear(tokens, "updateformer.vis_conf_head")}, -1);
    }

    Tensor timeEmbed(int64_t t) const
    {
        const Tensor &te = p("time_emb");
        if (te.size(1) == t)
            return te;
        return torch::upsample_linear1d(te.permute({0, 2, 1}), std::vector<int64_t>{t}, false, c10::optional<double>())
            .permute({0, 2, 1});
    }

    struct Outputs
    {
        std::vector<Tensor> coords, vis, conf; // per iteration: (1,T,N,2) pixels, (1,T,N) sigmoid
    };

    /** The offline forward on the cached pyramid; \a supportPyr holds (1,1,49,N,C) per level. */
    Outputs forward(const std::vector<Tensor> &supportPyr, const Tensor &queriedCoords /*1 N 2 level0*/, int iters,
                    TensorMap *cap)
    {
        const int64_t B = 1, N = queriedCoords.size(1);
        const int r = 2 * kRadius + 1;
        const auto opt = queriedCoords.options();
        Tensor vis = torch::zeros({B, T, N}, opt);
        Tensor conf = torch::zeros({B, T, N}, opt);
        Tensor coords = queriedCoords.reshape({B, 1, N, 2}).expand({B, T, N, 2});
        const Tensor scale = torch::tensor({float(kModelW / kStride), float(kModelH / kStride)}, opt);
        const Tensor te = timeEmbed(T);
        if (cap)
            (*cap)["time_emb_interp"] = toRaw(te);
        Outputs out;
        std::vector<Tensor> deltas;
        for (int it = 0; it < iters; ++it) {
            double t0 = now();
            coords = coords.detach();
            const Tensor flat = coords.reshape({B * T, N, 2});
            std::vector<Tensor> embs;
            for (int i = 0; i < kLevels; ++i) {
                const Tensor cf = correlationFeat(pyramid[i], flat / double(1 << i));
                const Tensor sup = supportPyr[i].view({B, 1, r, r, N, kLatent}).squeeze(1).permute({0, 3, 1, 2, 4});
                const Tensor vol = torch::einsum("btnhwc,bnijc->btnhwij", {cf, sup});
                embs.push_back(mlp(vol.reshape({B * T * N, r * r * r * r}), "corr_mlp", false));
                if (cap && it == 0) {
                    if (i == 0)
                        (*cap)["corr_feat_l0_it0"] = toRaw(cf);
                    (*cap)["corr_volume_l" + std::to_string(i) + "_it0"] = toRaw(vol);
                }
            }
            const Tensor corrEmbs = torch::cat(embs, -1).view({B, T, N, -1});
            double t1 = now();
            timings.correlation += t1 - t0;
            Tensor relF = coords.narrow(1, 0, T - 1) - coords.narrow(1, 1, T - 1);
            Tensor relB = coords.narrow(1, 1, T - 1) - coords.narrow(1, 0, T - 1);
            relF = torch::constant_pad_nd(relF, {0, 0, 0, 0, 0, 1}) / scale;
            relB = torch::constant_pad_nd(relB, {0, 0, 0, 0, 1, 0}) / scale;
            const Tensor pe = posenc(torch::cat({relF, relB}, -1));
            Tensor x = torch::cat({vis.unsqueeze(-1), conf.unsqueeze(-1), corrEmbs, pe}, -1)
                           .permute({0, 2, 1, 3})
                           .reshape({B * N, T, -1});
            x = (x + te).view({B, N, T, -1});
            if (cap && it == 0) {
                (*cap)["corr_emb_it0"] = toRaw(corrEmbs);
                (*cap)["transformer_input_it0"] = toRaw(x);
            }
            const Tensor delta = updateFormer(x);
            deltas.push_back(delta);
            vis = vis + delta.select(-1, 2).permute({0, 2, 1});
            conf = conf + delta.select(-1, 3).permute({0, 2, 1});
            coords = coords + delta.narrow(-1, 0, 2).permute({0, 2, 1, 3});
            out.coords.push_back(coords * float(kStride));
            out.vis.push_back(torch::sigmoid(vis));
            out.conf.push_back(torch::sigmoid(conf));
            timings.transformer += now() - t1;
        }
        if (cap) {
            (*cap)["delta_iters"] = toRaw(torch::stack(deltas));
            (*cap)["coords_iters"] = toRaw(torch::stack(out.coords));
            (*cap)["vis_iters"] = toRaw(torch::stack(out.vis));
            (*cap)["conf_iters"] = toRaw(torch::stack(out.conf));
            (*cap)["coords"] = toRaw(out.coords.back());
            (*cap)["vis"] = toRaw(out.vis.back());
            (*cap)["conf"] = toRaw(out.conf.back());
        }
        return out;
    }

    Tensor queryCoords(const std::vector<Query> &q) const
    {
        std::vector<float> v;
        for (const Query &x : q) {
            v.push_back(x.x);
            v.push_back(x.y);
        }
        return torch::tensor(v).view({1, int64_t(q.size()), 2}).to(device) / float(kStride);
    }
};

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

/**
 * The update transformer and TTO are chains of small GEMMs, which OpenBLAS runs on its own threads. ATen's
 * OpenMP threads spin-wait between the elementwise ops meanwhile and take the cores from OpenBLAS; with them
 * parked (one intra-op thread) the 24-frame forward's transformer went from 5.0 s to 2.9 s and a TTO step from
 * 9.4 s to 7.9 s on 2 cores. The encoder's convolutions use OpenMP and keep all threads.
 */
class BlasThreadsOnly
{
public:
    explicit BlasThreadsOnly(const torch::Device &device)
        : mSaved(device.is_cpu() ? torch::get_num_threads() : 0)
    {
        if (mSaved > 1)
            torch::set_num_threads(1);
    }
    ~BlasThreadsOnly()
    {
        if (mSaved > 1)
            torch::set_num_threads(mSaved);
    }
    BlasThreadsOnly(const BlasThreadsOnly &) = delete;
    BlasThreadsOnly &operator=(const BlasThreadsOnly &) = delete;

private:
    int mSaved;
};

} // namespace

void CoTracker3Model::setThreads(int threads)
{
    if (threads > 0)
        torch::set_num_threads(threads);
}

bool CoTracker3Model::cudaAvailable()
{
    return torch::cuda::is_available();
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
    d->device = (device == "cuda" || (device == "auto" && cudaAvailable())) ? torch::Device(torch::kCUDA)
                                                                            : torch::Device(torch::kCPU);
    if (d->device.is_cpu())
        keepFreedMemory();
    try {
        d->w.clear();
        for (const auto &kv : stateDict) {
            const RawTensor &r = kv.second;
            if (static_cast<int64_t>(r.f32.size()) != r.numel()) {
                if (error)
                    *error = "tensor '" + kv.first + "' has no values";
                return false;
            }
            d->w[kv.first] = torch::tensor(r.f32).view(r.shape).to(d->device);
        }
    } catch (const std::exception &e) {
        if (error)
            *error = std::string("cannot load the weights: ") + e.what();
        return false;
    }
    d->pyramid.clear();
    d->support = Tensor();
    return true;
}

bool CoTracker3Model::setVideo(const float *rgb, int frames, int height, int width, TensorMap *cap, std::string *error)
{
    if (d->w.empty() || frames < 1 || height % 4 != 0 || width % 4 != 0 || height < 32 || width < 32) {
        if (error)
            *error = d->w.empty() ? "no weights loaded" : "the video must have frames, and sides divisible by 4, >= 32";
        return false;
    }
    try {
        torch::NoGradGuard noGrad;
        const double t0 = now();
        d->T = frames;
        d->H = height;
        d->W = width;
        d->support = Tensor();
        const int64_t frameSize = int64_t(3) * height * width;
        const int64_t h = height / kStride, w = width / kStride;
        Tensor fmaps = torch::empty({1, frames, kLatent, h, w}, torch::TensorOptions().device(d->device));
        Tensor norms = cap ? torch::empty({1, frames, h, w}) : Tensor();
        // One frame at a time keeps every intermediate tensor under glibc's largest mmap threshold (32 MiB
        // at 384x512), so with keepFreedMemory() they are recycled from the heap instead of being mapped and
        // page-faulted afresh: the encoder went from 1.3 s to 0.22 s per frame on 2 cores.
        const int chunk = d->device.is_cpu() ? 1 : 8;
        for (int s = 0; s < frames; s += chunk) {
            const int n = std::min(chunk, frames - s);
            Tensor v = torch::from_blob(const_cast<float *>(rgb) + s * frameSize, {n, 3, height, width}).to(d->device);
            v = 2 * (v / 255.0) - 1.0;
            Tensor f = d->fnet(v).permute({0, 2, 3, 1});
            const Tensor sq = torch::sum(f * f, -1, true);
            if (cap)
                norms.narrow(1, s, n).copy_(torch::sqrt(sq).squeeze(-1).unsqueeze(0).cpu());
            f = f / torch::sqrt(torch::maximum(sq, torch::tensor(1e-12f, sq.options())));
            fmaps.narrow(1, s, n).copy_(f.permute({0, 3, 1, 2}).unsqueeze(0));
        }
        d->pyramid = {fmaps};
        for (int i = 1; i < kLevels; ++i) {
            const Tensor &prev = d->pyramid.back();
            Tensor pooled = torch::avg_pool2d(prev.reshape({frames, kLatent, prev.size(3), prev.size(4)}), 2, 2);
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
            *error = std::string("encoder failed: ") + e.what();
        d->pyramid.clear();
        return false;
    }
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
        const BlasThreadsOnly blasOnly(d->device);
        torch::NoGradGuard noGrad;
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
            const Tensor frames = torch::tensor(fr).view({1, -1}).to(d->device);
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
            *error = std::string("forward failed: ") + e.what();
        return false;
    }
}

bool CoTracker3Model::optimise(const std::vector<Query> &queries, const std::vector<Label> &labels,
                               const TtoOptions &opt, const StepCallback &onStep, TtoReport *report, TensorMap *cap,
                               std::string *error)
{
    if (d->pyramid.empty() || queries.empty()) {
        if (error)
            *error = d->pyramid.empty() ? "no video encoded" : "no queries";
        return false;
    }
    const int64_t N = static_cast<int64_t>(queries.size());
    TtoReport rep;
    try {
        const BlasThreadsOnly blasOnly(d->device);
        const auto fopt = torch::TensorOptions().device(d->device);
        // initial features: per query, the mean of its labelled level-0 patches
        Tensor gt = torch::zeros({1, d->T, N, 2}, fopt);
        Tensor valid = torch::zeros({1, d->T, N}, fopt);
        Tensor init;
        {
            torch::NoGradGuard noGrad;
            std::vector<Tensor> perQuery;
            for (int64_t n = 0; n < N; ++n) {
                std::vector<int64_t> fr;
                std::vector<float> xy;
                for (const Label &l : labels)
                    if (l.query == n && l.frame >= 0 && l.frame < d->T) {
                        fr.push_back(l.frame);
                        xy.push_back(l.x / float(kStride));
                        xy.push_back(l.y / float(kStride));
                        gt[0][l.frame][n][0] = l.x;
                        gt[0][l.frame][n][1] = l.y;
                        valid[0][l.frame][n] = 1.0f;
                    }
                if (fr.empty()) { // no label: the query itself
                    fr.push_back(std::clamp(queries[n].frame, 0, d->T - 1));
                    xy.push_back(queries[n].x / float(kStride));
                    xy.push_back(queries[n].y / float(kStride));
                }
                const int64_t K = static_cast<int64_t>(fr.size());
                const Tensor s = trackFeatSupport(d->pyramid[0], torch::tensor(fr).view({1, K}).to(d->device),
                                                  torch::tensor(xy).view({1, K, 2}).to(d->device));
                perQuery.push_back(s.mean(-2));
            }
            init = torch::cat(perQuery, 0).permute({1, 0, 2}).unsqueeze(0).unsqueeze(0).unsqueeze(0).contiguous();
        }
        if (cap)
            (*cap)["feats_init"] = toRaw(init);
        Tensor feats = init.clone().set_requires_grad(true);
        torch::optim::Adam adam({feats}, torch::optim::AdamOptions(opt.learningRate));
        const Tensor qc = d->queryCoords(queries);
        const double validSum = valid.sum().item<double>();

        struct Loss { Tensor total, track, reg, ent; Impl::Outputs out; };
        auto evaluate = [&](const Tensor &f) {
            Loss L;
            const Tensor rep4 = f.repeat({kLevels, 1, 1, 1, 1, 1});
            std::vector<Tensor> sup;
            for (int i = 0; i < kLevels; ++i)
                sup.push_back(rep4[i]);
            L.out = d->forward(sup, qc, opt.iters, nullptr);
            const int n = static_cast<int>(L.out.coords.size());
            Tensor track;
            for (int i = 0; i < n; ++i) {
                const Tensor diff = L.out.coords[i] - gt;
                const Tensor ad = diff.abs();
                const Tensor flag = (ad <= opt.huberDelta).to(torch::kFloat);
                const Tensor h = flag * 0.5 * diff.pow(2) + (1 - flag) * opt.huberDelta * (ad - 0.5 * opt.huberDelta);
                const Tensor m = torch::sum(torch::mean(h, 3) * valid) / (1e-6 + torch::sum(valid));
                const Tensor term = std::pow(opt.gamma, n - i - 1) * m;
                track = i == 0 ? term : track + term;
            }
            L.track = track / double(n);
            L.reg = torch::abs(f - init).mean();
            L.total = L.track + opt.regWeight * L.reg;
            torch::NoGradGuard ng;
            L.ent = torch::sum((L.out.coords.back() - gt).pow(2).sum(-1).sqrt() * valid) / (validSum + 1e-6);
            return L;
        };

        std::vector<Tensor> coordsStep, visStep, featsAfter;
        double best = 1e300;
        int sinceBest = 0;
        const double t0 = now();
        for (int s = 0; s < opt.steps; ++s) {
            adam.zero_grad();
            Loss L = evaluate(feats);
            L.total.backward();
            rep.loss.push_back(L.total.item<double>());
            rep.trackLoss.push_back(L.track.item<double>());
            rep.regLoss.push_back(L.reg.item<double>());
            rep.entLoss.push_back(L.ent.item<double>());
            if (cap) {
                if (s == 0) {
                    (*cap)["grad_step0"] = toRaw(feats.grad());
                    std::vector<Tensor> c;
                    for (const Tensor &x : L.out.coords)
                        c.push_back(x.detach());
                    (*cap)["coords_iters_step0"] = toRaw(torch::stack(c));
                }
                coordsStep.push_back(L.out.coords.back().detach());
                visStep.push_back(L.out.vis.back().detach());
            }
            adam.step();
            if (cap)
                featsAfter.push_back(feats.detach().clone());
            rep.steps = s + 1;
            const double loss = rep.loss.back();
            if (loss < best - opt.minImprovement) {
                best = loss;
                sinceBest = 0;
            } else {
                ++sinceBest;
            }
            if (onStep && !onStep(s + 1, opt.steps, loss)) {
                rep.cancelled = true;
                break;
            }
            if (opt.patience > 0 && sinceBest >= opt.patience)
                break;
        }
        rep.secondsPerStep = rep.steps ? (now() - t0) / rep.steps : 0;
        d->support = feats.detach().clone();
        if (cap) {
            auto vec = [](const std::vector<double> &v) {
                RawTensor r;
                r.shape = {int64_t(v.size())};
                r.f32.assign(v.begin(), v.end());
                return r;
            };
            (*cap)["loss"] = vec(rep.loss);
            (*cap)["track_loss"] = vec(rep.trackLoss);
            (*cap)["reg_loss"] = vec(rep.regLoss);
            (*cap)["ent_loss"] = vec(rep.entLoss);
            if (!coordsStep.empty()) {
                (*cap)["coords_step"] = toRaw(torch::stack(coordsStep));
                (*cap)["vis_step"] = toRaw(torch::stack(visStep));
                (*cap)["feats_after_step"] = toRaw(torch::stack(featsAfter));
            }
            (*cap)["feats_final"] = toRaw(d->support);
            torch::NoGradGuard ng;
            Loss F = evaluate(d->support);
            auto scalar = [](double v) { RawTensor r; r.f32 = {float(v)}; return r; };
            (*cap)["final_loss"] = scalar(F.total.item<double>());
            (*cap)["final_track_loss"] = scalar(F.track.item<double>());
            (*cap)["final_reg_loss"] = scalar(F.reg.item<double>());
            (*cap)["final_coords"] = toRaw(F.out.coords.back());
            (*cap)["final_vis"] = toRaw(F.out.vis.back());
            (*cap)["final_conf"] = toRaw(F.out.conf.back());
            std::vector<Tensor> c(F.out.coords.begin(), F.out.coords.end());
            (*cap)["final_coords_iters"] = toRaw(torch::stack(c));
        }
    } catch (const std::exception &e) {
        if (error)
            *error = std::string("test-time optimisation failed: ") + e.what();
        return false;
    }
    if (report)
        *report = rep;
    return true;
}

} // namespace paddock::tracking::cotracker
