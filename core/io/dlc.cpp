// SPDX-License-Identifier: Apache-2.0
// DeepLabCut CollectedData CSV (single- and multi-animal), as written by pandas from DLC's h5 label files.
#include "core/io/dlc.h"

#include "core/io/jsonutil_p.h"
#include "core/io/projectfile.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace paddock::core {

using detail::tr;

namespace {

/** Splits CSV text into rows of cells (RFC 4180 quoting, CRLF or LF). */
std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell.push_back(c);
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.push_back(std::move(cell));
            cell.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            if (any || !cell.empty()) {
                row.push_back(std::move(cell));
                rows.push_back(std::move(row));
            }
            row.clear();
            cell.clear();
            any = false;
        } else {
            cell.push_back(c);
            any = true;
        }
    }
    if (any || !cell.empty()) {
        row.push_back(std::move(cell));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string csvCell(const std::string &s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string numberText(double v)
{
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof(buf), v);
    return std::string(buf, res.ptr);
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

/** Parses a coordinate cell: empty or NaN means unlabelled (nullopt in \a value); false when not a number. */
bool parseCell(const std::string &cell, std::optional<double> *value)
{
    std::string s = cell;
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    value->reset();
    if (s.empty() || lower(s) == "nan")
        return true;
    char *end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size())
        return false;
    *value = v;
    return true;
}

struct Column
{
    int x = -1, y = -1, likelihood = -1;
};

} // namespace

