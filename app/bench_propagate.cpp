// SPDX-License-Identifier: Apache-2.0
// paddock bench propagate [--eval DIR] [--clips NAME,...] [--dir EVAL/CLIP] [--every N,...] [--out DIR] [--no-baselines]
// [--no-refine] [--refine-frames N] [--refine-points M] [--refine-every N,...] [--step S] [--set KEY=VALUE ...]:
// the default tracker on every clip with ground truth under ../shared/eval (flies, badja-cows,
// badja-dog, ...) at every-10 and every-25 labels, next to the plain Lucas-Kanade blend (eval/baseline_lk.py)
// and linear interpolation, all scored by eval/score.py; with the tracker's time, the clip's decode time in
// the same run, peak memory, the score calibration, a simulated Refine (every-25: the 2 worst points of each
// animal on the 3 worst frames corrected, propagated again) and, on video clips, labels on the first frame only.
// --step S cuts each clip first to its ground-truth frames at least S frames apart (the fly clip every S-th
// frame; BADJA's, labelled about every 5th, with S up to 5: every labelled frame), as APTv2 samples a video:
// the animals move S times as far between frames. --every then counts frames of the cut clip.
#include "app/commands.h"

#include "core/io/coco.h"
#include "core/model/sampling.h"
#include "core/video/framesource.h"
#include "tracking/defaulttracker.h"
#include "tracking/propagation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>

namespace paddock::app {

/** Resets the kernel's high-water mark of this process's resident memory (Linux; ignored elsewhere). */
void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

/** The resident high-water mark (MiB) since the last resetPeakRss(). */
double peakRssMiB()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::atof(line.c_str() + 6) / 1024.0;
    return 0.0;
}

QString findEvalRoot()
{
    QStringList candidates;
    if (const char *env = std::getenv("PADDOCK_SHARED"))
        candidates << QDir(QString::fromLocal8Bit(env)).filePath(QStringLiteral("eval"));
    candidates << QDir::current().filePath(QStringLiteral("../shared/eval"))
               << QDir::current().filePath(QStringLiteral("shared/eval"))
               << QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../shared/eval"));
    for (const QString &c : candidates)
        if (QFileInfo::exists(QDir(c).filePath(QStringLiteral("score.py"))))
            return QDir(c).absolutePath();
    return {};
}

namespace {

/** score.py's figures for one prediction (a file, or "linear"). */
QJsonObject score(const QString &root, const QString &gt, const QString &sparse, const QString &pred)
{
    QProcess proc;
    proc.start(QStringLiteral("/usr/bin/python3"), {QDir(root).filePath(QStringLiteral("score.py")), gt, sparse, pred});
    if (!proc.waitForFinished(600000) || proc.exitCode() != 0) {
        printError(QStringLiteral("score.py failed: %1").arg(QString::fromLocal8Bit(proc.readAllStandardError())));
        return {};
    }
    return QJsonDocument::fromJson(proc.readAllStandardOutput()).object();
}

/** The plain LK blend of eval/baseline_lk.py into \a out; its wall time in \a seconds. */
bool runLkBaseline(const QString &root, const QString &clip, const QString &sparse, const QString &out, double *seconds)
{
    const auto t0 = std::chrono::steady_clock::now();
    QProcess proc;
    proc.start(QStringLiteral("/usr/bin/python3"), {QDir(root).filePath(QStringLiteral("baseline_lk.py")), clip, sparse, out});
    const bool ok = proc.waitForFinished(1800000) && proc.exitCode() == 0;
    *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!ok)
        printError(QStringLiteral("baseline_lk.py failed: %1").arg(QString::fromLocal8Bit(proc.readAllStandardError())));
    return ok;
}

/** User and system CPU seconds of this process so far (all its threads, not its children). */
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

struct Run
{
    bool ok = false;
    double seconds = 0.0;
    double cpu = 0.0;
    double cropMiB = 0.0;
    double rssMiB = 0.0;
    core::Clip result; ///< the labels with the tracker's output merged
};

tracking::DefaultTrackerParams gParams; // --set KEY=VALUE

