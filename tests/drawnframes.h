// SPDX-License-Identifier: Apache-2.0
// A frame source for tests: frames drawn by a function of the frame index.
#pragma once

#include "core/video/framesource.h"

#include <opencv2/core.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace paddock::test {

/** Frames drawn by a function of the frame index (an RGB CV_8UC3 image of the given size); counts the reads. */
class DrawnFrames : public core::FrameSource
{
public:
    DrawnFrames(int frames, int width, int height, std::function<cv::Mat(int)> draw)
        : mDraw(std::move(draw))
    {
        mInfo.frameCount = frames;
        mInfo.width = width;
        mInfo.height = height;
        mInfo.fps = 25;
        mInfo.codec = "synthetic";
    }
    const core::VideoInfo &info() const override { return mInfo; }
    bool read(int index, core::VideoFrame *out, std::string *error) override
    {
        if (index < 0 || index >= mInfo.frameCount) {
            *error = "out of range";
            return false;
        }
        ++reads;
        if (index == failAt) {
            *error = "corrupt packet";
            return false;
        }
        const cv::Mat img = mDraw(index);
        out->index = index;
        out->width = img.cols;
        out->height = img.rows;
        out->rgb = QByteArray(reinterpret_cast<const char *>(img.data), int(img.total() * 3));
        return true;
    }
    /** The same frames (a source that opens them again, as a reader thread does); its reads count apart. */
    std::unique_ptr<core::FrameSource> clone(std::string *) const override
    {
        auto other = std::make_unique<DrawnFrames>(mInfo.frameCount, mInfo.width, mInfo.height, mDraw);
        other->failAt = failAt;
        return other;
    }
    std::atomic_int reads{0};
    int failAt = -1; ///< a frame that cannot be decoded

private:
    core::VideoInfo mInfo;
    std::function<cv::Mat(int)> mDraw;
};

} // namespace paddock::test
