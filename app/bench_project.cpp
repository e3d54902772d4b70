// SPDX-License-Identifier: Apache-2.0
// paddock bench project [--clips N] [--frames N] [--animals N] [--runs N]: project file save/load speed and size,
// and what one edit costs with the edit journal (append + fdatasync) against a full autosave rewrite.
// paddock bench store [--clips N] [--frames N] [--animals N] [--dataset FILE]: the JSON project file against the
// project store (.paddockdb) on a dataset: open, save after one edit, autosave after one edit, full save, size, memory;
// with --dataset also the dataset file itself opened as File > Open does, up to the clip browser's sorted rows.
#include "app/commands.h"

#include "core/io/autosave.h"
#include "core/io/coco.h"
#include "core/io/journal.h"
#include "core/io/projectfile.h"
#include "core/store/projectstore.h"
#include "ui/browser/cliptablemodel.h"
#include "ui/commands/keypointcommands.h"
#include "ui/document/document.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <ctime>
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

namespace {

/** CPU time of this process, all threads, ms (the machine may be shared: wall time alone says little). */
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/**
 * Opens \a file as the app does (a project, a store, or a COCO/APTv2 dataset read leniently with its report)
 * into a Document, and builds the clip browser's rows sorted by name, as the browser shows them first.
 */
bool openLikeTheApp(const QString &file, ui::Document *doc, std::string *error)
{
    std::optional<core::Project> p;
    const std::string path = file.toStdString();
    QFile head(file);
    const bool json = head.open(QIODevice::ReadOnly) && head.peek(4096).contains("\"images\"")
        && !head.peek(4096).contains("\"paddock-project\"");
    if (json && !store::isStoreFile(path)) {
        core::ReadReport report;
        p = core::readCocoFile(path, error, &report, true);
    } else {
        p = store::loadProjectFile(path, error);
    }
    if (!p)
        return false;
    doc->resetProject(std::move(*p), QFileInfo(file).absoluteFilePath());
    return true;
}

/** The clip browser's model over \a doc, sorted by name: every row's stats computed, as the dock shows them. */
int browserRows(ui::Document *doc)
{
    ui::ClipTableModel model(doc);
    ui::ClipFilterProxy proxy;
    proxy.setClipModel(&model);
    proxy.sort(ui::ClipTableModel::NameColumn, Qt::AscendingOrder);
    int shown = 0;
    for (int r = 0; r < std::min(proxy.rowCount(), 40); ++r) // the rows in sight
        for (int c = 0; c < ui::ClipTableModel::ColumnCount; ++c)
            shown += proxy.data(proxy.index(r, c)).isValid() ? 1 : 0;
    return proxy.rowCount() > 0 ? shown : 0;
}

/**
 * Peak resident memory (MiB) of a fresh `paddock bench store --open-only FILE` (FILE "-": open nothing): the
 * file opened as the app does, up to the clip browser's rows.
 */
double peakOpenRssMiB(const QString &file)
{
    QProcess p;
    p.start(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath(),
            {QStringLiteral("bench"), QStringLiteral("store"), QStringLiteral("--open-only"), file});
    if (!p.waitForFinished(-1) || p.exitCode() != 0)
        return -1.0;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed().toDouble();
}

/** One edit as the GUI makes it: a keypoint moved on a random clip and frame, through the undo stack. */
void editOnce(ui::Document *doc, std::mt19937 *rng)
{
    const core::Project &p = doc->project();
    for (int tries = 0; tries < 100; ++tries) {
        const int clip = int((*rng)() % unsigned(p.clips.size()));
        const core::Clip &c = p.clips[std::size_t(clip)];
        if (c.frames.empty())
            continue;
        auto it = c.frames.begin();
        std::advance(it, long((*rng)() % unsigned(c.frames.size())));
        const core::Instance &inst = it->second.front();
        doc->undoStack()->push(new ui::MoveKeypoint(doc, clip, it->first, inst.trackId, 0,
                                                    QPointF(10 + (*rng)() % 100, 20), true));
        return;
    }
}

} // namespace

