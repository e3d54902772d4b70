// SPDX-License-Identifier: Apache-2.0
// One step of the keypoints of an animal tracked per point (small animals: Lucas-Kanade on pyramids): a point
// whose step fails moves with the rest of the animal, and a point once lost stays lost until its labels re-find it.
#include "tracking/default/track.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <cstdint>
#include <vector>

using namespace paddock::tracking;
using namespace paddock::tracking::defaulttracker;

namespace {

constexpr int kSide = 220;
const cv::Point2f kShift(4.f, 2.f);
const cv::Rect kFlat(130, 130, 70, 70); // no texture: Lucas-Kanade cannot follow a point inside it

/** A textured crop with a flat square, and the same moved by kShift; both as Lucas-Kanade pyramids. */
struct ShiftedPyramids
{
    std::vector<cv::Mat> a, b;
    cv::Mat cropB;
    ShiftedPyramids()
    {
        cv::Mat t(kSide + 40, kSide + 40, CV_8UC1);
        cv::RNG rng(std::uint64_t(7));
        rng.fill(t, cv::RNG::UNIFORM, 0, 255);
        cv::GaussianBlur(t, t, cv::Size(0, 0), 2.0);
        cv::normalize(t, t, 0, 255, cv::NORM_MINMAX);
        t(kFlat + cv::Point(20, 20)).setTo(128);
        const cv::Mat m = (cv::Mat_<double>(2, 3) << 1, 0, kShift.x, 0, 1, kShift.y);
        cv::Mat moved;
        cv::warpAffine(t, moved, m, t.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
        const cv::Rect inner(20, 20, kSide, kSide);
        const cv::Mat cropA = t(inner).clone();
        cropB = moved(inner).clone();
        cv::buildOpticalFlowPyramid(cropA, a, cv::Size(kLkWindow, kLkWindow), 4, true);
        cv::buildOpticalFlowPyramid(cropB, b, cv::Size(kLkWindow, kLkWindow), 4, true);
    }
    Motion motion() const
    {
        Motion m;
        m.pyrA = &a;
        m.pyrB = &b;
        return m;
    }
};

const std::vector<cv::Point2f> kTextured = {{40, 40}, {90, 50}, {60, 100}, {110, 95}, {45, 170}, {170, 45}};
const cv::Point2f kInFlat(165, 165);

std::vector<PointState> statesAt(const std::vector<cv::Point2f> &points)
{
    std::vector<PointState> s;
    for (const cv::Point2f &p : points)
        s.push_back(PointState{p, 0.f, false});
    return s;
}

StepContext pointwise(const DefaultTrackerParams &params)
{
    StepContext ctx;
    ctx.params = &params;
    ctx.scale = 1.0;
    ctx.size = 100.0;
    ctx.pointwise = true;
    return ctx;
}

} // namespace

TEST_CASE("A per-point step that fails its check moves with the rest of the animal", "[tracking][steps]")
{
    const ShiftedPyramids pyr;
    std::vector<cv::Point2f> points = kTextured;
    points.push_back(kInFlat);
    const std::vector<char> active(points.size(), 1);
    const std::vector<std::vector<cv::Mat>> none(points.size());

    DefaultTrackerParams params;
    REQUIRE(params.lostFollowsBodyPointwise);
    std::vector<PointState> s = statesAt(points);
    stepPoints(s, active, pyr.motion(), pyr.cropB, none, none, pointwise(params));
    for (std::size_t i = 0; i < kTextured.size(); ++i) {
        CHECK(cv::norm(s[i].p - (kTextured[i] + kShift)) < 0.3);
        CHECK_FALSE(s[i].lost);
    }
    const PointState &flat = s.back();
    CHECK(flat.lost); // its step failed
    CHECK(cv::norm(flat.p - (kInFlat + kShift)) < 0.5);

    SECTION("without it the point stays where its step failed")
    {
        params.lostFollowsBodyPointwise = false;
        std::vector<PointState> t = statesAt(points);
        stepPoints(t, active, pyr.motion(), pyr.cropB, none, none, pointwise(params));
        CHECK(t.back().lost);
        CHECK(cv::norm(t.back().p - kInFlat) < 0.5);
    }
}

TEST_CASE("A per-point keypoint once lost stays lost, and keeps adding its spread, until its labels re-find it",
          "[tracking][steps]")
{
    const ShiftedPyramids pyr;
    const std::vector<char> active(kTextured.size(), 1);
    const std::vector<std::vector<cv::Mat>> none(kTextured.size());
    DefaultTrackerParams params;
    REQUIRE(params.stickyLostPointwise);
    std::vector<PointState> s = statesAt(kTextured);
    s[0].lost = true; // lost on an earlier step; this one checks out
    stepPoints(s, active, pyr.motion(), pyr.cropB, none, none, pointwise(params));
    CHECK(s[0].lost);
    CHECK(cv::norm(s[0].p - (kTextured[0] + kShift)) < 0.3);
    const float sigma = float(params.lostSigmaPointwise * 100.0);
    CHECK(s[0].var - s[1].var == Approx(sigma * sigma).epsilon(0.01));
    for (std::size_t i = 1; i < s.size(); ++i)
        CHECK_FALSE(s[i].lost);

    SECTION("without it a step that checks out picks the point up again")
    {
        params.stickyLostPointwise = false;
        std::vector<PointState> t = statesAt(kTextured);
        t[0].lost = true;
        stepPoints(t, active, pyr.motion(), pyr.cropB, none, none, pointwise(params));
        CHECK_FALSE(t[0].lost);
    }
}
