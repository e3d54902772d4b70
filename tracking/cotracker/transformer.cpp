// SPDX-License-Identifier: Apache-2.0
// CoTracker3's iterative update: the tokens (visibility, confidence, correlation embedding, motion encoding,
// time embedding), the EfficientUpdateFormer (time attention, virtual-track space attention) and the loop of
// refinement iterations of the offline forward.
#include "tracking/cotracker/modelimpl.h"

#include <ATen/ops/cat.h>
#include <ATen/ops/constant_pad_nd.h>
#include <ATen/ops/gelu.h>
#include <ATen/ops/layer_norm.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/sin.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/upsample_linear1d.h>
#include <ATen/ops/zeros.h>

#include <cmath>

namespace paddock::tracking::cotracker {

namespace {

Tensor layerNorm(const Tensor &x)
{
    return at::layer_norm(x, {x.size(-1)}, {}, {}, 1e-6);
}

} // namespace

Tensor posenc(const Tensor &x)
{
    std::vector<float> s;
    for (int i = 0; i < 10; ++i)
        s.push_back(float(1 << i));
    const Tensor scales = at::tensor(s, x.options());
    auto shape = x.sizes().vec();
    shape.back() = -1;
    const Tensor xb = (x.unsqueeze(-2) * scales.unsqueeze(1)).reshape(shape);
    const Tensor four = at::sin(at::cat({xb, xb + 0.5 * M_PI}, -1));
    return at::cat({x, four}, -1);
}

Tensor CoTracker3Model::Impl::linear(const Tensor &x, const std::string &n) const
{
    return at::linear(x, p(n + ".weight"), p(n + ".bias"));
}

Tensor CoTracker3Model::Impl::mlp(const Tensor &x, const std::string &n, bool tanhGelu) const
{
    return linear(at::gelu(linear(x, n + ".fc1"), tanhGelu ? "tanh" : "none"), n + ".fc2");
}

Tensor CoTracker3Model::Impl::attention(const Tensor &x, const Tensor &ctx, const std::string &n) const
{
    const int64_t B = x.size(0), N1 = x.size(1), C = x.size(2), N2 = ctx.size(1);
    const Tensor q = linear(x, n + ".to_q").reshape({B, N1, kHeads, C / kHeads}).permute({0, 2, 1, 3});
    const auto kv = linear(ctx, n + ".to_kv").chunk(2, -1);
    const Tensor k = kv[0].reshape({B, N2, kHeads, C / kHeads}).permute({0, 2, 1, 3});
    const Tensor v = kv[1].reshape({B, N2, kHeads, C / kHeads}).permute({0, 2, 1, 3});
    const Tensor sim = at::matmul(q, k.transpose(-2, -1)) * std::pow(48.0, -0.5);
    const Tensor out = at::matmul(sim.softmax(-1), v).transpose(1, 2).reshape({B, N1, C});
    return linear(out, n + ".to_out");
}

Tensor CoTracker3Model::Impl::attnBlock(Tensor x, const std::string &n) const
{
    const Tensor nx = layerNorm(x);
    x = x + attention(nx, nx, n + ".attn");
    return cancelPoint(x + mlp(layerNorm(x), n + ".mlp", true));
}

Tensor CoTracker3Model::Impl::crossBlock(Tensor x, const Tensor &ctx, const std::string &n) const
{
    const Tensor nc = at::layer_norm(ctx, {ctx.size(-1)}, p(n + ".norm_context.weight"),
                                     p(n + ".norm_context.bias"), 1e-5);
    x = x + attention(layerNorm(x), nc, n + ".cross_attn");
    return cancelPoint(x + mlp(layerNorm(x), n + ".mlp", true));
}

Tensor CoTracker3Model::Impl::updateFormer(const Tensor &input) const
{
    Tensor tokens = linear(input, "updateformer.input_transform");
    const int64_t B = tokens.size(0), T = tokens.size(2);
    tokens = at::cat({tokens, p("updateformer.virual_tracks").repeat({B, 1, T, 1})}, 1);
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
        tokens = at::cat({point, virt}, 1).view({B, T, N, -1}).permute({0, 2, 1, 3});
    }
    tokens = tokens.narrow(1, 0, N - kVirtual);
    return at::cat({linear(tokens, "updateformer.flow_head"), linear(tokens, "updateformer.vis_conf_head")}, -1);
}

Tensor CoTracker3Model::Impl::timeEmbed(int64_t t) const
{
    const Tensor &te = p("time_emb");
    if (te.size(1) == t)
        return te;
    return at::upsample_linear1d(te.permute({0, 2, 1}), std::vector<int64_t>{t}, false, c10::optional<double>())
        .permute({0, 2, 1});
}

CoTracker3Model::Impl::Outputs CoTracker3Model::Impl::forward(const std::vector<Tensor> &supportPyr,
                                                              const Tensor &queriedCoords, int iters, TensorMap *cap)
{
    const int64_t B = 1, N = queriedCoords.size(1);
    const auto opt = queriedCoords.options();
    Tensor vis = at::zeros({B, T, N}, opt);
    Tensor conf = at::zeros({B, T, N}, opt);
    Tensor coords = queriedCoords.reshape({B, 1, N, 2}).expand({B, T, N, 2});
    const Tensor scale = at::tensor(std::vector<float>{float(kModelW / kStride), float(kModelH / kStride)}, opt);
    const Tensor te = timeEmbed(T);
    if (cap)
        (*cap)["time_emb_interp"] = toRaw(te);
    Outputs out;
    std::vector<Tensor> deltas;
    for (int it = 0; it < iters; ++it) {
        checkCancel();
        double t0 = now();
        coords = coords.detach();
        const Tensor corrEmbs = correlationEmbedding(coords.reshape({B * T, N, 2}), supportPyr, B, N, cap, it == 0);
        double t1 = now();
        timings.correlation += t1 - t0;
        Tensor relF = coords.narrow(1, 0, T - 1) - coords.narrow(1, 1, T - 1);
        Tensor relB = coords.narrow(1, 1, T - 1) - coords.narrow(1, 0, T - 1);
        relF = at::constant_pad_nd(relF, {0, 0, 0, 0, 0, 1}) / scale;
        relB = at::constant_pad_nd(relB, {0, 0, 0, 0, 1, 0}) / scale;
        const Tensor pe = posenc(at::cat({relF, relB}, -1));
        Tensor x = at::cat({vis.unsqueeze(-1), conf.unsqueeze(-1), corrEmbs, pe}, -1)
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
        out.vis.push_back(at::sigmoid(vis));
        out.conf.push_back(at::sigmoid(conf));
        timings.transformer += now() - t1;
    }
    if (cap) {
        (*cap)["delta_iters"] = toRaw(at::stack(deltas));
        (*cap)["coords_iters"] = toRaw(at::stack(out.coords));
        (*cap)["vis_iters"] = toRaw(at::stack(out.vis));
        (*cap)["conf_iters"] = toRaw(at::stack(out.conf));
        (*cap)["coords"] = toRaw(out.coords.back());
        (*cap)["vis"] = toRaw(out.vis.back());
        (*cap)["conf"] = toRaw(out.conf.back());
    }
    return out;
}

} // namespace paddock::tracking::cotracker
