// SPDX-License-Identifier: Apache-2.0
#include "ui/views/frameview.h"

#include "ui/commands/keypointcommands.h"
#include "ui/document/document.h"
#include "ui/views/colours.h"
#include "ui/views/frameprovider.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QUndoStack>
#include <QWheelEvent>

#include <cmath>

namespace paddock::ui {

namespace {
bool isTrackerPoint(core::Source s)
{
    return s == core::Source::Propagated || s == core::Source::Refined || s == core::Source::Interpolated;
}

QString sourceText(core::Source s)
{
    switch (s) {
    case core::Source::Manual:
        return FrameView::tr("manual");
    case core::Source::Propagated:
        return FrameView::tr("propagated");
    case core::Source::Refined:
        return FrameView::tr("refined");
    case core::Source::Interpolated:
        return FrameView::tr("interpolated");
    case core::Source::Imported:
        return FrameView::tr("imported");
    case core::Source::Approved:
        return FrameView::tr("approved");
    case core::Source::None:
        break;
    }
    return QString();
}
} // namespace

FrameView::FrameView(Document *document, FrameProvider *frames, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mFrames(frames)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
    setAccessibleName(tr("Frame view"));
    connect(document, &Document::changed, this, &FrameView::documentChanged);
    connect(document, &Document::currentFrameChanged, this, &FrameView::frameChanged);
    connect(document, &Document::currentClipChanged, this, [this] {
        mFitPending = true;
        mImage = QImage();
        mImageFrame = -1;
        frameChanged();
    });
    connect(document, &Document::currentTrackChanged, this, [this] { update(); emitHint(); });
    connect(document, &Document::currentKeypointChanged, this, [this] { update(); emitHint(); });
    connect(frames, &FrameProvider::frameReady, this, &FrameView::frameReady);
    // After undo/redo (or an edit from elsewhere) sequential placement restarts at the first gap.
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (!mPushing)
            mDocument->setCurrentKeypoint(-1);
    });
    frameChanged(); // show the current frame if it is already decoded
}

void FrameView::push(QUndoCommand *command)
{
    mPushing = true;
    mDocument->undoStack()->push(command);
    mPushing = false;
}

void FrameView::setMarkerSize(double radius)
{
    mMarkerSize = std::clamp(radius, 1.5, 30.0);
    update();
}

void FrameView::setLowScoreThreshold(double score)
{
    mLowScore = score;
    update();
}

QPointF FrameView::imageToWidget(QPointF p) const
{
    return (p - mOrigin) * mScale;
}

QPointF FrameView::widgetToImage(QPointF p) const
{
    return p / mScale + mOrigin;
}

void FrameView::zoomBy(double factor, QPointF anchor)
{
    const QPointF fixed = widgetToImage(anchor);
    mScale = std::clamp(mScale * factor, 0.02, 64.0);
    mOrigin = fixed - anchor / mScale;
    mFitPending = false;
    mFitted = false;
    update();
    Q_EMIT zoomChanged(mScale);
}

void FrameView::fitToWindow()
{
    const QSize img = !mImage.isNull() ? mImage.size()
                                       : QSize(mFrames->info().width, mFrames->info().height);
    if (img.isEmpty() || width() <= 0 || height() <= 0)
        return;
    mScale = std::min(width() / double(img.width()), height() / double(img.height()));
    mOrigin = QPointF((img.width() - width() / mScale) / 2.0, (img.height() - height() / mScale) / 2.0);
    mFitPending = false;
    mFitted = true;
    update();
    Q_EMIT zoomChanged(mScale);
}

void FrameView::resizeEvent(QResizeEvent *)
{
    // A fitted view stays fitted (maximising, docks opening); a zoomed or panned one keeps its scale.
    if (mFitPending || mFitted)
        fitToWindow();
}

void FrameView::documentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::ProjectReset) {
        mFitPending = true;
        mImage = QImage();
        mImageFrame = -1;
        frameChanged();
        return;
    }
    if (event.type == ChangeEvent::Type::ClipChanged && event.clip == mDocument->currentClipIndex()) {
        // The clip's frames were (re)attached, maybe at another size: fit the new frames when they come.
        mFitPending = true;
        frameChanged();
        return;
    }
    if (event.clip == mDocument->currentClipIndex() && event.touchesFrame(mDocument->currentFrame())) {
        update();
        emitHint();
    }
}

