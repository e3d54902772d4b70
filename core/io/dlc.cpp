// SPDX-License-Identifier: Apache-2.0
// DeepLabCut CollectedData CSV (single- and multi-animal), as written by pandas from DLC's h5 label files.
#include "core/io/dlc.h"

#include "core/io/atomicfile.h"
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

/** Coordinates beyond this are not pixel positions (no image is a million pixels wide). */
constexpr double kMaxCoordinate = 1.0e6;

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
    // Excel's "CSV UTF-8" starts with a byte-order mark (and ends lines with CRLF, which parseCsv reads).
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        text.erase(0, 3);
    auto rows = parseCsv(text);
    // Rows of empty cells only (Excel keeps them after deleted rows) carry nothing.
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [](const std::vector<std::string> &r) {
                                  return std::all_of(r.begin(), r.end(), [](const std::string &c) {
                                      return c.find_first_not_of(" \t") == std::string::npos;
                                  });
                              }),
               rows.end());
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
        if (cells.size() != width)
            return fail(where + ": " + std::to_string(cells.size()) + " " + tr("cells, the header has") + " "
                        + std::to_string(width) + (cells.size() < width ? " (" + tr("a cut-off row?") + ")" : std::string()));
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
                if (std::fabs(*x) > kMaxCoordinate || std::fabs(*y) > kMaxCoordinate)
                    return fail(which + ": (" + numberText(*x) + ", " + numberText(*y) + ") " + tr("is not a pixel position")
                                + " (" + tr("more than") + " " + numberText(kMaxCoordinate) + " " + tr("pixels from the image") + ")");
                if (lk && (!std::isfinite(*lk) || *lk < 0.0 || *lk > 1.0))
                    return fail(which + ": " + tr("likelihood") + " " + numberText(*lk) + " " + tr("is not between 0 and 1"));
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

