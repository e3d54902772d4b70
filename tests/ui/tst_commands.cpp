// SPDX-License-Identifier: Apache-2.0
#include "ui/commands/animalcommands.h"
#include "ui/commands/keypointcommands.h"
#include "ui/commands/trackingcommands.h"
#include "ui/document/document.h"
#include "uitestutil.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace paddock;
using namespace paddock::ui;

namespace {
core::Keypoint kp(double x, double y, core::Source s = core::Source::Manual, float score = 1.f,
                  core::Visibility v = core::Visibility::Visible)
{
    return core::Keypoint{x, y, v, s, score};
}

const core::Keypoint &keypointAt(const Document &doc, int frame, int track, int k)
{
    static const core::Keypoint none;
    const core::Instance *inst = doc.instance(0, frame, track);
    return inst && k < int(inst->keypoints.size()) ? inst->keypoints[std::size_t(k)] : none;
}
} // namespace

/** Every undo command: redo -> undo -> redo gives the same states, and drags merge into one step. */
class TestCommands : public QObject
{
    Q_OBJECT

    Document mDoc;

    // Pushes \a cmd and checks that undo restores the project exactly and redo reproduces the edit.
    void roundTrip(QUndoCommand *cmd, bool expectChange = true)
    {
        const core::Project before = mDoc.project();
        const int count = mDoc.undoStack()->count();
        mDoc.undoStack()->push(cmd);
        const core::Project after = mDoc.project();
        if (expectChange) {
            QVERIFY(after != before);
            QCOMPARE(mDoc.undoStack()->count(), count + 1);
        }
        mDoc.undoStack()->undo();
        QVERIFY(mDoc.project() == before);
        mDoc.undoStack()->redo();
        QVERIFY(mDoc.project() == after);
    }

    void seedFrame(int frame, int track, core::Source source, double base)
    {
        core::Instance inst = emptyInstance(mDoc, 0, track);
        for (int k = 0; k < 17; ++k)
            inst.keypoints[std::size_t(k)] = kp(base + k, base + 2 * k, source, 0.5f);
        mDoc.setInstances(0, {InstanceChange{{frame, track}, inst}});
    }

private Q_SLOTS:
    void init() { mDoc.resetProject(test::smallProject()); }

    void placeKeypoint()
    {
        QSignalSpy spy(&mDoc, &Document::changed);
        roundTrip(new PlaceKeypoint(&mDoc, 0, 3, 1, 5, QPointF(10.25, 20.5)));
        QCOMPARE(spy.count(), 3); // redo, undo, redo
        const core::Keypoint &k = keypointAt(mDoc, 3, 1, 5);
        QCOMPARE(k.x, 10.25);
        QCOMPARE(k.y, 20.5);
        QCOMPARE(k.visibility, core::Visibility::Visible);
        QCOMPARE(k.source, core::Source::Manual);
        QCOMPARE(mDoc.instance(0, 3, 1)->keypoints.size(), std::size_t(17));
        QCOMPARE(mDoc.undoStack()->text(0), QStringLiteral("Place Keypoint"));
    }

