// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/review.h"

#include <QDialog>
#include <QPointer>

#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;

namespace paddock::ui {

class Document;
class ReviewOverlay;

/**
 * What moved between two review rounds of the current clip (or a round and the current labels): a table of
 * changed points; the frame view draws them at both positions while the dialog is open; a row jumps there.
 */
class RoundDiffDialog : public QDialog
{
    Q_OBJECT

public:
    RoundDiffDialog(Document *document, ReviewOverlay *overlay, QWidget *parent = nullptr);
    ~RoundDiffDialog() override;

    /** Selects rounds \a a and \a b (0 = the current labels) and recomputes. */
    void setRounds(int a, int b);
    const std::vector<core::PointChange> &changes() const { return mChanges; }
    /** Jumps to the change in \a row (frame, animal, keypoint). */
    void activateRow(int row);

private:
    void fillRounds();
    void recompute();
    core::FrameLabels labelsOf(int round) const;

    Document *mDocument;
    QPointer<ReviewOverlay> mOverlay; ///< may go first when the window closes
    QComboBox *mFrom;
    QComboBox *mTo;
    QLabel *mSummary;
    QTableWidget *mTable;
    std::vector<core::PointChange> mChanges;
};

} // namespace paddock::ui
