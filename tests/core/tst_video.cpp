// SPDX-License-Identifier: Apache-2.0
// Frame-exact video access: FrameSource on generated videos and image folders, corrupt inputs, FrameCache.
#include "core/video/framecache.h"
#include "core/video/framesource.h"
#include "core/video/sources_p.h"

#include "tests/testutil.h"
#include "tests/core/videogen.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
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
    using paddock::core::detail::naturalFileNameLess;
    CHECK(naturalFileNameLess("frame2.png", "frame10.png"));
    CHECK_FALSE(naturalFileNameLess("frame10.png", "frame2.png"));
    CHECK(naturalFileNameLess("frame002.png", "frame10.png"));
    CHECK(naturalFileNameLess("a9b", "a10a"));
    CHECK(naturalFileNameLess("img_1_2", "img_1_10"));
    CHECK(naturalFileNameLess("Frame1", "frame2"));

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
