// SPDX-License-Identifier: Apache-2.0
#include "ui/dialogs/shortcutsdialog.h"

#include "ui/settings.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace paddock::ui {

namespace {
QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}
} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
    , mActions(actions)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(560, 640);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Mouse: click places the next keypoint · drag moves a point · right-click marks "
                                "occluded or clears · wheel zooms · middle or Ctrl+drag pans.\n"
                                "Click a shortcut to change it."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    mTable = new QTableWidget(int(actions.size()), 2, this);
    mTable->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    mTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    mTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    mTable->verticalHeader()->hide();
    for (int i = 0; i < actions.size(); ++i) {
        auto *name = new QTableWidgetItem(plain(actions[i]->text()));
        name->setFlags(Qt::ItemIsEnabled);
        mTable->setItem(i, 0, name);
        auto *edit = new QKeySequenceEdit(actions[i]->shortcut(), mTable);
        mTable->setCellWidget(i, 1, edit);
    }
    layout->addWidget(mTable);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults,
                                     this);
    connect(box, &QDialogButtonBox::accepted, this, &ShortcutsDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(box->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        for (int i = 0; i < mActions.size(); ++i)
            static_cast<QKeySequenceEdit *>(mTable->cellWidget(i, 1))
                ->setKeySequence(QKeySequence(mActions[i]->property("defaultShortcut").toString(),
                                              QKeySequence::PortableText));
    });
    layout->addWidget(box);
}

void ShortcutsDialog::accept()
{
    // Refuse a key used twice: one of the two actions would silently never fire.
    QHash<QString, QString> used;
    for (int i = 0; i < mActions.size(); ++i) {
        const QString key = static_cast<QKeySequenceEdit *>(mTable->cellWidget(i, 1))
                                ->keySequence()
                                .toString(QKeySequence::PortableText);
        if (key.isEmpty())
            continue;
        if (used.contains(key)) {
            QMessageBox::warning(this, tr("Keyboard Shortcuts"),
                                 tr("%1 is used by both \"%2\" and \"%3\".")
                                     .arg(key, used.value(key), plain(mActions[i]->text())));
            return;
        }
        used.insert(key, plain(mActions[i]->text()));
    }
    for (int i = 0; i < mActions.size(); ++i) {
        const QString key = static_cast<QKeySequenceEdit *>(mTable->cellWidget(i, 1))
                                ->keySequence()
                                .toString(QKeySequence::PortableText);
        Settings::setShortcut(mActions[i]->objectName(), key);
    }
    QDialog::accept();
}

} // namespace paddock::ui
