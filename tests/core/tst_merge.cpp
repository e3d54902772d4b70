// SPDX-License-Identifier: Apache-2.0
// paddock merge in core: clips matched by identity (never by position), identical duplicates collapse, different
// labels stay as versions with compare's figures, and the shards of one dataset merge back to the one-process file.
#include "core/io/coco.h"
#include "core/io/merge.h"
#include "core/io/projectfile.h"

#include "datasetgen.h"
#include "tests/testutil.h"

#include <QDir>
#include <QFile>

#include <opencv2/imgcodecs.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

using namespace paddock::core;
using namespace paddock::test;
using Json = nlohmann::json;

namespace {

MergeInput readInput(const std::string &path)
{
    MergeInput in;
    std::string error;
    const bool ok = readMergeInput(path, &in, &error);
    INFO(error);
    REQUIRE(ok);
    return in;
}

Clip *clipByVideo(Project &p, int videoId)
{
    for (Clip &c : p.clips)
        if (c.videoId == videoId)
            return &c;
    return nullptr;
}

/** A person's label: head at (x, y) on \a frame, track \a track. */
void label(Clip &c, int frame, int track, double x, double y, Source source = Source::Manual)
{
    Instance inst;
    inst.trackId = track;
    inst.categoryId = 1;
    inst.keypoints.resize(2);
    inst.keypoints[0] = Keypoint{x, y, Visibility::Visible, source, source == Source::Manual ? 1.0f : 0.75f};
    c.setInstance(frame, inst);
}

Project merge(const std::vector<MergeInput> &inputs, ProjectMergeReport *report)
{
    Project out;
    std::string error;
    const bool ok = mergeProjects(inputs, &out, report, &error);
    INFO(error);
    REQUIRE(ok);
    return out;
}

Json readJson(const std::string &path)
{
    std::ifstream in(path);
    return Json::parse(in);
}

} // namespace

TEST_CASE("Merge: clips are matched by identity, not by position or video id", "[merge]")
{
    const std::string dir = tempDir();
    DatasetSpec s;
    const std::string dataset = makeDataset(dir, s);
    // Alice has clips 1-3 of the dataset, Bob clips 2-4, listed the other way round and with other video ids.
    MergeInput a = readInput(dataset), b = readInput(dataset);
    a.path = "alice.json";
    b.path = "bob.json";
    a.project.clips.erase(a.project.clips.begin() + 3);
    b.project.clips.erase(b.project.clips.begin());
    std::reverse(b.project.clips.begin(), b.project.clips.end());
    for (Clip &c : b.project.clips)
        c.videoId += 100;
    label(*clipByVideo(a.project, 1), 1, 2, 5, 1); // Alice's own clip, a second animal on frame 1
    label(*clipByVideo(b.project, 104), 3, 2, 7, 3);

    ProjectMergeReport report;
    Project m = merge({a, b}, &report);
    REQUIRE(m.clips.size() == 4);
    CHECK(report.only == 2);
    CHECK(report.same == 2);
    CHECK(report.versions == 0);
    // The dataset's order, and every label on its own clip and frame (head at (clip, frame) in the dataset).
    const int want[] = {1, 2, 3, 104};
    for (int i = 0; i < 4; ++i) {
        const Clip &c = m.clips[std::size_t(i)];
        CHECK(c.videoId == want[i]);
        CHECK(c.origin.empty());
        const int clip = i + 1;
        for (const auto &[frame, list] : c.frames)
            for (const Instance &inst : list)
                if (inst.trackId == 1) {
                    CHECK(inst.keypoints[0].x == clip);
                    CHECK(inst.keypoints[0].y == frame);
                }
        std::string error;
        auto frames = openClipFrames(c, &error);
        REQUIRE(frames);
        VideoFrame f;
        REQUIRE(frames->read(5, &f, &error));
        CHECK(decodeWhich(f) == std::make_pair(clip, 5));
    }
    REQUIRE(m.clips[0].instance(1, 2));
    CHECK(m.clips[0].instance(1, 2)->keypoints[0].x == 5);
    REQUIRE(m.clips[3].instance(3, 2));
    CHECK(m.clips[3].instance(3, 2)->keypoints[0].x == 7);
    CHECK(report.clips[0].inputs == std::vector<int>{0});
    CHECK(report.clips[1].inputs == std::vector<int>{0, 1});
    CHECK(report.clips[3].inputs == std::vector<int>{1});

    // The same clips found by identity whatever the layout: the same dataset in one folder per clip is other
    // file names, so other clips.
    const std::string other = tempDir();
    DatasetSpec perClip;
    perClip.layout = Layout::PerClip;
    MergeInput c = readInput(makeDataset(other, perClip));
    ProjectMergeReport r2;
    Project m2 = merge({a, c}, &r2);
    CHECK(m2.clips.size() == 7);
    CHECK(r2.only == 7);
}

