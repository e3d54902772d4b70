// SPDX-License-Identifier: Apache-2.0
// Frame-exact video access: FrameSource on generated videos and image folders, corrupt inputs, FrameCache.
#include "core/io/coco.h"
#include "core/io/jsonutil_p.h"
#include "core/model/project.h"
#include "core/video/exactness.h"
#include "core/video/framecache.h"
#include "core/video/framesource.h"
#include "core/video/imagefolder.h"
#include "core/video/sources_p.h"

#include "tests/testutil.h"
#include "tests/core/videogen.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <numeric>
#include <random>

using paddock::core::FrameCache;
using paddock::core::FrameSource;
using paddock::core::VideoFrame;
using paddock::test::VideoSpec;
namespace fs = std::filesystem;

namespace {

int patternOf(const VideoFrame &f)
{
    REQUIRE(f.rgb.size() == qsizetype(f.width) * f.height * 3);
    return paddock::test::decodePattern(reinterpret_cast<const std::uint8_t *>(f.rgb.constData()), f.width,
                                        f.height);
}

/** Byte equality without Catch printing megabytes of pixels on failure. */
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    return a == b;
}

/** Encodes \a spec into a fresh temporary file; empty when the encoder is missing (the caller skips). */
std::string makeVideo(const VideoSpec &spec, const std::string &name)
{
    if (!paddock::test::encoderAvailable(spec.encoder)) {
        WARN("encoder " << spec.encoder << " not available: skipped");
        return {};
    }
    const std::string path = paddock::test::tempDir() + "/" + name;
    std::string error;
    INFO(error);
    REQUIRE(paddock::test::writeTestVideo(path, spec, &error));
    return path;
}

/** Sequential, backward and shuffled reads all return frame i for read(i), byte-identical to sequential decode. */
void checkFrameExact(const std::string &path, int frames, int width, int height)
{
    std::string error;
    auto src = FrameSource::open(path, &error);
    INFO(path << ": " << error);
    REQUIRE(src);
    CHECK(src->info().frameCount == frames);
    CHECK(src->info().width == width);
    CHECK(src->info().height == height);
    CHECK(src->info().keyframeCount >= 1);

    std::vector<QByteArray> sequential(static_cast<size_t>(frames));
    for (int i = 0; i < frames; ++i) {
        VideoFrame f;
        INFO("sequential frame " << i);
        REQUIRE(src->read(i, &f, &error));
        CHECK(f.index == i);
        CHECK(f.width == width);
        CHECK(patternOf(f) == i);
        sequential[static_cast<size_t>(i)] = f.rgb;
    }
    for (int i = frames - 1; i >= 0; --i) {
        VideoFrame f;
        INFO("backward frame " << i);
        REQUIRE(src->read(i, &f, &error));
        CHECK(patternOf(f) == i);
        CHECK(sameBytes(f.rgb, sequential[static_cast<size_t>(i)]));
    }
    std::vector<int> order(static_cast<size_t>(frames));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(7));
    auto second = src->clone(&error); // an independent decoder sharing the index
    REQUIRE(second);
    for (int i : order) {
        VideoFrame f, g;
        INFO("random frame " << i);
        REQUIRE(src->read(i, &f, &error));
        CHECK(patternOf(f) == i);
        CHECK(sameBytes(f.rgb, sequential[static_cast<size_t>(i)]));
        CHECK(src->keyframeAtOrBefore(i) <= i);
        REQUIRE(second->read(frames - 1 - i, &g, &error));
        CHECK(patternOf(g) == frames - 1 - i);
    }
    VideoFrame none;
    CHECK_FALSE(src->read(frames, &none, &error));
    CHECK(error.find(path) != std::string::npos);
    CHECK_FALSE(src->read(-1, &none, &error));
}

void writeBytes(const std::string &path, const std::string &bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string readBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/** A damaged file opens with an error, or reads every frame as either the right frame or an error. */
void checkDamagedFile(const std::string &path, bool mustFailOpen)
{
    std::string error;
    auto src = FrameSource::open(path, &error);
    INFO(path);
    if (!src) {
        CHECK_FALSE(error.empty());
        CHECK(error.find(path) != std::string::npos);
        return;
    }
    CHECK_FALSE(mustFailOpen);
    const int n = src->info().frameCount;
    CHECK(n >= 1);
    for (int i : {n - 1, 0, n / 2, n - 2, 1}) {
        if (i < 0 || i >= n)
            continue;
        VideoFrame f;
        error.clear();
        if (!src->read(i, &f, &error))
            CHECK(error.find(path) != std::string::npos);
    }
}

/** A project with one clip at \a path whose every \a step-th frame has a labelled animal (all 17 points). */
paddock::core::Project labelledProject(const std::string &path, const paddock::core::VideoInfo &info, int step)
{
    paddock::core::Project project = paddock::core::newAp10kProject();
    paddock::core::Clip clip;
    clip.name = "clip";
    clip.path = path;
    clip.frameCount = info.frameCount;
    clip.width = info.width;
    clip.height = info.height;
    const paddock::core::Category &cat = project.categories.front();
    for (int f = 0; f < clip.frameCount; f += step) {
        paddock::core::Instance inst;
        inst.categoryId = cat.id;
        inst.keypoints.assign(cat.keypoints.size(), {info.width / 2.0, info.height / 2.0,
                                                     paddock::core::Visibility::Visible,
                                                     paddock::core::Source::Manual, 1.0f});
        clip.setInstance(f, inst);
    }
    project.clips.push_back(clip);
    return project;
}

} // namespace

