// SPDX-License-Identifier: Apache-2.0
#include "ui/review/rounddiffdialog.h"

#include "ui/document/document.h"
#include "ui/review/errorlistmodel.h"
#include "ui/review/reviewoverlay.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace paddock::ui {

namespace {
QString kindText(core::PointChange::Kind k)
{
    switch (k) {
    case core::PointChange::Kind::Moved: return RoundDiffDialog::tr("moved");
    case core::PointChange::Kind::Added: return RoundDiffDialog::tr("added");
    case core::PointChange::Kind::Removed: return RoundDiffDialog::tr("removed");
    case core::PointChange::Kind::VisibilityChanged: return RoundDiffDialog::tr("visibility");
    }
    return QString();
}
} // namespace

RoundDiffDialog::RoundDiffDialog(Document *document, ReviewOverlay *overlay, QWidget *parent)
    : QDialog(parent)
    , mDocument(document)
    , mOverlay(overlay)
    , mFrom(new QComboBox(this))
    , mTo(new QComboBox(this))
    , mSummary(new QLabel(this))
    , mTable(new QTableWidget(this))
{
    setWindowTitle(tr("Compare Review Rounds"));
    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("From:"), this));
    pick->addWidget(mFrom, 1);
    pick->addWidget(new QLabel(tr("To:"), this));
    pick->addWidget(mTo, 1);
    mTable->setColumnCount(6);
    mTable->setHorizontalHeaderLabels({tr("Frame"), tr("Animal"), tr("Keypoint"), tr("Change"), tr("Pixels"),
                                       tr("Before → after")});
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->verticalHeader()->hide();
    mTable->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(mSummary);
    layout->addWidget(mTable, 1);
    layout->addWidget(buttons);
    resize(560, 420);

    fillRounds();
    connect(mFrom, &QComboBox::currentIndexChanged, this, &RoundDiffDialog::recompute);
    connect(mTo, &QComboBox::currentIndexChanged, this, &RoundDiffDialog::recompute);
    connect(mTable, &QTableWidget::currentCellChanged, this, [this](int row) { activateRow(row); });
    recompute();
}

RoundDiffDialog::~RoundDiffDialog()
{
    if (mOverlay)
        mOverlay->clearDiff();
}

void RoundDiffDialog::fillRounds()
{
    const core::Clip *clip = mDocument->currentClip();
    mFrom->clear();
    mTo->clear();
    if (clip)
        for (const core::ReviewRound &r : clip->review.rounds) {
            const QString text = tr("Round %1 (%2)").arg(r.number).arg(ErrorListModel::roundStateText(r.state));
            mFrom->addItem(text, r.number);
            mTo->addItem(text, r.number);
        }
    mTo->addItem(tr("Current labels"), 0);
    mFrom->setCurrentIndex(std::max(0, mFrom->count() - 1));
    mTo->setCurrentIndex(mTo->count() - 1);
}

void RoundDiffDialog::setRounds(int a, int b)
{
    const QSignalBlocker blockFrom(mFrom);
    const QSignalBlocker blockTo(mTo);
    mFrom->setCurrentIndex(mFrom->findData(a));
    mTo->setCurrentIndex(mTo->findData(b));
    recompute();
}

core::FrameLabels RoundDiffDialog::labelsOf(int round) const
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return {};
    if (round == 0)
        return clip->frames;
    const core::ReviewRound *r = clip->review.round(round);
    return r ? r->snapshot : core::FrameLabels();
}

void RoundDiffDialog::recompute()
{
    mChanges.clear();
    if (mFrom->currentIndex() >= 0 && mTo->currentIndex() >= 0)
        mChanges = core::diffSnapshots(labelsOf(mFrom->currentData().toInt()), labelsOf(mTo->currentData().toInt()),
                                       0.5);
    const core::Clip *clip = mDocument->currentClip();
    mTable->setRowCount(int(mChanges.size()));
    for (int i = 0; i < int(mChanges.size()); ++i) {
        const core::PointChange &c = mChanges[std::size_t(i)];
        const core::Category *cat = clip ? mDocument->categoryOfTrack(mDocument->currentClipIndex(), c.trackId)
                                         : nullptr;
        const QString kp = cat && c.keypoint < cat->keypointCount()
            ? QString::fromStdString(cat->keypoints[std::size_t(c.keypoint)])
            : QString::number(c.keypoint);
        const QString where = QStringLiteral("(%1, %2) → (%3, %4)")
                                  .arg(c.before.x, 0, 'f', 1).arg(c.before.y, 0, 'f', 1)
                                  .arg(c.after.x, 0, 'f', 1).arg(c.after.y, 0, 'f', 1);
        const QStringList cells{QString::number(c.frame), QString::number(c.trackId), kp, kindText(c.kind),
                                QString::number(c.distance, 'f', 1), where};
        for (int col = 0; col < cells.size(); ++col)
            mTable->setItem(i, col, new QTableWidgetItem(cells[col]));
    }
    mTable->resizeColumnsToContents();
    int moved = 0;
    for (const core::PointChange &c : mChanges)
        moved += c.kind == core::PointChange::Kind::Moved;
    mSummary->setText(tr("%n changed point(s), %1 moved.", nullptr, int(mChanges.size())).arg(moved));
    if (mOverlay)
        mOverlay->setDiff(mChanges);
}

void RoundDiffDialog::activateRow(int row)
{
    if (row < 0 || row >= int(mChanges.size()))
        return;
    const core::PointChange &c = mChanges[std::size_t(row)];
    mDocument->setCurrentFrame(c.frame);
    mDocument->setCurrentTrack(c.trackId);
    mDocument->setCurrentKeypoint(c.keypoint);
}

} // namespace paddock::ui
