// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/cliptablemodel.h"

#include "core/checks/agreement.h"
#include "core/model/versions.h"
#include "ui/document/document.h"

#include <QColor>
#include <QFont>
#include <QTimer>

namespace paddock::ui {

namespace {
const QString kNobody = QStringLiteral("—");

QString person(const std::string &name)
{
    return name.empty() ? kNobody : QString::fromStdString(name);
}

/** The number a count column shows (and sorts by). */
QVariant count(const core::Clip &clip, const ClipStats &s, int column)
{
    switch (column) {
    case ClipTableModel::VideoIdColumn:
        return clip.videoId;
    case ClipTableModel::FramesColumn:
        return s.frames;
    case ClipTableModel::AnimalsColumn:
        return s.animals;
    case ClipTableModel::LabelledColumn:
        return s.labelledFrames;
    case ClipTableModel::PropagatedColumn:
        return s.propagatedFrames;
    case ClipTableModel::ApprovedColumn:
        return s.approvedPoints;
    case ClipTableModel::DoubtColumn:
        return s.lowScorePoints;
    }
    return QVariant();
}

QColor stateColour(core::RoundState state)
{
    switch (state) {
    case core::RoundState::Labelling:
        return QColor(110, 110, 110);
    case core::RoundState::InReview:
        return QColor(30, 110, 200);
    case core::RoundState::Returned:
        return QColor(200, 90, 20);
    case core::RoundState::Fixed:
        return QColor(130, 70, 190);
    case core::RoundState::Accepted:
        return QColor(30, 140, 60);
    }
    return QColor();
}
} // namespace

ClipTableModel::ClipTableModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent)
    , mDocument(document)
    , mFlush(new QTimer(this))
{
    mFlush->setSingleShot(true);
    mFlush->setInterval(0);
    connect(mFlush, &QTimer::timeout, this, &ClipTableModel::flushPending);
    connect(document, &Document::changed, this, &ClipTableModel::documentChanged);
    connect(document, &Document::currentClipChanged, this, &ClipTableModel::currentClipChanged);
    reset();
}

void ClipTableModel::reset()
{
    beginResetModel();
    const std::size_t n = mDocument->project().clips.size();
    mStats.assign(n, ClipStats());
    mStale.assign(n, 1); // computed when first read
    mPending.clear();
    mCurrent = mDocument->currentClipIndex();
    endResetModel();
}

void ClipTableModel::documentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::ProjectReset || mStats.size() != mDocument->project().clips.size()) {
        reset();
        return;
    }
    if (event.type == ChangeEvent::Type::CategoriesChanged || event.clip < 0 || event.clip >= int(mStats.size()))
        return;
    // Setting one version aside changes whether its siblings still wait for a choice.
    std::vector<int> rows = {event.clip};
    if (event.type == ChangeEvent::Type::ClipChanged)
        rows = core::clipVersions(mDocument->project(), event.clip);
    if (rows.empty())
        rows.push_back(event.clip);
    for (int row : rows) {
        mStale[std::size_t(row)] = 1;
        mPending.insert(row);
    }
    mFlush->start();
}

void ClipTableModel::flushPending()
{
    mFlush->stop();
    const std::set<int> rows = std::exchange(mPending, {});
    for (int row : rows)
        if (row < rowCount())
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ClipTableModel::currentClipChanged(int clip)
{
    const int old = std::exchange(mCurrent, clip);
    for (int row : {old, clip})
        if (row >= 0 && row < rowCount())
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::FontRole});
}

void ClipTableModel::setLowScoreThreshold(double threshold)
{
    if (threshold == mLowScore)
        return;
    mLowScore = threshold;
    std::fill(mStale.begin(), mStale.end(), 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const ClipStats &ClipTableModel::stats(int row) const
{
    const std::size_t r = std::size_t(row);
    if (mStale[r]) {
        if (const core::Clip *clip = mDocument->clip(row)) {
            mStats[r] = computeClipStats(*clip, mLowScore);
            if (!clip->origin.empty()) {
                const core::VersionPlace v = core::versionPlace(mDocument->project(), row);
                mStats[r].versionNumber = v.number;
                mStats[r].versionCount = v.count;
                mStats[r].versionPending = v.pending();
            }
        }
        mStale[r] = 0;
        ++mRecomputed;
    }
    return mStats[r];
}

int ClipTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mStats.size());
}

int ClipTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClipTableModel::stateName(core::RoundState state)
{
    switch (state) {
    case core::RoundState::Labelling:
        return tr("labelling");
    case core::RoundState::InReview:
        return tr("in review");
    case core::RoundState::Returned:
        return tr("returned");
    case core::RoundState::Fixed:
        return tr("fixed");
    case core::RoundState::Accepted:
        return tr("accepted");
    }
    return QString();
}

QVariant ClipTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return QVariant();
    const int row = index.row();
    if (role == ClipIndexRole)
        return row;
    if (role == Qt::FontRole) {
        const core::Clip *c = mDocument->clip(row);
        const bool setAside = c && c->setAside;
        if (row != mCurrent && !setAside)
            return QVariant();
        QFont f;
        f.setBold(row == mCurrent);
        f.setItalic(setAside);
        return f;
    }
    const core::Clip *clip = mDocument->clip(row);
    if (!clip)
        return QVariant();
    const ClipStats &s = stats(row);
    const int col = index.column();
    if (role == Qt::TextAlignmentRole) {
        const bool text = col == NameColumn || col == StateColumn || col == LabellerColumn || col == ReviewerColumn;
        return QVariant::fromValue(Qt::Alignment(text ? Qt::AlignLeft | Qt::AlignVCenter
                                                      : Qt::AlignRight | Qt::AlignVCenter));
    }
    if (role == Qt::ForegroundRole) {
        if (s.setAside)
            return QColor(150, 150, 150);
        if (col == StateColumn && s.versionPending)
            return QColor(200, 90, 20);
        if (col == StateColumn)
            return stateColour(s.state);
        if (col == FindingsColumn && s.openFindings > 0)
            return QColor(200, 40, 40);
        if ((col == LabellerColumn && s.labeller.empty()) || (col == ReviewerColumn && s.reviewer.empty()))
            return QColor(150, 150, 150);
        return QVariant();
    }
    if (role == SortRole) {
        switch (col) {
        case NameColumn:
            return QString::fromStdString(clip->name).toLower();
        case StateColumn:
            return int(s.state);
        case LabellerColumn:
            return QString::fromStdString(s.labeller).toLower();
        case ReviewerColumn:
            return QString::fromStdString(s.reviewer).toLower();
        case FindingsColumn:
            return s.findingsToCheck();
        }
        return count(*clip, s, col);
    }
    if (role == Qt::DisplayRole) {
        switch (col) {
        case NameColumn:
            if (s.versionCount > 0)
                return tr("%1 · version %2/%3 (%4)")
                    .arg(QString::fromStdString(clip->name))
                    .arg(s.versionNumber)
                    .arg(s.versionCount)
                    .arg(QString::fromStdString(core::originLabel(clip->origin)));
            return QString::fromStdString(clip->name);
        case StateColumn:
            if (s.setAside)
                return tr("set aside");
            if (s.versionPending)
                return tr("choose version");
            if (s.state == core::RoundState::Labelling && s.unlabelled())
                return tr("unlabelled");
            return stateName(s.state);
        case LabellerColumn:
            return person(s.labeller);
        case ReviewerColumn:
            return person(s.reviewer);
        case FindingsColumn:
            return s.fixedFindings > 0 ? tr("%1 (+%2 fixed)").arg(s.openFindings).arg(s.fixedFindings)
                                       : QString::number(s.openFindings);
        }
        return count(*clip, s, col);
    }
    if (role == Qt::ToolTipRole) {
        switch (col) {
        case NameColumn:
            return nameToolTip(row, s);
        case StateColumn:
            if (s.setAside)
                return tr("A version from a merge that the reviewer did not choose: its labels are kept, but export, "
                          "propagation and the review queue leave it out");
            if (s.versionPending)
                return tr("Paddock merge kept %1 versions of this clip, labelled differently: open each, then choose "
                          "one with Keep This Version")
                    .arg(s.versionCount);
            return QVariant();
        case LabelledColumn:
            return tr("%1 frames with labels a person placed, %2 points").arg(s.labelledFrames).arg(s.labelledPoints);
        case PropagatedColumn:
            return tr("%1 frames with tracker output nobody approved yet, %2 points; %3 frames still to propagate")
                .arg(s.propagatedFrames)
                .arg(s.propagatedPoints)
                .arg(s.unpropagatedFrames);
        case ApprovedColumn:
            return tr("%1 tracker points approved").arg(s.approvedPoints);
        case LabellerColumn:
            return s.labeller.empty() ? tr("No labeller recorded (names are recorded when a labeller submits the clip for review or marks findings fixed)")
                                      : QVariant();
        case FindingsColumn:
            return tr("%1 open, %2 fixed (waiting for the reviewer)").arg(s.openFindings).arg(s.fixedFindings);
        case DoubtColumn:
            return s.meanScore < 0 ? tr("No tracker points")
                                   : tr("%1 tracker points below score %2; mean score %3")
                                         .arg(s.lowScorePoints)
                                         .arg(mLowScore, 0, 'f', 2)
                                         .arg(s.meanScore, 0, 'f', 2);
        }
        return QVariant();
    }
    return QVariant();
}

