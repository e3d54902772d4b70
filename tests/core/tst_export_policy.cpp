// SPDX-License-Identifier: Apache-2.0
// What a COCO/APTv2 export selects (a person's labels, reviewed and unreviewed tracker output, their v flags)
// and that every image it names is a file that exists.
#include "core/io/coco.h"
#include "core/io/journal.h"
#include "core/io/projectfile.h"

#include "tests/core/videogen.h"
#include "tests/testutil.h"

#include <QFileInfo>
#include <QString>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace paddock::core;
using namespace paddock::test;
using Json = nlohmann::json;

namespace {

Json readJsonFile(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return Json::parse(s.str());
}

/** A video clip with one dog on frames 0 and 3: keypoint 0 manual, 1 approved, 2 propagated (visible). */
Project videoProject(const std::string &video)
{
    Project p = newAp10kProject();
    Clip clip;
    clip.name = "walk";
    clip.path = video;
    clip.frameCount = 6;
    clip.width = 160;
    clip.height = 128;
    clip.ensureTrack(1, 8);
    for (int f : {0, 3}) {
        Instance inst;
        inst.trackId = 1;
        inst.categoryId = 8;
        inst.keypoints.assign(17, Keypoint());
        inst.keypoints[0] = {20, 30, Visibility::Visible, Source::Manual, 1.0f};
        inst.keypoints[1] = {40, 50, Visibility::Visible, Source::Approved, 0.9f};
        inst.keypoints[2] = {60, 70, Visibility::Visible, Source::Propagated, 0.4f};
        clip.setInstance(f, inst);
    }
    p.clips.push_back(clip);
    return p;
}

int visibilityOf(const Json &annotation, int k)
{
    return annotation["keypoints"][std::size_t(3 * k + 2)].get<int>();
}

} // namespace

TEST_CASE("Export policy: a video clip's frames are written as images or the export is refused", "[coco][export]")
{
    const std::string dir = tempDir();
    const std::string video = dir + "/walk.mkv";
    VideoSpec spec;
    spec.encoder = encoderAvailable("ffv1") ? "ffv1" : "mpeg4";
    spec.frames = 6;
    spec.bFrames = 0;
    std::string error;
    REQUIRE(writeTestVideo(video, spec, &error));
    const Project p = videoProject(video);

    for (const bool aptv2 : {false, true}) {
        CocoWriteOptions opt;
        opt.aptv2 = aptv2;
        opt.videoFrameRefs = false;
        // No frames folder: refused, naming the clip and why; no "walk.mkv#000000" is written.
        error.clear();
        CHECK_FALSE(writeCocoFile(p, dir + "/refused.json", opt, &error));
        CHECK(error.find("'walk'") != std::string::npos);
        CHECK(error.find("image") != std::string::npos);
        CHECK_FALSE(QFileInfo::exists(QString::fromStdString(dir + "/refused.json")));

        // With a frames folder every image named exists, relative to the JSON file.
        opt.frameDir = dir + "/frames";
        const std::string out = dir + (aptv2 ? "/apt.json" : "/coco.json");
        REQUIRE(writeCocoFile(p, out, opt, &error));
        const Json j = readJsonFile(out);
        REQUIRE(j["images"].size() == 2);
        for (const Json &im : j["images"]) {
            const std::string name = im["file_name"].get<std::string>();
            CHECK(name.find('#') == std::string::npos);
            CHECK(QFileInfo::exists(QString::fromStdString(dir + "/" + name)));
            CHECK(im["width"] == 160);
        }
    }
}

TEST_CASE("Export policy: unreviewed tracker output stays out, or goes out as v=1; reviewed goes out", "[coco][export]")
{
    const std::string dir = tempDir();
    Project p = videoProject(dir + "/missing.mkv");
    CocoWriteOptions opt; // the Paddock reference names keep this test free of video encoding
    opt.extras = false;
    opt.propagated = false;
    std::string error;
    REQUIRE(writeCocoFile(p, dir + "/safe.json", opt, &error));
    Json j = readJsonFile(dir + "/safe.json");
    REQUIRE(j["annotations"].size() == 2);
    CHECK(visibilityOf(j["annotations"][0], 0) == 2); // manual
    CHECK(visibilityOf(j["annotations"][0], 1) == 2); // approved
    CHECK(visibilityOf(j["annotations"][0], 2) == 0); // unreviewed guess: left out
    CHECK(j["annotations"][0]["num_keypoints"] == 2);

    // Included on request, never as "visible".
    opt.propagated = true;
    opt.unreviewedVisible = false;
    REQUIRE(writeCocoFile(p, dir + "/guesses.json", opt, &error));
    j = readJsonFile(dir + "/guesses.json");
    CHECK(visibilityOf(j["annotations"][0], 2) == 1);
    CHECK(visibilityOf(j["annotations"][0], 0) == 2);

    // Once the clip is accepted its tracker points count as reviewed and keep their visibility.
    REQUIRE(startReview(&p.clips[0].review, p.clips[0].frames, "ann", 1, &error));
    REQUIRE(acceptClip(&p.clips[0].review, p.clips[0].frames, "ann", 2, &error));
    opt.propagated = false;
    REQUIRE(writeCocoFile(p, dir + "/accepted.json", opt, &error));
    j = readJsonFile(dir + "/accepted.json");
    CHECK(visibilityOf(j["annotations"][0], 2) == 2);
    opt.reviewed = false;
    REQUIRE(writeCocoFile(p, dir + "/noreviewed.json", opt, &error));
    j = readJsonFile(dir + "/noreviewed.json");
    CHECK(visibilityOf(j["annotations"][0], 2) == 0);

    const ExportCounts n = countExport(p);
    CHECK(n.manual == 2);
    CHECK(n.approved == 2);
    CHECK(n.reviewed == 2);
    CHECK(n.unreviewed == 0);
    CHECK(n.videoClips == 1); // the clip's frames have no image files
}

TEST_CASE("Journal: adding a species is recorded, read back and replayed (Categories mutation)", "[journal][species]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/p.paddock";
    std::string error;
    Project base = videoProject(dir + "/missing.mkv");
    REQUIRE(saveProject(base, path, &error));
    Project edited = base;
    Mutation m;
    m.kind = Mutation::Kind::Categories;
    m.clip = -1;
    m.categoriesBefore = edited.categories;
    m.categoriesAfter = edited.categories;
    m.categoriesAfter.push_back(newSpecies(nextCategoryId(edited.categories), "goat", "Bovidae"));
    REQUIRE(applyMutation(&edited, m, true));
    REQUIRE(findSpeciesByName(edited.categories, "GOAT"));
    {
        JournalWriter w;
        w.startOnProject(path);
        JournalRecord r;
        r.op = JournalRecord::Op::Push;
        r.text = "Add Species";
        r.index = 1;
        r.mutations.push_back(m);
        w.append(r);
        w.flush();
    }
    const auto journal = readJournal(journalPath(path), &error);
    INFO(error);
    REQUIRE(journal);
    REQUIRE(journal->records.size() == 1);
    Project replayed = base;
    REQUIRE(replayJournalData(&replayed, journal->records, &error));
    CHECK(replayed == edited);
    REQUIRE(applyMutation(&replayed, journal->records[0].mutations[0], false));
    CHECK(replayed == base);
}
