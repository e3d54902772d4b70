// SPDX-License-Identifier: Apache-2.0
// Batch propagation (tracking/batch.h) on a small APTv2-shaped dataset the test makes itself: clips of 15
// synthetic frames (a marked blob moving over a textured background, each clip its own speed), images per clip
// folder, labels on frames 0, 7 and 14. The batch must give every clip exactly what a run on that clip alone
// gives, put labels back on their own frames, select and shard clips as documented, report a broken clip by
// name while the others go on, and stop on cancel.
#include "core/io/coco.h"
#include "core/video/framesource.h"
#include "tests/testutil.h"
#include "tracking/batch.h"
#include "tracking/defaulttracker.h"
#include "tracking/propagation.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

using namespace paddock;

namespace {

constexpr int kW = 160, kH = 120, kFrames = 15, kPoints = 3;

/** Where keypoint \a k of clip \a v sits on frame \a f (ground truth). */
cv::Point2d truthPoint(int v, int f, int k)
{
    const double speed = 1.5 + 0.5 * (v % 4);
    const cv::Point2d centre(40 + speed * f, 60 + 0.6 * f * ((v % 3) - 1));
    static const cv::Point2d offsets[kPoints] = {{-12, -4}, {0, 5}, {12, -3}};
    return centre + offsets[k];
}

cv::Mat frameImage(int v, int f)
{
    cv::Mat img(kH, kW, CV_8UC3);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const double t = 70 + 35 * std::sin(0.37 * x + v) * std::cos(0.29 * y) + ((x * 7919 + y * 104729) % 17);
            img.at<cv::Vec3b>(y, x) = cv::Vec3b::all(uchar(std::clamp(t, 0.0, 255.0)));
        }
    const cv::Point2d c = (truthPoint(v, f, 0) + truthPoint(v, f, 2)) * 0.5;
    cv::ellipse(img, cv::Point(int(std::lround(c.x)), int(std::lround(c.y))), cv::Size(22, 12), 0, 0, 360,
                cv::Scalar::all(215), cv::FILLED, cv::LINE_AA);
    for (int k = 0; k < kPoints; ++k)
        cv::circle(img, truthPoint(v, f, k), 2.5, cv::Scalar(40, 40 + 60 * k, 120), cv::FILLED, cv::LINE_AA);
    return img;
}

struct Dataset
{
    std::string dir;
    std::string json;
};

/**
 * Writes \a clips clips (video ids 1..clips) under \a dir: per-clip folders data/clipNNNN/ (or all images in
 * data/ when \a shared), dataset.json with labels on frames 0, 7 and 14 (APTv2 fields). Clip \a broken (a
 * video id, 0: none) gets a frame that is not an image.
 */
Dataset makeDataset(const std::string &dir, int clips, bool shared = false, int broken = 0)
{
    using nlohmann::json;
    json images = json::array(), annotations = json::array();
    int aid = 1;
    for (int v = 1; v <= clips; ++v) {
        char folder[64];
        std::snprintf(folder, sizeof folder, shared ? "data" : "data/clip%04d", v);
        std::filesystem::create_directories(dir + "/" + folder);
        for (int f = 0; f < kFrames; ++f) {
            const int iid = (v - 1) * kFrames + f + 1;
            char name[96];
            if (shared)
                std::snprintf(name, sizeof name, "%s/f%06d.png", folder, iid);
            else
                std::snprintf(name, sizeof name, "%s/%06d.png", folder, f);
            const std::string path = dir + "/" + name;
            if (v == broken && f == 5)
                std::ofstream(path) << "not a picture";
            else
                REQUIRE(cv::imwrite(path, frameImage(v, f)));
            images.push_back({{"id", iid}, {"file_name", name}, {"width", kW}, {"height", kH}, {"video_id", v},
                              {"frame_id", f}});
            if (f % 7 != 0)
                continue;
            json kp = json::array();
            for (int k = 0; k < kPoints; ++k) {
                const cv::Point2d p = truthPoint(v, f, k);
                kp.push_back(p.x);
                kp.push_back(p.y);
                kp.push_back(2);
            }
            annotations.push_back({{"id", aid++}, {"image_id", iid}, {"category_id", 1}, {"keypoints", kp},
                                   {"num_keypoints", kPoints}, {"track_id", 1}, {"video_id", v}, {"iscrowd", 0}});
        }
    }
    json categories = json::array({{{"id", 1}, {"name", "blob"}, {"supercategory", "animal"},
                                    {"keypoints", {"left", "middle", "right"}}, {"skeleton", {{1, 2}, {2, 3}}}}});
    Dataset d{dir, dir + "/dataset.json"};
    std::ofstream(d.json) << json{{"images", images}, {"annotations", annotations}, {"categories", categories}}.dump();
    return d;
}

