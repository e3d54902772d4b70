// SPDX-License-Identifier: Apache-2.0
// Clips from datasets: each clip of a COCO/APTv2 file is exactly its own frames, in frame order, whatever the
// folder layout (one folder for every clip's images, one folder per clip, Windows paths), and writing back keeps
// the dataset's ids and file names. The datasets are made here: every image's pixels say which (clip, frame) it is.
#include "core/io/coco.h"
#include "core/io/projectfile.h"
#include "core/video/clipframes.h"
#include "core/video/framecache.h"

#include "datasetgen.h"
#include "tests/testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <opencv2/imgcodecs.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>

using namespace paddock::core;
using namespace paddock::test;
using Json = nlohmann::json;

namespace {

Project readStrict(const std::string &path)
{
    std::string error;
    auto p = readCocoFile(path, &error);
    INFO(error);
    REQUIRE(p);
    return *p;
}

/** Every frame of every clip is its own image, and every label is on the frame (and clip) the file says. */
void checkClips(const Project &p, const DatasetSpec &s)
{
    REQUIRE(int(p.clips.size()) == s.clips);
    for (const Clip &clip : p.clips) {
        INFO("clip " << clip.name << " video " << clip.videoId);
        CHECK(clip.frameCount == s.frames);
        CHECK(clip.effectiveFrameCount() == s.frames);
        std::string error;
        auto frames = openClipFrames(clip, &error);
        INFO(error);
        REQUIRE(frames);
        REQUIRE(frames->info().frameCount == s.frames);
        for (int k = 0; k < s.frames; ++k) {
            VideoFrame f;
            REQUIRE(frames->read(k, &f, &error));
            CHECK(decodeWhich(f) == std::make_pair(clip.videoId, k));
        }
        for (int k = 0; k < s.frames; ++k) {
            const Instance *inst = clip.instance(k, 1);
            if (k % 2 != 0) {
                CHECK(inst == nullptr);
                continue;
            }
            REQUIRE(inst);
            CHECK(inst->keypoints[0].x == clip.videoId);
            CHECK(inst->keypoints[0].y == k);
        }
    }
}

} // namespace

TEST_CASE("Clips from datasets: every clip is exactly its own frames, in every layout", "[clipframes]")
{
    DatasetSpec s;
    SECTION("shared folder")
    {
        s.layout = Layout::Shared;
    }
    SECTION("shared folder, names that sort by frame across clips")
    {
        s.layout = Layout::Shared;
        s.interleaved = true;
    }
    SECTION("shared folder, Windows paths")
    {
        s.layout = Layout::Shared;
        s.backslashes = true;
    }
    SECTION("shared folder, no frame_id (frames by their own names' order)")
    {
        s.layout = Layout::Shared;
        s.interleaved = true;
        s.frameIds = false;
    }
    SECTION("shared folder, JPEG")
    {
        s.ext = "jpg";
    }
    SECTION("one folder per clip")
    {
        s.layout = Layout::PerClip;
    }
    SECTION("one folder per clip, Windows paths, no frame_id")
    {
        s.layout = Layout::PerClip;
        s.backslashes = true;
        s.frameIds = false;
    }
    const std::string dir = tempDir();
    const Project p = readStrict(makeDataset(dir, s));
    checkClips(p, s);
    for (const Clip &clip : p.clips)
        CHECK(clip.isImageList() == (s.layout == Layout::Shared)); // a folder of its own stays a folder clip

    // The frame cache (what the app shows) opens the same frames.
    const Clip &second = p.clips[1];
    FrameCache cache;
    FrameCache::Options o;
    std::string error;
    REQUIRE(cache.open(second, o, &error));
    REQUIRE(cache.info().frameCount == s.frames);
    for (int k = s.frames - 1; k >= 0; --k) {
        VideoFrame f;
        REQUIRE(cache.get(k, &f, &error));
        CHECK(decodeWhich(f) == std::make_pair(second.videoId, k));
    }
}

TEST_CASE("Clips from datasets: the project file keeps image-list clips, relative to its folder", "[clipframes]")
{
    const std::string dir = tempDir();
    DatasetSpec s;
    const Project p = readStrict(makeDataset(dir, s));
    REQUIRE(p.clips[0].isImageList());
    std::string error;
    const std::string path = dir + "/project.paddock";
    REQUIRE(saveProject(p, path, &error));
    std::ifstream in(path);
    const Json j = Json::parse(in);
    CHECK(j["version"] == 2);
    CHECK(j["clips"][0]["imageRoot"] == ".");
    auto loaded = loadProject(path, &error);
    INFO(error);
    REQUIRE(loaded);
    CHECK(*loaded == p);

    // Moved with its images, the project still shows each clip's own frames.
    const std::string moved = tempDir() + "/moved";
    REQUIRE(QDir().rename(QString::fromStdString(dir), QString::fromStdString(moved)));
    auto again = loadProject(moved + "/project.paddock", &error);
    INFO(error);
    REQUIRE(again);
    checkClips(*again, s);

    // A project without image lists stays version 1 (older Paddock reads it), and old files load as before.
    Project plain = *again;
    for (Clip &c : plain.clips)
        c.imageRoot.clear();
    REQUIRE(saveProject(plain, moved + "/plain.paddock", &error));
    std::ifstream in2(moved + "/plain.paddock");
    const Json j2 = Json::parse(in2);
    CHECK(j2["version"] == 1);
    CHECK_FALSE(j2["clips"][0].contains("imageRoot"));
    auto plainLoaded = loadProject(moved + "/plain.paddock", &error);
    REQUIRE(plainLoaded);
    CHECK_FALSE(plainLoaded->clips[0].isImageList());
}

