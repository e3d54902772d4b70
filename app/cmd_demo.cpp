// SPDX-License-Identifier: Apache-2.0
// paddock demo [--headless] [--out DIR]: the main job on the built-in demo clip. With a display it opens the
// GUI on a demo project (sparse labels, ready to propagate); headless it labels every 15th frame from the
// ground truth, propagates with the default tracker, exports APTv2 JSON and prints the error.
#include "app/commands.h"

#include "core/demo/democlip.h"
#include "core/io/coco.h"
#include "core/io/projectfile.h"
#include "tracking/interrupt.h"
#include "tracking/propagation.h"
#include "tracking/trackerfactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace paddock::app {

namespace {

constexpr int kLabelEvery = 15;

/** The demo clip with the ground truth on every kLabelEvery-th frame and the last one, as a person's labels. */
core::Clip sparseLabels(const core::Clip &truth)
{
    core::Clip sparse = truth;
    sparse.frames.clear();
    for (const auto &[frame, list] : truth.frames) {
        if (frame % kLabelEvery != 0 && frame != truth.frameCount - 1)
            continue;
        for (core::Instance inst : list) {
            for (core::Keypoint &k : inst.keypoints)
                k.source = core::Source::Manual;
            sparse.setInstance(frame, inst);
        }
    }
    return sparse;
}

struct ErrorStats
{
    int n = 0;
    double mean = 0, median = 0, within4 = 0;
};

/** Pixel error of \a clip against \a truth on the frames that were not labelled. */
ErrorStats errorAgainst(const core::Clip &clip, const core::Clip &truth)
{
    std::vector<double> errs;
    for (const auto &[frame, list] : truth.frames) {
        if (frame % kLabelEvery == 0 || frame == truth.frameCount - 1)
            continue;
        for (const core::Instance &g : list) {
            const core::Instance *p = clip.instance(frame, g.trackId);
            for (std::size_t k = 0; k < g.keypoints.size(); ++k) {
                if (!p || k >= p->keypoints.size() || !p->keypoints[k].isLabelled()) {
                    errs.push_back(1e9); // missing counts as a miss
                    continue;
                }
                errs.push_back(std::hypot(p->keypoints[k].x - g.keypoints[k].x, p->keypoints[k].y - g.keypoints[k].y));
            }
        }
    }
    ErrorStats s;
    s.n = int(errs.size());
    if (errs.empty())
        return s;
    std::vector<double> sorted = errs;
    std::sort(sorted.begin(), sorted.end());
    s.median = sorted[sorted.size() / 2];
    double sum = 0;
    int within = 0;
    for (double e : errs) {
        sum += std::min(e, 1e4);
        within += e <= 4.0 ? 1 : 0;
    }
    s.mean = sum / double(errs.size());
    s.within4 = double(within) / double(errs.size());
    return s;
}

/** Linear interpolation of the sparse labels: the baseline the tracker has to beat. */
core::Clip linearBaseline(const core::Clip &sparse)
{
    core::Clip out = sparse;
    std::vector<int> keys;
    for (const auto &[frame, list] : sparse.frames)
        keys.push_back(frame);
    for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
        const core::Instance *a = sparse.instance(keys[i], 1), *b = sparse.instance(keys[i + 1], 1);
        if (!a || !b)
            continue;
        for (int f = keys[i] + 1; f < keys[i + 1]; ++f) {
            const double w = double(f - keys[i]) / double(keys[i + 1] - keys[i]);
            core::Instance inst = *a;
            for (std::size_t k = 0; k < inst.keypoints.size(); ++k) {
                inst.keypoints[k].x = (1 - w) * a->keypoints[k].x + w * b->keypoints[k].x;
                inst.keypoints[k].y = (1 - w) * a->keypoints[k].y + w * b->keypoints[k].y;
                inst.keypoints[k].source = core::Source::Interpolated;
            }
            out.setInstance(f, inst);
        }
    }
    return out;
}

