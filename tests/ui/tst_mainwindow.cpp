// SPDX-License-Identifier: Apache-2.0
// The main labelling flow driven through the window: open a frame folder, place keypoints by clicks, drag,
// undo, propagate with the default tracker, save, autosave, export.
#include "../testutil.h"
#include "screenshotwindow.h"

#include "core/io/autosave.h"
#include "core/io/coco.h"
#include "core/io/projectfile.h"
#include "ui/commands/keypointcommands.h"
#include "ui/commands/animalcommands.h"
#include "ui/dialogs/exportdialog.h"
#include "ui/docks/animalsdock.h"
#include "ui/review/reviewdock.h"
#include "ui/document/document.h"
#include "ui/document/propagationrunner.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/views/frameview.h"
#include "ui/settings.h"
#include "ui/views/timeline.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QMouseEvent>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QMimeData>
#include <QUrl>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QMessageBox>
#include <QTimer>
#include <QUndoStack>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <sys/resource.h>

using namespace paddock;
using namespace paddock::ui;

namespace {
constexpr int kFrames = 12;
constexpr int kStep = 2; // pixels the textured patch moves right per frame

// A frame folder: a checkerboard patch with a gradient, moving kStep px right per frame.
QString makeFrameFolder()
{
    const QString dir = QString::fromStdString(test::tempDir()) + QStringLiteral("/frames");
    QDir().mkpath(dir);
    for (int f = 0; f < kFrames; ++f) {
        QImage img(200, 150, QImage::Format_RGB32);
        img.fill(QColor(90, 90, 90));
        QPainter p(&img);
        for (int y = 0; y < 40; y += 5)
            for (int x = 0; x < 40; x += 5)
                p.fillRect(40 + f * kStep + x, 50 + y, 5, 5,
                           ((x + y) / 5) % 2 ? QColor(240, 240 - 4 * x, 40 + 4 * y) : QColor(20, 30 + 3 * y, 60));
        p.end();
        img.save(QStringLiteral("%1/frame_%2.png").arg(dir).arg(f, 3, 10, QLatin1Char('0')));
    }
    return dir;
}

/** While it lives, files of this process cannot grow (RLIMIT_FSIZE 0, SIGXFSZ ignored): a full disk. */
struct FileSizeLimit
{
    rlimit saved{};
    void (*oldHandler)(int) = nullptr;
    FileSizeLimit()
    {
        oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        ::getrlimit(RLIMIT_FSIZE, &saved);
        rlimit none = saved;
        none.rlim_cur = 0;
        ::setrlimit(RLIMIT_FSIZE, &none);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &saved); // the soft limit goes back up to the hard one
        std::signal(SIGXFSZ, oldHandler);
    }
};

const core::Keypoint &kp(const Document &doc, int frame, int k)
{
    static const core::Keypoint none;
    const core::Instance *inst = doc.instance(0, frame, doc.currentTrack());
    return inst && k < int(inst->keypoints.size()) ? inst->keypoints[std::size_t(k)] : none;
}

QPoint at(FrameView *view, double x, double y)
{
    return view->imageToWidget(QPointF(x, y)).toPoint();
}
} // namespace

/** Qt Test of the main window's labelling flow on a generated clip. */
class TestMainWindow : public QObject
{
    Q_OBJECT

