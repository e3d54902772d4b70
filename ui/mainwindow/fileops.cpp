// SPDX-License-Identifier: Apache-2.0
// MainWindow: opening clips, projects and annotation files; saving, autosave and recovery; export.
#include "ui/mainwindow/mainwindow.h"

#include "core/io/autosave.h"
#include "core/io/coco.h"
#include "core/io/dlc.h"
#include "core/io/journal.h"
#include "core/io/projectfile.h"
#include "core/store/projectstore.h"
#include "ui/dialogs/exportdialog.h"
#include "ui/document/document.h"
#include "ui/settings.h"
#include "ui/views/frameprovider.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace paddock::ui {

namespace {
bool isProject(const QString &path)
{
    return path.endsWith(QLatin1String(".paddock"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".autosave"), Qt::CaseInsensitive)
        || store::hasStoreSuffix(path.toStdString()) || store::isStoreFile(path.toStdString());
}

/** A file Save writes to in place: a project file or a project store. */
bool isSavedProject(const QString &path)
{
    return path.endsWith(QLatin1String(".paddock"), Qt::CaseInsensitive) || store::hasStoreSuffix(path.toStdString());
}

bool isAnnotationFile(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
}
} // namespace

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString filter =
        tr("All supported (*.paddock *.paddockdb *.mp4 *.avi *.mov *.mkv *.webm *.json *.csv);;"
           "Paddock projects (*.paddock *.paddockdb);;"
           "Videos (*.mp4 *.avi *.mov *.mkv *.webm);;COCO / AP-10K / APTv2 (*.json);;DeepLabCut CSV (*.csv);;"
           "All files (*)");
    QFileDialog dialog(this, tr("Open"), QFileInfo(Settings::recentFiles().value(0)).absolutePath(), filter);
    dialog.setFileMode(QFileDialog::ExistingFile);
    // A frame folder is opened by choosing any image in it, or with "Open Folder" below.
    dialog.setLabelText(QFileDialog::Accept, tr("Open"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    QString path = dialog.selectedFiles().first();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (QStringList{QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("bmp"),
                    QStringLiteral("tif"), QStringLiteral("tiff")}
            .contains(suffix))
        path = QFileInfo(path).absolutePath(); // an image stands for its folder of frames
    QString err;
    if (!openPath(path, &err))
        showError(tr("Open"), err);
}

bool MainWindow::openPath(const QString &path, QString *error)
{
    QString err;
    bool ok = false;
    const QFileInfo fi(path);
    if (!fi.exists()) {
        err = tr("%1: no such file or folder").arg(path);
    } else if (isProject(path)) {
        std::string e;
        const std::string file = fi.absoluteFilePath().toStdString();
        // A store by content, whatever its name; it stays open so that Save writes only what changed.
        std::optional<core::Project> project;
        if (store::isStoreFile(file)) {
            project = projectStore()->open(file, &e);
        } else {
            projectStore()->close();
            project = core::loadProject(file, &e);
        }
        if (project) {
            mDocument->resetProject(std::move(*project), fi.absoluteFilePath());
            mDocument->markSaved(); // the project is what the file holds
            ok = attachFrames(&err);
            if (!offerRecovery(fi.absoluteFilePath()))
                startJournal();
        } else {
            err = QString::fromStdString(e);
        }
    } else if (isAnnotationFile(path)) {
        ok = openAnnotations(fi.absoluteFilePath(), QString(), &err);
    } else {
        ok = openClip(fi.absoluteFilePath(), &err);
    }
    if (ok) {
        Settings::addRecentFile(path);
        rebuildRecentMenu();
        statusBar()->showMessage(tr("Opened %1").arg(fi.fileName()), 4000);
    }
    if (error)
        *error = err;
    return ok;
}

bool MainWindow::openClip(const QString &path, QString *error)
{
    // A new project with the AP-10K species and this clip; the user adds animals and labels.
    core::Project project = core::newAp10kProject();
    core::Clip clip;
    clip.name = QFileInfo(path).completeBaseName().toStdString();
    clip.path = path.toStdString();
    project.clips.push_back(clip);
    projectStore()->close();
    mDocument->resetProject(std::move(project));
    const bool ok = attachFrames(error);
    startJournal();
    return ok;
}

bool MainWindow::openAnnotations(const QString &path, const QString &clipPath, QString *error)
{
    std::string e;
    std::optional<core::Project> project;
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        project = core::readDlcCsv(path.toStdString(), &e);
    } else {
        core::ReadReport report;
        project = core::readCocoFile(path.toStdString(), &e, &report, true);
        if (project && !report.problems.empty())
            statusBar()->showMessage(tr("%n problem(s) skipped while reading; first: %1", nullptr,
                                        int(report.problems.size()))
                                         .arg(QString::fromStdString(report.problems.front())),
                                     10000);
    }
    if (!project) {
        if (error)
            *error = QString::fromStdString(e);
        return false;
    }
    if (project->clips.empty()) {
        if (error)
            *error = tr("%1 holds no images or videos").arg(path);
        return false;
    }
    // Pair the labels with their clip: the given one, the recorded one, or ask.
    QString clipFile = clipPath;
    core::Clip &first = project->clips.front();
    if (clipFile.isEmpty() && !first.path.empty()) {
        const QString rec = QDir(QFileInfo(path).absolutePath()).absoluteFilePath(QString::fromStdString(first.path));
        if (QFileInfo::exists(rec))
            clipFile = rec;
    }
    if (clipFile.isEmpty() && mInteractive) {
        QMessageBox::information(this, tr("Choose the Clip"),
                                 tr("Choose the video (or any frame image of the folder) these labels belong to."));
        clipFile = QFileDialog::getOpenFileName(this, tr("Clip for %1").arg(QFileInfo(path).fileName()),
                                                QFileInfo(path).absolutePath());
        if (!clipFile.isEmpty() && !clipFile.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive)
            && QFileInfo(clipFile).suffix().toLower() != QLatin1String("avi")
            && QFileInfo(clipFile).suffix().toLower() != QLatin1String("mov"))
            clipFile = QFileInfo(clipFile).absolutePath();
    }
    if (clipFile.isEmpty()) {
        if (error)
            *error = tr("No clip chosen for %1").arg(path);
        return false;
    }
    const std::string chosen = QFileInfo(clipFile).absoluteFilePath().toStdString();
    if (chosen != first.path)
        first.imageRoot.clear(); // another video or folder than the dataset's list of images
    first.path = chosen;
    for (const core::Category &c : core::ap10kCategories())
        project->ensureCategory(c); // let users add AP-10K animals to imported projects
    projectStore()->close();
    mDocument->resetProject(std::move(*project));
    const bool ok = attachFrames(error);
    startJournal();
    return ok;
}

