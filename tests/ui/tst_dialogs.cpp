// SPDX-License-Identifier: Apache-2.0
// Settings and shortcut dialogs: the CoTracker3 licence note, what is missing, saving preferences.
#include "ui/dialogs/settingsdialog.h"
#include "ui/dialogs/shortcutsdialog.h"
#include "ui/settings.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

using namespace paddock::ui;

namespace {
QComboBox *trackerCombo(SettingsDialog &d)
{
    for (QComboBox *c : d.findChildren<QComboBox *>())
        if (c->findData(QStringLiteral("cotracker3")) >= 0)
            return c;
    return nullptr;
}
} // namespace

/** Preferences dialogs. */
class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("paddock-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dialogs"));
        Settings::setTrackerOptions({});
    }

    void trackerNoteExplainsLicenceAndMissingModel()
    {
        SettingsDialog dialog;
        QComboBox *tracker = trackerCombo(dialog);
        QVERIFY(tracker);
        QVERIFY(dialog.trackerNote().contains(QStringLiteral("no model file")));
        tracker->setCurrentIndex(tracker->findData(QStringLiteral("cotracker3")));
        QVERIFY(dialog.trackerNote().contains(QStringLiteral("CC BY-NC 4.0")));
        QVERIFY(dialog.trackerNote().contains(QStringLiteral("no model file is set")));
        QLineEdit *weights = dialog.findChild<QLineEdit *>();
        QVERIFY(weights);
        weights->setText(QStringLiteral("/nonexistent/scaled_offline.pth"));
        QVERIFY(dialog.trackerNote().contains(QStringLiteral("does not exist")));
        dialog.accept();
        const auto opts = Settings::trackerOptions();
        QCOMPARE(opts.tracker, std::string("cotracker3"));
        QCOMPARE(opts.weights, std::string("/nonexistent/scaled_offline.pth"));
        Settings::setTrackerOptions({});
    }

    void markerSizeIsSaved()
    {
        SettingsDialog dialog;
        auto spins = dialog.findChildren<QDoubleSpinBox *>();
        QVERIFY(!spins.isEmpty());
        for (QDoubleSpinBox *s : spins)
            if (s->maximum() == 30)
                s->setValue(9);
        dialog.accept();
        QCOMPARE(Settings::markerSize(), 9.0);
    }

    void shortcutsAreSaved()
    {
        QAction a(QStringLiteral("Alpha"));
        a.setObjectName(QStringLiteral("alpha"));
        a.setShortcut(QKeySequence(QStringLiteral("K")));
        QAction b(QStringLiteral("Beta"));
        b.setObjectName(QStringLiteral("beta"));
        b.setShortcut(QKeySequence(QStringLiteral("J")));
        {
            ShortcutsDialog dialog({&a, &b});
            auto edits = dialog.findChildren<QKeySequenceEdit *>();
            QCOMPARE(edits.size(), 2);
            edits[1]->setKeySequence(QKeySequence(QStringLiteral("Shift+J")));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(Settings::shortcut(QStringLiteral("beta"), QString()), QStringLiteral("Shift+J"));
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
