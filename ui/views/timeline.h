// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QImage>
#include <QSet>
#include <QWidget>

namespace paddock::ui {

class Document;
struct ChangeEvent;

/**
 * The clip's timeline under the frame view: one row per animal (expandable to one row per keypoint),
 * coloured by state (manual, propagated, refined, approved, flagged, low score). Click or drag to seek.
 */
class Timeline : public QWidget
{
    Q_OBJECT

public:
    explicit Timeline(Document *document, QWidget *parent = nullptr);

    void setLowScoreThreshold(double score);
    bool isExpanded(int trackId) const { return mExpanded.contains(trackId); }
    void setExpanded(int trackId, bool expanded);
    /** The frame at widget x, or -1 outside the frame area. */
    int frameAt(int x) const;
    int xForFrame(int frame) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Row
    {
        int trackId = 0;
        int keypoint = -1; ///< -1: the animal's summary row
        int top = 0;
        int height = 0;
    };
    void documentChanged(const ChangeEvent &event);
    void layoutRows();
    void renderRows();
    QRect frameArea() const;

    Document *mDocument;
    QSet<int> mExpanded;
    std::vector<Row> mRows;
    QImage mRowsImage; // the coloured rows, re-rendered on data changes only
    bool mDirty = true;
    double mLowScore = 0.5;
};

} // namespace paddock::ui
