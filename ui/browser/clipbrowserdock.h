// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/browser/cliptablemodel.h"
#include "ui/document/roles.h"

#include <QDockWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QLineEdit;
class QTableView;

namespace paddock::ui {

class Document;

/**
 * The clip browser: every clip of the project with its counts, review state, people and findings; sort by any
 * column, filter by state, search by name or video id; double-click or Enter opens a clip. Next/previous clip
 * follow the browser's order. In reviewer mode it shows the review queue (submitted clips, most findings and
 * most tracker doubt first), and "next in queue" walks it whatever the browser shows.
 */
class ClipBrowserDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit ClipBrowserDock(Document *document, QWidget *parent = nullptr);

    ClipTableModel *model() const { return mModel; }
    ClipFilterProxy *proxy() const { return mProxy; }
    ClipFilterProxy *queue() const { return mQueue; }
    QTableView *table() const { return mTable; }
    QLineEdit *searchField() const { return mSearch; }
    QComboBox *filterCombo() const { return mFilterCombo; }

    /** A width that shows every column, at most \a maximum. */
    int preferredWidth(int maximum) const;
    void setFilter(ClipFilterProxy::Filter filter);
    void setSearch(const QString &text);

    /** The clip \a delta rows from the current one in the browser's order (-1: none); emits clipActivated. */
    int stepClip(int delta);
    /** The clip after the current one in the review queue (its top when the current one is not queued). */
    int nextInQueue();

    /** The clip of the browser's selected row, else the document's current clip (-1: none). */
    int selectedClip() const;
    /**
     * Keeps the selected clip's version and sets its other versions aside (one undo step); false with a
     * message when the clip has no versions. restoreVersions() brings every version of the clip back.
     */
    bool keepSelectedVersion();
    bool restoreVersions();
    QAction *keepVersionAction() const { return mKeepVersion; }
    QAction *restoreVersionsAction() const { return mRestoreVersions; }
    QWidget *versionBar() const { return mVersionBar; }

Q_SIGNALS:
    /** The user chose clip \a clip (double-click, Enter, next/previous); the window opens it. */
    void clipActivated(int clip);
    /** A line for the status bar (end of the list, empty queue). */
    void message(const QString &text);

private:
    void activate(const QModelIndex &proxyIndex);
    void roleChanged(Role role);
    void syncSelection();
    void updateCount();
    void fitFindingsColumn();
    void updateVersionBar();
    bool chooseVersion(bool restoreAll);

    Document *mDocument;
    ClipTableModel *mModel;
    ClipFilterProxy *mProxy;
    ClipFilterProxy *mQueue;
    QLineEdit *mSearch;
    QComboBox *mFilterCombo;
    QTableView *mTable;
    QLabel *mCount;
    QWidget *mVersionBar;
    QLabel *mVersionText;
    QAction *mKeepVersion;
    QAction *mRestoreVersions;
};

} // namespace paddock::ui