void FrameView::frameChanged()
{
    const int frame = mDocument->currentFrame();
    const QImage img = mFrames->cached(frame);
    if (!img.isNull())
        setImage(img, frame);
    mFrames->request(frame); // also drives read-ahead
    update();
    emitHint();
}

void FrameView::frameReady(int index)
{
    if (index != mDocument->currentFrame())
        return;
    // Compared by image, not frame number: after opening another clip frame 0 is a new image.
    const QImage img = mFrames->cached(index);
    if (mImageFrame != index || (!img.isNull() && img.cacheKey() != mImage.cacheKey()))
        setImage(img, index);
}

void FrameView::setImage(const QImage &image, int frame)
{
    if (image.isNull())
        return;
    const bool sizeChanged = image.size() != mImage.size();
    mImage = image;
    mImageFrame = frame;
    if (mFitPending || sizeChanged)
        fitToWindow();
    update();
}

int FrameView::selectedKeypoint() const
{
    return mDocument->currentKeypoint();
}

int FrameView::placementTarget() const
{
    const int frame = mDocument->currentFrame();
    const int track = mDocument->currentTrack();
    if (!mDocument->categoryOfTrack(mDocument->currentClipIndex(), track))
        return -1;
    // An explicitly chosen keypoint (keypoint list, review entry) is placed next, labelled or not; otherwise
    // the first gap.
    const int cur = mDocument->currentKeypoint();
    if (cur >= 0 && cur < mDocument->categoryOfTrack(mDocument->currentClipIndex(), track)->keypointCount())
        return cur;
    return mDocument->nextUnlabelledKeypoint(frame, track, cur);
}

QString FrameView::placementHint() const
{
    const int clip = mDocument->currentClipIndex();
    const int track = mDocument->currentTrack();
    const core::Category *cat = mDocument->categoryOfTrack(clip, track);
    if (!mDocument->currentClip())
        return tr("Open a video or frame folder to start");
    if (!cat)
        return tr("Add an animal to start labelling");
    const core::Track *t = mDocument->currentClip()->track(track);
    const QString animal = tr("%1 #%2")
                               .arg(t && !t->name.empty() ? QString::fromStdString(t->name)
                                                          : QString::fromStdString(cat->name))
                               .arg(track);
    const int k = placementTarget();
    if (k < 0)
        return tr("%1: all %2 keypoints labelled").arg(animal).arg(cat->keypointCount());
    const core::Instance *inst = mDocument->instance(clip, mDocument->currentFrame(), track);
    if (inst && k < int(inst->keypoints.size()) && inst->keypoints[std::size_t(k)].isLabelled())
        return tr("%1: click to place %2 again (%3/%4)")
            .arg(animal, QString::fromStdString(cat->keypoints[std::size_t(k)]))
            .arg(k + 1)
            .arg(cat->keypointCount());
    return tr("%1: click to place %2 (%3/%4)")
        .arg(animal, QString::fromStdString(cat->keypoints[std::size_t(k)]))
        .arg(k + 1)
        .arg(cat->keypointCount());
}

void FrameView::emitHint()
{
    const QString hint = placementHint();
    if (hint != mLastHint) {
        mLastHint = hint;
        Q_EMIT hintChanged(hint);
    }
}

FrameView::Hit FrameView::hitTest(QPointF widgetPos) const
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return {};
    auto it = clip->frames.find(mDocument->currentFrame());
    if (it == clip->frames.end())
        return {};
    Hit best;
    double bestDist = std::max(mMarkerSize + 4.0, 8.0);
    for (const core::Instance &inst : it->second) {
        for (int k = 0; k < int(inst.keypoints.size()); ++k) {
            const core::Keypoint &kp = inst.keypoints[std::size_t(k)];
            if (!kp.isLabelled())
                continue;
            const QPointF d = imageToWidget(QPointF(kp.x, kp.y)) - widgetPos;
            double dist = std::hypot(d.x(), d.y());
            if (inst.trackId == mDocument->currentTrack())
                dist -= 0.5; // prefer the selected animal on ties
            if (dist < bestDist) {
                bestDist = dist;
                best = Hit{inst.trackId, k};
            }
        }
    }
    return best;
}

