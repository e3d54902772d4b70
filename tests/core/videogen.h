// SPDX-License-Identifier: Apache-2.0
// Test helper: encodes small videos with libavcodec whose frames spell their own index.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace paddock::test {

/** What to encode: codec, pixel format, size, GOP structure, timing. */
struct VideoSpec
{
    std::string encoder = "libx264"; ///< libavcodec encoder name: libx264, ffv1, libvpx-vp9, mpeg4
    std::string pixelFormat = "yuv420p";
    int width = 160;
    int height = 128;
    int frames = 48;
    int fps = 25;
    int bFrames = 3;
    int gop = 12;
    bool variableFrameRate = false; ///< irregular frame durations (time base 1/1000)
    std::string x264Params;         ///< extra x264 options, e.g. "open-gop=1"
    int rotation = 0;               ///< clockwise quarter turns a player applies (display matrix), in degrees
};

/** True when libavcodec has an encoder of that name. */
bool encoderAvailable(const std::string &name);
/** Encodes spec.frames pattern frames into \a path (container from the extension). */
bool writeTestVideo(const std::string &path, const VideoSpec &spec, std::string *error);
/** Writes the pattern of frame \a index as an image file (format from the extension). */
bool writeTestImage(const std::string &path, int index, int width, int height);

/** Packed RGB888 picture of frame \a index: a 4x4 grid of black/white cells, 12 index bits + 4 check bits. */
std::vector<std::uint8_t> patternFrame(int index, int width, int height);
/** The index a pattern frame spells, or -1 when the picture is not a clean pattern frame. */
int decodePattern(const std::uint8_t *rgb, int width, int height);

} // namespace paddock::test
