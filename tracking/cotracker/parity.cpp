// SPDX-License-Identifier: Apache-2.0
#include "tracking/cotracker/parity.h"

#include "tracking/cotracker/checkpoint.h"
#include "tracking/cotracker/formulaweights.h"
#include "tracking/cotracker/model.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace paddock::tracking::cotracker {

namespace {

struct Tol
{
    double atol, rtol;
};

ParityEntry compare(const std::string &name, const TensorMap &ref, const TensorMap &ours, Tol tol)
{
    ParityEntry e;
    e.name = name;
    e.atol = tol.atol;
    e.rtol = tol.rtol;
    auto r = ref.find(name);
    auto o = ours.find(name);
    if (r == ref.end() || o == ours.end()) {
        e.problem = r == ref.end() ? "not in the fixture" : "not produced by the port";
        return e;
    }
    const RawTensor &a = o->second, &b = r->second;
    std::vector<float> bv = b.f32;
    if (!b.isFloating())
        bv.assign(b.i64.begin(), b.i64.end());
    if (a.f32.size() != bv.size() || a.numel() != b.numel()) {
        e.problem = "shape " + a.shapeString() + " vs reference " + b.shapeString();
        return e;
    }
    if (a.shape != b.shape)
        e.problem = "shape " + a.shapeString() + " vs reference " + b.shapeString() + " (same size)";
    e.pass = true;
    for (size_t i = 0; i < bv.size(); ++i) {
        const double diff = std::abs(double(a.f32[i]) - double(bv[i]));
        e.maxAbsDiff = std::max(e.maxAbsDiff, diff);
        e.maxRef = std::max(e.maxRef, std::abs(double(bv[i])));
        if (!(diff <= tol.atol + tol.rtol * std::abs(double(bv[i]))))
            e.pass = false;
    }
    return e;
}

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool loadFixture(const std::string &path, TensorMap *t, ParityReport *rep)
{
    if (!readTorchSave(path, t, &rep->error))
        return false;
    return true;
}

bool prepare(const std::string &dir, CoTracker3Model *model, TensorMap *fwd, std::vector<Query> *queries,
             TensorMap *capture, ParityReport *rep)
{
    if (!loadFixture(dir + "/forward.pt", fwd, rep))
        return false;
    if (!model->load(formulaWeights(60), "cpu", &rep->error))
        return false;
    const RawTensor &video = fwd->at("video");
    const RawTensor &q = fwd->at("queries");
    if (video.shape.size() != 5 || q.shape.size() != 3) {
        rep->error = "forward.pt: unexpected video or queries shape";
        return false;
    }
    for (int64_t n = 0; n < q.shape[1]; ++n)
        queries->push_back(Query{int(q.f32[n * 3]), q.f32[n * 3 + 1], q.f32[n * 3 + 2]});
    return model->setVideo(video.f32.data(), int(video.shape[1]), int(video.shape[3]), int(video.shape[4]), capture,
                           &rep->error);
}

} // namespace

bool ParityReport::allPass() const
{
    if (!ran || entries.empty())
        return false;
    for (const auto &e : entries)
        if (!e.pass)
            return false;
    return true;
}

std::string ParityReport::toString() const
{
    if (!ran)
        return "parity did not run: " + error + "\n";
    std::string s;
    char line[256];
    std::snprintf(line, sizeof line, "%-28s %12s %10s %8s %10s  %s\n", "tensor", "max|diff|", "atol", "rtol",
                  "max|ref|", "result");
    s += line;
    for (const auto &e : entries) {
        std::snprintf(line, sizeof line, "%-28s %12.3e %10.1e %8.1e %10.3g  %s%s%s\n", e.name.c_str(), e.maxAbsDiff,
                      e.atol, e.rtol, e.maxRef, e.pass ? "ok" : "FAIL", e.problem.empty() ? "" : "  ",
                      e.problem.c_str());
        s += line;
    }
    return s;
}

