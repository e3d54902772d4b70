// SPDX-License-Identifier: Apache-2.0
// The .paddock project file: versioned JSON, documented in docs/project-format.md.
#include "core/io/projectfile.h"

#include "core/io/jsonutil_p.h"

#include <QString>

#include <algorithm>

namespace paddock::core {

using detail::Json;
using detail::tr;

namespace {

constexpr const char *kFormatName = "paddock-project";

Json pairsToJson(const std::vector<std::pair<int, int>> &pairs)
{
    Json out = Json::array();
    for (const auto &[a, b] : pairs)
        out.push_back({a, b});
    return out;
}

bool pairsFromJson(const Json &obj, const char *key, const std::string &where, int count,
                   std::vector<std::pair<int, int>> *out, std::string *error)
{
    out->clear();
    auto it = obj.find(key);
    if (it == obj.end())
        return true;
    if (!it->is_array()) {
        *error = where + ": '" + key + "' " + tr("is not an array");
        return false;
    }
    for (const Json &p : *it) {
        std::int64_t a = 0, b = 0;
        if (!p.is_array() || p.size() != 2 || !detail::asInteger(p[0], &a) || !detail::asInteger(p[1], &b)
            || a < 0 || b < 0 || a >= count || b >= count) {
            *error = where + ": '" + key + "' " + tr("has a pair that is not two keypoint indices") + " (0.."
                + std::to_string(count - 1) + "): " + p.dump();
            return false;
        }
        out->emplace_back(int(a), int(b));
    }
    return true;
}

} // namespace

namespace detail {

Json categoryToJson(const Category &c)
{
    Json j = {{"id", c.id},
              {"name", c.name},
              {"supercategory", c.supercategory},
              {"keypoints", c.keypoints},
              {"skeleton", pairsToJson(c.skeleton)},
              {"flipPairs", pairsToJson(c.flipPairs)}};
    if (!c.sigmas.empty())
        j["sigmas"] = c.sigmas;
    return j;
}

bool categoryFromJson(const Json &j, const std::string &w, Category *c, std::string *error)
{
    if (!detail::getInt(j, "id", w, &c->id, error) || !detail::getString(j, "name", w, &c->name, error)
        || !detail::getString(j, "supercategory", w, &c->supercategory, error, false))
        return false;
    auto kp = j.find("keypoints");
    if (kp == j.end() || !kp->is_array()) {
        *error = w + ": " + tr("missing 'keypoints' (the keypoint names)");
        return false;
    }
    for (const Json &n : *kp) {
        if (!n.is_string()) {
            *error = w + ": " + tr("a keypoint name is not a string");
            return false;
        }
        c->keypoints.push_back(n.get<std::string>());
    }
    if (!pairsFromJson(j, "skeleton", w, c->keypointCount(), &c->skeleton, error)
        || !pairsFromJson(j, "flipPairs", w, c->keypointCount(), &c->flipPairs, error))
        return false;
    if (auto s = j.find("sigmas"); s != j.end()) {
        if (!s->is_array() || s->size() != c->keypoints.size()) {
            *error = w + ": " + tr("'sigmas' does not have one value per keypoint");
            return false;
        }
        for (const Json &v : *s) {
            if (!v.is_number()) {
                *error = w + ": " + tr("a sigma is not a number");
                return false;
            }
            c->sigmas.push_back(v.get<double>());
        }
    }
    return true;
}

Json clipToJson(const Clip &clip, const std::string &projectDir)
{
    Json j = {{"name", clip.name},
              {"path", detail::relativeTo(projectDir, clip.path)},
              {"videoId", clip.videoId},
              {"frameCount", clip.frameCount},
              {"width", clip.width},
              {"height", clip.height},
              {"fps", clip.fps}};
    if (clip.isImageList())
        j["imageRoot"] = detail::relativeTo(projectDir, clip.imageRoot);
    if (!clip.origin.empty())
        j["origin"] = clip.origin;
    if (clip.setAside)
        j["setAside"] = true;
    if (!clip.frameMeta.empty()) {
        Json meta = Json::array();
        for (const FrameMeta &m : clip.frameMeta)
            meta.push_back({m.fileName, m.imageId, m.width, m.height});
        j["frameMeta"] = std::move(meta);
    }
    Json tracks = Json::array();
    for (const Track &t : clip.tracks) {
        Json tj = {{"id", t.id}, {"category", t.categoryId}};
        if (!t.name.empty())
            tj["name"] = t.name;
        tracks.push_back(std::move(tj));
    }
    j["tracks"] = std::move(tracks);
    j["frames"] = detail::labelsToJson(clip.frames);
    // Extension point: per-clip data added to the model later goes here, each under its own key.
    if (!clip.review.empty())
        j["review"] = detail::reviewToJson(clip.review);
    return j;
}

bool clipFromJson(const Json &j, const std::string &w, const std::string &projectDir, Clip *clip,
                  std::string *error)
{
    if (!j.is_object()) {
        *error = w + ": " + tr("not an object");
        return false;
    }
    std::string path;
    if (!detail::getString(j, "name", w, &clip->name, error) || !detail::getString(j, "path", w, &path, error)
        || !detail::getInt(j, "videoId", w, &clip->videoId, error, false)
        || !detail::getInt(j, "frameCount", w, &clip->frameCount, error, false)
        || !detail::getInt(j, "width", w, &clip->width, error, false)
        || !detail::getInt(j, "height", w, &clip->height, error, false)
        || !detail::getDouble(j, "fps", w, &clip->fps, error, false))
        return false;
    clip->path = detail::absoluteFrom(projectDir, path);
    std::string imageRoot;
    if (!detail::getString(j, "imageRoot", w, &imageRoot, error, false)
        || !detail::getString(j, "origin", w, &clip->origin, error, false)
        || !detail::getBool(j, "setAside", w, &clip->setAside, error, false))
        return false;
    if (!imageRoot.empty())
        clip->imageRoot = detail::absoluteFrom(projectDir, imageRoot);
    if (auto meta = j.find("frameMeta"); meta != j.end()) {
        if (!meta->is_array()) {
            *error = w + ".frameMeta: " + tr("not an array");
            return false;
        }
        clip->frameMeta.reserve(meta->size());
        for (const Json &m : *meta) {
            FrameMeta fm;
            std::int64_t wd = 0, ht = 0;
            if (!m.is_array() || m.size() != 4 || !m[0].is_string() || !detail::asInteger(m[1], &fm.imageId)
                || !detail::asInteger(m[2], &wd) || !detail::asInteger(m[3], &ht)) {
                *error = w + ".frameMeta[" + std::to_string(clip->frameMeta.size()) + "]: "
                    + tr("expected [file name, image id, width, height]");
                return false;
            }
            fm.fileName = m[0].get<std::string>();
            fm.width = int(wd);
            fm.height = int(ht);
            clip->frameMeta.push_back(std::move(fm));
        }
    }
    if (auto tracks = j.find("tracks"); tracks != j.end() && tracks->is_array()) {
        for (std::size_t i = 0; i < tracks->size(); ++i) {
            const std::string tw = w + ".tracks[" + std::to_string(i) + "]";
            Track t;
            if (!detail::getInt((*tracks)[i], "id", tw, &t.id, error)
                || !detail::getInt((*tracks)[i], "category", tw, &t.categoryId, error)
                || !detail::getString((*tracks)[i], "name", tw, &t.name, error, false))
                return false;
            if (clip->track(t.id)) {
                *error = tw + ": " + tr("track id") + " " + std::to_string(t.id) + " " + tr("is used twice");
                return false;
            }
            clip->ensureTrack(t.id, t.categoryId).name = t.name;
        }
    }
    if (auto frames = j.find("frames"); frames != j.end())
        if (!detail::labelsFromJson(*frames, w + ".frames", &clip->frames, error))
            return false;
    for (const auto &[frame, list] : clip->frames)
        for (const Instance &inst : list)
            clip->ensureTrack(inst.trackId, inst.categoryId);
    if (auto review = j.find("review"); review != j.end())
        if (!detail::reviewFromJson(*review, w + ".review", &clip->review, error))
            return false;
    return true;
}

bool categoriesFromJson(const Json &cats, Project *p, std::string *error)
{
    if (!cats.is_array()) {
        *error = tr("missing 'categories'");
        return false;
    }
    for (std::size_t i = 0; i < cats.size(); ++i) {
        Category c;
        if (!detail::categoryFromJson(cats[i], "categories[" + std::to_string(i) + "]", &c, error))
            return false;
        if (p->category(c.id)) {
            *error = "categories[" + std::to_string(i) + "]: " + tr("category id") + " " + std::to_string(c.id)
                + " " + tr("is used twice");
            return false;
        }
        p->categories.push_back(std::move(c));
    }
    return true;
}

Json categoriesToJson(const std::vector<Category> &categories)
{
    Json cats = Json::array();
    for (const Category &c : categories)
        cats.push_back(detail::categoryToJson(c));
    return cats;
}

} // namespace detail

std::string projectToJson(const Project &project, const std::string &projectDir)
{
    Json j = Json::object();
    j["format"] = kFormatName;
    // Version 1 readers would open an image-list clip's folder and show other clips' frames: such projects are
    // version 2; the rest stay version 1, which every Paddock reads.
    const bool imageLists = std::any_of(project.clips.begin(), project.clips.end(),
                                        [](const Clip &c) { return c.isImageList(); });
    j["version"] = imageLists ? kProjectFormatVersion : 1;
    j["categories"] = detail::categoriesToJson(project.categories);
    Json clips = Json::array();
    for (const Clip &c : project.clips)
        clips.push_back(detail::clipToJson(c, projectDir));
    j["clips"] = std::move(clips);
    // One line per top-level key would not help diffs much; compact output keeps big projects fast.
    return j.dump() + "\n";
}

std::optional<Project> projectFromJson(const std::string &text, const std::string &projectDir,
                                       const std::string &nameForMessages, std::string *error)
{
    std::string localError;
    std::string *err = error ? error : &localError;
    Json j;
    if (!detail::parseJson(text, nameForMessages, &j, err))
        return std::nullopt;
    auto fail = [&](const std::string &what) {
        *err = nameForMessages + ": " + what;
        return std::nullopt;
    };
    if (!j.is_object() || j.value("format", Json()) != kFormatName)
        return fail(tr("not a Paddock project file (no \"format\": \"paddock-project\")"));
    std::int64_t version = 0;
    if (!detail::asInteger(j.value("version", Json()), &version) || version < 1)
        return fail(tr("missing or invalid 'version'"));
    if (version > kProjectFormatVersion)
        return fail(tr("written by a newer version of Paddock (project format version") + " "
                    + std::to_string(version) + "; " + tr("this version reads up to") + " "
                    + std::to_string(kProjectFormatVersion) + "). " + tr("Update Paddock to open it."));
    Project p;
    std::string e;
    if (!detail::categoriesFromJson(j.contains("categories") ? j["categories"] : Json(), &p, &e))
        return fail(e);
    const Json &clips = j.contains("clips") ? j["clips"] : Json();
    if (!clips.is_array())
        return fail(tr("missing 'clips'"));
    p.clips.resize(clips.size());
    for (std::size_t i = 0; i < clips.size(); ++i)
        if (!detail::clipFromJson(clips[i], "clips[" + std::to_string(i) + "]", projectDir, &p.clips[i], &e))
            return fail(e);
    return p;
}

bool saveProject(const Project &project, const std::string &path, std::string *error)
{
    return writeFileAtomically(path, projectToJson(project, detail::dirOf(path)), error);
}

std::optional<Project> loadProject(const std::string &path, std::string *error)
{
    std::string text;
    if (!readWholeFile(path, &text, error))
        return std::nullopt;
    return projectFromJson(text, detail::dirOf(path), path, error);
}

std::string clipToJsonText(const Clip &clip, const std::string &projectDir)
{
    return detail::clipToJson(clip, projectDir).dump();
}

bool clipFromJsonText(const std::string &text, const std::string &where, const std::string &projectDir, Clip *clip,
                      std::string *error)
{
    Json j;
    return detail::parseJson(text, where, &j, error) && detail::clipFromJson(j, where, projectDir, clip, error);
}

std::string categoriesToJsonText(const std::vector<Category> &categories)
{
    return detail::categoriesToJson(categories).dump();
}

bool categoriesFromJsonText(const std::string &text, const std::string &where, std::vector<Category> *out,
                            std::string *error)
{
    Json j;
    Project p;
    if (!detail::parseJson(text, where, &j, error))
        return false;
    if (!detail::categoriesFromJson(j, &p, error)) {
        *error = where + ": " + *error;
        return false;
    }
    *out = std::move(p.categories);
    return true;
}

} // namespace paddock::core
