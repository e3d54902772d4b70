// SPDX-License-Identifier: Apache-2.0
#include "core/io/coco.h"
#include "core/io/projectfile.h"

#include "formatsfixture.h"
#include "tests/testutil.h"

#include <QDir>
#include <QFileInfo>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace paddock::core;
using namespace paddock::test;
using Json = nlohmann::json;

namespace {

Project readBack(const std::string &path)
{
    std::string error;
    auto p = readCocoFile(path, &error);
    INFO(error);
    REQUIRE(p);
    return *p;
}

Json readJson(const std::string &path)
{
    return Json::parse(readText(path));
}

/** A small valid COCO keypoint file: two images, a two-keypoint category, one animal per image. */
Json smallCoco()
{
    return Json::parse(R"({
      "images": [{"id": 1, "file_name": "a.jpg", "width": 100, "height": 80},
                 {"id": 2, "file_name": "b.jpg", "width": 100, "height": 80}],
      "categories": [{"id": 1, "name": "bug", "keypoints": ["head", "tail"], "skeleton": [[1, 2]]}],
      "annotations": [{"id": 10, "image_id": 1, "category_id": 1, "keypoints": [10, 10, 2, 20, 20, 1]},
                      {"id": 11, "image_id": 2, "category_id": 1, "keypoints": [30, 30, 2, 40, 40, 2]}]
    })");
}

} // namespace

TEST_CASE("COCO: APTv2 write, read, write, read gives the same project", "[coco]")
{
    const std::string dir = tempDir();
    const Project original = makeProject(dir);
    CocoWriteOptions opt;
    opt.aptv2 = true;
    std::string error;
    REQUIRE(writeCocoFile(original, dir + "/one.json", opt, &error));
    const Project p1 = readBack(dir + "/one.json");
    QDir().mkpath(QString::fromStdString(dir + "/sub"));
    REQUIRE(writeCocoFile(p1, dir + "/sub/two.json", opt, &error));
    const Project p2 = readBack(dir + "/sub/two.json");
    CHECK(p1 == p2);

    // What was read is what was written: clips, paths, frame indices, tracks, species and every keypoint.
    REQUIRE(p1.clips.size() == 2);
    CHECK(p1.categories == original.categories);
    for (std::size_t c = 0; c < 2; ++c) {
        const Clip &a = original.clips[c], &b = p1.clips[c];
        CHECK(b.name == a.name);
        CHECK(b.path == a.path);
        CHECK(b.videoId == a.videoId);
        CHECK(b.frameCount == a.frameCount);
        CHECK(b.fps == a.fps);
        REQUIRE(b.frames.size() == a.frames.size());
        for (const auto &[frame, list] : a.frames) {
            REQUIRE(b.frames.count(frame));
            REQUIRE(b.frames.at(frame).size() == list.size());
            for (std::size_t i = 0; i < list.size(); ++i) {
                CHECK(b.frames.at(frame)[i].trackId == list[i].trackId);
                CHECK(b.frames.at(frame)[i].categoryId == list[i].categoryId);
                CHECK(b.frames.at(frame)[i].keypoints == list[i].keypoints); // sources and scores via extras
            }
        }
    }
    CHECK(p1.clips[1].frameMeta == original.clips[1].frameMeta);
    CHECK(p1.clips[1].instance(1, 1)->bbox == Box{10, 20, 100, 80}); // given box kept
    CHECK(p1.clips[1].instance(1, 1)->annotationId == 77);
}

TEST_CASE("COCO: APTv2 fields are present", "[coco]")
{
    const std::string dir = tempDir();
    CocoWriteOptions opt;
    opt.aptv2 = true;
    std::string error;
    REQUIRE(writeCocoFile(makeProject(dir), dir + "/apt.json", opt, &error));
    const Json j = readJson(dir + "/apt.json");
    REQUIRE(j["videos"].size() == 2);
    CHECK(j["videos"][0]["id"] == 3);
    CHECK(j["videos"][0]["file_name"] == "videos/walk.mp4");
    for (const Json &im : j["images"]) {
        CHECK(im.contains("video_id"));
        CHECK(im.contains("frame_id"));
    }
    CHECK(j["images"][0]["file_name"] == "videos/walk.mp4#000000");
    CHECK(j["images"].size() == 30 + 4); // every frame of the video, every image of the folder clip
    for (const Json &a : j["annotations"]) {
        CHECK(a.contains("video_id"));
        CHECK(a.contains("track_id"));
        CHECK(a["keypoint_scores"].size() * 3 == a["keypoints"].size());
    }
}