TEST_CASE("video: H.264 with B-frames is frame-exact in any access order", "[video]")
{
    VideoSpec spec;
    spec.frames = 40;
    std::string path = makeVideo(spec, "bframes.mp4");
    if (path.empty()) {
        spec.encoder = "mpeg4";
        spec.bFrames = 2;
        path = makeVideo(spec, "bframes-mpeg4.mp4");
    }
    if (path.empty())
        return;
    checkFrameExact(path, spec.frames, spec.width, spec.height);
    std::string error;
    auto src = FrameSource::open(path, &error);
    REQUIRE(src);
    CHECK(src->info().codec == (spec.encoder == "libx264" ? "h264" : "mpeg4"));
    CHECK(src->info().pixelFormat == "yuv420p");
    CHECK(src->info().fps == Approx(25.0));
    CHECK(src->info().keyframeCount >= 4); // gop 12 over 40 frames, plus any scene cuts
    // Random access decodes from the keyframe before the target, not from the start.
    VideoFrame f;
    REQUIRE(src->read(38, &f, &error));
    const int key = src->keyframeAtOrBefore(38);
    CHECK(key >= 36 - 12);
    CHECK(key > 0);
    CHECK(src->lastReadDecodedFrames() <= 38 - key + 1 + 4); // + frames the B-frame reorder delay holds
    REQUIRE(src->read(39, &f, &error));
    CHECK(src->lastReadDecodedFrames() == 1); // the next frame decodes on without seeking
}

TEST_CASE("video: open GOPs and variable frame rate", "[video]")
{
    VideoSpec open;
    open.frames = 50;
    open.gop = 10;
    open.x264Params = "open-gop=1:keyint=10:min-keyint=10:scenecut=0";
    for (const char *name : {"opengop.mp4", "opengop.mkv"}) {
        const std::string path = makeVideo(open, name);
        if (path.empty())
            return;
        checkFrameExact(path, open.frames, open.width, open.height);
    }
    VideoSpec vfr;
    vfr.frames = 30;
    vfr.variableFrameRate = true;
    const std::string path = makeVideo(vfr, "vfr.mp4");
    if (!path.empty())
        checkFrameExact(path, vfr.frames, vfr.width, vfr.height);
    VideoSpec vfrFfv1 = vfr;
    vfrFfv1.encoder = "ffv1";
    vfrFfv1.bFrames = 0;
    const std::string path2 = makeVideo(vfrFfv1, "vfr.mkv");
    if (!path2.empty())
        checkFrameExact(path2, vfrFfv1.frames, vfrFfv1.width, vfrFfv1.height);
}

TEST_CASE("video: FFV1 in yuv444p, gray and 10-bit converts to RGB frame-exactly", "[video]")
{
    for (const char *fmt : {"yuv444p", "gray", "yuv420p10le", "gray16le"}) {
        VideoSpec spec;
        spec.encoder = "ffv1";
        spec.pixelFormat = fmt;
        spec.bFrames = 0;
        spec.frames = 16;
        spec.width = 96; // odd sizes for chroma subsampling edge cases are not needed; keep it even
        spec.height = 64;
        const std::string path = makeVideo(spec, std::string("ffv1-") + fmt + ".mkv");
        if (path.empty())
            return;
        INFO(fmt);
        checkFrameExact(path, spec.frames, spec.width, spec.height);
        std::string error;
        auto src = FrameSource::open(path, &error);
        REQUIRE(src);
        CHECK(src->info().codec == "ffv1");
        CHECK(src->info().pixelFormat == fmt);
    }
}

TEST_CASE("video: VP9 with hidden alt-ref frames", "[video]")
{
    VideoSpec spec;
    spec.encoder = "libvpx-vp9";
    spec.bFrames = 0;
    spec.frames = 30;
    const std::string path = makeVideo(spec, "vp9.webm");
    if (path.empty())
        return;
    checkFrameExact(path, spec.frames, spec.width, spec.height);
}

