// SPDX-License-Identifier: Apache-2.0
// The image checks on clips the test draws itself: two textured four-legged critters walking across a
// textured ground, with their exact keypoints; labels every 10th frame, the truth as "propagated" points
// in between. Each test plants one error and expects its check to find it and nothing else.
#include "core/checks/imagechecks.h"
#include "core/video/framesource.h"

#include "tests/testutil.h"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QDir>
#include <QString>

#include <algorithm>
#include <atomic>
#include <cstdio>

using namespace paddock::core;

namespace {

constexpr int kW = 320, kH = 240, kFrames = 30;
constexpr int kNose = 0, kWithers = 2, kPawFL = 4;
const int kLabelled[] = {0, 10, 20, 29};

// Keypoints relative to the body origin, facing right: nose, head, withers, tail, four paws.
const double kBody[8][2] = {{50, -12}, {40, -12}, {20, 0}, {-30, 0}, {25, 25}, {15, 25}, {-25, 25}, {-35, 25}};

Category critter()
{
    Category c;
    c.id = 1;
    c.name = "critter";
    c.keypoints = {"nose", "head", "withers", "tail", "paw_fl", "paw_fr", "paw_bl", "paw_br"};
    c.skeleton = {{0, 1}, {1, 2}, {2, 3}, {2, 4}, {2, 5}, {3, 6}, {3, 7}};
    c.flipPairs = {{4, 5}, {6, 7}};
    return c;
}

struct Animal
{
    int track;
    double x0, y0, vx;
    cv::Scalar colour; // BGR
    bool facingLeft;
};
const Animal kAnimals[] = {{1, 70, 70, 3.0, {40, 80, 170}, false}, {2, 250, 170, -3.0, {150, 70, 60}, true}};

cv::Point2d keypointAt(const Animal &a, int k, int frame)
{
    const double dx = a.facingLeft ? -kBody[k][0] : kBody[k][0];
    return {a.x0 + a.vx * frame + dx, a.y0 + kBody[k][1]};
}

/** The animal as a mask and a texture around its origin (60, 40), drawn once: it moves rigidly. */
void sprite(const Animal &a, cv::Mat *mask, cv::Mat *texture)
{
    *mask = cv::Mat::zeros(80, 120, CV_8U);
    auto p = [&](int k) {
        const double dx = a.facingLeft ? -kBody[k][0] : kBody[k][0];
        return cv::Point(int(60 + dx), int(40 + kBody[k][1]));
    };
    cv::line(*mask, p(2), p(3), 255, 14);
    cv::line(*mask, p(2), p(1), 255, 8);
    cv::circle(*mask, p(1), 8, 255, cv::FILLED);
    cv::circle(*mask, p(0), 4, 255, cv::FILLED);
    for (int leg = 4; leg < 8; ++leg) {
        cv::line(*mask, p(leg < 6 ? 2 : 3), p(leg), 255, 5);
        cv::circle(*mask, p(leg), 4, 255, cv::FILLED);
    }
    cv::Mat noise(80, 120, CV_8UC3);
    cv::RNG rng(a.track * 7919);
    rng.fill(noise, cv::RNG::UNIFORM, a.colour - cv::Scalar(50, 50, 50), a.colour + cv::Scalar(50, 50, 50));
    cv::GaussianBlur(noise, *texture, cv::Size(3, 3), 0);
}

/** Writes the frames into \a dir and returns the clip with the truth: labels every 10th frame, tracker
 *  points (the truth itself) in between. */
Clip drawClip(const std::string &dir)
{
    cv::Mat ground(kH, kW, CV_8UC3);
    cv::RNG rng(12345);
    rng.fill(ground, cv::RNG::UNIFORM, cv::Scalar(50, 110, 70), cv::Scalar(110, 170, 120));
    cv::GaussianBlur(ground, ground, cv::Size(5, 5), 0);
    cv::Mat masks[2], textures[2];
    for (int i = 0; i < 2; ++i)
        sprite(kAnimals[i], &masks[i], &textures[i]);
    Clip clip;
    clip.name = "critters";
    clip.path = dir;
    clip.width = kW;
    clip.height = kH;
    clip.frameCount = kFrames;
    for (int f = 0; f < kFrames; ++f) {
        cv::Mat img = ground.clone();
        const bool labelled = std::find(std::begin(kLabelled), std::end(kLabelled), f) != std::end(kLabelled);
        for (int i = 0; i < 2; ++i) {
            const Animal &a = kAnimals[i];
            const cv::Rect r(int(std::lround(a.x0 + a.vx * f)) - 60, int(a.y0) - 40, 120, 80);
            textures[i].copyTo(img(r), masks[i]);
            Instance inst;
            inst.trackId = a.track;
            inst.categoryId = 1;
            for (int k = 0; k < 8; ++k) {
                const cv::Point2d q = keypointAt(a, k, f);
                Keypoint kp;
                kp.x = std::lround(q.x);
                kp.y = q.y;
                kp.visibility = Visibility::Visible;
                kp.source = labelled ? Source::Manual : Source::Propagated;
                kp.score = labelled ? 1.f : 0.9f;
                inst.keypoints.push_back(kp);
            }
            clip.setInstance(f, inst);
        }
        char name[32];
        std::snprintf(name, sizeof name, "/frame_%04d.png", f);
        REQUIRE(cv::imwrite(dir + name, img));
    }
    return clip;
}

/** Only the labels (what a labeller gives the tracker). */
Clip labelsOnly(const Clip &clip)
{
    Clip out = clip;
    for (auto it = out.frames.begin(); it != out.frames.end();)
        if (std::find(std::begin(kLabelled), std::end(kLabelled), it->first) == std::end(kLabelled))
            it = out.frames.erase(it);
        else
            ++it;
    return out;
}

std::vector<Finding> check(const Clip &clip, const ImageCheckOptions &options = {})
{
    std::string error;
    auto frames = FrameSource::open(clip.path, &error);
    REQUIRE(frames);
    std::vector<Finding> out;
    REQUIRE(runImageChecks(clip, {critter()}, *frames, options, &out, &error));
    return out;
}

std::string describe(const std::vector<Finding> &fs)
{
    std::string s;
    for (const Finding &f : fs)
        s += findingToText(f) + "\n";
    return s;
}

std::vector<Finding> ofKind(const std::vector<Finding> &fs, FindingKind kind)
{
    std::vector<Finding> out;
    std::copy_if(fs.begin(), fs.end(), std::back_inserter(out), [&](const Finding &f) { return f.kind == kind; });
    return out;
}

} // namespace

