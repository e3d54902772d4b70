// SPDX-License-Identifier: Apache-2.0
// Propagation on a clip of a dataset whose images share one folder with other clips: the job reads the clip's
// own frames (core::openClipFrames), not the folder's, with the default opener and with clipFramesOpener().
#include "core/model/project.h"
#include "core/video/clipframes.h"
#include "tests/testutil.h"
#include "tracking/propagation.h"

#include <QDir>

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdio>

using namespace paddock;

namespace {

/** Records the green value of the middle pixel of every frame it is given; outputs nothing. */
class RecordingTracker : public tracking::PointTracker
{
public:
    std::string name() const override { return "recording"; }
    bool track(core::FrameSource &frames, const tracking::TrackingInput &input, tracking::TrackingOutput *,
               const tracking::ProgressFn &, const std::atomic_bool &, std::string *error) override
    {
        seen.clear();
        for (int f = input.firstFrame; f <= input.lastFrame; ++f) {
            core::VideoFrame vf;
            if (!frames.read(f, &vf, error))
                return false;
            seen.push_back(static_cast<unsigned char>(vf.rgb[(vf.width * (vf.height / 2) + vf.width / 2) * 3 + 1]));
        }
        frameCount = frames.info().frameCount;
        return true;
    }
    std::vector<int> seen;
    int frameCount = 0;
};

} // namespace

TEST_CASE("Propagation reads an image-list clip's own frames, not its folder's", "[tracking][clipframes]")
{
    // Two clips of 4 frames in one folder; green = 10 * (4 * clip + frame).
    const std::string dir = test::tempDir();
    QDir().mkpath(QString::fromStdString(dir + "/data"));
    std::vector<core::Clip> clips(2);
    for (int c = 0; c < 2; ++c) {
        core::Clip &clip = clips[std::size_t(c)];
        clip.name = "video " + std::to_string(c + 1);
        clip.videoId = c + 1;
        clip.path = dir + "/data";
        clip.imageRoot = dir;
        clip.width = 8;
        clip.height = 6;
        clip.frameCount = 4;
        for (int k = 0; k < 4; ++k) {
            char name[64];
            std::snprintf(name, sizeof name, "data/f%03d.png", 4 * c + k + 1);
            REQUIRE(cv::imwrite(dir + "/" + name, cv::Mat(6, 8, CV_8UC3, cv::Scalar(0, 10 * (4 * c + k), 0))));
            clip.frameMeta.push_back({name, 4 * c + k + 1, 8, 6});
        }
        core::Instance inst;
        inst.keypoints.assign(2, core::Keypoint{2, 2, core::Visibility::Visible, core::Source::Manual, 1.0f});
        clip.setInstance(0, inst);
        clip.setInstance(3, inst);
    }
    tracking::TrackingInput in;
    in.clip = clips[1];
    core::Category cat;
    cat.id = 1;
    cat.keypoints = {"a", "b"};
    in.categories = {cat};
    std::atomic_bool cancel{false};
    tracking::TrackingOutput out;
    std::string error;

    RecordingTracker byDefault;
    REQUIRE(tracking::runPropagation(byDefault, in.clip.path, in, {}, cancel, &out, &error));
    CHECK(byDefault.frameCount == 4);
    CHECK(byDefault.seen == std::vector<int>{40, 50, 60, 70});

    RecordingTracker byOpener;
    REQUIRE(tracking::runPropagation(byOpener, "ignored", in, {}, cancel, &out, &error, nullptr,
                                     tracking::clipFramesOpener(clips[1])));
    CHECK(byOpener.seen == std::vector<int>{40, 50, 60, 70});
}