namespace {

/** DLC's frame image name: "img" + the frame index padded to ceil(log10(frames)) digits (DLC's own rule). */
std::string dlcImageName(int frame, int frameCount)
{
    int digits = 1;
    for (long long p = 10; p < frameCount; p *= 10)
        ++digits;
    std::string num = std::to_string(frame);
    num.insert(0, std::size_t(std::max(0, digits - int(num.size()))), '0');
    return "img" + num + ".png";
}

std::string safeFolderName(std::string name)
{
    for (char &ch : name)
        if (ch == '/' || ch == '\\' || ch == ':' || ch == '*' || ch == '?' || ch == '"' || ch == '<' || ch == '>'
            || ch == '|' || ch == ',')
            ch = '_';
    return name.empty() || name == "." || name == ".." ? std::string("video") : name;
}

/** What one DLC export will contain: the clip, its skeleton, its animals and the rows. */
struct DlcPlan
{
    const Clip *clip = nullptr;
    const Category *cat = nullptr;
    bool multi = false;
    std::vector<const Track *> tracks; ///< one nullptr when the clip has no animal yet
    std::string video;
    std::vector<int> frames;
    std::map<int, std::string> image; ///< frame -> labeled-data/<video>/imgN.png (or the imported name)
};

/** Whether a labelled point of \a source goes out: a person's labels always, tracker points as the options say. */
bool goesOut(const Clip &clip, const DlcWriteOptions &options, Source source)
{
    return isUserLabel(source) || options.propagated
        || (options.reviewed && clip.review.state() == RoundState::Accepted);
}

bool planDlc(const Project &project, const DlcWriteOptions &options, DlcPlan *plan, std::string *why)
{
    if (project.clips.size() != 1) {
        *why = tr("a DeepLabCut CSV holds one clip; this project has") + " " + std::to_string(project.clips.size())
            + " (" + tr("choose one with --clip") + ")";
        return false;
    }
    const Clip &clip = project.clips.front();
    plan->clip = &clip;
    for (const Track &t : clip.tracks) {
        const Category *c = project.category(t.categoryId);
        if (!c) {
            *why = tr("track") + " " + std::to_string(t.id) + ": " + tr("unknown category id") + " "
                + std::to_string(t.categoryId);
            return false;
        }
        if (plan->cat && c->keypoints != plan->cat->keypoints) {
            *why = tr("the animals of the clip have different skeletons; a DeepLabCut CSV needs one");
            return false;
        }
        plan->cat = c;
        plan->tracks.push_back(&t);
    }
    if (!plan->cat)
        plan->cat = project.categories.empty() ? nullptr : &project.categories.front();
    if (!plan->cat) {
        *why = tr("the project has no skeleton (category)");
        return false;
    }
    if (plan->tracks.size() > 1 && options.layout == DlcWriteOptions::Layout::SingleAnimal) {
        *why = tr("the clip has") + " " + std::to_string(plan->tracks.size()) + " "
            + tr("animals; a single-animal DeepLabCut CSV holds one (use the multi-animal layout)");
        return false;
    }
    plan->multi = options.layout == DlcWriteOptions::Layout::MultiAnimal
        || (options.layout == DlcWriteOptions::Layout::Auto && plan->tracks.size() > 1);
    if (plan->tracks.empty())
        plan->tracks.push_back(nullptr);
    plan->video = safeFolderName(options.videoName.empty() ? clip.name : options.videoName);

    // Rows: the frames the dataset listed, and those with labels that go out.
    std::set<int> frames;
    for (std::size_t f = 0; f < clip.frameMeta.size(); ++f)
        if (!clip.frameMeta[f].fileName.empty())
            frames.insert(int(f));
    for (const auto &[frame, list] : clip.frames)
        for (const Instance &inst : list)
            for (const Keypoint &k : inst.keypoints)
                if (k.isLabelled() && goesOut(clip, options, k.source))
                    frames.insert(frame);
    plan->frames.assign(frames.begin(), frames.end());
    const int frameCount = std::max(1, clip.effectiveFrameCount());
    for (int f : plan->frames) {
        const std::string &imported =
            std::size_t(f) < clip.frameMeta.size() ? clip.frameMeta[std::size_t(f)].fileName : std::string();
        // A DLC file read back keeps its image names, unless the images are written anew.
        plan->image[f] = !options.writeImages && imported.rfind("labeled-data/", 0) == 0
                && std::count(imported.begin(), imported.end(), '/') == 2
            ? imported : "labeled-data/" + plan->video + "/" + dlcImageName(f, frameCount);
    }
    return true;
}

std::string dlcCsvText(const DlcPlan &plan, const DlcWriteOptions &options, DlcWriteReport *report)
{
    const Category &cat = *plan.cat;
    std::string out;
    // DLC 2.2+ writes the row index as three columns: labeled-data, video, image.
    auto headerRow = [&](const std::string &label, auto valueOf) {
        out += label + ",,";
        for (const Track *t : plan.tracks)
            for (const std::string &part : cat.keypoints)
                for (const char *coord : {"x", "y"})
                    out += ',' + csvCell(valueOf(t, part, coord));
        out += '\n';
    };
    headerRow("scorer", [&](const Track *, const std::string &, const char *) { return options.scorer; });
    if (plan.multi)
        headerRow("individuals", [&](const Track *t, const std::string &, const char *) {
            return t && !t->name.empty() ? t->name : "individual" + std::to_string(t ? t->id : 1);
        });
    headerRow("bodyparts", [&](const Track *, const std::string &part, const char *) { return part; });
    headerRow("coords", [&](const Track *, const std::string &, const char *coord) { return std::string(coord); });
    int occluded = 0, scored = 0, tracker = 0, leftOut = 0, empty = 0, absent = 0;
    for (int f : plan.frames) {
        const std::string &image = plan.image.at(f);
        const std::size_t a = image.find('/'), b = image.find('/', a + 1);
        out += csvCell(image.substr(0, a)) + ',' + csvCell(image.substr(a + 1, b - a - 1)) + ','
            + csvCell(image.substr(b + 1));
        ++report->rows;
        for (const Track *t : plan.tracks) {
            const Instance *inst = t ? plan.clip->instance(f, t->id) : nullptr;
            if (!inst)
                ++absent;
            for (std::size_t k = 0; k < cat.keypoints.size(); ++k) {
                const Keypoint *kp = inst && k < inst->keypoints.size() ? &inst->keypoints[k] : nullptr;
                const bool labelled = kp && kp->isLabelled();
                if (labelled && !goesOut(*plan.clip, options, kp->source)) {
                    ++leftOut;
                    out += ",,";
                    continue;
                }
                if (!labelled) {
                    empty += inst ? 1 : 0;
                    out += ",,";
                    continue;
                }
                out += ',' + numberText(kp->x) + ',' + numberText(kp->y);
                ++report->points;
                occluded += kp->visibility == Visibility::Occluded;
                tracker += !isUserLabel(kp->source);
                scored += kp->score != 1.0f;
            }
        }
        out += '\n';
    }
    auto lost = [&](int n, const std::string &what) {
        if (n > 0)
            report->lost.push_back(std::to_string(n) + " " + what);
    };
    lost(occluded, tr("occluded points written as ordinary points (DeepLabCut has no visibility flag)"));
    lost(tracker, tr("tracker points (propagated, refined, interpolated) written as labels (DeepLabCut cannot tell them from manual ones; --user-labels-only leaves them out)"));
    lost(scored, tr("points whose score is not 1 written without it (CollectedData holds no scores)"));
    lost(leftOut, tr("tracker points left out (user labels only)"));
    lost(empty, tr("unlabelled keypoints of labelled animals written as empty cells, which DeepLabCut reads as 'not visible'"));
    lost(absent, tr("animals absent from a written frame written as empty cells (DeepLabCut cannot tell 'absent' from 'not labelled')"));
    const int otherTracks = std::max(0, int(plan.clip->tracks.size()) - int(plan.tracks.size()));
    lost(otherTracks, tr("animals left out"));
    return out;
}

/** Writes the frame images the rows name, as PNG, under \a root (the DLC project folder). */
bool writeDlcImages(const DlcPlan &plan, const std::string &root, DlcWriteReport *report, CreatedPaths *created,
                    std::string *error)
{
    std::unique_ptr<FrameSource> source = openClipFrames(*plan.clip, error);
    if (!source) {
        if (error)
            *error = tr("cannot write the frame images") + ": " + *error;
        return false;
    }
    for (int f : plan.frames) {
        VideoFrame vf;
        std::string why;
        if (!source->read(f, &vf, &why)) {
            if (error)
                *error = tr("frame") + " " + std::to_string(f) + ": " + why;
            return false;
        }
        cv::Mat rgb(vf.height, vf.width, CV_8UC3, const_cast<char *>(vf.rgb.constData()), std::size_t(vf.width) * 3);
        cv::Mat bgr;
        cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
        std::vector<uchar> png;
        bool ok = false;
        try {
            ok = cv::imencode(".png", bgr, png);
        } catch (const cv::Exception &) {
            ok = false;
        }
        const std::string path = detail::absoluteFrom(root, plan.image.at(f));
        if (!ok) {
            if (error)
                *error = path + ": " + tr("cannot encode the frame image");
            return false;
        }
        if (!makeFolders(detail::dirOf(path), &created->folders, error))
            return false;
        const bool existed = QFileInfo::exists(QString::fromStdString(path));
        if (!writeFileAtomically(path, std::string(png.begin(), png.end()), error))
            return false;
        if (!existed)
            created->files.push_back(path);
        ++report->images;
    }
    return true;
}

/**
 * One DLC export: the CSV at \a csvPath (empty: \a root/labeled-data/<video>/CollectedData_<scorer>.csv) and,
 * with options.writeImages, the frame images under \a root, written first so the CSV names only images that exist.
 */
bool exportDlc(const Project &project, const std::string &root, std::string csvPath, const DlcWriteOptions &options,
               DlcWriteReport *report, std::string *error)
{
    DlcWriteReport local;
    DlcWriteReport *rep = report ? report : &local;
    *rep = DlcWriteReport();
    DlcPlan plan;
    std::string why;
    if (!planDlc(project, options, &plan, &why)) {
        if (error)
            *error = (csvPath.empty() ? root : csvPath) + ": " + why;
        return false;
    }
    if (csvPath.empty())
        csvPath = root + "/labeled-data/" + plan.video + "/CollectedData_" + safeFolderName(options.scorer) + ".csv";
    // A failed export takes back the images and folders it created.
    CreatedPaths created;
    if (!root.empty() && options.writeImages && !writeDlcImages(plan, root, rep, &created, error))
        return false;
    const std::string text = dlcCsvText(plan, options, rep);
    if (!makeFolders(detail::dirOf(csvPath), &created.folders, error) || !writeFileAtomically(csvPath, text, error))
        return false;
    created.keep();
    rep->csvPath = csvPath;
    if (root.empty() || !options.writeImages)
        rep->lost.push_back(tr("no frame images written: DeepLabCut needs them in labeled-data/") + plan.video + "/");
    return true;
}

} // namespace

