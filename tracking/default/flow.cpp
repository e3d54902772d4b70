// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/flow.h"

#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <utility>
#include <vector>

namespace paddock::tracking::defaulttracker {

namespace {

cv::Ptr<cv::DISOpticalFlow> makeDis(const DisSettings &s)
{
    cv::Ptr<cv::DISOpticalFlow> dis = cv::DISOpticalFlow::create(std::clamp(s.preset, 0, 2));
    if (s.finestScale >= 0)
        dis->setFinestScale(s.finestScale);
    if (s.patchSize > 0)
        dis->setPatchSize(s.patchSize);
    if (s.patchStride > 0)
        dis->setPatchStride(s.patchStride);
    if (s.iterations > 0)
        dis->setGradientDescentIterations(s.iterations);
    if (s.varIterations >= 0)
        dis->setVariationalRefinementIterations(s.varIterations);
    return dis;
}

/** Idle DIS instances: one is in use per running flow, so there are never more than the threads that ran. */
struct DisPool
{
    std::mutex mutex;
    std::vector<std::pair<DisSettings, cv::Ptr<cv::DISOpticalFlow>>> idle;
};

DisPool &pool()
{
    static DisPool p;
    return p;
}

} // namespace

cv::Mat denseFlow(const cv::Mat &from, const cv::Mat &to, const DisSettings &settings)
{
    cv::Ptr<cv::DISOpticalFlow> dis;
    DisPool &p = pool();
    {
        const std::lock_guard<std::mutex> lock(p.mutex);
        const auto it = std::find_if(p.idle.begin(), p.idle.end(), [&](const auto &e) { return e.first == settings; });
        if (it != p.idle.end()) {
            dis = it->second;
            p.idle.erase(it);
        }
    }
    if (!dis)
        dis = makeDis(settings);
    cv::Mat flow;
    dis->calc(from, to, flow);
    const std::lock_guard<std::mutex> lock(p.mutex);
    p.idle.emplace_back(settings, std::move(dis));
    return flow;
}

cv::Point2f sampleFlow(const cv::Mat &flow, cv::Point2f p)
{
    const float x = std::clamp(p.x, 0.f, float(flow.cols - 1));
    const float y = std::clamp(p.y, 0.f, float(flow.rows - 1));
    const int x0 = std::min(int(x), flow.cols - 2 < 0 ? 0 : flow.cols - 2);
    const int y0 = std::min(int(y), flow.rows - 2 < 0 ? 0 : flow.rows - 2);
    const int x1 = std::min(x0 + 1, flow.cols - 1), y1 = std::min(y0 + 1, flow.rows - 1);
    const float fx = x - float(x0), fy = y - float(y0);
    const cv::Vec2f a = flow.at<cv::Vec2f>(y0, x0), b = flow.at<cv::Vec2f>(y0, x1);
    const cv::Vec2f c = flow.at<cv::Vec2f>(y1, x0), d = flow.at<cv::Vec2f>(y1, x1);
    const cv::Vec2f v = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    return {v[0], v[1]};
}

} // namespace paddock::tracking::defaulttracker