void FrameView::placeAt(QPointF imagePos, bool occluded)
{
    if (mDocument->isReadOnly())
        return;
    const int k = placementTarget();
    if (k < 0)
        return;
    mLastTouched = Hit{mDocument->currentTrack(), k};
    mLastTouchedFrame = mDocument->currentFrame();
    const int clip = mDocument->currentClipIndex();
    const int frame = mDocument->currentFrame();
    const int track = mDocument->currentTrack();
    if (occluded)
        push(
            new SetKeypointVisibility(mDocument, clip, frame, track, k, core::Visibility::Occluded, imagePos));
    else
        push(new PlaceKeypoint(mDocument, clip, frame, track, k, imagePos));
    mDocument->setCurrentKeypoint(mDocument->nextUnlabelledKeypoint(frame, track, k));
}

void FrameView::mousePressEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ControlModifier))) {
        mPanning = true;
        mPanLast = pos;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    const Hit hit = hitTest(pos);
    if (hit.valid()) {
        // Press on an existing point: a drag moves it; a click (released in place) still places the named
        // keypoint there (see mouseReleaseEvent). Neither changes the animal or keypoint that comes next.
        const core::Instance *inst = mDocument->instance(mDocument->currentClipIndex(), mDocument->currentFrame(),
                                                         hit.trackId);
        const core::Keypoint &kp = inst->keypoints[std::size_t(hit.keypoint)];
        mDrag = hit;
        mDragGrab = QPointF(kp.x, kp.y) - widgetToImage(pos);
        mPressPos = pos;
        mPressImagePos = widgetToImage(pos);
        mDragMoved = false;
        return;
    }
    placeAt(widgetToImage(pos), false);
}

void FrameView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (mPanning) {
        mOrigin -= (pos - mPanLast) / mScale;
        mPanLast = pos;
        mFitPending = false;
        mFitted = false;
        update();
        return;
    }
    if (mDrag.valid() && (event->buttons() & Qt::LeftButton) && !mDocument->isReadOnly()) {
        if (!mDragMoved && (pos - mPressPos).manhattanLength() < QApplication::startDragDistance() / 2 + 2)
            return;
        mDragMoved = true;
        push(new MoveKeypoint(mDocument, mDocument->currentClipIndex(),
                                                      mDocument->currentFrame(), mDrag.trackId, mDrag.keypoint,
                                                      widgetToImage(pos) + mDragGrab, false));
        return;
    }
    const Hit hit = hitTest(pos);
    if (hit.trackId != mHover.trackId || hit.keypoint != mHover.keypoint) {
        mHover = hit;
        setCursor(hit.valid() ? Qt::PointingHandCursor : Qt::CrossCursor);
        update();
    }
}

void FrameView::mouseReleaseEvent(QMouseEvent *event)
{
    if (mPanning) {
        mPanning = false;
        unsetCursor();
        return;
    }
    if (mDrag.valid() && mDragMoved && !mDocument->isReadOnly()) {
        push(new MoveKeypoint(mDocument, mDocument->currentClipIndex(),
                                                      mDocument->currentFrame(), mDrag.trackId, mDrag.keypoint,
                                                      widgetToImage(event->position()) + mDragGrab, true));
        mLastTouched = mDrag;
        mLastTouchedFrame = mDocument->currentFrame();
    } else if (mDrag.valid() && !mDragMoved && event->button() == Qt::LeftButton) {
        if (!mDocument->isReadOnly() && placementTarget() >= 0) {
            placeAt(mPressImagePos, false);
        } else {
            // Nothing to place (all labelled, or reviewer mode): the click selects the point, and the banner
            // says so.
            mDocument->setCurrentTrack(mDrag.trackId);
            mDocument->setCurrentKeypoint(mDrag.keypoint);
        }
    }
    mDrag = Hit();
    mDragMoved = false;
}

