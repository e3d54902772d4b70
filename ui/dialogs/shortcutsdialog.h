// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace paddock::ui {

/** Lists every action with its shortcut; double-click a shortcut to change it (saved in the settings). */
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
    void accept() override;

private:
    QList<QAction *> mActions;
    QTableWidget *mTable;
};

} // namespace paddock::ui
