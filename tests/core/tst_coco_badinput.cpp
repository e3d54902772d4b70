// SPDX-License-Identifier: Apache-2.0
// The bad-input corpus (tests/core/badinput, one small file per case; the large ones are made here): every
// label keeps its frame or the file is refused with a message naming the entry that breaks it; nothing crashes.
#include "core/io/coco.h"
#include "core/io/dlc.h"
#include "core/io/projectfile.h"
#include "core/io/reviewjson.h"

#include "formatsfixture.h"
#include "tests/testutil.h"

#include <QDir>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace paddock::core;
using namespace paddock::test;
using Json = nlohmann::json;

namespace {

std::string corpus(const std::string &name)
{
    return sourceDir() + "/tests/core/badinput/" + name;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

/** The frames of clip 0 that hold a label, and the x of track 1's first keypoint there. */
std::map<int, double> labelledFrames(const Project &p)
{
    std::map<int, double> out;
    for (const auto &[frame, list] : p.clips.at(0).frames)
        for (const Instance &inst : list)
            if (inst.trackId == 1 && inst.labelledCount() > 0)
                out[frame] = inst.keypoints[0].x;
    return out;
}

/** A clip labelled on frames 0, 10, ... 1490 (x = 10 + frame % 50) with one extra image entry \a extra. */
std::string everyTenth(const Json &extra, bool extraLabelled)
{
    Json images = Json::array(), annotations = Json::array();
    for (int n = 0; n < 150; ++n) {
        const int f = 10 * n;
        images.push_back({{"id", n + 1}, {"file_name", "clip.mp4#" + std::to_string(f)}, {"width", 100},
                          {"height", 100}, {"frame_id", f}, {"video_id", 1}});
        annotations.push_back({{"id", n + 1}, {"image_id", n + 1}, {"category_id", 1}, {"track_id", 1},
                               {"keypoints", {10 + f % 50, 20, 2, 30, 40, 2}}});
    }
    Json e = {{"id", 9999}, {"file_name", "extra.jpg"}, {"width", 100}, {"height", 100}, {"video_id", 1}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        e[it.key()] = it.value();
    images.push_back(e);
    if (extraLabelled)
        annotations.push_back({{"id", 9999}, {"image_id", 9999}, {"category_id", 1}, {"track_id", 1},
                               {"keypoints", {55, 55, 2, 60, 60, 2}}});
    return Json{{"videos", {{{"id", 1}, {"file_name", "clip.mp4"}}}},
                {"images", images},
                {"annotations", annotations},
                {"categories", {{{"id", 1}, {"name", "fly"}, {"keypoints", {"head", "tail"}}}}}}
        .dump();
}

/** \a depth nested empty lists. */
std::string bomb(std::size_t depth)
{
    return std::string(depth, '[') + std::string(depth, ']');
}

} // namespace

TEST_CASE("Bad input: an extra image entry never moves labels to other frames", "[coco][badinput]")
{
    // What merging two labellers' files, or a stray unlabelled image, gives: before, frames 0, 10, ... 1490
    // were renumbered 0, 1, 2, ... whenever one image entry broke the frame_id rule.
    const std::vector<std::pair<Json, std::string>> extras = {
        {Json{{"frame_id", 10}}, "repeats"},       {Json::object(), "no frame_id"},
        {Json{{"frame_id", -1}}, "frame_id -1"},   {Json{{"frame_id", 1LL << 40}}, "frame_id 1099511627776"},
        {Json{{"frame_id", nullptr}}, "no frame_id"}};
    for (const auto &[extra, what] : extras) {
        INFO(extra.dump());
        for (bool extraLabelled : {false, true}) {
            const std::string text = everyTenth(extra, extraLabelled);
            std::string error;
            ReadReport report;
            const auto p = readCocoJson(text, "merged.json", &error, &report);
            if (extraLabelled) {
                // Its frame cannot be told (or it collides): refused, naming the entry.
                REQUIRE_FALSE(p);
                CHECK(contains(error, "merged.json: images[150] (id 9999"));
                const bool repeats = what == "repeats";
                CHECK(contains(error, repeats ? "shows frame 10" : what));
                // Lenient mode keeps every other label on its frame and leaves that image out.
                ReadReport lenientReport;
                const auto lenient = readCocoJson(text, "merged.json", &error, &lenientReport, true);
                REQUIRE(lenient);
                REQUIRE(lenientReport.problems.size() == 1);
                CHECK(contains(lenientReport.problems[0], "images[150]"));
                const auto frames = labelledFrames(*lenient);
                CHECK(frames.size() == 150);
                CHECK(frames.rbegin()->first == 1490);
                continue;
            }
            INFO(error);
            REQUIRE(p);
            const auto frames = labelledFrames(*p);
            REQUIRE(frames.size() == 150);
            for (const auto &[frame, x] : frames) {
                CHECK(frame % 10 == 0);
                CHECK(x == 10 + frame % 50);
            }
            CHECK(frames.rbegin()->first == 1490);
            CHECK(p->clips[0].frameCount == 1491);
            // The left-out image is said, not silent.
            REQUIRE_FALSE(report.notes.empty());
            CHECK(contains(report.notes[0], "images[150] (id 9999"));
            CHECK(contains(report.notes[0], "left out"));
        }
    }
}

TEST_CASE("Bad input: the corpus files are read or refused as they should be", "[coco][dlc][badinput]")
{
    struct Case
    {
        const char *file;
        const char *error; ///< nullptr: must be read
        std::vector<int> frames; ///< labelled frames when read
    };
    const std::vector<Case> cases = {
        {"coco-repeated-frame-id-labelled.json", "images[3] (id 9, 'clip.mp4#000010'): shows frame 10", {}},
        {"coco-repeated-frame-id-unlabelled.json", nullptr, {0, 10, 20}},
        {"coco-no-frame-id-labelled.json", "images[3] (id 9, 'extra.jpg'): has no frame_id", {}},
        {"coco-no-frame-id-unlabelled.json", nullptr, {0, 10, 20}},
        {"coco-negative-frame-id-labelled.json", "frame_id -1 is not a frame index", {}},
        {"coco-negative-frame-id-unlabelled.json", nullptr, {0, 10, 20}},
        {"coco-huge-frame-id-labelled.json", "frame_id 1099511627776 is not a frame index", {}},
        {"coco-huge-frame-id-unlabelled.json", nullptr, {0, 10, 20}},
        {"coco-unknown-category.json", "unknown category id 4", {}},
        {"coco-unlisted-class.json", nullptr, {0, 10, 20}},
        {"dlc-excel-bom-crlf.csv", nullptr, {0, 1}},
        {"dlc-half-row.csv", "row 5: 5 cells, the header has 7 (a cut-off row?)", {}},
        {"dlc-huge-x.csv", "is not a pixel position", {}},
    };
    // Every corpus file has its case (a new file needs one).
    const QStringList files = QDir(QString::fromStdString(corpus(""))).entryList(QDir::Files);
    CHECK(std::size_t(files.size()) == cases.size());
    for (const Case &c : cases) {
        INFO(c.file);
        const std::string path = corpus(c.file);
        const bool csv = contains(c.file, ".csv");
        std::string error;
        ReadReport report;
        const auto p = csv ? readDlcCsv(path, &error) : readCocoFile(path, &error, &report);
        if (c.error) {
            CHECK_FALSE(p);
            CHECK(error.find(path + ": ") == 0);
            CHECK(contains(error, c.error));
            continue;
        }
        INFO(error);
        REQUIRE(p);
        std::vector<int> frames;
        for (const auto &[frame, list] : p->clips.at(0).frames)
            if (!list.empty())
                frames.push_back(frame);
        CHECK(frames == c.frames);
    }
}

TEST_CASE("Bad input: a class the file does not list, and what a read leaves out, are said", "[coco][badinput]")
{
    std::string error;
    ReadReport report;
    const auto p = readCocoFile(corpus("coco-unlisted-class.json"), &error, &report);
    INFO(error);
    REQUIRE(p);
    const Category *added = p->category(4);
    REQUIRE(added);
    CHECK(added->name == "Mammal");
    CHECK(added->keypoints == p->categories[0].keypoints);
    CHECK(report.problems.empty());
    bool said = false, unread = false;
    for (const std::string &n : report.notes) {
        said = said || contains(n, "unknown category id 4; added it as 'Mammal'");
        unread = unread || contains(n, "annotations: fields Paddock does not read (not kept on export): animal_parent_class");
    }
    CHECK(said);
    CHECK(unread);
}

TEST_CASE("Bad input: deeply nested JSON is refused with its position (no stack overflow)", "[coco][projectfile][badinput]")
{
    // Before: SIGSEGV in the recursive copy of a million-deep value ("format" is copied when checked). The
    // top-level object is level 1, so the 256th bracket opens level 257 (column 266).
    const std::string deep = bomb(1000000);
    std::string error;
    CHECK_FALSE(projectFromJson("{\"format\":" + deep + ",\"version\":1}", "/tmp", "deep.paddock", &error));
    CHECK(contains(error, "deep.paddock: lists or objects nested more than 256 levels deep at line 1, column 266"));
    error.clear();
    CHECK_FALSE(projectFromJson("{\"format\":\"paddock-project\",\"version\":1,\"categories\":[],\"clips\":[{\"name\":"
                                    + deep + "}]}",
                                "/tmp", "deep.paddock", &error));
    CHECK(contains(error, "nested more than 256 levels"));
    error.clear();
    CHECK_FALSE(errorListFromJson("{\"format\":" + deep + "}", "errors.json", &error));
    CHECK(contains(error, "errors.json: lists or objects nested"));
    error.clear();
    CHECK_FALSE(readCocoJson("{\"images\":[],\"categories\":[{\"id\":" + deep + "}]}", "deep.json", &error));
    CHECK(contains(error, "deep.json: lists or objects nested"));
    // Brackets inside strings do not count; 256 levels are still read.
    const std::string ok = "{\"format\":\"paddock-project\",\"version\":1,\"categories\":[],\"clips\":[],\"x\":\""
        + std::string(5000, '[') + "\",\"y\":" + bomb(250) + "}";
    error.clear();
    CHECK(projectFromJson(ok, "/tmp", "ok.paddock", &error));
    CHECK(error.empty());
    // The same through the file readers.
    const std::string dir = tempDir();
    writeText(dir + "/deep.paddock", "{\"format\":" + deep + "}");
    CHECK_FALSE(loadProject(dir + "/deep.paddock", &error));
    CHECK(contains(error, "nested more than"));
    writeText(dir + "/deep.json", "{\"images\":" + deep + "}");
    CHECK_FALSE(readCocoFile(dir + "/deep.json", &error));
    CHECK(contains(error, "nested more than"));
    writeText(dir + "/deep-errors.json", deep);
    CHECK_FALSE(readErrorList(dir + "/deep-errors.json", &error));
    CHECK(contains(error, "nested more than"));
}
