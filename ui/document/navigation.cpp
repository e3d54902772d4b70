// SPDX-License-Identifier: Apache-2.0
#include "ui/document/navigation.h"

#include <algorithm>

namespace paddock::ui::navigation {

bool isTrackerSource(core::Source s)
{
    return s == core::Source::Propagated || s == core::Source::Refined || s == core::Source::Interpolated;
}

std::set<int> flaggedFrames(const core::Clip &clip, int trackId)
{
    std::set<int> out;
    for (const core::ReviewEntry &e : clip.review.entries) {
        if (core::isUnresolved(e.state) && (trackId == 0 || e.trackId == 0 || e.trackId == trackId))
            out.insert(e.frame);
    }
    return out;
}

namespace {
// Visits frames from+1 .. n-1, 0 .. from, returning the first that \a test accepts.
template<typename Test>
int scan(int n, int from, Test test)
{
    for (int step = 1; step <= n; ++step) {
        const int f = ((from + step) % n + n) % n;
        if (test(f))
            return f;
    }
    return -1;
}
} // namespace

int nextUnlabelled(const core::Clip &clip, const core::Category *category, int trackId, int from)
{
    const int n = clip.effectiveFrameCount();
    if (n <= 0 || !category)
        return -1;
    return scan(n, from, [&](int f) {
        const core::Instance *inst = clip.instance(f, trackId);
        if (!inst)
            return true;
        for (int k = 0; k < category->keypointCount(); ++k)
            if (k >= int(inst->keypoints.size()) || !inst->keypoints[std::size_t(k)].isLabelled())
                return true;
        return false;
    });
}

int nextFlagged(const core::Clip &clip, int from)
{
    const std::set<int> flagged = flaggedFrames(clip);
    if (flagged.empty())
        return -1;
    auto it = flagged.upper_bound(from);
    return it != flagged.end() ? *it : *flagged.begin();
}

int nextLowScore(const core::Clip &clip, int from, double threshold)
{
    auto low = [&](const std::vector<core::Instance> &list) {
        for (const core::Instance &inst : list)
            for (const core::Keypoint &k : inst.keypoints)
                if (k.isLabelled() && isTrackerSource(k.source) && k.score < threshold)
                    return true;
        return false;
    };
    for (auto it = clip.frames.upper_bound(from); it != clip.frames.end(); ++it)
        if (low(it->second))
            return it->first;
    for (auto it = clip.frames.begin(); it != clip.frames.end() && it->first <= from; ++it)
        if (low(it->second))
            return it->first;
    return -1;
}

} // namespace paddock::ui::navigation
