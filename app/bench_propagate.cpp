// SPDX-License-Identifier: Apache-2.0
// paddock bench propagate [--dir EVAL_CLIP_DIR] [--out DIR] [SPARSE.json ...]: the default tracker on a clip
// of ../shared/eval (default: flies, inputs every 10, 25 and 50 frames), scored by eval/score.py, with the
// time, the decode-only time of the same clip and the peak memory.
#include "app/commands.h"

#include "core/io/coco.h"
#include "core/video/framesource.h"
#include "tracking/defaulttracker.h"
#include "tracking/propagation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace paddock::app {

namespace {

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

QString findEvalDir()
{
    QStringList candidates;
    if (const char *env = std::getenv("PADDOCK_SHARED"))
        candidates << QDir(QString::fromLocal8Bit(env)).filePath(QStringLiteral("eval/flies"));
    candidates << QDir::current().filePath(QStringLiteral("../shared/eval/flies"))
               << QDir::current().filePath(QStringLiteral("shared/eval/flies"))
               << QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../shared/eval/flies"));
    for (const QString &c : candidates)
        if (QFileInfo::exists(QDir(c).filePath(QStringLiteral("gt.json"))))
            return QDir(c).absolutePath();
    return {};
}


} // namespace

QString findClip(const QDir &dir)
{
    for (const QString &name : dir.entryList({QStringLiteral("*.mp4"), QStringLiteral("*.mkv"), QStringLiteral("*.avi")},
                                             QDir::Files))
        return dir.filePath(name);
    return {};
}

int runBenchPropagate(const QStringList &args)
{
    QString evalDir, outDir;
    QStringList sparseFiles;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--dir") && i + 1 < args.size())
            evalDir = args[++i];
        else if (args[i] == QLatin1String("--out") && i + 1 < args.size())
            outDir = args[++i];
        else if (args[i].startsWith(QLatin1String("--"))) {
            printError(QStringLiteral("paddock bench propagate: unknown option %1").arg(args[i]));
            return kExitBadInput;
        } else
            sparseFiles << args[i];
    }
    if (evalDir.isEmpty())
        evalDir = findEvalDir();
    const QDir dir(evalDir);
    const QString gt = dir.filePath(QStringLiteral("gt.json"));
    const QString clipPath = findClip(dir);
    if (evalDir.isEmpty() || !QFileInfo::exists(gt) || clipPath.isEmpty()) {
        printError(QStringLiteral("paddock bench propagate: no eval clip (gt.json and a video) found; pass --dir "
                                  "../shared/eval/flies"));
        return kExitBadInput;
    }
    if (sparseFiles.isEmpty())
        for (const char *n : {"sparse-every-10.json", "sparse-every-25.json", "sparse-every-50.json"})
            sparseFiles << dir.filePath(QLatin1String(n));
    QTemporaryDir temp;
    if (outDir.isEmpty())
        outDir = temp.path();
    QDir().mkpath(outDir);
    const QString score = QDir(dir.filePath(QStringLiteral(".."))).filePath(QStringLiteral("score.py"));

    // Decode-only time: every frame once, in order, through the same frame source the tracker uses.
    std::string error;
    double decodeSeconds = 0;
    {
        auto src = core::FrameSource::open(clipPath.toStdString(), &error);
        if (!src) {
            printError(QString::fromStdString(error));
            return kExitBadInput;
        }
        const auto t0 = std::chrono::steady_clock::now();
        core::VideoFrame frame;
        for (int f = 0; f < src->info().frameCount; ++f)
            if (!src->read(f, &frame, &error)) {
                printError(QString::fromStdString(error));
                return kExitBadInput;
            }
        decodeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("{\"clip\": \"%s\", \"frames\": %d, \"decode_seconds\": %.3f}\n", clipPath.toLocal8Bit().constData(),
                    src->info().frameCount, decodeSeconds);
        std::fflush(stdout);
    }

    for (const QString &sparse : sparseFiles) {
        auto project = core::readCocoFile(sparse.toStdString(), &error);
        if (!project || project->clips.empty()) {
            printError(QStringLiteral("paddock bench propagate: %1").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
        core::Clip &clip = project->clips.front();
        clip.path = clipPath.toStdString();
        tracking::TrackingInput input;
        input.clip = clip;
        input.categories = project->categories;
        tracking::DefaultTracker tracker;
        tracking::TrackingOutput output;
        tracking::PropagationStats stats;
        std::atomic_bool cancel{false};
        if (!tracking::runPropagation(tracker, clip.path, input, {}, cancel, &output, &error, &stats)) {
            printError(QStringLiteral("paddock bench propagate: %1").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
        tracking::mergeTrackingOutput(&clip, output, false);
        const QString pred = QDir(outDir).filePath(QFileInfo(sparse).completeBaseName() + QStringLiteral("-pred.json"));
        core::CocoWriteOptions wo;
        wo.aptv2 = true;
        if (!core::writeCocoFile(*project, pred.toStdString(), wo, &error)) {
            printError(QString::fromStdString(error));
            return kExitBadInput;
        }
        std::printf("{\"input\": \"%s\", \"seconds\": %.3f, \"decode_seconds\": %.3f, \"ratio\": %.2f, "
                    "\"crop_peak_mib\": %.1f, \"peak_rss_mib\": %.1f, \"pred\": \"%s\"}\n",
                    QFileInfo(sparse).fileName().toLocal8Bit().constData(), stats.seconds, decodeSeconds,
                    stats.seconds / std::max(1e-9, decodeSeconds), tracker.peakCropBytes() / 1048576.0, peakRssMiB(),
                    pred.toLocal8Bit().constData());
        QProcess proc;
        proc.start(QStringLiteral("/usr/bin/python3"), {score, gt, sparse, pred});
        if (!proc.waitForFinished(300000) || proc.exitCode() != 0) {
            printError(QStringLiteral("score.py failed: %1").arg(QString::fromLocal8Bit(proc.readAllStandardError())));
        } else {
            std::printf("%s", proc.readAllStandardOutput().constData());
        }
        std::fflush(stdout);
    }
    std::printf("{\"peak_rss_mib\": %.1f}\n", peakRssMiB());
    return kExitOk;
}

} // namespace paddock::app
