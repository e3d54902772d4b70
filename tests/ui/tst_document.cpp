// SPDX-License-Identifier: Apache-2.0
#include "../testutil.h"

#include "core/io/journal.h"
#include "core/io/projectfile.h"
#include "ui/commands/animalcommands.h"
#include "ui/commands/keypointcommands.h"
#include "ui/commands/reviewcommands.h"
#include "ui/document/document.h"
#include "uitestutil.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

namespace {

/** Texts of the commands on \a doc's stack, bottom first. */
QStringList stackTexts(const paddock::ui::Document &doc)
{
    QStringList out;
    for (int i = 0; i < doc.undoStack()->count(); ++i)
        out << doc.undoStack()->text(i);
    return out;
}

/** A clip of \a frames frames with \a animals animals labelled on every frame, submitted for review. */
paddock::core::Project reviewedProject(int frames, int animals)
{
    using namespace paddock;
    core::Project p = test::smallProject(frames);
    core::Clip &c = p.clips[0];
    c.tracks.clear();
    for (int a = 1; a <= animals; ++a)
        c.ensureTrack(a, 8);
    for (int f = 0; f < frames; ++f)
        for (int a = 1; a <= animals; ++a) {
            core::Instance inst;
            inst.trackId = a;
            inst.categoryId = 8;
            inst.keypoints.resize(17);
            for (int k = 0; k < 17; ++k)
                inst.keypoints[std::size_t(k)] =
                    core::Keypoint{double(f + k), double(a * 10 + k), core::Visibility::Visible, core::Source::Propagated, 0.7f};
            c.setInstance(f, inst);
        }
    std::string error;
    core::startReview(&c.review, c.frames, "rev", 1000, &error);
    return p;
}

} // namespace

using namespace paddock;
using namespace paddock::ui;

