// SPDX-License-Identifier: Apache-2.0
// paddock propagate CLIP --labels SPARSE.json --out DENSE.json [--tracker default|cotracker3] [--weights FILE]
//                        [--device auto|cpu|cuda] [--steps N] [--extrapolate]
// paddock propagate DATASET.json [--labels SPARSE.json] --out DENSE.json [--clips LIST] [--shard I/N] [--jobs J] ...
// One clip is the batch of one (tracking/batch.h); a dataset is every clip (or the selection, or a shard).
#include "app/commands.h"

#include "core/io/atomicfile.h"
#include "core/io/coco.h"
#include "core/video/clipframes.h"
#include "core/video/framesource.h"
#include "tracking/batch.h"
#include "tracking/interrupt.h"
#include "tracking/propagation.h"
#include "tracking/trackerfactory.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

namespace paddock::app {

namespace {

const char *kPropagateUsage =
    "usage: paddock propagate CLIP --labels SPARSE.json --out DENSE.json [options]\n"
    "       paddock propagate DATASET.json [--labels SPARSE.json] --out DENSE.json [--clips LIST] [--shard I/N]\n"
    "                         [--jobs J] [options]\n"
    "  options: [--tracker default|cotracker3] [--weights FILE] [--device auto|cpu|cuda] [--steps N] [--extrapolate]\n"
    "  --extrapolate  also fill frames before an animal's first and after its last label (low scores)\n"
    "  DATASET.json   a COCO/APTv2 file with many videos: every clip is propagated, in parallel; its own labels\n"
    "                 unless --labels names another file of the same dataset (clips matched by video id)\n"
    "  --clips LIST   only these clips: video ids, ranges and names, e.g. 1-20,35,clip0040\n"
    "  --shard I/N    only part I (0-based) of N disjoint parts of the clips: contiguous runs balanced by\n"
    "                 frame count; `paddock merge` joins the N outputs\n"
    "  --jobs J       clips propagated at once (default: the cores; 1 for cotracker3)\n"
    "  The output holds the clips propagated (all, the selection or the shard). Exit 0: all went well;\n"
    "  3: some clips failed (named), the others were written; 2: bad input, nothing written.\n"
    "  Ctrl-C cancels the run; nothing is written.\n";

/** Exit code when some clips of a dataset failed and the others were written. */
constexpr int kExitSomeFailed = 3;

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

bool isDatasetFile(const QString &path)
{
    const QFileInfo fi(path);
    return fi.isFile() && fi.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
}

/**
 * Takes the labels of \a labels into the clips of \a dataset (matched by video id, with the same number of
 * frames). False with a message naming the first clip that has no counterpart.
 */
bool takeLabels(core::Project *dataset, const core::Project &labels, const QString &labelsPath, QString *error)
{
    for (const core::Category &c : labels.categories)
        dataset->ensureCategory(c);
    for (const core::Clip &from : labels.clips) {
        auto to = std::find_if(dataset->clips.begin(), dataset->clips.end(),
                               [&](const core::Clip &c) { return c.videoId == from.videoId; });
        if (to == dataset->clips.end()) {
            *error = tr("%1: video %2 (%3) is not in the dataset")
                         .arg(labelsPath)
                         .arg(from.videoId)
                         .arg(QString::fromStdString(from.name));
            return false;
        }
        if (!from.frames.empty() && from.frames.rbegin()->first >= to->effectiveFrameCount()) {
            *error = tr("%1: video %2 has labels on frame %3, but the dataset's clip has %4 frames")
                         .arg(labelsPath)
                         .arg(from.videoId)
                         .arg(from.frames.rbegin()->first)
                         .arg(to->effectiveFrameCount());
            return false;
        }
        to->tracks = from.tracks;
        to->frames = from.frames;
    }
    return true;
}

/** Prints the run's progress on stderr: rewritten in place on a terminal, a line every 5 s otherwise. */
class ProgressPrinter
{
public:
    explicit ProgressPrinter(bool single) : mSingle(single), mTty(isatty(fileno(stderr)) != 0) {}
    ~ProgressPrinter() { finish(); }