bool MainWindow::attachFrames(QString *error)
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return false;
    QString err;
    if (!mFrames->open(*clip, &err)) {
        if (error)
            *error = err;
        return false;
    }
    const core::VideoInfo &info = mFrames->info();
    if (clip->frameCount != info.frameCount || clip->width != info.width || clip->height != info.height)
        mDocument->setClipInfo(mDocument->currentClipIndex(), info.frameCount, info.width, info.height, info.fps);
    mDocument->setCurrentFrame(0);
    mFrames->request(mDocument->currentFrame());
    mPlayTimer->setInterval(int(1000.0 / (info.fps > 0 ? info.fps : 25.0)));
    updateActions();
    updateFrameLabel();
    return true;
}

bool MainWindow::saveTo(const QString &path, QString *error)
{
    std::string e;
    const std::string file = QFileInfo(path).absoluteFilePath().toStdString();
    store::ProjectStore *db = projectStore();
    bool ok = false;
    if (store::hasStoreSuffix(file)) {
        // The store the project came from: one transaction with the clips changed since the last save. Any other
        // path: a new store with every clip.
        if (db->isOpen() && db->path() == file && QFileInfo(mDocument->fileName()).absoluteFilePath().toStdString() == file)
            ok = db->save(mDocument->project(), mDocument->unsavedChanges(), &e);
        else
            ok = db->create(mDocument->project(), file, &e);
    } else {
        ok = core::saveProject(mDocument->project(), file, &e);
        if (ok)
            db->close();
    }
    if (!ok) {
        if (error)
            *error = QString::fromStdString(e);
        return false;
    }
    mDocument->markSaved();
    // The saved file holds everything: the old autosave and journal go, a new journal starts on the file.
    const std::string old = journalProjectPath();
    mDocument->setFileName(QFileInfo(path).absoluteFilePath());
    mDocument->setClean();
    core::JournalWriter *journal = journalWriter();
    journal->discard(old);
    journal->discard(journalProjectPath());
    if (Settings::autosaveSeconds() > 0) {
        // On a store, the journal's base is the state just committed (its generation), not the file's time.
        if (db->isOpen())
            journal->startOnBase(journalProjectPath(), db->identity());
        else
            journal->startOnProject(journalProjectPath());
        mDocument->setJournal(journal);
    } else {
        mDocument->setJournal(nullptr);
    }
    journal->flush();
    Settings::addRecentFile(path);
    rebuildRecentMenu();
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

bool MainWindow::save()
{
    if (mDocument->fileName().isEmpty() || !isSavedProject(mDocument->fileName()))
        return saveAs();
    QString err;
    if (!saveTo(mDocument->fileName(), &err)) {
        showError(tr("Save"), tr("The project was not saved; it stays marked as modified.\n%1").arg(err));
        return false;
    }
    return true;
}

bool MainWindow::saveAs()
{
    // Both formats: the store (.paddockdb) saves only what changed, for datasets; the JSON file is for exchange.
    const QString storeFilter = tr("Paddock project store (*.paddockdb)");
    const QString jsonFilter = tr("Paddock project, JSON (*.paddock)");
    QString suggestion = mDocument->fileName();
    const bool many = mDocument->project().clips.size() > 1;
    if (suggestion.isEmpty() && mDocument->currentClip())
        suggestion = QFileInfo(QString::fromStdString(mDocument->currentClip()->path)).absolutePath() + QLatin1Char('/')
            + QString::fromStdString(mDocument->currentClip()->name)
            + QString::fromLatin1(many ? store::kStoreSuffix : ".paddock");
    QString selected = store::hasStoreSuffix(suggestion.toStdString()) || (suggestion.isEmpty() && many) ? storeFilter
                                                                                                        : jsonFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project"), suggestion, storeFilter + QStringLiteral(";;") + jsonFilter,
                                                &selected);
    if (path.isEmpty())
        return false;
    if (!isSavedProject(path))
        path += selected == storeFilter ? QString::fromLatin1(store::kStoreSuffix) : QStringLiteral(".paddock");
    QString err;
    if (!saveTo(path, &err)) {
        showError(tr("Save"), tr("The project was not saved; it stays marked as modified.\n%1").arg(err));
        return false;
    }
    return true;
}

