// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/clipbrowserdock.h"

#include "core/model/versions.h"
#include "ui/commands/versioncommands.h"
#include "ui/document/document.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace paddock::ui {

ClipBrowserDock::ClipBrowserDock(Document *document, QWidget *parent)
    : QDockWidget(tr("Clips"), parent)
    , mDocument(document)
    , mModel(new ClipTableModel(document, this))
    , mProxy(new ClipFilterProxy(this))
    , mQueue(new ClipFilterProxy(this))
{
    setObjectName(QStringLiteral("ClipBrowserDock"));
    mProxy->setClipModel(mModel);
    mQueue->setClipModel(mModel);
    mQueue->setFilter(ClipFilterProxy::ReviewQueue);

    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *row = new QHBoxLayout;
    mSearch = new QLineEdit(w);
    mSearch->setObjectName(QStringLiteral("ClipSearch"));
    mSearch->setPlaceholderText(tr("Search clips (name or video id)"));
    mSearch->setClearButtonEnabled(true);
    mFilterCombo = new QComboBox(w);
    mFilterCombo->setObjectName(QStringLiteral("ClipFilter"));
    for (int f = 0; f < ClipFilterProxy::FilterCount; ++f)
        mFilterCombo->addItem(ClipFilterProxy::filterName(ClipFilterProxy::Filter(f)), f);
    mFilterCombo->setToolTip(tr("Show only clips in this state"));
    row->addWidget(mSearch, 1);
    row->addWidget(mFilterCombo);
    layout->addLayout(row);

    mTable = new QTableView(w);
    mTable->setObjectName(QStringLiteral("ClipTable"));
    mTable->setModel(mProxy);
    mTable->setSortingEnabled(true);
    mTable->sortByColumn(ClipTableModel::NameColumn, Qt::AscendingOrder);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setAlternatingRowColors(true);
    mTable->setWordWrap(false);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 6);
    QHeaderView *header = mTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setHighlightSections(false);
    header->setResizeContentsPrecision(100);
    layout->addWidget(mTable, 1);

    // Versions kept by paddock merge: the reviewer keeps one, the others are set aside (labels kept).
    mKeepVersion = new QAction(tr("Keep This Version"), this);
    mKeepVersion->setObjectName(QStringLiteral("KeepVersion"));
    mKeepVersion->setToolTip(tr("Keep the selected version of this clip and set its other versions aside"));
    mRestoreVersions = new QAction(tr("Bring Back All Versions"), this);
    mRestoreVersions->setObjectName(QStringLiteral("RestoreVersions"));
    mRestoreVersions->setToolTip(tr("Take the choice back: every version of this clip waits for a choice again"));
    connect(mKeepVersion, &QAction::triggered, this, &ClipBrowserDock::keepSelectedVersion);
    connect(mRestoreVersions, &QAction::triggered, this, &ClipBrowserDock::restoreVersions);
    mTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    mTable->addAction(mKeepVersion);
    mTable->addAction(mRestoreVersions);
    mVersionBar = new QWidget(w);
    mVersionBar->setObjectName(QStringLiteral("VersionBar"));
    auto *vrow = new QHBoxLayout(mVersionBar);
    vrow->setContentsMargins(0, 0, 0, 0);
    mVersionText = new QLabel(mVersionBar);
    mVersionText->setWordWrap(true);
    auto *keep = new QPushButton(mKeepVersion->text(), mVersionBar);
    keep->setToolTip(mKeepVersion->toolTip());
    connect(keep, &QPushButton::clicked, mKeepVersion, &QAction::trigger);
    connect(mKeepVersion, &QAction::changed, keep, [keep, this] { keep->setEnabled(mKeepVersion->isEnabled()); });
    vrow->addWidget(mVersionText, 1);
    vrow->addWidget(keep);
    layout->addWidget(mVersionBar);
    mCount = new QLabel(w);
    layout->addWidget(mCount);
    setWidget(w);

    connect(mSearch, &QLineEdit::textChanged, this, &ClipBrowserDock::setSearch);
    connect(mFilterCombo, &QComboBox::activated, this,
            [this](int i) { setFilter(ClipFilterProxy::Filter(mFilterCombo->itemData(i).toInt())); });
    // activated: double-click, or Enter/Return on the current row.
    connect(mTable, &QTableView::activated, this, &ClipBrowserDock::activate);
    // After a sort the current clip stays in sight.
    connect(mTable->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &ClipBrowserDock::syncSelection,
            Qt::QueuedConnection);
    connect(mProxy, &QAbstractItemModel::modelReset, this, [this] {
        mTable->resizeColumnsToContents();
        fitFindingsColumn();
        syncSelection();
        updateCount();
    });
    connect(mProxy, &QAbstractItemModel::layoutChanged, this, &ClipBrowserDock::updateCount);
    for (ClipFilterProxy *p : {mProxy, mQueue}) {
        connect(p, &QAbstractItemModel::rowsInserted, this, &ClipBrowserDock::updateCount);
        connect(p, &QAbstractItemModel::rowsRemoved, this, &ClipBrowserDock::updateCount);
    }
    connect(document, &Document::currentClipChanged, this, &ClipBrowserDock::syncSelection);
    connect(mTable->selectionModel(), &QItemSelectionModel::currentChanged, this, &ClipBrowserDock::updateVersionBar);
    connect(mModel, &QAbstractItemModel::dataChanged, this, &ClipBrowserDock::updateVersionBar);
    connect(mModel, &QAbstractItemModel::modelReset, this, &ClipBrowserDock::updateVersionBar);
    connect(document, &Document::roleChanged, this, &ClipBrowserDock::roleChanged);
    mTable->resizeColumnsToContents();
    fitFindingsColumn();
    updateCount();
    updateVersionBar();
}

