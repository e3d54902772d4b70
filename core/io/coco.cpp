// SPDX-License-Identifier: Apache-2.0
// Writing COCO keypoint JSON (AP-10K) and APTv2, valid for mmpose's AP-10K loader.
#include "core/io/coco.h"

#include "core/io/atomicfile.h"
#include "core/io/coco_p.h"
#include "core/io/jsonutil_p.h"
#include "core/io/projectfile.h"
#include "core/model/versions.h"
#include "core/video/clipframes.h"
#include "core/video/framesource.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace paddock::core {

using detail::Json;
using detail::tr;

std::optional<Box> boxFromKeypoints(const Instance &inst, int imageWidth, int imageHeight, double pad)
{
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool any = false;
    for (const Keypoint &k : inst.keypoints) {
        if (!k.isLabelled())
            continue;
        x0 = any ? std::min(x0, k.x) : k.x;
        y0 = any ? std::min(y0, k.y) : k.y;
        x1 = any ? std::max(x1, k.x) : k.x;
        y1 = any ? std::max(y1, k.y) : k.y;
        any = true;
    }
    if (!any)
        return std::nullopt;
    // Pad by a fraction of the size on each side, at least 2 px, so one or two points still give a real box.
    const double mx = std::max(pad * (x1 - x0), 2.0), my = std::max(pad * (y1 - y0), 2.0);
    x0 -= mx;
    y0 -= my;
    x1 += mx;
    y1 += my;
    if (imageWidth > 0 && imageHeight > 0) {
        x0 = std::clamp(x0, 0.0, double(imageWidth));
        x1 = std::clamp(x1, 0.0, double(imageWidth));
        y0 = std::clamp(y0, 0.0, double(imageHeight));
        y1 = std::clamp(y1, 0.0, double(imageHeight));
    }
    if (x1 - x0 <= 0.0 || y1 - y0 <= 0.0)
        return std::nullopt;
    return Box{x0, y0, x1 - x0, y1 - y0};
}

namespace {

Json categoryJson(const Category &c)
{
    Json skeleton = Json::array();
    for (const auto &[a, b] : c.skeleton)
        skeleton.push_back({a + 1, b + 1});
    Json j = {{"id", c.id},
              {"name", c.name},
              {"supercategory", c.supercategory},
              {"keypoints", c.keypoints},
              {"skeleton", std::move(skeleton)}};
    // AP-10K categories stay exactly as in AP-10K; others keep their pairs and sigmas (0-based, as mmpose).
    if (c.keypoints != ap10kKeypointNames()) {
        Json flip = Json::array();
        for (const auto &[a, b] : c.flipPairs)
            flip.push_back({a, b});
        j["flip_pairs"] = std::move(flip);
        if (!c.sigmas.empty())
            j["sigmas"] = c.sigmas;
    }
    return j;
}

std::string frameName(int frame)
{
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%06d", frame);
    return buf;
}

std::string safeName(std::string name, int videoId)
{
    for (char &ch : name)
        if (ch == '/' || ch == '\\' || ch == ':' || ch == '*' || ch == '?' || ch == '"' || ch == '<' || ch == '>'
            || ch == '|')
            ch = '_';
    if (name.empty() || name == "." || name == "..")
        name = "video" + std::to_string(videoId);
    return name;
}

/** One image entry to write: the frame it shows and its fields. */
struct OutImage
{
    int frame = 0;
    std::int64_t id = 0;
    std::string fileName;
    int width = 0, height = 0;
};

/**
 * Decodes \a frame of \a clip and writes it as a JPEG at \a path, atomically (a kill or a full disk never
 * leaves a truncated image under the name); sets the frame size. What it creates goes to \a created.
 */
bool writeFrameImage(FrameSource *source, int frame, const std::string &path, OutImage *img, CreatedPaths *created,
                     std::string *error)
{
    VideoFrame vf;
    if (!source->read(frame, &vf, error))
        return false;
    cv::Mat rgb(vf.height, vf.width, CV_8UC3, const_cast<char *>(vf.rgb.constData()), std::size_t(vf.width) * 3);
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<uchar> jpeg;
    bool ok = false;
    try {
        ok = cv::imencode(".jpg", bgr, jpeg, {cv::IMWRITE_JPEG_QUALITY, 95});
    } catch (const cv::Exception &) {
        ok = false;
    }
    if (!ok) {
        *error = path + ": " + tr("cannot encode the frame image");
        return false;
    }
    if (!makeFolders(detail::dirOf(path), &created->folders, error))
        return false;
    const bool existed = QFileInfo::exists(QString::fromStdString(path));
    if (!writeFileAtomically(path, std::string(jpeg.begin(), jpeg.end()), error))
        return false;
    if (!existed)
        created->files.push_back(path);
    img->width = vf.width;
    img->height = vf.height;
    return true;
}

bool isTrackerSource(Source s)
{
    return s == Source::Propagated || s == Source::Refined || s == Source::Interpolated;
}

/** A clip whose frames have no image files of their own (a video, or a folder clip that is gone). */
bool needsFrameImages(const Clip &clip)
{
    const QFileInfo fi(QString::fromStdString(clip.path));
    if (fi.isFile())
        return true;
    if (!clip.frameMeta.empty())
        return std::any_of(clip.frameMeta.begin(), clip.frameMeta.end(),
                           [](const FrameMeta &m) { return m.fileName.empty(); });
    return !fi.isDir();
}

} // namespace

