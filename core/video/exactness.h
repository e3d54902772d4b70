// SPDX-License-Identifier: Apache-2.0
// Frame exactness against an independent decoder: the ffmpeg command-line tool's own decode of every frame.
// Used by `paddock bench exactness` and the video tests; needs the `ffmpeg` executable (ffmpegToolAvailable).
#pragma once

#include "core/video/framesource.h"

#include <QByteArray>

#include <cstdint>
#include <string>
#include <vector>

namespace paddock::core {

/** Every frame of a clip as `ffmpeg -fps_mode passthrough` decodes it (rotated upright), packed RGB888. */
struct ReferenceFrames
{
    int width = 0;
    int height = 0;
    std::vector<QByteArray> frames;
};

/** True when an `ffmpeg` executable runs (looked up on PATH once). */
bool ffmpegToolAvailable();
/** Runs the ffmpeg tool with \a args (after "-nostdin -y -v error"); false with its messages on failure. */
bool runFfmpegTool(const std::vector<std::string> &args, std::string *error);
/** Decodes \a path with the ffmpeg tool; false with a message. */
bool decodeWithFfmpegTool(const std::string &path, ReferenceFrames *out, std::string *error);

/** Share of pixels where two RGB pictures of the same size differ by more than coding noise (0..1). */
double pixelMismatch(const std::uint8_t *a, const std::uint8_t *b, int width, int height);

/** Which reference frame a picture shows, looking at frames index-3 .. index+3. */
struct FrameCheck
{
    bool right = false;    ///< it shows frame \a index
    int shows = -1;        ///< the closest reference frame
    double mismatch = 1.0; ///< pixelMismatch against frame \a index
};
/**
 * Checks that \a rgb shows reference frame \a index: its mismatch against that frame is at most \a tolerance and
 * smaller than against any neighbour. \a tolerance allows for lossy re-encoding (0.002 for the decoder's own
 * pictures, more for exported JPEG images).
 */
FrameCheck checkFrame(const std::uint8_t *rgb, int width, int height, int index, const ReferenceFrames &ref,
                      double tolerance);

/** Reads of a FrameSource compared with the reference decode. */
struct ExactnessReport
{
    int frames = 0;          ///< the source's frame count
    int referenceFrames = 0; ///< ffmpeg's
    int sequentialReads = 0, sequentialWrong = 0, sequentialRefused = 0;
    int randomReads = 0, randomWrong = 0, randomRefused = 0;
    double randomMs = 0.0;    ///< mean time of one random read
    std::string firstProblem; ///< the first few things that went wrong, empty when nothing did
    bool exact() const
    {
        return frames == referenceFrames && sequentialWrong + sequentialRefused + randomWrong + randomRefused == 0;
    }
};
/**
 * Reads every frame in order, then \a randomReads frames in a random order (seeded), and checks each against
 * \a ref. A read that fails counts as refused; one that returns another frame's picture as wrong.
 */
ExactnessReport checkExactness(FrameSource *source, const ReferenceFrames &ref, int randomReads, unsigned seed);

/** One clip of the exactness corpus: a container/codec pair, made with the ffmpeg tool from a test source. */
struct ExactnessClip
{
    std::string name;                  ///< e.g. "avi/xvid B-frames"
    std::string file;                  ///< file name, its extension picks the container
    std::vector<std::string> encoders; ///< ffmpeg encoders it needs
};
/** The corpus: every container/codec pair, B-frames, open GOP, 10-bit, odd sizes, VFR, edits, damage. */
std::vector<ExactnessClip> exactnessClips();
/** True when the ffmpeg tool has encoder \a name (ffmpeg -encoders). */
bool ffmpegToolHasEncoder(const std::string &name);
/**
 * Makes \a clip in \a dir from `testsrc2` (every frame differs) with \a frames frames of \a width x \a height;
 * sets \a path. False with a message (e.g. a missing encoder).
 */
bool makeExactnessClip(const ExactnessClip &clip, const std::string &dir, int frames, int width, int height,
                       std::string *path, std::string *error);

} // namespace paddock::core