TEST_CASE("video: image folders in natural order", "[video]")
{
    using paddock::core::naturalFileNameLess;
    CHECK(naturalFileNameLess("frame2.png", "frame10.png"));
    CHECK_FALSE(naturalFileNameLess("frame10.png", "frame2.png"));
    CHECK(naturalFileNameLess("frame002.png", "frame10.png"));
    CHECK(naturalFileNameLess("a9b", "a10a"));
    CHECK(naturalFileNameLess("img_1_2", "img_1_10"));
    CHECK(naturalFileNameLess("Frame1", "frame2"));
    // Letters regardless of case; names equal so by fewer leading zeros, then by bytes: a total order.
    CHECK(naturalFileNameLess("frame2.png", "FRAME10.png"));
    CHECK(naturalFileNameLess("frame1.png", "frame01.png"));
    CHECK_FALSE(naturalFileNameLess("frame01.png", "frame1.png"));
    CHECK(naturalFileNameLess("FRAME1.png", "frame1.png"));
    CHECK_FALSE(naturalFileNameLess("frame1.png", "FRAME1.png"));
    CHECK(naturalFileNameLess("a.png", "a1.png"));
    CHECK_FALSE(naturalFileNameLess("x.png", "x.png"));

    const std::string dir = paddock::test::tempDir();
    const int n = 12;
    for (int i = 0; i < n; ++i) {
        // frame1 .. frame12, mixed extensions; lexical order would put frame10 before frame2.
        const char *ext = (i % 3 == 0) ? ".png" : (i % 3 == 1) ? ".bmp" : ".tiff";
        REQUIRE(paddock::test::writeTestImage(dir + "/frame" + std::to_string(i + 1) + ext, i, 64, 48));
    }
    writeBytes(dir + "/notes.txt", "not a frame");
    std::string error;
    auto src = FrameSource::open(dir, &error);
    INFO(error);
    REQUIRE(src);
    CHECK(src->info().frameCount == n);
    CHECK(src->info().width == 64);
    CHECK(src->info().height == 48);
    CHECK(src->info().codec == "images");
    for (int i : {0, 1, 9, 11, 5, 2, 10}) {
        VideoFrame f;
        REQUIRE(src->read(i, &f, &error));
        CHECK(patternOf(f) == i);
    }
    // A broken image fails on read, naming the file, without breaking the other frames.
    writeBytes(dir + "/frame13.png", "this is not a png");
    src = FrameSource::open(dir, &error);
    REQUIRE(src);
    REQUIRE(src->info().frameCount == n + 1);
    VideoFrame f;
    CHECK_FALSE(src->read(n, &f, &error));
    CHECK(error.find("frame13.png") != std::string::npos);
    REQUIRE(src->read(3, &f, &error));
    CHECK(patternOf(f) == 3);
    // A frame of another size is an error too.
    REQUIRE(paddock::test::writeTestImage(dir + "/frame14.png", 13, 32, 32));
    src = FrameSource::open(dir, &error);
    REQUIRE(src);
    CHECK_FALSE(src->read(n + 1, &f, &error));

    const std::string empty = paddock::test::tempDir();
    writeBytes(empty + "/readme.txt", "no images");
    CHECK_FALSE(FrameSource::open(empty, &error));
    CHECK(error.find(empty) != std::string::npos);
}

TEST_CASE("video: corrupt and unreadable inputs give errors, not crashes or hangs", "[video]")
{
    const std::string dir = paddock::test::tempDir();
    std::string error;
    CHECK_FALSE(FrameSource::open(dir + "/missing.mp4", &error));
    CHECK(error.find("missing.mp4") != std::string::npos);

    writeBytes(dir + "/empty.mp4", "");
    checkDamagedFile(dir + "/empty.mp4", true);
    writeBytes(dir + "/text.mp4", "This is a text file, not a video.\n");
    checkDamagedFile(dir + "/text.mp4", true);
    writeBytes(dir + "/notes.txt", "Just some notes.\n");
    checkDamagedFile(dir + "/notes.txt", true);
    std::string noise(200000, '\0');
    std::mt19937 rng(1);
    for (char &c : noise)
        c = static_cast<char>(rng());
    writeBytes(dir + "/noise.mp4", noise);
    checkDamagedFile(dir + "/noise.mp4", true);

    VideoSpec spec;
    spec.frames = 40;
    const std::string h264 = makeVideo(spec, "whole.mp4");
    VideoSpec lossless;
    lossless.encoder = "ffv1";
    lossless.bFrames = 0;
    lossless.frames = 40;
    const std::string ffv1 = makeVideo(lossless, "whole.mkv");
    for (const std::string &path : {h264, ffv1}) {
        if (path.empty())
            continue;
        const std::string bytes = readBytes(path);
        const std::string ext = fs::path(path).extension().string();
        // Truncated: the mp4 loses its index (moov at the end), the mkv loses its last frames.
        writeBytes(dir + "/half" + ext, bytes.substr(0, bytes.size() / 2));
        checkDamagedFile(dir + "/half" + ext, false);
        // Garbage in the middle of the stream.
        std::string damaged = bytes;
        for (size_t i = damaged.size() / 3; i < damaged.size() / 3 + 2000 && i < damaged.size(); ++i)
            damaged[i] = static_cast<char>(rng());
        writeBytes(dir + "/damaged" + ext, damaged);
        checkDamagedFile(dir + "/damaged" + ext, false);
    }
}

