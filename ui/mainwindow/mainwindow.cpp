// SPDX-License-Identifier: Apache-2.0
#include "ui/mainwindow/mainwindow.h"

#include "core/io/journal.h"
#include "ui/browser/batchprogresswidget.h"
#include "ui/browser/batchpropagation.h"
#include "ui/browser/clipbrowserdock.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/dialogs/shortcutsdialog.h"
#include "ui/docks/animalsdock.h"
#include "ui/document/document.h"
#include "ui/document/propagationrunner.h"
#include "ui/review/reviewdock.h"
#include "ui/settings.h"
#include "ui/views/frameprovider.h"
#include "ui/views/frameview.h"
#include "ui/views/icons.h"
#include "ui/views/timeline.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

namespace paddock::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , mDocument(new Document(this))
    , mFrames(new FrameProvider(this))
    , mRunner(new PropagationRunner(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(appIcon(QStringLiteral("paddock")));
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    mFrameView = new FrameView(mDocument, mFrames, this);
    mTimeline = new Timeline(mDocument, this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("ViewSplitter"));
    splitter->addWidget(mFrameView);
    // Expanded keypoint rows scroll instead of squeezing the frame view.
    auto *timelineScroll = new QScrollArea(this);
    timelineScroll->setWidget(mTimeline);
    timelineScroll->setWidgetResizable(true);
    timelineScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    timelineScroll->setFrameShape(QFrame::NoFrame);
    timelineScroll->setMinimumHeight(60);
    splitter->addWidget(timelineScroll);
    splitter->setSizes({760, 200});
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setCollapsible(0, false);
    setCentralWidget(splitter);

    mAnimalsDock = new AnimalsDock(mDocument, this);
    addDockWidget(Qt::RightDockWidgetArea, mAnimalsDock);
    mReviewDock = new ReviewDock(mDocument, this);
    addDockWidget(Qt::RightDockWidgetArea, mReviewDock);
    mReviewDock->attachFrameView(mFrameView);
    mClipBrowser = new ClipBrowserDock(mDocument, this);
    addDockWidget(Qt::LeftDockWidgetArea, mClipBrowser);
    mClipBrowser->hide(); // shown when a project has more than one clip
    mBatch = new BatchPropagation(mDocument, this);

    mPlayTimer = new QTimer(this);
    connect(mPlayTimer, &QTimer::timeout, this, &MainWindow::playTick);
    mAutosaveTimer = new QTimer(this);
    connect(mAutosaveTimer, &QTimer::timeout, this, &MainWindow::autosaveTick);
    connect(&mExportWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString err = mExportWatcher.result();
        const QString note = mExportNote ? *mExportNote : QString();
        mExportNote.reset();
        mProgress->hide();
        statusBar()->showMessage(err.isEmpty() ? (note.isEmpty() ? tr("Export finished") : tr("Export finished: %1").arg(note))
                                               : tr("Export failed: %1").arg(err),
                                 12000);
        if (!err.isEmpty())
            showError(tr("Export"), err);
        Q_EMIT exportFinished(err.isEmpty(), err.isEmpty() ? note : err);
    });

    createMenus();
    createStatusBar();

    connect(mDocument, &Document::fileNameChanged, this, &MainWindow::updateTitle);
    connect(mDocument, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(mDocument, &Document::currentFrameChanged, this, &MainWindow::updateFrameLabel);
    connect(mDocument, &Document::changed, this, [this](const ChangeEvent &e) {
        // A running job's results belong to the project it started on.
        if (e.type == ChangeEvent::Type::ProjectReset) {
            mRunner->cancel();
            mClipComboStale = true;
            mClipBrowser->setVisible(mDocument->project().clips.size() > 1);
        }
        updateFrameLabel();
        updateActions();
    });
    connect(mDocument, &Document::currentTrackChanged, this, &MainWindow::updateActions);
    connect(mDocument, &Document::roleChanged, this, &MainWindow::updateActions);
    connect(mFrameView, &FrameView::hintChanged, mHintLabel, &QLabel::setText);
    connect(mFrames, &FrameProvider::readFailed, this, [this](int index, const QString &msg) {
        statusBar()->showMessage(tr("Frame %1 could not be read: %2").arg(index).arg(msg), 8000);
    });
    connect(mRunner, &PropagationRunner::progress, this, &MainWindow::propagationProgress);
    connect(mRunner, &PropagationRunner::finished, this, &MainWindow::propagationFinished);
    connect(mRunner, &PropagationRunner::failed, this, [this](const QString &msg) {
        propagationEnded(tr("Propagation failed: %1").arg(msg));
        showError(tr("Propagate"), msg);
    });
    connect(mRunner, &PropagationRunner::cancelled, this, [this] { propagationEnded(tr("Propagation cancelled")); });
    connect(mClipBrowser, &ClipBrowserDock::clipActivated, this, [this](int clip) {
        QString err;
        if (!openClipIndex(clip, &err))
            showError(tr("Open"), err);
    });
    connect(mClipBrowser, &ClipBrowserDock::message, this, [this](const QString &m) { statusBar()->showMessage(m, 4000); });
    connect(mBatch, &BatchPropagation::finished, this, [this](bool, const QString &summary) {
        statusBar()->showMessage(summary, 15000);
        updateActions();
    });

    QSettings s;
    resize(1400, 900);
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(s.value(QStringLiteral("window/state")).toByteArray()))
        resizeDocks({mAnimalsDock, mClipBrowser}, {280, 470}, Qt::Horizontal); // first start: the frame view gets the room
    applySettings();
    rebuildRecentMenu();
    updateTitle();
    updateActions();
    updateFrameLabel();
    mHintLabel->setText(mFrameView->placementHint());
}