/** Document: project ownership, UI state signals, change events from mutators. */
class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resetSelectsFirstClipAndTrack()
    {
        Document doc;
        QSignalSpy changed(&doc, &Document::changed);
        doc.resetProject(test::smallProject(), QStringLiteral("a.paddock"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<ChangeEvent>().type, ChangeEvent::Type::ProjectReset);
        QCOMPARE(doc.currentClipIndex(), 0);
        QCOMPARE(doc.currentTrack(), 1);
        QCOMPARE(doc.frameCount(), 10);
        QCOMPARE(doc.fileName(), QStringLiteral("a.paddock"));
        QVERIFY(!doc.isModified());
    }

    void frameIsClampedAndSignalled()
    {
        Document doc;
        doc.resetProject(test::smallProject(5));
        QSignalSpy spy(&doc, &Document::currentFrameChanged);
        doc.setCurrentFrame(3);
        doc.setCurrentFrame(3); // no change, no signal
        doc.setCurrentFrame(99);
        doc.setCurrentFrame(-4);
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.at(1).at(0).toInt(), 4);
        QCOMPARE(doc.currentFrame(), 0);
    }

    void mutatorEmitsOneEventWithFrames()
    {
        Document doc;
        doc.resetProject(test::smallProject());
        QSignalSpy spy(&doc, &Document::changed);
        core::Instance inst = emptyInstance(doc, 0, 1);
        inst.keypoints[0] = core::Keypoint{1, 2, core::Visibility::Visible, core::Source::Manual, 1.f};
        doc.setInstances(0, {InstanceChange{{4, 1}, inst}, InstanceChange{{2, 1}, inst}});
        QCOMPARE(spy.count(), 1);
        const auto e = spy.at(0).at(0).value<ChangeEvent>();
        QCOMPARE(e.type, ChangeEvent::Type::InstancesChanged);
        QCOMPARE(e.frames, (std::vector<int>{2, 4}));
        QVERIFY(e.touchesFrame(4));
        QVERIFY(!e.touchesFrame(3));
        QVERIFY(doc.instance(0, 4, 1));
        doc.setInstances(0, {InstanceChange{{4, 1}, std::nullopt}});
        QVERIFY(!doc.instance(0, 4, 1));
    }

    void nextUnlabelledKeypointSkipsLabelled()
    {
        Document doc;
        doc.resetProject(test::smallProject());
        QCOMPARE(doc.nextUnlabelledKeypoint(0, 1), 0);
        doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 0, 1, 0, QPointF(5, 5)));
        doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 0, 1, 1, QPointF(6, 5)));
        QCOMPARE(doc.nextUnlabelledKeypoint(0, 1), 2);
        QCOMPARE(doc.nextUnlabelledKeypoint(0, 1, 5), 6);
        for (int k = 2; k < 17; ++k)
            doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 0, 1, k, QPointF(k, k)));
        QCOMPARE(doc.nextUnlabelledKeypoint(0, 1), -1);
        QCOMPARE(doc.nextUnlabelledKeypoint(1, 1), 0); // other frame untouched
    }

    void modifiedFollowsUndoStack()
    {
        Document doc;
        doc.resetProject(test::smallProject());
        QSignalSpy spy(&doc, &Document::modifiedChanged);
        doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 0, 1, 0, QPointF(5, 5)));
        QVERIFY(doc.isModified());
        doc.setClean();
        QVERIFY(!doc.isModified());
        doc.undoStack()->undo();
        QVERIFY(doc.isModified());
        QVERIFY(spy.count() >= 3);
    }

    void journalRebuildsDataAndUndoHistory()
    {
        // A session journals its edits; a second Document replays the journal on the saved file (what
        // recovery after kill -9 does) and ends with the same data and an undo stack that undoes and redoes
        // through the same states.
        const std::string dir = test::tempDir();
        const std::string path = dir + "/j.paddock";
        std::string error;
        const core::Project base = test::smallProject(20);
        QVERIFY(core::saveProject(base, path, &error));

        Document doc;
        doc.resetProject(base, QString::fromStdString(path));
        core::JournalWriter writer;
        writer.startOnProject(path);
        doc.setJournal(&writer);
        QUndoStack *stack = doc.undoStack();
        doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 3, 1, 0, QPointF(10, 10)));
        doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 3, 1, 1, QPointF(20, 10)));
        // A drag: uncommitted moves merge into one command, the last one commits it.
        doc.undoStack()->push(new MoveKeypoint(&doc, 0, 3, 1, 0, QPointF(11, 11), false));
        doc.undoStack()->push(new MoveKeypoint(&doc, 0, 3, 1, 0, QPointF(12, 12), false));
        doc.undoStack()->push(new MoveKeypoint(&doc, 0, 3, 1, 0, QPointF(13, 12), true));
        doc.undoStack()->push(new AddAnimal(&doc, 0, 6));
        doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 5, 2, 4, QPointF(30, 40)));
        stack->undo();
        stack->undo();
        stack->redo();
        doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 7, 1, 2, QPointF(50, 50))); // drops the redo tail
        // A drag that ends where it started merges into nothing.
        doc.undoStack()->push(new MoveKeypoint(&doc, 0, 7, 1, 2, QPointF(60, 60), false));
        doc.undoStack()->push(new MoveKeypoint(&doc, 0, 7, 1, 2, QPointF(50, 50), true));
        // A change outside the undo stack (clip metadata read from the video).
        doc.setClipInfo(0, 20, 800, 600, 30.0);
        QCoreApplication::processEvents();
        doc.setRole(Role::Reviewer);
        core::ReviewEntry flag;
        flag.frame = 3;
        flag.trackId = 1;
        flag.keypoint = 0;
        QVERIFY(pushReviewCommand(&doc, new FlagError(&doc, 0, flag)).isEmpty());
        stack->setIndex(2); // a jump back over several commands
        stack->setIndex(stack->count() - 1);
        writer.flush();

        auto journal = core::readJournal(core::journalPath(path), &error);
        QVERIFY2(journal.has_value(), error.c_str());
        QVERIFY(!journal->torn);
        auto loaded = core::loadProject(path, &error);
        QVERIFY(loaded.has_value());
        Document second;
        second.resetProject(std::move(*loaded), QString::fromStdString(path));
        QString err;
        QVERIFY2(second.replayJournal(journal->records, &err), qPrintable(err));

        QVERIFY(second.project() == doc.project());
        QCOMPARE(stackTexts(second), stackTexts(doc));
        QCOMPARE(second.undoStack()->index(), stack->index());
        // Every state along the history is the same in both.
        std::vector<core::Project> states;
        while (stack->canUndo()) {
            stack->undo();
            second.undoStack()->undo();
            QVERIFY(second.project().clips[0].frames == doc.project().clips[0].frames);
            QVERIFY(second.project().clips[0].tracks == doc.project().clips[0].tracks);
            QVERIFY(second.project().clips[0].review == doc.project().clips[0].review);
        }
        while (stack->canRedo()) {
            stack->redo();
            second.undoStack()->redo();
            QVERIFY(second.project() == doc.project());
        }
        // The replayed session journals on: its records continue the file and replay again.
        second.setJournal(&writer, true);
        writer.resume(path, journal->validBytes);
        second.undoStack()->undo();
        writer.flush();
        journal = core::readJournal(core::journalPath(path), &error);
        QVERIFY(journal.has_value());
        loaded = core::loadProject(path, &error);
        Document third;
        third.resetProject(std::move(*loaded), QString::fromStdString(path));
        QVERIFY2(third.replayJournal(journal->records, &err), qPrintable(err));
        QVERIFY(third.project() == second.project());
        QCOMPARE(third.undoStack()->index(), second.undoStack()->index());
    }

    void reviewCommandsStoreOnlyWhatChanged()
    {
        // 1,000 frames x 5 animals, submitted for review (a round with a snapshot of 5,000 instances): a flag
        // used to keep two full copies of the clip's review (about 5.4 MB); it keeps the one entry it adds.
        Document doc;
        doc.resetProject(reviewedProject(1000, 5));
        doc.setRole(Role::Reviewer);
        const std::string dir = test::tempDir();
        const std::string path = dir + "/r.paddock";
        std::string error;
        QVERIFY(core::saveProject(doc.project(), path, &error));
        core::JournalWriter writer;
        writer.startOnProject(path);
        writer.flush();
        doc.setJournal(&writer);
        const std::int64_t journalStart = writer.journalBytes();
        constexpr int kFlags = 100;
        for (int i = 0; i < kFlags; ++i) {
            core::ReviewEntry e;
            e.frame = i * 10;
            e.trackId = 1 + i % 5;
            e.keypoint = i % 17;
            e.comment = "off the paw";
            auto *flag = new FlagError(&doc, 0, e);
            QVERIFY(pushReviewCommand(&doc, flag).isEmpty());
            const auto *pushed = dynamic_cast<const ReviewEdit *>(doc.undoStack()->command(doc.undoStack()->index() - 1));
            QVERIFY(pushed);
            QCOMPARE(pushed->delta().storedItems(), std::size_t(1));
            QCOMPARE(pushed->delta().storedSnapshotInstances(), std::size_t(0));
        }
        QCOMPARE(int(doc.currentClip()->review.entries.size()), kFlags);
        // Return to the labeller: the round's state changes, its snapshot is not copied.
        QVERIFY(pushReviewCommand(&doc, new RoundStep(&doc, 0, RoundAction::ReturnToLabeller)).isEmpty());
        const auto *ret = dynamic_cast<const ReviewEdit *>(doc.undoStack()->command(doc.undoStack()->index() - 1));
        QCOMPARE(ret->delta().storedSnapshotInstances(), std::size_t(0));
        QCOMPARE(ret->delta().storedItems(), std::size_t(2));
        writer.flush();
        const double perFlag = double(writer.journalBytes() - journalStart) / (kFlags + 1);
        qInfo("journal bytes per review command on a 1,000-frame, 5-animal clip: %.0f", perFlag);
        QVERIFY(perFlag < 2000); // a full copy of the review is megabytes
        // Undo all: the review is back as it was, exactly.
        const core::ClipReview after = doc.currentClip()->review;
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QVERIFY(doc.currentClip()->review == reviewedProject(1000, 5).clips[0].review);
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QVERIFY(doc.currentClip()->review == after);
    }

    void reviewerIsReadOnly()
    {
        Document doc;
        QSignalSpy spy(&doc, &Document::roleChanged);
        QVERIFY(!doc.isReadOnly());
        doc.setRole(Role::Reviewer);
        QVERIFY(doc.isReadOnly());
        QCOMPARE(spy.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