bool setParam(const QString &kv)
{
    const QStringList p = kv.split(QLatin1Char('='));
    if (p.size() != 2)
        return false;
    bool ok = false;
    const double v = p[1].toDouble(&ok);
    if (!ok)
        return false;
    const QString &k = p[0];
    if (k == QLatin1String("fbThreshold")) gParams.fbThreshold = v;
    else if (k == QLatin1String("lostLikeness")) gParams.lostLikeness = v;
    else if (k == QLatin1String("lostLikenessPointwise")) gParams.lostLikenessPointwise = v;
    else if (k == QLatin1String("lostStructure")) gParams.lostStructure = v;
    else if (k == QLatin1String("lostSigma")) gParams.lostSigma = v;
    else if (k == QLatin1String("lostSigmaPointwise")) gParams.lostSigmaPointwise = v;
    else if (k == QLatin1String("margin")) gParams.margin = v;
    else if (k == QLatin1String("scoreMotion")) gParams.scoreMotion = v;
    else if (k == QLatin1String("appearance")) gParams.appearance = v != 0;
    else if (k == QLatin1String("switchMinGapPointwise")) gParams.switchMinGapPointwise = v;
    else if (k == QLatin1String("templateAccept")) gParams.templateAccept = v;
    else if (k == QLatin1String("templateGain")) gParams.templateGain = v;
    else if (k == QLatin1String("templateGainPointwise")) gParams.templateGainPointwise = v;
    else if (k == QLatin1String("switchGapPointwise")) gParams.switchGapPointwise = v;
    else if (k == QLatin1String("searchRadius")) gParams.searchRadius = v;
    else if (k == QLatin1String("switchGap")) gParams.switchGap = v;
    else if (k == QLatin1String("pointwiseBelow")) gParams.pointwiseBelow = v;
    else if (k == QLatin1String("anchorRefine")) gParams.anchorRefine = v;
    else if (k == QLatin1String("lostFollowsBodyPointwise")) gParams.lostFollowsBodyPointwise = v != 0;
    else if (k == QLatin1String("stickyLostPointwise")) gParams.stickyLostPointwise = v != 0;
    else if (k == QLatin1String("anchorLevels")) gParams.anchorLevels = int(v);
    else if (k == QLatin1String("flowPixels")) gParams.flowPixels = int(v);
    else if (k == QLatin1String("disPreset")) gParams.disPreset = int(v);
    else if (k == QLatin1String("disFinestScale")) gParams.disFinestScale = int(v);
    else if (k == QLatin1String("disPatchSize")) gParams.disPatchSize = int(v);
    else if (k == QLatin1String("disPatchStride")) gParams.disPatchStride = int(v);
    else if (k == QLatin1String("disIterations")) gParams.disIterations = int(v);
    else if (k == QLatin1String("disVarIterations")) gParams.disVarIterations = int(v);
    else if (k == QLatin1String("memoryBudget")) gParams.memoryBudget = std::size_t(v);
    else
        return false;
    return true;
}

Run propagate(const core::Project &project, const core::Clip &clip)
{
    Run r;
    tracking::TrackingInput input;
    input.clip = clip;
    input.categories = project.categories;
    tracking::DefaultTracker tracker(gParams);
    tracking::TrackingOutput output;
    tracking::PropagationStats stats;
    std::atomic_bool cancel{false};
    std::string error;
    resetPeakRss();
    const double cpu0 = cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    if (!tracking::runPropagation(tracker, clip.path, input, {}, cancel, &output, &error, &stats)) {
        printError(QStringLiteral("paddock bench propagate: %1").arg(QString::fromStdString(error)));
        return r;
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.cpu = cpuSeconds() - cpu0;
    r.cropMiB = double(tracker.peakCropBytes()) / 1048576.0;
    r.rssMiB = peakRssMiB();
    r.result = clip;
    tracking::mergeTrackingOutput(&r.result, output, false);
    r.ok = true;
    return r;
}

/** The longer side of the box of an instance's labelled points. */
double sizeOf(const core::Instance &g)
{
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const core::Keypoint &k : g.keypoints)
        if (k.isLabelled()) {
            x0 = std::min(x0, k.x);
            y0 = std::min(y0, k.y);
            x1 = std::max(x1, k.x);
            y1 = std::max(y1, k.y);
        }
    return std::max({x1 - x0, y1 - y0, 1.0});
}

