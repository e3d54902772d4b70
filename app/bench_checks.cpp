// SPDX-License-Identifier: Apache-2.0
// paddock bench checks [FILE] [--repeat N]: how long the automatic checks take on a labelled clip.
// paddock bench checks --eval DIR [--every N] [--swap-at FRAME] [--sweep]: how well the checks find tracker
// errors: DIR's sparse labels propagated with the default tracker, every check's flags scored against the
// points more than 10 % of the animal's size off in DIR/gt.json (size as eval/score.py measures it).
#include "app/commands.h"

#include "core/checks/checks.h"
#include "core/checks/imagechecks.h"
#include "core/io/coco.h"
#include "core/video/framesource.h"
#include "tracking/propagation.h"
#include "tracking/trackerfactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <vector>

namespace paddock::app {

namespace {

QString defaultFile()
{
    QStringList candidates;
    if (const QByteArray env = qgetenv("PADDOCK_SHARED"); !env.isEmpty())
        candidates << QString::fromLocal8Bit(env) + QStringLiteral("/eval/flies/gt.json");
    candidates << QStringLiteral("../shared/eval/flies/gt.json") << QStringLiteral("shared/eval/flies/gt.json");
    for (const QString &c : candidates)
        if (QFileInfo::exists(c))
            return c;
    return {};
}

/** Median, min and max of \a v in milliseconds, as text. */
QString stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return QStringLiteral("median %1 ms, min %2 ms, max %3 ms")
        .arg(v[v.size() / 2], 0, 'f', 2)
        .arg(v.front(), 0, 'f', 2)
        .arg(v.back(), 0, 'f', 2);
}

using PointKey = std::tuple<int, int, int>; // frame, track, keypoint

/** One tracker point scored against the ground truth. */
struct ScoredPoint
{
    bool wrong = false; ///< more than 10 % of the animal's size off
    float score = 0.f;  ///< the tracker's own score
};

/** The tracker's points on the ground-truth frames that were not given as labels. */
std::map<PointKey, ScoredPoint> scorePoints(const core::Clip &pred, const core::Clip &gt,
                                            const std::set<int> &givenFrames, double tolerance)
{
    std::map<PointKey, ScoredPoint> out;
    for (const auto &[f, list] : gt.frames) {
        if (givenFrames.count(f))
            continue;
        for (const core::Instance &g : list) {
            double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
            for (const core::Keypoint &p : g.keypoints)
                if (p.isLabelled()) {
                    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
                }
            if (x1 < x0)
                continue;
            const double size = std::max({x1 - x0, y1 - y0, 1.0}); // score.py: the longer side of the GT box
            const core::Instance *p = pred.instance(f, g.trackId);
            if (!p)
                continue;
            for (int k = 0; k < int(g.keypoints.size()) && k < int(p->keypoints.size()); ++k) {
                const core::Keypoint &a = g.keypoints[std::size_t(k)], &b = p->keypoints[std::size_t(k)];
                if (!a.isLabelled() || !b.isLabelled() || core::isUserLabel(b.source))
                    continue;
                out[{f, g.trackId, k}] = {std::hypot(a.x - b.x, a.y - b.y) > tolerance * size, b.score};
            }
        }
    }
    return out;
}

/** The points each finding flags: its keypoint, or every keypoint of its animal on that frame. */
std::set<PointKey> flagged(const std::vector<core::Finding> &findings, const std::map<PointKey, ScoredPoint> &points)
{
    std::set<PointKey> out;
    for (const core::Finding &f : findings) {
        if (f.keypoint >= 0) {
            out.insert({f.frame, f.trackId, f.keypoint});
            continue;
        }
        for (auto it = points.lower_bound({f.frame, f.trackId, -1});
             it != points.end() && std::get<0>(it->first) == f.frame && std::get<1>(it->first) == f.trackId; ++it)
            out.insert(it->first);
    }
    return out;
}

/** "name  flags  right  precision  recall" for the points in \a flags. */
QString prRow(const QString &name, const std::set<PointKey> &flags, const std::map<PointKey, ScoredPoint> &points)
{
    int n = 0, tp = 0, wrong = 0;
    for (const auto &[key, p] : points) {
        wrong += p.wrong;
        if (flags.count(key)) {
            ++n;
            tp += p.wrong;
        }
    }
    const QString precision = n ? QString::number(double(tp) / n, 'f', 3) : QStringLiteral("-");
    const QString recall = wrong ? QString::number(double(tp) / wrong, 'f', 3) : QStringLiteral("-");
    return QStringLiteral("| %1 | %2 | %3 | %4 | %5 |").arg(name, -22).arg(n, 6).arg(tp, 6).arg(precision, 9).arg(recall, 6);
}

QString evalClipPath(const QDir &dir)
{
    const QString video = findClip(dir);
    if (!video.isEmpty())
        return video;
    return QFileInfo(dir.filePath(QStringLiteral("frames"))).isDir() ? dir.filePath(QStringLiteral("frames")) : QString();
}

/** The identity checks' findings on \a clip, as "frame F: tracks A and B" lines. */
QStringList identityLines(const std::vector<core::Finding> &findings)
{
    QStringList out;
    for (const core::Finding &f : findings)
        if (f.kind == core::FindingKind::IdentitySwap)
            out << QStringLiteral("frame %1 track %2").arg(f.frame).arg(f.trackId);
    return out;
}

int runEval(const QString &evalDir, int every, int swapAt, bool sweep)
{
    const QDir dir(evalDir);
    const QString gtPath = dir.filePath(QStringLiteral("gt.json"));
    const QString sparsePath = dir.filePath(QStringLiteral("sparse-every-%1.json").arg(every));
    const QString clipPath = evalClipPath(dir);
    if (!QFileInfo::exists(gtPath) || !QFileInfo::exists(sparsePath) || clipPath.isEmpty()) {
        printError(tr("paddock bench checks: %1 needs gt.json, sparse-every-%2.json and a video or frames/")
                       .arg(evalDir)
                       .arg(every));
        return kExitBadInput;
    }
    std::string error;
    auto gt = core::readCocoFile(gtPath.toStdString(), &error);
    auto sparse = gt ? core::readCocoFile(sparsePath.toStdString(), &error) : std::nullopt;
    if (!gt || !sparse || gt->clips.empty() || sparse->clips.empty()) {
        printError(tr("paddock bench checks: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    core::Clip &input = sparse->clips.front();
    input.path = clipPath.toStdString();
    input.imageRoot.clear(); // the frames are the video or folder given
    std::set<int> given;
    for (const auto &[f, list] : input.frames)
        given.insert(f);

    auto propagate = [&](const core::Clip &labels, core::Clip *out, double *seconds) {
        auto tracker = tracking::makeTracker(tracking::TrackerOptions(), &error);
        if (!tracker)
            return false;
        tracking::TrackingInput in;
        in.clip = labels;
        in.categories = sparse->categories;
        tracking::TrackingOutput output;
        tracking::PropagationStats stats;
        std::atomic_bool cancel{false};
        if (!tracking::runPropagation(*tracker, labels.path, in, {}, cancel, &output, &error, &stats))
            return false;
        *out = labels;
        tracking::mergeTrackingOutput(out, output, false);
        *seconds = stats.seconds;
        return true;
    };
    auto imageChecks = [&](const core::Clip &clip, const core::ImageCheckOptions &o, std::vector<core::Finding> *out,
                           double *seconds) {
        auto frames = core::FrameSource::open(clipPath.toStdString(), &error);
        QElapsedTimer t;
        t.start();
        const bool ok = frames && core::runImageChecks(clip, sparse->categories, *frames, o, out, &error);
        *seconds = t.nsecsElapsed() / 1e9;
        return ok;
    };

    core::Clip pred;
    double propagateSeconds = 0, imageSeconds = 0;
    if (!propagate(input, &pred, &propagateSeconds)) {
        printError(tr("paddock bench checks: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    QElapsedTimer timer;
    timer.start();
    const std::vector<core::Finding> labelFindings = core::runChecks(pred, sparse->categories);
    const double labelSeconds = timer.nsecsElapsed() / 1e9;
    std::vector<core::Finding> imageFindings;
    if (!imageChecks(pred, core::ImageCheckOptions(), &imageFindings, &imageSeconds)) {
        printError(tr("paddock bench checks: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const auto points = scorePoints(pred, gt->clips.front(), given, 0.10);
    int wrong = 0;
    for (const auto &[key, p] : points)
        wrong += p.wrong;
    printOut(tr("%1, labels every %2 frames, default tracker (%3 s); %4 tracker points on ground-truth frames, %5 "
                "more than 10% of the animal's size off")
                 .arg(evalDir)
                 .arg(every)
                 .arg(propagateSeconds, 0, 'f', 1)
                 .arg(points.size())
                 .arg(wrong));
    printOut(tr("label checks %1 s, image checks %2 s").arg(labelSeconds, 0, 'f', 2).arg(imageSeconds, 0, 'f', 2));
    printOut(QStringLiteral("| %1 | %2 | %3 | %4 | %5 |")
                 .arg(QStringLiteral("check"), -22)
                 .arg(QStringLiteral("flags"), 6)
                 .arg(QStringLiteral("right"), 6)
                 .arg(QStringLiteral("precision"), 9)
                 .arg(QStringLiteral("recall"), 6));
    std::set<PointKey> anyImage, anyLabel;
    for (core::FindingKind kind : core::allFindingKinds()) {
        std::vector<core::Finding> mine;
        for (const std::vector<core::Finding> *list : {&labelFindings, static_cast<const std::vector<core::Finding> *>(&imageFindings)})
            for (const core::Finding &f : *list)
                if (f.kind == kind)
                    mine.push_back(f);
        const std::set<PointKey> flags = flagged(mine, points);
        if (flags.empty() && !core::isImageFindingKind(kind))
            continue;
        (core::isImageFindingKind(kind) ? anyImage : anyLabel).insert(flags.begin(), flags.end());
        printOut(prRow(QLatin1String(core::findingKindName(kind)), flags, points));
    }
    printOut(prRow(QStringLiteral("image checks (any)"), anyImage, points));
    printOut(prRow(QStringLiteral("label checks (any)"), anyLabel, points));
    std::set<PointKey> all = anyImage;
    all.insert(anyLabel.begin(), anyLabel.end());
    printOut(prRow(QStringLiteral("all checks (any)"), all, points));
    for (float s : {0.3f, 0.5f}) {
        std::set<PointKey> low;
        for (const auto &[key, p] : points)
            if (p.score < s)
                low.insert(key);
        printOut(prRow(QStringLiteral("tracker score < %1").arg(s), low, points));
    }

    if (sweep) {
        // Every image check with its threshold at zero: precision and recall as the threshold rises.
        struct Sweep
        {
            QString name;
            core::FindingKind kind;
            core::ImageCheckOptions options;
        };
        std::vector<Sweep> sweeps(4);
        sweeps[0] = {QStringLiteral("unlike_labels"), core::FindingKind::UnlikeLabels, {}};
        sweeps[0].options.unlikeMargin = 0.0;
        sweeps[1] = {QStringLiteral("track gap"), core::FindingKind::TrackDisagreement, {}};
        sweeps[1].options.disagreement = 0.0;
        sweeps[1].options.trackMiss = 1e9;
        sweeps[2] = {QStringLiteral("track miss"), core::FindingKind::TrackDisagreement, {}};
        sweeps[2].options.disagreement = 1e9;
        sweeps[2].options.trackMiss = 0.0;
        sweeps[3] = {QStringLiteral("off_animal"), core::FindingKind::OffAnimal, {}};
        sweeps[3].options.offAnimal = -1.0;
        for (Sweep &sw : sweeps) {
            sw.options.kinds = {sw.kind};
            std::vector<core::Finding> all;
            if (!imageChecks(pred, sw.options, &all, &imageSeconds)) {
                printError(tr("paddock bench checks: %1").arg(QString::fromStdString(error)));
                return kExitBadInput;
            }
            std::vector<double> values;
            for (const core::Finding &f : all)
                values.push_back(f.value);
            std::sort(values.begin(), values.end());
            if (values.empty())
                continue;
            for (double q : {0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98}) {
                const double thr = values[std::size_t(q * double(values.size() - 1))];
                std::vector<core::Finding> above;
                for (const core::Finding &f : all)
                    if (f.value > thr)
                        above.push_back(f);
                printOut(prRow(QStringLiteral("%1 > %2").arg(sw.name).arg(thr, 0, 'f', 3), flagged(above, points), points));
            }
        }
    }

    if (swapAt >= 0) {
        // Two animals' identities exchanged on one labelled frame of the input.
        std::vector<int> ids;
        if (auto it = input.frames.find(swapAt); it != input.frames.end())
            for (const core::Instance &i : it->second)
                ids.push_back(i.trackId);
        if (ids.size() < 2) {
            printError(tr("paddock bench checks: frame %1 of %2 does not hold two animals").arg(swapAt).arg(sparsePath));
            return kExitBadInput;
        }
        core::Clip planted = input;
        for (core::Instance &i : planted.frames[swapAt])
            i.trackId = i.trackId == ids[0] ? ids[1] : i.trackId == ids[1] ? ids[0] : i.trackId;
        std::vector<core::Finding> onInput, onOutput;
        double s1 = 0, s2 = 0;
        core::Clip plantedPred;
        if (!imageChecks(planted, core::ImageCheckOptions(), &onInput, &s1) || !propagate(planted, &plantedPred, &s2)
            || !imageChecks(plantedPred, core::ImageCheckOptions(), &onOutput, &s2)) {
            printError(tr("paddock bench checks: %1").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
        const std::vector<core::Finding> cleanInput = [&] {
            std::vector<core::Finding> v;
            double s = 0;
            imageChecks(input, core::ImageCheckOptions(), &v, &s);
            return v;
        }();
        printOut(tr("tracks %1 and %2 exchanged on labelled frame %3:").arg(ids[0]).arg(ids[1]).arg(swapAt));
        printOut(tr("  identity findings on the clean input: %1")
                     .arg(identityLines(cleanInput).join(QStringLiteral(", ")), 0));
        printOut(tr("  on the planted input (labels only): %1").arg(identityLines(onInput).join(QStringLiteral(", "))));
        printOut(tr("  on its propagated output: %1").arg(identityLines(onOutput).join(QStringLiteral(", "))));
        printOut(tr("  on the clean propagated output: %1").arg(identityLines(imageFindings).join(QStringLiteral(", "))));
    }
    return kExitOk;
}

} // namespace

int runBenchChecks(const QStringList &args)
{
    QString file, evalDir;
    int repeat = 20, every = 10, swapAt = -1;
    bool sweep = false;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--eval") && i + 1 < args.size()) {
            evalDir = args[++i];
        } else if (args[i] == QLatin1String("--every") && i + 1 < args.size()) {
            every = std::max(1, args[++i].toInt());
        } else if (args[i] == QLatin1String("--swap-at") && i + 1 < args.size()) {
            swapAt = args[++i].toInt();
        } else if (args[i] == QLatin1String("--sweep")) {
            sweep = true;
        } else if (args[i] == QLatin1String("--repeat") && i + 1 < args.size()) {
            repeat = std::max(1, args[++i].toInt());
        } else if (args[i].startsWith(QLatin1String("-")) || !file.isEmpty()) {
            printError(tr("paddock bench checks: unexpected argument '%1'").arg(args[i]));
            return kExitBadInput;
        } else {
            file = args[i];
        }
    }
    if (!evalDir.isEmpty())
        return runEval(evalDir, every, swapAt, sweep);
    if (file.isEmpty())
        file = defaultFile();
    if (file.isEmpty()) {
        printError(tr("paddock bench checks: give a labels file (../shared/eval/flies/gt.json was not found)"));
        return kExitBadInput;
    }
    QElapsedTimer timer;
    timer.start();
    std::string error;
    const auto project = core::readCocoFile(file.toStdString(), &error);
    if (!project) {
        printError(tr("paddock bench checks: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const double loadMs = timer.nsecsElapsed() / 1e6;
    int frames = 0, animals = 0, points = 0;
    for (const core::Clip &c : project->clips) {
        frames += c.effectiveFrameCount();
        for (const auto &[f, list] : c.frames)
            for (const core::Instance &inst : list) {
                ++animals;
                points += inst.labelledCount();
            }
    }
    printOut(tr("file: %1 (%2 clips, %3 frames, %4 animals, %5 points), read in %6 ms")
                 .arg(file)
                 .arg(project->clips.size())
                 .arg(frames)
                 .arg(animals)
                 .arg(points)
                 .arg(loadMs, 0, 'f', 1));
    auto timeChecks = [&](const core::CheckOptions &options, std::size_t *found) {
        std::vector<double> ms;
        for (int r = 0; r < repeat; ++r) {
            timer.restart();
            std::size_t n = 0;
            for (const core::Clip &c : project->clips)
                n += core::runChecks(c, project->categories, options).size();
            ms.push_back(timer.nsecsElapsed() / 1e6);
            *found = n;
        }
        return ms;
    };
    std::size_t found = 0;
    const auto all = timeChecks(core::CheckOptions(), &found);
    printOut(tr("all checks: %1 over %2 runs; %3 findings").arg(stats(all)).arg(repeat).arg(found));
    for (core::FindingKind kind : core::allFindingKinds()) {
        core::CheckOptions one;
        one.kinds = {kind};
        const auto ms = timeChecks(one, &found);
        printOut(QStringLiteral("  %1: %2; %3 findings")
                     .arg(QLatin1String(core::findingKindName(kind)), -18)
                     .arg(stats(ms))
                     .arg(found));
    }
    return kExitOk;
}

} // namespace paddock::app