bool MainWindow::maybeSave()
{
    if (!mDocument->isModified())
        return true;
    if (!mInteractive)
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved Changes"),
                                             tr("The project has unsaved changes. Save them before closing?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    mDocument->setJournal(nullptr);
    journalWriter()->discard(journalProjectPath());
    journalWriter()->flush();
    mDocument->setClean();
    return true;
}

void MainWindow::rebuildRecentMenu()
{
    if (!mRecentMenu)
        return;
    mRecentMenu->clear();
    const QStringList files = Settings::recentFiles();
    for (const QString &f : files) {
        mRecentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] {
            if (!maybeSave())
                return;
            QString err;
            if (!openPath(f, &err))
                showError(tr("Open"), err);
        })->setToolTip(f);
    }
    mRecentMenu->addSeparator();
    mRecentMenu->addAction(tr("Clear List"), this, [this] {
        Settings::clearRecentFiles();
        rebuildRecentMenu();
    });
    mRecentMenu->setEnabled(!files.isEmpty());
}

core::JournalWriter *MainWindow::journalWriter()
{
    if (!mJournal) {
        mJournal = std::make_unique<core::JournalWriter>();
        // Called on the writer thread: hand over to the GUI thread (dropped if the window is gone).
        mJournal->onSnapshotWritten = [this](bool ok, const std::string &) {
            QMetaObject::invokeMethod(this, [this, ok] { Q_EMIT autosaveWritten(ok); }, Qt::QueuedConnection);
        };
        mJournal->onError = [this](const std::string &error) {
            const QString message = QString::fromStdString(error);
            QMetaObject::invokeMethod(
                this,
                [this, message] {
                    statusBar()->showMessage(tr("Crash protection is not working (cannot write the journal): %1")
                                                 .arg(message),
                                             15000);
                },
                Qt::QueuedConnection);
        };
    }
    return mJournal.get();
}