TEST_CASE("Image checks: correct tracker points and labels give no finding", "[imagechecks]")
{
    const std::string dir = paddock::test::tempDir();
    const Clip clip = drawClip(dir);
    const auto fs = check(clip);
    INFO(describe(fs));
    CHECK(fs.empty());
    CHECK(check(labelsOnly(clip)).empty());
}

TEST_CASE("Image checks: a tracker point moved onto the ground looks unlike its labels and off its animal",
          "[imagechecks]")
{
    const std::string dir = paddock::test::tempDir();
    Clip clip = drawClip(dir);
    clip.instance(14, 1)->keypoints[kPawFL].y += 12; // below the front paw: bare ground
    const auto fs = check(clip);
    INFO(describe(fs));
    const auto unlike = ofKind(fs, FindingKind::UnlikeLabels);
    const auto off = ofKind(fs, FindingKind::OffAnimal);
    REQUIRE(unlike.size() == 1);
    REQUIRE(off.size() == 1);
    for (const Finding &f : {unlike[0], off[0]}) {
        CHECK(f.frame == 14);
        CHECK(f.trackId == 1);
        CHECK(f.keypoint == kPawFL);
        CHECK(f.keypointName == "paw_fl");
        CHECK(errorTypeForFinding(f.kind) == ErrorType::WrongPosition);
    }
    // The re-runs from the labels agree with each other, and the moved point is far from both.
    const auto track = ofKind(fs, FindingKind::TrackDisagreement);
    REQUIRE(track.size() == 1);
    CHECK(track[0].frame == 14);
    CHECK(track[0].keypoint == kPawFL);
    CHECK(track[0].reason.find("from both") != std::string::npos);
    CHECK(ofKind(fs, FindingKind::IdentitySwap).empty());
}

