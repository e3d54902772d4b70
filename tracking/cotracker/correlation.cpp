// SPDX-License-Identifier: Apache-2.0
// CoTracker3's sampling: support grids around the queries, correlation patches around the current tracks,
// and the 4D correlation embedding (corr_mlp) of every pyramid level.
#include "tracking/cotracker/modelimpl.h"

#include <ATen/ops/arange.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/einsum.h>
#include <ATen/ops/grid_sampler.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/zeros_like.h>

#include <algorithm>

namespace paddock::tracking::cotracker {

namespace {

/** (t,x,y) offsets of the 7x7 support grid: x on the slow axis, y on the fast one (as the reference). */
Tensor supportDelta(const at::TensorOptions &opt)
{
    const Tensor d = at::arange(-kRadius, kRadius + 1, opt);
    const int r = 2 * kRadius + 1;
    const Tensor xg = d.view({r, 1}).expand({r, r});
    const Tensor yg = d.view({1, r}).expand({r, r});
    return at::stack({at::zeros_like(xg), xg, yg}, -1).view({1, 1, r, r, 3});
}

/** bilinear_sampler on a 5-D input with (t,x,y) coords: reorder to (x,y,t), scale, border, align_corners. */
Tensor sample5d(const Tensor &input /*B C T H W*/, const Tensor &coords /*... 3 as t,x,y*/)
{
    const auto opt = coords.options();
    const Tensor xyt = coords.index_select(-1, at::tensor(std::vector<int64_t>{1, 2, 0}, opt.dtype(c10::kLong)));
    const double sw = 2.0 / std::max<int64_t>(input.size(4) - 1, 1);
    const double sh = 2.0 / std::max<int64_t>(input.size(3) - 1, 1);
    const double st = 2.0 / std::max<int64_t>(input.size(2) - 1, 1);
    const Tensor scale = at::tensor(std::vector<float>{float(sw), float(sh), float(st)}, opt);
    return at::grid_sampler(input, xyt * scale - 1, 0, 1, true);
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

} // namespace

Tensor trackFeatSupport(const Tensor &fmaps, const Tensor &frames, const Tensor &xy)
{
    const Tensor sc = at::cat({frames.to(xy.dtype()).unsqueeze(1).unsqueeze(-1), xy.unsqueeze(1)}, -1);
    const Tensor pts = supportPoints(sc, true);                                    // B 49 N 3
    const Tensor feats = sample5d(fmaps.permute({0, 2, 1, 3, 4}), pts.unsqueeze(3)); // B C 49 N 1
    return feats.permute({0, 2, 3, 1, 4}).reshape({feats.size(0), feats.size(2), feats.size(3), feats.size(1)});
}

Tensor correlationFeat(const Tensor &fmaps, const Tensor &coords)
{
    const int64_t B = fmaps.size(0), T = fmaps.size(1), C = fmaps.size(2), H = fmaps.size(3), W = fmaps.size(4);
    const int64_t N = coords.size(1);
    const int r = 2 * kRadius + 1;
    const Tensor sc = at::cat({at::zeros_like(coords.narrow(-1, 0, 1)), coords}, -1).unsqueeze(1);
    const Tensor pts = supportPoints(sc, false);                            // BT N 7 7 3
    const Tensor out = sample5d(fmaps.reshape({B * T, C, 1, H, W}), pts); // BT C N 7 7
    return out.view({B, T, C, N, r, r}).permute({0, 1, 3, 4, 5, 2});
}

Tensor CoTracker3Model::Impl::correlationEmbedding(const Tensor &flat, const std::vector<Tensor> &supportPyr,
                                                   int64_t B, int64_t N, TensorMap *cap, bool first)
{
    const int r = 2 * kRadius + 1;
    std::vector<Tensor> embs;
    for (int i = 0; i < kLevels; ++i) {
        const Tensor cf = correlationFeat(pyramid[i], flat / double(1 << i));
        const Tensor sup = supportPyr[i].view({B, 1, r, r, N, kLatent}).squeeze(1).permute({0, 3, 1, 2, 4});
        const Tensor vol = at::einsum("btnhwc,bnijc->btnhwij", {cf, sup});
        embs.push_back(cancelPoint(mlp(vol.reshape({B * T * N, r * r * r * r}), "corr_mlp", false)));
        if (cap && first) {
            if (i == 0)
                (*cap)["corr_feat_l0_it0"] = toRaw(cf);
            (*cap)["corr_volume_l" + std::to_string(i) + "_it0"] = toRaw(vol);
        }
    }
    return at::cat(embs, -1).view({B, T, N, -1});
}

} // namespace paddock::tracking::cotracker
