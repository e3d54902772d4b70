// SPDX-License-Identifier: Apache-2.0
#include "ui/views/icons.h"

#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace paddock::ui {

namespace {

/** Draws the toolbar icons as vector shapes on a 24x24 grid. */
class PaintedIconEngine : public QIconEngine
{
public:
    explicit PaintedIconEngine(const QString &name)
        : mName(name)
    {
    }

    QIconEngine *clone() const override { return new PaintedIconEngine(mName); }
    QString key() const override { return QStringLiteral("PaddockPainted"); }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    void paint(QPainter *p, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->translate(rect.topLeft());
        p->scale(rect.width() / 24.0, rect.height() / 24.0);
        if (mode == QIcon::Disabled)
            p->setOpacity(0.35);
        draw(*p);
        p->restore();
    }

private:
    void ring(QPainter &p, QPointF c, double r, const QColor &colour, bool filled) const
    {
        p.setPen(filled ? QPen(Qt::NoPen) : QPen(colour, 1.6));
        p.setBrush(filled ? QBrush(colour) : QBrush(Qt::NoBrush));
        p.drawEllipse(c, r, r);
    }

    void draw(QPainter &p) const
    {
        const QColor blue(40, 150, 255), green(140, 200, 90), orange(255, 140, 26), grey(110, 110, 110);
        if (mName == QLatin1String("open")) {
            p.setPen(QPen(QColor(138, 90, 16), 1));
            p.setBrush(QColor(224, 160, 48));
            p.drawPolygon(QPolygonF({{3, 6}, {9, 6}, {11, 8}, {21, 8}, {21, 19}, {3, 19}}));
        } else if (mName == QLatin1String("save")) {
            p.setPen(QPen(QColor(29, 74, 138), 1));
            p.setBrush(QColor(59, 125, 216));
            p.drawPolygon(QPolygonF({{4, 3}, {17, 3}, {20, 6}, {20, 21}, {4, 21}}));
            p.fillRect(QRectF(7, 4, 9, 5), Qt::white);
            p.fillRect(QRectF(7, 13, 10, 7), QColor(223, 232, 245));
        } else if (mName == QLatin1String("undo") || mName == QLatin1String("redo")) {
            if (mName == QLatin1String("redo")) {
                p.translate(24, 0);
                p.scale(-1, 1);
            }
            QPen pen(grey, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawPolyline(QPolygonF({{9, 5}, {4, 10}, {9, 15}}));
            QPainterPath path(QPointF(4, 10));
            path.lineTo(14, 10);
            path.arcTo(QRectF(9, 10, 10, 10), 90, -180);
            path.lineTo(10, 20);
            p.drawPath(path);
        } else if (mName == QLatin1String("add-animal")) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(176, 122, 69));
            p.drawEllipse(QPointF(10, 13), 6, 4);
            p.drawEllipse(QPointF(16, 9), 2.5, 2.5);
            p.setPen(QPen(QColor(122, 80, 32), 1.5));
            for (double x : {6.0, 9.0, 12.0, 14.0})
                p.drawLine(QPointF(x, 16), QPointF(x, 20));
            p.setPen(QPen(QColor(46, 157, 75), 2));
            p.drawLine(QPointF(19, 2), QPointF(19, 8));
            p.drawLine(QPointF(16, 5), QPointF(22, 5));
        } else if (mName == QLatin1String("propagate")) {
            ring(p, {5, 12}, 3, blue, true);
            ring(p, {12, 12}, 2.5, green, false);
            ring(p, {19, 12}, 2.5, green, false);
        } else if (mName == QLatin1String("propagate-all")) {
            ring(p, {5, 7}, 2.5, blue, true);
            ring(p, {12, 7}, 2, green, false);
            ring(p, {19, 7}, 2, green, false);
            ring(p, {5, 17}, 2.5, orange, true);
            ring(p, {12, 17}, 2, green, false);
            ring(p, {19, 17}, 2, green, false);
        } else if (mName == QLatin1String("refine")) {
            p.setPen(QPen(QColor(138, 90, 16), 2.5, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(4, 20), QPointF(14, 10));
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(175, 110, 230));
            p.drawPolygon(QPolygonF({{16, 3}, {17, 6}, {20, 7}, {17, 8}, {16, 11}, {15, 8}, {12, 7}, {15, 6}}));
        } else if (mName == QLatin1String("approve")) {
            ring(p, {12, 12}, 10, QColor(0, 170, 160), true);
            p.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            p.drawPolyline(QPolygonF({{7, 12}, {10.5, 15.5}, {17, 8.5}}));
        } else { // paddock
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(46, 125, 91));
            p.drawRoundedRect(QRectF(1, 1, 22, 22), 5, 5);
            p.setPen(QPen(Qt::white, 1.6, Qt::SolidLine, Qt::RoundCap));
            p.drawPolyline(QPolygonF({{6, 17}, {10, 9}, {14, 13}, {18, 7}}));
            ring(p, {6, 17}, 2, orange, true);
            ring(p, {10, 9}, 2, QColor(80, 220, 100), true);
            ring(p, {14, 13}, 2, blue, true);
            ring(p, {18, 7}, 2, orange, true);
        }
    }

    QString mName;
};

bool canRenderSvg()
{
    static const bool svg = QImageReader::supportedImageFormats().contains("svg");
    return svg;
}

} // namespace

QIcon appIcon(const QString &name)
{
    if (canRenderSvg())
        return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
    return QIcon(new PaintedIconEngine(name));
}

} // namespace paddock::ui
