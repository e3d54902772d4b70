// SPDX-License-Identifier: Apache-2.0
#include "core/io/jsonutil_p.h"
#include "core/video/imagefolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QString>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace paddock::core::detail {

std::string tr(const char *text)
{
    return QCoreApplication::translate("Formats", text).toStdString();
}

std::string positionOf(const std::string &text, std::size_t byte)
{
    byte = std::min(byte, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < byte; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::size_t tooDeepAt(const std::string &text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return i;
        } else if (c == ']' || c == '}') {
            --depth; // unbalanced closers are the parser's to report
        }
    }
    return std::string::npos;
}

bool parseJson(const std::string &text, const std::string &name, Json *out, std::string *error)
{
    // nlohmann's recursive copy, comparison and dump would overflow the stack on a deeply nested file.
    if (const std::size_t at = tooDeepAt(text, kMaxJsonDepth); at != std::string::npos) {
        if (error)
            *error = name + ": " + tr("lists or objects nested more than") + " " + std::to_string(kMaxJsonDepth) + " "
                + tr("levels deep at") + " " + positionOf(text, at) + " (" + tr("no file Paddock reads nests this deep")
                + ")";
        return false;
    }
    try {
        *out = Json::parse(text);
        return true;
    } catch (const Json::parse_error &e) {
        // e.byte is one past the offending character; the message after ": " says what was wrong.
        std::string what = e.what();
        const std::size_t column = what.find("column ");
        const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
        if (colon != std::string::npos)
            what = what.substr(colon + 2);
        const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
        const bool truncated = at + 1 >= text.size() || what.find("end of input") != std::string::npos;
        // Python's json module writes NaN and Infinity, which JSON does not allow.
        const std::string near = text.substr(at >= 9 ? at - 9 : 0, 20);
        if (near.find("NaN") != std::string::npos || near.find("Infinity") != std::string::npos)
            what = tr("NaN or Infinity is not a number JSON allows") + " (" + what + ")";
        if (error)
            *error = name + ": " + tr("not valid JSON") + (truncated ? " (" + tr("truncated?") + ")" : "")
                + " " + tr("at") + " " + positionOf(text, at) + ": " + what;
        return false;
    } catch (const std::exception &e) {
        // Other nlohmann errors (e.g. a number too large for a double, such as 1e999).
        std::string what = e.what();
        if (const std::size_t bracket = what.find("] "); bracket != std::string::npos)
            what = what.substr(bracket + 2);
        if (error)
            *error = name + ": " + tr("not valid JSON") + ": " + what;
        return false;
    }
}

double shortestDouble(float f)
{
    if (!std::isfinite(f))
        return double(f);
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof(buf) - 1, f);
    *res.ptr = '\0';
    return std::strtod(buf, nullptr);
}

std::string toSlashes(std::string path)
{
    std::replace(path.begin(), path.end(), '\\', '/');
    return path;
}

std::string absoluteFrom(const std::string &dir, const std::string &path)
{
    if (path.empty())
        return path;
    const QString p = QString::fromStdString(toSlashes(path));
    if (QDir::isAbsolutePath(p))
        return QDir::cleanPath(p).toStdString();
    return QDir::cleanPath(QDir(QString::fromStdString(dir)).absoluteFilePath(p)).toStdString();
}

std::string relativeTo(const std::string &dir, const std::string &path)
{
    const QString p = QString::fromStdString(path);
    if (path.empty() || !QDir::isAbsolutePath(p))
        return toSlashes(path);
    return QDir::fromNativeSeparators(QDir(QString::fromStdString(dir)).relativeFilePath(p)).toStdString();
}

std::string dirOf(const std::string &filePath)
{
    return QFileInfo(QString::fromStdString(filePath)).absolutePath().toStdString();
}

std::string baseName(const std::string &path)
{
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::vector<std::string> listImageFiles(const std::string &dir)
{
    // The image-folder frame source lists the same files in the same order: frame i is names[i] for both.
    std::vector<std::string> names;
    if (dir.empty() || !listFrameImages(dir, &names, nullptr))
        names.clear();
    return names;
}

// ---- Checked field access ----

bool asInteger(const Json &v, std::int64_t *out)
{
    if (v.is_number_integer()) {
        *out = v.get<std::int64_t>();
        return true;
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) {
            *out = static_cast<std::int64_t>(d);
            return true;
        }
    }
    return false;
}

namespace {
bool missing(const Json &obj, const char *key, const std::string &where, std::string *error, bool required,
             bool *present)
{
    *present = obj.is_object() && obj.contains(key);
    if (!*present && required && error)
        *error = where + ": " + tr("missing") + " '" + key + "'";
    return !*present;
}
} // namespace