    void moveKeypointDragIsOneStep()
    {
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 0, 1, 2, QPointF(1, 1)));
        const int count = mDoc.undoStack()->count();
        for (int i = 1; i <= 5; ++i)
            mDoc.undoStack()->push(new MoveKeypoint(&mDoc, 0, 0, 1, 2, QPointF(1 + i * 0.5, 1), false));
        mDoc.undoStack()->push(new MoveKeypoint(&mDoc, 0, 0, 1, 2, QPointF(4.75, 2.125), true));
        QCOMPARE(mDoc.undoStack()->count(), count + 1);
        QCOMPARE(keypointAt(mDoc, 0, 1, 2).x, 4.75);
        QCOMPARE(keypointAt(mDoc, 0, 1, 2).y, 2.125);
        // A committed drag is closed: the next drag is a new step.
        mDoc.undoStack()->push(new MoveKeypoint(&mDoc, 0, 0, 1, 2, QPointF(8, 8), true));
        QCOMPARE(mDoc.undoStack()->count(), count + 2);
        mDoc.undoStack()->undo();
        QCOMPARE(keypointAt(mDoc, 0, 1, 2).x, 4.75);
        mDoc.undoStack()->undo();
        QCOMPARE(keypointAt(mDoc, 0, 1, 2).x, 1.0);
        QCOMPARE(keypointAt(mDoc, 0, 1, 2).y, 1.0);
        mDoc.undoStack()->redo();
        QCOMPARE(keypointAt(mDoc, 0, 1, 2).x, 4.75);
    }

    void moveKeypointMergeRules()
    {
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 0, 1, 2, QPointF(1, 1)));
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 0, 1, 3, QPointF(2, 2)));
        const int count = mDoc.undoStack()->count();
        MoveKeypoint a(&mDoc, 0, 0, 1, 2, QPointF(5, 5), false);
        MoveKeypoint other(&mDoc, 0, 0, 1, 3, QPointF(5, 5), false);
        MoveKeypoint otherFrame(&mDoc, 0, 1, 1, 2, QPointF(5, 5), false);
        QVERIFY(!a.mergeWith(&other));
        QVERIFY(!a.mergeWith(&otherFrame));
        PlaceKeypoint place(&mDoc, 0, 0, 1, 2, QPointF(5, 5));
        QVERIFY(!a.mergeWith(&place));
        MoveKeypoint done(&mDoc, 0, 0, 1, 2, QPointF(6, 6), true);
        QVERIFY(a.mergeWith(&done));
        QVERIFY(a.isCommitted());
        MoveKeypoint after(&mDoc, 0, 0, 1, 2, QPointF(7, 7), false);
        QVERIFY(!a.mergeWith(&after)); // committed commands do not merge
        // A drag that ends where it started leaves no undo entry.
        mDoc.undoStack()->push(new MoveKeypoint(&mDoc, 0, 0, 1, 2, QPointF(9, 9), false));
        mDoc.undoStack()->push(new MoveKeypoint(&mDoc, 0, 0, 1, 2, QPointF(1, 1), true));
        QCOMPARE(mDoc.undoStack()->count(), count);
        QCOMPARE(keypointAt(mDoc, 0, 1, 2).x, 1.0);
    }

    void moveTurnsPropagatedIntoManual()
    {
        seedFrame(4, 1, core::Source::Propagated, 100);
        roundTrip(new MoveKeypoint(&mDoc, 0, 4, 1, 0, QPointF(50, 60), true));
        QCOMPARE(keypointAt(mDoc, 4, 1, 0).source, core::Source::Manual);
        QCOMPARE(keypointAt(mDoc, 4, 1, 0).score, 1.f);
        QCOMPARE(keypointAt(mDoc, 4, 1, 1).source, core::Source::Propagated);
    }

    void visibility()
    {
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 0, 1, 4, QPointF(30, 40)));
        roundTrip(new SetKeypointVisibility(&mDoc, 0, 0, 1, 4, core::Visibility::Occluded));
        QCOMPARE(keypointAt(mDoc, 0, 1, 4).visibility, core::Visibility::Occluded);
        QCOMPARE(keypointAt(mDoc, 0, 1, 4).x, 30.0); // keeps its position
        roundTrip(new SetKeypointVisibility(&mDoc, 0, 0, 1, 6, core::Visibility::Occluded, QPointF(7, 8)));
        QCOMPARE(keypointAt(mDoc, 0, 1, 6).x, 7.0);
        roundTrip(new SetKeypointVisibility(&mDoc, 0, 0, 1, 4, core::Visibility::Unlabelled));
        QVERIFY(!keypointAt(mDoc, 0, 1, 4).isLabelled());
        roundTrip(new SetKeypointVisibility(&mDoc, 0, 0, 1, 6, core::Visibility::Unlabelled));
        QVERIFY(!mDoc.instance(0, 0, 1)); // clearing the last point removes the instance
    }

    void swapLeftRight()
    {
        seedFrame(2, 1, core::Source::Manual, 10);
        roundTrip(new SwapLeftRight(&mDoc, 0, 2, 1));
        QCOMPARE(keypointAt(mDoc, 2, 1, 0).x, 11.0); // left_eye <- right_eye
        QCOMPARE(keypointAt(mDoc, 2, 1, 1).x, 10.0);
        QCOMPARE(keypointAt(mDoc, 2, 1, 2).x, 12.0); // nose has no mirror
        QCOMPARE(keypointAt(mDoc, 2, 1, 13).x, 26.0); // left_back_paw <- right_back_paw
    }

    void approveFrame()
    {
        seedFrame(5, 1, core::Source::Propagated, 10);
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 5, 1, 3, QPointF(1, 1)));
        seedFrame(6, 1, core::Source::Propagated, 10);
        roundTrip(new ApproveFrame(&mDoc, 0, 5));
        QCOMPARE(keypointAt(mDoc, 5, 1, 0).source, core::Source::Approved);
        QCOMPARE(keypointAt(mDoc, 5, 1, 3).source, core::Source::Manual);
        QCOMPARE(keypointAt(mDoc, 6, 1, 0).source, core::Source::Propagated);
        ApproveFrame nothing(&mDoc, 0, 7);
        QVERIFY(nothing.isNoOp());
    }

    void copyAnimalFromFrame()
    {
        seedFrame(2, 1, core::Source::Propagated, 10);
        roundTrip(new CopyAnimalFromFrame(&mDoc, 0, 2, 3, 1));
        QCOMPARE(keypointAt(mDoc, 3, 1, 7).x, 17.0);
        QCOMPARE(keypointAt(mDoc, 3, 1, 7).source, core::Source::Manual);
        QCOMPARE(keypointAt(mDoc, 2, 1, 7).source, core::Source::Propagated);
    }

    void addAndRemoveAnimal()
    {
        auto *add = new AddAnimal(&mDoc, 0, 21, 0, QStringLiteral("Bella"));
        const int id = add->trackId();
        QCOMPARE(id, 3);
        roundTrip(add);
        QCOMPARE(mDoc.currentClip()->track(3)->categoryId, 21);
        QCOMPARE(mDoc.currentClip()->track(3)->name, std::string("Bella"));
        seedFrame(1, 1, core::Source::Manual, 5);
        seedFrame(8, 1, core::Source::Propagated, 5);
        seedFrame(8, 2, core::Source::Manual, 5);
        roundTrip(new RemoveAnimal(&mDoc, 0, 1));
        QVERIFY(!mDoc.currentClip()->track(1));
        QVERIFY(!mDoc.instance(0, 1, 1));
        QVERIFY(!mDoc.instance(0, 8, 1));
        QVERIFY(mDoc.instance(0, 8, 2));
        mDoc.undoStack()->undo();
        QVERIFY(mDoc.instance(0, 8, 1));
        QVERIFY(mDoc.currentClip()->track(1));
    }

    void changeTrackId()
    {
        seedFrame(1, 1, core::Source::Manual, 5);
        seedFrame(1, 2, core::Source::Manual, 50);
        roundTrip(new ChangeTrackId(&mDoc, 0, 1, 7));
        QVERIFY(!mDoc.currentClip()->track(1));
        QCOMPARE(mDoc.currentClip()->track(7)->categoryId, 8);
        QCOMPARE(keypointAt(mDoc, 1, 7, 0).x, 5.0);
        // To an id in use: the two swap.
        roundTrip(new ChangeTrackId(&mDoc, 0, 7, 2));
        QCOMPARE(keypointAt(mDoc, 1, 2, 0).x, 5.0);
        QCOMPARE(keypointAt(mDoc, 1, 7, 0).x, 50.0);
        QCOMPARE(mDoc.currentClip()->track(2)->categoryId, 8);
    }

    void swapTracksFromFrame()
    {
        for (int f = 0; f < 6; ++f) {
            seedFrame(f, 1, core::Source::Manual, f);
            seedFrame(f, 2, core::Source::Manual, 100 + f);
        }
        roundTrip(new SwapTracksFromFrame(&mDoc, 0, 3, 1, 2));
        QCOMPARE(keypointAt(mDoc, 2, 1, 0).x, 2.0);
        QCOMPARE(keypointAt(mDoc, 3, 1, 0).x, 103.0);
        QCOMPARE(keypointAt(mDoc, 5, 2, 0).x, 5.0);
    }

    void applyTrackingResultKeepsUserLabels()
    {
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 0, 1, 0, QPointF(10, 10)));
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 3, 1, 0, QPointF(40, 40)));
        const int count = mDoc.undoStack()->count();
        tracking::TrackingOutput out;
        for (int f = 0; f < 6; ++f) {
            core::Instance inst = emptyInstance(mDoc, 0, 1);
            for (int k = 0; k < 17; ++k)
                inst.keypoints[std::size_t(k)] = kp(f * 10 + 1, k, core::Source::Propagated, 0.25f * (k % 4));
            out[f].push_back(inst);
        }
        auto *cmd = new ApplyTrackingResult(&mDoc, 0, out, false);
        QCOMPARE(cmd->changedKeypoints(), 6 * 17 - 2);
        roundTrip(cmd);
        QCOMPARE(mDoc.undoStack()->count(), count + 1); // a whole run is one step
        QCOMPARE(keypointAt(mDoc, 3, 1, 0).x, 40.0);    // manual label kept
        QCOMPARE(keypointAt(mDoc, 3, 1, 1).x, 31.0);
        QCOMPARE(keypointAt(mDoc, 3, 1, 1).source, core::Source::Propagated);
        QCOMPARE(keypointAt(mDoc, 5, 1, 2).score, 0.5f);
        QCOMPARE(mDoc.undoStack()->text(count), QStringLiteral("Propagate"));

        auto *refine = new ApplyTrackingResult(&mDoc, 0, out, true);
        roundTrip(refine);
        QCOMPARE(keypointAt(mDoc, 4, 1, 1).source, core::Source::Refined);
        QCOMPARE(keypointAt(mDoc, 0, 1, 0).source, core::Source::Manual);
    }

    // Issue 13.5: adding a species and changing an animal's species are undoable edits.
    void speciesAreUndoableEdits()
    {
        QVERIFY(!core::findSpeciesByName(mDoc.project().categories, "goat"));
        const std::size_t before = mDoc.project().categories.size();
        auto *add = new AddSpecies(&mDoc, 0, core::newSpecies(0, "goat", "Bovidae"));
        const int goat = add->categoryId();
        QCOMPARE(goat, 55);
        roundTrip(add);
        const core::Category *c = mDoc.project().category(goat);
        QVERIFY(c);
        QCOMPARE(c->name, std::string("goat"));
        QCOMPARE(c->supercategory, std::string("Bovidae"));
        QCOMPARE(c->keypoints, core::ap10kKeypointNames()); // AP-10K skeleton by default
        QCOMPARE(c->flipPairs, core::ap10kCategory(1).flipPairs);
        QCOMPARE(mDoc.project().categories.size(), before + 1);
        // The same name again adds nothing.
        auto *again = new AddSpecies(&mDoc, 0, core::newSpecies(0, " Goat ", "Bovidae"));
        QVERIFY(again->isNoOp());
        delete again;

        seedFrame(2, 1, core::Source::Manual, 10);
        roundTrip(new ChangeSpecies(&mDoc, 0, 1, goat));
        QCOMPARE(mDoc.currentClip()->track(1)->categoryId, goat);
        QCOMPARE(mDoc.instance(0, 2, 1)->categoryId, goat);
        QCOMPARE(keypointAt(mDoc, 2, 1, 3).x, 13.0); // labels kept
        mDoc.undoStack()->undo();
        QCOMPARE(mDoc.currentClip()->track(1)->categoryId, 8);
        QCOMPARE(mDoc.instance(0, 2, 1)->categoryId, 8);
        mDoc.undoStack()->undo();
        QVERIFY(!mDoc.project().category(goat));

        // A species with other keypoints is refused with the reason.
        core::Category bug = core::newSpecies(0, "bug", "Insecta");
        bug.keypoints = {"head", "tail"};
        bug.skeleton = {{0, 1}};
        bug.flipPairs.clear();
        bug.sigmas.clear();
        auto *addBug = new AddSpecies(&mDoc, 0, bug);
        const int bugId = addBug->categoryId();
        mDoc.undoStack()->push(addBug);
        auto *change = new ChangeSpecies(&mDoc, 0, 1, bugId);
        QVERIFY(!change->error().isEmpty());
        QVERIFY(change->isNoOp());
        delete change;
    }

    // Issue 13.6: C copies from the nearest labelled frame of the animal, before or after.
    void copySourceIsTheNearestLabelledFrame()
    {
        seedFrame(0, 1, core::Source::Manual, 10);
        seedFrame(9, 1, core::Source::Manual, 90);
        seedFrame(5, 2, core::Source::Manual, 50); // another animal: not a source for animal 1
        QCOMPARE(CopyAnimalFromFrame::sourceFrame(mDoc, 0, 6, 1), 9);
        QCOMPARE(CopyAnimalFromFrame::sourceFrame(mDoc, 0, 3, 1), 0);
        QCOMPARE(CopyAnimalFromFrame::sourceFrame(mDoc, 0, 6, 1, true), 0);
        QCOMPARE(CopyAnimalFromFrame::sourceFrame(mDoc, 0, 9, 1), 0); // never the frame itself
        QCOMPARE(CopyAnimalFromFrame::sourceFrame(mDoc, 0, 0, 1, true), -1);
        QCOMPARE(CopyAnimalFromFrame::sourceFrame(mDoc, 0, 4, 2), 5);
    }

    // Issue 13.2: an edit after acceptance reopens the clip, and the error list says who changed what.
    void editAfterAcceptanceReopensTheClip()
    {
        seedFrame(1, 1, core::Source::Manual, 10);
        core::ClipReview review;
        std::string err;
        QVERIFY(core::startReview(&review, mDoc.currentClip()->frames, "rita", 1, &err));
        QVERIFY(core::acceptClip(&review, mDoc.currentClip()->frames, "rita", 2, &err));
        mDoc.setReview(0, review);
        mDoc.setUserName(QStringLiteral("lars"));
        QCOMPARE(mDoc.currentClip()->review.state(), core::RoundState::Accepted);

        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 1, 1, 4, QPointF(5, 6)));
        const core::ClipReview &after = mDoc.currentClip()->review;
        QCOMPARE(after.state(), core::RoundState::Labelling);
        QCOMPARE(after.rounds.size(), std::size_t(2));
        QCOMPARE(after.entries.size(), std::size_t(1));
        const core::ReviewEntry &e = after.entries.front();
        QCOMPARE(e.author, std::string("lars"));
        QCOMPARE(e.frame, 1);
        QCOMPARE(e.trackId, 1);
        QCOMPARE(e.keypoint, 4);
        QVERIFY(QString::fromStdString(e.comment).contains(QStringLiteral("Place Keypoint")));
        QCOMPARE(e.state, core::EntryState::Fixed); // for the reviewer to accept or reopen
        // A second edit changes labels only (the clip is already reopened).
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 1, 1, 5, QPointF(7, 8)));
        QCOMPARE(mDoc.currentClip()->review.entries.size(), std::size_t(1));
        // Undo restores the acceptance with the labels; redo reopens again.
        mDoc.undoStack()->undo();
        mDoc.undoStack()->undo();
        QVERIFY(mDoc.currentClip()->review == review);
        mDoc.undoStack()->redo();
        QCOMPARE(mDoc.currentClip()->review.state(), core::RoundState::Labelling);
        mDoc.undoStack()->undo();

        // A drag (MoveKeypoint) reopens too.
        mDoc.undoStack()->push(new MoveKeypoint(&mDoc, 0, 1, 1, 0, QPointF(1, 1), true));
        QCOMPARE(mDoc.currentClip()->review.state(), core::RoundState::Labelling);
        QCOMPARE(mDoc.currentClip()->review.entries.size(), std::size_t(1));
        mDoc.undoStack()->undo();
        QVERIFY(mDoc.currentClip()->review == review);
    }
};

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
