// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/patches.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace paddock::tracking::defaulttracker {

bool textured(const cv::Mat &patch)
{
    cv::Scalar mean, stddev;
    cv::meanStdDev(patch, mean, stddev);
    return stddev[0] >= 6.0;
}

cv::Mat texturedPatch(const cv::Mat &img, cv::Point2f c, int side)
{
    const cv::Rect r(cvRound(c.x) - side / 2, cvRound(c.y) - side / 2, side, side);
    if ((r & cv::Rect(0, 0, img.cols, img.rows)) != r || !textured(img(r)))
        return {};
    return img(r).clone();
}

double templateMatch(const cv::Mat &img, const std::vector<cv::Mat> &templates, cv::Point2f p, int radius,
                     cv::Point2f *best)
{
    double bestScore = -1.0;
    for (const cv::Mat &t : templates) {
        const int half = t.cols / 2;
        cv::Rect win(cvRound(p.x) - half - radius, cvRound(p.y) - half - radius, t.cols + 2 * radius,
                     t.rows + 2 * radius);
        win &= cv::Rect(0, 0, img.cols, img.rows);
        if (win.width < t.cols || win.height < t.rows)
            continue;
        cv::Mat res;
        cv::matchTemplate(img(win), t, res, cv::TM_CCOEFF_NORMED);
        double mx = 0;
        cv::Point loc;
        cv::minMaxLoc(res, nullptr, &mx, nullptr, &loc);
        if (std::isfinite(mx) && mx > bestScore) {
            bestScore = mx;
            *best = cv::Point2f(float(win.x + loc.x + half), float(win.y + loc.y + half));
        }
    }
    return bestScore;
}

namespace {

/**
 * One minus \a meanDifference(patch, template, its mean) relative to the template's contrast, for the closest
 * of \a templates at \a p (1 without any).
 */
template<typename MeanDifference>
float bestLikeness(const cv::Mat &img, cv::Point2f p, const std::vector<cv::Mat> &templates, MeanDifference meanDifference)
{
    if (templates.empty())
        return 1.f;
    float best = 0.f;
    for (const cv::Mat &t : templates) {
        const cv::Rect r(cvRound(p.x) - t.cols / 2, cvRound(p.y) - t.rows / 2, t.cols, t.rows);
        if ((r & cv::Rect(0, 0, img.cols, img.rows)) != r)
            continue;
        cv::Scalar mean, stddev;
        cv::meanStdDev(t, mean, stddev);
        const double sad = meanDifference(img(r), t, mean[0], stddev[0]);
        best = std::max(best, float(std::max(0.0, 1.0 - sad / (2.0 * stddev[0] + 4.0))));
    }
    return best;
}

} // namespace

float likeness(const cv::Mat &img, cv::Point2f p, const std::vector<cv::Mat> &templates)
{
    return bestLikeness(img, p, templates, [](const cv::Mat &patch, const cv::Mat &t, double, double) {
        return cv::norm(patch, t, cv::NORM_L1) / double(t.total());
    });
}

float structureLikeness(const cv::Mat &img, cv::Point2f p, const std::vector<cv::Mat> &templates)
{
    return bestLikeness(img, p, templates, [](const cv::Mat &patch, const cv::Mat &t, double mean, double stddev) {
        // Each pixel weighs by how far it stands out of the template's mean (plus a little, so a flat
        // template still counts every pixel): the few pixels of a thin leg outweigh the background around it.
        const double floor = 0.1 * stddev;
        double num = 0.0, den = 0.0;
        for (int y = 0; y < t.rows; ++y) {
            const uchar *tr = t.ptr<uchar>(y), *pr = patch.ptr<uchar>(y);
            for (int x = 0; x < t.cols; ++x) {
                const double w = std::abs(double(tr[x]) - mean) + floor;
                num += w * std::abs(double(pr[x]) - double(tr[x]));
                den += w;
            }
        }
        return num / std::max(1e-9, den);
    });
}

} // namespace paddock::tracking::defaulttracker