std::optional<Project> readDlcCsv(const std::string &path, std::string *error)
{
    std::string text, local;
    std::string *err = error ? error : &local;
    if (!readWholeFile(path, &text, err))
        return std::nullopt;
    auto fail = [&](const std::string &what) {
        *err = path + ": " + what;
        return std::nullopt;
    };
    const auto rows = parseCsv(text);
    if (rows.empty() || rows[0].empty() || lower(rows[0][0]) != "scorer")
        return fail(tr("not a DeepLabCut CollectedData file: the first row must start with 'scorer'"));
    std::size_t r = 1;
    const std::vector<std::string> *individuals = nullptr;
    if (r < rows.size() && !rows[r].empty() && lower(rows[r][0]) == "individuals")
        individuals = &rows[r++];
    if (r >= rows.size() || rows[r].empty() || lower(rows[r][0]) != "bodyparts")
        return fail(tr("not a DeepLabCut CollectedData file: missing the 'bodyparts' header row"));
    const std::vector<std::string> &bodyparts = rows[r++];
    if (r >= rows.size() || rows[r].empty() || lower(rows[r][0]) != "coords")
        return fail(tr("not a DeepLabCut CollectedData file: missing the 'coords' header row"));
    const std::vector<std::string> &coords = rows[r++];
    const std::size_t headerRows = r;

    // Index columns: the path (one column) or labeled-data, video, image (three columns).
    std::size_t nIndex = 1;
    while (nIndex < rows[0].size() && rows[0][nIndex].empty())
        ++nIndex;
    const std::size_t width = rows[0].size();
    if (nIndex >= width)
        return fail(tr("no data columns after the index"));
    if (bodyparts.size() != width || coords.size() != width || (individuals && individuals->size() != width))
        return fail(tr("the header rows do not have the same number of columns"));

    std::vector<std::string> individualNames, partNames;
    std::map<std::pair<int, int>, Column> columns; // (individual, bodypart) -> columns
    for (std::size_t c = nIndex; c < width; ++c) {
        const std::string ind = individuals ? (*individuals)[c] : std::string();
        const std::string &part = bodyparts[c];
        if (part.empty())
            return fail(tr("column") + " " + std::to_string(c + 1) + ": " + tr("empty body part name"));
        auto indIt = std::find(individualNames.begin(), individualNames.end(), ind);
        if (indIt == individualNames.end())
            indIt = individualNames.insert(individualNames.end(), ind);
        auto partIt = std::find(partNames.begin(), partNames.end(), part);
        if (partIt == partNames.end())
            partIt = partNames.insert(partNames.end(), part);
        Column &col = columns[{int(indIt - individualNames.begin()), int(partIt - partNames.begin())}];
        const std::string coord = lower(coords[c]);
        int *slot = coord == "x" ? &col.x : coord == "y" ? &col.y : coord == "likelihood" ? &col.likelihood : nullptr;
        if (!slot)
            return fail(tr("column") + " " + std::to_string(c + 1) + ": " + tr("unknown coordinate") + " '" + coords[c]
                        + "' (" + tr("expected x, y or likelihood") + ")");
        if (*slot >= 0)
            return fail(tr("column") + " " + std::to_string(c + 1) + ": '" + part + "' " + tr("has two") + " '"
                        + coords[c] + "' " + tr("columns"));
        *slot = int(c);
    }
    for (const auto &[key, col] : columns)
        if (col.x < 0 || col.y < 0)
            return fail(tr("body part") + " '" + partNames[std::size_t(key.second)] + "' "
                        + tr("needs both an x and a y column"));

    Category cat;
    cat.id = 1;
    cat.name = "animal";
    cat.keypoints = partNames;
    if (partNames == ap10kKeypointNames()) {
        const Category ap = ap10kCategory(1);
        cat.skeleton = ap.skeleton;
        cat.flipPairs = ap.flipPairs;
        cat.sigmas = ap.sigmas;
    } else {
        cat.flipPairs = guessFlipPairs(partNames);
    }

    // Rows: image path and labels.
    struct Row
    {
        std::string image;
        std::vector<Instance> instances;
    };
    std::vector<Row> data;
    std::set<std::string> seen;
    for (std::size_t i = headerRows; i < rows.size(); ++i) {
        const auto &cells = rows[i];
        const std::string where = tr("row") + " " + std::to_string(i + 1);
        if (cells.size() > width)
            return fail(where + ": " + std::to_string(cells.size()) + " " + tr("cells, the header has") + " "
                        + std::to_string(width));
        Row row;
        for (std::size_t c = 0; c < nIndex && c < cells.size(); ++c)
            if (!cells[c].empty())
                row.image += (row.image.empty() ? "" : "/") + detail::toSlashes(cells[c]);
        if (row.image.empty())
            return fail(where + ": " + tr("no image path"));
        if (!seen.insert(row.image).second)
            return fail(where + ": " + tr("image") + " '" + row.image + "' " + tr("is listed twice"));
        auto cell = [&](int c) { return std::size_t(c) < cells.size() ? cells[std::size_t(c)] : std::string(); };
        for (std::size_t ind = 0; ind < individualNames.size(); ++ind) {
            Instance inst;
            inst.trackId = int(ind) + 1;
            inst.categoryId = cat.id;
            inst.keypoints.assign(partNames.size(), Keypoint());
            bool anyLabel = false;
            for (std::size_t p = 0; p < partNames.size(); ++p) {
                auto it = columns.find({int(ind), int(p)});
                if (it == columns.end())
                    continue;
                std::optional<double> x, y, lk;
                const std::string which = where + ", " + tr("body part") + " '" + partNames[p] + "'"
                    + (individualNames[ind].empty() ? std::string() : " " + tr("of") + " '" + individualNames[ind] + "'");
                if (!parseCell(cell(it->second.x), &x) || !parseCell(cell(it->second.y), &y)
                    || (it->second.likelihood >= 0 && !parseCell(cell(it->second.likelihood), &lk)))
                    return fail(which + ": " + tr("a value is not a number"));
                if (x.has_value() != y.has_value())
                    return fail(which + ": " + tr("has only one of x and y"));
                if (!x)
                    continue;
                if (!std::isfinite(*x) || !std::isfinite(*y))
                    return fail(which + ": " + tr("coordinate is infinite"));
                Keypoint &k = inst.keypoints[p];
                k.x = *x;
                k.y = *y;
                k.visibility = Visibility::Visible;
                k.source = Source::Imported;
                k.score = lk && std::isfinite(*lk) ? float(*lk) : 1.0f;
                anyLabel = true;
            }
            if (anyLabel)
                row.instances.push_back(std::move(inst));
        }
        data.push_back(std::move(row));
    }

    // One clip; frames follow the image folder when it is there, else the row order.
    const std::string csvDir = detail::dirOf(path);
    std::vector<std::string> names;
    for (const Row &row : data)
        names.push_back(row.image);
    std::string folder;
    if (!names.empty()) {
        folder = names.front().substr(0, names.front().find_last_of('/') == std::string::npos
                                             ? 0 : names.front().find_last_of('/'));
        for (const std::string &n : names)
            if (n.compare(0, folder.size(), folder) != 0)
                folder.clear();
    }
    // DLC paths are relative to the DLC project: CSVs live in <project>/labeled-data/<video>/.
    const std::string root = folder.rfind("labeled-data/", 0) == 0 ? detail::absoluteFrom(csvDir, "../..") : csvDir;
    Clip clip;
    clip.path = QFileInfo(QString::fromStdString(detail::absoluteFrom(root, folder.empty() ? "." : folder))).isDir()
        ? detail::absoluteFrom(root, folder.empty() ? "." : folder) : csvDir;
    clip.name = folder.empty() ? QFileInfo(QString::fromStdString(path)).completeBaseName().toStdString()
                               : detail::baseName(folder);
    const std::vector<std::string> files = detail::listImageFiles(clip.path);
    std::unordered_map<std::string, int> position;
    for (std::size_t f = 0; f < files.size(); ++f)
        position.emplace(files[f], int(f));
    bool all = !files.empty();
    std::set<int> taken;
    for (const std::string &n : names) {
        auto it = position.find(detail::baseName(n));
        all = all && it != position.end() && taken.insert(it->second).second;
    }
    Project project;
    project.categories.push_back(cat);
    for (std::size_t i = 0; i < individualNames.size(); ++i)
        clip.ensureTrack(int(i) + 1, cat.id).name = individualNames[i];
    for (std::size_t n = 0; n < data.size(); ++n) {
        const int frame = all ? position[detail::baseName(data[n].image)] : int(n);
        if (clip.frameMeta.size() <= std::size_t(frame))
            clip.frameMeta.resize(std::size_t(frame) + 1);
        clip.frameMeta[std::size_t(frame)].fileName = data[n].image;
        for (const Instance &inst : data[n].instances)
            clip.setInstance(frame, inst);
    }
    clip.frameCount = std::max(int(clip.frameMeta.size()), all ? int(files.size()) : 0);
    project.clips.push_back(std::move(clip));
    return project;
}

