// SPDX-License-Identifier: Apache-2.0
// paddock bench dataset [--clips N] [--layout shared|per-clip] [--jobs J] [--sample K] [--dir DIR] [--no-shards]:
// batch propagation of an APTv2-shaped dataset (../shared/eval/make_dataset.py, made in DIR or a temporary
// folder, or taken from DIR when DIR/dataset.json is there) against what users do without it, one process per
// clip (K clips evenly spread, 20 by default, extrapolated to all), and against decoding the dataset's frames on
// the same cores; accuracy against gt.json for both (within 4 px and median over the frames not given, the same
// C++ count for both; score.py's figures for the batch when numpy is there), the per-clip results compared
// with the batch's point by point, `--shard i/4` joined (through `paddock merge` when it exists) compared with
// the one-process output, and each run's peak memory. Every run is the paddock executable itself, timed as a
// child process (wall time, peak resident memory).
#include "app/commands.h"

#include "core/io/atomicfile.h"

#include "core/io/coco.h"
#include "core/video/framesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <thread>

namespace paddock::app {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/** One run of a child process: exit code, wall time, peak resident memory. */
struct ChildRun
{
    int rc = -1;
    double seconds = 0.0;
    double rssMiB = 0.0;
};

/**
 * Runs \a argv and waits for it, measuring it alone (wait4); its stdout and stderr, read through a pipe, are
 * kept in \a logFile (written through the atomic writer like every other file).
 */
ChildRun runChild(const QStringList &argv, const QString &logFile)
{
    ChildRun r;
    std::vector<QByteArray> bytes;
    for (const QString &a : argv)
        bytes.push_back(a.toLocal8Bit());
    std::vector<char *> cargv;
    for (QByteArray &b : bytes)
        cargv.push_back(b.data());
    cargv.push_back(nullptr);
    int fds[2];
    if (::pipe(fds) != 0)
        return r;
    const auto t0 = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        ::close(fds[0]);
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        ::close(fds[1]);
        execv(cargv[0], cargv.data());
        _exit(127);
    }
    ::close(fds[1]);
    if (pid < 0) {
        ::close(fds[0]);
        return r;
    }
    std::string output;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n > 0)
            output.append(buffer, std::size_t(n));
        else if (n == 0 || errno != EINTR)
            break;
    }
    ::close(fds[0]);
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    r.seconds = since(t0);
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.rssMiB = double(usage.ru_maxrss) / 1024.0;
    std::string error;
    if (!core::writeFileAtomically(logFile.toStdString(), output, &error))
        printError(QStringLiteral("paddock bench dataset: %1").arg(QString::fromStdString(error)));
    return r;
}

