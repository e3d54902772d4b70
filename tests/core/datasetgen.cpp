// SPDX-License-Identifier: Apache-2.0
#include "datasetgen.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

#include <opencv2/imgcodecs.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace paddock::test {

using Json = nlohmann::json;
using core::VideoFrame;

namespace {

constexpr int kW = kDatasetW, kH = kDatasetH;

/** The colour of frame \a frame of clip \a clip (1-based): R = 40 * clip, G = 30 * frame + 10, B = 200. */
cv::Vec3b colourOf(int clip, int frame)
{
    return cv::Vec3b(200, uchar(30 * frame + 10), uchar(40 * clip)); // BGR
}

std::string nameOf(const DatasetSpec &s, int clip, int frame, int imageId)
{
    char buf[96];
    if (s.layout == Layout::PerClip)
        std::snprintf(buf, sizeof buf, "data/clip%04d/%06d.%s", clip, frame, s.ext.c_str());
    else if (s.interleaved)
        std::snprintf(buf, sizeof buf, "data/f%02d_c%03d.%s", frame, clip, s.ext.c_str());
    else
        std::snprintf(buf, sizeof buf, "data/f%06d.%s", imageId, s.ext.c_str());
    std::string n = buf;
    if (s.backslashes)
        for (char &c : n)
            if (c == '/')
                c = '\\';
    return n;
}

} // namespace

std::string makeDataset(const std::string &dir, const DatasetSpec &s)
{
    Json images = Json::array(), annotations = Json::array();
    if (s.firstClip < 1 || s.firstClip + s.clips - 1 > 6 || s.frames > 8)
        throw std::runtime_error("makeDataset: the colours tell at most clips 1..6 and 8 frames apart");
    for (int v = s.firstClip; v < s.firstClip + s.clips; ++v)
        for (int k = 0; k < s.frames; ++k) {
            const int iid = (v - 1) * s.frames + k + 1;
            std::string name = nameOf(s, v, k, iid);
            std::string slashed = name;
            for (char &c : slashed)
                if (c == '\\')
                    c = '/';
            const std::string file = dir + "/" + slashed;
            QDir().mkpath(QFileInfo(QString::fromStdString(file)).absolutePath());
            cv::Mat img(kH, kW, CV_8UC3, colourOf(v, k));
            if (!cv::imwrite(file, img))
                throw std::runtime_error("cannot write " + file);
            Json ij = {{"id", iid}, {"file_name", name}, {"width", kW}, {"height", kH}, {"video_id", v}};
            if (s.frameIds)
                ij["frame_id"] = k;
            images.push_back(ij);
            if (k % 2 == 0)
                annotations.push_back({{"id", 1000 + iid}, {"image_id", iid}, {"category_id", 1},
                                       {"keypoints", {double(v), double(k), 2, 0, 0, 0}}, {"bbox", {0, 0, 10, 10}},
                                       {"area", 100}, {"iscrowd", 0}, {"num_keypoints", 1}, {"track_id", 1},
                                       {"video_id", v}});
        }
    Json cat = {{"id", 1}, {"name", "fly"}, {"supercategory", "insect"}, {"keypoints", {"head", "tail"}},
                {"skeleton", {{1, 2}}}};
    const Json root = {{"images", images}, {"annotations", annotations}, {"categories", {cat}}};
    const std::string path = dir + "/dataset.json";
    std::ofstream(path) << root.dump();
    return path;
}

/** Which (clip, frame) a decoded frame shows, from its colour; {-1, -1} when it is none of ours. */
std::pair<int, int> decodeWhich(const VideoFrame &f)
{
    if (f.width != kW || f.height != kH)
        return {-1, -1};
    const auto *px = reinterpret_cast<const unsigned char *>(f.rgb.constData()) + 3 * (kW * (kH / 2) + kW / 2);
    const int r = px[0], g = px[1], b = px[2];
    if (std::abs(b - 200) > 6)
        return {-1, -1};
    return {int(std::lround(r / 40.0)), int(std::lround((g - 10) / 30.0))};
}

} // namespace paddock::test