bool writeDlcCsv(const Project &project, const std::string &path, const std::string &scorer, std::string *error)
{
    auto fail = [&](const std::string &what) {
        if (error)
            *error = path + ": " + what;
        return false;
    };
    if (project.clips.size() != 1)
        return fail(tr("a DeepLabCut CSV holds one clip; this project has") + " " + std::to_string(project.clips.size())
                    + " (" + tr("choose one with --clip") + ")");
    const Clip &clip = project.clips.front();
    const Category *cat = nullptr;
    for (const Track &t : clip.tracks) {
        const Category *c = project.category(t.categoryId);
        if (!c)
            return fail(tr("track") + " " + std::to_string(t.id) + ": " + tr("unknown category id") + " "
                        + std::to_string(t.categoryId));
        if (cat && c->keypoints != cat->keypoints)
            return fail(tr("the animals of the clip have different skeletons; a DeepLabCut CSV needs one"));
        cat = c;
    }
    if (!cat)
        cat = project.categories.empty() ? nullptr : &project.categories.front();
    if (!cat)
        return fail(tr("the project has no skeleton (category)"));
    const bool multi = clip.tracks.size() > 1
        || std::any_of(clip.tracks.begin(), clip.tracks.end(), [](const Track &t) { return !t.name.empty(); });
    std::vector<const Track *> tracks;
    for (const Track &t : clip.tracks)
        tracks.push_back(&t);
    if (tracks.empty())
        tracks.push_back(nullptr);

    // Frames: those with a file name, and those with labels.
    std::set<int> frames;
    for (std::size_t f = 0; f < clip.frameMeta.size(); ++f)
        if (!clip.frameMeta[f].fileName.empty())
            frames.insert(int(f));
    for (const auto &[frame, list] : clip.frames)
        for (const Instance &inst : list)
            if (inst.labelledCount() > 0)
                frames.insert(frame);
    const int digits = int(std::to_string(std::max(1, clip.effectiveFrameCount())).size());
    auto imageOf = [&](int frame) {
        if (std::size_t(frame) < clip.frameMeta.size() && !clip.frameMeta[std::size_t(frame)].fileName.empty())
            return clip.frameMeta[std::size_t(frame)].fileName;
        std::string num = std::to_string(frame);
        num.insert(0, std::size_t(std::max(0, digits - int(num.size()))), '0');
        return "labeled-data/" + (clip.name.empty() ? std::string("video") : clip.name) + "/img" + num + ".png";
    };
    bool threeColumns = true;
    for (int f : frames) {
        const std::string image = imageOf(f);
        threeColumns = threeColumns && std::count(image.begin(), image.end(), '/') == 2;
    }
    const std::size_t nIndex = threeColumns ? 3 : 1;

    std::string out;
    auto headerRow = [&](const std::string &label, auto valueOf) {
        out += label;
        for (std::size_t i = 1; i < nIndex; ++i)
            out += ',';
        for (const Track *t : tracks)
            for (const std::string &part : cat->keypoints)
                for (const char *coord : {"x", "y"})
                    out += ',' + csvCell(valueOf(t, part, coord));
        out += '\n';
    };
    headerRow("scorer", [&](const Track *, const std::string &, const char *) { return scorer; });
    if (multi)
        headerRow("individuals", [&](const Track *t, const std::string &, const char *) {
            return t && !t->name.empty() ? t->name : "individual" + std::to_string(t ? t->id : 1);
        });
    headerRow("bodyparts", [&](const Track *, const std::string &part, const char *) { return part; });
    headerRow("coords", [&](const Track *, const std::string &, const char *coord) { return std::string(coord); });
    for (int f : frames) {
        const std::string image = imageOf(f);
        if (threeColumns) {
            const std::size_t a = image.find('/'), b = image.find('/', a + 1);
            out += csvCell(image.substr(0, a)) + ',' + csvCell(image.substr(a + 1, b - a - 1)) + ','
                + csvCell(image.substr(b + 1));
        } else {
            out += csvCell(image);
        }
        for (const Track *t : tracks) {
            const Instance *inst = t ? clip.instance(f, t->id) : nullptr;
            for (std::size_t k = 0; k < cat->keypoints.size(); ++k) {
                const Keypoint *kp = inst && k < inst->keypoints.size() ? &inst->keypoints[k] : nullptr;
                if (kp && kp->isLabelled())
                    out += ',' + numberText(kp->x) + ',' + numberText(kp->y);
                else
                    out += ",,";
            }
        }
        out += '\n';
    }
    QDir().mkpath(QString::fromStdString(detail::dirOf(path)));
    return writeFileAtomically(path, out, error);
}

} // namespace paddock::core