QString ClipTableModel::nameToolTip(int row, const ClipStats &s) const
{
    const core::Clip *clip = mDocument->clip(row);
    QString text = QString::fromStdString(clip->path);
    if (s.versionCount == 0)
        return text;
    text += QLatin1Char('\n') + tr("Version %1 of %2, from %3").arg(s.versionNumber).arg(s.versionCount).arg(QString::fromStdString(clip->origin));
    // paddock compare's figures against the first version, as the merge report gives them.
    const std::vector<int> versions = core::clipVersions(mDocument->project(), row);
    if (!versions.empty() && versions.front() != row) {
        const core::Clip &first = mDocument->project().clips[std::size_t(versions.front())];
        core::AgreementOptions options;
        options.worstCount = 0;
        const core::AgreementReport r = core::compareClips(first, *clip, mDocument->project().categories, options);
        text += QLatin1Char('\n')
            + tr("Against version 1: %1 animals on frames in both, %2 points compared, mean distance %3 px, mean OKS "
                 "%4; %5 animals only in version 1, %6 only in this one")
                  .arg(r.matchedInstances)
                  .arg(r.comparedPoints)
                  .arg(r.meanDistance, 0, 'f', 1)
                  .arg(r.meanOks, 0, 'f', 3)
                  .arg(r.onlyInA)
                  .arg(r.onlyInB);
    }
    return text;
}

QVariant ClipTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Clip");
        case VideoIdColumn:
            return tr("Id");
        case FramesColumn:
            return tr("Frames");
        case AnimalsColumn:
            return tr("Animals");
        case LabelledColumn:
            return tr("Labelled");
        case PropagatedColumn:
            return tr("Propagated");
        case ApprovedColumn:
            return tr("Approved");
        case StateColumn:
            return tr("State");
        case LabellerColumn:
            return tr("Labeller");
        case ReviewerColumn:
            return tr("Reviewer");
        case FindingsColumn:
            return tr("Findings");
        case DoubtColumn:
            return tr("Doubt");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case VideoIdColumn:
            return tr("Video id (APTv2 video_id)");
        case LabelledColumn:
            return tr("Frames with labels a person placed");
        case PropagatedColumn:
            return tr("Frames with tracker output nobody approved yet");
        case ApprovedColumn:
            return tr("Tracker points a person approved");
        case FindingsColumn:
            return tr("Open findings (and fixed ones waiting for the reviewer)");
        case DoubtColumn:
            return tr("Tracker points with a low score");
        }
    }
    return QVariant();
}

// ---- ClipFilterProxy ------------------------------------------------------------------------------------

ClipFilterProxy::ClipFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ClipTableModel::SortRole);
    setDynamicSortFilter(true);
}