TEST_CASE("COCO: export boxes are given or computed (padded, clipped), with area; unlabelled is 0,0,0", "[coco]")
{
    const std::string dir = tempDir();
    Project p;
    p.categories = {ap10kCategory(8), ap10kCategory(29)};
    Clip clip;
    clip.name = "c";
    clip.path = dir + "/c.mp4";
    clip.width = 100;
    clip.height = 80;
    Instance dog;
    dog.trackId = 1;
    dog.categoryId = 8;
    dog.keypoints.assign(17, Keypoint());
    dog.keypoints[0] = {20, 30, Visibility::Visible, Source::Manual, 1.0f};
    dog.keypoints[1] = {60, 50, Visibility::Occluded, Source::Manual, 1.0f};
    dog.keypoints[2] = {99, 40, Visibility::Visible, Source::Imported, 1.0f};
    dog.keypoints[3] = {70, 45, Visibility::Visible, Source::Propagated, 0.5f};
    Instance lion = dog;
    lion.trackId = 2;
    lion.categoryId = 29;
    lion.bbox = Box{1, 2, 3, 4};
    clip.setInstance(0, dog);
    clip.setInstance(0, lion);
    p.clips.push_back(clip);

    CocoWriteOptions opt;
    opt.extras = false;
    std::string error;
    REQUIRE(writeCocoFile(p, dir + "/out.json", opt, &error));
    const Json j = readJson(dir + "/out.json");
    REQUIRE(j["annotations"].size() == 2);
    const Json &a = j["annotations"][0];
    CHECK(a["category_id"] == 8);
    CHECK(j["annotations"][1]["category_id"] == 29); // species kept per instance
    // x 20..99 padded by 10 % of 79 (7.9) and clipped at 100; y 30..50 padded by 2 px (the minimum).
    CHECK(a["bbox"][0].get<double>() == Approx(12.1));
    CHECK(a["bbox"][1].get<double>() == Approx(28.0));
    CHECK(a["bbox"][2].get<double>() == Approx(100.0 - 12.1));
    CHECK(a["bbox"][3].get<double>() == Approx(24.0));
    CHECK(a["area"].get<double>() == Approx((100.0 - 12.1) * 24.0));
    CHECK(a["iscrowd"] == 0);
    CHECK(a["num_keypoints"] == 4);
    CHECK(a["keypoints"].size() == 51);
    CHECK(a["keypoints"][3 * 4] == 0); // unlabelled
    CHECK(a["keypoints"][3 * 4 + 1] == 0);
    CHECK(a["keypoints"][3 * 4 + 2] == 0);
    CHECK(a["keypoints"][3 * 1 + 2] == 1); // occluded stays 1
    CHECK_FALSE(a.contains("keypoint_scores"));
    CHECK_FALSE(a.contains("track_id"));
    CHECK(j["annotations"][1]["bbox"] == Json({1, 2, 3, 4})); // given box kept
    CHECK(j["annotations"][1]["area"] == 12);
    CHECK(j["images"][0]["width"] == 100);

    // Only user labels: the propagated point is left out.
    opt.propagated = false;
    REQUIRE(writeCocoFile(p, dir + "/manual.json", opt, &error));
    const Json m = readJson(dir + "/manual.json");
    CHECK(m["annotations"][0]["num_keypoints"] == 3);
    CHECK(m["annotations"][0]["keypoints"][3 * 3 + 2] == 0);

    // The helper on its own: nothing labelled gives no box.
    CHECK_FALSE(boxFromKeypoints(Instance(), 100, 80));
}

