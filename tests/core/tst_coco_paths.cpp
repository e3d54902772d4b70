// SPDX-License-Identifier: Apache-2.0
// A COCO/APTv2 file whose images are named by absolute paths: each clip is its own folder, with the leading '/'
// kept (it was dropped, so "/data/clip1" became "<file's folder>/data/clip1" and the clip could not be read).
#include "core/io/coco.h"
#include "core/video/clipframes.h"
#include "core/video/framesource.h"

#include "tests/testutil.h"

#include <QDir>
#include <QFile>

#include <opencv2/imgcodecs.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace paddock::core;
using Json = nlohmann::json;

TEST_CASE("COCO: images named by absolute paths open as their own folders", "[coco][paths]")
{
    const std::string data = paddock::test::tempDir();
    const std::string elsewhere = paddock::test::tempDir(); // the JSON is not next to the images
    Json images = Json::array(), annotations = Json::array(), videos = Json::array();
    int id = 1;
    for (int clip = 1; clip <= 2; ++clip) {
        const std::string dir = data + "/clip" + std::to_string(clip);
        QDir().mkpath(QString::fromStdString(dir));
        videos.push_back({{"id", clip}});
        for (int f = 0; f < 3; ++f, ++id) {
            // The colour says which (clip, frame) an image is.
            const cv::Mat img(24, 32, CV_8UC3, cv::Scalar(0, 60 * f, 100 * clip));
            const std::string file = dir + "/" + std::to_string(f) + ".png";
            REQUIRE(cv::imwrite(file, img));
            images.push_back({{"id", id}, {"file_name", file}, {"width", 32}, {"height", 24}, {"video_id", clip},
                              {"frame_id", f}});
            Json kp = Json::array();
            for (int k = 0; k < 17; ++k)
                kp.insert(kp.end(), {3 + k, 4 + clip + f, 2});
            annotations.push_back({{"id", id}, {"image_id", id}, {"category_id", 8}, {"keypoints", kp},
                                   {"num_keypoints", 17}, {"track_id", 1}, {"video_id", clip}, {"iscrowd", 0}});
        }
    }
    Json cat = {{"id", 8}, {"name", "dog"}, {"supercategory", "Canidae"}, {"keypoints", Json::array()}};
    for (int k = 0; k < 17; ++k)
        cat["keypoints"].push_back("k" + std::to_string(k));
    const Json file = {{"images", images}, {"annotations", annotations}, {"videos", videos},
                       {"categories", Json::array({cat})}};
    const std::string path = elsewhere + "/dataset.json";
    QFile out(QString::fromStdString(path));
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QByteArray::fromStdString(file.dump()));
    out.close();

    std::string error;
    const auto project = readCocoFile(path, &error);
    INFO(error);
    REQUIRE(project);
    REQUIRE(project->clips.size() == 2);
    for (const Clip &c : project->clips) {
        CHECK(c.path.front() == '/');
        CHECK(c.path.rfind(data, 0) == 0);
        const auto frames = openClipFrames(c, &error);
        INFO(error);
        REQUIRE(frames);
        for (int f = 0; f < 3; ++f) {
            VideoFrame vf;
            REQUIRE(frames->read(f, &vf, &error));
            // RGB: red is the clip's colour, green the frame's.
            CHECK(int(std::uint8_t(vf.rgb[0])) == 100 * c.videoId);
            CHECK(int(std::uint8_t(vf.rgb[1])) == 60 * f);
            REQUIRE(c.instance(f, 1));
            CHECK(c.instance(f, 1)->keypoints[0].y == 4 + c.videoId + f);
        }
    }
}
