// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/fusion.h"

#include <algorithm>
#include <cmath>

namespace paddock::tracking::defaulttracker {

Estimate fuseAt(const DirTrack &F, const DirTrack &B, int t, float switchGap, float pullBack)
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
    if (switchGap > 0 && gap.dot(gap) > switchGap * switchGap * (F.var[i] + B.var[i] + 1.f))
        w = wb > wf ? 1.f : 0.f;
    e.pos = F.pos[i] * (1.f - w) + B.pos[i] * w;
    e.var = (1.f - w) * F.var[i] + w * B.var[i] + w * (1.f - w) * gap.dot(gap);
    if (pullBack > 0) {
        const cv::Point2f body = F.body[i] * (1.f - u) + B.body[i] * u;
        const float g2 = gap.dot(gap) * gap.dot(gap), p2 = pullBack * pullBack * pullBack * pullBack;
        const float alpha = g2 / (g2 + p2);
        const cv::Point2f off = body - e.pos;
        e.pos += off * alpha;
        e.var += alpha * (1.f - alpha) * off.dot(off);
    }
    e.occluded = F.occluded[i] && B.occluded[i];
    e.lost = (w < 0.5f ? F.lost[i] : B.lost[i]) != 0;
    return e;
}

std::vector<Estimate> fusePath(const DirTrack &F, const DirTrack &B, float switchGap, float pullBack,
                               const PathChoice &choice)
{
    const int n = int(F.has.size()) - 1;
    std::vector<Estimate> out(std::size_t(n + 1));
    for (int t = 0; t <= n; ++t)
        out[std::size_t(t)] = fuseAt(F, B, t, switchGap, pullBack);
    if (!choice.enabled)
        return out;
    for (int t = 0; t <= n;) {
        const std::size_t i = std::size_t(t);
        const int a = F.anchor[i], b = B.anchor[i];
        if (!(F.has[i] && B.has[i]) || b <= a || a < 0 || b > n) {
            ++t;
            continue;
        }
        // Cost of switching on frame s: the gap there, plus the frames before it on a doubtful forward
        // track and the frames after it on a doubtful backward one.
        std::vector<double> cf(std::size_t(b - a + 1), 0.0), cb(std::size_t(b - a + 1), 0.0);
        auto doubt = [&](const DirTrack &d, int s) {
            return choice.appearanceWeight * (1.0 - d.like[std::size_t(s)]) + (d.lost[std::size_t(s)] ? choice.lostPenalty : 0.0);
        };
        for (int s = a + 1; s <= b; ++s)
            cf[std::size_t(s - a)] = cf[std::size_t(s - a - 1)] + doubt(F, s);
        for (int s = b - 1; s >= a; --s)
            cb[std::size_t(s - a)] = cb[std::size_t(s - a + 1)] + doubt(B, s);
        int best = a;
        double bestCost = 1e30;
        for (int s = a; s <= b; ++s) {
            const std::size_t j = std::size_t(s);
            const double c = cv::norm(F.pos[j] - B.pos[j]) / choice.gapScale + cf[std::size_t(s - a)]
                + cb[std::size_t(s - a)] + 0.002 * std::abs(s - 0.5 * (a + b));
            if (c < bestCost) {
                bestCost = c;
                best = s;
            }
        }
        const int r = std::max(0, choice.switchFrames);
        for (int s = a; s <= b; ++s) {
            const std::size_t j = std::size_t(s);
            float w = r == 0 ? (s > best ? 1.f : 0.f) : std::clamp(float(s - (best - r)) / float(2 * r), 0.f, 1.f);
            if (s == a)
                w = 0.f;
            if (s == b)
                w = 1.f;
            const float u = float(s - a) / float(b - a);
            const cv::Point2f gap = F.pos[j] - B.pos[j];
            Estimate e;
            e.has = true;
            e.pos = F.pos[j] * (1.f - w) + B.pos[j] * w;
            e.var = (1.f - w) * F.var[j] + w * B.var[j] + u * (1.f - u) * gap.dot(gap);
            e.occluded = F.occluded[j] && B.occluded[j];
            e.lost = (w < 0.5f ? F.lost[j] : B.lost[j]) != 0;
            if (pullBack > 0) {
                const cv::Point2f body = F.body[j] * (1.f - u) + B.body[j] * u;
                const float g2 = gap.dot(gap) * gap.dot(gap), alpha = g2 / (g2 + pullBack * pullBack * pullBack * pullBack);
                const cv::Point2f off = body - e.pos;
                e.pos += off * alpha;
                e.var += alpha * (1.f - alpha) * off.dot(off);
            }
            out[j] = e;
        }
        t = b;
    }
    return out;
}

float scoreOf(const Estimate &e, double size)
{
    const double ref = 0.05 * std::max(size, 16.0);
    return float(1.0 / (1.0 + double(e.var) / (ref * ref)));
}

} // namespace paddock::tracking::defaulttracker
