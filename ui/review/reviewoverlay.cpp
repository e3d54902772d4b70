// SPDX-License-Identifier: Apache-2.0
#include "ui/review/reviewoverlay.h"

#include "ui/document/document.h"
#include "ui/review/errorlistmodel.h"
#include "ui/views/colours.h"
#include "ui/views/frameview.h"

#include <QFontMetrics>
#include <QPainter>

namespace paddock::ui {

ReviewOverlay::ReviewOverlay(Document *document, QObject *parent)
    : QObject(parent)
    , mDocument(document)
{
}

ReviewOverlay::~ReviewOverlay()
{
    if (mView)
        mView->setOverlay({}); // the view must not call into a deleted overlay
}

void ReviewOverlay::attach(FrameView *view)
{
    mView = view;
    view->setOverlay([this](QPainter &p, const FrameView &v) { paint(p, v); });
}

void ReviewOverlay::setDiff(std::vector<core::PointChange> changes)
{
    mDiff = std::move(changes);
    repaint();
}

void ReviewOverlay::clearDiff()
{
    mDiff.clear();
    repaint();
}

void ReviewOverlay::repaint()
{
    if (mView)
        mView->update();
}

void ReviewOverlay::paint(QPainter &p, const FrameView &view) const
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return;
    const int frame = mDocument->currentFrame();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const double r = view.markerSize();

    // Points that moved between two rounds: the old position hollow grey, a line to the new one.
    for (const core::PointChange &c : mDiff) {
        if (c.frame != frame)
            continue;
        const QPointF before = view.imageToWidget(QPointF(c.before.x, c.before.y));
        const QPointF after = view.imageToWidget(QPointF(c.after.x, c.after.y));
        const QColor colour = colours::track(c.trackId);
        switch (c.kind) {
        case core::PointChange::Kind::Moved:
        case core::PointChange::Kind::VisibilityChanged:
            p.setPen(QPen(QColor(220, 220, 220), 1.5, Qt::DashLine));
            p.drawLine(before, after);
            p.setPen(QPen(QColor(160, 160, 160), 2.0));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(before, r * 1.4, r * 1.4);
            p.setPen(QPen(colour, 2.0));
            p.drawEllipse(after, r * 1.8, r * 1.8);
            break;
        case core::PointChange::Kind::Added:
            p.setPen(QPen(QColor(0, 200, 90), 2.0));
            p.drawLine(after + QPointF(-r * 1.6, 0), after + QPointF(r * 1.6, 0));
            p.drawLine(after + QPointF(0, -r * 1.6), after + QPointF(0, r * 1.6));
            break;
        case core::PointChange::Kind::Removed:
            p.setPen(QPen(QColor(160, 160, 160), 2.0));
            p.drawLine(before + QPointF(-r, -r), before + QPointF(r, r));
            p.drawLine(before + QPointF(-r, r), before + QPointF(r, -r));
            break;
        }
    }

    // Flags on this frame: keypoint flags ringed (with the suggestion), the others listed in a corner.
    QStringList notes;
    for (const core::ReviewEntry &e : clip->review.entries) {
        if (e.frame != frame || !core::isUnresolved(e.state))
            continue;
        const core::Instance *inst = clip->instance(frame, e.trackId);
        const bool onPoint = e.keypoint >= 0 && inst && e.keypoint < int(inst->keypoints.size())
            && inst->keypoints[std::size_t(e.keypoint)].isLabelled();
        const QColor red = colours::flagged();
        if (onPoint) {
            const core::Keypoint &k = inst->keypoints[std::size_t(e.keypoint)];
            const QPointF at = view.imageToWidget(QPointF(k.x, k.y));
            p.setPen(QPen(red, 2.5));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(at, r * 2.6, r * 2.6);
            if (e.suggested) {
                const QPointF s = view.imageToWidget(QPointF(e.suggested->x, e.suggested->y));
                p.setPen(QPen(red, 1.5, Qt::DashLine));
                p.drawLine(at, s);
                p.setPen(QPen(red, 2.5));
                p.drawLine(s + QPointF(-r, -r), s + QPointF(r, r));
                p.drawLine(s + QPointF(-r, r), s + QPointF(r, -r));
            }
        } else if (e.suggested) {
            const QPointF s = view.imageToWidget(QPointF(e.suggested->x, e.suggested->y));
            p.setPen(QPen(red, 2.5));
            p.drawLine(s + QPointF(-r, -r), s + QPointF(r, r));
            p.drawLine(s + QPointF(-r, r), s + QPointF(r, -r));
        }
        if (!onPoint) {
            QString who = e.trackId == 0 ? tr("frame") : tr("animal %1").arg(e.trackId);
            if (e.keypoint >= 0)
                who += QStringLiteral(" #%1").arg(e.keypoint);
            notes << QStringLiteral("⚑ %1: %2").arg(who, ErrorListModel::typeText(e.type));
        }
    }
    if (!notes.isEmpty()) {
        const QFontMetrics fm(p.font());
        const int h = fm.height() + 4;
        int w = 0;
        for (const QString &n : notes)
            w = std::max(w, fm.horizontalAdvance(n));
        const QRect box(view.width() - w - 20, 36, w + 12, h * int(notes.size()) + 6);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 170));
        p.drawRoundedRect(box, 4, 4);
        p.setPen(QColor(255, 120, 110));
        for (int i = 0; i < notes.size(); ++i)
            p.drawText(QPoint(box.left() + 6, box.top() + 3 + h * i + fm.ascent() + 2), notes[i]);
    }
    p.restore();
}

} // namespace paddock::ui
