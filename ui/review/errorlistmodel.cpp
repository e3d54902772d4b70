// SPDX-License-Identifier: Apache-2.0
#include "ui/review/errorlistmodel.h"

#include "ui/document/document.h"
#include "ui/views/colours.h"

#include <QBrush>
#include <QColor>

namespace paddock::ui {

ErrorListModel::ErrorListModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent)
    , mDocument(document)
{
    connect(document, &Document::changed, this, [this](const ChangeEvent &e) {
        if (e.type == ChangeEvent::Type::ReviewChanged || e.type == ChangeEvent::Type::ProjectReset
            || e.type == ChangeEvent::Type::TracksChanged)
            refresh();
    });
    connect(document, &Document::currentClipChanged, this, &ErrorListModel::refresh);
    refresh();
}

QString ErrorListModel::typeText(core::ErrorType type)
{
    switch (type) {
    case core::ErrorType::WrongPosition: return tr("Wrong position");
    case core::ErrorType::LeftRightSwapped: return tr("Left/right swapped");
    case core::ErrorType::Missing: return tr("Missing");
    case core::ErrorType::ShouldBeOccluded: return tr("Should be occluded");
    case core::ErrorType::ShouldBeUnlabelled: return tr("Should be unlabelled");
    case core::ErrorType::WrongSpecies: return tr("Wrong species");
    case core::ErrorType::WrongTrackId: return tr("Wrong track id");
    case core::ErrorType::Other: return tr("Other");
    }
    return QString();
}

QString ErrorListModel::stateText(core::EntryState state)
{
    switch (state) {
    case core::EntryState::Open: return tr("Open");
    case core::EntryState::Fixed: return tr("Fixed");
    case core::EntryState::Accepted: return tr("Accepted");
    case core::EntryState::Reopened: return tr("Reopened");
    }
    return QString();
}

QString ErrorListModel::roundStateText(core::RoundState state)
{
    switch (state) {
    case core::RoundState::Labelling: return tr("labelling");
    case core::RoundState::InReview: return tr("in review");
    case core::RoundState::Returned: return tr("returned");
    case core::RoundState::Fixed: return tr("fixed");
    case core::RoundState::Accepted: return tr("accepted");
    }
    return QString();
}

void ErrorListModel::refresh()
{
    beginResetModel();
    mRows.clear();
    if (const core::Clip *clip = mDocument->currentClip())
        for (const core::ReviewEntry &e : clip->review.entries)
            if (accepts(e))
                mRows.push_back(e);
    endResetModel();
}

bool ErrorListModel::accepts(const core::ReviewEntry &e) const
{
    if (mType && e.type != *mType)
        return false;
    if (mFrame >= 0 && e.frame != mFrame)
        return false;
    switch (mState) {
    case StateFilter::All: return true;
    case StateFilter::Unresolved: return core::isUnresolved(e.state);
    case StateFilter::Open: return e.state == core::EntryState::Open;
    case StateFilter::Fixed: return e.state == core::EntryState::Fixed;
    case StateFilter::Accepted: return e.state == core::EntryState::Accepted;
    case StateFilter::Reopened: return e.state == core::EntryState::Reopened;
    }
    return true;
}

void ErrorListModel::setTypeFilter(std::optional<core::ErrorType> type)
{
    mType = type;
    refresh();
}

void ErrorListModel::setStateFilter(StateFilter filter)
{
    mState = filter;
    refresh();
}

void ErrorListModel::setFrameFilter(int frame)
{
    mFrame = frame;
    refresh();
}

int ErrorListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mRows.size());
}

int ErrorListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const core::ReviewEntry *ErrorListModel::entryAt(int row) const
{
    return row >= 0 && row < int(mRows.size()) ? &mRows[std::size_t(row)] : nullptr;
}

std::int64_t ErrorListModel::idAt(int row) const
{
    const core::ReviewEntry *e = entryAt(row);
    return e ? e->id : 0;
}

int ErrorListModel::rowOf(std::int64_t id) const
{
    for (std::size_t i = 0; i < mRows.size(); ++i)
        if (mRows[i].id == id)
            return int(i);
    return -1;
}

QString ErrorListModel::keypointText(const core::ReviewEntry &e) const
{
    if (e.keypoint < 0)
        return e.trackId == 0 ? tr("(frame)") : tr("(animal)");
    const core::Category *cat = mDocument->categoryOfTrack(mDocument->currentClipIndex(), e.trackId);
    if (cat && e.keypoint < cat->keypointCount())
        return QString::fromStdString(cat->keypoints[std::size_t(e.keypoint)]);
    return QString::number(e.keypoint);
}

QVariant ErrorListModel::data(const QModelIndex &index, int role) const
{
    const core::ReviewEntry *e = entryAt(index.row());
    if (!e)
        return QVariant();
    if (role == kIdRole)
        return QVariant::fromValue<qlonglong>(e->id);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case FrameColumn: return e->frame;
        case AnimalColumn: return e->trackId == 0 ? QStringLiteral("–") : QString::number(e->trackId);
        case KeypointColumn: return keypointText(*e);
        case TypeColumn: return typeText(e->type);
        case StateColumn: return stateText(e->state);
        case CommentColumn: {
            QString c = QString::fromStdString(e->comment);
            if (e->suggested)
                c += (c.isEmpty() ? QString() : QStringLiteral(" ")) + tr("[→ %1, %2]").arg(e->suggested->x, 0, 'f', 1)
                         .arg(e->suggested->y, 0, 'f', 1);
            return c;
        }
        case AuthorColumn: return QString::fromStdString(e->author);
        default: return QVariant();
        }
    }
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(e->comment);
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        switch (e->state) {
        case core::EntryState::Open:
        case core::EntryState::Reopened: return QBrush(colours::flagged());
        case core::EntryState::Fixed: return QBrush(QColor(200, 140, 0));
        case core::EntryState::Accepted: return QBrush(QColor(0, 150, 70));
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == FrameColumn || index.column() == AnimalColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return QVariant();
}

QVariant ErrorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FrameColumn: return tr("Frame");
    case AnimalColumn: return tr("Animal");
    case KeypointColumn: return tr("Keypoint");
    case TypeColumn: return tr("Error");
    case StateColumn: return tr("State");
    case CommentColumn: return tr("Comment");
    case AuthorColumn: return tr("By");
    default: return QVariant();
    }
}

} // namespace paddock::ui