    MainWindow *mWindow = nullptr;
    QString mFolder;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("paddock-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        mFolder = makeFrameFolder();
        mWindow = new MainWindow;
        mWindow->setInteractive(false);
        mWindow->resize(1000, 700);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow));
    }

    void cleanupTestCase() { delete mWindow; }

    void openFrameFolder()
    {
        QString err;
        QVERIFY(!mWindow->openPath(mFolder + QStringLiteral("/missing"), &err));
        QVERIFY(err.contains(QStringLiteral("missing")));
        QVERIFY2(mWindow->openPath(mFolder, &err), qPrintable(err));
        Document *doc = mWindow->document();
        QCOMPARE(doc->frameCount(), kFrames);
        QCOMPARE(doc->currentClip()->width, 200);
        QTRY_COMPARE(mWindow->frameView()->shownFrame(), 0);
        QVERIFY(mWindow->frameView()->placementHint().contains(QStringLiteral("Add an animal")));
        QCOMPARE(Settings::recentFiles().value(0), QFileInfo(mFolder).absoluteFilePath());
    }

    void placeKeypointsByClicking()
    {
        Document *doc = mWindow->document();
        const int id = mWindow->animalsDock()->addAnimal(8, QStringLiteral("Rex"));
        QCOMPARE(id, 1);
        QCOMPARE(doc->currentTrack(), 1);
        FrameView *view = mWindow->frameView();
        QCOMPARE(view->placementTarget(), 0);
        QVERIFY(view->placementHint().contains(QStringLiteral("left_eye")));
        // Sequential placement: each click places the next keypoint.
        QTest::mouseClick(view, Qt::LeftButton, {}, at(view, 50, 60));
        QTest::mouseClick(view, Qt::LeftButton, {}, at(view, 60, 60));
        QTest::mouseClick(view, Qt::LeftButton, {}, at(view, 55, 70));
        QCOMPARE(kp(*doc, 0, 0).source, core::Source::Manual);
        QVERIFY(std::abs(kp(*doc, 0, 0).x - 50) < 1.0 && std::abs(kp(*doc, 0, 0).y - 60) < 1.0);
        QVERIFY(std::abs(kp(*doc, 0, 2).x - 55) < 1.0);
        QCOMPARE(view->placementTarget(), 3);
        QVERIFY(view->placementHint().contains(QStringLiteral("neck")));
        QVERIFY(view->placementHint().contains(QStringLiteral("Rex")));
        QCOMPARE(doc->undoStack()->count(), 4); // add animal + 3 placements
    }

    void undoRemovesLastPlacement()
    {
        Document *doc = mWindow->document();
        doc->undoStack()->undo();
        QVERIFY(!kp(*doc, 0, 2).isLabelled());
        QCOMPARE(mWindow->frameView()->placementTarget(), 2); // placement resumes at the gap
        doc->undoStack()->redo();
        QVERIFY(kp(*doc, 0, 2).isLabelled());
    }

    void dragIsOneUndoStep()
    {
        Document *doc = mWindow->document();
        FrameView *view = mWindow->frameView();
        const int count = doc->undoStack()->count();
        QTest::mousePress(view, Qt::LeftButton, {}, at(view, 50, 60));
        for (int i = 1; i <= 4; ++i)
            QTest::mouseMove(view, at(view, 50 + i, 60 + i));
        QTest::mouseRelease(view, Qt::LeftButton, {}, at(view, 54, 64));
        QCOMPARE(doc->undoStack()->count(), count + 1);
        QVERIFY(std::abs(kp(*doc, 0, 0).x - 54) < 1.0);
        QVERIFY(std::abs(kp(*doc, 0, 0).y - 64) < 1.0);
        doc->undoStack()->undo();
        QVERIFY(std::abs(kp(*doc, 0, 0).x - 50) < 1.0);
    }

    void occludedKeyToggles()
    {
        Document *doc = mWindow->document();
        doc->setCurrentKeypoint(1);
        mWindow->action(QStringLiteral("toggleOccluded"))->trigger();
        QCOMPARE(kp(*doc, 0, 1).visibility, core::Visibility::Occluded);
        mWindow->action(QStringLiteral("toggleOccluded"))->trigger();
        QCOMPARE(kp(*doc, 0, 1).visibility, core::Visibility::Visible);
    }

    void zoomStaysWhileStepping()
    {
        Document *doc = mWindow->document();
        FrameView *view = mWindow->frameView();
        view->zoomBy(2.0, QPointF(100, 100));
        const double zoom = view->zoom();
        const QPointF origin = view->widgetToImage(QPointF(0, 0));
        mWindow->action(QStringLiteral("nextFrame"))->trigger();
        QCOMPARE(doc->currentFrame(), 1);
        QTRY_COMPARE(view->shownFrame(), 1);
        QCOMPARE(view->zoom(), zoom);
        QCOMPARE(view->widgetToImage(QPointF(0, 0)), origin);
        mWindow->action(QStringLiteral("previousFrame"))->trigger();
        view->fitToWindow();
    }

    void timelineClickSeeks()
    {
        Timeline *timeline = mWindow->timeline();
        QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->xForFrame(7), timeline->height() - 5));
        QCOMPARE(mWindow->document()->currentFrame(), 7);
        mWindow->document()->setCurrentFrame(0);
    }

    void propagateIsOneStepAndFollowsMotion()
    {
        Document *doc = mWindow->document();
        const int count = doc->undoStack()->count();
        QSignalSpy applied(mWindow, &MainWindow::propagationApplied);
        QString err;
        QVERIFY2(mWindow->propagate(false, false, 0, -1, &err), qPrintable(err));
        QVERIFY(applied.wait(120000));
        QVERIFY(applied.at(0).at(0).toInt() > 0);
        QCOMPARE(doc->undoStack()->count(), count + 1);
        QCOMPARE(kp(*doc, 0, 0).source, core::Source::Manual); // labels are kept exactly
        QVERIFY(std::abs(kp(*doc, 0, 0).x - 50) < 1.0);
        const core::Keypoint &moved = kp(*doc, 5, 0);
        QVERIFY(moved.isLabelled());
        QCOMPARE(moved.source, core::Source::Propagated);
        // The patch moved 5 * kStep px right; the tracker should follow within 2 px.
        QVERIFY2(std::abs(moved.x - kp(*doc, 0, 0).x - 5 * kStep) < 2.0, qPrintable(QString::number(moved.x)));
        QVERIFY(std::abs(moved.y - kp(*doc, 0, 0).y) < 2.0);
        // Approving a frame turns its tracker points into reviewed labels.
        doc->setCurrentFrame(5);
        mWindow->action(QStringLiteral("approveFrame"))->trigger();
        QCOMPARE(doc->instance(0, 5, 1)->keypoints[0].source, core::Source::Approved);
        doc->undoStack()->undo();
        // One undo takes back the whole propagation.
        doc->undoStack()->undo();
        QVERIFY(!doc->instance(0, 5, 1));
        doc->undoStack()->redo();
        QVERIFY(doc->instance(0, 5, 1));
    }

    void saveAndAutosave()
    {
        Document *doc = mWindow->document();
        const QString dir = QString::fromStdString(test::tempDir());
        QSignalSpy autosaved(mWindow, &MainWindow::autosaveWritten);
        mWindow->autosaveNow();
        QVERIFY(autosaved.wait(20000));
        QVERIFY(autosaved.at(0).at(0).toBool());
        QVERIFY(core::findRecoverableAutosave(std::string()).has_value());

        const QString path = dir + QStringLiteral("/labels.paddock");
        QString err;
        QVERIFY2(mWindow->saveTo(path, &err), qPrintable(err));
        QVERIFY(!doc->isModified());
        QCOMPARE(doc->fileName(), path);
        std::string e;
        auto loaded = core::loadProject(path.toStdString(), &e);
        QVERIFY2(loaded.has_value(), e.c_str());
        QVERIFY(loaded->clips.front().frames == doc->currentClip()->frames);
    }

    void crashRecoveryRestoresAutosave()
    {
        // A session that autosaved and then died: a new window offers (here: takes) the autosave.
        Document *doc = mWindow->document();
        const QString path = doc->fileName();
        mWindow->document()->setCurrentFrame(3);
        mWindow->action(QStringLiteral("copyPrevious"))->trigger(); // an unsaved edit
        QVERIFY(doc->isModified());
        QSignalSpy autosaved(mWindow, &MainWindow::autosaveWritten);
        mWindow->autosaveNow();
        QVERIFY(autosaved.wait(20000));
        const auto frames = doc->currentClip()->frames;
        MainWindow second;
        second.setInteractive(false);
        QVERIFY(second.offerRecovery(path));
        QVERIFY(second.document()->isModified());
        QVERIFY(second.document()->currentClip()->frames == frames);
        QCOMPARE(second.document()->fileName(), path);
        // Saving discards the autosave: nothing is offered any more.
        QString err;
        QVERIFY2(mWindow->saveTo(path, &err), qPrintable(err));
        QVERIFY(!core::findRecoverableAutosave(path.toStdString()).has_value());
    }

    void failedSaveIsReportedAndKeepsTheEdit()
    {
        // A full disk (here: a file-size limit of 0 bytes, SIGXFSZ ignored, so write() fails with EFBIG).
        Document *doc = mWindow->document();
        const QString path = doc->fileName();
        QVERIFY(path.endsWith(QLatin1String(".paddock")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray old = file.readAll();
        file.close();
        doc->setCurrentFrame(4);
        mWindow->action(QStringLiteral("copyPrevious"))->trigger();
        QVERIFY(doc->isModified());
        QTest::qWait(500); // the edit journal has its append on disk before the disk is "full"

        QString shown;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&shown] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown = box->text();
                box->accept();
            }
        });
        poll.start(20);
        mWindow->setInteractive(true);
        {
            FileSizeLimit full;
            mWindow->action(QStringLiteral("save"))->trigger(); // File > Save
        }
        mWindow->setInteractive(false);
        poll.stop();
        QVERIFY2(shown.contains(QStringLiteral("not saved")), qPrintable(shown));
        QVERIFY2(shown.contains(QString::fromLocal8Bit(std::strerror(EFBIG))), qPrintable(shown));
        QVERIFY2(shown.contains(QFileInfo(path).fileName()), qPrintable(shown));
        QVERIFY(doc->isModified());
        QVERIFY(mWindow->isWindowModified()); // the title keeps its '*'
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), old);
        file.close();

        // An export on the full disk fails with the reason too, and the previous export stays.
        const QString out = QString::fromStdString(test::tempDir()) + QStringLiteral("/full.json");
        QVERIFY(QFile(out).open(QIODevice::WriteOnly));
        QSignalSpy done(mWindow, &MainWindow::exportFinished);
        QString err;
        {
            FileSizeLimit full;
            QVERIFY2(mWindow->exportTo(out, false, true, QString(), &err), qPrintable(err));
            QVERIFY(done.wait(30000));
        }
        QVERIFY(!done.at(0).at(0).toBool());
        QVERIFY2(done.at(0).at(1).toString().contains(QString::fromLocal8Bit(std::strerror(EFBIG))),
                 qPrintable(done.at(0).at(1).toString()));
        QCOMPARE(QFileInfo(out).size(), qint64(0));

        // With room again the same save goes through.
        mWindow->action(QStringLiteral("save"))->trigger();
        QVERIFY(!doc->isModified());
    }

    void exportAptv2()
    {
        const QString out = QString::fromStdString(test::tempDir()) + QStringLiteral("/export.json");
        QSignalSpy done(mWindow, &MainWindow::exportFinished);
        QString err;
        QVERIFY2(mWindow->exportTo(out, true, true, QString(), &err), qPrintable(err));
        QVERIFY(done.wait(30000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        std::string e;
        auto read = core::readCocoFile(out.toStdString(), &e);
        QVERIFY2(read.has_value(), e.c_str());
        QCOMPARE(read->clips.size(), std::size_t(1));
        const core::Clip &clip = read->clips.front();
        const core::Instance *inst = clip.instance(0, 1);
        QVERIFY(inst);
        QVERIFY(std::abs(inst->keypoints[0].x - kp(*mWindow->document(), 0, 0).x) < 0.01);
        int labelledFrames = 0;
        for (const auto &entry : clip.frames)
            labelledFrames += entry.second.empty() ? 0 : 1;
        QCOMPARE(labelledFrames, kFrames);
    }

    // Issue 13.4: the app exports a DeepLabCut project: CollectedData CSV with DLC's header rows and the frame
    // images it names in labeled-data/<video>/, and says what DeepLabCut cannot hold.
    void exportDlcProject()
    {
        const QString dir = QString::fromStdString(test::tempDir()) + QStringLiteral("/dlcproject");
        QSignalSpy done(mWindow, &MainWindow::exportFinished);
        core::DlcWriteOptions options;
        options.scorer = "anna";
        options.writeImages = true;
        QString err;
        QVERIFY2(mWindow->exportDlcTo(dir, options, &err), qPrintable(err));
        QVERIFY(done.wait(60000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        const QString note = done.at(0).at(1).toString();
        QVERIFY2(note.contains(QStringLiteral("%1 frame(s)").arg(kFrames)), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("cannot hold")), qPrintable(note)); // tracker points, occlusion...
        const core::Clip &clip = *mWindow->document()->currentClip();
        const QString video = dir + QStringLiteral("/labeled-data/") + QString::fromStdString(clip.name);
        QFile csv(video + QStringLiteral("/CollectedData_anna.csv"));
        QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(csv.fileName()));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.size() > 4 + kFrames - 1);
        QVERIFY(lines[0].startsWith("scorer,,,anna"));
        QVERIFY(lines[1].startsWith("bodyparts,,,") || lines[1].startsWith("individuals,,,"));
        // Every row names an image that exists, and reading the project back gives the labels on their frames.
        int rows = 0;
        for (const QByteArray &line : lines) {
            if (!line.startsWith("labeled-data,"))
                continue;
            const QList<QByteArray> cells = line.split(',');
            QVERIFY(QFileInfo::exists(dir + QLatin1Char('/') + QString::fromUtf8(cells[0] + '/' + cells[1] + '/' + cells[2])));
            ++rows;
        }
        QCOMPARE(rows, kFrames);
        std::string e;
        auto back = core::readDlcCsv(csv.fileName().toStdString(), &e);
        QVERIFY2(back.has_value(), e.c_str());
        QCOMPARE(back->clips.size(), std::size_t(1));
        const core::Instance *inst = back->clips.front().instance(0, 1);
        QVERIFY(inst);
        QVERIFY(std::abs(inst->keypoints[0].x - kp(*mWindow->document(), 0, 0).x) < 0.01);
        // A second export while one runs is refused; an empty folder is refused with a reason.
        QVERIFY(!mWindow->exportDlcTo(QString(), options, &err));
        QVERIFY(err.contains(QStringLiteral("folder")));
    }

    void cancelLeavesNoEdit()
    {
        Document *doc = mWindow->document();
        const int count = doc->undoStack()->count();
        const auto frames = doc->currentClip()->frames;
        QSignalSpy cancelled(mWindow->propagationRunner(), &PropagationRunner::cancelled);
        QString err;
        QVERIFY2(mWindow->propagate(true, true, 0, -1, &err), qPrintable(err));
        QVERIFY(!mWindow->propagate(true, true, 0, -1, &err)); // one job at a time
        mWindow->action(QStringLiteral("cancelTracking"))->trigger();
        QVERIFY(cancelled.wait(60000));
        QCOMPARE(doc->undoStack()->count(), count);
        QVERIFY(doc->currentClip()->frames == frames);
        QVERIFY(mWindow->action(QStringLiteral("propagate"))->isEnabled());
    }

    void dropOpensAClip()
    {
        auto *mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(mFolder)});
        const QPoint pos(50, 50);
        QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(mWindow, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(mWindow, &drop);
        // A fresh project on the dropped clip: no animals yet, nothing to undo.
        QCOMPARE(mWindow->document()->frameCount(), kFrames);
        QVERIFY(mWindow->document()->currentClip()->tracks.empty());
        QCOMPARE(mWindow->document()->undoStack()->count(), 0);
        delete mime;
    }

    // Issue 13.6: C copies the animal from its nearest labelled frame, before or after (not only frame n-1).
    void copyTakesTheNearestLabelledFrame()
    {
        Document *doc = mWindow->document();
        QCOMPARE(mWindow->animalsDock()->addAnimal(8), 1);
        doc->undoStack()->push(new PlaceKeypoint(doc, 0, 0, 1, 0, QPointF(10, 10)));
        doc->undoStack()->push(new PlaceKeypoint(doc, 0, 10, 1, 0, QPointF(30, 30)));
        doc->setCurrentFrame(7);
        mWindow->action(QStringLiteral("copyPrevious"))->trigger(); // C
        QVERIFY(doc->instance(0, 7, 1));
        QCOMPARE(doc->instance(0, 7, 1)->keypoints[0].x, 30.0);
        QCOMPARE(doc->instance(0, 7, 1)->keypoints[0].source, core::Source::Manual);
        doc->setCurrentFrame(4);
        mWindow->action(QStringLiteral("copyNext"))->trigger(); // Shift+C: the last labelled frame before
        QCOMPARE(doc->instance(0, 4, 1)->keypoints[0].x, 10.0);
    }

    // Issue 13.10: the man page lists every default shortcut.
    void manPageListsShortcuts()
    {
        QFile man(QString::fromStdString(test::sourceDir()) + QStringLiteral("/packaging/linux/paddock.1"));
        QVERIFY(man.open(QIODevice::ReadOnly | QIODevice::Text));
        QSet<QString> keys;
        for (QString line : QString::fromUtf8(man.readAll()).split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1String(".B ")))
                continue;
            line = line.mid(3).remove(QLatin1String("\\fR")).remove(QLatin1String("\\fB"));
            line.replace(QLatin1String("\\-"), QLatin1String("-"));
            for (const QString &key : line.split(QRegularExpression(QStringLiteral(",\\s+|\\s+and\\s+"))))
                keys.insert(key.trimmed());
        }
        int checked = 0;
        for (QAction *a : mWindow->shortcutActions()) {
            QString key = a->property("defaultShortcut").toString();
            if (key.isEmpty())
                continue;
            key.replace(QLatin1String("Del"), QLatin1String("Delete")).replace(QLatin1String("Esc"), QLatin1String("Escape"));
            QVERIFY2(keys.contains(key), qPrintable(QStringLiteral("%1 (%2) is not in the man page").arg(key, a->objectName())));
            ++checked;
        }
        QVERIFY(checked > 30);
    }

    /**
     * With PADDOCK_SCREENSHOTS=DIR and PADDOCK_SCREENSHOT_CLIP=a two-goat clip (run under xvfb-run with
     * QT_QPA_PLATFORM=xcb): drives a window through issue 13's fixed items and saves one PNG per item.
     */
    void issue13Screenshots()
    {
        const test::ScreenshotRun run = test::screenshotRun("PADDOCK_SCREENSHOT_CLIP");
        if (!run.active())
            QSKIP("PADDOCK_SCREENSHOTS / PADDOCK_SCREENSHOT_CLIP not set");
        const QString &dir = run.dir;
        MainWindow w;
        QString err;
        QVERIFY2(test::openInTestWindow(w, run.input, &err), qPrintable(err));
        Document *doc = w.document();
        FrameView *view = w.frameView();
        QTRY_COMPARE(view->shownFrame(), 0);
        auto shot = [&](QWidget *widget, const QString &name) { QVERIFY(test::saveShot(widget, dir, name, 300)); };
        // Item 5: "goat" is no species: the dialog says so instead of making a dog.
        {
            AddAnimalDialog dialog(*doc, &w);
            dialog.show();
            dialog.findChild<QComboBox *>()->setEditText(QStringLiteral("goat"));
            dialog.accept();
            shot(&dialog, QStringLiteral("item5-unknown-species.png"));
            NewSpeciesDialog define(*doc, QStringLiteral("goat"), &w);
            define.show();
            shot(&define, QStringLiteral("item5-new-species.png"));
            dialog.setNewSpecies(define.species());
            shot(&dialog, QStringLiteral("item5-species-to-add.png"));
        }
        doc->undoStack()->push(new AddSpecies(doc, 0, core::newSpecies(0, "goat", "Bovidae")));
        const int goat = core::findSpeciesByName(doc->project().categories, "goat")->id;
        QCOMPARE(w.animalsDock()->addAnimal(goat, QStringLiteral("left goat")), 1);
        QCOMPARE(w.animalsDock()->addAnimal(goat, QStringLiteral("right goat")), 2);

        // Item 1: both goats labelled by plain clicks at fit zoom; the right goat's points are placed close
        // to each other (hip next to the tail) and each gets the name the banner showed.
        const std::vector<QPointF> left = {{515, 85},  {535, 88},  {540, 140}, {510, 120}, {385, 195}, {460, 165},
                                           {470, 245}, {475, 355}, {515, 170}, {505, 245}, {500, 350}, {389, 201},
                                           {365, 310}, {360, 375}, {410, 245}, {425, 315}, {440, 365}};
        int failures = 0;
        for (int track : {1, 2}) {
            doc->setCurrentTrack(track);
            doc->setCurrentKeypoint(-1);
            for (int k = 0; k < 17; ++k) {
                const QPointF p = track == 1 ? left[std::size_t(k)]
                                             : QPointF(1708 - left[std::size_t(k)].x(), left[std::size_t(k)].y());
                QTest::mouseClick(view, Qt::LeftButton, {}, view->imageToWidget(p).toPoint());
                const core::Instance *inst = doc->instance(0, 0, track);
                if (!inst || std::abs(inst->keypoints[std::size_t(k)].x - p.x()) > 1.5)
                    ++failures;
            }
        }
        QCOMPARE(failures, 0);
        QMouseEvent hover(QEvent::MouseMove, view->imageToWidget(QPointF(1708 - 389, 201)),
                          view->mapToGlobal(view->imageToWidget(QPointF(1708 - 389, 201))), Qt::NoButton,
                          Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(view, &hover);
        w.action(QStringLiteral("colourByAnimal"))->setChecked(false); // a setting: may be left on by a run before
        shot(&w, QStringLiteral("item1-click-places-named-keypoint.png"));
        // Item 8: colour by animal.
        w.action(QStringLiteral("colourByAnimal"))->setChecked(true);
        shot(&w, QStringLiteral("item8-colour-by-animal.png"));
        // Also: the skeleton hidden (K).
        w.action(QStringLiteral("showSkeleton"))->trigger();
        shot(view, QStringLiteral("also-skeleton-hidden.png"));
        w.action(QStringLiteral("showSkeleton"))->trigger();

        // Item 6: C on frame 25 copies from frame 30, the nearest labelled frame (after), not frame 24.
        doc->setCurrentTrack(1);
        doc->undoStack()->push(new CopyAnimalFromFrame(doc, 0, 0, 30, 1));
        doc->setCurrentFrame(25);
        QTRY_COMPARE(view->shownFrame(), 25);
        w.action(QStringLiteral("copyPrevious"))->trigger();
        QVERIFY(doc->instance(0, 25, 1));
        shot(&w, QStringLiteral("item6-copy-nearest.png"));

        // Fake tracker output on frames 1-20 for the review and export items, then the keypoint list and
        // the frames to label next.
        for (int f = 1; f <= 20; ++f) {
            for (int track : {1, 2}) {
                core::Instance inst = *doc->instance(0, 0, track);
                for (core::Keypoint &k : inst.keypoints) {
                    k.source = core::Source::Propagated;
                    k.score = float(0.95 - 0.04 * std::abs(f - 12));
                }
                doc->setInstances(0, {InstanceChange{{f, track}, inst}});
            }
        }
        doc->setCurrentFrame(12);
        QTRY_COMPARE(view->shownFrame(), 12);
        w.animalsDock()->refreshSuggestions();
        shot(w.animalsDock(), QStringLiteral("also-keypoint-list-and-suggestions.png"));

        // Item 3: the export dialog states what goes out.
        {
            ExportDialog dialog(QStringLiteral("/tmp/goat2.paddock"), doc->project(), &w);
            dialog.show();
            shot(&dialog, QStringLiteral("item3-export-dialog.png"));
            // Item 4: DeepLabCut is one of the formats.
            dialog.setFormat(2);
            shot(&dialog, QStringLiteral("item4-export-dlc.png"));
        }

        // Item 2: Accept Clip states what nobody approved; an edit after acceptance reopens the clip.
        ReviewDock *review = w.reviewDock();
        review->show();
        review->raise();
        w.reviewDock()->setReviewerMode(true);
        doc->setUserName(QStringLiteral("Rita"));
        QVERIFY(review->roundStep(RoundAction::SubmitForReview).isEmpty());
        review->setRequireApproval(true);
        review->roundStep(RoundAction::AcceptClip);
        shot(review, QStringLiteral("item2-accept-refused.png"));
        review->setRequireApproval(false);
        QVERIFY(review->roundStep(RoundAction::AcceptClip).isEmpty());
        shot(review, QStringLiteral("item2-accepted-with-unreviewed.png"));
        // Item 10: the Add button in reviewer mode.
        shot(w.animalsDock(), QStringLiteral("item10-reviewer-add-disabled.png"));
        review->setReviewerMode(false);
        doc->setUserName(QStringLiteral("Lars"));
        doc->setCurrentFrame(12);
        doc->undoStack()->push(new PlaceKeypoint(doc, 0, 12, 1, 0, QPointF(520, 90)));
        review->selectEntry(doc->currentClip()->review.entries.back().id);
        shot(review, QStringLiteral("item2-edit-after-acceptance.png"));

        // Item 10: the view refits after the window grows, and the panel's buttons stay put.
        w.resize(1000, 700);
        QTest::qWait(300);
        view->fitToWindow();
        w.resize(1600, 1000);
        shot(&w, QStringLiteral("item10-refit-after-resize.png"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