TEST_CASE("Merge: identical duplicates collapse into one clip", "[merge]")
{
    const std::string dir = tempDir();
    const std::string dataset = makeDataset(dir, DatasetSpec());
    MergeInput a = readInput(dataset), b = readInput(dataset), c = readInput(dataset);
    ProjectMergeReport report;
    Project m = merge({a, b, c}, &report);
    CHECK(report.same == 4);
    CHECK(report.only == 0);
    CHECK(m == a.project);
    for (const MergedClipReport &cr : report.clips)
        CHECK(cr.inputs == std::vector<int>{0, 1, 2});
}

TEST_CASE("Merge: the same clip labelled differently is kept as two versions and reported", "[merge]")
{
    const std::string dir = tempDir();
    const std::string dataset = makeDataset(dir, DatasetSpec());
    MergeInput a = readInput(dataset), b = readInput(dataset);
    a.path = dir + "/alice.json";
    b.path = dir + "/bob.json";
    // Both moved the head of clip 2, frame 2, to other places.
    clipByVideo(a.project, 2)->instance(2, 1)->keypoints[0].x = 3.0;
    clipByVideo(b.project, 2)->instance(2, 1)->keypoints[0].x = 6.0;
    ProjectMergeReport report;
    Project m = merge({a, b}, &report);
    REQUIRE(m.clips.size() == 5);
    CHECK(report.versions == 1);
    CHECK(report.same == 3);
    const Clip &v1 = m.clips[1], &v2 = m.clips[2];
    CHECK(v1.videoId == 2);
    CHECK(v2.videoId == 2);
    CHECK(v1.origin == a.path);
    CHECK(v2.origin == b.path);
    CHECK(v1.instance(2, 1)->keypoints[0].x == 3.0);
    CHECK(v2.instance(2, 1)->keypoints[0].x == 6.0);
    const MergedClipReport &cr = report.clips[1];
    CHECK(cr.outcome == MergedClipReport::Outcome::Versions);
    CHECK(cr.versionOf == std::vector<int>{0, 1});
    REQUIRE(cr.agreement.size() == 1);
    CHECK(cr.agreement[0].matchedInstances == 3);
    CHECK(cr.agreement[0].keypoints[0].maxDistance == Approx(3.0));
    const Json j = mergeReportToJson(report);
    CHECK(j["summary"]["versions"] == 1);
    CHECK(j["clips"][1]["outcome"] == "versions");
    CHECK(j["clips"][1]["agreement"][0].contains("keypoints"));

    // Export does not write both unnoticed; the project keeps both, with their origin.
    std::string error;
    CHECK_FALSE(writeCocoFile(m, dir + "/out.json", CocoWriteOptions(), &error));
    CHECK(error.find("two versions") != std::string::npos);
    CHECK_FALSE(QFile::exists(QString::fromStdString(dir + "/out.json")));
    REQUIRE(saveProject(m, dir + "/merged.paddock", &error));
    auto back = loadProject(dir + "/merged.paddock", &error);
    REQUIRE(back);
    CHECK(*back == m);
    // The reviewer keeps one: export works again.
    back->clips.erase(back->clips.begin() + 2);
    CHECK(writeCocoFile(*back, dir + "/out.json", CocoWriteOptions(), &error));

    // Against the base the labellers started from, an unchanged copy does not stand against an edit.
    MergeInput base = readInput(dataset), c = readInput(dataset);
    c.path = "carol.json";
    clipByVideo(c.project, 3)->instance(4, 1)->keypoints[0].y = 1.0;
    MergeOptions withBase;
    withBase.base = &base.project;
    Project m3;
    ProjectMergeReport r3;
    REQUIRE(mergeProjects({a, c}, &m3, &r3, &error, withBase));
    CHECK(r3.edited == 2); // clip 2 from Alice, clip 3 from Carol
    CHECK(r3.versions == 0);
    REQUIRE(m3.clips.size() == 4);
    CHECK(m3.clips[1].instance(2, 1)->keypoints[0].x == 3.0);
    CHECK(m3.clips[2].instance(4, 1)->keypoints[0].y == 1.0);
}

