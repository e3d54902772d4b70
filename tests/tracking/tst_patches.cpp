// SPDX-License-Identifier: Apache-2.0
// The default tracker's template search: the same normalised cross-correlation as OpenCV's matchTemplate
// (TM_CCOEFF_NORMED), computed directly, at the same spot.
#include "tracking/default/patches.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdint>
#include <vector>

using namespace paddock::tracking::defaulttracker;

namespace {

cv::Mat texture(int side, int seed)
{
    cv::Mat t(side, side, CV_8UC1);
    cv::RNG rng(static_cast<std::uint64_t>(seed));
    rng.fill(t, cv::RNG::UNIFORM, 0, 255);
    cv::GaussianBlur(t, t, cv::Size(0, 0), 1.5);
    cv::normalize(t, t, 0, 255, cv::NORM_MINMAX);
    return t;
}

/**
 * What cv::matchTemplate over the whole image says: the best score of \a templates at a spot within \a radius
 * of \a p (where the template fits in the image) and that spot.
 */
double reference(const cv::Mat &img, const std::vector<cv::Mat> &templates, cv::Point2f p, int radius, cv::Point2f *best)
{
    double bestScore = -1.0;
    const cv::Point c(cvRound(p.x), cvRound(p.y));
    for (const cv::Mat &t : templates) {
        cv::Mat all;
        cv::matchTemplate(img, t, all, cv::TM_CCOEFF_NORMED); // all(y, x): the template's corner at (x, y)
        const int half = t.cols / 2;
        for (int y = c.y - radius; y <= c.y + radius; ++y)
            for (int x = c.x - radius; x <= c.x + radius; ++x) {
                const int tx = x - half, ty = y - half;
                if (tx < 0 || ty < 0 || tx >= all.cols || ty >= all.rows)
                    continue;
                if (all.at<float>(ty, tx) > bestScore) {
                    bestScore = all.at<float>(ty, tx);
                    *best = cv::Point2f(float(x), float(y));
                }
            }
    }
    return bestScore;
}

} // namespace

TEST_CASE("Template search finds a patch where it is, scoring as OpenCV's normalised correlation does",
          "[tracking][patches]")
{
    const cv::Mat img = texture(200, 3);
    for (int side : {5, 7, 9, 11, 13}) {
        const cv::Point2f at(120.f, 90.f);
        const std::vector<cv::Mat> templates = {
            img(cv::Rect(int(at.x) - side / 2, int(at.y) - side / 2, side, side)).clone(),
            texture(side, 11 + side), // matches nothing in particular
        };
        for (int radius : {0, 6, 15}) {
            const cv::Point2f from = radius == 0 ? at : at + cv::Point2f(-5.f, 4.f);
            cv::Point2f got, want;
            const double score = templateMatch(img, templates, from, radius, &got);
            const double ref = reference(img, templates, from, radius, &want);
            INFO("template " << side << " px, radius " << radius);
            CHECK(score == Approx(ref).margin(1e-4));
            CHECK(got == want);
            CHECK(got == at);
            CHECK(score > 0.999);
        }
        // Another spot: the score of the best one there, as OpenCV has it.
        cv::Point2f got, want;
        const cv::Point2f elsewhere(60.f, 140.f);
        const double score = templateMatch(img, {templates[1]}, elsewhere, 10, &got);
        CHECK(score == Approx(reference(img, {templates[1]}, elsewhere, 10, &want)).margin(1e-4));
        CHECK(got == want);
        CHECK(score < 0.95);
    }
}

TEST_CASE("Template search at the image's edge and on a flat image", "[tracking][patches]")
{
    const cv::Mat img = texture(120, 5);
    const cv::Mat t = img(cv::Rect(2, 3, 9, 9)).clone(); // centred on (6, 7), near the corner
    cv::Point2f got, want;
    const double score = templateMatch(img, {t}, {3.f, 3.f}, 12, &got); // the window is clipped
    CHECK(score == Approx(reference(img, {t}, {3.f, 3.f}, 12, &want)).margin(1e-4));
    CHECK(got == cv::Point2f(6.f, 7.f));
    // Off the image altogether: nothing to match.
    CHECK(templateMatch(img, {t}, {-40.f, -40.f}, 5, &got) == -1.0);
    // A flat window correlates with nothing (OpenCV's rule: 0, not a division by zero).
    const cv::Mat flat(80, 80, CV_8UC1, cv::Scalar(90));
    const double onFlat = templateMatch(flat, {t}, {40.f, 40.f}, 10, &got);
    CHECK(onFlat == Approx(reference(flat, {t}, {40.f, 40.f}, 10, &want)).margin(1e-6));
    CHECK(onFlat == Approx(0.0).margin(1e-6));
}
