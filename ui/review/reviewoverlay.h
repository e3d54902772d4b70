// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/review.h"

#include <QObject>
#include <QPointer>

#include <vector>

class QPainter;

namespace paddock::ui {

class Document;
class FrameView;

/**
 * Review marks drawn over the frame view: a ring on each flagged keypoint of the current frame with a line
 * to its suggested position, a list of animal and frame flags, and (when set) the points that moved between
 * two review rounds, drawn at both positions.
 */
class ReviewOverlay : public QObject
{
    Q_OBJECT

public:
    ReviewOverlay(Document *document, QObject *parent = nullptr);
    ~ReviewOverlay() override;

    /** Installs the overlay into \a view (replacing any other overlay there). */
    void attach(FrameView *view);
    void setDiff(std::vector<core::PointChange> changes);
    void clearDiff();
    const std::vector<core::PointChange> &diff() const { return mDiff; }
    void paint(QPainter &painter, const FrameView &view) const;

private:
    void repaint();

    Document *mDocument;
    QPointer<FrameView> mView;
    std::vector<core::PointChange> mDiff;
};

} // namespace paddock::ui
