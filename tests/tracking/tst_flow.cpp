// SPDX-License-Identifier: Apache-2.0
// The default tracker's dense flow (DIS settings, a pool of instances shared by threads) and bothAtOnce.
#include "tracking/default/flow.h"
#include "tracking/default/track.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace paddock::tracking::defaulttracker;

namespace {

cv::Mat texture(int w, int h, int seed)
{
    cv::Mat noise(h + 40, w + 40, CV_8UC1);
    cv::RNG rng(static_cast<std::uint64_t>(seed));
    rng.fill(noise, cv::RNG::UNIFORM, 0, 255);
    cv::GaussianBlur(noise, noise, cv::Size(0, 0), 2.0);
    cv::normalize(noise, noise, 0, 255, cv::NORM_MINMAX);
    return noise;
}

/** Two crops of one texture, the second seeing it moved by \a shift. */
std::pair<cv::Mat, cv::Mat> shiftedPair(int w, int h, cv::Point2f shift, int seed)
{
    const cv::Mat t = texture(w, h, seed);
    const cv::Mat a = t(cv::Rect(20, 20, w, h)).clone();
    const cv::Mat m = (cv::Mat_<double>(2, 3) << 1, 0, shift.x, 0, 1, shift.y);
    cv::Mat moved;
    cv::warpAffine(t, moved, m, t.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    return {a, moved(cv::Rect(20, 20, w, h)).clone()};
}

cv::Point2f meanFlow(const cv::Mat &flow)
{
    const cv::Scalar m = cv::mean(flow(cv::Rect(flow.cols / 4, flow.rows / 4, flow.cols / 2, flow.rows / 2)));
    return {float(m[0]), float(m[1])};
}

} // namespace

TEST_CASE("Dense flow finds a known shift with the preset and with settings that replace its own", "[tracking][flow]")
{
    const cv::Point2f shift(3.f, -2.f);
    const auto [a, b] = shiftedPair(200, 160, shift, 3);
    DisSettings medium;
    DisSettings noRefinement;
    noRefinement.varIterations = 0;
    DisSettings coarse;
    coarse.preset = 0;
    coarse.patchStride = 2;
    for (const DisSettings &s : {medium, noRefinement, coarse}) {
        const cv::Mat flow = denseFlow(a, b, s);
        REQUIRE(flow.type() == CV_32FC2);
        REQUIRE(flow.size() == a.size());
        const cv::Point2f m = meanFlow(flow);
        INFO("preset " << s.preset << " var " << s.varIterations << ": " << m.x << ", " << m.y);
        CHECK(std::abs(m.x - shift.x) < 0.25f);
        CHECK(std::abs(m.y - shift.y) < 0.25f);
    }
    // Settings change the result: without refinement the field differs from the refined one.
    CHECK(cv::norm(denseFlow(a, b, medium), denseFlow(a, b, noRefinement), cv::NORM_L1) > 0.0);
}

TEST_CASE("Dense flow from several threads at once gives what one thread gives", "[tracking][flow]")
{
    // Two crop sizes, so a pooled instance is reused on a size it did not see last.
    const auto small = shiftedPair(120, 90, {1.5f, 2.5f}, 5);
    const auto large = shiftedPair(240, 200, {-2.f, 1.f}, 6);
    const cv::Mat refSmall = denseFlow(small.first, small.second);
    const cv::Mat refLarge = denseFlow(large.first, large.second);
    std::atomic_int mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 6; ++i) {
                const bool useSmall = (i + t) % 2 == 0;
                const auto &p = useSmall ? small : large;
                const cv::Mat f = denseFlow(p.first, p.second);
                if (cv::norm(f, useSmall ? refSmall : refLarge, cv::NORM_INF) > 1e-4)
                    ++mismatches;
            }
        });
    for (std::thread &t : threads)
        t.join();
    CHECK(mismatches == 0);
}

TEST_CASE("bothAtOnce runs both jobs, on two threads, and passes an exception on", "[tracking][flow]")
{
    std::atomic_int ran{0};
    std::thread::id first, second;
    bothAtOnce([&] { first = std::this_thread::get_id(); ++ran; }, [&] { second = std::this_thread::get_id(); ++ran; });
    CHECK(ran == 2);
    CHECK(first != second);
    CHECK(second == std::this_thread::get_id());
    std::atomic_bool otherFinished{false};
    CHECK_THROWS_AS(bothAtOnce([&] { otherFinished = true; }, [] { throw std::runtime_error("b"); }), std::runtime_error);
    CHECK(otherFinished); // waited for, not left running
    CHECK_THROWS_AS(bothAtOnce([] { throw std::runtime_error("a"); }, [] {}), std::runtime_error);
}
