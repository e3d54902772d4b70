// SPDX-License-Identifier: Apache-2.0
// Settings and shortcut dialogs: the CoTracker3 licence note, what is missing, saving preferences.
#include "ui/dialogs/exportdialog.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/dialogs/shortcutsdialog.h"
#include "ui/docks/animalsdock.h"
#include "ui/document/document.h"
#include "ui/settings.h"
#include "uitestutil.h"

#include <QCheckBox>
#include <QPushButton>
#include <QUndoStack>

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
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

    // Issue 13.3: the export dialog says what goes out; unreviewed tracker output stays out by default.
    void exportDialogStatesWhatGoesOut()
    {
        paddock::core::Project p = paddock::test::smallProject(4);
        paddock::core::Instance inst;
        inst.trackId = 1;
        inst.categoryId = 8;
        inst.keypoints.assign(17, paddock::core::Keypoint());
        inst.keypoints[0] = {1, 2, paddock::core::Visibility::Visible, paddock::core::Source::Manual, 1.f};
        inst.keypoints[1] = {3, 4, paddock::core::Visibility::Visible, paddock::core::Source::Approved, 1.f};
        for (int k = 2; k < 17; ++k)
            inst.keypoints[std::size_t(k)] = {5, 6, paddock::core::Visibility::Visible,
                                              paddock::core::Source::Propagated, 0.5f};
        p.clips[0].setInstance(0, inst);
        ExportDialog dialog(QString(), p);
        QVERIFY(!dialog.includePropagated());
        QVERIFY(dialog.includeReviewed());
        QVERIFY(dialog.summary().contains(QStringLiteral("2 point")));
        QVERIFY(dialog.summary().contains(QStringLiteral("15 tracker point")));
        const paddock::core::CocoWriteOptions o = dialog.options();
        QVERIFY(!o.propagated);
        QVERIFY(!o.unreviewedVisible); // when included: v=1, never v=2
        QVERIFY(!o.videoFrameRefs);    // images must exist
        // The clip has no image files (its path does not exist): the frames must be written.
        QVERIFY(dialog.writeFramesBox()->isChecked());
        QVERIFY(!dialog.writeFramesBox()->isEnabled());
        QVERIFY(!dialog.frameDir().isEmpty());
        dialog.unreviewedBox()->setChecked(true);
        QVERIFY(dialog.options().propagated);
        QVERIFY(dialog.summary().contains(QStringLiteral("as v=1")));
    }

    // Issue 13.4: DeepLabCut is one of the export formats: a project folder, images always written, the same
    // "what goes out" policy as COCO.
    void exportDialogOffersDeepLabCut()
    {
        paddock::core::Project p = paddock::test::smallProject(4);
        ExportDialog dialog(QStringLiteral("/data/goat.paddock"), p);
        QVERIFY(!dialog.dlc());
        QCOMPARE(dialog.path(), QStringLiteral("/data/goat.json"));
        dialog.setFormat(2);
        QVERIFY(dialog.dlc());
        QVERIFY(!dialog.aptv2());
        QCOMPARE(dialog.path(), QStringLiteral("/data/goat_dlc")); // a folder now
        const paddock::core::DlcWriteOptions o = dialog.dlcOptions();
        QVERIFY(o.writeImages);
        QVERIFY(!o.propagated); // unreviewed tracker output stays out by default
        QVERIFY(o.reviewed);
        QCOMPARE(o.scorer, std::string("paddock"));
        QVERIFY(dialog.summary().contains(QStringLiteral("labeled-data")));
        dialog.findChild<QLineEdit *>(QStringLiteral("dlcScorer"))->setText(QStringLiteral("  anna "));
        dialog.findChild<QComboBox *>(QStringLiteral("dlcLayout"))->setCurrentIndex(1);
        QCOMPARE(dialog.dlcOptions().scorer, std::string("anna"));
        QVERIFY(dialog.dlcOptions().layout == paddock::core::DlcWriteOptions::Layout::SingleAnimal);
        dialog.unreviewedBox()->setChecked(true);
        QVERIFY(dialog.dlcOptions().propagated);
        dialog.setFormat(0); // back to COCO: the suggested file comes back
        QCOMPARE(dialog.path(), QStringLiteral("/data/goat.json"));
    }

    // Issue 13.5: typing an unknown species never silently creates another one.
    void addAnimalDialogNeverSubstitutesASpecies()
    {
        QSettings().setValue(QStringLiteral("animals/lastCategory"), 8); // the dog was used last
        Document doc;
        doc.resetProject(paddock::test::smallProject(4));
        AddAnimalDialog dialog(doc);
        auto *species = dialog.findChild<QComboBox *>();
        QVERIFY(species);
        QCOMPARE(dialog.categoryId(), 8);
        species->setEditText(QStringLiteral("goat"));
        QCOMPARE(dialog.categoryId(), 0);
        dialog.accept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(dialog.problem().contains(QStringLiteral("goat")));
        QVERIFY(dialog.problem().contains(QStringLiteral("New Species")));
        species->setEditText(QStringLiteral("Sheep"));
        QCOMPARE(dialog.categoryId(), 6);
        // A new species defined in the dialog is added with the animal, as one undo step.
        NewSpeciesDialog define(doc, QStringLiteral("goat"));
        QVERIFY(define.species().keypoints == paddock::core::ap10kKeypointNames());
        QCOMPARE(define.species().supercategory, std::string("Bovidae"));
        dialog.setNewSpecies(define.species());
        QCOMPARE(dialog.categoryId(), 0);
        QVERIFY(dialog.newSpecies().has_value());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        NewSpeciesDialog duplicate(doc, QStringLiteral("dog"));
        duplicate.accept();
        QVERIFY(duplicate.result() != QDialog::Accepted);
        QVERIFY(duplicate.problem().contains(QStringLiteral("dog")));
    }

    // Issue 13.10: in reviewer mode the animals dock's Add button is disabled and says why.
    void animalsDockAddIsDisabledForReviewers()
    {
        Document doc;
        doc.resetProject(paddock::test::smallProject(4));
        AnimalsDock dock(&doc);
        QPushButton *add = nullptr;
        for (QPushButton *b : dock.findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Add…"))
                add = b;
        QVERIFY(add);
        QVERIFY(add->isEnabled());
        doc.setRole(paddock::ui::Role::Reviewer);
        QVERIFY(!add->isEnabled());
        QVERIFY(add->toolTip().contains(QStringLiteral("Reviewer")));
        QCOMPARE(dock.addAnimalDialog(), 0);
    }

    // "Also": the keypoint list chooses what the next click places; suggestions rank frames by score.
    void keypointListAndSuggestions()
    {
        Document doc;
        paddock::core::Project p = paddock::test::smallProject(60);
        for (int f = 1; f < 60; ++f) {
            paddock::core::Instance inst;
            inst.trackId = 1;
            inst.categoryId = 8;
            inst.keypoints.assign(17, {1, 1, paddock::core::Visibility::Visible, paddock::core::Source::Propagated,
                                       f == 40 ? 0.1f : f == 20 ? 0.3f : 0.9f});
            p.clips[0].setInstance(f, inst);
        }
        paddock::core::Instance manual;
        manual.trackId = 1;
        manual.categoryId = 8;
        manual.keypoints.assign(17, {1, 1, paddock::core::Visibility::Visible, paddock::core::Source::Manual, 1.f});
        p.clips[0].setInstance(0, manual);
        doc.resetProject(p);
        doc.setCurrentTrack(1);
        AnimalsDock dock(&doc);
        QListWidget *list = dock.keypointList();
        QCOMPARE(list->count(), 17);
        QCOMPARE(list->currentRow(), -1); // all labelled here: nothing to place next
        doc.setCurrentFrame(5); // tracker points only: placing one turns it into a label
        QVERIFY(list->item(3)->text().contains(QStringLiteral("neck")));
        QVERIFY(list->item(3)->text().contains(QStringLiteral("tracker 0.90")));
        list->setCurrentRow(3);
        Q_EMIT list->itemClicked(list->item(3));
        QCOMPARE(doc.currentKeypoint(), 3);
        QCOMPARE(list->currentRow(), 3); // the row of the keypoint the next click places

        const auto s = suggestFrames(*doc.currentClip(), 1, 3, 5);
        QCOMPARE(int(s.size()), 3);
        QCOMPARE(s[0].frame, 40);
        QCOMPARE(s[1].frame, 20);
        QVERIFY(s[2].meanScore > 0.8 && std::abs(s[2].frame - 40) >= 5 && std::abs(s[2].frame - 20) >= 5
                && s[2].frame >= 5);
        dock.refreshSuggestions();
        QVERIFY(dock.suggestionList()->item(0)->text().contains(QStringLiteral("Frame 40")));
        Q_EMIT dock.suggestionList()->itemClicked(dock.suggestionList()->item(0));
        QCOMPARE(doc.currentFrame(), 40);
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