TEST_CASE("COCO: bad input names the file and the item, and lenient mode keeps the rest", "[coco]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/bad.json";
    std::string error;
    auto strictFails = [&](const std::string &text, const std::string &expected) {
        writeText(path, text);
        error.clear();
        const auto p = readCocoFile(path, &error);
        INFO(error);
        CHECK_FALSE(p);
        CHECK(error.find(path) == 0);
        CHECK(error.find(expected) != std::string::npos);
    };
    auto lenientKeeps = [&](const Json &j, const std::string &expected) {
        writeText(path, j.dump());
        ReadReport report;
        const auto p = readCocoFile(path, &error, &report, true);
        REQUIRE(p);
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].find(expected) != std::string::npos);
        REQUIRE(p->clips.size() == 1);
        CHECK(p->clips[0].instance(0, 1) != nullptr); // the good annotation on image 1
    };

    SECTION("truncated")
    {
        const std::string text = smallCoco().dump();
        strictFails(text.substr(0, text.size() - 30), "truncated");
    }
    SECTION("malformed")
    {
        strictFails("{\"images\": [}\n", "not valid JSON at line 1, column 13");
    }
    SECTION("NaN written by Python")
    {
        std::string text = smallCoco().dump(1);
        text.replace(text.find("30,"), 2, "NaN");
        strictFails(text, "NaN");
    }
    SECTION("number too large")
    {
        std::string text = smallCoco().dump();
        text.replace(text.find("30,"), 2, "1e999");
        strictFails(text, "1e999");
    }
    SECTION("not a keypoint file")
    {
        strictFails("{\"annotations\": []}", "missing 'images'");
    }

    Json j = smallCoco();
    SECTION("wrong keypoint count")
    {
        j["annotations"][1]["keypoints"] = {30, 30, 2};
        strictFails(j.dump(), "annotations[1] (id 11) on image 2 (b.jpg): has 3 keypoint values");
        lenientKeeps(j, "needs 6");
    }
    SECTION("coordinate not a number")
    {
        j["annotations"][1]["keypoints"][0] = "x";
        strictFails(j.dump(), "keypoint 1 (head): value is not a number");
        lenientKeeps(j, "not a number");
    }
    SECTION("visibility out of range")
    {
        j["annotations"][1]["keypoints"][5] = 3;
        strictFails(j.dump(), "visibility must be 0, 1 or 2");
    }
    SECTION("out of the image")
    {
        j["annotations"][1]["keypoints"][3] = 500;
        strictFails(j.dump(), "keypoint 2 (tail): (500, 40) is outside the image (100x80)");
        lenientKeeps(j, "outside the image");
    }
    SECTION("unknown category id")
    {
        j["annotations"][1]["category_id"] = 9;
        strictFails(j.dump(), "annotations[1] (id 11): unknown category id 9");
        lenientKeeps(j, "unknown category id 9");
    }
    SECTION("unknown image id")
    {
        j["annotations"][1]["image_id"] = 99;
        strictFails(j.dump(), "unknown image id 99");
        lenientKeeps(j, "unknown image id 99");
    }
    SECTION("duplicate annotation id")
    {
        j["annotations"][1]["id"] = 10;
        strictFails(j.dump(), "duplicate annotation id");
        lenientKeeps(j, "duplicate annotation id");
    }
    SECTION("duplicate image id")
    {
        j["images"][1]["id"] = 1;
        strictFails(j.dump(), "images[1]: duplicate image id 1");
    }
    SECTION("missing required field")
    {
        j["images"][1].erase("file_name");
        strictFails(j.dump(), "images[1]: missing 'file_name'");
        j["annotations"].erase(1);
        writeText(path, j.dump());
        ReadReport report;
        CHECK(readCocoFile(path, &error, &report, true));
        CHECK(report.problems.size() == 1);
    }
    SECTION("bad bbox")
    {
        j["annotations"][1]["bbox"] = {1, 2, 3};
        strictFails(j.dump(), "'bbox' is not four finite numbers");
    }
    SECTION("skeleton index out of range")
    {
        j["categories"][0]["skeleton"] = {{1, 5}};
        strictFails(j.dump(), "categories[0]: 'skeleton' refers to a keypoint that does not exist");
    }
    SECTION("two animals with one track id on a frame")
    {
        j["annotations"].push_back(j["annotations"][0]);
        j["annotations"][2]["id"] = 12;
        j["annotations"][0]["track_id"] = 4;
        j["annotations"][2]["track_id"] = 4;
        strictFails(j.dump(), "track_id 4 appears twice on image 1");
    }
}

TEST_CASE("COCO: frames by frame_id, by file name in the clip folder, or by image id", "[coco]")
{
    const std::string dir = tempDir();
    for (const char *name : {"f_1.png", "f_2.png", "f_10.png"})
        writeText(dir + "/data/vid1/" + name, "x");
    // Windows-style paths; image ids in a different order than the frames.
    Json j = smallCoco();
    j["images"] = Json::parse(R"([
        {"id": 1, "file_name": "data\\vid1\\f_10.png", "width": 100, "height": 80, "video_id": 1},
        {"id": 2, "file_name": "data\\vid1\\f_1.png", "width": 100, "height": 80, "video_id": 1},
        {"id": 3, "file_name": "data\\vid2\\x.png", "width": 100, "height": 80, "video_id": 2},
        {"id": 4, "file_name": "data\\vid2\\y.png", "width": 100, "height": 80, "video_id": 2},
        {"id": 5, "file_name": "z.png", "width": 100, "height": 80}])");
    j["annotations"][1]["image_id"] = 1;   // two animals without track ids on image 1
    j["annotations"].push_back({{"id", 12}, {"image_id", 3}, {"category_id", 1}, {"keypoints", {1, 1, 2, 2, 2, 2}}});
    j["annotations"].push_back({{"id", 13}, {"image_id", 5}, {"category_id", 1}, {"keypoints", {1, 1, 2, 2, 2, 2}}});
    writeText(dir + "/ann.json", j.dump());
    const Project p = readBack(dir + "/ann.json");
    REQUIRE(p.clips.size() == 3);

    const Clip &v1 = p.clips[0];
    CHECK(v1.videoId == 1);
    CHECK(v1.path == dir + "/data/vid1");
    CHECK(v1.name == "vid1");
    CHECK(v1.frameCount == 3);                              // the folder has three frames
    REQUIRE(v1.frameMeta.size() == 3);
    CHECK(v1.frameMeta[2].fileName == "data/vid1/f_10.png"); // matched by file name, natural order
    CHECK(v1.frameMeta[2].imageId == 1);
    CHECK(v1.frameMeta[0].imageId == 2);
    REQUIRE(v1.frames.count(2));
    CHECK(v1.frames.at(2).size() == 2); // tracks 1 and 2 by order on the frame
    CHECK(v1.instance(2, 2)->keypoints[0].x == 30);

    // No folder and no frame_id: order of image ids. (A frame_id on one image only used to be overruled by
    // this order; now that image's frame_id is the rule and the other image must follow it: tst_coco_badinput.)
    const Clip &v2 = p.clips[1];
    CHECK(v2.frameMeta[0].imageId == 3);
    CHECK(v2.frameMeta[1].imageId == 4);
    CHECK(v2.instance(0, 1) != nullptr);

    const Clip &list = p.clips[2]; // images without video_id
    CHECK(list.videoId == 3);
    CHECK(list.name == "ann");
    CHECK(list.path == dir);
    CHECK(list.instance(0, 1) != nullptr);
}

