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

    // Issue 13.1: a click next to another animal's point places the named keypoint on the named animal;
    // only a drag moves a point, and neither changes what comes next.
    void clickNearAPointPlacesTheNamedKeypoint()
    {
        FrameView view(&mDoc, &mFrames);
        view.resize(640, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.shownFrame(), 0);
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 0, 2, 13, QPointF(100, 100))); // sheep's back paw
        mDoc.setCurrentTrack(1);
        mDoc.setCurrentKeypoint(-1);
        QCOMPARE(view.placementTarget(), 0);
        // 3 image px = 6 screen px from the sheep's paw: within the point's hit radius.
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.imageToWidget(QPointF(103, 100)).toPoint());
        const core::Instance *dog = mDoc.instance(0, 0, 1);
        QVERIFY(dog);
        QCOMPARE(dog->keypoints[0].source, core::Source::Manual);
        QVERIFY(std::abs(dog->keypoints[0].x - 103) < 0.6);
        QCOMPARE(mDoc.instance(0, 0, 2)->keypoints[13].x, 100.0); // the sheep's point did not move
        QCOMPARE(mDoc.currentTrack(), 1);
        QCOMPARE(view.placementTarget(), 1);
        QVERIFY(view.placementHint().contains(QStringLiteral("right_eye")));

        // Dragging the sheep's point moves it; the dog stays selected and right_eye stays next.
        const QPoint from = view.imageToWidget(QPointF(100, 100)).toPoint();
        QTest::mousePress(&view, Qt::LeftButton, {}, from);
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(&view, from + QPoint(4 * i, 0));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, from + QPoint(20, 0));
        QVERIFY(std::abs(mDoc.instance(0, 0, 2)->keypoints[13].x - 110) < 0.6);
        QCOMPARE(mDoc.currentTrack(), 1);
        QCOMPARE(view.placementTarget(), 1);
        QVERIFY(view.placementHint().contains(QStringLiteral("right_eye")));

        // Issue 13.10: O right after a click acts on the point just placed (not on the next, unplaced one).
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.imageToWidget(QPointF(50, 50)).toPoint());
        QVERIFY(mDoc.instance(0, 0, 1)->keypoints[1].isLabelled());
        view.toggleOccluded();
        QCOMPARE(mDoc.instance(0, 0, 1)->keypoints[1].visibility, core::Visibility::Occluded);
        QCOMPARE(view.placementTarget(), 2);
        while (mDoc.undoStack()->canUndo())
            mDoc.undoStack()->undo();
    }

    // Issue 13.10: a fitted view refits when the window grows (maximising) and when a clip of another size opens.
    void viewRefitsAfterResizeAndNewClip()
    {
        FrameView view(&mDoc, &mFrames);
        view.resize(640, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.shownFrame(), 0);
        QCOMPARE(view.zoom(), 2.0);
        view.resize(1280, 960);
        QTRY_COMPARE(view.zoom(), 4.0);
        QVERIFY(view.isFitted());
        view.zoomBy(1.25);
        view.resize(640, 480);
        QCOMPARE(view.zoom(), 5.0); // zoomed by hand: kept

        // Another clip (200x400 frames) in the same view and provider.
        const QString other = QString::fromStdString(test::tempDir()) + QStringLiteral("/tall");
        QDir().mkpath(other);
        for (int f = 0; f < 3; ++f) {
            QImage img(200, 400, QImage::Format_RGB32);
            img.fill(QColor(200, 50, 10 * f));
            QVERIFY(img.save(QStringLiteral("%1/%2.png").arg(other).arg(f)));
        }
        core::Project p = test::smallProject(3);
        p.clips.front().path = other.toStdString();
        FrameProvider frames;
        FrameView view2(&mDoc, &frames);
        view2.resize(640, 480);
        view2.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view2));
        QString err;
        QVERIFY2(frames.open(mFolder, &err), qPrintable(err));
        frames.request(0);
        QTRY_COMPARE(view2.imageSize(), QSize(320, 240));
        mDoc.resetProject(p); // as MainWindow::openClip: the project first, then the frames
        QVERIFY2(frames.open(other, &err), qPrintable(err));
        mDoc.setClipInfo(0, 3, 200, 400, 25.0);
        frames.request(0);
        QTRY_COMPARE(view2.imageSize(), QSize(200, 400));
        QCOMPARE(view2.zoom(), 1.2); // min(640 / 200, 480 / 400)
        core::Project back = test::smallProject(5);
        back.clips.front().path = mFolder.toStdString();
        mDoc.resetProject(back);
    }

    // Issue 13.8 and "Also": colour by animal keeps left and right apart; labels and the skeleton hide.
    void colourByAnimalAndHiding()
    {
        FrameView view(&mDoc, &mFrames);
        view.resize(640, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.shownFrame(), 0);
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 0, 1, 0, QPointF(60, 60)));  // dog left_eye
        mDoc.undoStack()->push(new PlaceKeypoint(&mDoc, 0, 0, 2, 0, QPointF(200, 60))); // sheep left_eye
        const core::Category *cat = mDoc.categoryOfTrack(0, 1);
        // The marker's centre pixel, with its animal selected (others are drawn translucent).
        auto centre = [&](int track, double x, double y) {
            mDoc.setCurrentTrack(track);
            return view.grab().toImage().pixelColor(view.imageToWidget(QPointF(x, y)).toPoint());
        };
        // By side (default): both animals' left eyes look the same.
        QCOMPARE(view.keypointColour(1, cat, 0), view.keypointColour(2, cat, 0));
        QCOMPARE(centre(1, 60, 60), centre(2, 200, 60));
        view.setColourByAnimal(true);
        QVERIFY(view.keypointColour(1, cat, 0) != view.keypointColour(2, cat, 0));
        QVERIFY(view.keypointColour(1, cat, 0) != view.keypointColour(1, cat, 1)); // left vs right
        QVERIFY(view.keypointColour(1, cat, 1) != view.keypointColour(2, cat, 1));
        QCOMPARE(centre(1, 60, 60).rgb(), view.keypointColour(1, cat, 0).rgb());
        QCOMPARE(centre(2, 200, 60).rgb(), view.keypointColour(2, cat, 0).rgb());
        view.setLabelsVisible(false);
        QCOMPARE(centre(2, 200, 60).rgb(), QColor(0, 100, 200).rgb()); // the frame, no marker
        mDoc.setCurrentTrack(1);
        view.setLabelsVisible(true);
        view.setColourByAnimal(false);
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