ExportCounts countExport(const Project &project)
{
    ExportCounts n;
    for (const Clip &clip : project.clips) {
        if (clip.setAside) // a version the reviewer did not choose never goes out
            continue;
        const bool accepted = clip.review.state() == RoundState::Accepted;
        bool anyLabel = false;
        for (const auto &[frame, list] : clip.frames)
            for (const Instance &inst : list)
                for (const Keypoint &k : inst.keypoints) {
                    if (!k.isLabelled())
                        continue;
                    anyLabel = true;
                    if (k.source == Source::Approved)
                        ++n.approved;
                    else if (isUserLabel(k.source))
                        ++n.manual;
                    else if (accepted)
                        ++n.reviewed;
                    else
                        ++n.unreviewed;
                }
        if (anyLabel && needsFrameImages(clip))
            ++n.videoClips;
    }
    return n;
}

bool writeCocoFile(const Project &projectIn, const std::string &path, const CocoWriteOptions &options,
                   std::string *error)
{
    const std::string outDir = detail::dirOf(path);
    // Two versions of one clip (kept by paddock merge) would go out as two videos of the same frames.
    if (const std::string why = pendingVersionsMessage(projectIn); !why.empty()) {
        *error = path + ": " + why;
        return false;
    }
    Project chosenOnly;
    const Project &project = withoutSetAside(projectIn, &chosenOnly);
    // A failed export takes back the frame images and folders it created; the JSON is written last.
    CreatedPaths created;
    if (!makeFolders(outDir, &created.folders, error))
        return false;
    Json images = Json::array(), annotations = Json::array(), videos = Json::array(), categories = Json::array();
    for (const Category &c : project.categories)
        categories.push_back(categoryJson(c));

    // Ids from the source file are kept where they are unique; new ones follow the largest kept id.
    std::set<std::int64_t> keptImageIds, keptAnnIds;
    std::int64_t nextImageId = 1, nextAnnId = 1;
    for (const Clip &clip : project.clips) {
        for (const FrameMeta &m : clip.frameMeta)
            if (m.imageId > 0 && keptImageIds.insert(m.imageId).second)
                nextImageId = std::max(nextImageId, m.imageId + 1);
        for (const auto &[frame, list] : clip.frames)
            for (const Instance &inst : list)
                if (inst.annotationId > 0 && keptAnnIds.insert(inst.annotationId).second)
                    nextAnnId = std::max(nextAnnId, inst.annotationId + 1);
    }
    std::set<std::int64_t> usedImageIds, usedAnnIds;
    std::set<int> usedVideoIds;
    int nextVideoId = 1;
    for (const Clip &clip : project.clips)
        nextVideoId = std::max(nextVideoId, clip.videoId + 1);

    for (const Clip &clip : project.clips) {
        const int videoId = usedVideoIds.insert(clip.videoId).second ? clip.videoId : nextVideoId++;
        usedVideoIds.insert(videoId);
        const std::string clipName = safeName(clip.name, videoId);
        // A video clip (or a folder clip without per-frame file names): its labelled frames become images.
        const bool isVideo = QFileInfo(QString::fromStdString(clip.path)).isFile();
        const bool writeFrames = !options.frameDir.empty() && (clip.frameMeta.empty() || isVideo);
        const bool accepted = clip.review.state() == RoundState::Accepted;
        std::unique_ptr<FrameSource> source;
        if (writeFrames) {
            source = openClipFrames(clip, error);
            if (!source)
                return false;
        }
        const bool isFolder = QDir(QString::fromStdString(clip.path)).exists();
        const std::vector<std::string> folderFiles = isFolder && clip.frameMeta.empty()
            ? detail::listImageFiles(clip.path) : std::vector<std::string>();

        // Which frames get an image entry.
        std::set<int> frames;
        for (std::size_t f = 0; f < clip.frameMeta.size() && !writeFrames; ++f)
            if (!clip.frameMeta[f].fileName.empty() || clip.frameMeta[f].imageId != 0)
                frames.insert(int(f));
        for (const auto &[frame, list] : clip.frames)
            if (!list.empty())
                frames.insert(frame);
        if (options.aptv2 && !writeFrames && clip.frameMeta.empty())
            for (int f = 0; f < clip.effectiveFrameCount(); ++f)
                frames.insert(f);

        std::string videoFile = detail::relativeTo(outDir, clip.path);
        if (writeFrames)
            videoFile = detail::relativeTo(outDir, options.frameDir + "/" + clipName);
        for (int frame : frames) {
            OutImage img;
            img.frame = frame;
            const FrameMeta *meta = std::size_t(frame) < clip.frameMeta.size() ? &clip.frameMeta[std::size_t(frame)]
                                                                                : nullptr;
            if (meta && meta->imageId > 0 && !usedImageIds.count(meta->imageId))
                img.id = meta->imageId;
            else
                img.id = nextImageId++;
            usedImageIds.insert(img.id);
            img.width = meta && meta->width > 0 ? meta->width : clip.width;
            img.height = meta && meta->height > 0 ? meta->height : clip.height;
            if (meta && !meta->fileName.empty() && !writeFrames) {
                img.fileName = meta->fileName;
            } else if (writeFrames) {
                const std::string file = options.frameDir + "/" + clipName + "/" + frameName(frame) + ".jpg";
                if (!writeFrameImage(source.get(), frame, file, &img, &created, error))
                    return false;
                img.fileName = detail::relativeTo(outDir, file);
            } else if (std::size_t(frame) < folderFiles.size()) {
                img.fileName = videoFile + "/" + folderFiles[std::size_t(frame)];
            } else if (options.videoFrameRefs) {
                img.fileName = videoFile + "#" + frameName(frame); // Paddock's convention for video frames
            } else {
                *error = path + ": " + tr("clip") + " '" + clip.name + "' (" + clip.path + "): "
                    + tr("frame") + " " + std::to_string(frame) + " "
                    + tr("has no image file; COCO and APTv2 name image files, so write the frames as images "
                         "(a frames folder) to export this clip");
                return false;
            }
            Json ij = {{"id", img.id}, {"file_name", img.fileName}, {"width", img.width}, {"height", img.height}};
            if (options.aptv2 || options.extras)
                ij["frame_id"] = frame;
            if (options.aptv2)
                ij["video_id"] = videoId;
            images.push_back(std::move(ij));

            auto fit = clip.frames.find(frame);
            if (fit == clip.frames.end())
                continue;
            for (const Instance &inst : fit->second) {
                const Category *cat = project.category(inst.categoryId);
                const std::string where = path + ": " + tr("clip") + " '" + clip.name + "', " + tr("frame") + " "
                    + std::to_string(frame) + ", " + tr("track") + " " + std::to_string(inst.trackId) + ": ";
                if (!cat) {
                    *error = where + tr("category id") + " " + std::to_string(inst.categoryId) + " "
                        + tr("is not in the project");
                    return false;
                }
                if (inst.keypoints.size() != cat->keypoints.size()) {
                    *error = where + std::to_string(inst.keypoints.size()) + " " + tr("keypoints, but category") + " '"
                        + cat->name + "' " + tr("has") + " " + std::to_string(cat->keypoints.size());
                    return false;
                }
                Instance out = inst;
                for (Keypoint &k : out.keypoints) {
                    const bool tracker = isTrackerSource(k.source);
                    const bool unreviewed = tracker && !accepted;
                    const bool selected = !tracker || (accepted ? options.reviewed : options.propagated);
                    const bool keep = k.isLabelled() && selected && std::isfinite(k.x) && std::isfinite(k.y)
                        && detail::keypointOnImage(k, img.width, img.height);
                    if (!keep)
                        k = Keypoint();
                    else if (unreviewed && !options.unreviewedVisible && k.visibility == Visibility::Visible)
                        k.visibility = Visibility::Occluded; // v=1: a guess is not a confirmed visible point
                }
                if (!out.bbox)
                    out.bbox = boxFromKeypoints(out, img.width, img.height);
                if (!out.bbox) // nothing labelled and no box: mmpose would skip it anyway
                    continue;
                if (!out.area)
                    out.area = out.bbox->w * out.bbox->h;
                Json kps = Json::array(), scores = Json::array(), sources = Json::array();
                for (const Keypoint &k : out.keypoints) {
                    kps.push_back(k.isLabelled() ? k.x : 0.0);
                    kps.push_back(k.isLabelled() ? k.y : 0.0);
                    kps.push_back(int(k.visibility));
                    scores.push_back(detail::shortestDouble(k.isLabelled() ? k.score : 0.0f));
                    sources.push_back(sourceName(k.isLabelled() ? k.source : Source::None));
                }
                std::int64_t annId = out.annotationId;
                if (annId <= 0 || usedAnnIds.count(annId))
                    annId = nextAnnId++;
                usedAnnIds.insert(annId);
                Json aj = {{"id", annId},
                           {"image_id", img.id},
                           {"category_id", out.categoryId},
                           {"bbox", {out.bbox->x, out.bbox->y, out.bbox->w, out.bbox->h}},
                           {"area", *out.area},
                           {"iscrowd", out.iscrowd},
                           {"num_keypoints", out.labelledCount()},
                           {"keypoints", std::move(kps)}};
                if (options.aptv2)
                    aj["video_id"] = videoId;
                if (options.aptv2 || options.extras)
                    aj["track_id"] = out.trackId;
                if (options.extras) {
                    aj["keypoint_scores"] = std::move(scores);
                    aj["keypoint_sources"] = std::move(sources);
                }
                annotations.push_back(std::move(aj));
            }
        }
        if (options.aptv2) {
            Json vj = {{"id", videoId}, {"file_name", videoFile}, {"name", clip.name}};
            if (clip.frameCount > 0)
                vj["frame_count"] = clip.frameCount;
            if (clip.fps > 0)
                vj["fps"] = clip.fps;
            if (clip.width > 0 && clip.height > 0) {
                vj["width"] = clip.width;
                vj["height"] = clip.height;
            }
            videos.push_back(std::move(vj));
        }
    }
    Json root = Json::object();
    root["info"] = {{"description", options.aptv2 ? "APTv2-style keypoints exported by Paddock"
                                                  : "COCO keypoints exported by Paddock"}};
    if (options.aptv2)
        root["videos"] = std::move(videos);
    root["images"] = std::move(images);
    root["annotations"] = std::move(annotations);
    root["categories"] = std::move(categories);
    if (!writeFileAtomically(path, root.dump() + "\n", error))
        return false;
    created.keep();
    return true;
}

} // namespace paddock::core