    void operator()(const tracking::BatchProgress &p)
    {
        const auto now = std::chrono::steady_clock::now();
        const bool end = p.clipsDone >= p.clipsTotal;
        if (!mTty && !end && now - mLast < std::chrono::seconds(5))
            return;
        mLast = now;
        const int percent = int(100.0 * p.fraction);
        QString line = mSingle ? tr("propagating: %1%").arg(percent)
                               : tr("propagating: %1/%2 clips, %3%").arg(p.clipsDone).arg(p.clipsTotal).arg(percent);
        if (p.clipsFailed > 0)
            line += tr(" (%1 failed)").arg(p.clipsFailed);
        line += tr(", %1 s").arg(p.secondsElapsed, 0, 'f', 1);
        if (p.secondsLeft >= 0 && !end)
            line += tr(", about %1 s left").arg(p.secondsLeft, 0, 'f', 1);
        std::fprintf(stderr, mTty ? "\r%s   " : "%s\n", line.toLocal8Bit().constData());
        std::fflush(stderr);
        mPrinted = true;
    }
    void finish()
    {
        if (mTty && mPrinted)
            std::fputc('\n', stderr);
        mPrinted = false;
    }

private:
    bool mSingle;
    bool mTty;
    bool mPrinted = false;
    std::chrono::steady_clock::time_point mLast = std::chrono::steady_clock::now() - std::chrono::hours(1);
};

} // namespace

int runPropagate(const QStringList &args)
{
    QString input, labels, out, clipsArg, shardArg;
    tracking::TrackerOptions options;
    bool extrapolate = false;
    int jobs = 0;
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
        else if (a == QLatin1String("--clips"))
            ok = value(&clipsArg);
        else if (a == QLatin1String("--shard"))
            ok = value(&shardArg);
        else if (a == QLatin1String("--tracker") && (ok = value(&v)))
            options.tracker = v.toStdString();
        else if (a == QLatin1String("--weights") && (ok = value(&v)))
            options.weights = v.toStdString();
        else if (a == QLatin1String("--device") && (ok = value(&v)))
            options.device = v.toStdString();
        else if ((a == QLatin1String("--steps") || a == QLatin1String("--jobs")) && (ok = value(&v))) {
            bool isInt = false;
            const int n = v.toInt(&isInt);
            const bool isJobs = a == QLatin1String("--jobs");
            if (!isInt || n < (isJobs ? 1 : 0)) {
                printError(tr("paddock propagate: %1 needs a whole number >= %2, not '%3'").arg(a).arg(isJobs ? 1 : 0).arg(v));
                return kExitBadInput;
            }
            (isJobs ? jobs : options.steps) = n;
        } else if (a.startsWith(QLatin1String("--"))) {
            printError(tr("paddock propagate: unknown option %1").arg(a));
            std::fputs(kPropagateUsage, stderr);
            return kExitBadInput;
        } else if (input.isEmpty()) {
            input = a;
        } else {
            printError(tr("paddock propagate: unexpected argument %1").arg(a));
            return kExitBadInput;
        }
        if (!ok) {
            printError(tr("paddock propagate: %1 needs a value").arg(a));
            return kExitBadInput;
        }
    }
    const bool dataset = isDatasetFile(input);
    if (input.isEmpty() || out.isEmpty() || (labels.isEmpty() && !dataset)) {
        printError(tr("paddock propagate: CLIP, --labels and --out are required (--labels is optional for a dataset)"));
        std::fputs(kPropagateUsage, stderr);
        return kExitBadInput;
    }
    if (!dataset && (!clipsArg.isEmpty() || !shardArg.isEmpty())) {
        printError(tr("paddock propagate: --clips and --shard need a dataset (a COCO/APTv2 .json file), not %1").arg(input));
        return kExitBadInput;
    }

