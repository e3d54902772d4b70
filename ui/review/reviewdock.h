// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/checks/checks.h"
#include "ui/commands/reviewcommands.h"

#include <QDockWidget>
#include <QPointF>
#include <QPointer>

#include <cstdint>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace paddock::ui {

class Document;
class ErrorListModel;
class FrameView;
class ReviewOverlay;

/**
 * The review panel: role and clip summary, review-round controls, the filtered error list (a click jumps to
 * the entry with its point selected), entry actions for labeller and reviewer, automatic checks whose findings
 * become entries in one click, error-list export/import and the round comparison.
 */
class ReviewDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit ReviewDock(Document *document, QWidget *parent = nullptr);
    ~ReviewDock() override;

    ErrorListModel *model() const { return mModel; }
    QTableView *table() const { return mTable; }
    QListWidget *findingsList() const { return mFindingsList; }
    ReviewOverlay *overlay() const { return mOverlay; }
    /** Draws review flags (and the round diff) over \a view. */
    void attachFrameView(FrameView *view);
    /** When false, no dialogs: names default, messages go to the panel only (tests, scripted runs). */
    void setInteractive(bool interactive) { mInteractive = interactive; }

    /** Switches between labeller and reviewer; the user's name is asked once and kept in the settings. */
    void setReviewerMode(bool on);
    /** The name recorded on entries and rounds (QSettings "review/userName"). */
    static QString storedUserName();
    static void storeUserName(const QString &name);

    // Filters (the combo boxes and check box call these).
    void setTypeFilter(int typeOrMinusOne);
    void setStateFilter(int stateFilter);
    void setThisFrameOnly(bool on);

    /** The entry id of the selected row (0 when none). */
    std::int64_t selectedId() const;
    void selectEntry(std::int64_t id);
    /** Jumps to the entry in \a row: its frame, animal and keypoint become the Document's selection. */
    void activateRow(int row);

    // Entry actions on the selected entry; each returns the refusal message (empty when done).
    QString flagDialog();
    /** The flag dialog with \a imagePos as the suggested position of the selected keypoint. */
    QString flagWithSuggestion(QPointF imagePos);
    QString markFixed();
    QString acceptSelected();
    QString reopenSelected();
    QString applySuggestion();
    QString removeSelected();
    /**
     * A round transition. Accept Clip first states the tracker points nobody approved: with "require
     * approval" on it is refused while there are any; otherwise the reviewer confirms (interactive) or the
     * panel's message lists them.
     */
    QString roundStep(RoundAction action);
    /** The clip's tracker points that no one approved: "N points on M frames (a, b, …)"; empty when none. */
    QString unreviewedText() const;
    /** Accept Clip needs every tracker point approved (QSettings "review/requireApproval"). */
    void setRequireApproval(bool on);
    bool requireApproval() const;

    // Automatic checks.
    /**
     * Runs the label checks at once, then the image checks (core/checks/imagechecks.h) on a worker thread
     * when the clip's frames open; their findings join the list when they end. A new run cancels the old one.
     */
    void runChecks();
    bool imageChecksRunning() const;
    /** Blocks until the image checks end and their findings are listed (tests, shutdown). */
    void waitForImageChecks();
    const std::vector<core::Finding> &findings() const { return mFindings; }
    /** Adds the findings selected in the list (or all when \a all) as entries; returns how many were added. */
    int addFindings(bool all);

    bool exportErrorList(const QString &path, QString *error);
    bool importErrorList(const QString &path, QString *error);
    void showRoundDiff();

    QString summaryText() const;
    QString roundText() const;
    /** The last message shown in the panel (refusals, import reports). */
    QString message() const;

protected:
    /** In reviewer mode a right-click on the frame view flags the selected keypoint, suggesting that spot. */
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void refresh();
    void updateButtons();
    void showMessage(const QString &text, bool error);
    template<typename Command>
    QString push(Command *command);
    void exportDialog();
    void importDialog();
    void listFindings();
    void startImageChecks();

    Document *mDocument;
    ErrorListModel *mModel;
    ReviewOverlay *mOverlay;
    QPointer<FrameView> mView;
    std::int64_t mKeepSelected = 0; ///< the selected entry across model resets
    bool mRestoring = false;        ///< re-selecting after a reset: no jump
    bool mInteractive = true;
    std::vector<core::Finding> mFindings;
    struct ImageCheckJob;
    std::shared_ptr<ImageCheckJob> mImageJob;

    QLabel *mRoleLabel = nullptr;
    QLabel *mSummary = nullptr;
    QLabel *mRoundLabel = nullptr;
    QPushButton *mSubmitButton = nullptr;
    QPushButton *mReturnButton = nullptr;
    QPushButton *mFixesButton = nullptr;
    QPushButton *mAcceptClipButton = nullptr;
    QCheckBox *mRequireApproval = nullptr;
    QComboBox *mTypeCombo = nullptr;
    QComboBox *mStateCombo = nullptr;
    QCheckBox *mThisFrame = nullptr;
    QTableView *mTable = nullptr;
    QPushButton *mFlagButton = nullptr;
    QPushButton *mFixedButton = nullptr;
    QPushButton *mAcceptButton = nullptr;
    QPushButton *mReopenButton = nullptr;
    QPushButton *mApplyButton = nullptr;
    QPushButton *mRemoveButton = nullptr;
    QListWidget *mFindingsList = nullptr;
    QPushButton *mAddFindingButton = nullptr;
    QPushButton *mAddAllButton = nullptr;
    QLabel *mMessage = nullptr;
    QLabel *mDetails = nullptr;
};

} // namespace paddock::ui
