// SPDX-License-Identifier: Apache-2.0
// Frame view and timeline behaviour on a generated frame folder: coordinates, sequential placement keys,
// marker size, timeline rows and seeking.
#include "../testutil.h"
#include "uitestutil.h"

#include "ui/commands/animalcommands.h"
#include "ui/commands/keypointcommands.h"
#include "ui/document/document.h"
#include "ui/views/frameprovider.h"
#include "ui/views/frameview.h"
#include "ui/views/timeline.h"

#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace paddock;
using namespace paddock::ui;

/** FrameView and Timeline without the main window. */
class TestViews : public QObject
{
    Q_OBJECT

    Document mDoc;
    FrameProvider mFrames;
    QString mFolder;

private Q_SLOTS:
    void initTestCase()
    {
        mFolder = QString::fromStdString(test::tempDir()) + QStringLiteral("/views");
        QDir().mkpath(mFolder);
        for (int f = 0; f < 5; ++f) {
            QImage img(320, 240, QImage::Format_RGB32);
            img.fill(QColor(10 * f, 100, 200));
            QVERIFY(img.save(QStringLiteral("%1/%2.png").arg(mFolder).arg(f)));
        }
        QString err;
        QVERIFY2(mFrames.open(mFolder, &err), qPrintable(err));
        QCOMPARE(mFrames.info().frameCount, 5);
        core::Project p = test::smallProject(5);
        p.clips.front().path = mFolder.toStdString();
        mDoc.resetProject(p);
    }

    void frameArrivesAndCoordinatesRoundTrip()
    {
        FrameView view(&mDoc, &mFrames);
        view.resize(640, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        mFrames.request(0);
        QTRY_COMPARE(view.shownFrame(), 0);
        // Fitted: the 320x240 image fills the 640x480 view at zoom 2.
        QCOMPARE(view.zoom(), 2.0);
        const QPointF img(12.25, 99.5);
        QCOMPARE(view.widgetToImage(view.imageToWidget(img)), img);
        view.zoomBy(2.0, view.imageToWidget(img));
        QCOMPARE(view.zoom(), 4.0);
        QVERIFY((view.imageToWidget(img) - view.imageToWidget(img)).manhattanLength() < 1e-9);
        QCOMPARE(view.widgetToImage(view.imageToWidget(img)), img);
        // The image point under the zoom anchor stays where it was.
        view.fitToWindow();
        const QPointF anchor(100, 100);
        const QPointF before = view.widgetToImage(anchor);
        view.zoomBy(1.25, anchor);
        QVERIFY((view.widgetToImage(anchor) - before).manhattanLength() < 1e-9);
        // Stepping frames keeps the zoom.
        mDoc.setCurrentFrame(3);
        QTRY_COMPARE(view.shownFrame(), 3);
        QCOMPARE(view.zoom(), 2.5);
        mDoc.setCurrentFrame(0);
    }

    void markerSizeIsClamped()
    {
        FrameView view(&mDoc, &mFrames);
        view.setMarkerSize(100);
        QCOMPARE(view.markerSize(), 30.0);
        view.setMarkerSize(0.1);
        QCOMPARE(view.markerSize(), 1.5);
    }

    void keysDriveSequentialPlacement()
    {
        FrameView view(&mDoc, &mFrames);
        QCOMPARE(view.placementTarget(), 0);
        view.skipKeypoint();
        QCOMPARE(view.placementTarget(), 1);
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 0, 1, 1, QPointF(5, 5)));
        mDoc.setCurrentKeypoint(1);
        view.toggleOccluded();
        QCOMPARE(mDoc.instance(0, 0, 1)->keypoints[1].visibility, core::Visibility::Occluded);
        view.toggleOccluded();
        QCOMPARE(mDoc.instance(0, 0, 1)->keypoints[1].visibility, core::Visibility::Visible);
        mDoc.setCurrentKeypoint(1);
        view.clearSelectedKeypoint();
        QVERIFY(!mDoc.instance(0, 0, 1));
        // Reviewers cannot place points.
        mDoc.setRole(Role::Reviewer);
        mDoc.setCurrentKeypoint(1);
        view.clearSelectedKeypoint();
        view.toggleOccluded();
        QVERIFY(!mDoc.instance(0, 0, 1));
        mDoc.setRole(Role::Labeller);
        while (mDoc.undoStack()->canUndo())
            mDoc.undoStack()->undo();
    }

    void timelineRowsAndSeeking()
    {
        Timeline timeline(&mDoc);
        timeline.resize(600, 300);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        const int collapsed = timeline.minimumSizeHint().height();
        timeline.setExpanded(1, true);
        QVERIFY(timeline.isExpanded(1));
        QVERIFY(timeline.minimumSizeHint().height() >= collapsed + 17 * 8); // one row per keypoint
        timeline.setExpanded(1, false);
        QCOMPARE(timeline.minimumSizeHint().height(), collapsed);
        QCOMPARE(timeline.frameAt(timeline.xForFrame(3)), 3);
        QCOMPARE(timeline.frameAt(5), -1); // the header column is not a frame
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, QPoint(timeline.xForFrame(4), 10));
        QCOMPARE(mDoc.currentFrame(), 4);
        // Adding an animal adds a row (the widget grows).
        mDoc.undoStack()->push(new AddAnimal(&mDoc, 0, 21));
        QVERIFY(timeline.minimumSizeHint().height() > collapsed);
        mDoc.undoStack()->undo();
        mDoc.setCurrentFrame(0);
    }
};

QTEST_MAIN(TestViews)
#include "tst_views.moc"