TEST_CASE("video: FrameCache hits, read-ahead, eviction under a memory limit", "[video][cache]")
{
    VideoSpec spec;
    spec.frames = 60;
    std::string path = makeVideo(spec, "cache.mp4");
    if (path.empty()) {
        spec.encoder = "ffv1";
        spec.bFrames = 0;
        path = makeVideo(spec, "cache.mkv");
    }
    REQUIRE_FALSE(path.empty());
    const std::size_t frameBytes = std::size_t(spec.width) * spec.height * 3;

    FrameCache::Options options;
    options.memoryLimitBytes = 10 * frameBytes;
    options.readAheadForward = 4;
    options.readAheadBackward = 2;
    FrameCache cache;
    std::string error;
    REQUIRE(cache.open(path, options, &error));
    CHECK(cache.info().frameCount == spec.frames);

    VideoFrame f;
    REQUIRE(cache.get(20, &f, &error));
    CHECK(patternOf(f) == 20);
    CHECK(cache.stats().misses == 1);
    REQUIRE(cache.waitForReadAhead(10000));
    for (int i : {18, 19, 21, 22, 23, 24})
        CHECK(cache.contains(i));
    CHECK_FALSE(cache.contains(26));
    CHECK(cache.stats().readAheadDecoded >= 6);

    // One step forward and one back are hits with the right frames.
    REQUIRE(cache.get(21, &f, &error));
    CHECK(patternOf(f) == 21);
    REQUIRE(cache.waitForReadAhead(10000));
    REQUIRE(cache.get(20, &f, &error));
    CHECK(patternOf(f) == 20);
    CHECK(cache.stats().hits == 2);
    CHECK(cache.stats().misses == 1);
    CHECK(cache.peek(22, &f));
    CHECK(patternOf(f) == 22);

    // Stepping through the clip: each next frame was read ahead (no misses), old frames are evicted, and the
    // cache never exceeds its limit.
    const FrameCache::Stats before = cache.stats();
    for (int i = 21; i < spec.frames; ++i) {
        REQUIRE(cache.waitForReadAhead(10000));
        REQUIRE(cache.get(i, &f, &error));
        CHECK(patternOf(f) == i);
        CHECK(cache.stats().bytes <= options.memoryLimitBytes);
    }
    REQUIRE(cache.waitForReadAhead(10000));
    const FrameCache::Stats s = cache.stats();
    CHECK(s.misses == before.misses);
    CHECK(s.hits == before.hits + (spec.frames - 21));
    CHECK(s.evictions > 0);
    CHECK(s.frames <= 10);
    CHECK(s.bytes <= options.memoryLimitBytes);
    CHECK_FALSE(cache.contains(0));
    CHECK(cache.lastReadAheadError().empty());

    // Lowering the limit evicts at once; errors are reported, not thrown.
    cache.setMemoryLimit(3 * frameBytes);
    CHECK(cache.stats().frames <= 3);
    CHECK_FALSE(cache.get(spec.frames, &f, &error));
    CHECK_FALSE(error.empty());
}

TEST_CASE("video: FrameCache without read-ahead, and on bad files", "[video][cache]")
{
    VideoSpec spec;
    spec.encoder = "ffv1";
    spec.bFrames = 0;
    spec.frames = 10;
    const std::string path = makeVideo(spec, "noahead.mkv");
    REQUIRE_FALSE(path.empty());
    FrameCache::Options options;
    options.readAhead = false;
    FrameCache cache;
    std::string error;
    REQUIRE(cache.open(path, options, &error));
    VideoFrame f;
    REQUIRE(cache.get(5, &f, &error));
    REQUIRE(cache.get(5, &f, &error));
    CHECK(patternOf(f) == 5);
    CHECK(cache.waitForReadAhead(100));
    CHECK_FALSE(cache.contains(6));
    CHECK(cache.stats().hits == 1);
    CHECK(cache.stats().misses == 1);
    cache.clear();
    CHECK_FALSE(cache.contains(5));

    const std::string bad = paddock::test::tempDir() + "/bad.mp4";
    writeBytes(bad, "garbage");
    FrameCache broken;
    CHECK_FALSE(broken.open(bad, &error));
    CHECK(error.find("bad.mp4") != std::string::npos);
    CHECK_FALSE(broken.isOpen());
    CHECK_FALSE(broken.get(0, &f, &error));
}