core::Project readDataset(const Dataset &d)
{
    std::string error;
    auto project = core::readCocoFile(d.json, &error);
    if (!project)
        FAIL(error);
    return *project;
}

const tracking::TrackerMaker kDefault = [](std::string *) { return std::make_unique<tracking::DefaultTracker>(); };

std::vector<std::size_t> allClips(const core::Project &p)
{
    std::vector<std::size_t> all(p.clips.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    return all;
}

tracking::BatchResult runAll(const core::Project &p, int jobs, const tracking::ClipDoneFn &done = {},
                             std::vector<tracking::BatchProgress> *seen = nullptr)
{
    tracking::BatchOptions options;
    options.jobs = jobs;
    options.progressIntervalMs = 20;
    std::atomic_bool cancel{false};
    return tracking::runBatchPropagation(
        p, allClips(p), kDefault, options,
        [&](const tracking::BatchProgress &b) {
            if (seen)
                seen->push_back(b);
        },
        cancel, done);
}

} // namespace

TEST_CASE("Batch propagation gives every clip what a run on that clip alone gives", "[tracking][batch]")
{
    const Dataset d = makeDataset(test::tempDir() + "/same", 6);
    const core::Project project = readDataset(d);
    REQUIRE(project.clips.size() == 6);
    std::vector<tracking::BatchProgress> seen;
    const tracking::BatchResult batch = runAll(project, 3, {}, &seen);
    REQUIRE(batch.clips.size() == 6);
    CHECK_FALSE(batch.cancelled);
    CHECK(batch.jobs == 3);
    CHECK(batch.count(tracking::ClipResult::Status::Done) == 6);

    for (const tracking::ClipResult &r : batch.clips) {
        INFO(r.name << ": " << r.error);
        REQUIRE(r.ok());
        const core::Clip &clip = project.clips[r.clipIndex];
        CHECK(r.videoId == clip.videoId);
        tracking::TrackingInput input;
        input.clip = clip;
        input.categories = project.categories;
        tracking::DefaultTracker tracker;
        tracking::TrackingOutput alone;
        std::string error;
        std::atomic_bool never{false};
        REQUIRE(tracking::runPropagation(tracker, clip.path, input, {}, never, &alone, &error));
        CHECK(r.output == alone);
        CHECK(r.output.size() == std::size_t(kFrames));
    }

    // Progress: over the whole dataset, never backwards, ending at every clip done.
    REQUIRE(!seen.empty());
    for (std::size_t i = 1; i < seen.size(); ++i) {
        CHECK(seen[i].clipsDone >= seen[i - 1].clipsDone);
        CHECK(seen[i].fraction >= seen[i - 1].fraction - 1e-9);
    }
    CHECK(seen.back().clipsDone == 6);
    CHECK(seen.back().clipsTotal == 6);
    CHECK(seen.back().fraction == 1.0);
    CHECK(seen.back().secondsLeft == 0.0);
}

TEST_CASE("Batch labels come back exactly on their frames and tracked points follow each clip's own frames",
          "[tracking][batch]")
{
    const Dataset d = makeDataset(test::tempDir() + "/frames", 4);
    core::Project project = readDataset(d);
    const core::Project before = project;
    std::vector<int> order;
    tracking::BatchOptions options;
    options.keepOutputs = false;
    options.jobs = 2;
    std::atomic_bool cancel{false};
    int changed = 0;
    const tracking::BatchResult batch = tracking::runBatchPropagation(
        project, allClips(project), kDefault, options, {}, cancel, [&](tracking::ClipResult &r) {
            REQUIRE(r.ok());
            REQUIRE(!r.output.empty());
            order.push_back(r.videoId);
            changed += tracking::mergeTrackingOutput(&project.clips[r.clipIndex], r.output, false);
        });
    CHECK(order.size() == 4);
    CHECK(changed > 0);
    for (const tracking::ClipResult &r : batch.clips)
        CHECK(r.output.empty()); // not kept: memory stays bounded by the clips in flight

    for (std::size_t c = 0; c < project.clips.size(); ++c) {
        const core::Clip &clip = project.clips[c];
        const int v = clip.videoId;
        INFO("video " << v);
        std::vector<double> errors;
        for (int f = 0; f < kFrames; ++f) {
            const core::Instance *inst = clip.instance(f, 1);
            REQUIRE(inst);
            REQUIRE(inst->keypoints.size() == std::size_t(kPoints));
            if (f % 7 == 0) { // the labels, untouched, on their own frames
                CHECK(*inst == *before.clips[c].instance(f, 1));
                CHECK(inst->keypoints[0].source == core::Source::Imported);
                continue;
            }
            for (int k = 0; k < kPoints; ++k) {
                CHECK(inst->keypoints[k].source == core::Source::Propagated);
                const cv::Point2d t = truthPoint(v, f, k);
                errors.push_back(std::hypot(inst->keypoints[k].x - t.x, inst->keypoints[k].y - t.y));
            }
        }
        // Frame f of clip v is clip v's frame f: points at most a couple of pixels off, while the blob moves
        // 1.5 to 3 px a frame (frames of another clip or position would be far off).
        std::sort(errors.begin(), errors.end());
        CHECK(errors[errors.size() / 2] < 1.5);
        CHECK(errors.back() < 4.0);
    }
}

