// SPDX-License-Identifier: Apache-2.0
// FrameSource::open dispatch, and the image-folder source (OpenCV imgcodecs).
#include "core/video/framesource.h"
#include "core/video/imagefolder.h"
#include "core/video/sources_p.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace paddock::core {

namespace detail {

namespace {

std::string describeMat(const cv::Mat &m)
{
    const bool deep = m.depth() == CV_16U;
    switch (m.channels()) {
    case 1:
        return deep ? "gray16" : "gray";
    case 3:
        return deep ? "rgb48" : "rgb24";
    case 4:
        return deep ? "rgba64" : "rgba";
    default:
        return std::to_string(m.channels()) + " channels";
    }
}

/** Frames from a folder of images, in natural order of their file names. */
class ImageFolderSource final : public FrameSource
{
public:
    ImageFolderSource(std::string dir, std::vector<std::string> files, VideoInfo info)
        : mDir(std::move(dir)), mFiles(std::move(files)), mInfo(std::move(info))
    {}

    const VideoInfo &info() const override { return mInfo; }

    bool read(int index, VideoFrame *out, std::string *error) override
    {
        if (index < 0 || index >= static_cast<int>(mFiles.size())) {
            if (error)
                *error = mDir + ": frame " + std::to_string(index) + " is out of range (the folder has "
                         + std::to_string(mFiles.size()) + " images)";
            return false;
        }
        const std::string &file = mFiles[static_cast<size_t>(index)];
        cv::Mat bgr;
        try {
            bgr = cv::imread(file, cv::IMREAD_COLOR);
        } catch (const cv::Exception &e) {
            if (error)
                *error = file + ": cannot read the image: " + e.what();
            return false;
        }
        if (bgr.empty()) {
            if (error)
                *error = file + ": cannot read the image (missing, unreadable or not an image)";
            return false;
        }
        if (bgr.cols != mInfo.width || bgr.rows != mInfo.height) {
            if (error)
                *error = file + ": image is " + std::to_string(bgr.cols) + "x" + std::to_string(bgr.rows)
                         + " but the clip's frames are " + std::to_string(mInfo.width) + "x"
                         + std::to_string(mInfo.height);
            return false;
        }
        VideoFrame frame;
        frame.index = index;
        frame.width = bgr.cols;
        frame.height = bgr.rows;
        frame.rgb = QByteArray(static_cast<qsizetype>(bgr.cols) * bgr.rows * 3, Qt::Uninitialized);
        cv::Mat rgb(bgr.rows, bgr.cols, CV_8UC3, frame.rgb.data());
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        if (out)
            *out = std::move(frame);
        return true;
    }

    std::unique_ptr<FrameSource> clone(std::string *) const override
    {
        return std::make_unique<ImageFolderSource>(mDir, mFiles, mInfo);
    }

private:
    std::string mDir;
    std::vector<std::string> mFiles;
    VideoInfo mInfo;
};

} // namespace

std::unique_ptr<FrameSource> openImageFolder(const std::string &path, std::string *error)
{
    std::vector<std::string> names;
    if (!listFrameImages(path, &names, error))
        return nullptr;
    if (names.empty()) {
        if (error)
            *error = path + ": the folder holds no frame images (png, jpg, jpeg, bmp, tif, tiff, webp)";
        return nullptr;
    }
    std::vector<std::string> files;
    files.reserve(names.size());
    for (const std::string &name : names)
        files.push_back((fs::path(path) / name).string());

    cv::Mat first;
    try {
        first = cv::imread(files.front(), cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception &e) {
        if (error)
            *error = files.front() + ": cannot read the first image: " + e.what();
        return nullptr;
    }
    if (first.empty() || first.cols <= 0 || first.rows <= 0) {
        if (error)
            *error = files.front() + ": cannot read the first image of the folder";
        return nullptr;
    }
    if (const std::string tooLarge = frameSizeProblem(first.cols, first.rows); !tooLarge.empty()) {
        if (error)
            *error = files.front() + ": " + tooLarge;
        return nullptr;
    }
    VideoInfo info;
    info.frameCount = static_cast<int>(files.size());
    info.fps = 0.0;
    info.width = first.cols;
    info.height = first.rows;
    info.codec = "images";
    info.pixelFormat = describeMat(first);
    info.keyframeCount = info.frameCount;
    return std::make_unique<ImageFolderSource>(path, std::move(files), std::move(info));
}

} // namespace detail

namespace {

std::string describeFileType(fs::file_type type)
{
    switch (type) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    default: return "not a regular file";
    }
}

} // namespace

std::unique_ptr<FrameSource> FrameSource::open(const std::string &path, std::string *error)
{
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        if (error)
            *error = path + ": no such file or folder";
        return nullptr;
    }
    if (fs::is_directory(st))
        return detail::openImageFolder(path, error);
    if (!fs::is_regular_file(st)) {
        // Opening a FIFO for reading blocks until a writer comes, and a device never ends: neither is a clip.
        if (error)
            *error = path + ": not a video file or a folder of images (" + describeFileType(st.type()) + ")";
        return nullptr;
    }
    return detail::openVideoFile(path, error);
}

} // namespace paddock::core
