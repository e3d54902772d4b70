// SPDX-License-Identifier: Apache-2.0
#include "ui/views/timeline.h"

#include "ui/document/document.h"
#include "ui/document/navigation.h"
#include "ui/views/colours.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace paddock::ui {

namespace {
constexpr int kHeaderWidth = 130;
constexpr int kRulerHeight = 16;
constexpr int kAnimalRowHeight = 16;
constexpr int kKeypointRowHeight = 9;

// Higher wins when several frames share a pixel column.
int rank(core::Source s, bool low)
{
    if (low)
        return 6;
    switch (s) {
    case core::Source::Manual:
    case core::Source::Imported:
        return 5;
    case core::Source::Approved:
        return 4;
    case core::Source::Refined:
        return 3;
    case core::Source::Propagated:
    case core::Source::Interpolated:
        return 2;
    case core::Source::None:
        break;
    }
    return 0;
}
} // namespace

Timeline::Timeline(Document *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
{
    setAccessibleName(tr("Timeline"));
    setMouseTracking(false);
    connect(document, &Document::changed, this, &Timeline::documentChanged);
    connect(document, &Document::currentFrameChanged, this, qOverload<>(&Timeline::update));
    connect(document, &Document::currentTrackChanged, this, [this] { mDirty = true; update(); });
    connect(document, &Document::currentClipChanged, this, [this] { layoutRows(); });
    layoutRows();
}

void Timeline::setLowScoreThreshold(double score)
{
    mLowScore = score;
    mDirty = true;
    update();
}

void Timeline::setExpanded(int trackId, bool expanded)
{
    if (expanded)
        mExpanded.insert(trackId);
    else
        mExpanded.remove(trackId);
    layoutRows();
}

QSize Timeline::sizeHint() const
{
    int h = kRulerHeight + 4;
    for (const Row &r : mRows)
        h = std::max(h, r.top + r.height + 2);
    return QSize(600, std::max(h, kRulerHeight + 2 * kAnimalRowHeight + 4));
}

QSize Timeline::minimumSizeHint() const
{
    // The full height of the rows: inside a scroll area this makes expanded rows scroll.
    return QSize(200, sizeHint().height());
}

void Timeline::documentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::InstancesChanged || event.type == ChangeEvent::Type::ClipChanged) {
        mDirty = true;
        update();
    } else {
        layoutRows();
    }
}

void Timeline::layoutRows()
{
    mRows.clear();
    int y = kRulerHeight + 2;
    if (const core::Clip *clip = mDocument->currentClip()) {
        for (const core::Track &t : clip->tracks) {
            mRows.push_back(Row{t.id, -1, y, kAnimalRowHeight});
            y += kAnimalRowHeight + 1;
            if (!mExpanded.contains(t.id))
                continue;
            const core::Category *cat = mDocument->project().category(t.categoryId);
            for (int k = 0; cat && k < cat->keypointCount(); ++k) {
                mRows.push_back(Row{t.id, k, y, kKeypointRowHeight});
                y += kKeypointRowHeight;
            }
            y += 1;
        }
    }
    mDirty = true;
    updateGeometry();
    update();
}

QRect Timeline::frameArea() const
{
    return QRect(kHeaderWidth, 0, std::max(1, width() - kHeaderWidth - 4), height());
}

int Timeline::frameAt(int x) const
{
    const int n = mDocument->frameCount();
    const QRect area = frameArea();
    if (n <= 0 || x < area.left() - 2)
        return -1;
    const int f = int((x - area.left()) * double(n) / area.width());
    return std::clamp(f, 0, n - 1);
}

int Timeline::xForFrame(int frame) const
{
    const int n = std::max(1, mDocument->frameCount());
    const QRect area = frameArea();
    return area.left() + int((frame + 0.5) * area.width() / n);
}

void Timeline::resizeEvent(QResizeEvent *)
{
    mDirty = true;
}

void Timeline::renderRows()
{
    mRowsImage = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    mRowsImage.setDevicePixelRatio(devicePixelRatioF());
    mRowsImage.fill(Qt::transparent);
    mDirty = false;
    const core::Clip *clip = mDocument->currentClip();
    const int n = mDocument->frameCount();
    if (!clip || n <= 0)
        return;
    QPainter p(&mRowsImage);
    const QRect area = frameArea();
    const int columns = area.width();
    // Every pixel column a frame covers gets at least its rank (a frame may be wider than a pixel).
    auto mark = [&](std::vector<int> &best, int frame, int rank) {
        const int c0 = std::clamp(int(frame * double(columns) / n), 0, columns - 1);
        const int c1 = std::clamp(int((frame + 1) * double(columns) / n), c0 + 1, columns);
        for (int c = c0; c < c1; ++c)
            best[std::size_t(c)] = std::max(best[std::size_t(c)], rank);
    };
    for (const Row &row : mRows) {
        const std::set<int> flagged = navigation::flaggedFrames(*clip, row.trackId);
        // Best rank per pixel column, from the frames that have labels (sparse map walk).
        std::vector<int> best(std::size_t(columns), 0);
        for (const auto &[frame, list] : clip->frames) {
            int r = 0;
            for (const core::Instance &inst : list) {
                if (inst.trackId != row.trackId)
                    continue;
                if (row.keypoint >= 0) {
                    if (row.keypoint < int(inst.keypoints.size())) {
                        const core::Keypoint &k = inst.keypoints[std::size_t(row.keypoint)];
                        if (k.isLabelled())
                            r = rank(k.source, navigation::isTrackerSource(k.source) && k.score < mLowScore);
                    }
                } else {
                    for (const core::Keypoint &k : inst.keypoints)
                        if (k.isLabelled())
                            r = std::max(r, rank(k.source, false));
                }
            }
            mark(best, frame, r);
        }
        if (row.keypoint < 0) {
            for (int f : flagged)
                mark(best, f, 7);
        } else {
            // A keypoint row shows the review flags raised on that keypoint (see ui/review).
            for (const core::ReviewEntry &e : clip->review.entries)
                if (core::isUnresolved(e.state) && e.trackId == row.trackId && e.keypoint == row.keypoint)
                    mark(best, e.frame, 7);
        }
        for (int c = 0; c < columns; ++c) {
            const int r = best[std::size_t(c)];
            if (r == 0)
                continue;
            // Draw runs of equal state as one rectangle.
            int span = 1;
            while (c + span < columns && best[std::size_t(c + span)] == r)
                ++span;
            QColor colour;
            switch (r) {
            case 7: colour = colours::flagged(); break;
            case 6: colour = QColor(255, 120, 40); break;
            case 5: colour = colours::source(core::Source::Manual); break;
            case 4: colour = colours::source(core::Source::Approved); break;
            case 3: colour = colours::source(core::Source::Refined); break;
            default: colour = colours::source(core::Source::Propagated); break;
            }
            p.fillRect(QRect(area.left() + c, row.top, span, row.height - 1), colour);
            c += span - 1;
        }
    }
}

void Timeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const core::Clip *clip = mDocument->currentClip();
    const int n = mDocument->frameCount();
    const QRect area = frameArea();

    // Ruler with about one label per 80 pixels.
    p.setPen(pal.color(QPalette::Text));
    if (n > 0) {
        const double perLabel = 80.0 * n / area.width();
        int step = 1;
        for (int s : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 50000})
            if (s >= perLabel) { step = s; break; }
        QFont small = font();
        small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
        p.setFont(small);
        for (int f = 0; f < n; f += step) {
            const int x = xForFrame(f);
            p.drawLine(x, kRulerHeight - 4, x, kRulerHeight);
            p.drawText(x + 2, kRulerHeight - 4, QString::number(f));
        }
        p.setFont(font());
    }
    if (mDirty || mRowsImage.size() != size() * devicePixelRatioF())
        renderRows();
    // Row backgrounds and headers.
    for (const Row &row : mRows) {
        const bool current = row.trackId == mDocument->currentTrack();
        QColor bg = pal.color(QPalette::AlternateBase);
        if (current && row.keypoint < 0)
            bg = pal.color(QPalette::Highlight).lighter(pal.color(QPalette::Base).lightness() > 128 ? 170 : 60);
        p.fillRect(QRect(area.left(), row.top, area.width(), row.height - 1), bg);
        QString label;
        if (row.keypoint < 0) {
            const core::Track *t = clip ? clip->track(row.trackId) : nullptr;
            const core::Category *cat = t ? mDocument->project().category(t->categoryId) : nullptr;
            const QString species = cat ? QString::fromStdString(cat->name) : tr("animal");
            label = QStringLiteral("%1 %2 #%3")
                        .arg(mExpanded.contains(row.trackId) ? QStringLiteral("▾") : QStringLiteral("▸"),
                             t && !t->name.empty() ? QString::fromStdString(t->name) : species)
                        .arg(row.trackId);
            p.fillRect(QRect(2, row.top + 3, 4, row.height - 7), colours::track(row.trackId));
            QFont f = font();
            f.setBold(current);
            p.setFont(f);
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(10, row.top, kHeaderWidth - 12, row.height), Qt::AlignVCenter | Qt::AlignLeft, label);
            p.setFont(font());
        } else {
            const core::Track *t = clip ? clip->track(row.trackId) : nullptr;
            const core::Category *cat = t ? mDocument->project().category(t->categoryId) : nullptr;
            if (cat) {
                QFont f = font();
                f.setPointSizeF(std::max(5.5, f.pointSizeF() * 0.65));
                p.setFont(f);
                p.setPen(colours::side(sideOf(*cat, row.keypoint)));
                p.drawText(QRect(18, row.top, kHeaderWidth - 20, row.height), Qt::AlignVCenter | Qt::AlignLeft,
                           QString::fromStdString(cat->keypoints[std::size_t(row.keypoint)]));
                p.setFont(font());
            }
        }
    }
    p.drawImage(QPoint(0, 0), mRowsImage);
    // The current frame.
    if (n > 0) {
        const int x = xForFrame(mDocument->currentFrame());
        p.setPen(QPen(pal.color(QPalette::Highlight), 2));
        p.drawLine(x, 0, x, height());
    }
}

void Timeline::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (pos.x() < kHeaderWidth) {
        for (const Row &row : mRows) {
            if (pos.y() >= row.top && pos.y() < row.top + row.height && row.keypoint < 0) {
                mDocument->setCurrentTrack(row.trackId);
                if (pos.x() < 26)
                    setExpanded(row.trackId, !mExpanded.contains(row.trackId));
                return;
            }
        }
        return;
    }
    const int f = frameAt(pos.x());
    if (f >= 0)
        mDocument->setCurrentFrame(f);
}

void Timeline::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const int f = frameAt(event->position().toPoint().x());
    if (f >= 0)
        mDocument->setCurrentFrame(f);
}

} // namespace paddock::ui