TEST_CASE("video: shared eval clips are frame-exact (when ../shared is present)", "[video][shared]")
{
    const std::string shared = paddock::test::sharedDirOrSkip();
    if (shared.empty())
        return;
    struct Clip
    {
        const char *path;
        int frames;
    };
    for (const Clip &clip : {Clip{"/eval/goat/goat.mp4", 90}, Clip{"/eval/flies/clip.mp4", 1500}}) {
        const std::string path = shared + clip.path;
        if (!fs::exists(path))
            continue;
        std::string error;
        auto src = FrameSource::open(path, &error);
        INFO(path << ": " << error);
        REQUIRE(src);
        CHECK(src->info().frameCount == clip.frames);
        const int n = std::min(clip.frames, 150);
        std::vector<QByteArray> sequential;
        for (int i = 0; i < n; ++i) {
            VideoFrame f;
            REQUIRE(src->read(i, &f, &error));
            sequential.push_back(f.rgb);
        }
        auto other = src->clone(&error);
        REQUIRE(other);
        std::mt19937 rng(3);
        for (int k = 0; k < 8; ++k) {
            const int i = static_cast<int>(rng() % static_cast<unsigned>(n));
            VideoFrame f;
            REQUIRE(other->read(i, &f, &error));
            CHECK(sameBytes(f.rgb, sequential[static_cast<size_t>(i)]));
        }
        VideoFrame last;
        CHECK(src->read(clip.frames - 1, &last, &error));
    }
}

// ---- Frame exactness against the ffmpeg tool's own decode (issue 12) ----

TEST_CASE("video: every container/codec pair shows ffmpeg's frame N, read in order and at random", "[video][ffmpeg]")
{
    if (!paddock::core::ffmpegToolAvailable()) {
        paddock::test::skipTest("the ffmpeg tool is not on PATH: frame exactness against it not checked");
        return;
    }
    const std::string dir = paddock::test::tempDir();
    std::vector<std::string> skipped;
    for (const paddock::core::ExactnessClip &clip : paddock::core::exactnessClips()) {
        INFO(clip.name);
        std::string path, error;
        // 80 frames: the edit-list clip (-ss 2.3) keeps 22 of them; 25 fps, GOPs of 15 to 50.
        if (!paddock::core::makeExactnessClip(clip, dir, 80, 160, 120, &path, &error)) {
            REQUIRE(error.find("encoder") != std::string::npos); // only a missing encoder may skip a pair
            skipped.push_back(clip.name + " (" + error + ")");
            continue;
        }
        paddock::core::ReferenceFrames ref;
        INFO(error);
        REQUIRE(paddock::core::decodeWithFfmpegTool(path, &ref, &error));
        auto src = FrameSource::open(path, &error);
        REQUIRE(src);
        const paddock::core::ExactnessReport r = paddock::core::checkExactness(src.get(), ref, 40, 11);
        INFO(r.firstProblem);
        CHECK(r.frames == r.referenceFrames);
        CHECK(r.sequentialWrong == 0);
        CHECK(r.randomWrong == 0);
        const bool truncated = clip.name.find("truncated") != std::string::npos;
        if (!truncated) {
            CHECK(r.sequentialRefused == 0);
            CHECK(r.randomRefused == 0);
        } else {
            CHECK(r.sequentialRefused <= 1); // the frame cut in half, refused with a message
        }
        if (clip.name.find("VFR") != std::string::npos)
            CHECK(src->info().fps == Approx(17.5).epsilon(0.05)); // 7 of every 10 frames at 25 fps
        else if (!truncated)
            CHECK(src->info().fps == Approx(25.0));
        if (clip.name.find("rotate") != std::string::npos) {
            CHECK(src->info().width == 120); // shown upright, as ffmpeg shows it
            CHECK(src->info().height == 160);
        }
    }
    for (const std::string &s : skipped)
        WARN("skipped (encoder missing from this ffmpeg): " << s);
}

TEST_CASE("video: exported frame images of B-frame AVI and MPEG-2 clips show their frame", "[video][ffmpeg]")
{
    if (!paddock::core::ffmpegToolAvailable()) {
        paddock::test::skipTest("the ffmpeg tool is not on PATH: exported frames not checked against it");
        return;
    }
    const std::string dir = paddock::test::tempDir();
    for (const paddock::core::ExactnessClip &clip : paddock::core::exactnessClips()) {
        if (clip.file != "xvid.avi" && clip.file != "mpeg2.mpg" && clip.file != "h264-b3.avi")
            continue;
        INFO(clip.name);
        std::string path, error;
        if (!paddock::core::makeExactnessClip(clip, dir, 60, 160, 120, &path, &error)) {
            WARN("skipped " << clip.name << ": " << error);
            continue;
        }
        paddock::core::ReferenceFrames ref;
        REQUIRE(paddock::core::decodeWithFfmpegTool(path, &ref, &error));
        auto src = FrameSource::open(path, &error);
        INFO(error);
        REQUIRE(src);
        const paddock::core::Project project = labelledProject(path, src->info(), 3);
        paddock::core::CocoWriteOptions options;
        options.aptv2 = true;
        const std::string out = dir + "/export-" + clip.file;
        options.frameDir = out + "/frames";
        REQUIRE(paddock::core::writeCocoFile(project, out + "/labels.json", options, &error));
        const nlohmann::json j = nlohmann::json::parse(readBytes(out + "/labels.json"));
        int checked = 0;
        for (const auto &image : j.at("images")) {
            const int frame = image.at("frame_id").get<int>();
            const cv::Mat bgr = cv::imread(out + "/" + image.at("file_name").get<std::string>(), cv::IMREAD_COLOR);
            REQUIRE_FALSE(bgr.empty());
            cv::Mat rgb;
            cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
            const paddock::core::FrameCheck check = paddock::core::checkFrame(rgb.data, rgb.cols, rgb.rows, frame, ref, 0.01);
            INFO("exported frame " << frame << " shows frame " << check.shows);
            CHECK(check.right);
            ++checked;
        }
        CHECK(checked == (src->info().frameCount + 2) / 3);
    }
}