void ClipFilterProxy::setClipModel(ClipTableModel *model)
{
    mModel = model;
    setSourceModel(model);
}

QString ClipFilterProxy::filterName(Filter filter)
{
    switch (filter) {
    case AllClips:
        return tr("All clips");
    case Unlabelled:
        return tr("Unlabelled");
    case NeedsPropagation:
        return tr("Needs propagation");
    case Unreviewed:
        return tr("Tracker output not reviewed");
    case Labelling:
        return tr("Labelled, not submitted");
    case Submitted:
        return tr("Submitted for review");
    case Returned:
        return tr("Returned to the labeller");
    case Accepted:
        return tr("Accepted");
    case WithFindings:
        return tr("With open findings");
    case Versions:
        return tr("Versions to choose");
    case ReviewQueue:
        return tr("Review queue");
    case FilterCount:
        break;
    }
    return QString();
}

bool ClipFilterProxy::accepts(Filter filter, const ClipStats &s)
{
    // A version set aside is only listed among all clips (and its clip's versions), never as work to do.
    if (s.setAside && filter != AllClips && filter != Versions)
        return false;
    switch (filter) {
    case AllClips:
    case FilterCount:
        return true;
    case Unlabelled:
        return s.unlabelled();
    case NeedsPropagation:
        return s.needsPropagation();
    case Unreviewed:
        return s.propagatedPoints > 0;
    case Labelling:
        return s.state == core::RoundState::Labelling && !s.unlabelled();
    case Submitted:
        return s.submitted();
    case ReviewQueue:
        return s.queued();
    case Returned:
        return s.state == core::RoundState::Returned;
    case Accepted:
        return s.state == core::RoundState::Accepted;
    case WithFindings:
        return s.openFindings > 0;
    case Versions:
        return s.versionPending;
    }
    return true;
}

void ClipFilterProxy::setFilter(Filter filter)
{
    if (filter == mFilter)
        return;
    mFilter = filter;
    invalidateFilter();
    if (filter == ReviewQueue)
        sort(ClipTableModel::FindingsColumn, Qt::DescendingOrder);
}

void ClipFilterProxy::setSearch(const QString &text)
{
    const QString t = text.trimmed();
    if (t == mSearch)
        return;
    mSearch = t;
    invalidateFilter();
}

bool ClipFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!mModel || sourceRow >= mModel->rowCount())
        return false;
    if (!accepts(mFilter, mModel->stats(sourceRow)))
        return false;
    if (mSearch.isEmpty())
        return true;
    const QModelIndex name = mModel->index(sourceRow, ClipTableModel::NameColumn);
    if (name.data(Qt::DisplayRole).toString().contains(mSearch, Qt::CaseInsensitive)
        || name.data(Qt::ToolTipRole).toString().contains(mSearch, Qt::CaseInsensitive))
        return true;
    bool isNumber = false;
    const int id = mSearch.toInt(&isNumber);
    return isNumber && mModel->index(sourceRow, ClipTableModel::VideoIdColumn).data().toInt() == id;
}

bool ClipFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (mModel && left.column() == ClipTableModel::FindingsColumn) {
        // Descending Findings is the review-queue order: findings to check, then tracker doubt.
        const ClipStats &a = mModel->stats(left.row());
        const ClipStats &b = mModel->stats(right.row());
        if (queueBefore(b, a))
            return true;
        if (queueBefore(a, b))
            return false;
        return left.row() > right.row(); // ties: clip order in the (descending) queue
    }
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (a == b)
        return left.row() < right.row();
    return QSortFilterProxyModel::lessThan(left, right);
}

int ClipFilterProxy::clipAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return index(row, 0).data(ClipTableModel::ClipIndexRole).toInt();
}

int ClipFilterProxy::rowOfClip(int clip) const
{
    if (!mModel || clip < 0 || clip >= mModel->rowCount())
        return -1;
    const QModelIndex i = mapFromSource(mModel->index(clip, 0));
    return i.isValid() ? i.row() : -1;
}

} // namespace paddock::ui