TEST_CASE("Image checks: a wrong label makes forward and backward tracking disagree on both sides", "[imagechecks]")
{
    const std::string dir = paddock::test::tempDir();
    Clip clip = drawClip(dir);
    clip.instance(20, 2)->keypoints[kNose].y -= 22; // the label of frame 20 sits on the ground above the nose
    const auto fs = check(clip);
    const auto gaps = ofKind(fs, FindingKind::TrackDisagreement);
    INFO(describe(fs));
    REQUIRE(!gaps.empty());
    for (const Finding &f : gaps) {
        CHECK(f.trackId == 2);
        CHECK(f.keypoint == kNose);
        CHECK(f.frame > 10);
        CHECK(f.frame < 29);
        CHECK(f.frame != 20);
        CHECK(f.value > 0.15);
    }
    auto at = [&](int frame) {
        return std::any_of(gaps.begin(), gaps.end(), [&](const Finding &f) { return f.frame == frame; });
    };
    CHECK(at(15)); // between the good label of frame 10 and the wrong one
    CHECK(at(25)); // between the wrong label and the good one of frame 29
    // The threshold is a share of the animal's size: far above the planted gap nothing is reported.
    ImageCheckOptions strict;
    strict.kinds = {FindingKind::TrackDisagreement};
    strict.disagreement = 3.0;
    CHECK(check(clip, strict).empty());
}

TEST_CASE("Image checks: two animals exchanged on a labelled frame", "[imagechecks]")
{
    const std::string dir = paddock::test::tempDir();
    const Clip truth = drawClip(dir);
    for (const Clip &base : {labelsOnly(truth), truth}) {
        Clip clip = base;
        for (Instance &inst : clip.frames[20])
            inst.trackId = inst.trackId == 1 ? 2 : 1;
        const auto fs = check(clip);
        const auto swaps = ofKind(fs, FindingKind::IdentitySwap);
        INFO(describe(fs));
        REQUIRE(swaps.size() == 2);
        for (const Finding &f : swaps) {
            CHECK(f.frame == 20);
            CHECK(f.keypoint == -1);
            CHECK(f.severity == Severity::Error);
            CHECK(errorTypeForFinding(f.kind) == ErrorType::WrongTrackId);
        }
        CHECK(swaps[0].trackId != swaps[1].trackId);
    }
    // A swap on the last labelled frame is seen from one side only, and still found.
    Clip last = labelsOnly(truth);
    for (Instance &inst : last.frames[29])
        inst.trackId = inst.trackId == 1 ? 2 : 1;
    const auto fs = ofKind(check(last), FindingKind::IdentitySwap);
    INFO(describe(fs));
    REQUIRE(fs.size() == 2);
    CHECK(fs[0].frame == 29);
}

TEST_CASE("Image checks: progress, cancel, unreadable frames, and the label checks alongside", "[imagechecks]")
{
    const std::string dir = paddock::test::tempDir();
    Clip clip = drawClip(dir);
    std::string error;
    auto frames = FrameSource::open(dir, &error);
    REQUIRE(frames);
    int last = 0, total = 0;
    std::vector<Finding> out;
    REQUIRE(runImageChecks(clip, {critter()}, *frames, {}, &out, &error, [&](int d, int t) {
        last = d;
        total = t;
    }));
    CHECK(total == kFrames);
    CHECK(last == kFrames);

    std::atomic_bool cancel{true};
    CHECK_FALSE(runImageChecks(clip, {critter()}, *frames, {}, &out, &error, {}, &cancel));
    CHECK(error == "cancelled");

    // A frame file that is not an image: a clear error naming the frame.
    {
        std::FILE *f = std::fopen((dir + "/frame_0013.png").c_str(), "wb");
        REQUIRE(f);
        std::fputs("not a png", f);
        std::fclose(f);
    }
    auto broken = FrameSource::open(dir, &error);
    REQUIRE(broken);
    out.clear();
    CHECK_FALSE(runImageChecks(clip, {critter()}, *broken, {}, &out, &error));
    CHECK(error.find("13") != std::string::npos);

    // runAllChecks: the label checks come back even when the frames do not open.
    clip.instance(5, 1)->keypoints[kWithers].x = -40; // outside the image
    clip.path = dir + "/no-such-folder";
    std::string imageError;
    REQUIRE(runAllChecks(clip, {critter()}, clip.path, {}, {}, &out, &imageError));
    CHECK(!imageError.empty());
    CHECK(std::any_of(out.begin(), out.end(), [](const Finding &f) { return f.kind == FindingKind::OutsideImage; }));
    CHECK(findingKindFromName("identity_swap") == FindingKind::IdentitySwap);
    CHECK(isImageFindingKind(FindingKind::OffAnimal));
    CHECK_FALSE(isImageFindingKind(FindingKind::Jump));
}