struct PointError
{
    int frame = 0;
    int track = 0;
    int k = 0;
    double px = 0.0;
    double rel = 0.0;
    float score = 0.f;
};

/** Errors of \a pred against \a gt on the ground-truth frames that are not in \a given. */
std::vector<PointError> errorsOf(const core::Clip &gt, const core::Clip &pred, const std::set<int> &given)
{
    std::vector<PointError> out;
    for (const auto &[f, list] : gt.frames) {
        if (given.count(f))
            continue;
        for (const core::Instance &g : list) {
            const core::Instance *p = pred.instance(f, g.trackId);
            const double size = sizeOf(g);
            for (std::size_t k = 0; k < g.keypoints.size(); ++k) {
                if (!g.keypoints[k].isLabelled())
                    continue;
                if (!p || k >= p->keypoints.size() || !p->keypoints[k].isLabelled())
                    continue;
                const double e = std::hypot(p->keypoints[k].x - g.keypoints[k].x, p->keypoints[k].y - g.keypoints[k].y);
                out.push_back({f, g.trackId, int(k), e, e / size, p->keypoints[k].score});
            }
        }
    }
    return out;
}

std::set<int> labelledFrames(const core::Clip &clip)
{
    std::set<int> s;
    for (const auto &[f, list] : clip.frames)
        for (const core::Instance &i : list)
            for (const core::Keypoint &k : i.keypoints)
                if (k.isLabelled() && core::isUserLabel(k.source))
                    s.insert(f);
    return s;
}

QString fig(const QJsonObject &o, const char *key, int decimals = 3)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? QString::number(v.toDouble(), 'f', decimals) : QStringLiteral("-");
}

/** Share of points within 5 % of the animal's size per score band, as "band: share (n)". */
QString calibration(const std::vector<PointError> &errs)
{
    const double edges[] = {0.0, 0.25, 0.5, 0.75, 1.01};
    QStringList parts;
    for (int b = 0; b < 4; ++b) {
        int n = 0, good = 0;
        for (const PointError &e : errs)
            if (e.score >= edges[b] && e.score < edges[b + 1]) {
                ++n;
                good += e.rel <= 0.05 ? 1 : 0;
            }
        parts << QStringLiteral("[%1,%2): %3 (n=%4)")
                     .arg(edges[b], 0, 'f', 2)
                     .arg(std::min(1.0, edges[b + 1]), 0, 'f', 2)
                     .arg(n ? QString::number(double(good) / n, 'f', 2) : QStringLiteral("-"))
                     .arg(n);
    }
    // How well the scores rank: the chance that a point within 5 % scores above one that is not (ties half).
    std::vector<std::pair<float, bool>> ranked;
    for (const PointError &e : errs)
        ranked.push_back({e.score, e.rel <= 0.05});
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    double rankSum = 0.0, right = 0.0;
    for (std::size_t i = 0; i < ranked.size();) {
        std::size_t j = i;
        while (j < ranked.size() && ranked[j].first == ranked[i].first)
            ++j;
        const double meanRank = 0.5 * double(i + 1 + j); // ranks i+1 .. j share their mean
        for (std::size_t m = i; m < j; ++m)
            if (ranked[m].second) {
                rankSum += meanRank;
                right += 1.0;
            }
        i = j;
    }
    const double wrong = double(ranked.size()) - right;
    if (right > 0 && wrong > 0)
        parts << QStringLiteral("ranking (AUC): %1").arg((rankSum - right * (right + 1) / 2) / (right * wrong), 0, 'f', 3);
    return parts.join(QStringLiteral("  "));
}

