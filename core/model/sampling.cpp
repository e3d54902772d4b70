// SPDX-License-Identifier: Apache-2.0
#include "core/model/sampling.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace paddock::core {

std::vector<int> labelledFrameList(const Clip &clip)
{
    std::vector<int> out;
    for (const auto &[f, list] : clip.frames)
        if (std::any_of(list.begin(), list.end(), [](const Instance &i) {
                return std::any_of(i.keypoints.begin(), i.keypoints.end(), [](const Keypoint &k) { return k.isLabelled(); });
            }))
            out.push_back(f);
    return out; // std::map: ascending
}

std::vector<int> framesAtLeastApart(const Clip &clip, int step)
{
    step = std::max(1, step);
    std::vector<int> out;
    for (int f : labelledFrameList(clip))
        if (out.empty() || f - out.back() >= step)
            out.push_back(f);
    return out;
}

Clip keepFrames(const Clip &clip, const std::vector<int> &frames)
{
    Clip out = clip;
    out.frames.clear();
    out.frameMeta.clear();
    out.review = ClipReview();
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const int f = frames[i];
        if (auto it = clip.frames.find(f); it != clip.frames.end())
            out.frames[int(i)] = it->second;
        if (!clip.frameMeta.empty())
            out.frameMeta.push_back(f >= 0 && std::size_t(f) < clip.frameMeta.size() ? clip.frameMeta[std::size_t(f)] : FrameMeta());
    }
    out.frameCount = int(frames.size());
    return out;
}

Clip labelsEvery(const Clip &clip, int every)
{
    every = std::max(1, every);
    const std::vector<int> have = labelledFrameList(clip);
    Clip out = clip;
    out.frames.clear();
    out.review = ClipReview();
    if (have.empty())
        return out;
    std::set<int> keep{have.back()};
    for (int t = 0; t <= have.back(); t += every)
        keep.insert(*std::min_element(have.begin(), have.end(),
                                      [t](int a, int b) { return std::abs(a - t) < std::abs(b - t); }));
    for (int f : keep)
        out.frames[f] = clip.frames.at(f);
    return out;
}

} // namespace paddock::core