void FrameView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0.0)
        zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void FrameView::leaveEvent(QEvent *)
{
    mHover = Hit();
    update();
}

void FrameView::contextMenuEvent(QContextMenuEvent *event)
{
    if (mDocument->isReadOnly())
        return;
    const Hit hit = hitTest(event->pos());
    const int clip = mDocument->currentClipIndex();
    const int frame = mDocument->currentFrame();
    QMenu menu(this);
    if (hit.valid()) {
        auto set = [this, clip, frame, hit](core::Visibility v) {
            push(new SetKeypointVisibility(mDocument, clip, frame, hit.trackId, hit.keypoint, v));
        };
        menu.addAction(tr("Mark Visible"), this, [set] { set(core::Visibility::Visible); });
        menu.addAction(tr("Mark Occluded"), this, [set] { set(core::Visibility::Occluded); });
        menu.addAction(tr("Clear Keypoint"), this, [set] { set(core::Visibility::Unlabelled); });
    } else if (placementTarget() >= 0) {
        const QPointF at = widgetToImage(event->pos());
        menu.addAction(tr("Place Here as Occluded"), this, [this, at] { placeAt(at, true); });
        menu.addAction(tr("Skip This Keypoint"), this, [this] { skipKeypoint(); });
    }
    if (!menu.isEmpty())
        menu.exec(event->globalPos());
}

int FrameView::editTarget(int *trackId) const
{
    const int clip = mDocument->currentClipIndex();
    const int frame = mDocument->currentFrame();
    auto labelled = [&](int track, int k) {
        const core::Instance *inst = mDocument->instance(clip, frame, track);
        return inst && k >= 0 && k < int(inst->keypoints.size()) && inst->keypoints[std::size_t(k)].isLabelled();
    };
    if (labelled(mDocument->currentTrack(), selectedKeypoint())) {
        *trackId = mDocument->currentTrack();
        return selectedKeypoint();
    }
    if (mLastTouchedFrame == frame && labelled(mLastTouched.trackId, mLastTouched.keypoint)) {
        *trackId = mLastTouched.trackId;
        return mLastTouched.keypoint;
    }
    *trackId = mDocument->currentTrack();
    return -1;
}

void FrameView::toggleOccluded()
{
    const int clip = mDocument->currentClipIndex();
    const int frame = mDocument->currentFrame();
    int track = 0;
    const int k = editTarget(&track);
    const core::Instance *inst = mDocument->instance(clip, frame, track);
    if (mDocument->isReadOnly() || k < 0 || !inst || k >= int(inst->keypoints.size())
        || !inst->keypoints[std::size_t(k)].isLabelled())
        return;
    const bool occluded = inst->keypoints[std::size_t(k)].visibility == core::Visibility::Occluded;
    push(new SetKeypointVisibility(
        mDocument, clip, frame, track, k, occluded ? core::Visibility::Visible : core::Visibility::Occluded));
}

void FrameView::clearSelectedKeypoint()
{
    int track = 0;
    const int k = editTarget(&track);
    const int clip = mDocument->currentClipIndex();
    const int frame = mDocument->currentFrame();
    const core::Instance *inst = mDocument->instance(clip, frame, track);
    if (mDocument->isReadOnly() || k < 0 || !inst || k >= int(inst->keypoints.size())
        || !inst->keypoints[std::size_t(k)].isLabelled())
        return;
    push(
        new SetKeypointVisibility(mDocument, clip, frame, track, k, core::Visibility::Unlabelled));
}

void FrameView::skipKeypoint()
{
    const int k = placementTarget();
    if (k >= 0)
        mDocument->setCurrentKeypoint(mDocument->nextUnlabelledKeypoint(mDocument->currentFrame(),
                                                                        mDocument->currentTrack(), k));
}

