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

GrayFrame toGray(const VideoFrame &rgb)
{
    GrayFrame g;
    if (rgb.isNull() || rgb.width <= 0 || rgb.height <= 0)
        return g;
    g.index = rgb.index;
    g.width = rgb.width;
    g.height = rgb.height;
    g.gray = QByteArray(qsizetype(rgb.width) * rgb.height, Qt::Uninitialized);
    const cv::Mat src(rgb.height, rgb.width, CV_8UC3, const_cast<char *>(rgb.rgb.constData()), std::size_t(rgb.width) * 3);
    cv::Mat dst(rgb.height, rgb.width, CV_8UC1, g.gray.data());
    cv::cvtColor(src, dst, cv::COLOR_RGB2GRAY);
    return g;
}

bool FrameSource::readGray(int index, GrayFrame *out, std::string *error)
{
    VideoFrame frame;
    if (!read(index, &frame, error))
        return false;
    *out = toGray(frame);
    return true;
}

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

/**
 * Frames that are image files, one file per frame: the images of a folder in natural order, or a clip's own
 * list of files (an image-list clip). An empty file name is a frame the clip has no image for.
 */
class ImageFilesSource final : public FrameSource
{
public:
    ImageFilesSource(std::string what, std::vector<std::string> files, VideoInfo info)
        : mWhat(std::move(what)), mFiles(std::move(files)), mInfo(std::move(info))
    {}

    const VideoInfo &info() const override { return mInfo; }

    bool read(int index, VideoFrame *out, std::string *error) override
    {
        cv::Mat bgr;
        if (!load(index, cv::IMREAD_COLOR, &bgr, error))
            return false;
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

    /**
     * The image decoded straight to gray: a JPEG's luma without its colour planes upsampled and converted
     * (a third of the colour read's time on BADJA's 854x480 frames), the same picture within rounding.
     */
    bool readGray(int index, GrayFrame *out, std::string *error) override
    {
        cv::Mat gray;
        if (!load(index, cv::IMREAD_GRAYSCALE, &gray, error))
            return false;
        GrayFrame g;
        g.index = index;
        g.width = gray.cols;
        g.height = gray.rows;
        g.gray = QByteArray(static_cast<qsizetype>(gray.cols) * gray.rows, Qt::Uninitialized);
        cv::Mat dst(gray.rows, gray.cols, CV_8UC1, g.gray.data());
        gray.copyTo(dst);
        if (out)
            *out = std::move(g);
        return true;
    }

    std::unique_ptr<FrameSource> clone(std::string *) const override
    {
        return std::make_unique<ImageFilesSource>(mWhat, mFiles, mInfo);
    }

private:
    /** Frame \a index's image read with \a flags (8-bit), checked to be the clip's size. */
    bool load(int index, int flags, cv::Mat *image, std::string *error) const
    {
        if (index < 0 || index >= static_cast<int>(mFiles.size())) {
            if (error)
                *error = mWhat + ": frame " + std::to_string(index) + " is out of range (" + std::to_string(mFiles.size())
                         + " frames)";
            return false;
        }
        const std::string &file = mFiles[static_cast<size_t>(index)];
        if (file.empty()) {
            if (error)
                *error = mWhat + ": frame " + std::to_string(index) + " has no image file in the dataset";
            return false;
        }
        try {
            *image = cv::imread(file, flags);
        } catch (const cv::Exception &e) {
            if (error)
                *error = file + ": cannot read the image: " + e.what();
            return false;
        }
        if (image->empty()) {
            if (error)
                *error = file + ": cannot read the image (missing, unreadable or not an image)";
            return false;
        }
        if (image->cols != mInfo.width || image->rows != mInfo.height) {
            if (error)
                *error = file + ": image is " + std::to_string(image->cols) + "x" + std::to_string(image->rows)
                         + " but the clip's frames are " + std::to_string(mInfo.width) + "x"
                         + std::to_string(mInfo.height);
            return false;
        }
        return true;
    }

    std::string mWhat; ///< the folder or clip, for messages
    std::vector<std::string> mFiles;
    VideoInfo mInfo;
};

/** Reads the size and pixel format from \a file; false with a message naming it. */
bool probeImage(const std::string &file, VideoInfo *info, std::string *error)
{
    cv::Mat first;
    try {
        first = cv::imread(file, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception &e) {
        if (error)
            *error = file + ": cannot read the first image: " + e.what();
        return false;
    }
    if (first.empty() || first.cols <= 0 || first.rows <= 0) {
        if (error)
            *error = file + ": cannot read the first image of the clip";
        return false;
    }
    if (const std::string tooLarge = frameSizeProblem(first.cols, first.rows); !tooLarge.empty()) {
        if (error)
            *error = file + ": " + tooLarge;
        return false;
    }
    info->width = first.cols;
    info->height = first.rows;
    info->pixelFormat = describeMat(first);
    return true;
}

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
    VideoInfo info;
    if (!probeImage(files.front(), &info, error))
        return nullptr;
    info.frameCount = static_cast<int>(files.size());
    info.fps = 0.0;
    info.codec = "images";
    info.keyframeCount = info.frameCount;
    return std::make_unique<ImageFilesSource>(path, std::move(files), std::move(info));
}

std::unique_ptr<FrameSource> openImageList(const std::string &what, std::vector<std::string> files, int width,
                                           int height, std::string *error)
{
    if (files.empty()) {
        if (error)
            *error = what + ": the clip lists no frame images";
        return nullptr;
    }
    VideoInfo info;
    if (width > 0 && height > 0 && frameSizeProblem(width, height).empty()) {
        // The dataset gives the size: opening reads no image, so a clip opens at once and a missing file is
        // an error on its own frame only.
        info.width = width;
        info.height = height;
        info.pixelFormat = "unknown"; // not read yet
    } else {
        const auto first = std::find_if(files.begin(), files.end(), [](const std::string &f) { return !f.empty(); });
        if (first == files.end()) {
            if (error)
                *error = what + ": no frame of the clip has an image file";
            return nullptr;
        }
        if (!probeImage(*first, &info, error))
            return nullptr;
    }
    info.frameCount = static_cast<int>(files.size());
    info.fps = 0.0;
    info.codec = "images";
    info.keyframeCount = info.frameCount;
    return std::make_unique<ImageFilesSource>(what, std::move(files), std::move(info));
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
