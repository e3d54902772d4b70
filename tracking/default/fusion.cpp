// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/fusion.h"

#include <algorithm>
#include <cmath>

namespace paddock::tracking::defaulttracker {

Estimate fuseAt(const DirTrack &F, const DirTrack &B, int t, float switchGap)
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
    e.occluded = F.occluded[i] && B.occluded[i];
    e.lost = (w < 0.5f ? F.lost[i] : B.lost[i]) != 0;
    return e;
}

float scoreOf(const Estimate &e, double size)
{
    const double ref = 0.05 * std::max(size, 16.0);
    return float(1.0 / (1.0 + double(e.var) / (ref * ref)));
}

} // namespace paddock::tracking::defaulttracker
