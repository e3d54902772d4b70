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

namespace {

/**
 * Normalised cross-correlation (TM_CCOEFF_NORMED) of template \a t at every position inside \a window, into
 * \a res (CV_32F, one value per position), from the window's integrals \a sum and \a sqsum (CV_64F). The
 * correlations directly (filter2D, which does not switch to a Fourier transform below 11x11 on float images)
 * and the window's mean and spread from its integrals: about twice as fast as cv::matchTemplate for the 7x7 to
 * 9x9 templates of a 0.5-0.6 crop, where its Fourier transforms of each window and template dominate.
 */
void correlate(const cv::Mat &window, const cv::Mat &t, const cv::Mat &sum, const cv::Mat &sqsum, cv::Mat *res)
{
    cv::Mat kernel;
    t.convertTo(kernel, CV_32F);
    kernel -= cv::mean(kernel)[0];
    const double tnorm = cv::norm(kernel);
    cv::Mat w, num;
    window.convertTo(w, CV_32F);
    cv::filter2D(w, num, CV_32F, kernel, cv::Point(0, 0), 0, cv::BORDER_CONSTANT);
    const int rows = window.rows - t.rows + 1, cols = window.cols - t.cols + 1;
    const double n = double(t.total());
    res->create(rows, cols, CV_32F);
    for (int y = 0; y < rows; ++y) {
        const double *s0 = sum.ptr<double>(y), *s1 = sum.ptr<double>(y + t.rows);
        const double *q0 = sqsum.ptr<double>(y), *q1 = sqsum.ptr<double>(y + t.rows);
        const float *nr = num.ptr<float>(y);
        float *out = res->ptr<float>(y);
        for (int x = 0; x < cols; ++x) {
            const int x1 = x + t.cols;
            const double s = s1[x1] - s0[x1] - s1[x] + s0[x];
            const double q = q1[x1] - q0[x1] - q1[x] + q0[x];
            const double den = std::sqrt(std::max(q - s * s / n, 0.0)) * tnorm;
            double v = nr[x];
            // As OpenCV does: a flat window (den about 0) correlates with nothing.
            if (std::abs(v) < den)
                v /= den;
            else if (std::abs(v) < den * 1.125)
                v = v > 0 ? 1.0 : -1.0;
            else
                v = 0.0;
            out[x] = float(v);
        }
    }
}

} // namespace

double templateMatch(const cv::Mat &img, const std::vector<cv::Mat> &templates, cv::Point2f p, int radius,
                     cv::Point2f *best)
{
    double bestScore = -1.0;
    cv::Rect integrated;
    cv::Mat sum, sqsum, res;
    for (const cv::Mat &t : templates) {
        const int half = t.cols / 2;
        cv::Rect win(cvRound(p.x) - half - radius, cvRound(p.y) - half - radius, t.cols + 2 * radius,
                     t.rows + 2 * radius);
        win &= cv::Rect(0, 0, img.cols, img.rows);
        if (win.width < t.cols || win.height < t.rows)
            continue;
        if (win != integrated) { // the templates of a keypoint mostly share their side, so their window
            cv::integral(img(win), sum, sqsum, CV_64F, CV_64F);
            integrated = win;
        }
        correlate(img(win), t, sum, sqsum, &res);
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
