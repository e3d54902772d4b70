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
    int keyframeCount = 0;   ///< random-access points (every frame for image folders)
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

/** One decoded frame as 8-bit luma (stride = width): what trackers work on. */
struct GrayFrame
{
    int index = -1;
    int width = 0;
    int height = 0;
    QByteArray gray;
    bool isNull() const { return gray.isEmpty(); }
};

/** \a rgb as luma with BT.601 weights, as OpenCV's RGB2GRAY gives it. */
GrayFrame toGray(const VideoFrame &rgb);

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
    /**
     * Frame \a index as luma, the same frame read() gives. This default converts read()'s RGB; a video file
     * takes the decoder's luma plane instead (no colour conversion at all).
     */
    virtual bool readGray(int index, GrayFrame *out, std::string *error);

    /** Frames the decoder produced during the last read: 1 for a sequential step, more after a seek. */
    virtual int lastReadDecodedFrames() const { return 1; }
    /** The frame random access to \a index starts decoding from (the keyframe at or before it). */
    virtual int keyframeAtOrBefore(int index) const { return index; }
    /**
     * A second, independent source on the same clip for another thread, reusing this one's frame index
     * (no rescan). nullptr with a message when the source cannot be cloned.
     */
    virtual std::unique_ptr<FrameSource> clone(std::string *error) const
    {
        if (error)
            *error = "this frame source cannot be cloned";
        return nullptr;
    }

    /**
     * Opens a video file or an image folder; nullptr with a clear message naming the file on failure.
     * Video files are scanned once (demux only) so frameCount is exact and read() is frame-exact.
     * Image folders: png/jpg/jpeg/bmp/tif/tiff/webp in natural order (frame2 before frame10); fps is 0 (unknown).
     */
    static std::unique_ptr<FrameSource> open(const std::string &path, std::string *error);
};

} // namespace paddock::core
