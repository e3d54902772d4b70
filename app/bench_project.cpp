// SPDX-License-Identifier: Apache-2.0
// paddock bench project [--clips N] [--frames N] [--animals N] [--runs N]: project file save/load speed and size,
// and what one edit costs with the edit journal (append + fdatasync) against a full autosave rewrite.
#include "app/commands.h"

#include "core/io/autosave.h"
#include "core/io/journal.h"
#include "core/io/projectfile.h"
#include "ui/commands/keypointcommands.h"
#include "ui/document/document.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <random>
#include <vector>

namespace paddock::app {

namespace {

/**
 * A labelled-then-propagated project of \a clips clips (an APTv2-sized dataset with many): every frame, every
 * animal, AP-10K skeleton, mixed sources.
 */
core::Project generateProject(int clips, int frames, int animals)
{
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> ux(0.0, 1920.0), uy(0.0, 1080.0), unit(0.0, 1.0);
    core::Project p = core::newAp10kProject();
    for (int c = 0; c < clips; ++c) {
        core::Clip clip;
        clip.name = "bench" + std::to_string(c);
        clip.videoId = c + 1;
        clip.path = "/data/bench" + std::to_string(c) + ".mp4";
        clip.frameCount = frames;
        clip.width = 1920;
        clip.height = 1080;
        clip.fps = 30.0;
        for (int f = 0; f < frames; ++f) {
            for (int a = 1; a <= animals; ++a) {
                core::Instance inst;
                inst.trackId = a;
                inst.categoryId = 1 + (a % 54);
                for (int k = 0; k < 17; ++k) {
                    core::Keypoint kp;
                    kp.x = ux(rng);
                    kp.y = uy(rng);
                    kp.visibility = unit(rng) < 0.2 ? core::Visibility::Occluded : core::Visibility::Visible;
                    const bool manual = f % 25 == 0;
                    kp.source = manual ? core::Source::Manual : core::Source::Propagated;
                    kp.score = manual ? 1.0f : float(unit(rng));
                    inst.keypoints.push_back(kp);
                }
                clip.setInstance(f, inst);
            }
        }
        p.clips.push_back(std::move(clip));
    }
    return p;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

} // namespace

int runBenchProject(const QStringList &args)
{
    int clips = 1, frames = 1000, animals = 5, runs = 5;
    for (int i = 0; i + 1 < args.size(); i += 2) {
        bool ok = false;
        const int v = args[i + 1].toInt(&ok);
        if (!ok || v <= 0) {
            printError(QStringLiteral("paddock bench project: %1 needs a positive number").arg(args[i]));
            return kExitBadInput;
        }
        if (args[i] == QLatin1String("--clips"))
            clips = v;
        else if (args[i] == QLatin1String("--frames"))
            frames = v;
        else if (args[i] == QLatin1String("--animals"))
            animals = v;
        else if (args[i] == QLatin1String("--runs"))
            runs = v;
        else {
            printError(QStringLiteral("paddock bench project: unknown option %1 (--clips N --frames N --animals N --runs N)")
                           .arg(args[i]));
            return kExitBadInput;
        }
    }
    if (args.size() % 2 != 0) {
        printError(QStringLiteral("usage: paddock bench project [--clips N] [--frames N] [--animals N] [--runs N]"));
        return kExitBadInput;
    }
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("bench.paddock")).toStdString();
    const core::Project project = generateProject(clips, frames, animals);
    std::vector<double> save, load, autosave;
    std::string error;
    bool same = true;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        if (!core::saveProject(project, path, &error)) {
            printError(QString::fromStdString(error));
            return kExitBadInput;
        }
        save.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        const auto loaded = core::loadProject(path, &error);
        load.push_back(t.nsecsElapsed() / 1e6);
        if (!loaded) {
            printError(QString::fromStdString(error));
            return kExitBadInput;
        }
        same = same && *loaded == project;
        t.restart();
        if (!core::writeAutosave(project, path, &error)) {
            printError(QString::fromStdString(error));
            return kExitBadInput;
        }
        autosave.push_back(t.nsecsElapsed() / 1e6);
    }
    core::discardAutosave(path);

