// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

#include <cstddef>
#include <memory>
#include <string>

namespace paddock::core {

/** What a clip is: frame count, rate, size and codec. */
struct VideoInfo
{
    int frameCount = 0;
    double fps = 0.0;
    int width = 0;
    int height = 0;
    std::string codec;       ///< e.g. "h264", or "images" for a frame folder
    std::string pixelFormat; ///< source pixel format, e.g. "yuv420p"
};

/** One decoded frame, packed RGB888 (stride = width * 3). The data is implicitly shared. */
struct VideoFrame
{
    int index = -1;
    int width = 0;
    int height = 0;
    QByteArray rgb;
    bool isNull() const { return rgb.isEmpty(); }
};

/**
 * Frame-exact random access to a clip: a video file FFmpeg reads, or a folder of images (natural sort).
 * One instance per thread: each thread opens its own source.
 */
class FrameSource
{
public:
    virtual ~FrameSource() = default;
    virtual const VideoInfo &info() const = 0;
    /** Decodes frame \a index (0-based). False with a message on error; never hangs on corrupt input. */
    virtual bool read(int index, VideoFrame *out, std::string *error) = 0;

    /** Opens a video file or an image folder; nullptr with a clear message naming the file on failure. */
    static std::unique_ptr<FrameSource> open(const std::string &path, std::string *error);
};

} // namespace paddock::core