store::ProjectStore *MainWindow::projectStore()
{
    if (!mStore)
        mStore = std::make_shared<store::ProjectStore>();
    return mStore.get();
}

std::string MainWindow::journalProjectPath() const
{
    return isSavedProject(mDocument->fileName()) ? mDocument->fileName().toStdString() : std::string();
}

void MainWindow::startJournal()
{
    // Every edit from now on is appended to the journal and on disk within a fraction of a second; the journal
    // applies to the saved project file, or (untitled, or opened from another format) to a snapshot of it.
    core::JournalWriter *journal = journalWriter();
    if (Settings::autosaveSeconds() <= 0 || !mDocument->currentClip()) {
        mDocument->setJournal(nullptr);
        journal->stop();
        return;
    }
    const std::string path = journalProjectPath();
    if (path.empty() && mInteractive && offerRecovery(QString()))
        return; // unsaved work of an untitled session would be overwritten: it was offered first
    store::ProjectStore *db = projectStore();
    if (!path.empty() && db->isOpen() && db->path() == QFileInfo(QString::fromStdString(path)).absoluteFilePath().toStdString())
        journal->startOnBase(path, db->identity());
    else if (!path.empty() && QFileInfo::exists(QString::fromStdString(path)))
        journal->startOnProject(path);
    else
        journal->startOnSnapshot(mDocument->project(), path, mDocument->isModified());
    mDocument->setJournal(journal);
}

void MainWindow::autosaveTick()
{
    // The journal already holds every edit; a full snapshot only keeps it short (recovery replays it). Replaying
    // a journal as long as the project costs about as much as loading the project, so it may grow that long.
    const QString path = QString::fromStdString(journalProjectPath());
    const qint64 base = QFileInfo(path.isEmpty() ? QString::fromStdString(core::autosavePath(std::string())) : path).size();
    const std::int64_t compactBytes = std::max<std::int64_t>(8 << 20, base);
    if (!mDocument->journal() || !mJournal->active() || mJournal->journalBytes() > compactBytes)
        autosaveNow(); // no journal (or it failed, or got long): a snapshot, and the journal restarts on it
}

void MainWindow::autosaveNow()
{
    if (!mDocument->isModified() || !mDocument->currentClip())
        return;
    // The writer thread writes a copy; the GUI keeps editing the live project and the journal restarts on it.
    core::JournalWriter *journal = journalWriter();
    journal->startOnSnapshot(mDocument->project(), journalProjectPath(), true);
    mDocument->setJournal(Settings::autosaveSeconds() > 0 ? journal : nullptr);
    if (Settings::autosaveSeconds() <= 0)
        journal->stop();
}

bool MainWindow::offerRecovery(const QString &projectPath)
{
    const std::string path = projectPath.toStdString();
    const auto found = store::findRecovery(path);
    if (!found)
        return false;
    bool journalled = found->journal.has_value();
    if (mInteractive) {
        const QString when = QDateTime::fromMSecsSinceEpoch(found->modifiedMs).toString();
        const auto answer = QMessageBox::question(
            this, tr("Recover Unsaved Work"),
            journalled ? tr("Paddock found work that was not saved (last change %1). Recover it, with its undo "
                            "history?")
                             .arg(when)
                       : tr("Paddock found work that was not saved (autosave from %1). Recover it?").arg(when),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes) {
            journalWriter()->discard(path);
            journalWriter()->flush();
            return false;
        }
    }
    // The journal's base: the store's committed state (read through the store, which stays open for Save), or a
    // project file or autosave snapshot.
    const bool storeBase = found->baseKind == core::JournalBase::Kind::Store;
    const auto loadBase = [&](std::string *e) {
        return storeBase ? projectStore()->open(found->basePath, e) : core::loadProject(found->basePath, e);
    };
    std::string e;
    auto project = loadBase(&e);
    if (!project) {
        showError(tr("Recover"), QString::fromStdString(e));
        return false;
    }
    mDocument->resetProject(std::move(*project), projectPath);
    if (storeBase)
        mDocument->markSaved(); // what the journal changes from here is what the next save writes
    QString err;
    if (journalled && !mDocument->replayJournal(found->journal->records, &err)) {
        // A journal that does not fit its base (it cannot happen unless the files were edited by hand): keep the
        // base, say so, and journal afresh from it.
        auto base = loadBase(&e);
        if (!base) {
            showError(tr("Recover"), QString::fromStdString(e));
            return false;
        }
        mDocument->resetProject(std::move(*base), projectPath);
        if (storeBase)
            mDocument->markSaved();
        showError(tr("Recover"), tr("The edits since the last autosave could not be replayed: %1").arg(err));
        journalled = false;
    }
    // Recovered work is unsaved until the user saves it: a no-op macro would not mark it, so dirty the stack.
    mDocument->undoStack()->resetClean();
    attachFrames(&err);
    // Go on with the same journal (its base is still there); without one, journal on a snapshot of this state.
    core::JournalWriter *journal = journalWriter();
    if (journalled) {
        journal->resume(path, found->journal->validBytes);
        mDocument->setJournal(journal, true);
    } else {
        journal->startOnSnapshot(mDocument->project(), path, true);
        mDocument->setJournal(journal);
    }
    statusBar()->showMessage(tr("Recovered unsaved work"), 6000);
    return true;
}