double meanOf(const std::vector<PointError> &errs, const std::function<bool(const PointError &)> &keep)
{
    double sum = 0.0;
    int n = 0;
    for (const PointError &e : errs)
        if (keep(e)) {
            sum += e.px;
            ++n;
        }
    return n ? sum / n : 0.0;
}

/** The clip's video, or its folder of frames. */
QString clipSource(const QDir &dir)
{
    const QString video = findClip(dir);
    return video;
}

/**
 * The clip of \a dir (an eval folder) cut to its ground-truth frames at least \a step apart, written as an eval
 * folder \a outDir: frames/ (PNG, as decoded), gt.json and sparse-every-N.json for each of \a everies.
 */
bool writeCutClip(const QDir &dir, int step, const QStringList &everies, const QString &outDir, std::string *error)
{
    auto gt = core::readCocoFile(dir.filePath(QStringLiteral("gt.json")).toStdString(), error);
    if (!gt || gt->clips.empty())
        return false;
    auto src = core::FrameSource::open(clipSource(dir).toStdString(), error);
    if (!src)
        return false;
    const std::vector<int> kept = core::framesAtLeastApart(gt->clips.front(), step);
    const QDir out(outDir);
    if (!QDir().mkpath(out.filePath(QStringLiteral("frames")))) {
        *error = "cannot create " + outDir.toStdString();
        return false;
    }
    core::Clip cut = core::keepFrames(gt->clips.front(), kept);
    cut.imageRoot.clear();
    cut.frameMeta.clear();
    cut.path = out.filePath(QStringLiteral("frames")).toStdString();
    for (std::size_t i = 0; i < kept.size(); ++i) {
        core::VideoFrame frame;
        if (!src->read(kept[i], &frame, error))
            return false;
        const QString name = QStringLiteral("img%1.png").arg(int(i), 4, 10, QLatin1Char('0'));
        const QImage image(reinterpret_cast<const uchar *>(frame.rgb.constData()), frame.width, frame.height,
                           3 * frame.width, QImage::Format_RGB888);
        if (!image.save(out.filePath(QStringLiteral("frames/") + name), "PNG")) {
            *error = "cannot write " + out.filePath(QStringLiteral("frames/") + name).toStdString();
            return false;
        }
        cut.frameMeta.push_back(core::FrameMeta{name.toStdString(), 0, frame.width, frame.height});
        cut.width = frame.width;
        cut.height = frame.height;
    }
    core::Project project = *gt;
    core::CocoWriteOptions wo;
    wo.aptv2 = true;
    project.clips = {cut};
    if (!core::writeCocoFile(project, out.filePath(QStringLiteral("gt.json")).toStdString(), wo, error))
        return false;
    for (const QString &every : everies) {
        project.clips = {core::labelsEvery(cut, every.toInt())};
        if (!core::writeCocoFile(project, out.filePath(QStringLiteral("sparse-every-%1.json").arg(every)).toStdString(), wo, error))
            return false;
    }
    return true;
}

} // namespace

QString findClip(const QDir &dir)
{
    for (const QString &name : dir.entryList({QStringLiteral("*.mp4"), QStringLiteral("*.mkv"), QStringLiteral("*.avi")},
                                             QDir::Files))
        return dir.filePath(name);
    if (QFileInfo(dir.filePath(QStringLiteral("frames"))).isDir())
        return dir.filePath(QStringLiteral("frames"));
    return {};
}