int ClipBrowserDock::selectedClip() const
{
    const QModelIndex i = mTable->selectionModel()->currentIndex();
    const int clip = i.isValid() ? mProxy->clipAt(i.row()) : -1;
    return clip >= 0 ? clip : mDocument->currentClipIndex();
}

void ClipBrowserDock::updateVersionBar()
{
    const int clip = selectedClip();
    const core::Project &p = mDocument->project();
    const core::VersionPlace v = core::versionPlace(p, clip);
    mVersionBar->setVisible(v.count > 0);
    const bool kept = v.count > 0 && !p.clips[std::size_t(clip)].setAside && v.chosen == 1;
    mKeepVersion->setEnabled(v.count > 1 && !kept);
    mRestoreVersions->setEnabled(v.count > 1 && v.chosen < v.count);
    if (v.count == 0)
        return;
    const core::Clip &c = p.clips[std::size_t(clip)];
    const QString from = QString::fromStdString(core::originLabel(c.origin));
    if (kept)
        mVersionText->setText(tr("Version %1 of %2 (from %3) is the one kept; the others are set aside.")
                                  .arg(v.number).arg(v.count).arg(from));
    else if (c.setAside)
        mVersionText->setText(tr("Version %1 of %2 (from %3) is set aside.").arg(v.number).arg(v.count).arg(from));
    else
        mVersionText->setText(tr("Version %1 of %2 (from %3): %4 versions wait for your choice.")
                                  .arg(v.number).arg(v.count).arg(from).arg(v.chosen));
}

bool ClipBrowserDock::keepSelectedVersion()
{
    return chooseVersion(false);
}

bool ClipBrowserDock::restoreVersions()
{
    return chooseVersion(true);
}

bool ClipBrowserDock::chooseVersion(bool restoreAll)
{
    const int clip = selectedClip();
    if (core::clipVersions(mDocument->project(), clip).size() < 2) {
        Q_EMIT message(tr("This clip has no versions from a merge to choose among"));
        return false;
    }
    auto *cmd = new ChooseVersion(mDocument, clip, restoreAll);
    if (cmd->isNoOp()) {
        delete cmd;
        Q_EMIT message(restoreAll ? tr("Every version of this clip is already back") : tr("This version is already the one kept"));
        return false;
    }
    mDocument->undoStack()->push(cmd);
    mModel->flushPending();
    Q_EMIT message(restoreAll ? tr("Every version of this clip waits for a choice again")
                              : tr("Version kept; the other versions are set aside (Undo takes the choice back)"));
    return true;
}

