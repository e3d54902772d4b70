// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/browser/clipstats.h"
#include "ui/document/changeevent.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <set>
#include <vector>

class QTimer;

namespace paddock::ui {

class Document;

/**
 * Every clip of the Document's project as one row: name, video id, counts, review state and people, findings,
 * tracker doubt. Counts are cached per clip; a data change marks only its clip's row stale, and the rows
 * changed during one event-loop turn go out as one dataChanged() each (recomputed when next read).
 */
class ClipTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        // What a labeller or reviewer looks at first comes first (the dock is narrower than all columns).
        NameColumn,
        StateColumn,
        LabelledColumn,
        PropagatedColumn,
        ApprovedColumn,
        FindingsColumn,
        DoubtColumn,
        LabellerColumn,
        ReviewerColumn,
        FramesColumn,
        AnimalsColumn,
        VideoIdColumn,
        ColumnCount
    };
    enum Roles {
        SortRole = Qt::UserRole + 1, ///< a number or lower-case text to sort by
        ClipIndexRole,               ///< the clip's index in the project
    };

    explicit ClipTableModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** The cached stats of clip \a row (recomputed first when stale). */
    const ClipStats &stats(int row) const;
    /** Tracker points below this score count as doubtful (Settings::lowScoreThreshold). */
    void setLowScoreThreshold(double threshold);
    double lowScoreThreshold() const { return mLowScore; }
    /** Sends the pending dataChanged() signals now instead of at the next event-loop turn. */
    void flushPending();
    /** How many rows were recomputed so far (tests: an edit recomputes one row, not all). */
    int recomputeCount() const { return mRecomputed; }

    static QString stateName(core::RoundState state);

private:
    void documentChanged(const ChangeEvent &event);
    /** The clip's path and, for a version from a merge, where it came from and how it differs from version 1. */
    QString nameToolTip(int row, const ClipStats &s) const;
    void currentClipChanged(int index);
    void reset();

    Document *mDocument;
    double mLowScore = 0.5;
    mutable std::vector<ClipStats> mStats;
    mutable std::vector<char> mStale;
    mutable int mRecomputed = 0;
    std::set<int> mPending;
    QTimer *mFlush;
    int mCurrent = -1;
};

/**
 * The browser's sort and filter: a state filter, a name search and, for the review queue, the queue order
 * (findings to check, then tracker doubt) on the Findings column.
 */
class ClipFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum Filter {
        AllClips,
        Unlabelled,
        NeedsPropagation,
        Unreviewed,   ///< tracker points nobody approved yet
        Labelling,    ///< labelled, not submitted
        Submitted,    ///< in review or fixes submitted
        Returned,
        Accepted,
        WithFindings, ///< open findings
        Versions,     ///< versions from a merge the reviewer has to choose among
        ReviewQueue,  ///< submitted (and versions to choose among), in queue order
        FilterCount
    };

    explicit ClipFilterProxy(QObject *parent = nullptr);
    void setClipModel(ClipTableModel *model);
    ClipTableModel *clipModel() const { return mModel; }

    Filter filter() const { return mFilter; }
    /** Sets the state filter; ReviewQueue also sorts in queue order. */
    void setFilter(Filter filter);
    QString search() const { return mSearch; }
    /** Shows clips whose name or path contains \a text, or whose video id is \a text. */
    void setSearch(const QString &text);
    static QString filterName(Filter filter);
    /** Whether clip stats \a s pass \a filter. */
    static bool accepts(Filter filter, const ClipStats &s);

    /** The clip in proxy row \a row, -1 when out of range. */
    int clipAt(int row) const;
    /** The proxy row of clip \a clip, -1 when it is filtered out. */
    int rowOfClip(int clip) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    ClipTableModel *mModel = nullptr;
    Filter mFilter = AllClips;
    QString mSearch;
};

} // namespace paddock::ui