    std::string error;
    auto bad = [&](const QString &message) {
        printError(tr("paddock propagate: %1").arg(message));
        return kExitBadInput;
    };
    // The output must be writable before the run, not found unwritable after it.
    if (!core::checkWritable(QFileInfo(out).absoluteFilePath().toStdString(), &error))
        return bad(tr("--out %1").arg(QString::fromStdString(error)));
    tracking::Shard shard;
    if (!shardArg.isEmpty() && !tracking::parseShard(shardArg.toStdString(), &shard, &error))
        return bad(QString::fromStdString(error));
    // Made once here so that a bad tracker name or model file is refused before anything runs.
    if (!tracking::makeTracker(options, &error))
        return bad(QString::fromStdString(error));

    std::optional<core::Project> project;
    std::vector<std::size_t> selection;
    bool ownFrames = false; // single clip: an image-list clip read from its own files, not CLIP's folder
    if (dataset) {
        project = core::readCocoFile(input.toStdString(), &error);
        if (!project)
            return bad(QString::fromStdString(error));
        if (!labels.isEmpty() && QFileInfo(labels).canonicalFilePath() != QFileInfo(input).canonicalFilePath()) {
            std::optional<core::Project> sparse = core::readCocoFile(labels.toStdString(), &error);
            if (!sparse)
                return bad(QString::fromStdString(error));
            QString why;
            if (!takeLabels(&*project, *sparse, labels, &why))
                return bad(why);
        }
        if (!tracking::selectClips(*project, clipsArg.toStdString(), &selection, &error))
            return bad(QString::fromStdString(error));
        selection = tracking::shardClips(*project, selection, shard);
    } else {
        const std::string clipPath = input.toStdString();
        auto frames = core::FrameSource::open(clipPath, &error);
        if (!frames)
            return bad(QString::fromStdString(error));
        core::VideoInfo info = frames->info();
        frames.reset();
        project = core::readCocoFile(labels.toStdString(), &error);
        if (!project)
            return bad(QString::fromStdString(error));
        const int ci = pickClip(*project, clipPath);
        if (ci < 0)
            return bad(tr("%1 has several clips and none is %2").arg(labels, input));
        core::Clip &clip = project->clips[std::size_t(ci)];
        ownFrames = clip.isImageList() && QFileInfo(QString::fromStdString(clip.path)) == QFileInfo(input);
        if (ownFrames) {
            // The folder holds other clips' frames too: this clip is its own image files.
            frames = core::openClipFrames(clip, &error);
            if (!frames)
                return bad(QString::fromStdString(error));
            info = frames->info();
            frames.reset();
        }
        if (!clip.frames.empty() && clip.frames.rbegin()->first >= info.frameCount)
            return bad(tr("%1 labels frame %2, but %3 has %4 frames")
                           .arg(labels)
                           .arg(clip.frames.rbegin()->first)
                           .arg(input)
                           .arg(info.frameCount));
        clip.path = QFileInfo(input).absoluteFilePath().toStdString();
        clip.frameCount = info.frameCount;
        if (clip.width <= 0 || clip.height <= 0) {
            clip.width = info.width;
            clip.height = info.height;
        }
        selection = {std::size_t(ci)};
    }