void FrameView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    // The frame scaled to the view is kept until the frame, zoom, pan or size change, so hover and drag
    // repaints only blit it.
    const qreal dpr = devicePixelRatioF();
    const bool stale = mBackdrop.size() != size() * dpr || mBackdropFrame != mImageFrame || mBackdropScale != mScale
        || mBackdropOrigin != mOrigin || mBackdropImage != mImage.cacheKey();
    if (stale) {
        mBackdrop = QImage(size() * dpr, QImage::Format_RGB32);
        mBackdrop.setDevicePixelRatio(dpr);
        QPainter b(&mBackdrop);
        b.fillRect(rect(), palette().color(QPalette::Dark));
        // Shrunk views use the frame the provider scaled in the background; otherwise scale here.
        const double deviceScale = mScale * dpr;
        mFrames->setPrescale(deviceScale < 1.0 ? deviceScale : 0.0);
        QImage pre = deviceScale < 1.0 ? mFrames->prescaled(mImageFrame, deviceScale) : QImage();
        if (!pre.isNull() && !mImage.isNull()) {
            pre.setDevicePixelRatio(dpr);
            b.drawImage(imageToWidget(QPointF(0, 0)), pre);
        } else if (!mImage.isNull()) {
            // Only the visible part is scaled; smooth when shrinking, crisp pixels when zoomed in.
            const QRectF visible = QRectF(widgetToImage(QPointF(0, 0)), widgetToImage(QPointF(width(), height())))
                                       .intersected(QRectF(mImage.rect()));
            if (!visible.isEmpty()) {
                b.setRenderHint(QPainter::SmoothPixmapTransform, mScale < 1.5);
                b.drawImage(QRectF(imageToWidget(visible.topLeft()), imageToWidget(visible.bottomRight())), mImage,
                            visible);
            }
        }
        mBackdropFrame = mImageFrame;
        mBackdropScale = mScale;
        mBackdropOrigin = mOrigin;
        mBackdropImage = mImage.cacheKey();
    }
    p.drawImage(QPointF(0, 0), mBackdrop);
    p.setRenderHint(QPainter::Antialiasing);
    drawAnimals(p);
    if (mOverlay)
        mOverlay(p, *this);
    drawHover(p);
    drawBanner(p);
    if (mImageFrame >= 0)
        Q_EMIT framePainted(mImageFrame);
}

void FrameView::drawAnimals(QPainter &p) const
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return;
    auto it = clip->frames.find(mDocument->currentFrame());
    if (it == clip->frames.end())
        return;
    if (!mLabelsVisible)
        return;
    const double r = mMarkerSize;
    for (const core::Instance &inst : it->second) {
        const core::Category *cat = mDocument->project().category(inst.categoryId);
        const bool selected = inst.trackId == mDocument->currentTrack();
        p.setOpacity(selected ? 1.0 : 0.65);
        auto at = [&](int k) { return imageToWidget(QPointF(inst.keypoints[std::size_t(k)].x, inst.keypoints[std::size_t(k)].y)); };
        auto labelled = [&](int k) { return k >= 0 && k < int(inst.keypoints.size()) && inst.keypoints[std::size_t(k)].isLabelled(); };
        if (cat && mSkeletonVisible) {
            for (const auto &[a, b] : cat->skeleton) {
                if (!labelled(a) || !labelled(b))
                    continue;
                const int sidePoint = sideOf(*cat, a) == Side::Centre ? b : a;
                QPen pen(keypointColour(inst.trackId, cat, sidePoint), std::max(1.5, r * 0.45));
                pen.setCapStyle(Qt::RoundCap);
                const bool occluded = inst.keypoints[std::size_t(a)].visibility == core::Visibility::Occluded
                    || inst.keypoints[std::size_t(b)].visibility == core::Visibility::Occluded;
                if (occluded)
                    pen.setStyle(Qt::DashLine);
                p.setPen(pen);
                p.drawLine(at(a), at(b));
            }
        }
        for (int k = 0; k < int(inst.keypoints.size()); ++k) {
            const core::Keypoint &kp = inst.keypoints[std::size_t(k)];
            if (!kp.isLabelled())
                continue;
            const QPointF c = at(k);
            const QColor sideColour = keypointColour(inst.trackId, cat, k);
            const bool tracker = isTrackerPoint(kp.source);
            if (tracker && kp.score < mLowScore) {
                // Low-score points stand out with a red ring twice the marker size.
                p.setPen(QPen(colours::flagged(), 2.0, Qt::DotLine));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(c, r * 2.2, r * 2.2);
            }
            if (tracker) {
                // Hollow, the ring in score colour, a dot of side colour in the centre.
                p.setPen(QPen(colours::score(kp.score), std::max(2.0, r * 0.5)));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(c, r, r);
                p.setPen(Qt::NoPen);
                p.setBrush(sideColour);
                p.drawEllipse(c, r * 0.3, r * 0.3);
            } else {
                p.setPen(QPen(kp.source == core::Source::Approved ? QColor(0, 170, 160) : QColor(Qt::white), 1.5));
                p.setBrush(sideColour);
                if (kp.source == core::Source::Approved)
                    p.drawRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r));
                else
                    p.drawEllipse(c, r, r);
            }
            if (kp.visibility == core::Visibility::Occluded) {
                p.setPen(QPen(Qt::black, 1.5));
                p.drawLine(c + QPointF(-r, -r), c + QPointF(r, r));
                p.drawLine(c + QPointF(-r, r), c + QPointF(r, -r));
            }
            if (selected && k == mDocument->currentKeypoint()) {
                p.setPen(QPen(Qt::white, 1.5, Qt::DashLine));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(c, r + 4, r + 4);
            }
        }
    }
    p.setOpacity(1.0);
}