TEST_CASE("Merge: other frame counts or other frame content are other clips", "[merge]")
{
    const std::string dir = tempDir();
    const std::string dataset = makeDataset(dir, DatasetSpec());
    MergeInput a = readInput(dataset);
    // The same file names over other pixels: a copy of the dataset with one image of clip 1 changed.
    const std::string copy = tempDir();
    makeDataset(copy, DatasetSpec());
    cv::Mat changed(kDatasetH, kDatasetW, CV_8UC3, cv::Scalar(1, 2, 3));
    REQUIRE(cv::imwrite(clipFrameFiles(a.project.clips[0])[0].replace(0, dir.size(), copy), changed));
    MergeInput b = readInput(copy + "/dataset.json");
    ProjectMergeReport report;
    Project m = merge({a, b}, &report);
    CHECK(m.clips.size() == 5);
    CHECK(report.same == 3);
    CHECK(report.only == 2);
    // b's clip 1 is another clip with a's ids: renumbered (video 5), so it goes last.
    CHECK(report.clips[0].identity.contentHash != report.clips[4].identity.contentHash);
    CHECK(report.clips[0].identity.name == report.clips[4].identity.name);
    CHECK(m.clips[4].videoId == 5);
    CHECK(report.renumberedVideoIds == 1);

    // One frame more: another clip, even without reading the frames.
    MergeInput c = readInput(dataset);
    c.project.clips[3].frameCount = 7;
    MergeOptions names;
    names.hashContent = false;
    Project m2;
    ProjectMergeReport r2;
    std::string error;
    REQUIRE(mergeProjects({a, c}, &m2, &r2, &error, names));
    CHECK(m2.clips.size() == 5);
    CHECK(r2.only == 2);
}

TEST_CASE("Merge: bad input gives a clear message and merges nothing", "[merge]")
{
    const std::string dir = tempDir();
    MergeInput in;
    std::string error;
    CHECK_FALSE(readMergeInput(dir + "/missing.json", &in, &error));
    CHECK(error.find("missing.json") != std::string::npos);
    std::ofstream(dir + "/bad.json") << "{\"images\": [";
    CHECK_FALSE(readMergeInput(dir + "/bad.json", &in, &error));
    CHECK(error.find("bad.json") != std::string::npos);
    std::ofstream(dir + "/bad.paddock") << "{\"format\": \"paddock-project\", \"version\": 1, \"clips\": 3}";
    CHECK_FALSE(readMergeInput(dir + "/bad.paddock", &in, &error));
    CHECK(error.find("bad.paddock") != std::string::npos);

    // A frame that cannot be read cannot be identified: the merge stops and says which.
    MergeInput a = readInput(makeDataset(dir, DatasetSpec()));
    const std::string gone = clipFrameFiles(a.project.clips[2])[1];
    REQUIRE(QFile::remove(QString::fromStdString(gone)));
    Project out;
    out.clips.resize(1);
    CHECK_FALSE(mergeProjects({a}, &out, nullptr, &error));
    CHECK(error.find(gone) != std::string::npos);
    CHECK(out.clips.size() == 1); // untouched

    // Categories of one id with other keypoints: not the same dataset.
    MergeInput b = a;
    b.project.categories[0].keypoints.push_back("wing");
    CHECK_FALSE(mergeProjects({a, b}, &out, nullptr, &error, MergeOptions{false}));
    CHECK(error.find("category 1") != std::string::npos);
}

