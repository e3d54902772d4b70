// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/flow.h"

#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>

namespace paddock::tracking::defaulttracker {

cv::Mat denseFlow(const cv::Mat &from, const cv::Mat &to, int preset)
{
    // One DIS instance per thread and preset: it keeps its buffers between calls and is not safe to share.
    preset = std::clamp(preset, 0, 2);
    thread_local cv::Ptr<cv::DISOpticalFlow> dis[3];
    if (!dis[preset])
        dis[preset] = cv::DISOpticalFlow::create(preset);
    cv::Mat flow;
    dis[preset]->calc(from, to, flow);
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
