// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/fusion.h"

#include <algorithm>
#include <cmath>

namespace paddock::tracking::defaulttracker {

Estimate fuseAt(const DirTrack &F, const DirTrack &B, int t, float switchGap, float minGap)
{
    const std::size_t i = std::size_t(t);
    Estimate e;
    const bool hf = F.has[i], hb = B.has[i];
    if (!hf && !hb)
        return e;
    e.has = true;
    if (!hb) {
        e.pos = F.pos[i];
        e.var = F.var[i];
        e.occluded = F.occluded[i];
        e.lost = F.lost[i];
        return e;
    }
    if (!hf) {
        e.pos = B.pos[i];
        e.var = B.var[i];
        e.occluded = B.occluded[i];
        e.lost = B.lost[i];
        return e;
    }
    const int a = F.anchor[i], b = B.anchor[i];
    const float u = b > a ? std::clamp(float(t - a) / float(b - a), 0.f, 1.f) : 0.5f;
    const float wf = (1.f - u) / (F.var[i] + 1e-3f), wb = u / (B.var[i] + 1e-3f);
    float w = wb / std::max(1e-12f, wf + wb); // weight of the backward track
    const cv::Point2f gap = F.pos[i] - B.pos[i];
    // Directions that disagree far beyond what they accumulated followed different things (a leg that
    // stepped, a limb crossing): their average is on neither, so the surer one is taken whole.
    const float gap2 = gap.dot(gap);
    if (switchGap > 0 && gap2 > switchGap * switchGap * (F.var[i] + B.var[i] + 1.f) && gap2 > minGap * minGap)
        w = wb > wf ? 1.f : 0.f;
    e.pos = F.pos[i] * (1.f - w) + B.pos[i] * w;
    e.var = (1.f - w) * F.var[i] + w * B.var[i] + w * (1.f - w) * gap2;
    e.occluded = F.occluded[i] && B.occluded[i];
    e.lost = (w < 0.5f ? F.lost[i] : B.lost[i]) != 0;
    return e;
}

std::vector<Estimate> fuseSegment(const AnimalPlan &plan, int first, const DirTrack &F, const DirTrack &B, int k,
                                  float switchGap, float minGap)
{
    const int n = int(F.has.size()) - 1;
    std::vector<Estimate> path(std::size_t(n + 1));
    for (int t = 0; t <= n; ++t)
        path[std::size_t(t)] = fuseAt(F, B, t, switchGap, minGap);
    // Labels inside the segment: how far each is from the estimate there, interpolated between them and to
    // nothing at a labelled end (held where an end has no label), added to the path. Frames far from a
    // correction keep their track; a correction near a label hardly reaches past it.
    // A frame where other keypoints of the animal were corrected and this one was not was looked at and this
    // one left as it was: it holds there (a knot with no offset), so a correction on a frame nearby does not
    // move it.
    std::vector<std::pair<int, cv::Point2f>> knots;
    bool corrected = false;
    for (int t = 1; t < n; ++t) {
        if (!path[std::size_t(t)].has || !plan.labels.count(first + t))
            continue;
        if (const Anchor *x = plan.label(first + t, k)) {
            knots.push_back({t, x->pos - path[std::size_t(t)].pos});
            corrected = true;
        } else {
            knots.push_back({t, cv::Point2f()});
        }
    }
    if (!corrected)
        return path;
    if (plan.label(first, k))
        knots.insert(knots.begin(), {0, cv::Point2f()});
    if (plan.label(first + n, k))
        knots.push_back({n, cv::Point2f()});
    for (int t = 0; t <= n; ++t) {
        Estimate &e = path[std::size_t(t)];
        if (!e.has)
            continue;
        std::size_t j = 0;
        while (j < knots.size() && knots[j].first < t)
            ++j;
        cv::Point2f off;
        if (j == 0)
            off = knots.front().second;
        else if (j == knots.size())
            off = knots.back().second;
        else {
            const auto &[t0, r0] = knots[j - 1];
            const auto &[t1, r1] = knots[j];
            const float u = t1 > t0 ? float(t - t0) / float(t1 - t0) : 0.f;
            off = r0 * (1.f - u) + r1 * u;
        }
        float reach = 0.f;
        for (const auto &[tk, r] : knots)
            if (tk > 0 && tk < n)
                reach = std::max(reach, 1.f - float(std::abs(t - tk)) / float(kCorrectionReachFrames));
        e.pos += off * reach;
    }
    return path;
}

std::vector<float> relativeSpeeds(const AnimalPlan &plan, int first, int last)
{
    std::vector<float> out(std::size_t(std::max(0, plan.K)), 0.f);
    if (last <= first)
        return out;
    std::vector<cv::Point2f> moved(out.size());
    std::vector<char> both(out.size(), 0);
    cv::Point2f mean;
    int n = 0;
    for (int k = 0; k < plan.K; ++k) {
        const Anchor *a = plan.label(first, k), *b = plan.label(last, k);
        if (!a || !b)
            continue;
        moved[std::size_t(k)] = b->pos - a->pos;
        both[std::size_t(k)] = 1;
        mean += moved[std::size_t(k)];
        ++n;
    }
    if (n < 2)
        return out;
    mean *= 1.f / float(n);
    const float frames = float(last - first);
    double squares = 0.0;
    for (std::size_t k = 0; k < out.size(); ++k)
        if (both[k]) {
            const cv::Point2f d = moved[k] - mean;
            out[k] = std::sqrt(d.dot(d)) / frames;
            squares += double(out[k]) * double(out[k]);
        }
    const float rms = float(std::sqrt(squares / n));
    for (std::size_t k = 0; k < out.size(); ++k)
        if (!both[k])
            out[k] = rms;
    return out;
}

float scoreSpread(const Estimate &e, const DirTrack &F, const DirTrack &B, int t, float relativeSpeed, float gain)
{
    const std::size_t i = std::size_t(t);
    int frames = 0;
    if (F.has[i] && B.has[i])
        frames = std::min(t - F.anchor[i], B.anchor[i] - t);
    else if (F.has[i])
        frames = t - F.anchor[i];
    else if (B.has[i])
        frames = B.anchor[i] - t;
    const float grown = gain * relativeSpeed * float(std::max(0, frames));
    return e.var + grown * grown;
}

float scoreOf(const Estimate &e, double size)
{
    const double ref = 0.05 * std::max(size, 16.0);
    return float(1.0 / (1.0 + double(e.var) / (ref * ref)));
}

} // namespace paddock::tracking::defaulttracker
