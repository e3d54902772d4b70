// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/clipbrowserdock.h"

#include "ui/document/document.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

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
    mCount = new QLabel(w);
    layout->addWidget(mCount);
    setWidget(w);

    connect(mSearch, &QLineEdit::textChanged, this, &ClipBrowserDock::setSearch);
    connect(mFilterCombo, &QComboBox::activated, this,
            [this](int i) { setFilter(ClipFilterProxy::Filter(mFilterCombo->itemData(i).toInt())); });
    // activated: double-click, or Enter/Return on the current row.
    connect(mTable, &QTableView::activated, this, &ClipBrowserDock::activate);
    connect(mProxy, &QAbstractItemModel::modelReset, this, [this] {
        mTable->resizeColumnsToContents();
        syncSelection();
        updateCount();
    });
    connect(mProxy, &QAbstractItemModel::layoutChanged, this, &ClipBrowserDock::updateCount);
    for (ClipFilterProxy *p : {mProxy, mQueue}) {
        connect(p, &QAbstractItemModel::rowsInserted, this, &ClipBrowserDock::updateCount);
        connect(p, &QAbstractItemModel::rowsRemoved, this, &ClipBrowserDock::updateCount);
    }
    connect(document, &Document::currentClipChanged, this, &ClipBrowserDock::syncSelection);
    connect(document, &Document::roleChanged, this, &ClipBrowserDock::roleChanged);
    mTable->resizeColumnsToContents();
    updateCount();
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