QString lastLine(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromLocal8Bit(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

std::optional<core::Project> readProject(const QString &path)
{
    std::string error;
    auto p = core::readCocoFile(path.toStdString(), &error);
    if (!p)
        printError(QStringLiteral("paddock bench dataset: %1").arg(QString::fromStdString(error)));
    return p;
}

const core::Clip *clipById(const core::Project &p, int videoId)
{
    for (const core::Clip &c : p.clips)
        if (c.videoId == videoId)
            return &c;
    return nullptr;
}

/** Whether two results of a clip hold the same points (positions, visibility, scores, sources, boxes); ids aside. */
bool samePoints(const core::Clip &a, const core::Clip &b)
{
    if (a.frames.size() != b.frames.size())
        return false;
    for (const auto &[f, list] : a.frames) {
        auto other = b.frames.find(f);
        if (other == b.frames.end() || other->second.size() != list.size())
            return false;
        for (const core::Instance &i : list) {
            const core::Instance *j = b.instance(f, i.trackId);
            if (!j || j->categoryId != i.categoryId || j->keypoints != i.keypoints || j->bbox != i.bbox)
                return false;
        }
    }
    return true;
}

/** Point errors (px) of \a pred against \a gt on frames \a sparse has no labels on; a missing point is infinite. */
void collectErrors(const core::Clip &gt, const core::Clip &sparse, const core::Clip *pred, std::vector<double> *errors)
{
    for (const auto &[f, list] : gt.frames) {
        if (sparse.frames.count(f))
            continue;
        for (const core::Instance &g : list) {
            const core::Instance *p = pred ? pred->instance(f, g.trackId) : nullptr;
            for (std::size_t k = 0; k < g.keypoints.size(); ++k) {
                if (!g.keypoints[k].isLabelled())
                    continue;
                double e = HUGE_VAL;
                if (p && k < p->keypoints.size() && p->keypoints[k].isLabelled())
                    e = std::hypot(p->keypoints[k].x - g.keypoints[k].x, p->keypoints[k].y - g.keypoints[k].y);
                errors->push_back(e);
            }
        }
    }
}

QString accuracy(std::vector<double> errors)
{
    if (errors.empty())
        return QStringLiteral("-");
    std::sort(errors.begin(), errors.end());
    const double within = double(std::upper_bound(errors.begin(), errors.end(), 4.0) - errors.begin()) / double(errors.size());
    return QStringLiteral("within4px %1, median %2 px (%3 points)")
        .arg(within, 0, 'f', 4)
        .arg(errors[errors.size() / 2], 0, 'f', 2)
        .arg(errors.size());
}

/** Decodes every frame of \a clips on \a jobs threads; the wall time, or < 0 on a read error. */
double decodeAll(const core::Project &project, int jobs)
{
    std::atomic<std::size_t> next{0};
    std::atomic_bool failed{false};
    const auto t0 = Clock::now();
    auto work = [&] {
        for (std::size_t c; (c = next++) < project.clips.size() && !failed;) {
            const core::Clip &clip = project.clips[c];
            std::string error;
            auto frames = core::FrameSource::open(clip.path, &error);
            if (!frames) {
                printError(QString::fromStdString(error));
                failed = true;
                return;
            }
            const int n = clip.frameMeta.empty() ? frames->info().frameCount : int(clip.frameMeta.size());
            core::VideoFrame frame;
            for (int f = 0; f < n; ++f)
                if (!frames->read(f, &frame, &error)) {
                    printError(QString::fromStdString(error));
                    failed = true;
                    return;
                }
        }
    };
    std::vector<std::thread> threads;
    for (int j = 0; j < jobs; ++j)
        threads.emplace_back(work);
    for (std::thread &t : threads)
        t.join();
    return failed ? -1.0 : since(t0);
}

} // namespace

int runBenchDataset(const QStringList &args)
{
    int clips = 100, jobs = int(std::max(1u, std::thread::hardware_concurrency())), sample = 20;
    QString layout = QStringLiteral("per-clip"), dir;
    bool shards = true;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        bool ok = true;
        if (a == QLatin1String("--clips") && hasValue)
            clips = args[++i].toInt(&ok);
        else if (a == QLatin1String("--jobs") && hasValue)
            jobs = args[++i].toInt(&ok);
        else if (a == QLatin1String("--sample") && hasValue)
            sample = args[++i].toInt(&ok);
        else if (a == QLatin1String("--layout") && hasValue)
            layout = args[++i];
        else if (a == QLatin1String("--dir") && hasValue)
            dir = args[++i];
        else if (a == QLatin1String("--no-shards"))
            shards = false;
        else
            ok = false;
        if (!ok || clips < 1 || jobs < 1 || sample < 0
            || (layout != QLatin1String("per-clip") && layout != QLatin1String("shared"))) {
            printError(QStringLiteral("usage: paddock bench dataset [--clips N] [--layout shared|per-clip] [--jobs J] "
                                      "[--sample K] [--dir DIR] [--no-shards]"));
            return kExitBadInput;
        }
    }
    const QString evalRoot = findEvalRoot();
    QTemporaryDir temp;
    if (dir.isEmpty())
        dir = temp.path();
    QDir work(dir);
    const QString dataset = work.filePath(QStringLiteral("dataset.json"));
    const QString gtPath = work.filePath(QStringLiteral("gt.json"));
    if (!QFileInfo::exists(dataset) || !QFileInfo::exists(gtPath)) {
        if (evalRoot.isEmpty() || !QFileInfo::exists(QDir(evalRoot).filePath(QStringLiteral("make_dataset.py")))) {
            printOut(QStringLiteral("paddock bench dataset: skipped: no ../shared/eval/make_dataset.py (set PADDOCK_SHARED)"));
            return kExitOk;
        }
        if (!QFileInfo::exists(QStringLiteral("/usr/bin/python3"))) {
            printOut(QStringLiteral("paddock bench dataset: skipped: /usr/bin/python3 is not there"));
            return kExitOk;
        }
        printError(QStringLiteral("making %1 clips (%2) in %3 ...").arg(clips).arg(layout, dir));
        QProcess make;
        make.start(QStringLiteral("/usr/bin/python3"), {QDir(evalRoot).filePath(QStringLiteral("make_dataset.py")), dir,
                                                          QStringLiteral("--clips"), QString::number(clips),
                                                          QStringLiteral("--layout"), layout});
        if (!make.waitForFinished(-1) || make.exitCode() != 0) {
            printError(QStringLiteral("paddock bench dataset: make_dataset.py failed: %1")
                           .arg(QString::fromLocal8Bit(make.readAllStandardError())));
            return kExitBadInput;
        }
    }
    const QString paddock = QCoreApplication::applicationFilePath();

    auto t0 = Clock::now();
    std::optional<core::Project> input = readProject(dataset);
    if (!input)
        return kExitBadInput;
    const double readSeconds = since(t0);
    std::optional<core::Project> gt = readProject(gtPath);
    if (!gt)
        return kExitBadInput;
    long long frames = 0;
    for (const core::Clip &c : input->clips)
        frames += c.frameMeta.empty() ? c.effectiveFrameCount() : int(c.frameMeta.size());
    const int n = int(input->clips.size());
    printOut(QStringLiteral("dataset: %1 (%2 clips, %3 frames, layout %4); read in %5 s")
                 .arg(dataset)
                 .arg(n)
                 .arg(frames)
                 .arg(layout)
                 .arg(readSeconds, 0, 'f', 2));

    printError(QStringLiteral("decoding every frame on %1 threads ...").arg(jobs));
    const double decodeSeconds = decodeAll(*input, jobs);

    // The batch: one process, every clip.
    printError(QStringLiteral("batch propagation (--jobs %1) ...").arg(jobs));
    const QString batchOut = work.filePath(QStringLiteral("bench-batch.json"));
    const ChildRun batch = runChild({paddock, QStringLiteral("propagate"), dataset, QStringLiteral("--out"), batchOut,
                                     QStringLiteral("--jobs"), QString::number(jobs)},
                                    work.filePath(QStringLiteral("bench-batch.log")));
    if (batch.rc != 0) {
        printError(QStringLiteral("paddock bench dataset: batch run failed (exit %1): %2")
                       .arg(batch.rc)
                       .arg(lastLine(work.filePath(QStringLiteral("bench-batch.log")))));
        return kExitBadInput;
    }
    std::optional<core::Project> batchResult = readProject(batchOut);
    if (!batchResult)
        return kExitBadInput;

    // One process per clip, as without batch propagation: K clips evenly spread.
    const int k = std::min(sample, n);
    std::vector<int> picked;
    for (int i = 0; i < k; ++i)
        picked.push_back(int((long long)i * n / k));
    double perClipSeconds = 0.0, perClipRss = 0.0;
    int perClipEqual = 0;
    std::vector<double> errBatchSample, errPerClip, errBatchAll;
    printError(QStringLiteral("%1 clips, one process each ...").arg(k));
    for (int i : picked) {
        const core::Clip &clip = input->clips[std::size_t(i)];
        const QString out = work.filePath(QStringLiteral("bench-clip.json"));
        const ChildRun run = runChild({paddock, QStringLiteral("propagate"), dataset, QStringLiteral("--clips"),
                                       QString::number(clip.videoId), QStringLiteral("--jobs"), QStringLiteral("1"),
                                       QStringLiteral("--out"), out},
                                      work.filePath(QStringLiteral("bench-clip.log")));
        if (run.rc != 0) {
            printError(QStringLiteral("paddock bench dataset: clip %1 failed (exit %2): %3")
                           .arg(clip.videoId)
                           .arg(run.rc)
                           .arg(lastLine(work.filePath(QStringLiteral("bench-clip.log")))));
            return kExitBadInput;
        }
        perClipSeconds += run.seconds;
        perClipRss = std::max(perClipRss, run.rssMiB);
        std::optional<core::Project> one = readProject(out);
        if (!one)
            return kExitBadInput;
        const core::Clip *alone = clipById(*one, clip.videoId);
        const core::Clip *inBatch = clipById(*batchResult, clip.videoId);
        const core::Clip *truth = clipById(*gt, clip.videoId);
        if (alone && inBatch && samePoints(*alone, *inBatch))
            ++perClipEqual;
        if (truth) {
            collectErrors(*truth, clip, alone, &errPerClip);
            collectErrors(*truth, clip, inBatch, &errBatchSample);
        }
    }
    for (const core::Clip &truth : gt->clips)
        if (const core::Clip *given = clipById(*input, truth.videoId))
            collectErrors(truth, *given, clipById(*batchResult, truth.videoId), &errBatchAll);

    // score.py's figures on the whole batch output, when numpy is there.
    QString scoreLine = QStringLiteral("(score.py not run: no ../shared/eval/score.py or numpy)");
    if (!evalRoot.isEmpty()) {
        QProcess score;
        score.start(QStringLiteral("/usr/bin/python3"), {QDir(evalRoot).filePath(QStringLiteral("score.py")), gtPath, dataset, batchOut});
        if (score.waitForFinished(-1) && score.exitCode() == 0) {
            const QJsonObject o = QJsonDocument::fromJson(score.readAllStandardOutput()).object();
            scoreLine = QStringLiteral("score.py: delta_avg %1, within4px %2, median_px %3, pck05 %4, missing %5")
                            .arg(o.value(QStringLiteral("delta_avg")).toDouble(), 0, 'f', 4)
                            .arg(o.value(QStringLiteral("within4px")).toDouble(), 0, 'f', 4)
                            .arg(o.value(QStringLiteral("median_px")).toDouble(), 0, 'f', 2)
                            .arg(o.value(QStringLiteral("pck05")).toDouble(), 0, 'f', 4)
                            .arg(o.value(QStringLiteral("missing")).toInt());
        }
    }

    // Shards: 4 parts, each a process of its own, joined.
    QString shardLine = QStringLiteral("(skipped: --no-shards)");
    double shardSeconds = 0.0, shardRss = 0.0;
    if (shards) {
        printError(QStringLiteral("4 shards ..."));
        QStringList parts;
        std::map<int, const core::Clip *> joined;
        std::vector<core::Project> partResults;
        partResults.reserve(4);
        int overlaps = 0;
        for (int i = 0; i < 4; ++i) {
            const QString out = work.filePath(QStringLiteral("bench-shard%1.json").arg(i));
            const ChildRun run = runChild({paddock, QStringLiteral("propagate"), dataset, QStringLiteral("--shard"),
                                           QStringLiteral("%1/4").arg(i), QStringLiteral("--jobs"), QString::number(jobs),
                                           QStringLiteral("--out"), out},
                                          work.filePath(QStringLiteral("bench-shard.log")));
            if (run.rc != 0) {
                printError(QStringLiteral("paddock bench dataset: shard %1/4 failed (exit %2): %3")
                               .arg(i)
                               .arg(run.rc)
                               .arg(lastLine(work.filePath(QStringLiteral("bench-shard.log")))));
                return kExitBadInput;
            }
            shardSeconds += run.seconds;
            shardRss = std::max(shardRss, run.rssMiB);
            parts << out;
            std::optional<core::Project> part = readProject(out);
            if (!part)
                return kExitBadInput;
            partResults.push_back(std::move(*part));
            for (const core::Clip &c : partResults.back().clips)
                overlaps += joined.emplace(c.videoId, &c).second ? 0 : 1;
        }
        int equal = 0;
        for (const core::Clip &c : batchResult->clips) {
            auto it = joined.find(c.videoId);
            equal += it != joined.end() && samePoints(*it->second, c) ? 1 : 0;
        }
        shardLine = QStringLiteral("4 parts hold %1 clips (%2 in two parts); %3 of %4 equal to the one-process run")
                        .arg(joined.size())
                        .arg(overlaps)
                        .arg(equal)
                        .arg(batchResult->clips.size());
        // Joined by `paddock merge`, when this build has it.
        const QString merged = work.filePath(QStringLiteral("bench-merged.json"));
        QStringList mergeArgs{paddock, QStringLiteral("merge")};
        mergeArgs << parts << QStringLiteral("--out") << merged;
        QProcess help;
        help.start(paddock, {QStringLiteral("--help")});
        const bool hasMerge = help.waitForFinished(60000)
            && (help.readAllStandardOutput() + help.readAllStandardError()).contains("paddock merge");
        const ChildRun m = hasMerge ? runChild(mergeArgs, work.filePath(QStringLiteral("bench-merge.log"))) : ChildRun();
        if (!hasMerge) {
            shardLine += QStringLiteral("; paddock merge: not in this build");
        } else if (m.rc == 0 && QFileInfo::exists(merged)) {
            std::optional<core::Project> mp = readProject(merged);
            int mergedEqual = 0;
            if (mp)
                for (const core::Clip &c : batchResult->clips)
                    if (const core::Clip *o = clipById(*mp, c.videoId))
                        mergedEqual += samePoints(*o, c) ? 1 : 0;
            QFile a(merged), b(batchOut);
            const bool sameBytes = a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly) && a.readAll() == b.readAll();
            shardLine += QStringLiteral("; paddock merge (%1 s): %2 of %3 clips equal, %4")
                             .arg(m.seconds, 0, 'f', 2)
                             .arg(mergedEqual)
                             .arg(batchResult->clips.size())
                             .arg(sameBytes ? QStringLiteral("byte for byte the same file")
                                            : QStringLiteral("the files differ in bytes"));
        } else {
            shardLine += QStringLiteral("; paddock merge: not run (%1)").arg(lastLine(work.filePath(QStringLiteral("bench-merge.log"))));
        }
    }

    const double perClipAll = k > 0 ? perClipSeconds * n / k : 0.0;
    printOut(QStringLiteral(""));
    printOut(QStringLiteral("| figure | value |"));
    printOut(QStringLiteral("|---|---|"));
    printOut(QStringLiteral("| clips / frames | %1 / %2 |").arg(n).arg(frames));
    printOut(QStringLiteral("| decode every frame (%1 threads, in this process) | %2 s |")
                 .arg(jobs)
                 .arg(decodeSeconds, 0, 'f', 2));
    printOut(QStringLiteral("| batch: `propagate DATASET --jobs %1` (one process) | %2 s (%3x decode), peak %4 MiB |")
                 .arg(jobs)
                 .arg(batch.seconds, 0, 'f', 2)
                 .arg(decodeSeconds > 0 ? batch.seconds / decodeSeconds : 0.0, 0, 'f', 2)
                 .arg(batch.rssMiB, 0, 'f', 0));
    printOut(QStringLiteral("| one process per clip: %1 clips | %2 s, %3 s a clip, peak %4 MiB |")
                 .arg(k)
                 .arg(perClipSeconds, 0, 'f', 2)
                 .arg(k > 0 ? perClipSeconds / k : 0.0, 0, 'f', 3)
                 .arg(perClipRss, 0, 'f', 0));
    printOut(QStringLiteral("| one process per clip, all %1 clips%2 | %3 s (batch %4x faster) |")
                 .arg(n)
                 .arg(k < n ? QStringLiteral(" (extrapolated)") : QString())
                 .arg(perClipAll, 0, 'f', 1)
                 .arg(batch.seconds > 0 ? perClipAll / batch.seconds : 0.0, 0, 'f', 1));
    printOut(QStringLiteral("| per-clip results equal to the batch's | %1 of %2 clips |").arg(perClipEqual).arg(k));
    printOut(QStringLiteral("| accuracy, batch, all clips | %1 |").arg(accuracy(errBatchAll)));
    printOut(QStringLiteral("| accuracy, batch, the %1 clips | %2 |").arg(k).arg(accuracy(errBatchSample)));
    printOut(QStringLiteral("| accuracy, per clip, the %1 clips | %2 |").arg(k).arg(accuracy(errPerClip)));
    printOut(QStringLiteral("| batch, %1 |").arg(scoreLine));
    printOut(QStringLiteral("| --shard i/4 (4 processes, one after another) | %1 s, peak %2 MiB each; %3 |")
                 .arg(shardSeconds, 0, 'f', 2)
                 .arg(shardRss, 0, 'f', 0)
                 .arg(shardLine));
    return perClipEqual == k ? kExitOk : kExitFindings;
}

} // namespace paddock::app