    // One edit with the journal, as the GUI makes it: the Document records the command's change (GUI thread),
    // the writer thread appends it and flushes (fdatasync). Then the compaction the journal needs now and then:
    // a full snapshot (the project copied on the GUI thread, written by the writer thread).
    std::vector<double> editGui, editDisk, snapshotCopy, snapshotWrite;
    std::int64_t recordBytes = 0;
    {
        ui::Document doc;
        doc.resetProject(project, QString::fromStdString(path));
        core::JournalWriter journal;
        journal.startOnProject(path);
        journal.flush();
        doc.setJournal(&journal);
        std::mt19937 rng(7);
        for (int r = 0; r < std::max(runs, 20); ++r) {
            const int clip = int(rng() % unsigned(clips));
            const int frame = int(rng() % unsigned(frames));
            const std::int64_t bytesBefore = journal.journalBytes();
            QElapsedTimer t;
            t.start();
            doc.undoStack()->push(new ui::MoveKeypoint(&doc, clip, frame, 1, 3, QPointF(100 + r, 200), true));
            editGui.push_back(t.nsecsElapsed() / 1e6);
            journal.flush();
            editDisk.push_back(t.nsecsElapsed() / 1e6);
            recordBytes = journal.journalBytes() - bytesBefore;
        }
        for (int r = 0; r < std::min(runs, 3); ++r) {
            QElapsedTimer t;
            t.start();
            core::Project copy = doc.project();
            snapshotCopy.push_back(t.nsecsElapsed() / 1e6);
            t.restart();
            journal.startOnSnapshot(std::move(copy), path, true);
            journal.flush();
            snapshotWrite.push_back(t.nsecsElapsed() / 1e6);
        }
        doc.setJournal(nullptr);
        journal.discard(path);
    }

    const qint64 bytes = QFileInfo(QString::fromStdString(path)).size();
    std::int64_t instances = 0;
    for (const core::Clip &c : project.clips)
        for (const auto &[f, list] : c.frames)
            instances += std::int64_t(list.size());
    printOut(QStringLiteral("project: %1 clip(s) x %2 frames x %3 animals x 17 keypoints (%4 instances, %5 keypoints), %6 runs")
                 .arg(clips)
                 .arg(frames)
                 .arg(animals)
                 .arg(instances)
                 .arg(instances * 17)
                 .arg(runs));
    printOut(QStringLiteral("save (atomic) median %1 ms, max %2 ms")
                 .arg(median(save), 0, 'f', 1)
                 .arg(*std::max_element(save.begin(), save.end()), 0, 'f', 1));
    printOut(QStringLiteral("load median %1 ms, max %2 ms")
                 .arg(median(load), 0, 'f', 1)
                 .arg(*std::max_element(load.begin(), load.end()), 0, 'f', 1));
    printOut(QStringLiteral("full autosave (whole project rewritten) median %1 ms").arg(median(autosave), 0, 'f', 1));
    printOut(QStringLiteral("autosave after one edit (journal): GUI thread median %1 ms; on disk (append + fdatasync) "
                            "median %2 ms, max %3 ms; %4 bytes per edit")
                 .arg(median(editGui), 0, 'f', 2)
                 .arg(median(editDisk), 0, 'f', 2)
                 .arg(*std::max_element(editDisk.begin(), editDisk.end()), 0, 'f', 2)
                 .arg(recordBytes));
    printOut(QStringLiteral("journal compaction (full snapshot, when the journal outgrows the project or 8 MiB): copy on the GUI thread "
                            "median %1 ms, write in the background median %2 ms")
                 .arg(median(snapshotCopy), 0, 'f', 1)
                 .arg(median(snapshotWrite), 0, 'f', 1));
    printOut(QStringLiteral("file size %1 bytes (%2 MiB); loaded project equals saved: %3")
                 .arg(bytes)
                 .arg(bytes / 1048576.0, 0, 'f', 2)
                 .arg(same ? QStringLiteral("yes") : QStringLiteral("NO")));
    return same ? kExitOk : kExitFindings;
}

} // namespace paddock::app