    tracking::BatchOptions batch;
    batch.extrapolate = extrapolate;
    batch.keepOutputs = false; // each clip's output is merged into the project as it comes
    if (!dataset && !ownFrames) // the frames are CLIP's, whatever the labels file lists
        batch.open = [](const core::Clip &clip, std::string *err) { return core::FrameSource::open(clip.path, err); };
    // CoTracker3 uses every core for one clip (and a model's memory per worker): one clip at a time.
    batch.jobs = jobs > 0 ? jobs : (!dataset || options.tracker == "cotracker3") ? 1 : 0;
    const tracking::TrackerMaker maker = [options](std::string *err) { return tracking::makeTracker(options, err); };
    int changed = 0;
    const auto merge = [&](tracking::ClipResult &r) {
        if (r.ok())
            changed += tracking::mergeTrackingOutput(&project->clips[r.clipIndex], r.output, false);
    };
    std::atomic_bool cancel{false};
    tracking::BatchResult result;
    {
        const tracking::CancelOnInterrupt interrupt(cancel); // Ctrl-C stops the job like the GUI's Cancel
        ProgressPrinter printer(!dataset);
        result = tracking::runBatchPropagation(*project, selection, maker, batch, std::ref(printer), cancel, merge);
    }
    if (result.cancelled) {
        printError(dataset ? tr("paddock propagate: cancelled after %1 of %2 clips; nothing written")
                                 .arg(result.count(tracking::ClipResult::Status::Done)
                                      + result.count(tracking::ClipResult::Status::Failed)
                                      + result.count(tracking::ClipResult::Status::Skipped))
                                 .arg(result.clips.size())
                           : tr("paddock propagate: cancelled; nothing written"));
        return 130; // as a shell reports a command ended by Ctrl-C
    }
    const int failed = result.count(tracking::ClipResult::Status::Failed);
    const int skipped = result.count(tracking::ClipResult::Status::Skipped);
    const int propagated = result.count(tracking::ClipResult::Status::Done);
    if (!dataset && propagated == 0) {
        const tracking::ClipResult &r = result.clips.front();
        return bad(r.status == tracking::ClipResult::Status::Skipped
                       ? tr("no labelled keypoints: label at least one frame of the animal first")
                       : QString::fromStdString(r.error));
    }
    for (const tracking::ClipResult &r : result.clips)
        if (r.status == tracking::ClipResult::Status::Failed)
            printError(tr("paddock propagate: clip %1 failed: %2")
                           .arg(QString::fromStdString(tracking::clipLabel(project->clips[r.clipIndex])),
                                QString::fromStdString(r.error)));
    if (dataset && propagated == 0 && failed > 0)
        return bad(tr("all %1 clips failed; nothing written").arg(failed));

    if (dataset) {
        // The output holds the clips of the run, in the dataset's order.
        std::vector<bool> keep(project->clips.size(), false);
        for (std::size_t c : selection)
            keep[c] = true;
        std::vector<core::Clip> kept;
        kept.reserve(selection.size());
        for (std::size_t c = 0; c < project->clips.size(); ++c)
            if (keep[c])
                kept.push_back(std::move(project->clips[c]));
        project->clips = std::move(kept);
    }
    core::CocoWriteOptions wo;
    wo.aptv2 = true;
    wo.extras = true;
    wo.propagated = true;
    if (!core::writeCocoFile(*project, out.toStdString(), wo, &error))
        return bad(QString::fromStdString(error));
    if (!dataset) {
        const tracking::PropagationStats &stats = result.clips.front().stats;
        printError(tr("propagated %1 keypoints over frames %2..%3 with the %4 tracker in %5 s; wrote %6")
                       .arg(changed)
                       .arg(stats.firstFrame)
                       .arg(stats.lastFrame)
                       .arg(QString::fromStdString(stats.tracker))
                       .arg(stats.seconds, 0, 'f', 2)
                       .arg(out));
        return kExitOk;
    }
    QString summary = tr("propagated %1 keypoints in %2 of %3 clips with %4 jobs in %5 s")
                          .arg(changed)
                          .arg(propagated)
                          .arg(result.clips.size())
                          .arg(result.jobs)
                          .arg(result.seconds, 0, 'f', 2);
    if (skipped > 0)
        summary += tr("; %1 without labels left as they are").arg(skipped);
    if (failed > 0)
        summary += tr("; %1 FAILED (listed above), written without propagation").arg(failed);
    printError(summary + tr("; wrote %1").arg(out));
    return failed > 0 ? kExitSomeFailed : kExitOk;
}

} // namespace paddock::app
