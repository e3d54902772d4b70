// SPDX-License-Identifier: Apache-2.0
#include "core/checks/checks.h"
#include "core/demo/democlip.h"
#include "core/io/projectfile.h"
#include "core/io/reviewjson.h"
#include "ui/commands/keypointcommands.h"
#include "ui/commands/reviewcommands.h"
#include "ui/document/document.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/review/errorlistmodel.h"
#include "ui/review/flagdialog.h"
#include "ui/review/reviewdock.h"
#include "ui/review/reviewoverlay.h"
#include "ui/review/rounddiffdialog.h"
#include "ui/views/frameview.h"
#include "ui/views/colours.h"
#include "ui/views/timeline.h"
#include "../testutil.h"
#include "uitestutil.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QListWidget>
#include <QPushButton>
#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace paddock;
using namespace paddock::ui;

namespace {
core::Keypoint kp(double x, double y, core::Source s = core::Source::Manual)
{
    return core::Keypoint{x, y, core::Visibility::Visible, s, 1.f};
}

/** smallProject with the dog (track 1) labelled on every frame: keypoint k at (100 + 10k + f, 200 + 5k). */
core::Project labelledProject(int frames = 10)
{
    core::Project p = test::smallProject(frames);
    core::Clip &clip = p.clips[0];
    for (int f = 0; f < frames; ++f) {
        core::Instance inst;
        inst.trackId = 1;
        inst.categoryId = 8;
        for (int k = 0; k < 17; ++k)
            inst.keypoints.push_back(kp(100 + 10 * k + f, 200 + 5 * k, f % 3 ? core::Source::Propagated
                                                                               : core::Source::Manual));
        clip.setInstance(f, inst);
    }
    return p;
}

core::ReviewEntry entryAt(int frame, int track, int keypoint, core::ErrorType type, const char *comment = "")
{
    core::ReviewEntry e;
    e.frame = frame;
    e.trackId = track;
    e.keypoint = keypoint;
    e.type = type;
    e.comment = comment;
    return e;
}
} // namespace

/** Review commands, reviewer mode, error-list import, findings and the review panel. */
class TestReview : public QObject
{
    Q_OBJECT

    const core::ClipReview &review(const Document &doc) { return doc.clip(0)->review; }