bool writeDlcCsv(const Project &project, const std::string &path, const DlcWriteOptions &options,
                 DlcWriteReport *report, std::string *error)
{
    return exportDlc(project, std::string(), path, options, report, error);
}

bool writeDlcCsv(const Project &project, const std::string &path, const std::string &scorer, std::string *error)
{
    DlcWriteOptions options;
    options.scorer = scorer;
    return writeDlcCsv(project, path, options, nullptr, error);
}

bool writeDlcProject(const Project &project, const std::string &projectDir, const DlcWriteOptions &options,
                     DlcWriteReport *report, std::string *error)
{
    return exportDlc(project, detail::absoluteFrom(QDir::currentPath().toStdString(), projectDir), std::string(),
                     options, report, error);
}

bool writeDlcProjectAllClips(const Project &project, const std::string &projectDir, const DlcWriteOptions &options,
                             std::vector<DlcWriteReport> *reports, std::string *error)
{
    if (project.clips.empty()) {
        if (error)
            *error = projectDir + ": " + tr("the project has no clips");
        return false;
    }
    if (const std::string why = pendingVersionsMessage(project); !why.empty()) {
        if (error)
            *error = projectDir + ": " + why;
        return false;
    }
    std::set<std::string> used;
    for (const Clip &clip : project.clips) {
        if (clip.setAside)
            continue;
        Project one;
        one.categories = project.categories;
        one.clips.push_back(clip);
        DlcWriteOptions o = options;
        const std::string base = safeFolderName(clip.name.empty() ? "video" + std::to_string(clip.videoId) : clip.name);
        o.videoName = base;
        for (int n = 2; !used.insert(o.videoName).second; ++n)
            o.videoName = base + "_" + std::to_string(n);
        DlcWriteReport report;
        if (!writeDlcProject(one, projectDir, o, &report, error))
            return false;
        if (reports)
            reports->push_back(std::move(report));
    }
    return true;
}

} // namespace paddock::core