TEST_CASE("Clips are selected by video id, range and name", "[tracking][batch][select]")
{
    core::Project p;
    for (int v : {1, 2, 3, 5, 8, 13}) {
        core::Clip c;
        c.videoId = v;
        c.name = "clip" + std::to_string(v);
        c.frameCount = 15;
        p.clips.push_back(c);
    }
    p.clips[5].name = "7-9"; // a name that reads as a range is taken as the name
    std::vector<std::size_t> sel;
    std::string error;
    REQUIRE(tracking::selectClips(p, "", &sel, &error));
    CHECK(sel == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});
    REQUIRE(tracking::selectClips(p, "all", &sel, &error));
    CHECK(sel.size() == 6);
    REQUIRE(tracking::selectClips(p, "2-5,1", &sel, &error));
    CHECK(sel == std::vector<std::size_t>{0, 1, 2, 3});
    REQUIRE(tracking::selectClips(p, " 8 , clip3,3", &sel, &error));
    CHECK(sel == std::vector<std::size_t>{2, 4});
    REQUIRE(tracking::selectClips(p, "7-9", &sel, &error));
    CHECK(sel == std::vector<std::size_t>{5});
    REQUIRE(tracking::selectClips(p, "6-8", &sel, &error));
    CHECK(sel == std::vector<std::size_t>{4});

    CHECK_FALSE(tracking::selectClips(p, "1,4", &sel, &error));
    CHECK(error.find("\"4\"") != std::string::npos);
    CHECK(error.find("1..13") != std::string::npos);
    CHECK_FALSE(tracking::selectClips(p, "9-3", &sel, &error));
    CHECK(error.find("backwards") != std::string::npos);
    CHECK_FALSE(tracking::selectClips(p, "nosuch", &sel, &error));
    CHECK(error.find("nosuch") != std::string::npos);
}

TEST_CASE("Shards are disjoint, cover every clip in order and balance frames", "[tracking][batch][shard]")
{
    tracking::Shard s;
    std::string error;
    REQUIRE(tracking::parseShard("2/4", &s, &error));
    CHECK(s.index == 2);
    CHECK(s.count == 4);
    for (const char *bad : {"4/4", "-1/4", "1", "a/b", "1/0", "", "1/4/2"}) {
        INFO(bad);
        CHECK_FALSE(tracking::parseShard(bad, &s, &error));
        CHECK(error.find("--shard") != std::string::npos);
    }

    core::Project p;
    for (int v = 1; v <= 23; ++v) {
        core::Clip c;
        c.videoId = v;
        c.frameCount = v % 5 == 0 ? 60 : 15; // some long clips
        p.clips.push_back(c);
    }
    std::vector<std::size_t> sel;
    REQUIRE(tracking::selectClips(p, "2-22", &sel, &error));
    for (int n = 1; n <= 7; ++n) {
        INFO("N = " << n);
        std::vector<std::size_t> joined;
        long long most = 0, least = 1 << 30;
        for (int i = 0; i < n; ++i) {
            const std::vector<std::size_t> part = tracking::shardClips(p, sel, {i, n});
            CHECK(part == tracking::shardClips(p, sel, {i, n})); // deterministic
            long long frames = 0;
            for (std::size_t c : part)
                frames += p.clips[c].frameCount;
            most = std::max(most, frames);
            least = std::min(least, frames);
            joined.insert(joined.end(), part.begin(), part.end());
        }
        CHECK(joined == sel); // disjoint, covering, contiguous, in order
        CHECK(most - least <= 60); // within one long clip of each other
    }
    // Equal clips: equal parts, +-1.
    const std::vector<std::size_t> all = allClips(p);
    for (core::Clip &c : p.clips)
        c.frameCount = 15;
    for (int i = 0; i < 4; ++i) {
        const std::size_t size = tracking::shardClips(p, all, {i, 4}).size();
        CHECK((size == 5 || size == 6));
    }
}