TEST_CASE("video: a rotation tag turns frames upright, for every read and in info", "[video]")
{
    for (int rotation : {90, 180, 270}) {
        VideoSpec spec;
        spec.frames = 24;
        spec.rotation = rotation;
        const std::string path = makeVideo(spec, "rot" + std::to_string(rotation) + ".mp4");
        if (path.empty())
            return;
        INFO("rotation " << rotation);
        std::string error;
        auto src = FrameSource::open(path, &error);
        REQUIRE(src);
        const bool swap = rotation != 180;
        CHECK(src->info().width == (swap ? spec.height : spec.width));
        CHECK(src->info().height == (swap ? spec.width : spec.height));
        auto upright = [&](const VideoFrame &f) {
            // Turn the shown picture back by the rotation: the stored pattern must come out.
            REQUIRE(f.width == src->info().width);
            REQUIRE(f.height == src->info().height);
            const cv::Mat shown(f.height, f.width, CV_8UC3, const_cast<char *>(f.rgb.constData()));
            cv::Mat stored;
            cv::rotate(shown, stored, rotation == 90 ? cv::ROTATE_90_COUNTERCLOCKWISE
                                      : rotation == 180 ? cv::ROTATE_180
                                                        : cv::ROTATE_90_CLOCKWISE);
            REQUIRE(stored.cols == spec.width);
            return paddock::test::decodePattern(stored.data, stored.cols, stored.rows);
        };
        // Shown upright means turned clockwise: the stored top-left cell ends up top-right for 90 degrees.
        VideoFrame f;
        REQUIRE(src->read(0, &f, &error));
        const std::vector<std::uint8_t> stored = paddock::test::patternFrame(0, spec.width, spec.height);
        if (rotation == 90) {
            const auto *p = reinterpret_cast<const std::uint8_t *>(f.rgb.constData());
            // stored (x=0, y=h-1) goes to shown (x=0, y=0) under a clockwise turn
            CHECK(p[0] == stored[(std::size_t(spec.height - 1) * spec.width) * 3]);
        }
        for (int i = 0; i < spec.frames; ++i) {
            REQUIRE(src->read(i, &f, &error));
            CHECK(upright(f) == i);
        }
        for (int i : {17, 3, 22, 9}) {
            REQUIRE(src->read(i, &f, &error));
            CHECK(upright(f) == i);
        }
    }
}

TEST_CASE("video: a variable-frame-rate clip reports its real average rate", "[video]")
{
    // Frame durations 40, 80, 20, 60 ms: 20 frames per second on average (a nominal rate would say 25).
    for (const char *name : {"vfr-rate.mkv", "vfr-rate.mp4"}) {
        VideoSpec spec;
        if (std::string(name) == "vfr-rate.mkv") {
            spec.encoder = "ffv1";
            spec.bFrames = 0;
        }
        spec.frames = 40;
        spec.variableFrameRate = true;
        const std::string path = makeVideo(spec, name);
        if (path.empty())
            return;
        std::string error;
        auto src = FrameSource::open(path, &error);
        INFO(name << ": " << error);
        REQUIRE(src);
        CHECK(src->info().frameCount == 40);
        CHECK(src->info().fps == Approx(20.0).epsilon(0.03));
    }
}

TEST_CASE("video: FIFOs and devices are refused at once, never opened for reading", "[video][bad]")
{
    const std::string dir = paddock::test::tempDir();
    const std::string fifo = dir + "/camera.mp4";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto pending = std::async(std::launch::async, [&] {
        std::string error;
        const bool opened = FrameSource::open(fifo, &error) != nullptr;
        return std::make_pair(opened, error);
    });
    if (pending.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
        // It hangs in open(): let it go by opening the other end, then fail.
        const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            ::close(fd);
        FAIL("opening a FIFO as a clip hangs");
    }
    const auto [opened, error] = pending.get();
    CHECK_FALSE(opened);
    CHECK(error.find(fifo) != std::string::npos);
    CHECK(error.find("FIFO") != std::string::npos);

    std::string devError;
    CHECK_FALSE(FrameSource::open("/dev/null", &devError));
    CHECK(devError.find("device") != std::string::npos);
}