void ClipBrowserDock::fitFindingsColumn()
{
    // Room for "12 (3 fixed)" whatever the rows shown now hold.
    const int w = mTable->fontMetrics().horizontalAdvance(tr("%1 (+%2 fixed)").arg(88).arg(88)) + 12;
    if (mTable->columnWidth(ClipTableModel::FindingsColumn) < w)
        mTable->setColumnWidth(ClipTableModel::FindingsColumn, w);
}

int ClipBrowserDock::preferredWidth(int maximum) const
{
    const int w = mTable->horizontalHeader()->length() + mTable->verticalScrollBar()->sizeHint().width()
                  + 2 * mTable->frameWidth() + 12;
    return std::min(w, maximum);
}

void ClipBrowserDock::setFilter(ClipFilterProxy::Filter filter)
{
    mProxy->setFilter(filter);
    if (filter == ClipFilterProxy::ReviewQueue)
        mTable->horizontalHeader()->setSortIndicator(ClipTableModel::FindingsColumn, Qt::DescendingOrder);
    const int i = mFilterCombo->findData(int(filter));
    if (i >= 0 && mFilterCombo->currentIndex() != i)
        mFilterCombo->setCurrentIndex(i);
    syncSelection();
    updateCount();
}

void ClipBrowserDock::setSearch(const QString &text)
{
    mProxy->setSearch(text);
    if (mSearch->text() != text)
        mSearch->setText(text);
    syncSelection();
    updateCount();
}

void ClipBrowserDock::roleChanged(Role role)
{
    if (role == Role::Reviewer)
        setFilter(ClipFilterProxy::ReviewQueue);
    else if (mProxy->filter() == ClipFilterProxy::ReviewQueue)
        setFilter(ClipFilterProxy::AllClips);
}

void ClipBrowserDock::activate(const QModelIndex &proxyIndex)
{
    const int clip = mProxy->clipAt(proxyIndex.row());
    if (clip >= 0)
        Q_EMIT clipActivated(clip);
}

int ClipBrowserDock::stepClip(int delta)
{
    mModel->flushPending(); // the order as of now, not as of the last event-loop turn
    const int n = mProxy->rowCount();
    if (n == 0) {
        Q_EMIT message(tr("No clip matches the browser's filter"));
        return -1;
    }
    const int row = mProxy->rowOfClip(mDocument->currentClipIndex());
    int target = row < 0 ? (delta > 0 ? 0 : n - 1) : row + delta;
    if (target < 0 || target >= n) {
        Q_EMIT message(delta > 0 ? tr("Last clip of the list") : tr("First clip of the list"));
        return -1;
    }
    const int clip = mProxy->clipAt(target);
    Q_EMIT clipActivated(clip);
    return clip;
}

int ClipBrowserDock::nextInQueue()
{
    mModel->flushPending();
    const int n = mQueue->rowCount();
    if (n == 0) {
        Q_EMIT message(tr("The review queue is empty"));
        return -1;
    }
    const int row = mQueue->rowOfClip(mDocument->currentClipIndex());
    // A clip that left the queue (accepted, returned) hands over to the top of what is left.
    const int target = row < 0 ? 0 : row + 1;
    if (target >= n) {
        Q_EMIT message(tr("Last clip of the review queue"));
        return -1;
    }
    const int clip = mQueue->clipAt(target);
    Q_EMIT clipActivated(clip);
    return clip;
}

void ClipBrowserDock::syncSelection()
{
    const int row = mProxy->rowOfClip(mDocument->currentClipIndex());
    QItemSelectionModel *sel = mTable->selectionModel();
    if (row < 0) {
        sel->clearSelection();
        return;
    }
    const QModelIndex i = mProxy->index(row, 0);
    sel->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    mTable->scrollTo(i);
}

void ClipBrowserDock::updateCount()
{
    const int all = mModel->rowCount();
    const int shown = mProxy->rowCount();
    QString text = shown == all ? tr("%n clip(s)", nullptr, all) : tr("%1 of %n clip(s)", nullptr, all).arg(shown);
    const int queued = mQueue->rowCount();
    if (queued > 0)
        text += tr(" · %n in the review queue", nullptr, queued);
    mCount->setText(text);
}

} // namespace paddock::ui