void MainWindow::exportDialog()
{
    ExportDialog dialog(mDocument->fileName(), mDocument->project(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString err;
    const bool started = dialog.dlc() ? exportDlcTo(dialog.path(), dialog.dlcOptions(), &err)
                                      : exportTo(dialog.path(), dialog.options(), &err);
    if (!started)
        showError(tr("Export"), err);
}

bool MainWindow::startExport(const QString &target, const QString &noTarget,
                             std::function<QString(const core::Project &, QString *note)> job, QString *error)
{
    if (mExportWatcher.isRunning()) {
        if (error)
            *error = tr("An export is already running.");
        return false;
    }
    if (target.isEmpty()) {
        if (error)
            *error = noTarget;
        return false;
    }
    mProgress->setRange(0, 0);
    mProgress->show();
    statusBar()->showMessage(tr("Exporting…"));
    auto note = std::make_shared<QString>();
    mExportNote = note;
    mExportWatcher.setFuture(QtConcurrent::run(
        [snapshot = mDocument->project(), job = std::move(job), note] { return job(snapshot, note.get()); }));
    return true;
}

bool MainWindow::exportDlcTo(const QString &dir, const core::DlcWriteOptions &options, QString *error)
{
    auto job = [dir, options](const core::Project &snapshot, QString *note) {
        std::string err;
        std::vector<core::DlcWriteReport> reports;
        if (!core::writeDlcProjectAllClips(snapshot, dir.toStdString(), options, &reports, &err))
            return QString::fromStdString(err.empty() ? std::string("unknown error") : err);
        int rows = 0, points = 0, images = 0;
        QStringList lost;
        for (const core::DlcWriteReport &r : reports) {
            rows += r.rows;
            points += r.points;
            images += r.images;
            for (const std::string &l : r.lost)
                if (!lost.contains(QString::fromStdString(l)))
                    lost << QString::fromStdString(l);
        }
        *note = tr("%n clip(s), %1 frame(s), %2 point(s), %3 image(s)", nullptr, int(reports.size()))
                    .arg(rows)
                    .arg(points)
                    .arg(images);
        if (!lost.isEmpty())
            *note += QStringLiteral("; ") + tr("DeepLabCut cannot hold: %1").arg(lost.join(QStringLiteral("; ")));
        return QString();
    };
    return startExport(dir, tr("Choose a folder to export to."), std::move(job), error);
}

bool MainWindow::exportTo(const QString &path, bool aptv2, bool propagated, const QString &frameDir, QString *error)
{
    core::CocoWriteOptions options;
    options.aptv2 = aptv2;
    options.propagated = propagated;
    options.unreviewedVisible = false;
    options.videoFrameRefs = false;
    options.frameDir = frameDir.toStdString();
    return exportTo(path, options, error);
}

bool MainWindow::exportTo(const QString &path, const core::CocoWriteOptions &options, QString *error)
{
    auto job = [path, options](const core::Project &snapshot, QString *) {
        std::string err;
        if (!core::writeCocoFile(snapshot, path.toStdString(), options, &err))
            return QString::fromStdString(err.empty() ? std::string("unknown error") : err);
        return QString();
    };
    return startExport(path, tr("Choose a file to export to."), std::move(job), error);
}

} // namespace paddock::ui
