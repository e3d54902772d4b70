// SPDX-License-Identifier: Apache-2.0
// Private to core/video: the FrameSource implementations behind FrameSource::open and openClipFrames.
#pragma once

#include "core/video/framesource.h"

#include <memory>
#include <string>
#include <vector>

namespace paddock::core::detail {

/** Largest frame a source accepts (8192 x 8192; 8K UHD fits): bigger declared sizes are refused, not allocated. */
constexpr long long kMaxFramePixels = 8192LL * 8192LL;
/** The message for a frame size above kMaxFramePixels, empty when the size is acceptable. */
inline std::string frameSizeProblem(long long width, long long height)
{
    if (width * height <= kMaxFramePixels)
        return {};
    return "the frame size " + std::to_string(width) + "x" + std::to_string(height)
           + " is too large (at most 8192 x 8192 pixels)";
}

/** Opens a video file with FFmpeg and indexes its frames; nullptr with a message on failure. */
std::unique_ptr<FrameSource> openVideoFile(const std::string &path, std::string *error);
/** Opens a folder of frame images (core/video/imagefolder.h decides which and in what order); nullptr with a message on failure. */
std::unique_ptr<FrameSource> openImageFolder(const std::string &path, std::string *error);

/**
 * Frames that are the image files \a files (absolute paths; an empty entry is a frame without an image),
 * named \a what in messages. With a known \a width and \a height no image is read until a frame is asked
 * for; otherwise the first file gives the size. nullptr with a message when there is nothing to read.
 */
std::unique_ptr<FrameSource> openImageList(const std::string &what, std::vector<std::string> files, int width,
                                           int height, std::string *error);

} // namespace paddock::core::detail