    // Pushes \a cmd (which must be valid) and checks undo restores the project exactly, redo reproduces it,
    // and the whole thing is one undo step.
    template<typename Command>
    bool roundTrip(Document &doc, Command *cmd)
    {
        const core::Project before = doc.project();
        const int index = doc.undoStack()->index();
        if (!cmd->isValid()) {
            qWarning() << "invalid command:" << cmd->error();
            delete cmd;
            return false;
        }
        doc.undoStack()->push(cmd);
        const core::Project after = doc.project();
        bool ok = !(after == before) && doc.undoStack()->index() == index + 1;
        doc.undoStack()->undo();
        ok = ok && doc.project() == before;
        doc.undoStack()->redo();
        ok = ok && doc.project() == after;
        doc.undoStack()->undo();
        doc.undoStack()->redo();
        return ok && doc.project() == after;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("paddock-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_review"));
        QSettings().remove(QStringLiteral("review"));
    }

    void flagFixAcceptReopen()
    {
        Document doc;
        doc.resetProject(labelledProject());
        const auto labels = doc.clip(0)->frames;

        doc.setRole(Role::Reviewer);
        doc.setUserName(QStringLiteral("Rita"));
        core::ReviewEntry e = entryAt(2, 1, 4, core::ErrorType::WrongPosition, "paw is on the shadow");
        e.suggested = core::Point2{150.0, 230.0};
        auto *flag = new FlagError(&doc, 0, e);
        const std::int64_t id = flag->entryId();
        QVERIFY(roundTrip(doc, flag));
        const core::ReviewEntry *got = review(doc).entry(id);
        QVERIFY(got);
        QCOMPARE(got->state, core::EntryState::Open);
        QCOMPARE(got->author, std::string("Rita"));
        QCOMPARE(got->keypoint, 4);
        QVERIFY(got->suggested.has_value());
        // An animal-level flag and a frame-level flag.
        QVERIFY(roundTrip(doc, new FlagError(&doc, 0, entryAt(3, 1, -1, core::ErrorType::WrongSpecies))));
        QVERIFY(roundTrip(doc, new FlagError(&doc, 0, entryAt(5, 0, -1, core::ErrorType::Other, "blurred"))));
        QCOMPARE(int(review(doc).entries.size()), 3);
        // Refused: a frame outside the clip, an unknown animal; and the reviewer cannot mark fixed.
        QVERIFY(!FlagError(&doc, 0, entryAt(99, 1, 0, core::ErrorType::Missing)).isValid());
        QVERIFY(!FlagError(&doc, 0, entryAt(1, 7, 0, core::ErrorType::Missing)).isValid());
        QVERIFY(!MarkEntryFixed(&doc, 0, id).isValid());

        doc.setRole(Role::Labeller);
        doc.setUserName(QStringLiteral("Lars"));
        QVERIFY(!FlagError(&doc, 0, entryAt(1, 1, 0, core::ErrorType::Missing)).isValid()); // reviewers flag
        QVERIFY(!AcceptEntry(&doc, 0, id).isValid());
        QVERIFY(roundTrip(doc, new MarkEntryFixed(&doc, 0, id)));
        QCOMPARE(review(doc).entry(id)->state, core::EntryState::Fixed);
        QCOMPARE(review(doc).entry(id)->updatedBy, std::string("Lars"));

        doc.setRole(Role::Reviewer);
        doc.setUserName(QStringLiteral("Rita"));
        QVERIFY(roundTrip(doc, new AcceptEntry(&doc, 0, id)));
        QCOMPARE(review(doc).entry(id)->state, core::EntryState::Accepted);
        QVERIFY(roundTrip(doc, new ReopenEntry(&doc, 0, id, QStringLiteral("still off by a toe"))));
        QCOMPARE(review(doc).entry(id)->state, core::EntryState::Reopened);
        QVERIFY(QString::fromStdString(review(doc).entry(id)->comment).contains(QStringLiteral("still off by a toe")));
        QVERIFY(!ReopenEntry(&doc, 0, id).isValid()); // already reopened

        // Undo all the way: the review is empty again; the labels were never touched.
        QCOMPARE(doc.clip(0)->frames, labels);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QVERIFY(review(doc).entries.empty());
        QCOMPARE(doc.clip(0)->frames, labels);
    }

    void reviewerModeRefusesLabelEdits()
    {
        Document doc;
        doc.resetProject(labelledProject());
        doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 1, 2, 0, QPointF(10, 10))); // labeller edit
        QCOMPARE(doc.undoStack()->count(), 1);

        doc.setRole(Role::Reviewer);
        QSignalSpy refused(&doc, &Document::labelEditRefused);
        const core::Project before = doc.project();
        doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 2, 2, 0, QPointF(20, 20)));
        doc.undoStack()->push(new MoveKeypoint(&doc, 0, 3, 1, 0, QPointF(5, 5), true));
        doc.undoStack()->push(new SwapLeftRight(&doc, 0, 3, 1));
        QCOMPARE(refused.count(), 3);
        QVERIFY(doc.project() == before);
        QCOMPARE(doc.undoStack()->count(), 1);

        // History stays consistent: undoing the labeller's edit in reviewer mode still restores the label.
        doc.undoStack()->undo();
        QVERIFY(!doc.instance(0, 1, 2));
        doc.undoStack()->redo();
        QVERIFY(doc.instance(0, 1, 2));

        // The explicit correction: apply a suggested position (moves the point and accepts, one step).
        core::ReviewEntry e = entryAt(4, 1, 2, core::ErrorType::WrongPosition);
        e.suggested = core::Point2{300.0, 310.0};
        auto *flag = new FlagError(&doc, 0, e);
        const std::int64_t id = flag->entryId();
        doc.undoStack()->push(flag);
        const core::Project flagged = doc.project();
        QVERIFY(roundTrip(doc, new ApplySuggestion(&doc, 0, id)));
        const core::Keypoint &moved = doc.instance(0, 4, 1)->keypoints[2];
        QCOMPARE(moved.x, 300.0);
        QCOMPARE(moved.y, 310.0);
        QCOMPARE(moved.source, core::Source::Manual);
        QCOMPARE(review(doc).entry(id)->state, core::EntryState::Accepted);
        doc.undoStack()->undo();
        QVERIFY(doc.project() == flagged);
        QCOMPARE(refused.count(), 3); // the correction was not refused
        // Without a suggestion there is nothing to apply.
        auto *plain = new FlagError(&doc, 0, entryAt(4, 1, 3, core::ErrorType::Missing));
        const std::int64_t plainId = plain->entryId();
        doc.undoStack()->push(plain);
        QVERIFY(!ApplySuggestion(&doc, 0, plainId).isValid());
    }

    void importNeverChangesLabels()
    {
        // The reviewer's copy has different labels (a moved point) and three flags.
        Document reviewer;
        reviewer.resetProject(labelledProject());
        reviewer.undoStack()->push(new MoveKeypoint(&reviewer, 0, 6, 1, 0, QPointF(1, 1), true));
        reviewer.setRole(Role::Reviewer);
        reviewer.setUserName(QStringLiteral("Rita"));
        for (int f : {1, 4, 7})
            reviewer.undoStack()->push(new FlagError(&reviewer, 0, entryAt(f, 1, f, core::ErrorType::WrongPosition)));
        const QString path = QString::fromStdString(test::tempDir()) + QStringLiteral("/review-import.errors.json");
        std::string err;
        QVERIFY2(core::exportErrorList(*reviewer.clip(0), path.toStdString(), "Rita", &err), err.c_str());

        Document labeller;
        labeller.resetProject(labelledProject());
        labeller.undoStack()->push(new FlagError(&labeller, 0, entryAt(2, 1, 0, core::ErrorType::Other))); // refused
        QCOMPARE(labeller.undoStack()->count(), 0);
        const auto labels = labeller.clip(0)->frames;
        ReviewDock dock(&labeller);
        dock.setInteractive(false);
        QString msg;
        QVERIFY2(dock.importErrorList(path, &msg), qPrintable(msg));
        QCOMPARE(labeller.clip(0)->frames, labels);
        QCOMPARE(int(review(labeller).entries.size()), 3);
        QCOMPARE(labeller.undoStack()->count(), 1);
        QCOMPARE(dock.model()->rowCount(), 3);
        // The same file again changes nothing and adds no undo step.
        QVERIFY(!dock.importErrorList(path, &msg));
        QCOMPARE(labeller.undoStack()->count(), 1);
        labeller.undoStack()->undo();
        QVERIFY(review(labeller).entries.empty());
        QCOMPARE(labeller.clip(0)->frames, labels);
        QCOMPARE(dock.model()->rowCount(), 0);
        // A damaged file is refused with a message naming it.
        QVERIFY(!dock.importErrorList(path + QStringLiteral(".missing"), &msg));
        QVERIFY(msg.contains(QStringLiteral("review-import")));
    }

    void findingsBecomeEntries()
    {
        core::Project p = labelledProject(12);
        p.clips[0].frames[4][0].keypoints[3].x = -80.0; // outside the 640x480 image
        Document doc;
        doc.resetProject(p);
        ReviewDock dock(&doc);
        dock.setInteractive(false);
        dock.runChecks();
        const auto &findings = dock.findings();
        QVERIFY(!findings.empty());
        bool planted = false;
        for (const core::Finding &f : findings)
            planted = planted || (f.kind == core::FindingKind::OutsideImage && f.frame == 4 && f.keypoint == 3);
        QVERIFY(planted);
        QCOMPARE(dock.findingsList()->count(), int(findings.size()));

        const int added = dock.addFindings(true);
        QCOMPARE(added, int(findings.size()));
        QCOMPARE(int(review(doc).entries.size()), added);
        QCOMPARE(doc.undoStack()->count(), 1);
        bool found = false;
        for (const core::ReviewEntry &e : review(doc).entries)
            found = found || (e.frame == 4 && e.keypoint == 3 && e.checkKind == "outside_image"
                              && e.state == core::EntryState::Open && e.author == "check");
        QVERIFY(found);
        // Adding them again adds nothing (no duplicate entries).
        QVERIFY(!FindingsToEntries(&doc, 0, findings).isValid());
        QCOMPARE(dock.addFindings(true), 0);
        doc.undoStack()->undo();
        QVERIFY(review(doc).entries.empty());
        QVERIFY(roundTrip(doc, new FindingsToEntries(&doc, 0, {findings.front()})));
        QCOMPARE(int(review(doc).entries.size()), 1);
    }

    void roundsAndDiff()
    {
        Document doc;
        doc.resetProject(labelledProject());
        doc.setUserName(QStringLiteral("Lars"));
        QVERIFY(roundTrip(doc, new RoundStep(&doc, 0, RoundAction::SubmitForReview)));
        QCOMPARE(review(doc).state(), core::RoundState::InReview);
        QCOMPARE(review(doc).currentRound()->snapshot, doc.clip(0)->frames);
        doc.setRole(Role::Reviewer);
        doc.setUserName(QStringLiteral("Rita"));
        QVERIFY(!RoundStep(&doc, 0, RoundAction::ReturnToLabeller).isValid()); // nothing to return
        auto *flag = new FlagError(&doc, 0, entryAt(2, 1, 5, core::ErrorType::WrongPosition));
        const std::int64_t id = flag->entryId();
        doc.undoStack()->push(flag);
        QVERIFY(roundTrip(doc, new RoundStep(&doc, 0, RoundAction::ReturnToLabeller)));
        QCOMPARE(review(doc).state(), core::RoundState::Returned);

        doc.setRole(Role::Labeller);
        doc.undoStack()->push(new MoveKeypoint(&doc, 0, 2, 1, 5, QPointF(400, 90), true));
        QVERIFY(!RoundStep(&doc, 0, RoundAction::SubmitFixes).isValid()); // the entry is still open
        doc.undoStack()->push(new MarkEntryFixed(&doc, 0, id));
        QVERIFY(roundTrip(doc, new RoundStep(&doc, 0, RoundAction::SubmitFixes)));
        QVERIFY(roundTrip(doc, new RoundStep(&doc, 0, RoundAction::SubmitForReview)));
        QCOMPARE(review(doc).currentRound()->number, 2);

        std::string err;
        const auto changes = core::diffRounds(review(doc), 1, 2, &err);
        QCOMPARE(int(changes.size()), 1);
        QCOMPARE(changes[0].frame, 2);
        QCOMPARE(changes[0].keypoint, 5);

        // The diff dialog lists it, and a row jumps to the point.
        ReviewDock dock(&doc);
        RoundDiffDialog dialog(&doc, dock.overlay());
        dialog.setRounds(1, 2);
        QCOMPARE(int(dialog.changes().size()), 1);
        QCOMPARE(int(dock.overlay()->diff().size()), 1);
        doc.setCurrentFrame(7);
        dialog.activateRow(0);
        QCOMPARE(doc.currentFrame(), 2);
        QCOMPARE(doc.currentKeypoint(), 5);
        if (const QByteArray shots = qgetenv("PADDOCK_REVIEW_SHOTS"); !shots.isEmpty())
            dialog.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/rounddiff.png"));

        doc.setRole(Role::Reviewer);
        QVERIFY(roundTrip(doc, new RoundStep(&doc, 0, RoundAction::AcceptClip)));
        QCOMPARE(review(doc).state(), core::RoundState::Accepted);
        QVERIFY(dock.roundText().contains(QStringLiteral("accepted")));
    }

    void panelFiltersAndJumps()
    {
        Document doc;
        doc.resetProject(labelledProject());
        doc.setRole(Role::Reviewer);
        ReviewDock dock(&doc);
        dock.setInteractive(false);
        dock.resize(500, 700);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        doc.undoStack()->push(new FlagError(&doc, 0, entryAt(1, 1, 2, core::ErrorType::WrongPosition)));
        doc.undoStack()->push(new FlagError(&doc, 0, entryAt(3, 1, 7, core::ErrorType::LeftRightSwapped)));
        doc.undoStack()->push(new FlagError(&doc, 0, entryAt(6, 1, 9, core::ErrorType::WrongPosition)));
        doc.undoStack()->push(new FlagError(&doc, 0, entryAt(6, 0, -1, core::ErrorType::Other)));
        QCOMPARE(dock.model()->rowCount(), 4);
        QVERIFY(dock.summaryText().contains(QStringLiteral("open errors 4")));
        dock.selectEntry(review(doc).entries[1].id);
        QVERIFY(dock.acceptSelected().isEmpty());

        // Type filter through its combo box.
        auto *type = dock.findChild<QComboBox *>(QStringLiteral("typeFilter"));
        QVERIFY(type);
        type->setCurrentIndex(type->findData(int(core::ErrorType::WrongPosition)));
        QCOMPARE(dock.model()->rowCount(), 2);
        type->setCurrentIndex(0);
        auto *state = dock.findChild<QComboBox *>(QStringLiteral("stateFilter"));
        state->setCurrentIndex(state->findData(int(ErrorListModel::StateFilter::Accepted)));
        QCOMPARE(dock.model()->rowCount(), 1);
        QCOMPARE(dock.model()->entryAt(0)->frame, 3);
        state->setCurrentIndex(state->findData(int(ErrorListModel::StateFilter::Unresolved)));
        QCOMPARE(dock.model()->rowCount(), 3);
        state->setCurrentIndex(0);
        doc.setCurrentFrame(6);
        dock.setThisFrameOnly(true);
        QCOMPARE(dock.model()->rowCount(), 2);
        doc.setCurrentFrame(1); // the frame filter follows the current frame
        QCOMPARE(dock.model()->rowCount(), 1);
        dock.setThisFrameOnly(false);
        QCOMPARE(dock.model()->rowCount(), 4);

        // Clicking a row moves the current frame there and selects the flagged keypoint.
        doc.setCurrentFrame(0);
        QTableView *table = dock.table();
        const int row = dock.model()->rowOf(review(doc).entries[2].id);
        const QRect cell = table->visualRect(dock.model()->index(row, ErrorListModel::TypeColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
        QCOMPARE(doc.currentFrame(), 6);
        QCOMPARE(doc.currentTrack(), 1);
        QCOMPARE(doc.currentKeypoint(), 9);
        QCOMPARE(dock.selectedId(), review(doc).entries[2].id);

        // Role rules in the panel: a reviewer cannot mark fixed; after switching, the labeller can.
        QVERIFY(!dock.markFixed().isEmpty());
        dock.setReviewerMode(false);
        QCOMPARE(doc.role(), Role::Labeller);
        QVERIFY(dock.markFixed().isEmpty());
        QCOMPARE(review(doc).entries[2].state, core::EntryState::Fixed);
        QVERIFY(dock.summaryText().contains(QStringLiteral("fixed 1")));
        // The selection survives the refresh after an undo, without moving the current frame.
        doc.setCurrentFrame(2);
        doc.undoStack()->undo();
        QCOMPARE(review(doc).entries[2].state, core::EntryState::Open);
        QCOMPARE(dock.selectedId(), review(doc).entries[2].id);
        QCOMPARE(doc.currentFrame(), 2);
    }

    // Issue 13.2: Accept Clip states what nobody approved, and can require it approved first.
    void acceptClipStatesUnreviewedPoints()
    {
        Document doc;
        doc.resetProject(labelledProject()); // frames 1, 2, 4, 5, 7, 8 are tracker output
        doc.setUserName(QStringLiteral("Rita"));
        doc.setRole(Role::Reviewer);
        ReviewDock dock(&doc);
        dock.setInteractive(false);
        QVERIFY(dock.roundStep(RoundAction::SubmitForReview).isEmpty());
        QVERIFY(dock.unreviewedText().contains(QStringLiteral("102 tracker point")));
        QVERIFY(dock.unreviewedText().contains(QStringLiteral("(1, 2, 4, 5, 7, 8)")));
        dock.setRequireApproval(true);
        const QString refused = dock.roundStep(RoundAction::AcceptClip);
        QVERIFY(refused.contains(QStringLiteral("102 tracker point")));
        QCOMPARE(review(doc).state(), core::RoundState::InReview);
        // Approving every tracker frame (a correction scope: the reviewer's explicit act) lets it through.
        {
            Document::CorrectionScope scope(&doc);
            for (int f : {1, 2, 4, 5, 7, 8})
                doc.undoStack()->push(new ApproveFrame(&doc, 0, f));
        }
        QVERIFY(dock.unreviewedText().isEmpty());
        QVERIFY(dock.roundStep(RoundAction::AcceptClip).isEmpty());
        QCOMPARE(review(doc).state(), core::RoundState::Accepted);
        // Without the requirement the clip is accepted and the panel says what was not looked at.
        doc.resetProject(labelledProject());
        dock.setRequireApproval(false);
        QVERIFY(dock.roundStep(RoundAction::SubmitForReview).isEmpty());
        QVERIFY(dock.roundStep(RoundAction::AcceptClip).isEmpty());
        QCOMPARE(review(doc).state(), core::RoundState::Accepted);
        QVERIFY(dock.message().contains(QStringLiteral("Accepted with 102 tracker point")));
        QSettings().remove(QStringLiteral("review"));
    }

    // Issue 13.10: the entry buttons stay where they are whatever the comment's length.
    void panelButtonsDoNotMoveWithComments()
    {
        Document doc;
        doc.resetProject(labelledProject());
        doc.setRole(Role::Reviewer);
        ReviewDock dock(&doc);
        dock.setInteractive(false);
        dock.resize(360, 800);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        doc.undoStack()->push(new FlagError(&doc, 0, entryAt(1, 1, 2, core::ErrorType::WrongPosition, "short")));
        const QString longComment = QStringLiteral("the knee is much higher than this, look at the frames before "
                                                   "and after; the tracker followed the rock behind the leg for "
                                                   "twenty frames and this is where it started to drift off")
                                        .repeated(2);
        doc.undoStack()->push(new FlagError(&doc, 0, entryAt(3, 1, 7, core::ErrorType::Other,
                                                                longComment.toUtf8().constData())));
        QPushButton *flag = nullptr;
        for (QPushButton *b : dock.findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Flag…"))
                flag = b;
        QVERIFY(flag);
        auto buttonY = [&] {
            QApplication::processEvents();
            return flag->mapTo(&dock, QPoint(0, 0)).y();
        };
        dock.selectEntry(review(doc).entries[0].id);
        const int y = buttonY();
        dock.selectEntry(review(doc).entries[1].id);
        QCOMPARE(buttonY(), y);
        dock.roundStep(RoundAction::ReturnToLabeller); // a message line
        QCOMPARE(buttonY(), y);
    }

    void flagDialogFromSelection()
    {
        Document doc;
        doc.resetProject(labelledProject());
        doc.setCurrentFrame(5);
        doc.setCurrentTrack(1);
        doc.setCurrentKeypoint(4);
        FlagDialog dialog(&doc);
        core::ReviewEntry e = dialog.entry();
        QCOMPARE(e.frame, 5);
        QCOMPARE(e.trackId, 1);
        QCOMPARE(e.keypoint, 4);
        QVERIFY(!e.suggested);
        dialog.setErrorType(core::ErrorType::ShouldBeOccluded);
        dialog.setComment(QStringLiteral("  behind the fence "));
        dialog.setSuggested(12.5, 40.0);
        e = dialog.entry();
        QCOMPARE(e.type, core::ErrorType::ShouldBeOccluded);
        QCOMPARE(e.comment, std::string("behind the fence"));
        QVERIFY(e.suggested && e.suggested->x == 12.5 && e.suggested->y == 40.0);
        // No keypoint selected: the dialog flags the animal.
        doc.setCurrentKeypoint(-1);
        FlagDialog animal(&doc);
        QCOMPARE(animal.entry().keypoint, -1);
        QCOMPARE(animal.entry().trackId, 1);
    }

    void timelineShowsKeypointFlags()
    {
        Document doc;
        doc.resetProject(labelledProject(20));
        Timeline timeline(&doc);
        timeline.resize(600, 300);
        timeline.setExpanded(1, true);
        // Pixels of the flag colour in the column of frame 8.
        auto flaggedPixels = [&] {
            const QImage img = timeline.grab().toImage();
            const int x = timeline.xForFrame(8) + 1;
            int n = 0;
            for (int y = 0; y < img.height(); ++y)
                n += img.pixelColor(x, y) == colours::flagged();
            return n;
        };
        const int clean = flaggedPixels();
        doc.setRole(Role::Reviewer);
        doc.undoStack()->push(new FlagError(&doc, 0, entryAt(8, 1, -1, core::ErrorType::WrongTrackId)));
        const int animalFlag = flaggedPixels(); // the animal row turns red
        QVERIFY(animalFlag > clean);
        doc.undoStack()->undo();
        doc.undoStack()->push(new FlagError(&doc, 0, entryAt(8, 1, 6, core::ErrorType::WrongPosition)));
        const int keypointFlag = flaggedPixels(); // the animal row and keypoint 6's row
        QVERIFY(keypointFlag > animalFlag);
        doc.undoStack()->undo();
        QCOMPARE(flaggedPixels(), clean);
    }

    void mainWindowWiring()
    {
        QSettings().setValue(QStringLiteral("review/userName"), QStringLiteral("Rita"));
        MainWindow window;
        window.setInteractive(false);
        window.document()->resetProject(labelledProject());
        QVERIFY(window.reviewDock());
        QAction *mode = window.action(QStringLiteral("reviewerMode"));
        QVERIFY(mode && mode->isCheckable());
        QVERIFY(window.action(QStringLiteral("flagError")));
        QVERIFY(!mode->shortcut().isEmpty());
        mode->trigger();
        QCOMPARE(window.document()->role(), Role::Reviewer);
        QCOMPARE(window.document()->userName(), QStringLiteral("Rita"));
        window.document()->setRole(Role::Labeller); // the action follows the document
        QVERIFY(!mode->isChecked());
        // The frame view paints the overlay it is given.
        int calls = 0;
        window.frameView()->setOverlay([&calls](QPainter &, const FrameView &) { ++calls; });
        window.frameView()->resize(320, 240);
        window.frameView()->grab();
        QVERIFY(calls > 0);
        QSettings().remove(QStringLiteral("review"));
    }

    /** With PADDOCK_REVIEW_DEMO=DIR: writes DIR/review-demo.paddock (demo clip, flags) for the screenshot. */
    void writeScreenshotProject()
    {
        const QByteArray dir = qgetenv("PADDOCK_REVIEW_DEMO");
        if (dir.isEmpty())
            QSKIP("PADDOCK_REVIEW_DEMO not set");
        std::string err;
        auto clip = core::renderDemoClip(dir.toStdString() + "/frames", &err);
        QVERIFY2(clip, err.c_str());
        core::Project p = core::newAp10kProject();
        clip->name = "demo";
        auto &review = clip->review;
        const std::int64_t now = core::nowMs();
        QVERIFY(core::startReview(&review, clip->frames, "Rita", now, &err));
        auto add = [&](int frame, int track, int k, core::ErrorType t, const char *comment, bool suggest) {
            core::ReviewEntry e = entryAt(frame, track, k, t, comment);
            e.author = "Rita";
            if (suggest && k >= 0) {
                const core::Keypoint &at = clip->frames.at(frame).front().keypoints[std::size_t(k)];
                e.suggested = core::Point2{at.x + 14, at.y - 10};
            }
            return core::addEntry(&review, e, now);
        };
        const int t = clip->frames.at(12).front().trackId;
        add(12, t, 9, core::ErrorType::WrongPosition, "knee is higher", true);
        const std::int64_t fixed = add(12, t, 5, core::ErrorType::LeftRightSwapped, "shoulders swapped", false);
        add(20, t, 15, core::ErrorType::ShouldBeOccluded, "hidden by the leg", false);
        const std::int64_t acc = add(31, t, -1, core::ErrorType::WrongTrackId, "", false);
        add(44, 0, -1, core::ErrorType::Other, "motion blur: skip?", false);
        QVERIFY(core::markFixed(&review, fixed, "Lars", now, &err));
        QVERIFY(core::markFixed(&review, acc, "Lars", now, &err));
        QVERIFY(core::acceptEntry(&review, acc, "Rita", now, &err));
        // A point moved after the round started, for "Compare rounds" to show.
        clip->frames.at(12).front().keypoints[2].x += 25.0;
        // A point that jumps away for one frame, for the automatic checks to find.
        clip->frames.at(25).front().keypoints[16].x += 150.0;
        p.clips.push_back(*clip);
        QVERIFY2(core::saveProject(p, dir.toStdString() + "/review-demo.paddock", &err), err.c_str());
    }
};

QTEST_MAIN(TestReview)
#include "tst_review.moc"
