// SPDX-License-Identifier: Apache-2.0
// paddock propagate CLIP --labels SPARSE.json --out DENSE.json [--tracker default|cotracker3] [--weights FILE]
//                        [--device auto|cpu|cuda] [--steps N]
#include "app/commands.h"

#include "core/io/atomicfile.h"
#include "core/io/coco.h"
#include "core/video/clipframes.h"
#include "core/video/framesource.h"
#include "tracking/interrupt.h"
#include "tracking/propagation.h"
#include "tracking/trackerfactory.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <atomic>
#include <cstdio>

namespace paddock::app {

namespace {

const char *kPropagateUsage =
    "usage: paddock propagate CLIP --labels SPARSE.json --out DENSE.json [--tracker default|cotracker3]\n"
    "                         [--weights FILE] [--device auto|cpu|cuda] [--steps N] [--extrapolate]\n"
    "  --extrapolate  also fill frames before an animal's first and after its last label (low scores)\n"
    "  Ctrl-C cancels the run; nothing is written.\n";

/** The clip of \a project that \a clipPath is: the only one, or the one with the same file name. */
int pickClip(const core::Project &project, const std::string &clipPath)
{
    if (project.clips.size() == 1)
        return 0;
    const QString want = QFileInfo(QString::fromStdString(clipPath)).fileName();
    for (std::size_t i = 0; i < project.clips.size(); ++i)
        if (QFileInfo(QString::fromStdString(project.clips[i].path)).fileName() == want)
            return int(i);
    return -1;
}

} // namespace

int runPropagate(const QStringList &args)
{
    QString clipArg, labels, out;
    tracking::TrackerOptions options;
    bool extrapolate = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&](QString *v) {
            if (i + 1 >= args.size())
                return false;
            *v = args[++i];
            return true;
        };
        QString v;
        bool ok = true;
        if (a == QLatin1String("--labels"))
            ok = value(&labels);
        else if (a == QLatin1String("--extrapolate"))
            extrapolate = true;
        else if (a == QLatin1String("--out"))
            ok = value(&out);
        else if (a == QLatin1String("--tracker") && (ok = value(&v)))
            options.tracker = v.toStdString();
        else if (a == QLatin1String("--weights") && (ok = value(&v)))
            options.weights = v.toStdString();
        else if (a == QLatin1String("--device") && (ok = value(&v)))
            options.device = v.toStdString();
        else if (a == QLatin1String("--steps") && (ok = value(&v))) {
            bool isInt = false;
            options.steps = v.toInt(&isInt);
            if (!isInt || options.steps < 0) {
                printError(tr("paddock propagate: --steps needs a whole number >= 0, not '%1'").arg(v));
                return kExitBadInput;
            }
        } else if (a.startsWith(QLatin1String("--"))) {
            printError(tr("paddock propagate: unknown option %1").arg(a));
            std::fputs(kPropagateUsage, stderr);
            return kExitBadInput;
        } else if (clipArg.isEmpty()) {
            clipArg = a;
        } else {
            printError(tr("paddock propagate: unexpected argument %1").arg(a));
            return kExitBadInput;
        }
        if (!ok) {
            printError(tr("paddock propagate: %1 needs a value").arg(a));
            return kExitBadInput;
        }
    }
    if (clipArg.isEmpty() || labels.isEmpty() || out.isEmpty()) {
        printError(tr("paddock propagate: CLIP, --labels and --out are required"));
        std::fputs(kPropagateUsage, stderr);
        return kExitBadInput;
    }

    std::string error;
    // The output must be writable before the run, not found unwritable after it.
    if (!core::checkWritable(QFileInfo(out).absoluteFilePath().toStdString(), &error)) {
        printError(tr("paddock propagate: --out %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    auto tracker = tracking::makeTracker(options, &error);
    if (!tracker) {
        printError(tr("paddock propagate: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const std::string clipPath = clipArg.toStdString();
    auto frames = core::FrameSource::open(clipPath, &error);
    if (!frames) {
        printError(tr("paddock propagate: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    core::VideoInfo info = frames->info();
    frames.reset();

    std::optional<core::Project> project = core::readCocoFile(labels.toStdString(), &error);
    if (!project) {
        printError(tr("paddock propagate: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const int ci = pickClip(*project, clipPath);
    if (ci < 0) {
        printError(tr("paddock propagate: %1 has several clips and none is %2").arg(labels, clipArg));
        return kExitBadInput;
    }
    core::Clip &clip = project->clips[std::size_t(ci)];
    if (clip.isImageList() && QFileInfo(QString::fromStdString(clip.path)) == QFileInfo(clipArg)) {
        // The folder holds other clips' frames too: this clip is its own image files.
        frames = core::openClipFrames(clip, &error);
        if (!frames) {
            printError(tr("paddock propagate: %1").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
        info = frames->info();
        frames.reset();
    }
    if (!clip.frames.empty() && clip.frames.rbegin()->first >= info.frameCount) {
        printError(tr("paddock propagate: %1 labels frame %2, but %3 has %4 frames")
                       .arg(labels)
                       .arg(clip.frames.rbegin()->first)
                       .arg(clipArg)
                       .arg(info.frameCount));
        return kExitBadInput;
    }
    clip.path = QFileInfo(clipArg).absoluteFilePath().toStdString();
    clip.frameCount = info.frameCount;
    if (clip.width <= 0 || clip.height <= 0) {
        clip.width = info.width;
        clip.height = info.height;
    }

    tracking::TrackingInput input;
    input.clip = clip;
    input.categories = project->categories;
    input.extrapolate = extrapolate;
    std::atomic_bool cancel{false};
    const tracking::CancelOnInterrupt interrupt(cancel); // Ctrl-C stops the job like the GUI's Cancel
    int lastPercent = -1;
    const tracking::ProgressFn progress = [&](const tracking::Progress &p) {
        const int percent = p.total > 0 ? int(100.0 * p.done / p.total) : 0;
        if (percent == lastPercent)
            return;
        lastPercent = percent;
        QString line = tr("propagating: %1% (%2/%3)").arg(percent).arg(p.done).arg(p.total);
        if (p.secondsLeft >= 0)
            line += tr(", about %1 s left").arg(p.secondsLeft, 0, 'f', 1);
        std::fprintf(stderr, "\r%s   ", line.toLocal8Bit().constData());
        std::fflush(stderr);
    };
    tracking::TrackingOutput output;
    tracking::PropagationStats stats;
    const bool ok = tracking::runPropagation(*tracker, clip.path, input, progress, cancel, &output, &error, &stats);
    std::fputc('\n', stderr);
    if (!ok && tracking::CancelOnInterrupt::interrupted()) {
        printError(tr("paddock propagate: cancelled; nothing written"));
        return 130; // as a shell reports a command ended by Ctrl-C
    }
    if (!ok) {
        printError(tr("paddock propagate: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const int changed = tracking::mergeTrackingOutput(&clip, output, false);

    core::CocoWriteOptions wo;
    wo.aptv2 = true;
    wo.extras = true;
    wo.propagated = true;
    if (!core::writeCocoFile(*project, out.toStdString(), wo, &error)) {
        printError(tr("paddock propagate: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    printError(tr("propagated %1 keypoints over frames %2..%3 with the %4 tracker in %5 s; wrote %6")
                   .arg(changed)
                   .arg(stats.firstFrame)
                   .arg(stats.lastFrame)
                   .arg(QString::fromStdString(stats.tracker))
                   .arg(stats.seconds, 0, 'f', 2)
                   .arg(out));
    return kExitOk;
}

} // namespace paddock::app