TEST_CASE("A broken clip is reported by name and the others still propagate", "[tracking][batch][errors]")
{
    const Dataset d = makeDataset(test::tempDir() + "/broken", 5, false, 3);
    core::Project project = readDataset(d);
    // A clip without labels is skipped, not failed.
    project.clips[4].frames.clear();
    const tracking::BatchResult batch = runAll(project, 2);
    REQUIRE(batch.clips.size() == 5);
    CHECK_FALSE(batch.cancelled);
    for (const tracking::ClipResult &r : batch.clips) {
        INFO(r.name << ": " << r.error);
        if (r.videoId == 3) {
            CHECK(r.status == tracking::ClipResult::Status::Failed);
            CHECK(r.error.find("000005.png") != std::string::npos);
            CHECK(r.output.empty());
        } else if (r.videoId == 5) {
            CHECK(r.status == tracking::ClipResult::Status::Skipped);
        } else {
            CHECK(r.ok());
            CHECK(r.output.size() == std::size_t(kFrames));
        }
    }
    CHECK(tracking::clipLabel(project.clips[2]) == "clip0003 (video 3)");
    CHECK(batch.count(tracking::ClipResult::Status::Failed) == 1);
    CHECK(batch.count(tracking::ClipResult::Status::Skipped) == 1);

    // A tracker that cannot be made fails each clip with the reason.
    tracking::BatchOptions options;
    std::atomic_bool cancel{false};
    const tracking::BatchResult none = tracking::runBatchPropagation(
        project, {0, 1}, [](std::string *e) { *e = "no such tracker"; return std::unique_ptr<tracking::PointTracker>(); },
        options, {}, cancel);
    CHECK(none.count(tracking::ClipResult::Status::Failed) == 2);
    CHECK(none.clips[0].error == "no such tracker");
}

TEST_CASE("A folder shared by several clips is refused rather than read as each clip's frames",
          "[tracking][batch][errors]")
{
    const Dataset d = makeDataset(test::tempDir() + "/shared", 3, true);
    const core::Project project = readDataset(d);
    REQUIRE(project.clips.size() == 3);
    const tracking::BatchResult batch = runAll(project, 1);
    for (const tracking::ClipResult &r : batch.clips) {
        INFO(r.error);
        CHECK(r.status == tracking::ClipResult::Status::Failed);
        CHECK(r.error.find("does not hold exactly this clip's frames") != std::string::npos);
    }
}

TEST_CASE("Cancel stops a batch: clips not finished are Cancelled and nothing else runs", "[tracking][batch][cancel]")
{
    const Dataset d = makeDataset(test::tempDir() + "/cancel", 6);
    const core::Project project = readDataset(d);
    tracking::BatchOptions options;
    options.jobs = 1;
    std::atomic_bool cancel{false};
    std::vector<tracking::BatchProgress> seen;
    const tracking::BatchResult batch = tracking::runBatchPropagation(
        project, allClips(project), kDefault, options, [&](const tracking::BatchProgress &p) { seen.push_back(p); },
        cancel, [&](tracking::ClipResult &) { cancel = true; });
    CHECK(batch.cancelled);
    CHECK(batch.clips[0].ok());
    CHECK(batch.count(tracking::ClipResult::Status::Done) <= 2);
    CHECK(batch.count(tracking::ClipResult::Status::Cancelled) >= 4);
    CHECK(batch.clips.back().status == tracking::ClipResult::Status::Cancelled);
    REQUIRE(!seen.empty());
    CHECK(seen.back().fraction < 1.0);

    // Cancelled before it starts: nothing runs.
    std::atomic_bool already{true};
    const tracking::BatchResult none =
        tracking::runBatchPropagation(project, allClips(project), kDefault, options, {}, already);
    CHECK(none.cancelled);
    CHECK(none.count(tracking::ClipResult::Status::Cancelled) == 6);
}