namespace {

std::string readBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/** Every video, image and annotation id of \a p, in order. */
struct Ids
{
    std::vector<std::int64_t> videos, images, annotations;
};
Ids idsOf(const std::vector<Clip> &clips)
{
    Ids ids;
    for (const Clip &c : clips) {
        ids.videos.push_back(c.videoId);
        for (const FrameMeta &m : c.frameMeta)
            ids.images.push_back(m.imageId);
        for (const auto &[f, list] : c.frames)
            for (const Instance &inst : list)
                ids.annotations.push_back(inst.annotationId);
    }
    return ids;
}
Ids idsOf(const Project &p)
{
    return idsOf(p.clips);
}

} // namespace

TEST_CASE("Merge: the shards of a propagated dataset merge back to the one-process file, byte for byte",
          "[merge][merge-ids]")
{
    const std::string dir = tempDir();
    DatasetSpec s;
    s.clips = 5;
    Project full = readInput(makeDataset(dir, s)).project;
    // What propagation adds: tracker points on the frames between the labels, with the ids of the one-process
    // run (`paddock propagate --shard` gives each part the ids the whole run gives it).
    for (Clip &c : full.clips)
        for (int k = 1; k < s.frames; k += 2)
            label(c, k, 1, c.videoId + 0.5, k + 0.25, Source::Propagated);
    std::string error;
    CocoWriteOptions wo;
    wo.aptv2 = true;
    REQUIRE(writeCocoFile(full, dir + "/one.json", wo, &error));
    const Project one = readInput(dir + "/one.json").project;
    const std::string oneBytes = readBytes(dir + "/one.json");

    for (int parts : {2, 3}) {
        for (bool roundRobin : {false, true}) {
            INFO(parts << " shards, round robin " << roundRobin);
            std::vector<MergeInput> shards;
            for (int i = parts - 1; i >= 0; --i) { // given last shard first
                Project part = one;
                part.clips.clear();
                for (std::size_t c = 0; c < one.clips.size(); ++c)
                    if (roundRobin ? int(c) % parts == i : int(c * parts / one.clips.size()) == i)
                        part.clips.push_back(one.clips[c]);
                const std::string path = dir + "/shard" + std::to_string(i) + ".json";
                REQUIRE(writeCocoFile(part, path, wo, &error));
                shards.push_back(readInput(path));
            }
            ProjectMergeReport report;
            Project m = merge(shards, &report);
            CHECK(report.only == s.clips);
            CHECK(report.renumberedVideoIds + report.renumberedImageIds + report.renumberedAnnotationIds == 0);
            CHECK(report.notes.empty());
            CHECK(idsOf(m).annotations == idsOf(one).annotations);
            REQUIRE(writeCocoFile(m, dir + "/merged.json", wo, &error));
            CHECK(readBytes(dir + "/merged.json") == oneBytes);
        }
    }
}