MainWindow::~MainWindow()
{
    mRunner->cancel();
    mRunner->waitForFinished();
    mBatch->cancel();
    mBatch->waitForFinished();
    mExportWatcher.waitForFinished();
    if (mJournal && !mDocument->isModified())
        mJournal->discard(journalProjectPath()); // nothing unsaved: leave no journal or snapshot behind
}

QAction *MainWindow::addShortcutAction(QMenu *menu, const QString &name, const QString &text, const QKeySequence &key)
{
    auto *a = new QAction(text, this);
    a->setObjectName(name);
    a->setProperty("defaultShortcut", key.toString(QKeySequence::PortableText));
    a->setShortcut(QKeySequence(Settings::shortcut(name, key.toString(QKeySequence::PortableText)),
                                QKeySequence::PortableText));
    if (menu)
        menu->addAction(a);
    addAction(a); // active while the window has focus, even with the menu bar hidden
    mActions << a;
    return a;
}

QAction *MainWindow::action(const QString &name) const
{
    for (QAction *a : mActions)
        if (a->objectName() == name)
            return a;
    return nullptr;
}

void MainWindow::applyShortcuts()
{
    for (QAction *a : mActions)
        a->setShortcut(QKeySequence(Settings::shortcut(a->objectName(), a->property("defaultShortcut").toString()),
                                    QKeySequence::PortableText));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    connect(addShortcutAction(file, QStringLiteral("open"), tr("&Open…"), QKeySequence::Open), &QAction::triggered,
            this, &MainWindow::openDialog);
    connect(addShortcutAction(file, QStringLiteral("openFolder"), tr("Open &Frame Folder…"), QKeySequence(QStringLiteral("Ctrl+Shift+O"))),
            &QAction::triggered, this, [this] {
                if (!maybeSave())
                    return;
                const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Frame Folder"));
                QString err;
                if (!dir.isEmpty() && !openPath(dir, &err))
                    showError(tr("Open"), err);
            });
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    connect(addShortcutAction(file, QStringLiteral("save"), tr("&Save"), QKeySequence::Save), &QAction::triggered,
            this, &MainWindow::save);
    connect(addShortcutAction(file, QStringLiteral("saveAs"), tr("Save &As…"), QKeySequence(QStringLiteral("Ctrl+Shift+S"))),
            &QAction::triggered, this, &MainWindow::saveAs);
    connect(addShortcutAction(file, QStringLiteral("export"), tr("&Export COCO/APTv2…"), QKeySequence(QStringLiteral("Ctrl+E"))),
            &QAction::triggered, this, &MainWindow::exportDialog);
    file->addSeparator();
    connect(addShortcutAction(file, QStringLiteral("settings"), tr("Se&ttings…"), QKeySequence(QStringLiteral("Ctrl+,"))),
            &QAction::triggered, this, &MainWindow::showSettings);
    file->addSeparator();
    connect(addShortcutAction(file, QStringLiteral("quit"), tr("&Quit"), QKeySequence(QStringLiteral("Ctrl+Q"))),
            &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = mDocument->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setProperty("defaultShortcut", QKeySequence(QKeySequence::Undo).toString(QKeySequence::PortableText));
    QAction *redo = mDocument->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setProperty("defaultShortcut", QStringLiteral("Ctrl+Shift+Z"));
    for (QAction *a : {undo, redo}) {
        edit->addAction(a);
        addAction(a);
        mActions << a;
    }
    edit->addSeparator();
    connect(addShortcutAction(edit, QStringLiteral("skipKeypoint"), tr("S&kip Keypoint"), QKeySequence(QStringLiteral("N"))),
            &QAction::triggered, mFrameView, &FrameView::skipKeypoint);
    connect(addShortcutAction(edit, QStringLiteral("toggleOccluded"), tr("Toggle &Occluded"), QKeySequence(QStringLiteral("O"))),
            &QAction::triggered, mFrameView, &FrameView::toggleOccluded);
    connect(addShortcutAction(edit, QStringLiteral("clearKeypoint"), tr("&Clear Keypoint"), QKeySequence(QKeySequence::Delete)),
            &QAction::triggered, mFrameView, &FrameView::clearSelectedKeypoint);
    connect(addShortcutAction(edit, QStringLiteral("swapLeftRight"), tr("Swap &Left and Right"), QKeySequence(QStringLiteral("W"))),
            &QAction::triggered, this, &MainWindow::swapLeftRight);
    connect(addShortcutAction(edit, QStringLiteral("copyPrevious"), tr("Copy Animal from &Nearest Labelled Frame"), QKeySequence(QStringLiteral("C"))),
            &QAction::triggered, this, [this] { copyFromFrame(false); });
    connect(addShortcutAction(edit, QStringLiteral("copyNext"), tr("Copy Animal from &Last Labelled Frame Before"), QKeySequence(QStringLiteral("Shift+C"))),
            &QAction::triggered, this, [this] { copyFromFrame(true); });
    connect(addShortcutAction(edit, QStringLiteral("approveFrame"), tr("&Approve Frame"), QKeySequence(QStringLiteral("A"))),
            &QAction::triggered, this, &MainWindow::approveFrame);

    QMenu *animals = menuBar()->addMenu(tr("A&nimals"));
    connect(addShortcutAction(animals, QStringLiteral("addAnimal"), tr("&Add Animal…"), QKeySequence(QStringLiteral("Ctrl+Shift+N"))),
            &QAction::triggered, mAnimalsDock, [this] { mAnimalsDock->addAnimalDialog(); });
    connect(addShortcutAction(animals, QStringLiteral("changeSpecies"), tr("Change &Species…"), QKeySequence()),
            &QAction::triggered, mAnimalsDock, [this] { mAnimalsDock->changeSpeciesDialog(); });
    connect(addShortcutAction(animals, QStringLiteral("newSpecies"), tr("New S&pecies…"), QKeySequence()),
            &QAction::triggered, mAnimalsDock, [this] { mAnimalsDock->newSpeciesDialog(); });
    connect(addShortcutAction(animals, QStringLiteral("removeAnimal"), tr("&Remove Animal"), QKeySequence()),
            &QAction::triggered, mAnimalsDock, &AnimalsDock::removeCurrent);
    connect(addShortcutAction(animals, QStringLiteral("changeTrackId"), tr("Change &Track Id…"), QKeySequence()),
            &QAction::triggered, mAnimalsDock, &AnimalsDock::changeIdDialog);
    connect(addShortcutAction(animals, QStringLiteral("swapAnimals"), tr("&Swap Animals from This Frame…"), QKeySequence()),
            &QAction::triggered, mAnimalsDock, &AnimalsDock::swapFromHereDialog);
    connect(addShortcutAction(animals, QStringLiteral("nextAnimal"), tr("&Next Animal"), QKeySequence(QStringLiteral("]"))),
            &QAction::triggered, this, [this] { selectAnimal(1); });
    connect(addShortcutAction(animals, QStringLiteral("previousAnimal"), tr("&Previous Animal"), QKeySequence(QStringLiteral("["))),
            &QAction::triggered, this, [this] { selectAnimal(-1); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    connect(addShortcutAction(view, QStringLiteral("zoomIn"), tr("Zoom &In"), QKeySequence(QStringLiteral("+"))),
            &QAction::triggered, this, [this] { mFrameView->zoomBy(1.25); });
    connect(addShortcutAction(view, QStringLiteral("zoomOut"), tr("Zoom &Out"), QKeySequence(QStringLiteral("-"))),
            &QAction::triggered, this, [this] { mFrameView->zoomBy(0.8); });
    connect(addShortcutAction(view, QStringLiteral("fit"), tr("&Fit to Window"), QKeySequence(QStringLiteral("F"))),
            &QAction::triggered, mFrameView, &FrameView::fitToWindow);
    connect(addShortcutAction(view, QStringLiteral("markerBigger"), tr("&Larger Markers"), QKeySequence(QStringLiteral("."))),
            &QAction::triggered, this, [this] { mFrameView->setMarkerSize(mFrameView->markerSize() + 1); Settings::setMarkerSize(mFrameView->markerSize()); });
    connect(addShortcutAction(view, QStringLiteral("markerSmaller"), tr("&Smaller Markers"), QKeySequence(QStringLiteral(","))),
            &QAction::triggered, this, [this] { mFrameView->setMarkerSize(mFrameView->markerSize() - 1); Settings::setMarkerSize(mFrameView->markerSize()); });
    view->addSeparator();
    QSettings viewSettings;
    QAction *showLabels = addShortcutAction(view, QStringLiteral("showLabels"), tr("Show &Labels"), QKeySequence(QStringLiteral("H")));
    showLabels->setCheckable(true);
    showLabels->setChecked(true);
    connect(showLabels, &QAction::toggled, mFrameView, &FrameView::setLabelsVisible);
    QAction *showSkeleton = addShortcutAction(view, QStringLiteral("showSkeleton"), tr("Show S&keleton"), QKeySequence(QStringLiteral("K")));
    showSkeleton->setCheckable(true);
    showSkeleton->setChecked(true);
    connect(showSkeleton, &QAction::toggled, mFrameView, &FrameView::setSkeletonVisible);
    QAction *byAnimal = addShortcutAction(view, QStringLiteral("colourByAnimal"), tr("Colour by &Animal"), QKeySequence(QStringLiteral("I")));
    byAnimal->setCheckable(true);
    byAnimal->setToolTip(tr("Each animal in its own colour (left points lighter, right points darker)"));
    connect(byAnimal, &QAction::toggled, this, [this](bool on) {
        mFrameView->setColourByAnimal(on);
        QSettings().setValue(QStringLiteral("view/colourByAnimal"), on);
    });
    byAnimal->setChecked(viewSettings.value(QStringLiteral("view/colourByAnimal"), false).toBool());
    view->addSeparator();
    view->addAction(mAnimalsDock->toggleViewAction());
    QAction *browser = mClipBrowser->toggleViewAction();
    browser->setText(tr("&Clip Browser"));
    browser->setObjectName(QStringLiteral("showClipBrowser"));
    browser->setProperty("defaultShortcut", QStringLiteral("Ctrl+B"));
    view->addAction(browser);
    addAction(browser);
    mActions << browser;

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    connect(addShortcutAction(go, QStringLiteral("nextFrame"), tr("&Next Frame"), QKeySequence(Qt::Key_Right)),
            &QAction::triggered, this, [this] { stepFrames(1); });
    connect(addShortcutAction(go, QStringLiteral("previousFrame"), tr("&Previous Frame"), QKeySequence(Qt::Key_Left)),
            &QAction::triggered, this, [this] { stepFrames(-1); });
    connect(addShortcutAction(go, QStringLiteral("forward10"), tr("Forward 10 Frames"), QKeySequence(QStringLiteral("Shift+Right"))),
            &QAction::triggered, this, [this] { stepFrames(10); });
    connect(addShortcutAction(go, QStringLiteral("back10"), tr("Back 10 Frames"), QKeySequence(QStringLiteral("Shift+Left"))),
            &QAction::triggered, this, [this] { stepFrames(-10); });
    connect(addShortcutAction(go, QStringLiteral("firstFrame"), tr("&First Frame"), QKeySequence(Qt::Key_Home)),
            &QAction::triggered, this, [this] { mDocument->setCurrentFrame(0); });
    connect(addShortcutAction(go, QStringLiteral("lastFrame"), tr("&Last Frame"), QKeySequence(Qt::Key_End)),
            &QAction::triggered, this, [this] { mDocument->setCurrentFrame(mDocument->frameCount() - 1); });
    connect(addShortcutAction(go, QStringLiteral("gotoFrame"), tr("&Go to Frame…"), QKeySequence(QStringLiteral("Ctrl+G"))),
            &QAction::triggered, this, &MainWindow::gotoFrameDialog);
    connect(addShortcutAction(go, QStringLiteral("play"), tr("Play / &Pause"), QKeySequence(Qt::Key_Space)),
            &QAction::triggered, this, &MainWindow::togglePlayback);
    go->addSeparator();
    connect(addShortcutAction(go, QStringLiteral("nextUnlabelled"), tr("Next &Unlabelled Frame"), QKeySequence(QStringLiteral("U"))),
            &QAction::triggered, this, &MainWindow::nextUnlabelled);
    connect(addShortcutAction(go, QStringLiteral("nextFlagged"), tr("Next F&lagged Frame"), QKeySequence(QStringLiteral("X"))),
            &QAction::triggered, this, &MainWindow::nextFlagged);
    connect(addShortcutAction(go, QStringLiteral("nextLowScore"), tr("Next Lo&w-Score Frame"), QKeySequence(QStringLiteral("L"))),
            &QAction::triggered, this, &MainWindow::nextLowScore);
    go->addSeparator();
    connect(addShortcutAction(go, QStringLiteral("nextClip"), tr("Next &Clip"), QKeySequence(QStringLiteral("Ctrl+PgDown"))),
            &QAction::triggered, mClipBrowser, [this] { mClipBrowser->stepClip(1); });
    connect(addShortcutAction(go, QStringLiteral("previousClip"), tr("Previous Cl&ip"), QKeySequence(QStringLiteral("Ctrl+PgUp"))),
            &QAction::triggered, mClipBrowser, [this] { mClipBrowser->stepClip(-1); });

    QMenu *track = menuBar()->addMenu(tr("&Track"));
    connect(addShortcutAction(track, QStringLiteral("propagate"), tr("&Propagate Current Animal"), QKeySequence(QStringLiteral("P"))),
            &QAction::triggered, this, [this] { propagate(false, false); });
    connect(addShortcutAction(track, QStringLiteral("propagateAll"), tr("Propagate &All Animals"), QKeySequence(QStringLiteral("Shift+P"))),
            &QAction::triggered, this, [this] { propagate(true, false); });
    connect(addShortcutAction(track, QStringLiteral("propagateRange"), tr("Propagate &Range…"), QKeySequence(QStringLiteral("Ctrl+P"))),
            &QAction::triggered, this, &MainWindow::propagateRangeDialog);
    connect(addShortcutAction(track, QStringLiteral("refine"), tr("&Refine After Corrections"), QKeySequence(QStringLiteral("R"))),
            &QAction::triggered, this, [this] { propagate(true, true); });
    connect(addShortcutAction(track, QStringLiteral("cancelTracking"), tr("&Cancel Tracking"), QKeySequence(Qt::Key_Escape)),
            &QAction::triggered, mRunner, &PropagationRunner::cancel);
    track->addSeparator();
    connect(addShortcutAction(track, QStringLiteral("propagateClips"), tr("Propagate All C&lips That Need It"),
                              QKeySequence(QStringLiteral("Ctrl+Shift+P"))),
            &QAction::triggered, this, [this] { propagateAllClips(); });
    connect(addShortcutAction(track, QStringLiteral("cancelClips"), tr("Cancel Propagation of All Clips"), QKeySequence()),
            &QAction::triggered, mBatch, &BatchPropagation::cancel);

    QMenu *review = menuBar()->addMenu(tr("&Review"));
    QAction *reviewerMode = addShortcutAction(review, QStringLiteral("reviewerMode"), tr("&Reviewer Mode"),
                                              QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    reviewerMode->setCheckable(true);
    connect(reviewerMode, &QAction::toggled, mReviewDock, &ReviewDock::setReviewerMode);
    connect(mDocument, &Document::roleChanged, reviewerMode,
            [reviewerMode](Role role) { reviewerMode->setChecked(role == Role::Reviewer); });
    connect(addShortcutAction(review, QStringLiteral("flagError"), tr("&Flag Error…"), QKeySequence(QStringLiteral("E"))),
            &QAction::triggered, mReviewDock, [this] { mReviewDock->flagDialog(); });
    connect(addShortcutAction(review, QStringLiteral("runChecks"), tr("Run Chec&ks"), QKeySequence()),
            &QAction::triggered, mReviewDock, &ReviewDock::runChecks);
    connect(addShortcutAction(review, QStringLiteral("compareRounds"), tr("&Compare Review Rounds…"), QKeySequence()),
            &QAction::triggered, mReviewDock, &ReviewDock::showRoundDiff);
    connect(addShortcutAction(review, QStringLiteral("nextQueueClip"), tr("Next Clip in Review &Queue"),
                              QKeySequence(QStringLiteral("Ctrl+Shift+PgDown"))),
            &QAction::triggered, mClipBrowser, [this] { mClipBrowser->nextInQueue(); });
    review->addSeparator();
    review->addAction(mReviewDock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(addShortcutAction(help, QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts…"), QKeySequence(QKeySequence::HelpContents)),
            &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(addShortcutAction(help, QStringLiteral("about"), tr("&About Paddock"), QKeySequence()), &QAction::triggered, this,
            &MainWindow::showAbout);

    auto *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("MainToolBar"));
    for (const char *name : {"open", "save", "undo", "redo", "addAnimal", "propagate", "propagateAll", "refine",
                             "approveFrame"}) {
        if (QAction *a = action(QLatin1String(name)))
            tools->addAction(a);
    }
    static const std::pair<const char *, const char *> kIcons[] = {
        {"open", "open"}, {"save", "save"}, {"undo", "undo"}, {"redo", "redo"}, {"addAnimal", "add-animal"},
        {"propagate", "propagate"}, {"propagateAll", "propagate-all"}, {"refine", "refine"},
        {"approveFrame", "approve"}};
    for (const auto &[name, icon] : kIcons)
        if (QAction *a = action(QLatin1String(name)))
            a->setIcon(appIcon(QLatin1String(icon)));
    mClipCombo = new QComboBox(this);
    mClipCombo->setToolTip(tr("Clip"));
    mClipCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    tools->addSeparator();
    mClipComboAction = tools->addWidget(mClipCombo);
    connect(mClipCombo, &QComboBox::activated, this, [this](int index) {
        QString err;
        if (!openClipIndex(index, &err))
            showError(tr("Open"), err);
    });
}

void MainWindow::createStatusBar()
{
    mHintLabel = new QLabel(this);
    mFrameLabel = new QLabel(this);
    mProgress = new QProgressBar(this);
    mProgress->setMaximumWidth(220);
    mProgress->hide();
    mEtaLabel = new QLabel(this);
    mEtaLabel->hide();
    mCancelButton = new QToolButton(this);
    mCancelButton->setText(tr("Cancel"));
    mCancelButton->setToolTip(tr("Cancel tracking (Esc)"));
    mCancelButton->hide();
    connect(mCancelButton, &QToolButton::clicked, mRunner, &PropagationRunner::cancel);
    statusBar()->addWidget(mHintLabel, 1);
    mBatchProgress = new BatchProgressWidget(mBatch, this);
    statusBar()->addPermanentWidget(mBatchProgress);
    statusBar()->addPermanentWidget(mProgress);
    statusBar()->addPermanentWidget(mEtaLabel);
    statusBar()->addPermanentWidget(mCancelButton);
    statusBar()->addPermanentWidget(mFrameLabel);
}

void MainWindow::applySettings()
{
    mFrameView->setMarkerSize(Settings::markerSize());
    mFrameView->setLowScoreThreshold(Settings::lowScoreThreshold());
    mTimeline->setLowScoreThreshold(Settings::lowScoreThreshold());
    mClipBrowser->model()->setLowScoreThreshold(Settings::lowScoreThreshold());
    const int secs = Settings::autosaveSeconds();
    if (secs > 0)
        mAutosaveTimer->start(secs * 1000);
    else
        mAutosaveTimer->stop();
    applyShortcuts();
}

void MainWindow::updateTitle()
{
    const QString name = mDocument->fileName().isEmpty() ? tr("Untitled") : QFileInfo(mDocument->fileName()).fileName();
    setWindowTitle(tr("%1[*] — Paddock").arg(name));
    setWindowModified(mDocument->isModified());
}

void MainWindow::updateActions()
{
    const bool hasClip = mDocument->currentClip() != nullptr;
    const bool editable = hasClip && !mDocument->isReadOnly();
    const bool running = mRunner->isRunning();
    for (const char *name : {"propagate", "propagateAll", "propagateRange", "refine"})
        if (QAction *a = action(QLatin1String(name)))
            a->setEnabled(editable && !running);
    for (const char *name : {"approveFrame", "swapLeftRight", "copyPrevious", "copyNext", "addAnimal", "removeAnimal",
                             "changeTrackId", "swapAnimals", "toggleOccluded", "clearKeypoint", "changeSpecies",
                             "newSpecies"})
        if (QAction *a = action(QLatin1String(name)))
            a->setEnabled(editable);
    for (const char *name : {"save", "saveAs", "export"})
        if (QAction *a = action(QLatin1String(name)))
            a->setEnabled(hasClip);
    if (QAction *a = action(QStringLiteral("cancelTracking")))
        a->setEnabled(running);
    const bool batchRunning = mBatch->isRunning();
    if (QAction *a = action(QStringLiteral("propagateClips")))
        a->setEnabled(!mDocument->isReadOnly() && !batchRunning && !mDocument->project().clips.empty());
    if (QAction *a = action(QStringLiteral("cancelClips")))
        a->setEnabled(batchRunning);
    if (mClipCombo) {
        mClipCombo->blockSignals(true);
        // Rebuilt only when the project changed: an edit must not cost a pass over thousands of clips.
        if (mClipComboStale || mClipCombo->count() != int(mDocument->project().clips.size())) {
            mClipCombo->clear();
            for (const core::Clip &c : mDocument->project().clips)
                mClipCombo->addItem(QString::fromStdString(c.name));
            mClipComboStale = false;
        }
        mClipCombo->setCurrentIndex(mDocument->currentClipIndex());
        mClipComboAction->setVisible(mDocument->project().clips.size() > 1);
        mClipCombo->blockSignals(false);
    }
}

void MainWindow::updateFrameLabel()
{
    const int n = mDocument->frameCount();
    mFrameLabel->setText(n > 0 ? tr("Frame %1 / %2").arg(mDocument->currentFrame()).arg(n - 1) : QString());
}

void MainWindow::showError(const QString &title, const QString &message)
{
    if (mInteractive)
        QMessageBox::warning(this, title, message);
    else
        statusBar()->showMessage(message, 10000);
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(mActions, this);
    if (dialog.exec() == QDialog::Accepted)
        applyShortcuts();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(mActions, this);
    if (dialog.exec() == QDialog::Accepted)
        applySettings();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Paddock"),
        tr("<h3>Paddock %1</h3>"
           "<p>Label animal pose in video: click keypoints, propagate them with a point tracker, review.</p>"
           "<p>Licence: Apache-2.0.</p>"
           "<p>Built with Qt %2 (LGPL-3.0), OpenCV (Apache-2.0), FFmpeg (LGPL-2.1+), LibTorch (BSD-3-Clause) "
           "and nlohmann/json (MIT).</p>"
           "<p>The optional CoTracker3 model weights are not included: they are licensed CC BY-NC 4.0 "
           "(non-commercial use only) by Meta AI and are loaded from a file you choose.</p>"
           "<p>Keypoint layout and species: AP-10K (Apache-2.0).</p>")
            .arg(QApplication::applicationVersion(), QLatin1String(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    mRunner->cancel();
    mBatch->cancel();
    mPlayTimer->stop();
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    if (!maybeSave())
        return;
    QString err;
    if (!openPath(urls.first().toLocalFile(), &err))
        showError(tr("Open"), err);
}

} // namespace paddock::ui
