// SPDX-License-Identifier: Apache-2.0
#include "core/io/dlc.h"
#include "core/io/projectfile.h"

#include "formatsfixture.h"
#include "tests/testutil.h"

#include <catch2/catch.hpp>

using namespace paddock::core;
using namespace paddock::test;

namespace {

const char *kSingle = "scorer,,,Alice,Alice,Alice,Alice,Alice,Alice\n"
                      "bodyparts,,,snout,snout,leftear,leftear,rightear,rightear\n"
                      "coords,,,x,y,x,y,x,y\n"
                      "labeled-data,mouse1,img005.png,10.5,20.25,30,40,,\n"
                      "labeled-data,mouse1,img012.png,11,21,NaN,NaN,50.125,60\n"
                      "labeled-data,mouse1,img020.png,,,,,,\n";

const char *kMulti = "scorer,Bob,Bob,Bob,Bob,Bob,Bob,Bob,Bob\r\n"
                     "individuals,m1,m1,m1,m1,m2,m2,m2,m2\r\n"
                     "bodyparts,head,head,tail,tail,head,head,tail,tail\r\n"
                     "coords,x,y,x,y,x,y,x,y\r\n"
                     "\"labeled-data/cage, day 1/img1.png\",1,2,3,4,5,6,,\r\n"
                     "\"labeled-data/cage, day 1/img2.png\",,,,,15,16,17,18\r\n";

Project read(const std::string &path)
{
    std::string error;
    auto p = readDlcCsv(path, &error);
    INFO(error);
    REQUIRE(p);
    return *p;
}

} // namespace

TEST_CASE("DLC: single-animal CSV with a three-column index", "[dlc]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/labeled-data/mouse1/CollectedData_Alice.csv";
    writeText(path, kSingle);
    const Project p = read(path);
    REQUIRE(p.categories.size() == 1);
    CHECK(p.categories[0].keypoints == std::vector<std::string>{"snout", "leftear", "rightear"});
    CHECK(p.categories[0].flipPairs == std::vector<std::pair<int, int>>{{1, 2}});
    REQUIRE(p.clips.size() == 1);
    const Clip &clip = p.clips[0];
    CHECK(clip.name == "mouse1");
    CHECK(clip.path == dir + "/labeled-data/mouse1"); // the folder of the CSV and its images
    REQUIRE(clip.frameMeta.size() == 3);
    CHECK(clip.frameMeta[1].fileName == "labeled-data/mouse1/img012.png");
    const Instance *a = clip.instance(0, 1);
    REQUIRE(a);
    CHECK(a->keypoints[0].x == 10.5);
    CHECK(a->keypoints[0].y == 20.25);
    CHECK(a->keypoints[0].visibility == Visibility::Visible);
    CHECK(a->keypoints[0].source == Source::Imported);
    CHECK_FALSE(a->keypoints[2].isLabelled());
    CHECK_FALSE(clip.instance(1, 1)->keypoints[1].isLabelled()); // NaN is unlabelled
    CHECK(clip.instance(2, 1) == nullptr);                        // empty row: a frame without labels

    // Write and read back: equal, and the file keeps DLC's layout.
    std::string error;
    const std::string out = dir + "/out/CollectedData_Alice.csv";
    const bool written = writeDlcCsv(p, out, "Alice", &error);
    INFO(error);
    REQUIRE(written);
    const std::string text = readText(out);
    CHECK(text.rfind("scorer,,,Alice,Alice", 0) == 0);
    CHECK(text.find("individuals") == std::string::npos);
    CHECK(text.find("labeled-data,mouse1,img020.png,,,,,,") != std::string::npos);
    Project back = read(out);
    CHECK(back.categories == p.categories);
    CHECK(back.clips[0].frames == p.clips[0].frames);
    CHECK(back.clips[0].frameMeta == p.clips[0].frameMeta);
}