int runHeadless(const QString &dir)
{
    std::string error;
    const std::string framesDir = QDir(dir).filePath(QStringLiteral("frames")).toStdString();
    std::optional<core::Clip> truth = core::renderDemoClip(framesDir, &error);
    if (!truth) {
        printError(tr("paddock demo: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    printOut(tr("demo clip: %1 frames of %2x%3 in %4")
                 .arg(truth->frameCount)
                 .arg(truth->width)
                 .arg(truth->height)
                 .arg(QString::fromStdString(framesDir)));
    core::Project project = core::newAp10kProject();
    project.clips.push_back(sparseLabels(*truth));
    core::Clip &clip = project.clips.back();
    printOut(tr("labelled frames: %1 (every %2th and the last, from the ground truth)")
                 .arg(clip.frames.size())
                 .arg(kLabelEvery));

    tracking::TrackerOptions options;
    auto tracker = tracking::makeTracker(options, &error);
    if (!tracker) {
        printError(tr("paddock demo: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    tracking::TrackingInput input;
    input.clip = clip;
    input.categories = project.categories;
    std::atomic_bool cancel{false};
    const tracking::CancelOnInterrupt interrupt(cancel); // Ctrl-C stops the job like the GUI's Cancel
    tracking::TrackingOutput output;
    tracking::PropagationStats stats;
    const tracking::ProgressFn progress = [](const tracking::Progress &p) {
        std::fprintf(stderr, "\rpropagating: %d/%d   ", p.done, p.total);
        std::fflush(stderr);
    };
    const bool ok = tracking::runPropagation(*tracker, clip.path, input, progress, cancel, &output, &error, &stats);
    std::fputc('\n', stderr);
    if (!ok) {
        printError(tr("paddock demo: propagation failed: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const core::Clip linear = linearBaseline(clip);
    tracking::mergeTrackingOutput(&clip, output, false);

    const QString json = QDir(dir).filePath(QStringLiteral("demo_aptv2.json"));
    core::CocoWriteOptions wo;
    wo.aptv2 = true;
    if (!core::writeCocoFile(project, json.toStdString(), wo, &error)) {
        printError(tr("paddock demo: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const ErrorStats t = errorAgainst(clip, *truth), l = errorAgainst(linear, *truth);
    printOut(tr("propagated with the %1 tracker in %2 s; APTv2 JSON: %3")
                 .arg(QString::fromStdString(stats.tracker))
                 .arg(stats.seconds, 0, 'f', 2)
                 .arg(json));
    printOut(tr("error against the ground truth on %1 unlabelled keypoints: mean %2 px, median %3 px, "
                "within 4 px %4%")
                 .arg(t.n)
                 .arg(t.mean, 0, 'f', 2)
                 .arg(t.median, 0, 'f', 2)
                 .arg(100.0 * t.within4, 0, 'f', 1));
    printOut(tr("linear interpolation for comparison: mean %1 px, median %2 px, within 4 px %3%")
                 .arg(l.mean, 0, 'f', 2)
                 .arg(l.median, 0, 'f', 2)
                 .arg(100.0 * l.within4, 0, 'f', 1));
    return kExitOk;
}

} // namespace

int runDemo(const QStringList &args)
{
    bool headless = std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr;
    QString outDir;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--headless")) {
            headless = true;
        } else if (args[i] == QLatin1String("--out") && i + 1 < args.size()) {
            outDir = args[++i];
        } else {
            printError(tr("paddock demo: unknown argument %1 (usage: paddock demo [--headless] [--out DIR])").arg(args[i]));
            return kExitBadInput;
        }
    }
    int argc = 1;
    static char name[] = "paddock";
    static char *argv[] = {name, nullptr};
    std::unique_ptr<QCoreApplication> app;
    if (headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    std::unique_ptr<QTemporaryDir> temp;
    if (outDir.isEmpty()) {
        temp = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("paddock-demo-XXXXXX")));
        temp->setAutoRemove(headless); // the GUI keeps the project it opens
        outDir = temp->path();
    }
    if (!QDir().mkpath(outDir)) {
        printError(tr("paddock demo: cannot create %1").arg(outDir));
        return kExitBadInput;
    }
    if (headless)
        return runHeadless(outDir);

    // With a display: a demo project with the sparse labels, opened in the GUI.
    std::string error;
    std::optional<core::Clip> truth =
        core::renderDemoClip(QDir(outDir).filePath(QStringLiteral("frames")).toStdString(), &error);
    if (!truth) {
        printError(tr("paddock demo: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    core::Project project = core::newAp10kProject();
    project.clips.push_back(sparseLabels(*truth));
    const QString projectPath = QDir(outDir).filePath(QStringLiteral("demo.paddock"));
    if (!core::saveProject(project, projectPath.toStdString(), &error)) {
        printError(tr("paddock demo: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    static int guiArgc = 1;
    return runGui(guiArgc, argv, {projectPath});
}

} // namespace paddock::app
