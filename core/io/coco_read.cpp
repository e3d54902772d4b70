// SPDX-License-Identifier: Apache-2.0
// Reading COCO keypoint JSON (AP-10K), APTv2/APT-36K and PoseTrack-style video fields.
#include "core/io/coco.h"

#include "core/io/coco_p.h"
#include "core/io/jsonutil_p.h"
#include "core/io/projectfile.h"
#include "core/video/imagefolder.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

namespace paddock::core {

using detail::Json;
using detail::tr;

namespace {

/** Collects problems: strict mode stops at the first, lenient mode lists them and goes on. */
struct Problems
{
    std::string file;
    bool lenient = false;
    ReadReport *report = nullptr;
    std::string first;

    /** Records \a what; returns true when reading may go on (lenient), false when it must stop. */
    bool add(const std::string &what)
    {
        const std::string line = file + ": " + what;
        if (first.empty())
            first = line;
        if (report)
            report->problems.push_back(line);
        return lenient;
    }
};

struct ImageRec
{
    std::int64_t id = 0;
    std::string fileName;
    int width = 0, height = 0;
    std::string videoKey; ///< empty: not part of a video
    std::optional<std::int64_t> frameId; ///< any integer frame_id (usable or not)
    std::string frameIdText;             ///< frame_id as written, when present
    int nframes = 0;
    std::size_t entry = 0;               ///< index in the file's images[]
    int annotations = 0;                 ///< annotations that refer to this image
    int frame = -1;                      ///< resolved frame index in its clip; -1: left out
};

/** "images[3] (id 7, 'a/b.jpg')" for messages. */
std::string describe(const ImageRec &img)
{
    return "images[" + std::to_string(img.entry) + "] (id " + std::to_string(img.id) + ", '" + img.fileName + "')";
}

/** "#N" at the end of a file name: Paddock's name for frame N of a video (clip.mp4#000010). */
std::optional<int> hashFrame(const std::string &fileName)
{
    const std::size_t hash = fileName.rfind('#');
    if (hash == std::string::npos || hash + 1 >= fileName.size() || fileName.size() - hash > 10
        || fileName.find_first_not_of("0123456789", hash + 1) != std::string::npos)
        return std::nullopt;
    return std::stoi(fileName.substr(hash + 1));
}

bool usableFrameId(const ImageRec &img)
{
    return img.frameId && *img.frameId >= 0 && *img.frameId < detail::kMaxFrameId;
}

struct VideoRec
{
    std::string key;
    int id = 0;
    std::string fileName, name;
    double fps = 0.0;
    int frameCount = 0, width = 0, height = 0;
    std::vector<std::size_t> images; ///< indices into the image list
};

std::string idOf(const Json &v)
{
    return v.is_string() ? v.get<std::string>() : v.dump();
}

bool readSkeleton(const Json &cj, const char *key, int count, bool oneBasedByDefault, const std::string &w,
                  std::vector<std::pair<int, int>> *out, std::string *why)
{
    auto it = cj.find(key);
    if (it == cj.end() || it->is_null())
        return true;
    if (!it->is_array()) {
        *why = w + ": '" + key + "' " + tr("is not a list of pairs");
        return false;
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> raw;
    bool hasZero = false, hasCount = false;
    for (const Json &p : *it) {
        std::int64_t a = 0, b = 0;
        if (!p.is_array() || p.size() != 2 || !detail::asInteger(p[0], &a) || !detail::asInteger(p[1], &b)) {
            *why = w + ": '" + key + "' " + tr("has an entry that is not a pair of indices") + ": " + p.dump();
            return false;
        }
        hasZero = hasZero || a == 0 || b == 0;
        hasCount = hasCount || a == count || b == count;
        raw.emplace_back(a, b);
    }
    // COCO skeletons are 1-based; some datasets (Animal Kingdom) write them 0-based, which shows as a 0.
    const int offset = oneBasedByDefault && !hasZero ? 1 : 0;
    for (const auto &[a, b] : raw) {
        if (a - offset < 0 || b - offset < 0 || a - offset >= count || b - offset >= count || (hasZero && hasCount)) {
            *why = w + ": '" + key + "' " + tr("refers to a keypoint that does not exist") + ": [" + std::to_string(a)
                + ", " + std::to_string(b) + "] " + tr("with") + " " + std::to_string(count) + " " + tr("keypoints");
            return false;
        }
        out->emplace_back(int(a - offset), int(b - offset));
    }
    return true;
}

bool readCategory(const Json &cj, const std::string &w, Category *c, std::string *why)
{
    if (!cj.is_object()) {
        *why = w + ": " + tr("not an object");
        return false;
    }
    if (!detail::getInt(cj, "id", w, &c->id, why) || !detail::getString(cj, "name", w, &c->name, why, false)
        || !detail::getString(cj, "supercategory", w, &c->supercategory, why, false))
        return false;
    auto kp = cj.find("keypoints");
    if (kp == cj.end() || !kp->is_array() || kp->empty()) {
        *why = w + ": " + tr("missing 'keypoints' (the keypoint names)");
        return false;
    }
    for (const Json &n : *kp) {
        if (!n.is_string()) {
            *why = w + ": " + tr("a keypoint name is not a string");
            return false;
        }
        c->keypoints.push_back(n.get<std::string>());
    }
    const int k = c->keypointCount();
    if (!readSkeleton(cj, "skeleton", k, true, w, &c->skeleton, why)
        || !readSkeleton(cj, "flip_pairs", k, false, w, &c->flipPairs, why))
        return false;
    const bool ap10k = c->keypoints == ap10kKeypointNames();
    if (!cj.contains("flip_pairs"))
        c->flipPairs = ap10k ? ap10kCategory(1).flipPairs : guessFlipPairs(c->keypoints);
    if (auto s = cj.find("sigmas"); s != cj.end() && s->is_array() && s->size() == std::size_t(k)
        && std::all_of(s->begin(), s->end(), [](const Json &v) { return v.is_number(); })) {
        for (const Json &v : *s)
            c->sigmas.push_back(v.get<double>());
    } else if (ap10k) {
        c->sigmas = ap10kCategory(1).sigmas;
    }
    return true;
}

/** Directory shared by all \a names (slash-separated), "" when they are in the top folder. */
std::string commonDir(const std::vector<std::string> &names)
{
    std::vector<std::string> common;
    bool first = true;
    for (const std::string &n : names) {
        std::vector<std::string> parts;
        std::size_t start = 0;
        for (std::size_t s; (s = n.find('/', start)) != std::string::npos; start = s + 1)
            parts.push_back(n.substr(start, s - start));
        if (first) {
            common = parts;
            first = false;
        } else {
            std::size_t i = 0;
            while (i < common.size() && i < parts.size() && common[i] == parts[i])
                ++i;
            common.resize(i);
        }
    }
    // An absolute name ("/data/clip1/0.jpg") starts with an empty part: its folder keeps the leading '/'.
    std::string out;
    for (std::size_t i = 0; i < common.size(); ++i)
        out += (i == 0 ? "" : "/") + common[i];
    return common.size() == 1 && common[0].empty() ? std::string("/") : out;
}

/** Keypoints of one annotation; false with \a why on the first bad value. */
bool readKeypoints(const Json &aj, const Category &cat, const ImageRec &img, std::vector<Keypoint> *out,
                   std::string *why)
{
    auto it = aj.find("keypoints");
    if (it == aj.end() || !it->is_array()) {
        *why = tr("missing 'keypoints'");
        return false;
    }
    const std::size_t k = cat.keypoints.size();
    if (it->size() != 3 * k) {
        *why = tr("has") + " " + std::to_string(it->size()) + " " + tr("keypoint values; category") + " "
            + std::to_string(cat.id) + " (" + cat.name + ") " + tr("needs") + " " + std::to_string(3 * k) + " ("
            + std::to_string(k) + " " + tr("keypoints x 3") + ")";
        return false;
    }
    const Json *scores = nullptr, *sources = nullptr;
    if (auto s = aj.find("keypoint_scores"); s != aj.end() && s->is_array() && s->size() == k)
        scores = &*s;
    if (auto s = aj.find("keypoint_sources"); s != aj.end() && s->is_array() && s->size() == k)
        sources = &*s;
    out->assign(k, Keypoint());
    for (std::size_t i = 0; i < k; ++i) {
        const Json &x = (*it)[3 * i], &y = (*it)[3 * i + 1], &v = (*it)[3 * i + 2];
        // Named only when something is wrong: a dataset has hundreds of thousands of keypoints.
        const auto which = [&] { return tr("keypoint") + " " + std::to_string(i + 1) + " (" + cat.keypoints[i] + ")"; };
        if (!x.is_number() || !y.is_number() || !v.is_number()) {
            *why = which() + ": " + tr("value is not a number");
            return false;
        }
        const double xv = x.get<double>(), yv = y.get<double>(), vv = v.get<double>();
        if (!std::isfinite(xv) || !std::isfinite(yv) || !std::isfinite(vv)) {
            *why = which() + ": " + tr("coordinate is NaN or infinite");
            return false;
        }
        if (vv != 0.0 && vv != 1.0 && vv != 2.0) {
            *why = which() + ": " + tr("visibility must be 0, 1 or 2, not") + " " + v.dump();
            return false;
        }
        Keypoint &kp = (*out)[i];
        if (vv == 0.0)
            continue; // unlabelled: 0,0,0 in COCO, -1,-1,0 in Animal Kingdom
        kp.x = xv;
        kp.y = yv;
        kp.visibility = vv == 2.0 ? Visibility::Visible : Visibility::Occluded;
        if (!detail::keypointOnImage(kp, img.width, img.height)) {
            *why = which() + ": (" + x.dump() + ", " + y.dump() + ") " + tr("is outside the image") + " ("
                + std::to_string(img.width) + "x" + std::to_string(img.height) + ")";
            return false;
        }
        kp.source = Source::Imported;
        kp.score = 1.0f;
        if (sources && (*sources)[i].is_string())
            if (auto s = sourceFromName((*sources)[i].get<std::string>()); s && *s != Source::None)
                kp.source = *s;
        if (scores && (*scores)[i].is_number())
            kp.score = static_cast<float>((*scores)[i].get<double>());
    }
    return true;
}

/**
 * Gives every image of one video (\a video: indices into \a images) its frame index in the clip, so that every
 * label keeps the frame it was made on. The first rule that any image of the video follows is used for all:
 *  1. images[].frame_id, 0 <= frame_id < kMaxFrameId;
 *  2. the image's file name in the clip folder \a folderFiles (natural order), or a "#N" suffix;
 *  3. frame ids too large to be frame indices (PoseTrack's global ids): frame_id - the smallest, gaps kept;
 *  4. nothing to go by: the order of image ids.
 * An image that does not follow the rule, or that repeats another image's frame, is left out (frame -1) with a
 * note when it has no annotations; with annotations it is a problem naming the entry (the file is refused in
 * strict mode; lenient mode leaves it out with its annotations). Returns false when reading must stop.
 */
bool assignFrames(std::vector<ImageRec> &images, const std::vector<std::size_t> &video,
                  const std::vector<std::string> &folderFiles, const std::string &videoName, Problems &problems,
                  std::vector<std::string> *notes)
{
    const auto byFrameId = std::any_of(video.begin(), video.end(), [&](std::size_t i) { return usableFrameId(images[i]); });
    std::unordered_map<std::string, int> position;
    for (std::size_t f = 0; f < folderFiles.size(); ++f)
        position.emplace(folderFiles[f], int(f));
    auto byName = [&](const ImageRec &img) -> std::optional<int> {
        if (auto it = position.find(detail::baseName(img.fileName)); it != position.end())
            return it->second;
        return hashFrame(img.fileName);
    };
    const bool byNames = !byFrameId && std::any_of(video.begin(), video.end(), [&](std::size_t i) { return byName(images[i]).has_value(); });
    std::int64_t smallest = INT64_MAX;
    bool byGlobalIds = !byFrameId && !byNames;
    for (std::size_t i : video) {
        byGlobalIds = byGlobalIds && images[i].frameId && *images[i].frameId >= 0;
        if (images[i].frameId)
            smallest = std::min(smallest, *images[i].frameId);
    }
    if (byGlobalIds)
        for (std::size_t i : video)
            byGlobalIds = byGlobalIds && *images[i].frameId - smallest < detail::kMaxFrameId;
    const std::string rule = byFrameId ? tr("the other images of") + " " + videoName + " " + tr("have a frame_id")
        : byNames ? tr("the other images of") + " " + videoName + " " + tr("are found by file name in the clip folder")
                  : std::string();

    auto leaveOut = [&](ImageRec &img, const std::string &why) {
        img.frame = -1;
        if (img.annotations == 0) {
            notes->push_back(problems.file + ": " + describe(img) + ": " + why + "; " + tr("it has no annotations, so it is left out"));
            return true;
        }
        return problems.add(describe(img) + ": " + why + ": " + tr("cannot tell which frame its") + " "
                            + std::to_string(img.annotations) + " " + tr("annotation(s) belong to") + " ("
                            + tr("lenient mode leaves it out with them") + ")");
    };
    std::map<int, std::size_t> owner; // frame -> image
    for (std::size_t n = 0; n < video.size(); ++n) {
        ImageRec &img = images[video[n]];
        std::optional<int> frame;
        std::string why;
        if (byFrameId) {
            if (usableFrameId(img))
                frame = int(*img.frameId);
            else
                why = (img.frameIdText.empty() ? tr("has no frame_id") : "frame_id " + img.frameIdText + " " + tr("is not a frame index"))
                    + ", " + tr("while") + " " + rule;
        } else if (byNames) {
            frame = byName(img);
            if (!frame)
                why = tr("is not in the clip folder") + ", " + tr("while") + " " + rule;
        } else if (byGlobalIds) {
            frame = int(*img.frameId - smallest);
        } else {
            frame = int(n); // video is in image id order
        }
        if (!frame) {
            if (!leaveOut(img, why))
                return false;
            continue;
        }
        auto [it, added] = owner.emplace(*frame, video[n]);
        if (!added) {
            ImageRec &other = images[it->second];
            const std::string same = tr("shows frame") + " " + std::to_string(*frame) + " " + tr("of") + " " + videoName
                + ", " + tr("as");
            if (img.annotations > 0 && other.annotations == 0) { // the labelled one keeps the frame
                other.frame = -1;
                notes->push_back(problems.file + ": " + describe(other) + ": " + same + " " + describe(img) + " "
                                 + tr("does") + "; " + tr("it has no annotations, so it is left out"));
                it->second = video[n];
            } else {
                if (!leaveOut(img, same + " " + describe(other) + " " + tr("does") + " ("
                                       + tr("merged files? give each frame one image entry") + ")"))
                    return false;
                continue;
            }
        }
        img.frame = *frame;
    }
    if (!byFrameId && !byNames && !byGlobalIds && video.size() > 1 && !folderFiles.empty())
        notes->push_back(problems.file + ": " + videoName + ": " + tr("no frame_id and no file name found in the clip folder: frames follow the order of image ids"));
    if (byGlobalIds && smallest > 0 && video.size() > 1)
        notes->push_back(problems.file + ": " + videoName + ": " + tr("frame_id values are global ids; frame 0 is frame_id") + " "
                         + std::to_string(smallest));
    return true;
}

/**
 * Whether the images of folder clip \a clip, listed in \a folderFiles (natural order), are its frames: every
 * frame the file names is the folder's image at that position, in that folder, and a clip that names every one
 * of its frames has no more images in the folder (those would be other clips' frames; a clip that names only
 * some frames, say the labelled ones, takes the folder's images between them).
 */
bool folderMatches(const Clip &clip, const std::vector<std::string> &folderFiles, const std::string &imageRoot)
{
    const bool complete = std::none_of(clip.frameMeta.begin(), clip.frameMeta.end(),
                                       [](const FrameMeta &m) { return m.fileName.empty(); });
    if (complete && folderFiles.size() > clip.frameMeta.size())
        return false;
    const std::string folder = QDir::cleanPath(QString::fromStdString(clip.path)).toStdString();
    for (std::size_t f = 0; f < clip.frameMeta.size(); ++f) {
        const std::string &name = clip.frameMeta[f].fileName;
        if (name.empty())
            continue;
        if (f >= folderFiles.size() || folderFiles[f] != detail::baseName(name))
            return false;
        const std::string file = detail::absoluteFrom(imageRoot, name); // absolute and clean: its folder ends at the last '/'
        const std::size_t slash = file.rfind('/');
        const std::size_t dirLength = slash == 0 ? 1 : slash; // "/a.jpg" lies in "/"
        if (slash == std::string::npos || dirLength != folder.size() || file.compare(0, dirLength, folder) != 0)
            return false;
    }
    return true;
}

/** Whether \a name is one of \a files (sorted by naturalFileNameLess), exactly. */
bool inListing(const std::vector<std::string> &files, const std::string &name)
{
    for (auto it = std::lower_bound(files.begin(), files.end(), name, naturalFileNameLess);
         it != files.end() && !naturalFileNameLess(name, *it); ++it)
        if (*it == name)
            return true;
    return false;
}

/** What an open needs to know of a clip's folder: whether it is one, and (when asked) its frame images. */
struct FolderProbe
{
    bool isDir = false;
    bool listed = false;
    std::vector<std::string> files; ///< detail::listImageFiles, natural order
};

/**
 * Probes the folders \a paths (listing those \a list says) on several threads: on a dataset of thousands of
 * clips these are thousands of directory reads, each a disk seek when the cache is cold, and the disk serves
 * several at once. Results in the order of \a paths.
 */
std::vector<FolderProbe> probeFolders(const std::vector<std::string> &paths, const std::vector<char> &list)
{
    std::vector<FolderProbe> probes(paths.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < paths.size();) {
            FolderProbe &p = probes[i];
            p.isDir = QFileInfo(QString::fromStdString(paths[i])).isDir();
            if (p.isDir && list[i]) {
                p.files = detail::listImageFiles(paths[i]);
                p.listed = true;
            }
        }
    };
    const std::size_t threads = paths.size() < 64 ? 1 : std::min<std::size_t>(8, paths.size() / 32);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    return probes;
}

/** One note per section listing the fields of images, annotations and categories that Paddock does not keep. */
void noteUnreadFields(const Json &root, const std::string &file, std::vector<std::string> *notes)
{
    static const std::map<std::string, std::set<std::string>> kRead = {
        {"images", {"id", "file_name", "width", "height", "frame_id", "video_id", "vid_id", "nframes"}},
        {"annotations", {"id", "image_id", "category_id", "keypoints", "bbox", "area", "iscrowd", "num_keypoints",
                         "track_id", "video_id", "keypoint_scores", "keypoint_sources"}},
        {"categories", {"id", "name", "supercategory", "keypoints", "skeleton", "flip_pairs", "sigmas"}}};
    for (const auto &[section, known] : kRead) {
        auto list = root.find(section);
        if (list == root.end() || !list->is_array())
            continue;
        std::set<std::string> unread;
        for (const Json &item : *list)
            if (item.is_object())
                for (auto it = item.begin(); it != item.end(); ++it)
                    if (!known.count(it.key()) && unread.size() < 20)
                        unread.insert(it.key());
        if (unread.empty())
            continue;
        std::string names;
        for (const std::string &n : unread)
            names += (names.empty() ? "" : ", ") + n;
        notes->push_back(file + ": " + section + ": " + tr("fields Paddock does not read (not kept on export)") + ": "
                         + names);
    }
}

} // namespace

std::optional<Project> readCocoFile(const std::string &path, std::string *error, ReadReport *report, bool lenient)
{
    std::string text;
    if (!readWholeFile(path, &text, error))
        return std::nullopt;
    return readCocoJson(text, path, error, report, lenient);
}

std::optional<Project> readCocoJson(const std::string &text, const std::string &nameForMessages,
                                    std::string *error, ReadReport *report, bool lenient)
{
    std::string local;
    std::string *err = error ? error : &local;
    Json root;
    if (!detail::parseJson(text, nameForMessages, &root, err))
        return std::nullopt;
    Problems problems{nameForMessages, lenient, report, {}};
    auto stop = [&]() -> std::optional<Project> {
        *err = problems.first;
        return std::nullopt;
    };
    if (!root.is_object())
        return (problems.add(tr("not a COCO file: the top level is not an object")), stop());
    for (const char *key : {"images", "categories"})
        if (!root.contains(key) || !root[key].is_array())
            return (problems.add(tr("not a COCO keypoint file: missing") + " '" + key + "' " + tr("list")), stop());
    const std::string baseDir = detail::dirOf(nameForMessages);
    std::string why;

    // Categories.
    Project project;
    const Json &cats = root["categories"];
    for (std::size_t i = 0; i < cats.size(); ++i) {
        Category c;
        const std::string w = "categories[" + std::to_string(i) + "]";
        if (!readCategory(cats[i], w, &c, &why)) {
            if (!problems.add(why))
                return stop();
            continue;
        }
        if (project.category(c.id)) {
            if (!problems.add(w + ": " + tr("duplicate category id") + " " + std::to_string(c.id)))
                return stop();
            continue;
        }
        project.categories.push_back(std::move(c));
    }

    // Videos (optional, PoseTrack/Paddock style) and images.
    std::map<std::string, VideoRec> videos;
    std::set<int> usedVideoIds;
    auto videoFor = [&](const std::string &key) -> VideoRec & {
        VideoRec &v = videos[key];
        v.key = key;
        return v;
    };
    if (auto vl = root.find("videos"); vl != root.end() && vl->is_array()) {
        for (std::size_t i = 0; i < vl->size(); ++i) {
            const Json &vj = (*vl)[i];
            const std::string w = "videos[" + std::to_string(i) + "]";
            if (!vj.is_object() || !vj.contains("id")) {
                if (!problems.add(w + ": " + tr("missing 'id'")))
                    return stop();
                continue;
            }
            VideoRec &v = videoFor(idOf(vj["id"]));
            if (!detail::getString(vj, "file_name", w, &v.fileName, &why, false)
                || !detail::getString(vj, "name", w, &v.name, &why, false)
                || !detail::getDouble(vj, "fps", w, &v.fps, &why, false)
                || !detail::getInt(vj, "frame_count", w, &v.frameCount, &why, false)
                || !detail::getInt(vj, "width", w, &v.width, &why, false)
                || !detail::getInt(vj, "height", w, &v.height, &why, false)) {
                if (!problems.add(why))
                    return stop();
            }
            v.fileName = detail::toSlashes(v.fileName);
        }
    }
    std::vector<ImageRec> images;
    std::unordered_map<std::int64_t, std::size_t> imageIndex;
    const Json &imgs = root["images"];
    for (std::size_t i = 0; i < imgs.size(); ++i) {
        const Json &ij = imgs[i];
        const std::string w = "images[" + std::to_string(i) + "]";
        ImageRec img;
        if (!ij.is_object() || !detail::getInt(ij, "id", w, &img.id, &why)
            || !detail::getString(ij, "file_name", w, &img.fileName, &why)
            || !detail::getInt(ij, "width", w, &img.width, &why) || !detail::getInt(ij, "height", w, &img.height, &why)
            || !detail::getInt(ij, "nframes", w, &img.nframes, &why, false)) {
            if (!problems.add(ij.is_object() ? why : w + ": " + tr("not an object")))
                return stop();
            continue;
        }
        if (img.width < 0 || img.height < 0) {
            if (!problems.add(w + " (id " + std::to_string(img.id) + "): " + tr("negative width or height")))
                return stop();
            continue;
        }
        if (imageIndex.count(img.id)) {
            if (!problems.add(w + ": " + tr("duplicate image id") + " " + std::to_string(img.id)))
                return stop();
            continue;
        }
        img.fileName = detail::toSlashes(img.fileName);
        for (const char *key : {"video_id", "vid_id"})
            if (ij.contains(key) && !ij[key].is_null())
                img.videoKey = idOf(ij[key]);
        if (ij.contains("frame_id") && !ij["frame_id"].is_null()) {
            std::int64_t f = 0;
            if (detail::asInteger(ij["frame_id"], &f))
                img.frameId = f;
            img.frameIdText = ij["frame_id"].dump();
        }
        img.entry = i;
        imageIndex[img.id] = images.size();
        images.push_back(std::move(img));
    }

    // Which images have annotations (an image that cannot be placed on a frame matters only then).
    if (auto al = root.find("annotations"); al != root.end() && al->is_array())
        for (const Json &aj : *al) {
            std::int64_t imageId = 0;
            if (aj.is_object() && aj.contains("image_id") && detail::asInteger(aj["image_id"], &imageId))
                if (auto it = imageIndex.find(imageId); it != imageIndex.end())
                    ++images[it->second].annotations;
        }

    // Group images into clips; video ids are integers in the model (string ids are numbered).
    for (std::size_t i = 0; i < images.size(); ++i)
        videoFor(images[i].videoKey).images.push_back(i);
    for (auto &[key, v] : videos) {
        std::int64_t id = 0;
        if (!key.empty() && key.find_first_not_of("0123456789") == std::string::npos && key.size() < 10) {
            id = std::stoll(key);
            if (id > 0 && !usedVideoIds.count(int(id)))
                v.id = int(id);
        }
        if (v.id)
            usedVideoIds.insert(v.id);
    }
    int nextVideoId = usedVideoIds.empty() ? 1 : *usedVideoIds.rbegin() + 1;
    for (auto &[key, v] : videos)
        if (!v.id)
            v.id = nextVideoId++;

    // Images are relative to the dataset's image folder: beside the JSON, or where datasets usually keep them.
    std::string imageRoot = baseDir;
    if (!images.empty()) {
        for (const char *candidate : {".", "..", "data", "../data", "images", "../images"}) {
            const std::string root = detail::absoluteFrom(baseDir, candidate);
            if (QFileInfo::exists(QString::fromStdString(detail::absoluteFrom(root, images.front().fileName)))) {
                imageRoot = root;
                break;
            }
        }
    }
    std::map<int, Clip> clipsById;
    std::vector<std::string> ignoredNotes;
    // The clip's video file or folder: videos[].file_name, Paddock's names for the frames of a video
    // ("clip.mp4#000010"), else the folder its images share.
    auto clipPathOf = [&](const VideoRec &v, const std::vector<std::string> &names, std::string *folder) {
        *folder = commonDir(names);
        if (!v.fileName.empty())
            return detail::absoluteFrom(baseDir, v.fileName);
        std::string hashVideo;
        for (const std::string &n : names) {
            const std::string prefix = hashFrame(n) ? n.substr(0, n.rfind('#')) : std::string();
            hashVideo = prefix.empty() || (!hashVideo.empty() && prefix != hashVideo) ? std::string("\n") : prefix;
            if (hashVideo == "\n")
                break;
        }
        if (hashVideo != "\n" && !hashVideo.empty())
            return detail::absoluteFrom(imageRoot, hashVideo);
        return detail::absoluteFrom(imageRoot, folder->empty() ? "." : *folder);
    };
    std::map<std::string, int> clipsPerPath; // a folder that several clips' images share is no one clip's frames
    std::vector<std::string> clipPaths, clipFolders; // per video with images, in the order of `videos`
    for (auto &[key, v] : videos) {
        if (v.images.empty())
            continue;
        std::sort(v.images.begin(), v.images.end(),
                  [&](std::size_t a, std::size_t b) { return images[a].id < images[b].id; });
        std::vector<std::string> names;
        names.reserve(v.images.size());
        for (std::size_t i : v.images)
            names.push_back(images[i].fileName);
        std::string folder;
        clipPaths.push_back(clipPathOf(v, names, &folder));
        clipFolders.push_back(std::move(folder));
        ++clipsPerPath[clipPaths.back()];
    }
    // The file system, all clips at once: is the clip's path a folder, and what images does it hold (a folder
    // of its own only: a shared folder's clip is its own images, found by name).
    std::vector<char> listFolder(clipPaths.size());
    for (std::size_t c = 0; c < clipPaths.size(); ++c)
        listFolder[c] = clipsPerPath[clipPaths[c]] == 1;
    const std::vector<FolderProbe> probes = probeFolders(clipPaths, listFolder);
    std::size_t clipIndex = 0;
    for (auto &[key, v] : videos) {
        if (v.images.empty())
            continue;
        const std::size_t c = clipIndex++;
        std::vector<std::string> names;
        names.reserve(v.images.size());
        for (std::size_t i : v.images)
            names.push_back(images[i].fileName);
        Clip clip;
        clip.videoId = v.id;
        const std::string &folder = clipFolders[c];
        clip.path = clipPaths[c];
        clip.name = !v.name.empty() ? v.name
            : !v.fileName.empty()   ? QFileInfo(QString::fromStdString(v.fileName)).completeBaseName().toStdString()
            : key.empty()           ? QFileInfo(QString::fromStdString(nameForMessages)).completeBaseName().toStdString()
            : !folder.empty()       ? detail::baseName(folder)
                                    : "video " + key;
        const bool folderClip = probes[c].isDir;
        const bool sharedFolder = folderClip && clipsPerPath[clip.path] > 1;
        if (clipsPerPath[clip.path] > 1 && v.name.empty() && !key.empty())
            clip.name = "video " + key; // the shared folder's name says nothing about the clip
        std::vector<std::string> files;
        if (sharedFolder) {
            // Its own images are the clip: without frame_id they are found by name among them (natural order).
            for (const std::string &n : names)
                files.push_back(detail::baseName(n));
            std::sort(files.begin(), files.end(), naturalFileNameLess);
            files.erase(std::unique(files.begin(), files.end()), files.end());
        } else if (folderClip) {
            files = probes[c].files;
        }
        if (!assignFrames(images, v.images, files, key.empty() ? tr("the image list") : tr("video") + " " + key, problems,
                          report ? &report->notes : &ignoredNotes))
            return stop();
        int listed = int(files.size());
        v.images.erase(std::remove_if(v.images.begin(), v.images.end(), [&](std::size_t i) { return images[i].frame < 0; }),
                       v.images.end());
        if (v.images.empty())
            continue;
        int frames = 0, w = images[v.images.front()].width, h = images[v.images.front()].height;
        for (std::size_t i : v.images) {
            frames = std::max(frames, images[i].frame + 1);
            clip.frameCount = std::max(clip.frameCount, images[i].nframes);
            if (images[i].width != w || images[i].height != h)
                w = h = 0;
        }
        clip.frameMeta.resize(std::size_t(frames));
        for (std::size_t i : v.images)
            clip.frameMeta[std::size_t(images[i].frame)] =
                FrameMeta{images[i].fileName, images[i].id, images[i].width, images[i].height};
        // A folder clip is its folder's images in natural order. When those are not the frames the file names
        // (the folder holds other clips' frames too, or the images lie in several folders), the clip is the
        // list of its own image files instead, so that frame k shows the image the file says.
        // (Only when its images are there: a file read without them keeps its folder clip, as before.)
        // An image the folder's listing holds is there (no stat); any other is looked for.
        const QString clipFolder = QDir::cleanPath(QString::fromStdString(clip.path));
        const bool imagesThere = std::any_of(clip.frameMeta.begin(), clip.frameMeta.end(), [&](const FrameMeta &m) {
            if (m.fileName.empty())
                return false;
            const QString file = QString::fromStdString(detail::absoluteFrom(imageRoot, m.fileName));
            if (probes[c].listed && QFileInfo(file).absolutePath() == clipFolder
                && inListing(files, detail::baseName(m.fileName)))
                return true;
            return QFileInfo::exists(file);
        });
        if (folderClip && imagesThere && (sharedFolder || !folderMatches(clip, files, imageRoot))) {
            clip.imageRoot = imageRoot;
            listed = 0;
        }
        clip.frameCount = std::max({clip.frameCount, frames, listed, v.frameCount});
        clip.width = v.width ? v.width : w;
        clip.height = v.height ? v.height : h;
        clip.fps = v.fps;
        clipsById.emplace(clip.videoId, std::move(clip));
    }

    // Annotations, grouped by image in file order.
    std::set<std::int64_t> annotationIds;
    std::vector<std::vector<std::pair<Instance, bool>>> perImage(images.size()); // bool: had a track_id
    static const Json kNoAnnotations = Json::array();
    const Json &annotations = root.contains("annotations") ? root["annotations"] : kNoAnnotations;
    if (!annotations.is_array())
        return (problems.add(tr("'annotations' is not a list")), stop());
    for (std::size_t i = 0; i < annotations.size(); ++i) {
        const Json &aj = annotations[i];
        std::string w = "annotations[" + std::to_string(i) + "]";
        Instance inst;
        std::int64_t imageId = 0;
        if (!aj.is_object() || !detail::getInt(aj, "id", w, &inst.annotationId, &why)) {
            if (!problems.add(aj.is_object() ? why : w + ": " + tr("not an object")))
                return stop();
            continue;
        }
        w += " (id " + std::to_string(inst.annotationId) + ")";
        if (!detail::getInt(aj, "image_id", w, &imageId, &why) || !detail::getInt(aj, "category_id", w, &inst.categoryId, &why)) {
            if (!problems.add(why))
                return stop();
            continue;
        }
        if (!annotationIds.insert(inst.annotationId).second) {
            if (!problems.add(w + ": " + tr("duplicate annotation id")))
                return stop();
            continue;
        }
        auto imgIt = imageIndex.find(imageId);
        if (imgIt == imageIndex.end()) {
            if (!problems.add(w + ": " + tr("unknown image id") + " " + std::to_string(imageId) + " "
                              + tr("(no such image in 'images')")))
                return stop();
            continue;
        }
        const Category *cat = project.category(inst.categoryId);
        const bool oneSkeleton = !project.categories.empty()
            && std::all_of(project.categories.begin(), project.categories.end(), [&](const Category &c) {
                   return c.keypoints == project.categories.front().keypoints;
               });
        // Categories that are classes of one skeleton (Animal Kingdom lists some of its classes and uses
        // others): an unlisted class gets that skeleton. With one listed category an unknown id is an error.
        if (!cat && oneSkeleton && (lenient || project.categories.size() > 1)) {
            Category added = project.categories.front();
            added.id = inst.categoryId;
            added.name = "category " + std::to_string(inst.categoryId);
            for (const char *key : {"animal_parent_class", "animal_class"})
                if (auto n = aj.find(key); n != aj.end() && n->is_string() && !n->get<std::string>().empty()) {
                    added.name = n->get<std::string>();
                    break;
                }
            const std::string line = w + ": " + tr("unknown category id") + " " + std::to_string(inst.categoryId)
                + "; " + tr("added it as") + " '" + added.name + "' " + tr("with the skeleton all") + " "
                + std::to_string(project.categories.size()) + " " + tr("listed categories share");
            if (project.categories.size() > 1 && report)
                report->notes.push_back(nameForMessages + ": " + line);
            else if (project.categories.size() == 1)
                problems.add(line);
            cat = &project.ensureCategory(added);
        }
        if (!cat) {
            if (!problems.add(w + ": " + tr("unknown category id") + " " + std::to_string(inst.categoryId) + " "
                              + tr("(no such category in 'categories')")))
                return stop();
            continue;
        }
        const ImageRec &img = images[imgIt->second];
        if (img.frame < 0)
            continue; // left out with its image (reported there)
        if (!readKeypoints(aj, *cat, img, &inst.keypoints, &why)) {
            if (!problems.add(w + " " + tr("on image") + " " + std::to_string(img.id) + " (" + img.fileName + "): " + why))
                return stop();
            continue;
        }
        if (auto b = aj.find("bbox"); b != aj.end() && !b->is_null()) {
            if (!b->is_array() || b->size() != 4
                || !std::all_of(b->begin(), b->end(),
                                [](const Json &v) { return v.is_number() && std::isfinite(v.get<double>()); })) {
                if (!problems.add(w + ": " + tr("'bbox' is not four finite numbers [x, y, w, h]")))
                    return stop();
                continue;
            }
            inst.bbox = Box{(*b)[0].get<double>(), (*b)[1].get<double>(), (*b)[2].get<double>(), (*b)[3].get<double>()};
        }
        if (aj.contains("area") && !aj["area"].is_null()) {
            double a = 0;
            if (!detail::getDouble(aj, "area", w, &a, &why)) {
                if (!problems.add(why))
                    return stop();
                continue;
            }
            inst.area = a;
        }
        if (auto c = aj.find("iscrowd"); c != aj.end())
            inst.iscrowd = c->is_boolean() ? int(c->get<bool>()) : c->is_number() ? c->get<int>() : 0;
        bool hasTrack = false;
        if (auto t = aj.find("track_id"); t != aj.end() && !t->is_null()) {
            std::int64_t id = 0;
            if (!detail::asInteger(*t, &id) || id < INT32_MIN || id > INT32_MAX) {
                if (!problems.add(w + ": " + tr("'track_id' is not an integer")))
                    return stop();
                continue;
            }
            inst.trackId = int(id);
            hasTrack = true;
            for (const auto &[other, had] : perImage[imgIt->second]) {
                if (had && other.trackId == inst.trackId) {
                    if (!problems.add(w + ": " + tr("track_id") + " " + std::to_string(id) + " "
                                      + tr("appears twice on image") + " " + std::to_string(img.id)))
                        return stop();
                    hasTrack = false;
                    break;
                }
            }
            if (!hasTrack)
                continue;
        }
        perImage[imgIt->second].emplace_back(std::move(inst), hasTrack);
    }

    // Place the instances; animals without a track_id are numbered by their order on the frame.
    std::vector<std::size_t> order(images.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return images[a].frame < images[b].frame || (images[a].frame == images[b].frame && images[a].id < images[b].id);
    });
    for (std::size_t i : order) {
        if (images[i].frame < 0)
            continue;
        Clip &clip = clipsById[videos[images[i].videoKey].id];
        std::set<int> used;
        for (const auto &[inst, had] : perImage[i])
            if (had)
                used.insert(inst.trackId);
        int next = 1;
        for (auto &[inst, had] : perImage[i]) {
            if (!had) {
                while (used.count(next))
                    ++next;
                inst.trackId = next;
                used.insert(next);
            }
            clip.setInstance(images[i].frame, inst);
        }
    }
    for (auto &[id, clip] : clipsById)
        project.clips.push_back(std::move(clip));
    if (report) {
        noteUnreadFields(root, nameForMessages, &report->notes);
        bool any1 = false, any2 = false;
        for (const Clip &clip : project.clips)
            for (const auto &[frame, list] : clip.frames)
                for (const Instance &inst : list)
                    for (const Keypoint &k : inst.keypoints) {
                        any1 = any1 || k.visibility == Visibility::Occluded;
                        any2 = any2 || k.visibility == Visibility::Visible;
                    }
        if (any1 && !any2)
            report->notes.push_back(nameForMessages + ": " + tr("every labelled keypoint has visibility 1 (labelled, not visible)")
                                    + "; " + tr("some datasets (Animal Kingdom, PoseTrack) write 1 for every labelled point, so this file may not tell visible from occluded: read as written"));
    }
    // The image-list clip (no video id) has the highest id, so it comes last.
    if (!problems.first.empty() && !lenient)
        return stop();
    return project;
}

} // namespace paddock::core