QColor FrameView::keypointColour(int trackId, const core::Category *category, int keypoint) const
{
    const Side side = category ? sideOf(*category, keypoint) : Side::Centre;
    if (!mColourByAnimal)
        return colours::side(side);
    return colours::trackSide(trackId, side);
}

void FrameView::setColourByAnimal(bool on)
{
    mColourByAnimal = on;
    update();
}

void FrameView::setLabelsVisible(bool on)
{
    mLabelsVisible = on;
    update();
}

void FrameView::setSkeletonVisible(bool on)
{
    mSkeletonVisible = on;
    update();
}

void FrameView::drawHover(QPainter &p) const
{
    if (!mHover.valid() || !mLabelsVisible)
        return;
    const core::Instance *inst = mDocument->instance(mDocument->currentClipIndex(), mDocument->currentFrame(),
                                                     mHover.trackId);
    if (!inst || mHover.keypoint >= int(inst->keypoints.size()))
        return;
    const core::Category *cat = mDocument->project().category(inst->categoryId);
    const core::Keypoint &kp = inst->keypoints[std::size_t(mHover.keypoint)];
    QString name = cat && mHover.keypoint < cat->keypointCount()
        ? QString::fromStdString(cat->keypoints[std::size_t(mHover.keypoint)])
        : QString::number(mHover.keypoint);
    QString text = tr("%1 · #%2 · %3").arg(name).arg(inst->trackId).arg(sourceText(kp.source));
    if (isTrackerPoint(kp.source))
        text += tr(" %1").arg(double(kp.score), 0, 'f', 2);
    if (kp.visibility == core::Visibility::Occluded)
        text += tr(" · occluded");
    const QPointF c = imageToWidget(QPointF(kp.x, kp.y));
    const QFontMetrics fm(font());
    QRectF box(c + QPointF(mMarkerSize + 6, -fm.height() - 4), QSizeF(fm.horizontalAdvance(text) + 10, fm.height() + 6));
    if (box.right() > width()) // keep the label on screen: flip it to the left of the point
        box.moveRight(c.x() - mMarkerSize - 6);
    if (box.top() < 0)
        box.moveTop(c.y() + mMarkerSize + 4);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 190));
    p.drawRoundedRect(box, 4, 4);
    p.setPen(Qt::white);
    p.drawText(box, Qt::AlignCenter, text);
}

void FrameView::drawBanner(QPainter &p) const
{
    const QString hint = placementHint();
    const QFontMetrics fm(font());
    QRectF box(8, 8, fm.horizontalAdvance(hint) + 20, fm.height() + 10);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 170));
    p.drawRoundedRect(box, 5, 5);
    p.setPen(Qt::white);
    p.drawText(box, Qt::AlignCenter, hint);
}

} // namespace paddock::ui