TEST_CASE("video: in a frame folder only regular files are frames", "[video]")
{
    const std::string dir = paddock::test::tempDir();
    for (int i = 0; i < 3; ++i)
        REQUIRE(paddock::test::writeTestImage(dir + "/f00" + std::to_string(i + 1) + ".png", i, 64, 48));
    fs::create_directories(dir + "/f002x.png"); // a folder named like an image
    REQUIRE(::mkfifo((dir + "/f002y.png").c_str(), 0600) == 0);
    std::error_code ec;
    fs::create_symlink(dir + "/missing.png", dir + "/f002z.png", ec); // a broken link
    std::string error;
    auto src = FrameSource::open(dir, &error);
    INFO(error);
    REQUIRE(src);
    CHECK(src->info().frameCount == 3);
    for (int i = 0; i < 3; ++i) {
        VideoFrame f;
        REQUIRE(src->read(i, &f, &error));
        CHECK(patternOf(f) == i);
    }
    CHECK(paddock::core::detail::listImageFiles(dir) == std::vector<std::string>{"f001.png", "f002.png", "f003.png"});
}

TEST_CASE("video: one natural order of image names for reading a folder and for writing its labels", "[video]")
{
    using paddock::core::naturalFileNameLess;
    // A folder whose names differ in case and zero padding: the frame source, the folder listing the dataset
    // readers and writers use, and an exported COCO file must all agree on which image is frame i.
    const std::vector<std::string> names = {"frame1.png", "Frame01.png", "frame2.png", "FRAME3.png",
                                            "frame10.png", "Frame010.png", "frame011.png", "frame20.png"};
    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end(), naturalFileNameLess);
    const std::string dir = paddock::test::tempDir();
    for (std::size_t i = 0; i < sorted.size(); ++i)
        REQUIRE(paddock::test::writeTestImage(dir + "/" + sorted[i], int(i), 64, 48));
    std::vector<std::string> listed;
    std::string error;
    REQUIRE(paddock::core::listFrameImages(dir, &listed, &error));
    CHECK(listed == sorted);
    CHECK(paddock::core::detail::listImageFiles(dir) == sorted);
    auto src = FrameSource::open(dir, &error);
    REQUIRE(src);
    REQUIRE(src->info().frameCount == int(sorted.size()));
    for (int i = 0; i < src->info().frameCount; ++i) {
        VideoFrame f;
        REQUIRE(src->read(i, &f, &error));
        CHECK(patternOf(f) == i);
    }

    const paddock::core::Project project = labelledProject(dir, src->info(), 1);
    const std::string json = paddock::test::tempDir() + "/labels.json";
    REQUIRE(paddock::core::writeCocoFile(project, json, paddock::core::CocoWriteOptions(), &error));
    const nlohmann::json j = nlohmann::json::parse(readBytes(json));
    int checked = 0;
    for (const auto &image : j.at("images")) {
        const int frame = image.at("frame_id").get<int>();
        const std::string file = fs::path(image.at("file_name").get<std::string>()).filename().string();
        INFO("frame " << frame << " exported as " << file);
        CHECK(file == sorted.at(std::size_t(frame)));
        ++checked;
    }
    CHECK(checked == src->info().frameCount);
}

