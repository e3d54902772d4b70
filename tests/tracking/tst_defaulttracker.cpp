// SPDX-License-Identifier: Apache-2.0
// The default tracker on frames the test draws itself: a shaking camera, corrected points (Refine), labels
// on one frame only (bounded memory), cancel at any moment.
#include "core/video/framesource.h"
#include "tests/drawnframes.h"
#include "tracking/defaulttracker.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <random>
#include <thread>

using namespace paddock;

namespace {

using test::DrawnFrames;

/** A fixed random texture (a field, grass, fur) larger than the frames, smoothed so flow can follow it. */
const cv::Mat &world()
{
    static const cv::Mat w = [] {
        cv::Mat noise(720, 960, CV_8UC1);
        cv::RNG rng(7);
        rng.fill(noise, cv::RNG::UNIFORM, 0, 255);
        cv::GaussianBlur(noise, noise, cv::Size(0, 0), 2.0);
        cv::normalize(noise, noise, 0, 255, cv::NORM_MINMAX);
        cv::Mat rgb;
        cv::cvtColor(noise, rgb, cv::COLOR_GRAY2RGB);
        return rgb;
    }();
    return w;
}

/** The camera's offset on frame \a f: a pan with shake, so the motion between labels is far from linear. */
cv::Point2f camera(int f)
{
    return {float(100 + 2.0 * f + 14.0 * std::sin(f / 2.5)), float(80 + 9.0 * std::cos(f / 3.1))};
}

cv::Mat shakenFrame(int f)
{
    const cv::Point2f c = camera(f);
    const cv::Mat m = (cv::Mat_<double>(2, 3) << 1, 0, -c.x, 0, 1, -c.y);
    cv::Mat out;
    cv::warpAffine(world(), out, m, cv::Size(480, 320), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    return out;
}

/** Points fixed in the world, seen on frame \a f. */
std::vector<cv::Point2f> worldPoints(int f)
{
    std::vector<cv::Point2f> out;
    for (int i = 0; i < 8; ++i)
        out.push_back(cv::Point2f(float(260 + 30 * (i % 4)), float(200 + 40 * (i / 4))) - camera(f));
    return out;
}

core::Instance instanceOf(const std::vector<cv::Point2f> &pts, const std::vector<int> &only = {})
{
    core::Instance inst;
    inst.trackId = 1;
    inst.categoryId = 1;
    for (std::size_t k = 0; k < pts.size(); ++k) {
        core::Keypoint kp;
        if (only.empty() || std::find(only.begin(), only.end(), int(k)) != only.end()) {
            kp.x = pts[k].x;
            kp.y = pts[k].y;
            kp.visibility = core::Visibility::Visible;
            kp.source = core::Source::Manual;
            kp.score = 1.f;
        }
        inst.keypoints.push_back(kp);
    }
    return inst;
}

tracking::TrackingInput shakenInput(int frames, int every)
{
    tracking::TrackingInput in;
    in.categories = {core::Category{}};
    in.categories[0].id = 1;
    in.categories[0].keypoints = {"a", "b", "c", "d", "e", "f", "g", "h"};
    in.clip.frameCount = frames;
    for (int f = 0; f < frames; f += every)
        in.clip.setInstance(f, instanceOf(worldPoints(f)));
    in.clip.setInstance(frames - 1, instanceOf(worldPoints(frames - 1)));
    return in;
}

const core::Instance *find(const tracking::TrackingOutput &out, int f, int track)
{
    auto it = out.find(f);
    if (it == out.end())
        return nullptr;
    for (const core::Instance &i : it->second)
        if (i.trackId == track)
            return &i;
    return nullptr;
}

double errorAt(const tracking::TrackingOutput &out, int f, int k)
{
    const core::Instance *inst = find(out, f, 1);
    if (!inst || !inst->keypoints[std::size_t(k)].isLabelled())
        return 1e9;
    const cv::Point2f t = worldPoints(f)[std::size_t(k)];
    return std::hypot(inst->keypoints[std::size_t(k)].x - t.x, inst->keypoints[std::size_t(k)].y - t.y);
}

/** Where point \a k of track 1 is on frame \a f of \a out. */
cv::Point2f posAt(const tracking::TrackingOutput &out, int f, int k)
{
    const core::Instance *i = find(out, f, 1);
    REQUIRE(i);
    return cv::Point2f(i->keypoints[std::size_t(k)].x, i->keypoints[std::size_t(k)].y);
}

/**
 * A shaken clip labelled every 20 frames, tracked once (before); a test corrects points in \a in and refines
 * (after).
 */
struct RefineRun
{
    explicit RefineRun(int frameCount)
        : in(shakenInput(frameCount, 20)), frames(frameCount, 480, 320, shakenFrame)
    {
        REQUIRE(tracker.track(frames, in, &before, {}, cancel, &error));
    }
    bool refine()
    {
        in.refine = true;
        return tracker.track(frames, in, &after, {}, cancel, &error);
    }
    tracking::TrackingInput in;
    DrawnFrames frames;
    tracking::DefaultTracker tracker;
    std::atomic_bool cancel{false};
    std::string error;
    tracking::TrackingOutput before, after;
};

} // namespace

TEST_CASE("The default tracker follows points through camera pan and shake that interpolation misses",
          "[tracking][default]")
{
    constexpr int kFrames = 41, kEvery = 20;
    const tracking::TrackingInput in = shakenInput(kFrames, kEvery);
    DrawnFrames frames(kFrames, 480, 320, shakenFrame);
    tracking::DefaultTracker tracker;
    tracking::TrackingOutput out;
    std::string error;
    std::atomic_bool cancel{false};
    REQUIRE(tracker.track(frames, in, &out, {}, cancel, &error));
    CHECK(frames.reads == kFrames); // every frame decoded once
    double tracked = 0, linear = 0;
    int n = 0, within2 = 0;
    for (int f = 1; f < kFrames - 1; ++f) {
        if (f % kEvery == 0) {
            CHECK(find(out, f, 1)->keypoints == in.clip.instance(f, 1)->keypoints);
            continue;
        }
        const int a = f / kEvery * kEvery, b = std::min(a + kEvery, kFrames - 1);
        const double w = double(f - a) / double(b - a);
        for (int k = 0; k < 8; ++k) {
            const double e = errorAt(out, f, k);
            const cv::Point2f l = worldPoints(a)[std::size_t(k)] * float(1 - w) + worldPoints(b)[std::size_t(k)] * float(w);
            tracked += e;
            linear += cv::norm(l - worldPoints(f)[std::size_t(k)]);
            within2 += e <= 2.0 ? 1 : 0;
            ++n;
        }
    }
    INFO("mean error: tracker " << tracked / n << " px, linear " << linear / n << " px; within 2 px " << within2 << "/" << n);
    CHECK(linear / n > 8.0); // the shake is far from linear
    CHECK(tracked / n < 1.5);
    CHECK(within2 > n * 9 / 10);
}

TEST_CASE("Corrected points anchor themselves only; the other points of that frame keep their track",
          "[tracking][default]")
{
    constexpr int kFrames = 41;
    RefineRun run(kFrames);
    tracking::TrackingInput &in = run.in;
    const tracking::TrackingOutput &before = run.before, &after = run.after;
    // A labeller corrects two points on frame 10 (here: to where they truly are) and refines.
    in.clip.setInstance(10, instanceOf(worldPoints(10), {2, 5}));
    REQUIRE(run.refine());
    const core::Instance *fixedFrame = find(after, 10, 1);
    REQUIRE(fixedFrame);
    CHECK(fixedFrame->keypoints[2] == in.clip.instance(10, 1)->keypoints[2]);
    CHECK(fixedFrame->keypoints[5] == in.clip.instance(10, 1)->keypoints[5]);
    for (int k : {0, 1, 3, 4, 6, 7}) {
        CHECK(fixedFrame->keypoints[std::size_t(k)].source == core::Source::Refined);
        CHECK(errorAt(after, 10, k) <= errorAt(before, 10, k) + 0.25);
    }
    double sumBefore = 0, sumAfter = 0;
    for (int f = 1; f < kFrames - 1; ++f)
        if (f != 10 && f != 20)
            for (int k = 0; k < 8; ++k) {
                sumBefore += errorAt(before, f, k);
                sumAfter += errorAt(after, f, k);
            }
    CHECK(sumAfter <= sumBefore * 1.02 + 0.5);
}

TEST_CASE("A correction reaches the frames near it but not a point left as it was on a corrected frame nearby",
          "[tracking][default]")
{
    constexpr int kFrames = 41;
    RefineRun run(kFrames);
    tracking::TrackingInput &in = run.in;
    const tracking::TrackingOutput &before = run.before, &after = run.after;
    // Frame 6: the labeller moves point 0 by 12 px (where they see it); frame 10: corrects point 3 only, so
    // point 0 was looked at there and left where the tracker had it.
    std::vector<cv::Point2f> moved = worldPoints(6);
    moved[0] += cv::Point2f(12.f, 0.f);
    in.clip.setInstance(6, instanceOf(moved, {0}));
    in.clip.setInstance(10, instanceOf(worldPoints(10), {3}));
    REQUIRE(run.refine());
    CHECK(cv::norm(posAt(after, 6, 0) - moved[0]) < 1e-3);
    // Next to the correction, point 0 follows it ...
    CHECK(posAt(after, 7, 0).x - posAt(before, 7, 0).x > 5.0);
    CHECK(posAt(after, 5, 0).x - posAt(before, 5, 0).x > 5.0);
    // ... but holds on frame 10, where it was left as it was (it would move by half the correction).
    CHECK(cv::norm(posAt(after, 10, 0) - posAt(before, 10, 0)) < 1.0);
    // Frames past frame 10 keep their track.
    CHECK(cv::norm(posAt(after, 12, 0) - posAt(before, 12, 0)) < 1.0);
}

TEST_CASE("A correction moves its own keypoint and only within its reach; every other estimate stays exactly as it was",
          "[tracking][default]")
{
    constexpr int kFrames = 41;
    RefineRun run(kFrames);
    tracking::TrackingInput &in = run.in;
    const tracking::TrackingOutput &before = run.before, &after = run.after;
    // Frame 10: the labeller puts point 2 14 px from where it truly is (on other texture), point 5 where it is.
    std::vector<cv::Point2f> placed = worldPoints(10);
    placed[2] += cv::Point2f(14.f, 6.f);
    in.clip.setInstance(10, instanceOf(placed, {2, 5}));
    REQUIRE(run.refine());
    const int reach = tracking::kCorrectionReachFrames;
    int same = 0;
    for (int f = 0; f < kFrames; ++f) {
        const core::Instance *a = find(after, f, 1), *b = find(before, f, 1);
        REQUIRE(a);
        REQUIRE(b);
        for (int k = 0; k < 8; ++k) {
            const bool corrected = k == 2 || k == 5;
            if (corrected && (f == 10 || (f < 20 && std::abs(f - 10) < reach)))
                continue;
            INFO("frame " << f << ", point " << k);
            const core::Keypoint &ka = a->keypoints[std::size_t(k)], &kb = b->keypoints[std::size_t(k)];
            CHECK(ka.x == kb.x);
            CHECK(ka.y == kb.y);
            CHECK(ka.score == kb.score);
            CHECK(ka.visibility == kb.visibility);
            ++same;
        }
    }
    CHECK(same == kFrames * 8 - 2 * (2 * reach - 1));
    // Inside its reach the corrected point follows its label, less the further from it.
    CHECK(cv::norm(posAt(after, 10, 2) - placed[2]) < 1e-3);
    const double near = cv::norm(posAt(after, 9, 2) - posAt(before, 9, 2));
    const double far = cv::norm(posAt(after, 4, 2) - posAt(before, 4, 2));
    INFO("moved on frame 9: " << near << " px, on frame 4: " << far << " px");
    CHECK(near > 8.0);
    CHECK(far < near * 0.5);
    CHECK(far > 0.5);
}

TEST_CASE("Labels on one frame only: the default tracker streams on in bounded memory", "[tracking][default]")
{
    auto peakFor = [](int frameCount) {
        DrawnFrames frames(frameCount, 480, 320, shakenFrame);
        tracking::TrackingInput in;
        in.categories = {core::Category{}};
        in.categories[0].id = 1;
        in.categories[0].keypoints = {"a", "b", "c", "d", "e", "f", "g", "h"};
        in.clip.frameCount = frameCount;
        in.clip.setInstance(0, instanceOf(worldPoints(0)));
        tracking::DefaultTracker tracker;
        tracking::TrackingOutput out;
        std::string error;
        std::atomic_bool cancel{false};
        REQUIRE(tracker.track(frames, in, &out, {}, cancel, &error));
        CHECK(int(out.size()) == frameCount);
        CHECK(frames.reads == frameCount);
        return tracker.peakCropBytes();
    };
    const std::size_t shortRun = peakFor(20), longRun = peakFor(120);
    INFO("peak bytes: 20 frames " << shortRun << ", 120 frames " << longRun);
    CHECK(longRun <= shortRun + shortRun / 10); // what it holds does not grow with the clip
    CHECK(longRun < std::size_t(8) << 20);
}

TEST_CASE("Cancel stops the default tracker within a frame wherever it is", "[tracking][default][job]")
{
    constexpr int kFrames = 200;
    // Labels every 100 frames: segments long enough that cancel lands inside reading, flow and the passes.
    const tracking::TrackingInput in = shakenInput(kFrames, 100);
    for (int delayMs : {5, 60, 250}) {
        DrawnFrames frames(kFrames, 480, 320, [](int f) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2)); // a decoder
            return shakenFrame(f);
        });
        tracking::DefaultTracker tracker;
        tracking::TrackingOutput out;
        std::string error;
        std::atomic_bool cancel{false};
        std::atomic_int readsAtCancel{-1};
        std::chrono::steady_clock::time_point cancelledAt;
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
            readsAtCancel = frames.reads.load();
            cancelledAt = std::chrono::steady_clock::now();
            cancel = true;
        });
        const bool ok = tracker.track(frames, in, &out, {}, cancel, &error);
        const auto returned = std::chrono::steady_clock::now();
        stopper.join();
        INFO("cancel after " << delayMs << " ms, at read " << readsAtCancel << ", reads " << frames.reads);
        CHECK_FALSE(ok);
        CHECK(error == "cancelled");
        CHECK(out.empty());
        CHECK(frames.reads <= readsAtCancel + 2); // at most the frame being read ahead
        CHECK(std::chrono::duration<double>(returned - cancelledAt).count() < 1.0); // 200 ms unloaded
    }
}

TEST_CASE("A frame that cannot be decoded mid-clip stops the default tracker with its number", "[tracking][default]")
{
    constexpr int kFrames = 120;
    const tracking::TrackingInput in = shakenInput(kFrames, 30);
    for (int failAt : {1, 37, kFrames - 1}) {
        DrawnFrames frames(kFrames, 480, 320, shakenFrame);
        frames.failAt = failAt;
        tracking::DefaultTracker tracker;
        tracking::TrackingOutput out;
        std::string error;
        std::atomic_bool cancel{false};
        INFO("failing frame " << failAt);
        CHECK_FALSE(tracker.track(frames, in, &out, {}, cancel, &error));
        CHECK(error.find("frame " + std::to_string(failAt)) != std::string::npos);
        CHECK(error.find("corrupt packet") != std::string::npos);
        CHECK(frames.reads == failAt + 1); // frames are read in order, and none after the broken one
    }
}