bool getInt(const Json &obj, const char *key, const std::string &where, std::int64_t *out, std::string *error,
            bool required)
{
    bool present = false;
    if (missing(obj, key, where, error, required, &present))
        return !required;
    if (!asInteger(obj[key], out)) {
        if (error)
            *error = where + ": '" + key + "' " + tr("is not an integer");
        return false;
    }
    return true;
}

bool getInt(const Json &obj, const char *key, const std::string &where, int *out, std::string *error,
            bool required)
{
    std::int64_t v = *out;
    if (!getInt(obj, key, where, &v, error, required))
        return false;
    if (v < INT32_MIN || v > INT32_MAX) {
        if (error)
            *error = where + ": '" + key + "' " + tr("is out of range");
        return false;
    }
    *out = int(v);
    return true;
}

bool getDouble(const Json &obj, const char *key, const std::string &where, double *out, std::string *error,
               bool required)
{
    bool present = false;
    if (missing(obj, key, where, error, required, &present))
        return !required;
    const Json &v = obj[key];
    if (!v.is_number() || !std::isfinite(v.get<double>())) {
        if (error)
            *error = where + ": '" + key + "' " + tr("is not a finite number");
        return false;
    }
    *out = v.get<double>();
    return true;
}

bool getString(const Json &obj, const char *key, const std::string &where, std::string *out, std::string *error,
               bool required)
{
    bool present = false;
    if (missing(obj, key, where, error, required, &present))
        return !required;
    const Json &v = obj[key];
    if (!v.is_string()) {
        if (error)
            *error = where + ": '" + key + "' " + tr("is not a string");
        return false;
    }
    *out = v.get<std::string>();
    return true;
}

bool getBool(const Json &obj, const char *key, const std::string &where, bool *out, std::string *error, bool required)
{
    bool present = false;
    if (missing(obj, key, where, error, required, &present))
        return !required;
    const Json &v = obj[key];
    if (!v.is_boolean()) {
        if (error)
            *error = where + ": '" + key + "' " + tr("is not true or false");
        return false;
    }
    *out = v.get<bool>();
    return true;
}

// ---- Frame labels ----

