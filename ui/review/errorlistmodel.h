// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/review.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <optional>
#include <vector>

namespace paddock::ui {

class Document;
struct ChangeEvent;

/** Table adapter over the current clip's error list, with filters by error type, state and frame. */
class ErrorListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FrameColumn = 0, AnimalColumn, KeypointColumn, TypeColumn, StateColumn, AuthorColumn,
                  CommentColumn, ColumnCount };
    /** Which states a state filter lets through. */
    enum class StateFilter { All = 0, Unresolved, Open, Fixed, Accepted, Reopened };
    static constexpr int kIdRole = Qt::UserRole + 1;

    explicit ErrorListModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setTypeFilter(std::optional<core::ErrorType> type);
    void setStateFilter(StateFilter filter);
    /** Only entries on \a frame; -1 for every frame. */
    void setFrameFilter(int frame);
    int frameFilter() const { return mFrame; }

    /** The entry shown in \a row (nullptr when out of range). */
    const core::ReviewEntry *entryAt(int row) const;
    std::int64_t idAt(int row) const;
    /** The row showing entry \a id, -1 when filtered out. */
    int rowOf(std::int64_t id) const;

    static QString typeText(core::ErrorType type);
    static QString stateText(core::EntryState state);
    static QString roundStateText(core::RoundState state);

    /** Re-reads the list from the document. */
    void refresh();

private:
    bool accepts(const core::ReviewEntry &e) const;
    QString keypointText(const core::ReviewEntry &e) const;

    Document *mDocument;
    std::vector<core::ReviewEntry> mRows; ///< copies of the visible entries, in list order
    std::optional<core::ErrorType> mType;
    StateFilter mState = StateFilter::All;
    int mFrame = -1;
};

} // namespace paddock::ui
