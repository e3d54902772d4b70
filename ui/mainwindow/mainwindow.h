// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/io/coco.h"
#include "core/io/dlc.h"
#include "tracking/pointtracker.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QTimer;
class QToolButton;

namespace paddock::core {
class JournalWriter;
}
namespace paddock::store {
class ProjectStore;
}

namespace paddock::ui {

class AnimalsDock;
class BatchProgressWidget;
class BatchPropagation;
class ClipBrowserDock;
class Document;
class FrameProvider;
class FrameView;
class PropagationRunner;
class ReviewDock;
class Timeline;

/** The labelling window: frame view, timeline, animals dock, menus, background tracking and autosave. */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return mDocument; }
    FrameView *frameView() const { return mFrameView; }
    Timeline *timeline() const { return mTimeline; }
    FrameProvider *frames() const { return mFrames; }
    PropagationRunner *propagationRunner() const { return mRunner; }
    AnimalsDock *animalsDock() const { return mAnimalsDock; }
    ReviewDock *reviewDock() const { return mReviewDock; }
    ClipBrowserDock *clipBrowser() const { return mClipBrowser; }
    BatchPropagation *batchPropagation() const { return mBatch; }
    /** Every action with a shortcut, for the shortcut editor and help dialog. */
    QList<QAction *> shortcutActions() const { return mActions; }
    QAction *action(const QString &name) const;

    /** Opens a video, frame folder, project (.paddock, or a .paddockdb store), COCO/APTv2 (.json) or DLC (.csv) file. */
    bool openPath(const QString &path, QString *error = nullptr);
    /** For annotation files: the clip to pair with (asked in a dialog when empty). */
    bool openAnnotations(const QString &path, const QString &clipPath, QString *error);
    bool saveTo(const QString &path, QString *error = nullptr);
    /**
     * Exports COCO/APTv2 in the background; exportFinished() follows. \a propagated adds unreviewed tracker
     * output (as v=1); tracker points of accepted clips go out; a video clip needs \a frameDir.
     */
    bool exportTo(const QString &path, bool aptv2, bool propagated, const QString &frameDir, QString *error);
    bool exportTo(const QString &path, const core::CocoWriteOptions &options, QString *error);
    /**
     * Exports every clip into the DeepLabCut project folder \a dir in the background (labeled-data/<clip>/ with
     * CollectedData_<scorer>.csv and the frame images); exportFinished() follows, its message listing what
     * DeepLabCut cannot hold.
     */
    bool exportDlcTo(const QString &dir, const core::DlcWriteOptions &options, QString *error);
    /** Starts propagation (or refine) of the current animal or all, over [first, last] (-1: whole clip). */
    bool propagate(bool allAnimals, bool refine, int first = 0, int last = -1, QString *error = nullptr);
    /** Makes clip \a index the current one and shows its frames (frames decode lazily). */
    bool openClipIndex(int index, QString *error = nullptr);
    /**
     * Propagates every clip that needs it (sparse labels, frames to fill, not submitted) in the background,
     * each clip one undo step; progress and Cancel in the status bar.
     */
    bool propagateAllClips(QString *error = nullptr);
    /** Offers to recover an autosave for \a projectPath (empty: the untitled project); true when recovered. */
    bool offerRecovery(const QString &projectPath);
    /** Writes a full autosave snapshot now, in the background (the edit journal then restarts on it). */
    void autosaveNow();
    /** When false, errors go to the status bar instead of message boxes (tests, scripted runs). */
    void setInteractive(bool interactive) { mInteractive = interactive; }

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);
    void propagationApplied(int changedKeypoints);
    void autosaveWritten(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    /**
     * Runs \a job on a snapshot of the project off the GUI thread (one export at a time); exportFinished() follows
     * with its error, or its note on success. \a noTarget is the message for an empty \a target.
     */
    bool startExport(const QString &target, const QString &noTarget,
                     std::function<QString(const core::Project &, QString *note)> job, QString *error);
    // mainwindow.cpp
    void createMenus();
    void createStatusBar();
    QAction *addShortcutAction(QMenu *menu, const QString &name, const QString &text, const QKeySequence &key);
    void applyShortcuts();
    void updateTitle();
    void updateActions();
    void updateFrameLabel();
    void showError(const QString &title, const QString &message);
    void showShortcuts();
    void showSettings();
    void showAbout();
    void applySettings();
    // fileops.cpp
    void openDialog();
    bool save();
    bool saveAs();
    void exportDialog();
    bool maybeSave();
    void rebuildRecentMenu();
    bool openClip(const QString &path, QString *error);
    bool attachFrames(QString *error);
    core::JournalWriter *journalWriter();
    /** The project store the open project was read from or saved to (closed for other files). */
    store::ProjectStore *projectStore();
    /** The project path the journal and autosave belong to: the .paddock(db) file, empty for an untitled project. */
    std::string journalProjectPath() const;
    void startJournal();
    void autosaveTick();
    // editops.cpp
    void stepFrames(int delta);
    void togglePlayback();
    void playTick();
    void gotoFrameDialog();
    void nextUnlabelled();
    void nextFlagged();
    void nextLowScore();
    void approveFrame();
    void swapLeftRight();
    /** Copies the current animal from its nearest labelled frame (or the last one before this frame). */
    void copyFromFrame(bool beforeOnly);
    void selectAnimal(int delta);
    void propagateRangeDialog();
    void propagationProgress(int done, int total, double secondsLeft, const QString &stage);
    void propagationFinished(int clip, const tracking::TrackingOutput &output, bool refine, double seconds);
    void propagationEnded(const QString &message);

    Document *mDocument;
    FrameProvider *mFrames;
    FrameView *mFrameView;
    Timeline *mTimeline;
    AnimalsDock *mAnimalsDock;
    ReviewDock *mReviewDock = nullptr;
    ClipBrowserDock *mClipBrowser = nullptr;
    BatchPropagation *mBatch = nullptr;
    BatchProgressWidget *mBatchProgress = nullptr;
    bool mClipComboStale = true; ///< the clip combo box is rebuilt only when the project changes
    PropagationRunner *mRunner;
    QList<QAction *> mActions;
    QMenu *mRecentMenu = nullptr;
    QComboBox *mClipCombo = nullptr;
    QAction *mClipComboAction = nullptr;
    QLabel *mHintLabel = nullptr;
    QLabel *mFrameLabel = nullptr;
    QProgressBar *mProgress = nullptr;
    QLabel *mEtaLabel = nullptr;
    QToolButton *mCancelButton = nullptr;
    QTimer *mPlayTimer = nullptr;
    QTimer *mAutosaveTimer = nullptr;
    std::unique_ptr<core::JournalWriter> mJournal; ///< every edit on disk within a second (fileops.cpp)
    /** What a finished export wants said besides success (DeepLabCut: what it cannot hold); written by the job. */
    std::shared_ptr<QString> mExportNote;
    std::shared_ptr<store::ProjectStore> mStore;   ///< fileops.cpp (shared_ptr: the type stays incomplete here)
    QFutureWatcher<QString> mExportWatcher;
    bool mInteractive = true;
};

} // namespace paddock::ui