namespace {
// One character per Source value, in enum order (see docs/project-format.md).
constexpr char kSourceChars[] = {'-', 'm', 'p', 'r', 'i', 'f', 'a'};
constexpr int kSourceCount = int(sizeof(kSourceChars));

float defaultScore(const Keypoint &k)
{
    return k.isLabelled() && isUserLabel(k.source) ? 1.0f : 0.0f;
}

Json instanceToJson(const Instance &inst)
{
    Json j = Json::object();
    j["t"] = inst.trackId;
    j["c"] = inst.categoryId;
    Json xy = Json::array();
    std::string vis, src;
    vis.reserve(inst.keypoints.size());
    src.reserve(inst.keypoints.size());
    bool defaultScores = true;
    for (const Keypoint &k : inst.keypoints) {
        xy.push_back(k.x);
        xy.push_back(k.y);
        vis.push_back(char('0' + int(k.visibility)));
        src.push_back(kSourceChars[std::min(int(k.source), kSourceCount - 1)]);
        defaultScores = defaultScores && k.score == defaultScore(k);
    }
    j["xy"] = std::move(xy);
    j["v"] = vis;
    j["s"] = src;
    if (!defaultScores) {
        Json q = Json::array();
        for (const Keypoint &k : inst.keypoints)
            q.push_back(shortestDouble(k.score));
        j["q"] = std::move(q);
    }
    if (inst.bbox)
        j["bbox"] = {inst.bbox->x, inst.bbox->y, inst.bbox->w, inst.bbox->h};
    if (inst.area)
        j["area"] = *inst.area;
    if (inst.annotationId != 0)
        j["ann"] = inst.annotationId;
    if (inst.iscrowd != 0)
        j["crowd"] = inst.iscrowd;
    return j;
}

bool instanceFromJson(const Json &j, const std::string &where, Instance *inst, std::string *error)
{
    if (!j.is_object()) {
        *error = where + ": " + tr("not an object");
        return false;
    }
    std::string vis, src;
    if (!getInt(j, "t", where, &inst->trackId, error) || !getInt(j, "c", where, &inst->categoryId, error)
        || !getString(j, "v", where, &vis, error) || !getString(j, "s", where, &src, error))
        return false;
    const std::size_t n = vis.size();
    auto xy = j.find("xy");
    if (xy == j.end() || !xy->is_array() || xy->size() != 2 * n || src.size() != n) {
        *error = where + ": " + tr("'xy', 'v' and 's' do not describe the same number of keypoints");
        return false;
    }
    const Json *q = nullptr;
    if (auto it = j.find("q"); it != j.end()) {
        if (!it->is_array() || it->size() != n) {
            *error = where + ": " + tr("'q' does not have one score per keypoint");
            return false;
        }
        q = &*it;
    }
    inst->keypoints.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        Keypoint &k = inst->keypoints[i];
        const Json &x = (*xy)[2 * i], &y = (*xy)[2 * i + 1];
        if (!x.is_number() || !y.is_number()) {
            *error = where + ": " + tr("keypoint") + " " + std::to_string(i) + ": " + tr("coordinate is not a number");
            return false;
        }
        k.x = x.get<double>();
        k.y = y.get<double>();
        if (vis[i] < '0' || vis[i] > '2') {
            *error = where + ": " + tr("keypoint") + " " + std::to_string(i) + ": " + tr("unknown visibility")
                + " '" + vis[i] + "'";
            return false;
        }
        k.visibility = static_cast<Visibility>(vis[i] - '0');
        const char *found = std::find(kSourceChars, kSourceChars + kSourceCount, src[i]);
        if (found == kSourceChars + kSourceCount) {
            *error = where + ": " + tr("keypoint") + " " + std::to_string(i) + ": " + tr("unknown source")
                + " '" + src[i] + "'";
            return false;
        }
        k.source = static_cast<Source>(found - kSourceChars);
        if (q) {
            if (!(*q)[i].is_number()) {
                *error = where + ": " + tr("score is not a number");
                return false;
            }
            k.score = static_cast<float>((*q)[i].get<double>());
        } else {
            k.score = defaultScore(k);
        }
    }
    if (auto b = j.find("bbox"); b != j.end()) {
        if (!b->is_array() || b->size() != 4 || !(*b)[0].is_number() || !(*b)[1].is_number()
            || !(*b)[2].is_number() || !(*b)[3].is_number()) {
            *error = where + ": " + tr("'bbox' is not four numbers");
            return false;
        }
        inst->bbox = Box{(*b)[0].get<double>(), (*b)[1].get<double>(), (*b)[2].get<double>(), (*b)[3].get<double>()};
    }
    if (j.contains("area")) {
        double a = 0;
        if (!getDouble(j, "area", where, &a, error))
            return false;
        inst->area = a;
    }
    return getInt(j, "ann", where, &inst->annotationId, error, false)
        && getInt(j, "crowd", where, &inst->iscrowd, error, false);
}
} // namespace

Json labelsToJson(const FrameLabels &labels)
{
    Json out = Json::array();
    for (const auto &[frame, list] : labels) {
        if (list.empty())
            continue;
        Json a = Json::array();
        for (const Instance &inst : list)
            a.push_back(instanceToJson(inst));
        out.push_back(Json{{"f", frame}, {"a", std::move(a)}});
    }
    return out;
}

bool labelsFromJson(const Json &j, const std::string &where, FrameLabels *out, std::string *error)
{
    out->clear();
    if (!j.is_array()) {
        *error = where + ": " + tr("not an array");
        return false;
    }
    for (std::size_t i = 0; i < j.size(); ++i) {
        const std::string w = where + "[" + std::to_string(i) + "]";
        int frame = 0;
        if (!getInt(j[i], "f", w, &frame, error))
            return false;
        if (frame < 0) {
            *error = w + ": " + tr("negative frame index");
            return false;
        }
        auto a = j[i].find("a");
        if (a == j[i].end() || !a->is_array()) {
            *error = w + ": " + tr("missing 'a' (the instances)");
            return false;
        }
        std::vector<Instance> &list = (*out)[frame];
        if (!list.empty()) {
            *error = w + ": " + tr("frame") + " " + std::to_string(frame) + " " + tr("listed twice");
            return false;
        }
        list.resize(a->size());
        for (std::size_t k = 0; k < a->size(); ++k)
            if (!instanceFromJson((*a)[k], w + ".a[" + std::to_string(k) + "]", &list[k], error))
                return false;
        std::stable_sort(list.begin(), list.end(),
                         [](const Instance &x, const Instance &y) { return x.trackId < y.trackId; });
        for (std::size_t k = 1; k < list.size(); ++k) {
            if (list[k].trackId == list[k - 1].trackId) {
                *error = w + ": " + tr("track") + " " + std::to_string(list[k].trackId) + " "
                    + tr("appears twice on frame") + " " + std::to_string(frame);
                return false;
            }
        }
    }
    return true;
}

} // namespace paddock::core::detail
