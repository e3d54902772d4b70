// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/plan.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <set>

namespace paddock::tracking::defaulttracker {

const Anchor *AnimalPlan::label(int frame, int k) const
{
    auto it = labels.find(frame);
    if (it == labels.end() || k < 0 || k >= int(it->second.size()) || !it->second[std::size_t(k)].has)
        return nullptr;
    return &it->second[std::size_t(k)];
}

double AnimalPlan::size(int first, int last) const
{
    double best = 0.0;
    for (auto it = labels.lower_bound(first); it != labels.end() && it->first <= last; ++it) {
        std::vector<cv::Point2f> pts;
        for (const Anchor &a : it->second)
            if (a.has)
                pts.push_back(a.pos);
        if (pts.size() >= 2) {
            const cv::Rect2f b = cv::boundingRect(pts);
            best = std::max(best, double(std::max(b.width, b.height)));
        }
    }
    return best;
}

std::vector<AnimalPlan> planAnimals(const TrackingInput &input, int f0, int f1)
{
    const core::Clip &clip = input.clip;
    std::set<int> ids(input.trackIds.begin(), input.trackIds.end());
    if (ids.empty()) {
        for (const core::Track &t : clip.tracks)
            ids.insert(t.id);
        for (const auto &[f, list] : clip.frames)
            for (const core::Instance &i : list)
                ids.insert(i.trackId);
    }
    std::vector<AnimalPlan> out;
    for (int id : ids) {
        AnimalPlan a;
        a.trackId = id;
        a.categoryId = clip.track(id) ? clip.track(id)->categoryId : 1;
        for (const auto &[f, list] : clip.frames)
            for (const core::Instance &i : list)
                if (i.trackId == id) {
                    a.K = std::max(a.K, int(i.keypoints.size()));
                    a.categoryId = i.categoryId;
                }
        for (const core::Category &c : input.categories)
            if (c.id == a.categoryId)
                a.K = std::max(a.K, c.keypointCount());
        if (a.K <= 0)
            continue;
        for (auto it = clip.frames.lower_bound(f0); it != clip.frames.end() && it->first <= f1; ++it)
            for (const core::Instance &i : it->second) {
                if (i.trackId != id)
                    continue;
                std::vector<Anchor> row(std::size_t(a.K));
                bool any = false;
                for (std::size_t k = 0; k < i.keypoints.size() && k < row.size(); ++k) {
                    const core::Keypoint &kp = i.keypoints[k];
                    if (kp.isLabelled() && core::isUserLabel(kp.source)) {
                        row[k] = Anchor{true, cv::Point2f(float(kp.x), float(kp.y)),
                                        kp.visibility == core::Visibility::Occluded};
                        any = true;
                    }
                }
                if (any)
                    a.labels[it->first] = std::move(row);
            }
        if (a.labels.empty())
            continue;
        int most = 0;
        std::map<int, int> counts;
        for (const auto &[f, row] : a.labels) {
            counts[f] = int(std::count_if(row.begin(), row.end(), [](const Anchor &x) { return x.has; }));
            most = std::max(most, counts[f]);
        }
        std::vector<int> ends;
        for (const auto &[f, c] : counts)
            if (2 * c >= most || f == a.labels.begin()->first || f == a.labels.rbegin()->first)
                ends.push_back(f);
        if (ends.front() > f0)
            a.segments.push_back({SegmentPlan::Backward, f0, ends.front()});
        for (std::size_t i = 0; i + 1 < ends.size(); ++i)
            a.segments.push_back({SegmentPlan::Both, ends[i], ends[i + 1]});
        if (ends.back() < f1)
            a.segments.push_back({SegmentPlan::Forward, ends.back(), f1});
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace paddock::tracking::defaulttracker
