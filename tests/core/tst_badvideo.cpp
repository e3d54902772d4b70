// SPDX-License-Identifier: Apache-2.0
// Bad video inputs not covered by tst_video: wrong extensions, raw streams cut inside a frame, and files that
// declare huge frame sizes (refused with a clear message instead of allocating gigabytes).
#include "core/video/framesource.h"

#include "tests/core/videogen.h"
#include "tests/testutil.h"

#include <catch2/catch.hpp>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <filesystem>
#include <fstream>

using namespace paddock::core;

namespace {

void writeFile(const std::string &path, const std::string &bytes)
{
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

/** A YUV4MPEG2 stream (4:2:0): a text header, then "FRAME\n" and the planes of each frame. */
std::string y4m(int width, int height, int frames, std::size_t frameBytes)
{
    std::string s = "YUV4MPEG2 W" + std::to_string(width) + " H" + std::to_string(height)
                    + " F25:1 Ip A1:1 C420jpeg\n";
    for (int f = 0; f < frames; ++f) {
        s += "FRAME\n";
        s += std::string(frameBytes, static_cast<char>(16 + 40 * f));
    }
    return s;
}

/** Opening fails with a message that names the file (and, when given, says what is wrong). */
void checkRefused(const std::string &path, const std::string &why = {})
{
    std::string error;
    const auto src = FrameSource::open(path, &error);
    INFO(path << ": " << error);
    CHECK_FALSE(src);
    CHECK(error.find(path) != std::string::npos);
    if (!why.empty())
        CHECK(error.find(why) != std::string::npos);
}

} // namespace

TEST_CASE("video: wrong extensions are read by content or refused clearly", "[video][bad]")
{
    const std::string dir = paddock::test::tempDir();
    // A text file named .avi and a JSON file named .mov: not videos.
    writeFile(dir + "/notes.avi", "These are lab notes, not a video.\n");
    checkRefused(dir + "/notes.avi");
    writeFile(dir + "/labels.mov", "{\"images\": [], \"annotations\": []}\n");
    checkRefused(dir + "/labels.mov");

    // A PNG renamed .mp4: FFmpeg goes by content, so it is a one-frame clip of the right size, or refused.
    REQUIRE(paddock::test::writeTestImage(dir + "/frame.png", 5, 64, 48));
    std::filesystem::copy_file(dir + "/frame.png", dir + "/frame.mp4");
    std::string error;
    const auto src = FrameSource::open(dir + "/frame.mp4", &error);
    if (src) {
        REQUIRE(src->info().frameCount == 1);
        CHECK(src->info().width == 64);
        CHECK(src->info().height == 48);
        VideoFrame f;
        REQUIRE(src->read(0, &f, &error));
        CHECK(f.rgb.size() >= 64 * 48 * 3);
        CHECK(paddock::test::decodePattern(reinterpret_cast<const std::uint8_t *>(f.rgb.constData()), 64, 48) == 5);
        CHECK_FALSE(src->read(1, &f, &error));
    } else {
        CHECK(error.find("frame.mp4") != std::string::npos);
    }
}

TEST_CASE("video: a raw stream cut inside a frame keeps its whole frames", "[video][bad]")
{
    const std::string dir = paddock::test::tempDir();
    const int w = 64, h = 48;
    const std::size_t frameBytes = std::size_t(w) * h * 3 / 2;
    const std::string whole = y4m(w, h, 3, frameBytes);
    writeFile(dir + "/whole.y4m", whole);
    std::string error;
    auto src = FrameSource::open(dir + "/whole.y4m", &error);
    INFO(error);
    REQUIRE(src);
    REQUIRE(src->info().frameCount == 3);
    VideoFrame f;
    REQUIRE(src->read(2, &f, &error));

    // Cut in the middle of the third frame's planes: two whole frames, and no read past them.
    writeFile(dir + "/cut.y4m", whole.substr(0, whole.size() - frameBytes / 2));
    src = FrameSource::open(dir + "/cut.y4m", &error);
    if (src) {
        const int n = src->info().frameCount;
        CHECK(n >= 2);
        CHECK(n <= 3);
        REQUIRE(src->read(1, &f, &error));
        CHECK(f.width == w);
        if (!src->read(n - 1, &f, &error))
            CHECK(error.find("cut.y4m") != std::string::npos);
        CHECK_FALSE(src->read(n, &f, &error));
    } else {
        CHECK(error.find("cut.y4m") != std::string::npos);
    }
    // Only the header: no frames.
    writeFile(dir + "/header.y4m", y4m(w, h, 0, 0));
    checkRefused(dir + "/header.y4m");
}

TEST_CASE("video: huge declared frame sizes are refused, not allocated", "[video][bad]")
{
    const std::string dir = paddock::test::tempDir();
    // A raw stream declaring 16000 x 16000 (FFmpeg itself accepts the size; one RGB frame would be 768 MB).
    writeFile(dir + "/huge.y4m", y4m(16000, 16000, 1, 4096));
    checkRefused(dir + "/huge.y4m", "too large");
    // Beyond what FFmpeg accepts at all (FFmpeg itself fails with "Device or resource busy": an error code
    // computed from a negative frame size).
    writeFile(dir + "/huger.y4m", y4m(60000, 60000, 1, 4096));
    checkRefused(dir + "/huger.y4m", "the frame size 60000x60000 is too large");
    writeFile(dir + "/wide.y4m", y4m(30000, 30000, 1, 4096));
    checkRefused(dir + "/wide.y4m", "too large");
    {
        std::string error;
        CHECK_FALSE(FrameSource::open(dir + "/wide.y4m", &error));
        CHECK(error.find("busy") == std::string::npos);
    }
    writeFile(dir + "/nosize.y4m", "YUV4MPEG2 F25:1 Ip A1:1 C420jpeg\nFRAME\n");
    checkRefused(dir + "/nosize.y4m", "no valid frame size");

    // A real image just above the limit (8200 x 8200 gray compresses to a few hundred kB), as a video file
    // and as the first image of a folder.
    const cv::Mat big(8200, 8200, CV_8UC1, cv::Scalar(90));
    REQUIRE(cv::imwrite(dir + "/big.png", big));
    std::filesystem::copy_file(dir + "/big.png", dir + "/big.mp4");
    checkRefused(dir + "/big.mp4", "8192 x 8192");
    std::filesystem::create_directories(dir + "/frames");
    std::filesystem::copy_file(dir + "/big.png", dir + "/frames/f001.png");
    std::string error;
    CHECK_FALSE(FrameSource::open(dir + "/frames", &error));
    CHECK(error.find("f001.png") != std::string::npos);
    CHECK(error.find("too large") != std::string::npos);

    // The largest accepted size still opens (8K UHD fits under the limit).
    const cv::Mat uhd(4320, 7680, CV_8UC1, cv::Scalar(90));
    std::filesystem::create_directories(dir + "/uhd");
    REQUIRE(cv::imwrite(dir + "/uhd/f001.png", uhd));
    const auto src = FrameSource::open(dir + "/uhd", &error);
    INFO(error);
    REQUIRE(src);
    CHECK(src->info().width == 7680);
}