TEST_CASE("Merge: the inputs' ids are kept; only a real collision is renumbered, and reported", "[merge][merge-ids]")
{
    const std::string dir = tempDir();
    DatasetSpec s;
    const std::string dataset = makeDataset(dir, s);
    const Project whole = readInput(dataset).project;

    // Alice has clips 1-2, Bob clips 3-4, each with a label of their own: every id is the input's.
    MergeInput a = readInput(dataset), b = readInput(dataset);
    a.path = "alice.json";
    b.path = "bob.json";
    a.project.clips.erase(a.project.clips.begin() + 2, a.project.clips.end());
    b.project.clips.erase(b.project.clips.begin(), b.project.clips.begin() + 2);
    label(a.project.clips[0], 1, 2, 5, 1);
    a.project.clips[0].instance(1, 2)->annotationId = 900;
    label(b.project.clips[1], 3, 2, 7, 3);
    b.project.clips[1].instance(3, 2)->annotationId = 901;
    ProjectMergeReport report;
    Project m = merge({b, a}, &report);
    REQUIRE(m.clips.size() == 4);
    Ids want = idsOf(whole);
    want.annotations.insert(want.annotations.begin() + 1, 900); // clip 1, frame 1 (between frames 0 and 2)
    const Ids got = idsOf(m);
    CHECK(got.videos == want.videos);
    CHECK(got.images == want.images);
    CHECK(got.annotations.size() == want.annotations.size() + 1);
    CHECK(std::count(got.annotations.begin(), got.annotations.end(), 901) == 1);
    CHECK(m.clips[3].instance(3, 2)->annotationId == 901);
    CHECK(report.renumberedVideoIds + report.renumberedImageIds + report.renumberedAnnotationIds == 0);
    CHECK(report.notes.empty());

    // Carol's clips are other clips (her own frames, per-clip folders) numbered from 1 as well: her video,
    // image and annotation ids collide with Alice's. Alice's (first in the merge) are kept, Carol's renumbered
    // after the largest id, and the report says which clip and how many.
    const std::string other = tempDir();
    DatasetSpec perClip;
    perClip.layout = Layout::PerClip;
    perClip.clips = 2;
    MergeInput c = readInput(makeDataset(other, perClip));
    c.path = "carol.json";
    std::int64_t maxImage = 0, maxAnn = 0;
    for (const Clip &clip : a.project.clips) {
        for (const FrameMeta &fm : clip.frameMeta)
            maxImage = std::max(maxImage, fm.imageId);
        for (const auto &[f, list] : clip.frames)
            for (const Instance &inst : list)
                maxAnn = std::max(maxAnn, inst.annotationId);
    }
    for (const Clip &clip : c.project.clips)
        for (const auto &[f, list] : clip.frames)
            for (const Instance &inst : list)
                maxAnn = std::max(maxAnn, inst.annotationId);
    ProjectMergeReport r2;
    Project m2 = merge({a, c}, &r2);
    REQUIRE(m2.clips.size() == 4);
    CHECK(r2.only == 4);
    std::set<int> videos;
    std::set<std::int64_t> images, anns;
    for (const Clip &clip : m2.clips) {
        CHECK(videos.insert(clip.videoId).second);
        for (const FrameMeta &fm : clip.frameMeta)
            CHECK(images.insert(fm.imageId).second);
        for (const auto &[f, list] : clip.frames)
            for (const Instance &inst : list)
                CHECK(anns.insert(inst.annotationId).second);
    }
    CHECK(r2.renumberedVideoIds == 2);
    CHECK(r2.renumberedImageIds == 2 * s.frames);
    CHECK(r2.renumberedAnnotationIds == 2 * 3); // labels on frames 0, 2, 4 of each of Carol's clips
    REQUIRE(r2.notes.size() == 2);
    CHECK(r2.notes[0].find("carol.json") != std::string::npos);
    CHECK(r2.notes[0].find("renumbered") != std::string::npos);
    const Json j = mergeReportToJson(r2);
    CHECK(j["summary"]["renumbered"]["image_ids"] == 2 * s.frames);
    // Alice's ids are hers; Carol's clips keep their labels on their own frames and their new ids are new.
    for (const Clip &clip : m2.clips) {
        const bool carol = clip.path.rfind(other, 0) == 0;
        const Clip *from = carol ? nullptr : clipByVideo(a.project, clip.videoId);
        if (!carol) {
            REQUIRE(from);
            CHECK(idsOf({*from}).images == idsOf({clip}).images);
            continue;
        }
        CHECK(clip.videoId > 2);
        for (const FrameMeta &fm : clip.frameMeta)
            CHECK(fm.imageId > maxImage);
        for (const auto &[f, list] : clip.frames)
            for (const Instance &inst : list) {
                CHECK(inst.annotationId > maxAnn);
                CHECK(inst.keypoints[0].y == f);
            }
        std::string error;
        auto frames = openClipFrames(clip, &error);
        REQUIRE(frames);
        VideoFrame f;
        REQUIRE(frames->read(3, &f, &error));
        CHECK(decodeWhich(f).second == 3);
    }
    // Written out, every label sits on its own image.
    std::string error;
    CocoWriteOptions wo;
    wo.aptv2 = true;
    REQUIRE(writeCocoFile(m2, dir + "/m2.json", wo, &error));
    const Project back = readInput(dir + "/m2.json").project;
    CHECK(idsOf(back).images == idsOf(m2).images);
    CHECK(idsOf(back).annotations == idsOf(m2).annotations);
}