TEST_CASE("COCO: Animal Kingdom conventions (-1,-1,0 unlabelled, 0-based skeleton, flip pairs)", "[coco]")
{
    const std::string dir = tempDir();
    Json j = smallCoco();
    j["categories"][0] = Json::parse(R"({"id": 1, "name": "AK", "keypoints": ["Head", "Eye_Left", "Eye_Right"],
        "skeleton": [[1, 0], [2, 0]], "flip_pairs": [[1, 2]]})");
    j["annotations"][0]["keypoints"] = {5, 5, 1, -1, -1, 0, 7, 7, 1};
    j["annotations"][1]["keypoints"] = {5, 5, 1, -1, -1, 0, -1, -1, 0};
    writeText(dir + "/ak.json", j.dump());
    const Project p = readBack(dir + "/ak.json");
    const Category &c = p.categories[0];
    CHECK(c.skeleton == std::vector<std::pair<int, int>>{{1, 0}, {2, 0}});
    CHECK(c.flipPairs == std::vector<std::pair<int, int>>{{1, 2}});
    const Keypoint &missing = p.clips[0].instance(0, 1)->keypoints[1];
    CHECK_FALSE(missing.isLabelled());
    CHECK(missing.x == 0.0);
    // Written back 1-based with 0,0,0 for missing points; reads back the same.
    std::string error;
    REQUIRE(writeCocoFile(p, dir + "/out.json", CocoWriteOptions(), &error));
    const Json out = readJson(dir + "/out.json");
    CHECK(out["categories"][0]["skeleton"] == Json::parse("[[2, 1], [3, 1]]"));
    CHECK(out["annotations"][0]["keypoints"][3] == 0);
    CHECK(readBack(dir + "/out.json").categories == p.categories);
}

TEST_CASE("COCO: AP-10K categories get AP-10K flip pairs and sigmas, others guessed pairs", "[coco]")
{
    const std::string dir = tempDir();
    Json j = smallCoco();
    Json ap = {{"id", 2}, {"name", "dog"}, {"supercategory", "Canidae"}, {"keypoints", ap10kKeypointNames()}};
    j["categories"].push_back(ap);
    j["categories"][0]["keypoints"] = {"wingL", "wingR"};
    writeText(dir + "/cats.json", j.dump());
    const Project p = readBack(dir + "/cats.json");
    CHECK(p.categories[0].flipPairs == std::vector<std::pair<int, int>>{{0, 1}});
    CHECK(p.categories[1].flipPairs == ap10kCategory(8).flipPairs);
    CHECK(p.categories[1].sigmas == ap10kCategory(8).sigmas);
}

TEST_CASE("COCO: images are found in the dataset's data folder beside the annotations folder", "[coco]")
{
    const std::string dir = tempDir();
    writeText(dir + "/data/img_0001.jpg", "x");
    writeText(dir + "/data/img_0002.jpg", "x");
    Json j = smallCoco();
    j["images"][0]["file_name"] = "img_0002.jpg";
    j["images"][1]["file_name"] = "img_0001.jpg";
    writeText(dir + "/annotations/train.json", j.dump());
    const Project p = readBack(dir + "/annotations/train.json");
    REQUIRE(p.clips.size() == 1);
    CHECK(p.clips[0].path == dir + "/data");
    // Frames follow the folder (natural order of names), not the image ids.
    CHECK(p.clips[0].frameMeta[0].fileName == "img_0001.jpg");
    CHECK(p.clips[0].instance(1, 1)->annotationId == 10);
}
