// SPDX-License-Identifier: Apache-2.0
#include "ui/commands/keypointcommands.h"
#include "ui/document/document.h"
#include "uitestutil.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

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
