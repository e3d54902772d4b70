// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QImage>
#include <QPointF>
#include <QWidget>

#include <functional>

class QPainter;
class QUndoCommand;

namespace paddock::core {
struct Category;
}

namespace paddock::ui {

class Document;
class FrameProvider;
struct ChangeEvent;

/**
 * The labelling canvas: the current frame with every animal's skeleton. Zoom (wheel) and pan (middle or
 * Ctrl+drag) stay put while stepping frames; a fitted view stays fitted when the window is resized.
 * Sequential placement: a left click places the keypoint the banner names, on the animal it names, even
 * next to an existing point; only a drag moves an existing point (of any animal) and a drag changes neither
 * the animal nor the keypoint that comes next. Right-click marks a point occluded or clears it.
 */
class FrameView : public QWidget
{
    Q_OBJECT

public:
    FrameView(Document *document, FrameProvider *frames, QWidget *parent = nullptr);

    /** Marker radius in screen pixels. */
    double markerSize() const { return mMarkerSize; }
    void setMarkerSize(double radius);
    void setLowScoreThreshold(double score);
    double lowScoreThreshold() const { return mLowScore; }

    double zoom() const { return mScale; }
    /** Zooms by \a factor keeping the image point under \a anchor (widget coordinates) fixed. */
    void zoomBy(double factor, QPointF anchor);
    void zoomBy(double factor) { zoomBy(factor, QPointF(width() / 2.0, height() / 2.0)); }
    void fitToWindow();
    /** True while the view shows the whole frame (it then refits when resized). */
    bool isFitted() const { return mFitted; }
    /** Size of the frame image on screen (empty before the first one). */
    QSize imageSize() const { return mImage.size(); }
    QPointF imageToWidget(QPointF p) const;
    QPointF widgetToImage(QPointF p) const;

    /** The keypoint the next click places for the selected animal, -1 when none. */
    int placementTarget() const;
    /** One line telling the user what a click does now (next keypoint name, or why nothing). */
    QString placementHint() const;
    /** The frame whose image is on screen (-1 before the first one). */
    int shownFrame() const { return mImageFrame; }

    /** Extra drawing over the animals (e.g. review flags and the round diff); map points with imageToWidget. */
    using Overlay = std::function<void(QPainter &painter, const FrameView &view)>;
    void setOverlay(Overlay overlay)
    {
        mOverlay = std::move(overlay);
        update();
    }

    /** Colours each animal's skeleton in its own colour (left lighter, right darker) instead of by side. */
    void setColourByAnimal(bool on);
    bool colourByAnimal() const { return mColourByAnimal; }
    /** Hides every animal's points and bones (to see the image), or only the bones. */
    void setLabelsVisible(bool on);
    bool labelsVisible() const { return mLabelsVisible; }
    void setSkeletonVisible(bool on);
    bool skeletonVisible() const { return mSkeletonVisible; }
    /** The colour a keypoint of \a trackId is drawn in (side colour, or the animal's shade of it). */
    QColor keypointColour(int trackId, const core::Category *category, int keypoint) const;

    /**
     * The keypoint O and Delete act on: the selected keypoint when it is labelled, otherwise the point
     * placed or dragged last on this frame (so O right after a click marks that point). Sets *trackId.
     */
    int editTarget(int *trackId) const;

    // Keyboard actions on the selected keypoint (or the placement target).
    void toggleOccluded();
    void clearSelectedKeypoint();
    void skipKeypoint();

Q_SIGNALS:
    /** A frame's image was painted (used by the benchmark). */
    void framePainted(int frame);
    void hintChanged(const QString &hint);
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Hit
    {
        int trackId = 0;
        int keypoint = -1;
        bool valid() const { return keypoint >= 0; }
    };

    void documentChanged(const ChangeEvent &event);
    void frameChanged();
    void frameReady(int index);
    void setImage(const QImage &image, int frame);
    Hit hitTest(QPointF widgetPos) const;
    int selectedKeypoint() const;
    void placeAt(QPointF imagePos, bool occluded);
    void drawAnimals(class QPainter &p) const;
    void drawBanner(class QPainter &p) const;
    void drawHover(class QPainter &p) const;
    void emitHint();
    void push(QUndoCommand *command);

    Document *mDocument;
    FrameProvider *mFrames;
    QImage mImage;
    int mImageFrame = -1;
    bool mFitPending = true;
    double mScale = 1.0;
    QPointF mOrigin; // image point shown at widget (0, 0)
    double mMarkerSize = 5.0;
    double mLowScore = 0.5;

    Hit mHover;
    Hit mDrag;
    QPointF mPressImagePos; // where a press on an existing point happened (a click there places)
    Hit mLastTouched;       // the point placed or dragged last
    int mLastTouchedFrame = -1;
    bool mFitted = false;
    bool mColourByAnimal = false;
    bool mLabelsVisible = true;
    bool mSkeletonVisible = true;
    QPointF mDragGrab;   // image offset between the point and the mouse at press
    QPointF mPressPos;
    bool mDragMoved = false;
    bool mPanning = false;
    QPointF mPanLast;
    QString mLastHint;
    bool mPushing = false;
    QImage mBackdrop; // the frame as scaled for the view
    int mBackdropFrame = -2;
    double mBackdropScale = 0.0;
    QPointF mBackdropOrigin;
    qint64 mBackdropImage = 0;
    Overlay mOverlay;
};

} // namespace paddock::ui