ParityReport runForwardParity(const std::string &dir)
{
    ParityReport rep;
    const double t0 = now();
    CoTracker3Model model;
    TensorMap fwd, cap;
    std::vector<Query> queries;
    if (!prepare(dir, &model, &fwd, &queries, &cap, &rep))
        return rep;
    Tracks tracks;
    if (!model.track(queries, 4, &tracks, &cap, &rep.error))
        return rep;
    rep.ran = true;
    const Tol feat{1e-5, 1e-5}, logit{1e-5, 0}, px{1e-4, 0};
    const char *features[] = {"fnet_out_norm", "fmaps_l0", "fmaps_l1", "fmaps_l2", "fmaps_l3",
                              "track_feat_support_l0", "track_feat_support_l1", "track_feat_support_l2",
                              "track_feat_support_l3", "corr_feat_l0_it0", "corr_volume_l0_it0",
                              "corr_volume_l1_it0", "corr_volume_l2_it0", "corr_volume_l3_it0", "corr_emb_it0",
                              "time_emb_interp", "transformer_input_it0"};
    for (const char *n : features)
        rep.entries.push_back(compare(n, fwd, cap, feat));
    for (const char *n : {"delta_iters", "vis_iters", "conf_iters", "vis", "conf"})
        rep.entries.push_back(compare(n, fwd, cap, logit));
    for (const char *n : {"coords_iters", "coords"})
        rep.entries.push_back(compare(n, fwd, cap, px));
    rep.seconds = now() - t0;
    return rep;
}

ParityReport runTtoParity(const std::string &dir)
{
    ParityReport rep;
    const double t0 = now();
    CoTracker3Model model;
    TensorMap fwd, tto, cap;
    std::vector<Query> queries;
    if (!prepare(dir, &model, &fwd, &queries, nullptr, &rep) || !loadFixture(dir + "/tto.pt", &tto, &rep))
        return rep;
    const RawTensor &frames = tto.at("label_frames");
    const RawTensor &xy = tto.at("label_xy");
    std::vector<Label> labels;
    for (int64_t n = 0; n < frames.shape[0]; ++n)
        for (int64_t k = 0; k < frames.shape[1]; ++k) {
            const int64_t i = n * frames.shape[1] + k;
            labels.push_back(Label{int(n), int(frames.i64[i]), xy.f32[i * 2], xy.f32[i * 2 + 1]});
        }
    TtoOptions opt;
    opt.steps = 3;
    opt.learningRate = 1e-3;
    opt.iters = 4;
    TtoReport tr;
    if (!model.optimise(queries, labels, opt, {}, &tr, &cap, &rep.error))
        return rep;
    rep.ran = true;
    const Tol feat{1e-5, 1e-5}, logit{1e-5, 0}, px{1e-4, 0}, lossTol{0, 1e-5}, reg{1e-7, 1e-4}, grad{1e-6, 0},
        feats{1e-4, 0};
    rep.entries.push_back(compare("feats_init", tto, cap, feat));
    rep.entries.push_back(compare("grad_step0", tto, cap, grad));
    for (const char *n : {"coords_iters_step0", "coords_step", "final_coords", "final_coords_iters"})
        rep.entries.push_back(compare(n, tto, cap, px));
    for (const char *n : {"vis_step", "final_vis", "final_conf"})
        rep.entries.push_back(compare(n, tto, cap, logit));
    for (const char *n : {"loss", "track_loss", "ent_loss", "final_loss", "final_track_loss"})
        rep.entries.push_back(compare(n, tto, cap, lossTol));
    for (const char *n : {"reg_loss", "final_reg_loss"})
        rep.entries.push_back(compare(n, tto, cap, reg));
    for (const char *n : {"feats_after_step", "feats_final"})
        rep.entries.push_back(compare(n, tto, cap, feats));
    rep.seconds = now() - t0;
    return rep;
}

} // namespace paddock::tracking::cotracker