int runBenchPropagate(const QStringList &args)
{
    QString root, outDir;
    QStringList clips, everies = {QStringLiteral("10"), QStringLiteral("25")};
    bool baselines = true, refine = true;
    int refineFrames = 3, refinePoints = 2; // the simulated Refine: the worst frames, the worst points on each
    QStringList refineEveries = {QStringLiteral("25")};
    int step = 0; // --step: the clips cut to frames this far apart first
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--eval") && i + 1 < args.size())
            root = args[++i];
        else if (args[i] == QLatin1String("--dir") && i + 1 < args.size()) { // one clip folder of the eval
            const QFileInfo clipDir(args[++i]);
            root = clipDir.absolutePath();
            clips = QStringList{clipDir.fileName()};
        } else if (args[i] == QLatin1String("--clips") && i + 1 < args.size())
            clips = args[++i].split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (args[i] == QLatin1String("--every") && i + 1 < args.size())
            everies = args[++i].split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (args[i] == QLatin1String("--out") && i + 1 < args.size())
            outDir = args[++i];
        else if (args[i] == QLatin1String("--no-baselines"))
            baselines = false;
        else if (args[i] == QLatin1String("--no-refine"))
            refine = false;
        else if (args[i] == QLatin1String("--refine-frames") && i + 1 < args.size())
            refineFrames = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--refine-points") && i + 1 < args.size())
            refinePoints = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--refine-every") && i + 1 < args.size())
            refineEveries = args[++i].split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (args[i] == QLatin1String("--step") && i + 1 < args.size()) {
            bool ok = false;
            step = args[++i].toInt(&ok);
            if (!ok || step < 1) {
                printError(QStringLiteral("paddock bench propagate: --step %1: not a whole number of frames, 1 or more").arg(args[i]));
                return kExitBadInput;
            }
        }
        else if (args[i] == QLatin1String("--set") && i + 1 < args.size()) {
            if (!setParam(args[++i])) {
                printError(QStringLiteral("paddock bench propagate: --set %1: not a tracker parameter (KEY=NUMBER)").arg(args[i]));
                return kExitBadInput;
            }
        }
        else {
            printError(QStringLiteral("paddock bench propagate: unknown option %1").arg(args[i]));
            return kExitBadInput;
        }
    }
    if (root.isEmpty())
        root = findEvalRoot();
    if (root.isEmpty() || !QFileInfo::exists(QDir(root).filePath(QStringLiteral("score.py")))) {
        printError(QStringLiteral("paddock bench propagate: no eval folder (with score.py) found; pass --eval ../shared/eval"));
        return kExitBadInput;
    }
    if (clips.isEmpty())
        for (const QString &name : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            if (QFileInfo::exists(QDir(root).filePath(name + QStringLiteral("/gt.json"))))
                clips << name;
    QTemporaryDir temp;
    if (outDir.isEmpty())
        outDir = temp.path();
    QDir().mkpath(outDir);

    std::printf("| clip | input | method | delta_avg | pck05 | pck10 | within4px | median px | hard_within8px | seconds (cpu) | "
                "decode s | ratio | ms/frame/animal | peak MiB (crops / RSS) |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    std::fflush(stdout);
    QStringList notes;
    for (const QString &clipName : clips) {
        QDir dir(QDir(root).filePath(clipName));
        QString name = clipName;
        if (step > 0) {
            name = QStringLiteral("%1-step%2").arg(clipName).arg(step);
            const QString cutDir = QDir(outDir).filePath(name);
            std::string error;
            if (!writeCutClip(dir, step, everies, cutDir, &error)) {
                printError(QStringLiteral("paddock bench propagate: %1: %2").arg(clipName, QString::fromStdString(error)));
                continue;
            }
            dir = QDir(cutDir);
        }
        const QString gtPath = dir.filePath(QStringLiteral("gt.json"));
        const QString source = clipSource(dir);
        std::string error;
        auto gt = core::readCocoFile(gtPath.toStdString(), &error);
        if (source.isEmpty() || !gt || gt->clips.empty()) {
            printError(QStringLiteral("paddock bench propagate: %1: %2").arg(name, source.isEmpty() ? QStringLiteral("no video") : QString::fromStdString(error)));
            continue;
        }
        // Decode-only time: every frame once, in order, through the frame source the tracker uses.
        double decodeSeconds = 0.0;
        int frameCount = 0, width = 0, height = 0;
        {
            auto src = core::FrameSource::open(source.toStdString(), &error);
            if (!src) {
                printError(QString::fromStdString(error));
                continue;
            }
            frameCount = src->info().frameCount;
            width = src->info().width;
            height = src->info().height;
            const auto t0 = std::chrono::steady_clock::now();
            core::VideoFrame frame;
            for (int f = 0; f < frameCount; ++f)
                if (!src->read(f, &frame, &error))
                    break;
            decodeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        }
        for (const QString &every : everies) {
            const QString sparse = dir.filePath(QStringLiteral("sparse-every-%1.json").arg(every));
            auto project = core::readCocoFile(sparse.toStdString(), &error);
            if (!project || project->clips.empty())
                continue;
            core::Clip clip = project->clips.front();
            clip.path = source.toStdString();
            const std::set<int> given = labelledFrames(clip);
            const Run run = propagate(*project, clip);
            if (!run.ok)
                return kExitBadInput;
            core::Project predProject = *project;
            predProject.clips.front() = run.result;
            const QString pred = QDir(outDir).filePath(QStringLiteral("%1-every-%2-pred.json").arg(name, every));
            core::CocoWriteOptions wo;
            wo.aptv2 = true;
            if (!core::writeCocoFile(predProject, pred.toStdString(), wo, &error)) {
                printError(QString::fromStdString(error));
                return kExitBadInput;
            }
            const int animals = std::max<int>(1, int(clip.tracks.size()));
            const double msPerFrameAnimal = 1000.0 * run.seconds / std::max(1, frameCount) / animals;
            auto row = [&](const QString &method, const QJsonObject &s, const QString &timing) {
                std::printf("| %s | every %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name.toLocal8Bit().constData(),
                            every.toLocal8Bit().constData(), method.toLocal8Bit().constData(),
                            fig(s, "delta_avg").toLocal8Bit().constData(), fig(s, "pck05").toLocal8Bit().constData(),
                            fig(s, "pck10").toLocal8Bit().constData(), fig(s, "within4px").toLocal8Bit().constData(),
                            fig(s, "median_px", 1).toLocal8Bit().constData(),
                            fig(s, "hard_within8px").toLocal8Bit().constData(), timing.toLocal8Bit().constData());
                std::fflush(stdout);
            };
            row(QStringLiteral("default"), score(root, gtPath, sparse, pred),
                QStringLiteral("%1 (%8) | %2 | %3 | %4 (%5 px) | %6 / %7")
                    .arg(run.seconds, 0, 'f', 2)
                    .arg(decodeSeconds, 0, 'f', 2)
                    .arg(run.seconds / std::max(1e-9, decodeSeconds), 0, 'f', 2)
                    .arg(msPerFrameAnimal, 0, 'f', 2)
                    .arg(QStringLiteral("%1x%2").arg(width).arg(height))
                    .arg(run.cropMiB, 0, 'f', 0)
                    .arg(run.rssMiB, 0, 'f', 0)
                    .arg(run.cpu, 0, 'f', 2));
            if (baselines) {
                const QString lk = QDir(outDir).filePath(QStringLiteral("%1-every-%2-lk.json").arg(name, every));
                double lkSeconds = 0.0;
                if (runLkBaseline(root, source, sparse, lk, &lkSeconds))
                    row(QStringLiteral("LK blend"), score(root, gtPath, sparse, lk),
                        QStringLiteral("%1 (python) | | | |").arg(lkSeconds, 0, 'f', 1));
                row(QStringLiteral("linear"), score(root, gtPath, sparse, QStringLiteral("linear")), QStringLiteral("| | | |"));
            }
            const std::vector<PointError> errs = errorsOf(gt->clips.front(), run.result, given);
            notes << QStringLiteral("calibration %1 every %2 (share within 5 % of the animal's size per score band): %3")
                         .arg(name, every, calibration(errs));

            if (!refine || !refineEveries.contains(every))
                continue;
            // Refine, simulated: the 3 frames with the largest mean error get their 2 worst points per animal
            // from the ground truth as labels (--refine-frames, --refine-points); then propagate again.
            std::map<int, std::pair<double, int>> perFrame;
            for (const PointError &e : errs) {
                perFrame[e.frame].first += e.px;
                perFrame[e.frame].second += 1;
            }
            std::vector<std::pair<double, int>> ranked;
            for (const auto &[f, sn] : perFrame)
                ranked.push_back({sn.first / sn.second, f});
            std::sort(ranked.rbegin(), ranked.rend());
            std::set<int> corrected;
            for (std::size_t i = 0; i < ranked.size() && i < std::size_t(refineFrames); ++i)
                corrected.insert(ranked[i].second);
            core::Clip fixedInput = clip;
            std::set<std::tuple<int, int, int>> touched;
            for (int f : corrected) {
                std::map<int, std::vector<PointError>> byTrack;
                for (const PointError &e : errs)
                    if (e.frame == f)
                        byTrack[e.track].push_back(e);
                for (auto &[track, list] : byTrack) {
                    std::sort(list.begin(), list.end(), [](const PointError &a, const PointError &b) { return a.px > b.px; });
                    const core::Instance *g = gt->clips.front().instance(f, track);
                    core::Instance inst;
                    if (const core::Instance *have = fixedInput.instance(f, track))
                        inst = *have;
                    inst.trackId = track;
                    inst.categoryId = g->categoryId;
                    inst.keypoints.resize(std::max(inst.keypoints.size(), g->keypoints.size()));
                    for (std::size_t i = 0; i < list.size() && i < std::size_t(refinePoints); ++i) {
                        core::Keypoint kp = g->keypoints[std::size_t(list[i].k)];
                        kp.source = core::Source::Manual;
                        kp.score = 1.f;
                        inst.keypoints[std::size_t(list[i].k)] = kp;
                        touched.insert({f, track, list[i].k});
                    }
                    fixedInput.setInstance(f, inst);
                }
            }
            const Run again = propagate(*project, fixedInput);
            if (!again.ok)
                return kExitBadInput;
            const std::vector<PointError> after = errorsOf(gt->clips.front(), again.result, given);
            predProject.clips.front() = again.result;
            const QString refined = QDir(outDir).filePath(QStringLiteral("%1-every-%2-refined.json").arg(name, every));
            if (!core::writeCocoFile(predProject, refined.toStdString(), wo, &error))
                printError(QString::fromStdString(error));
            auto other = [&](const PointError &e) { return !corrected.count(e.frame); };
            auto untouched = [&](const PointError &e) {
                return corrected.count(e.frame) && !touched.count({e.frame, e.track, e.k});
            };
            notes << QStringLiteral("refine %1 every %7 (frames %2 corrected): other frames mean %3 -> %4 px; untouched "
                                    "points on the corrected frames %5 -> %6 px")
                         .arg(name)
                         .arg([&] {
                             QStringList s;
                             for (int f : corrected)
                                 s << QString::number(f);
                             return s.join(QLatin1Char(','));
                         }())
                         .arg(meanOf(errs, other), 0, 'f', 3)
                         .arg(meanOf(after, other), 0, 'f', 3)
                         .arg(meanOf(errs, untouched), 0, 'f', 3)
                         .arg(meanOf(after, untouched), 0, 'f', 3)
                         .arg(every);
        }
        // Labels on the first labelled frame only: memory must stay bounded whatever the labels.
        if (!QFileInfo(source).isDir()) {
            auto project = core::readCocoFile(dir.filePath(QStringLiteral("sparse-every-10.json")).toStdString(), &error);
            if (project && !project->clips.empty()) {
                core::Clip clip = project->clips.front();
                clip.path = source.toStdString();
                const int first = clip.frames.empty() ? 0 : clip.frames.begin()->first;
                for (auto it = clip.frames.begin(); it != clip.frames.end();)
                    it = it->first == first ? std::next(it) : clip.frames.erase(it);
                const Run run = propagate(*project, clip);
                if (run.ok)
                    notes << QStringLiteral("one labelled frame %1: %2 s, peak crops %3 MiB, peak RSS %4 MiB")
                                 .arg(name)
                                 .arg(run.seconds, 0, 'f', 2)
                                 .arg(run.cropMiB, 0, 'f', 0)
                                 .arg(run.rssMiB, 0, 'f', 0);
            }
        }
    }
    std::printf("\n");
    for (const QString &n : notes)
        std::printf("%s\n", n.toLocal8Bit().constData());
    return kExitOk;
}

} // namespace paddock::app