TEST_CASE("DLC: multi-animal CSV with a path index, quoted cells and CRLF", "[dlc]")
{
    const std::string dir = tempDir();
    writeText(dir + "/ma.csv", kMulti);
    const Project p = read(dir + "/ma.csv");
    const Clip &clip = p.clips[0];
    REQUIRE(clip.tracks.size() == 2);
    CHECK(clip.tracks[0].name == "m1");
    CHECK(clip.tracks[1].name == "m2");
    CHECK(clip.name == "cage, day 1");
    CHECK(clip.instance(0, 1)->keypoints[1].x == 3);
    CHECK(clip.instance(0, 2)->keypoints[0].y == 6);
    CHECK_FALSE(clip.instance(0, 2)->keypoints[1].isLabelled());
    CHECK(clip.instance(1, 1) == nullptr);
    CHECK(clip.instance(1, 2)->keypoints[1].y == 18);

    std::string error;
    REQUIRE(writeDlcCsv(p, dir + "/out.csv", "Bob", &error));
    const std::string text = readText(dir + "/out.csv");
    CHECK(text.find("individuals,,,m1,m1,m1,m1,m2,m2,m2,m2") != std::string::npos);
    CHECK(text.find("\"cage, day 1\"") != std::string::npos);
    const Project back = read(dir + "/out.csv");
    CHECK(back.clips[0].frames == p.clips[0].frames);
    CHECK(back.clips[0].tracks == p.clips[0].tracks);
    CHECK(back.clips[0].frameMeta == p.clips[0].frameMeta);
}

TEST_CASE("DLC: frames follow the image folder when it is there", "[dlc]")
{
    const std::string dir = tempDir();
    for (const char *name : {"img000.png", "img005.png", "img009.png", "img012.png", "img020.png"})
        writeText(dir + "/labeled-data/mouse1/" + name, "x");
    writeText(dir + "/labeled-data/mouse1/CollectedData_Alice.csv", kSingle);
    const Project p = read(dir + "/labeled-data/mouse1/CollectedData_Alice.csv");
    const Clip &clip = p.clips[0];
    CHECK(clip.frameCount == 5);
    CHECK(clip.instance(1, 1) != nullptr); // img005 is the second image of the folder
    CHECK(clip.instance(3, 1) != nullptr); // img012 the fourth
    CHECK(clip.instance(0, 1) == nullptr);
}

TEST_CASE("DLC: AP-10K body part names give the AP-10K skeleton", "[dlc]")
{
    const std::string dir = tempDir();
    std::string header = "scorer", parts = "bodyparts", coords = "coords", row = "img1.png";
    for (const std::string &name : ap10kKeypointNames()) {
        header += ",me,me";
        parts += "," + name + "," + name;
        coords += ",x,y";
        row += ",1,2";
    }
    writeText(dir + "/ap.csv", header + "\n" + parts + "\n" + coords + "\n" + row + "\n");
    const Project p = read(dir + "/ap.csv");
    CHECK(p.categories[0].skeleton == ap10kCategory(1).skeleton);
    CHECK(p.categories[0].sigmas == ap10kCategory(1).sigmas);
    CHECK(p.clips[0].instance(0, 1)->labelledCount() == 17);
}

TEST_CASE("DLC: bad files give a message naming the file, row and body part", "[dlc]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/bad.csv";
    std::string error;
    auto fails = [&](const std::string &text, const std::string &expected) {
        writeText(path, text);
        error.clear();
        CHECK_FALSE(readDlcCsv(path, &error));
        INFO(error);
        CHECK(error.find(path + ": ") == 0);
        CHECK(error.find(expected) != std::string::npos);
    };
    fails("", "the first row must start with 'scorer'");
    fails("scorer,a,a\ncoords,x,y\n", "missing the 'bodyparts' header row");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,z\n", "unknown coordinate 'z'");
    fails("scorer,a\nbodyparts,p\ncoords,x\n", "body part 'p' needs both an x and a y column");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,abc\n", "row 4, body part 'p': a value is not a number");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,\n", "row 4, body part 'p': has only one of x and y");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,inf\n", "coordinate is infinite");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,2\nimg.png,3,4\n", "image 'img.png' is listed twice");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,2,3\n", "row 4: 4 cells, the header has 3");
    CHECK_FALSE(readDlcCsv(dir + "/missing.csv", &error));
    CHECK(error.find("missing.csv: no such file") != std::string::npos);
}

TEST_CASE("DLC: writing refuses a project it cannot represent", "[dlc]")
{
    const std::string dir = tempDir();
    std::string error;
    CHECK_FALSE(writeDlcCsv(makeProject(dir), dir + "/x.csv", "me", &error)); // two clips
    CHECK(error.find("one clip") != std::string::npos);
    Project p = makeProject(dir);
    p.clips.erase(p.clips.begin() + 1);
    Instance fly;
    fly.trackId = 3;
    fly.categoryId = flyCategory().id;
    fly.keypoints.assign(6, Keypoint());
    p.clips[0].setInstance(0, fly); // a fly beside the dog: two skeletons
    CHECK_FALSE(writeDlcCsv(p, dir + "/x.csv", "me", &error));
    CHECK(error.find("different skeletons") != std::string::npos);
}
