// SPDX-License-Identifier: Apache-2.0
// Versions of one clip kept by paddock merge: which clips are versions of which, the reviewer's choice
// (Clip::setAside) and what export does before and after it (COCO/APTv2 and DeepLabCut refuse two versions;
// a version set aside never goes out).
#include "core/io/coco.h"
#include "core/io/dlc.h"
#include "core/io/projectfile.h"
#include "core/model/versions.h"

#include "tests/testutil.h"

#include <QDir>
#include <QFile>

#include <opencv2/imgcodecs.hpp>

#include <catch2/catch.hpp>

using namespace paddock::core;

namespace {

/** A folder of 3 plain frames and a clip on it with one dog labelled on frame 0 at x = \a x. */
Clip labelledClip(const std::string &dir, const std::string &name, int videoId, double x)
{
    QDir().mkpath(QString::fromStdString(dir));
    for (int f = 0; f < 3; ++f) {
        const cv::Mat img(48, 64, CV_8UC3, cv::Scalar(40 * f, 90, 120));
        cv::imwrite(dir + "/f" + std::to_string(f) + ".png", img);
    }
    Clip c;
    c.name = name;
    c.path = dir;
    c.videoId = videoId;
    c.frameCount = 3;
    c.width = 64;
    c.height = 48;
    Instance inst;
    inst.trackId = 1;
    inst.categoryId = 8;
    inst.keypoints.resize(17);
    for (int k = 0; k < 17; ++k) {
        inst.keypoints[std::size_t(k)].x = k == 0 ? x : 10 + k;
        inst.keypoints[std::size_t(k)].y = 20;
        inst.keypoints[std::size_t(k)].visibility = Visibility::Visible;
        inst.keypoints[std::size_t(k)].source = Source::Manual;
    }
    c.ensureTrack(1, 8);
    c.setInstance(0, inst);
    return c;
}

} // namespace

TEST_CASE("Versions: which clips are versions of one clip, and the reviewer's choice", "[versions]")
{
    const std::string dir = paddock::test::tempDir();
    Project p = newAp10kProject();
    Clip a = labelledClip(dir + "/herd", "herd", 5, 30);
    a.origin = "/team/ann.json";
    Clip b = a;
    b.origin = "C:\\team\\ben.json";
    b.frames[0][0].keypoints[0].x = 33;
    Clip ordinary = labelledClip(dir + "/solo", "solo", 6, 12);
    Clip otherFrames = a; // same name and id but other frames: not a version of "herd"
    otherFrames.path = dir + "/elsewhere";
    p.clips = {a, ordinary, b, otherFrames};

    CHECK(clipVersions(p, 0) == std::vector<int>({0, 2}));
    CHECK(clipVersions(p, 2) == std::vector<int>({0, 2}));
    CHECK(clipVersions(p, 1).empty());
    CHECK(clipVersions(p, 3) == std::vector<int>({3}));
    CHECK(versionPlace(p, 2).number == 2);
    CHECK(versionPlace(p, 2).count == 2);
    CHECK(versionChoicePending(p, 0));
    CHECK_FALSE(versionChoicePending(p, 3)); // the only version of its frames
    CHECK(pendingVersionChoices(p) == std::vector<int>({0}));
    CHECK(originLabel(b.origin) == "ben.json");
    CHECK(originLabel(a.origin) == "ann.json");

    // Export refuses while both versions are in, naming the clip and both inputs.
    CocoWriteOptions options;
    options.aptv2 = true;
    std::string error;
    CHECK_FALSE(writeCocoFile(p, dir + "/out.json", options, &error));
    CHECK(error.find("'herd' (video 5)") != std::string::npos);
    CHECK(error.find("ann.json") != std::string::npos);
    CHECK(error.find("ben.json") != std::string::npos);
    DlcWriteOptions dlc;
    dlc.scorer = "team";
    CHECK_FALSE(writeDlcProjectAllClips(p, dir + "/dlc", dlc, nullptr, &error));
    CHECK(error.find("two versions") != std::string::npos);

    // Ben's version is kept: ann's is set aside and never goes out; ben's labels do, on their frame.
    p.clips[0].setAside = true;
    p.clips.pop_back(); // the clip on other frames would be a second video 5
    CHECK(pendingVersionChoices(p).empty());
    CHECK(pendingVersionsMessage(p).empty());
    const ExportCounts n = countExport(p);
    CHECK(n.manual == 2 * 17);
    INFO(error);
    REQUIRE(writeCocoFile(p, dir + "/out.json", options, &error));
    const auto back = readCocoFile(dir + "/out.json", &error);
    REQUIRE(back);
    REQUIRE(back->clips.size() == 2);
    int herd = 0;
    for (const Clip &c : back->clips)
        if (c.videoId == 5) {
            ++herd;
            REQUIRE(c.instance(0, 1));
            CHECK(c.instance(0, 1)->keypoints[0].x == 33);
        }
    CHECK(herd == 1);
    std::vector<DlcWriteReport> reports;
    REQUIRE(writeDlcProjectAllClips(p, dir + "/dlc", dlc, &reports, &error));
    CHECK(reports.size() == 2);

    // The choice is part of the project file.
    REQUIRE(saveProject(p, dir + "/p.paddock", &error));
    const auto loaded = loadProject(dir + "/p.paddock", &error);
    REQUIRE(loaded);
    CHECK(loaded->clips[0].setAside);
    CHECK_FALSE(loaded->clips[2].setAside);
    CHECK(*loaded == p);
}

TEST_CASE("Versions: a malformed setAside is refused with a message", "[versions]")
{
    const std::string dir = paddock::test::tempDir();
    Project p = newAp10kProject();
    p.clips.push_back(labelledClip(dir + "/c", "c", 1, 5));
    std::string error;
    const std::string path = dir + "/p.paddock";
    REQUIRE(saveProject(p, path, &error));
    QFile f(QString::fromStdString(path));
    REQUIRE(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    const int at = text.indexOf("\"videoId\"");
    REQUIRE(at >= 0);
    text.insert(at, "\"setAside\": \"yes\", ");
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    CHECK_FALSE(loadProject(path, &error));
    CHECK(error.find("setAside") != std::string::npos);
}