TEST_CASE("video: readGray gives read()'s frame as luma, from the decoder's plane, in any order", "[video][gray]")
{
    struct Case
    {
        const char *encoder, *format, *file;
        int rotation;
    };
    // Limited-range H.264 (the luma is stretched), full-range and gray FFV1, 10-bit (through RGB), a rotation.
    for (const Case c : {Case{"libx264", "yuv420p", "g264.mp4", 0}, Case{"ffv1", "yuv444p", "g444.mkv", 0},
                         Case{"ffv1", "gray", "ggray.mkv", 0}, Case{"ffv1", "yuv420p10le", "g10.mkv", 0},
                         Case{"libx264", "yuv420p", "grot.mp4", 90}}) {
        VideoSpec spec;
        spec.encoder = c.encoder;
        spec.pixelFormat = c.format;
        spec.frames = 20;
        spec.rotation = c.rotation;
        if (spec.encoder == std::string("ffv1"))
            spec.bFrames = 0;
        const std::string path = makeVideo(spec, c.file);
        if (path.empty())
            continue;
        INFO(c.file);
        std::string error;
        auto rgbSource = FrameSource::open(path, &error);
        auto graySource = FrameSource::open(path, &error);
        REQUIRE(rgbSource);
        REQUIRE(graySource);
        std::vector<int> order(std::size_t(spec.frames));
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), std::mt19937(3));
        order.insert(order.begin(), {0, 1, 2, 3}); // a sequential start, then random access
        for (int i : order) {
            VideoFrame rgb;
            paddock::core::GrayFrame gray;
            REQUIRE(rgbSource->read(i, &rgb, &error));
            REQUIRE(graySource->readGray(i, &gray, &error));
            REQUIRE(gray.index == i);
            REQUIRE(gray.width == rgb.width);
            REQUIRE(gray.height == rgb.height);
            REQUIRE(gray.gray.size() == qsizetype(gray.width) * gray.height);
            const paddock::core::GrayFrame expected = paddock::core::toGray(rgb);
            const cv::Mat a(gray.height, gray.width, CV_8UC1, gray.gray.data());
            const cv::Mat b(gray.height, gray.width, CV_8UC1, const_cast<char *>(expected.gray.constData()));
            cv::Mat diff;
            cv::absdiff(a, b, diff);
            double maxDiff = 0;
            cv::minMaxLoc(diff, nullptr, &maxDiff);
            INFO("frame " << i << ": mean difference " << cv::mean(diff)[0] << ", max " << maxDiff);
            CHECK(cv::mean(diff)[0] < 1.0); // rounding in the colour conversion, nothing more
            CHECK(maxDiff <= 4);
            // And it is that frame: its pattern reads back from the gray picture (turned back to as stored).
            cv::Mat stored = a, rgbAgain;
            if (c.rotation == 90)
                cv::rotate(a, stored, cv::ROTATE_90_COUNTERCLOCKWISE);
            cv::cvtColor(stored, rgbAgain, cv::COLOR_GRAY2RGB);
            CHECK(paddock::test::decodePattern(rgbAgain.data, rgbAgain.cols, rgbAgain.rows) == i);
        }
    }
    // A frame folder's gray is its RGB frame's.
    const std::string dir = paddock::test::tempDir() + "/grayfolder";
    fs::create_directories(dir);
    for (int i = 0; i < 3; ++i)
        REQUIRE(paddock::test::writeTestImage(dir + "/f" + std::to_string(i) + ".png", i, 64, 48));
    std::string error;
    auto folder = FrameSource::open(dir, &error);
    REQUIRE(folder);
    paddock::core::GrayFrame g;
    REQUIRE(folder->readGray(2, &g, &error));
    cv::Mat rgbAgain;
    cv::cvtColor(cv::Mat(g.height, g.width, CV_8UC1, g.gray.data()), rgbAgain, cv::COLOR_GRAY2RGB);
    CHECK(paddock::test::decodePattern(rgbAgain.data, g.width, g.height) == 2);
    CHECK_FALSE(folder->readGray(3, &g, &error));
    CHECK(error.find("out of range") != std::string::npos);

    // Colour JPEGs decode straight to gray: the luma of the colour read, within the colour conversion's rounding,
    // frame for frame (each frame its own colours), and a file of another size is refused as read() refuses it.
    const std::string jpegs = paddock::test::tempDir() + "/grayjpegs";
    fs::create_directories(jpegs);
    cv::RNG rng(7);
    for (int i = 0; i < 3; ++i) {
        cv::Mat small(6, 8, CV_8UC3), bgr;
        rng.fill(small, cv::RNG::UNIFORM, 0, 256);
        cv::resize(small, bgr, cv::Size(160, 120), 0, 0, cv::INTER_CUBIC);
        REQUIRE(cv::imwrite(jpegs + "/f" + std::to_string(i) + ".jpg", bgr));
    }
    REQUIRE(cv::imwrite(jpegs + "/f3.jpg", cv::Mat(60, 80, CV_8UC3, cv::Scalar(10, 200, 30))));
    auto jpegFolder = FrameSource::open(jpegs, &error);
    REQUIRE(jpegFolder);
    std::vector<double> means;
    for (int i = 0; i < 3; ++i) {
        VideoFrame rgb;
        REQUIRE(jpegFolder->read(i, &rgb, &error));
        REQUIRE(jpegFolder->readGray(i, &g, &error));
        REQUIRE(g.index == i);
        REQUIRE(g.width == 160);
        REQUIRE(g.height == 120);
        REQUIRE(g.gray.size() == 160 * 120);
        const paddock::core::GrayFrame expected = paddock::core::toGray(rgb);
        cv::Mat diff;
        cv::absdiff(cv::Mat(120, 160, CV_8UC1, g.gray.data()),
                    cv::Mat(120, 160, CV_8UC1, const_cast<char *>(expected.gray.constData())), diff);
        double maxDiff = 0;
        cv::minMaxLoc(diff, nullptr, &maxDiff);
        INFO("jpeg frame " << i << ": mean difference " << cv::mean(diff)[0] << ", max " << maxDiff);
        CHECK(cv::mean(diff)[0] < 1.0);
        CHECK(maxDiff <= 8);
        means.push_back(cv::mean(cv::Mat(120, 160, CV_8UC1, g.gray.data()))[0]);
    }
    CHECK(means[0] != means[1]); // each its own frame
    CHECK(means[1] != means[2]);
    CHECK_FALSE(jpegFolder->readGray(3, &g, &error));
    CHECK(error.find("80x60") != std::string::npos);
}
