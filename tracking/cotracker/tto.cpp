// SPDX-License-Identifier: Apache-2.0
// CoTracker3's test-time optimisation: the query support features initialised from the labelled patches, Adam
// on the Huber track loss at the labels plus an L1 pull-back, the network frozen. Cancel is checked at every
// step, inside the forward and inside the backward pass (autograd hooks at the cancel points).
#include "tracking/cotracker/modelimpl.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/mean.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/sum.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/zeros.h>
#include <ATen/ops/zeros_like.h>

#include <algorithm>
#include <cmath>

namespace paddock::tracking::cotracker {

namespace {

/** Adam with torch.optim.Adam's defaults (betas 0.9, 0.999, eps 1e-8, no weight decay), step for step. */
class Adam
{
public:
    Adam(const Tensor &param, double lr) : mParam(param), mLr(lr)
    {
        at::NoGradGuard noGrad;
        mAvg = at::zeros_like(param);
        mAvgSq = at::zeros_like(param);
    }
    void zeroGrad()
    {
        Tensor g = mParam.mutable_grad();
        if (g.defined()) {
            g.detach_();
            g.zero_();
        }
    }
    void step()
    {
        at::NoGradGuard noGrad;
        const Tensor g = mParam.grad();
        if (!g.defined())
            return;
        ++mStep;
        const double bias1 = 1 - std::pow(kBeta1, double(mStep));
        const double bias2 = 1 - std::pow(kBeta2, double(mStep));
        mAvg.mul_(kBeta1).add_(g, 1 - kBeta1);
        mAvgSq.mul_(kBeta2).addcmul_(g, g, 1 - kBeta2);
        const Tensor denom = (mAvgSq.sqrt() / std::sqrt(bias2)).add_(kEps);
        mParam.addcdiv_(mAvg, denom, -mLr / bias1);
    }

private:
    static constexpr double kBeta1 = 0.9, kBeta2 = 0.999, kEps = 1e-8;
    Tensor mParam, mAvg, mAvgSq;
    double mLr;
    long mStep = 0;
};

} // namespace

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
    struct Losses
    {
        Tensor total, track, reg, ent;
        Impl::Outputs out;
    };
    TtoReport rep;
    try {
        const BlasThreadsOnly blasOnly(d->device.is_cpu());
        const auto fopt = at::TensorOptions().device(d->device);
        // initial features: per query, the mean of its labelled level-0 patches
        Tensor gt = at::zeros({1, d->T, N, 2}, fopt);
        Tensor valid = at::zeros({1, d->T, N}, fopt);
        Tensor init;
        {
            at::NoGradGuard noGrad;
            std::vector<Tensor> perQuery;
            for (int64_t n = 0; n < N; ++n) {
                d->checkCancel();
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
                const Tensor s = trackFeatSupport(d->pyramid[0], at::tensor(fr).view({1, K}).to(d->device),
                                                  at::tensor(xy).view({1, K, 2}).to(d->device));
                perQuery.push_back(s.mean(-2));
            }
            init = at::cat(perQuery, 0).permute({1, 0, 2}).unsqueeze(0).unsqueeze(0).unsqueeze(0).contiguous();
        }
        if (cap)
            (*cap)["feats_init"] = toRaw(init);
        Tensor feats = init.clone().set_requires_grad(true);
        Adam adam(feats, opt.learningRate);
        const Tensor qc = d->queryCoords(queries);
        const double validSum = valid.sum().item<double>();

        auto evaluate = [&](const Tensor &f) {
            Losses L;
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
                const Tensor flag = (ad <= opt.huberDelta).to(c10::kFloat);
                const Tensor h = flag * 0.5 * diff.pow(2) + (1 - flag) * opt.huberDelta * (ad - 0.5 * opt.huberDelta);
                const Tensor m = at::sum(at::mean(h, 3) * valid) / (1e-6 + at::sum(valid));
                const Tensor term = std::pow(opt.gamma, n - i - 1) * m;
                track = i == 0 ? term : track + term;
            }
            L.track = track / double(n);
            L.reg = at::abs(f - init).mean();
            L.total = L.track + opt.regWeight * L.reg;
            at::NoGradGuard ng;
            L.ent = at::sum((L.out.coords.back() - gt).pow(2).sum(-1).sqrt() * valid) / (validSum + 1e-6);
            return L;
        };

        std::vector<Tensor> coordsStep, visStep, featsAfter;
        double best = 1e300;
        int sinceBest = 0;
        const double t0 = now();
        for (int s = 0; s < opt.steps; ++s) {
            d->checkCancel();
            adam.zeroGrad();
            Losses L = evaluate(feats);
            L.total.backward();
            d->checkCancel();
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
                    (*cap)["coords_iters_step0"] = toRaw(at::stack(c));
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
                (*cap)["coords_step"] = toRaw(at::stack(coordsStep));
                (*cap)["vis_step"] = toRaw(at::stack(visStep));
                (*cap)["feats_after_step"] = toRaw(at::stack(featsAfter));
            }
            (*cap)["feats_final"] = toRaw(d->support);
            at::NoGradGuard ng;
            Losses F = evaluate(d->support);
            auto scalar = [](double v) { RawTensor r; r.f32 = {float(v)}; return r; };
            (*cap)["final_loss"] = scalar(F.total.item<double>());
            (*cap)["final_track_loss"] = scalar(F.track.item<double>());
            (*cap)["final_reg_loss"] = scalar(F.reg.item<double>());
            (*cap)["final_coords"] = toRaw(F.out.coords.back());
            (*cap)["final_vis"] = toRaw(F.out.vis.back());
            (*cap)["final_conf"] = toRaw(F.out.conf.back());
            std::vector<Tensor> c(F.out.coords.begin(), F.out.coords.end());
            (*cap)["final_coords_iters"] = toRaw(at::stack(c));
        }
    } catch (const std::exception &e) {
        if (error)
            *error = d->cancelled() ? std::string("cancelled")
                                    : std::string("test-time optimisation failed: ") + e.what();
        if (d->cancelled() && report) {
            rep.cancelled = true;
            *report = rep;
        }
        return false;
    }
    if (report)
        *report = rep;
    return true;
}

} // namespace paddock::tracking::cotracker