TEST_CASE("Clips from datasets: a missing listed image is an error on its own frame, naming the file", "[clipframes]")
{
    const std::string dir = tempDir();
    DatasetSpec s;
    const Project p = readStrict(makeDataset(dir, s));
    const Clip &clip = p.clips[2];
    const std::string gone = clipFrameFiles(clip)[3];
    REQUIRE(QFile::remove(QString::fromStdString(gone)));
    std::string error;
    auto frames = openClipFrames(clip, &error);
    REQUIRE(frames);
    VideoFrame f;
    CHECK_FALSE(frames->read(3, &f, &error));
    CHECK(error.find(gone) != std::string::npos);
    REQUIRE(frames->read(4, &f, &error));
    CHECK(decodeWhich(f) == std::make_pair(clip.videoId, 4));
    CHECK_FALSE(frames->read(s.frames, &f, &error)); // past the clip's own frames, not the folder's
}

TEST_CASE("Clips from datasets: writing back keeps video ids, image ids and file names", "[clipframes]")
{
    for (Layout layout : {Layout::Shared, Layout::PerClip}) {
        for (bool backslashes : {false, true}) {
            INFO("per-clip " << (layout == Layout::PerClip) << " backslashes " << backslashes);
            const std::string dir = tempDir();
            DatasetSpec s;
            s.layout = layout;
            s.backslashes = backslashes;
            const std::string in = makeDataset(dir, s);
            const QStringList imagesBefore = QDir(QString::fromStdString(dir + "/data")).entryList(QDir::Files);
            const Project p = readStrict(in);
            CocoWriteOptions o;
            o.aptv2 = true;
            std::string error;
            const std::string out = dir + "/out.json";
            REQUIRE(writeCocoFile(p, out, o, &error));
            CHECK(QDir(QString::fromStdString(dir + "/data")).entryList(QDir::Files) == imagesBefore);

            std::ifstream a(in), b(out);
            const Json ja = Json::parse(a), jb = Json::parse(b);
            std::map<std::int64_t, std::tuple<std::string, int, int>> before, after;
            for (const Json &ij : ja["images"]) {
                std::string n = ij["file_name"];
                for (char &c : n)
                    if (c == '\\')
                        c = '/';
                before[ij["id"]] = {n, ij["video_id"], ij["frame_id"]};
            }
            for (const Json &ij : jb["images"])
                after[ij["id"]] = {ij["file_name"], ij["video_id"], ij["frame_id"]};
            CHECK(before == after);
            std::map<std::int64_t, std::int64_t> annBefore, annAfter;
            for (const Json &aj : ja["annotations"])
                annBefore[aj["id"]] = aj["image_id"];
            for (const Json &aj : jb["annotations"])
                annAfter[aj["id"]] = aj["image_id"];
            CHECK(annBefore == annAfter);

            const Project back = readStrict(out);
            checkClips(back, s);
            REQUIRE(back.clips.size() == p.clips.size());
            for (std::size_t i = 0; i < p.clips.size(); ++i) {
                CHECK(back.clips[i].videoId == p.clips[i].videoId);
                CHECK(back.clips[i].frameMeta == p.clips[i].frameMeta);
                CHECK(back.clips[i].frames == p.clips[i].frames);
            }
        }
    }
}

TEST_CASE("Clips from datasets: make_dataset.py's layouts, when ../shared and python3 are there", "[clipframes][shared]")
{
    const std::string shared = sharedDirOrSkip();
    if (shared.empty())
        return;
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (python.isEmpty() || ffmpeg.isEmpty()) {
        skipTest("python3 or ffmpeg is not installed");
        return;
    }
    for (const char *layout : {"shared", "per-clip"}) {
        INFO(layout);
        const std::string dir = tempDir();
        QProcess proc;
        proc.start(python, {QString::fromStdString(shared + "/eval/make_dataset.py"), QString::fromStdString(dir),
                            QStringLiteral("--clips"), QStringLiteral("110"), QStringLiteral("--layout"),
                            QString::fromLatin1(layout)});
        REQUIRE(proc.waitForFinished(300000));
        REQUIRE(proc.exitCode() == 0);
        const Project p = readStrict(dir + "/dataset.json");
        REQUIRE(p.clips.size() == 110);
        // Clip v's frame k is source frame (v-1)*15+k mod 1500 of the fly clip: compare with src/ directly.
        for (int v : {1, 2, 101, 110}) {
            const Clip &clip = p.clips[std::size_t(v - 1)];
            REQUIRE(clip.videoId == v);
            REQUIRE(clip.frameCount == 15);
            std::string error;
            auto frames = openClipFrames(clip, &error);
            INFO(error);
            REQUIRE(frames);
            for (int k : {0, 7, 14}) {
                VideoFrame f;
                REQUIRE(frames->read(k, &f, &error));
                char src[64];
                std::snprintf(src, sizeof src, "/src/f%05d.jpg", ((v - 1) * 15 + k) % 1500 + 1);
                cv::Mat want = cv::imread(dir + src, cv::IMREAD_COLOR);
                REQUIRE(!want.empty());
                REQUIRE(want.cols == f.width);
                bool same = true;
                const auto *rgb = reinterpret_cast<const unsigned char *>(f.rgb.constData());
                for (int y = 0; y < want.rows && same; y += 7)
                    for (int x = 0; x < want.cols && same; x += 7) {
                        const cv::Vec3b bgr = want.at<cv::Vec3b>(y, x);
                        const unsigned char *q = rgb + 3 * (y * f.width + x);
                        same = q[0] == bgr[2] && q[1] == bgr[1] && q[2] == bgr[0];
                    }
                CHECK(same);
            }
            CHECK(!clip.frames.empty());
            for (const auto &[frame, list] : clip.frames)
                CHECK((frame == 0 || frame == 7 || frame == 14));
        }
    }
}