int runBenchStore(const QStringList &args)
{
    int clips = 2749, frames = 15, animals = 2, runs = 5;
    QString dataset;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--open-only") && i + 1 < args.size()) {
            // The memory probe (peakOpenRssMiB): open one file and exit.
            const QString file = args[i + 1];
            std::string error;
            ui::Document doc;
            if (file != QLatin1String("-") && (!openLikeTheApp(file, &doc, &error) || browserRows(&doc) == 0)) {
                printError(QString::fromStdString(error));
                return kExitBadInput;
            }
            printOut(QString::number(peakRssMiB(), 'f', 1));
            return kExitOk;
        }
        if (a == QLatin1String("--dataset") && i + 1 < args.size()) {
            dataset = args[++i];
            continue;
        }
        bool ok = false;
        const int v = i + 1 < args.size() ? args[i + 1].toInt(&ok) : 0;
        if (!ok || v <= 0 || (a != QLatin1String("--clips") && a != QLatin1String("--frames")
                              && a != QLatin1String("--animals") && a != QLatin1String("--runs"))) {
            printError(QStringLiteral("usage: paddock bench store [--clips N] [--frames N] [--animals N] [--runs N] "
                                      "[--dataset FILE]"));
            return kExitBadInput;
        }
        (a == QLatin1String("--clips") ? clips : a == QLatin1String("--frames") ? frames
                                              : a == QLatin1String("--animals") ? animals
                                                                                : runs) = v;
        ++i;
    }
    std::string error;
    core::Project project;
    // The dataset file itself, as File > Open reads it, then the browser's rows (median of the runs).
    struct AppOpen
    {
        double read = 0, readCpu = 0, browser = 0, browserCpu = 0, rss = 0;
    } datasetOpen, storeOpen;
    const auto openApp = [&](const QString &file, AppOpen *fig) {
        std::vector<double> read, readCpu, browser, browserCpu;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer t;
            t.start();
            const double c0 = cpuMs();
            ui::Document doc;
            if (!openLikeTheApp(file, &doc, &error))
                return false;
            read.push_back(t.nsecsElapsed() / 1e6);
            readCpu.push_back(cpuMs() - c0);
            if (browserRows(&doc) == 0) {
                error = "no clips";
                return false;
            }
            browser.push_back(t.nsecsElapsed() / 1e6);
            browserCpu.push_back(cpuMs() - c0);
        }
        fig->read = median(read);
        fig->readCpu = median(readCpu);
        fig->browser = median(browser);
        fig->browserCpu = median(browserCpu);
        fig->rss = peakOpenRssMiB(file);
        return true;
    };
    if (!dataset.isEmpty() && !openApp(dataset, &datasetOpen)) {
        printError(QString::fromStdString(error));
        return kExitBadInput;
    }
    if (!dataset.isEmpty()) {
        auto read = core::readCocoFile(dataset.toStdString(), &error);
        if (!read) {
            printError(QString::fromStdString(error));
            return kExitBadInput;
        }
        project = std::move(*read);
    } else {
        project = generateProject(clips, frames, animals);
    }
    std::int64_t instances = 0;
    for (const core::Clip &c : project.clips)
        for (const auto &[f, list] : c.frames)
            instances += std::int64_t(list.size());
    QTemporaryDir dir;
    const std::string jsonPath = dir.filePath(QStringLiteral("set.paddock")).toStdString();
    const std::string storePath = dir.filePath(QStringLiteral("set.paddockdb")).toStdString();

    struct Figures
    {
        double open = 0, saveEdit = 0, autosaveEdit = 0, fullSave = 0, rss = 0;
        double openCpu = 0, saveEditCpu = 0, fullSaveCpu = 0;
        qint64 bytes = 0;
        bool same = false;
    } json, db;
    QElapsedTimer t;
    // Full save: the JSON file rewritten, the store created (every clip row).
    t.start();
    double c0 = cpuMs();
    if (!core::saveProject(project, jsonPath, &error)) {
        printError(QString::fromStdString(error));
        return kExitBadInput;
    }
    json.fullSave = t.nsecsElapsed() / 1e6;
    json.fullSaveCpu = cpuMs() - c0;
    t.restart();
    c0 = cpuMs();
    if (!store::saveStore(project, storePath, &error)) {
        printError(QString::fromStdString(error));
        return kExitBadInput;
    }
    db.fullSave = t.nsecsElapsed() / 1e6;
    db.fullSaveCpu = cpuMs() - c0;
    json.bytes = QFileInfo(QString::fromStdString(jsonPath)).size();
    db.bytes = QFileInfo(QString::fromStdString(storePath)).size();
    const double baseRss = peakOpenRssMiB(QStringLiteral("-"));
    if (!dataset.isEmpty() && !openApp(QString::fromStdString(storePath), &storeOpen)) {
        printError(QString::fromStdString(error));
        return kExitBadInput;
    }
    json.rss = peakOpenRssMiB(QString::fromStdString(jsonPath));
    db.rss = peakOpenRssMiB(QString::fromStdString(storePath));

    // Open: median of the runs.
    std::vector<double> openJson, openStore, openJsonCpu, openStoreCpu;
    for (int r = 0; r < runs; ++r) {
        t.restart();
        c0 = cpuMs();
        const auto a = core::loadProject(jsonPath, &error);
        openJson.push_back(t.nsecsElapsed() / 1e6);
        openJsonCpu.push_back(cpuMs() - c0);
        json.same = a && *a == project;
        store::ProjectStore s;
        t.restart();
        c0 = cpuMs();
        const auto b = s.open(storePath, &error);
        openStore.push_back(t.nsecsElapsed() / 1e6);
        openStoreCpu.push_back(cpuMs() - c0);
        db.same = b && *b == project;
    }
    json.open = median(openJson);
    db.open = median(openStore);
    json.openCpu = median(openJsonCpu);
    db.openCpu = median(openStoreCpu);

    // One edit, then Save (JSON: the whole file; store: the changed clip) and the autosave (the journal's append
    // and fdatasync, on the project file or on the store's committed state).
    std::mt19937 rng(11);
    std::vector<double> saveJson, saveStore, journalJson, journalStore, saveJsonCpu, saveStoreCpu;
    std::int64_t storeBytesPerSave = 0;
    for (int pass = 0; pass < 2; ++pass) {
        const bool isStore = pass == 1;
        ui::Document doc;
        store::ProjectStore s;
        if (isStore) {
            auto p = s.open(storePath, &error);
            if (!p) {
                printError(QString::fromStdString(error));
                return kExitBadInput;
            }
            doc.resetProject(std::move(*p), QString::fromStdString(storePath));
            doc.markSaved();
        } else {
            doc.resetProject(project, QString::fromStdString(jsonPath));
        }
        core::JournalWriter journal;
        const std::string path = isStore ? storePath : jsonPath;
        const auto restartJournal = [&] {
            if (isStore)
                journal.startOnBase(path, s.identity());
            else
                journal.startOnProject(path);
            journal.flush();
            doc.setJournal(&journal);
        };
        restartJournal();
        for (int r = 0; r < runs; ++r) {
            t.restart();
            editOnce(&doc, &rng);
            journal.flush();
            (isStore ? journalStore : journalJson).push_back(t.nsecsElapsed() / 1e6);
            t.restart();
            c0 = cpuMs();
            const bool ok = isStore ? s.save(doc.project(), doc.unsavedChanges(), &error)
                                    : core::saveProject(doc.project(), path, &error);
            if (!ok) {
                printError(QString::fromStdString(error));
                return kExitBadInput;
            }
            doc.markSaved();
            doc.setClean();
            (isStore ? saveStore : saveJson).push_back(t.nsecsElapsed() / 1e6);
            (isStore ? saveStoreCpu : saveJsonCpu).push_back(cpuMs() - c0);
            if (isStore)
                storeBytesPerSave = s.lastSave().bytesWritten;
            restartJournal(); // as the app does after a save
        }
        doc.setJournal(nullptr);
        journal.discard(path);
        journal.flush();
        if (isStore) {
            s.close();
            const auto back = store::loadStore(storePath, &error);
            db.same = db.same && back && *back == doc.project();
        }
    }
    json.saveEdit = median(saveJson);
    db.saveEdit = median(saveStore);
    json.saveEditCpu = median(saveJsonCpu);
    db.saveEditCpu = median(saveStoreCpu);
    json.autosaveEdit = median(journalJson);
    db.autosaveEdit = median(journalStore);

    printOut(QStringLiteral("dataset: %1 (%2 clips, %3 instances), %4 runs")
                 .arg(dataset.isEmpty() ? QStringLiteral("generated, %1 frames x %2 animals per clip").arg(frames).arg(animals)
                                        : dataset)
                 .arg(project.clips.size())
                 .arg(instances)
                 .arg(runs));
    printOut(QStringLiteral("| | JSON (.paddock) | store (.paddockdb) |"));
    printOut(QStringLiteral("|---|---|---|"));
    const auto timed = [](const QString &what, double a, double aCpu, double b, double bCpu, int digits) {
        printOut(QStringLiteral("| %1 | %2 ms (CPU %3 ms) | %4 ms (CPU %5 ms) |")
                     .arg(what)
                     .arg(a, 0, 'f', digits)
                     .arg(aCpu, 0, 'f', digits)
                     .arg(b, 0, 'f', digits)
                     .arg(bCpu, 0, 'f', digits));
    };
    const auto row = [](const QString &what, double a, double b, const QString &unit, int digits) {
        printOut(QStringLiteral("| %1 | %2 %4 | %3 %4 |").arg(what).arg(a, 0, 'f', digits).arg(b, 0, 'f', digits).arg(unit));
    };
    timed(QStringLiteral("open (median)"), json.open, json.openCpu, db.open, db.openCpu, 0);
    timed(QStringLiteral("save after one edit (median)"), json.saveEdit, json.saveEditCpu, db.saveEdit, db.saveEditCpu, 1);
    row(QStringLiteral("autosave after one edit: journal append + fdatasync (median)"), json.autosaveEdit, db.autosaveEdit,
        QStringLiteral("ms"), 1);
    if (!dataset.isEmpty()) {
        printOut(QStringLiteral("| open as the app does: the dataset file (%1) / the store, read (median) | %2 ms (CPU %3 ms) | "
                                "%4 ms (CPU %5 ms) |")
                     .arg(QFileInfo(dataset).fileName())
                     .arg(datasetOpen.read, 0, 'f', 0)
                     .arg(datasetOpen.readCpu, 0, 'f', 0)
                     .arg(storeOpen.read, 0, 'f', 0)
                     .arg(storeOpen.readCpu, 0, 'f', 0));
        printOut(QStringLiteral("| ... up to the clip browser's rows, sorted (median) | %1 ms (CPU %2 ms) | %3 ms (CPU %4 ms) |")
                     .arg(datasetOpen.browser, 0, 'f', 0)
                     .arg(datasetOpen.browserCpu, 0, 'f', 0)
                     .arg(storeOpen.browser, 0, 'f', 0)
                     .arg(storeOpen.browserCpu, 0, 'f', 0));
        printOut(QStringLiteral("| ... peak memory of a process that does it | %1 MiB | %2 MiB |")
                     .arg(datasetOpen.rss, 0, 'f', 0)
                     .arg(storeOpen.rss, 0, 'f', 0));
    }
    timed(QStringLiteral("full save"), json.fullSave, json.fullSaveCpu, db.fullSave, db.fullSaveCpu, 0);
    row(QStringLiteral("file size"), json.bytes / 1048576.0, db.bytes / 1048576.0, QStringLiteral("MiB"), 1);
    row(QStringLiteral("peak memory of a process that opens it"), json.rss, db.rss, QStringLiteral("MiB"), 0);
    printOut(QStringLiteral("(a process that opens nothing: %1 MiB; the store wrote %2 bytes of clip JSON per save "
                            "after one edit; data read back equal: JSON %3, store %4)")
                 .arg(baseRss, 0, 'f', 0)
                 .arg(storeBytesPerSave)
                 .arg(json.same ? QStringLiteral("yes") : QStringLiteral("NO"))
                 .arg(db.same ? QStringLiteral("yes") : QStringLiteral("NO")));
    return json.same && db.same ? kExitOk : kExitFindings;
}

} // namespace paddock::app
