// SPDX-License-Identifier: Apache-2.0
#include "app/guiscript.h"

#include "ui/docks/animalsdock.h"
#include "ui/document/document.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/review/reviewdock.h"
#include "ui/views/frameprovider.h"
#include "ui/views/frameview.h"
#include "ui/views/timeline.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QThread>
#include <QTimer>

namespace paddock::app {

namespace {
// Processes events until \a done is true or \a ms pass.
template<typename Pred>
bool waitUntil(Pred done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

/** Sends \a w a mouse event at \a pos (widget coordinates): \a button changed, \a buttons held after it. */
void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

void click(QWidget *w, QPointF pos, Qt::MouseButton button = Qt::LeftButton)
{
    sendMouse(w, QEvent::MouseButtonPress, pos, button, button);
    sendMouse(w, QEvent::MouseButtonRelease, pos, button, Qt::NoButton);
}

bool waitForFrame(ui::MainWindow &window)
{
    const int f = window.document()->currentFrame();
    return waitUntil([&] { return window.frameView()->shownFrame() == f; }, 10000);
}
} // namespace

bool runGuiScript(ui::MainWindow &window, const QString &scriptPath, QString *error)
{
    QFile file(scriptPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the script");
        return false;
    }
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &perr);
    if (doc.isNull()) {
        *error = perr.errorString();
        return false;
    }
    ui::Document *document = window.document();
    ui::FrameView *view = window.frameView();
    const QJsonArray steps = doc.object().value(QStringLiteral("steps")).toArray();
    for (const QJsonValue &v : steps) {
        const QJsonObject s = v.toObject();
        if (s.contains(QStringLiteral("resize"))) {
            const QJsonArray a = s.value(QStringLiteral("resize")).toArray();
            window.resize(a.at(0).toInt(), a.at(1).toInt());
            waitUntil([] { return false; }, 300);
            view->fitToWindow();
        }
        if (s.contains(QStringLiteral("addAnimal")))
            window.animalsDock()->addAnimal(s.value(QStringLiteral("addAnimal")).toInt(),
                                            s.value(QStringLiteral("name")).toString());
        if (s.contains(QStringLiteral("selectAnimal")))
            document->setCurrentTrack(s.value(QStringLiteral("selectAnimal")).toInt());
        if (s.contains(QStringLiteral("frame"))) {
            document->setCurrentFrame(s.value(QStringLiteral("frame")).toInt());
            if (!waitForFrame(window)) {
                *error = QStringLiteral("frame %1 did not show").arg(document->currentFrame());
                return false;
            }
        }
        if (s.contains(QStringLiteral("zoom"))) {
            const QJsonArray at = s.value(QStringLiteral("at")).toArray();
            view->zoomBy(s.value(QStringLiteral("zoom")).toDouble(),
                         view->imageToWidget(QPointF(at.at(0).toDouble(), at.at(1).toDouble())));
        }
        if (s.contains(QStringLiteral("clicks"))) {
            for (const QJsonValue &c : s.value(QStringLiteral("clicks")).toArray()) {
                const QJsonArray p = c.toArray();
                const QPointF img(p.at(0).toDouble(), p.at(1).toDouble());
                // Negative coordinates mean "not visible": right-click menu is skipped, the key marks it.
                if (img.x() < 0) {
                    view->skipKeypoint();
                    continue;
                }
                click(view, view->imageToWidget(img));
                QApplication::processEvents();
            }
        }
        if (s.contains(QStringLiteral("key"))) {
            const QKeySequence seq(s.value(QStringLiteral("key")).toString());
            const int key = seq[0].toCombined();
            QKeyEvent press(QEvent::KeyPress, key & ~Qt::KeyboardModifierMask,
                            Qt::KeyboardModifiers(key & Qt::KeyboardModifierMask));
            QApplication::sendEvent(view, &press);
            // Shortcuts are resolved by the window's actions: trigger the one with this key.
            for (QAction *a : window.shortcutActions())
                if (a->shortcut() == seq && a->isEnabled()) {
                    a->trigger();
                    break;
                }
            waitForFrame(window);
        }
        if (s.contains(QStringLiteral("propagate"))) {
            const QString what = s.value(QStringLiteral("propagate")).toString();
            bool done = false;
            QObject ctx;
            QObject::connect(&window, &ui::MainWindow::propagationApplied, &ctx, [&done] { done = true; });
            QString err;
            if (!window.propagate(what != QLatin1String("current"), what == QLatin1String("refine"), 0, -1, &err)) {
                *error = err;
                return false;
            }
            if (!waitUntil([&] { return done; }, 300000)) {
                *error = QStringLiteral("propagation did not finish");
                return false;
            }
        }
        if (s.value(QStringLiteral("approve")).toBool())
            window.action(QStringLiteral("approveFrame"))->trigger();
        // Review: "user" names the person, "action" triggers a named action (e.g. "reviewerMode").
        if (s.contains(QStringLiteral("user")))
            document->setUserName(s.value(QStringLiteral("user")).toString());
        if (s.contains(QStringLiteral("selectEntry")))
            window.reviewDock()->selectEntry(s.value(QStringLiteral("selectEntry")).toInteger());
        if (s.contains(QStringLiteral("action"))) {
            QAction *a = window.action(s.value(QStringLiteral("action")).toString());
            if (!a) {
                *error = QStringLiteral("no action %1").arg(s.value(QStringLiteral("action")).toString());
                return false;
            }
            a->trigger();
        }
        if (s.contains(QStringLiteral("expand")))
            window.timeline()->setExpanded(s.value(QStringLiteral("expand")).toInt(), true);
        if (s.contains(QStringLiteral("hover"))) {
            const QJsonArray p = s.value(QStringLiteral("hover")).toArray();
            sendMouse(view, QEvent::MouseMove, view->imageToWidget(QPointF(p.at(0).toDouble(), p.at(1).toDouble())),
                      Qt::NoButton, Qt::NoButton);
        }
        if (s.contains(QStringLiteral("hoverKeypoint"))) {
            const core::Instance *inst =
                document->instance(document->currentClipIndex(), document->currentFrame(), document->currentTrack());
            const int k = s.value(QStringLiteral("hoverKeypoint")).toInt();
            if (inst && k < int(inst->keypoints.size())) {
                const auto &kp = inst->keypoints[std::size_t(k)];
                sendMouse(view, QEvent::MouseMove, view->imageToWidget(QPointF(kp.x, kp.y)), Qt::NoButton, Qt::NoButton);
            }
        }
        // "drag": K with "to": [x, y] (image pixels) drags keypoint K of the current animal on this frame there
        // with the mouse, as a labeller corrects a point.
        if (s.contains(QStringLiteral("drag"))) {
            const core::Instance *inst =
                document->instance(document->currentClipIndex(), document->currentFrame(), document->currentTrack());
            const int k = s.value(QStringLiteral("drag")).toInt();
            if (!inst || k < 0 || k >= int(inst->keypoints.size()) || !inst->keypoints[std::size_t(k)].isLabelled()) {
                *error = QStringLiteral("no keypoint %1 to drag on frame %2").arg(k).arg(document->currentFrame());
                return false;
            }
            const auto &kp = inst->keypoints[std::size_t(k)];
            const QJsonArray to = s.value(QStringLiteral("to")).toArray();
            const QPointF a = view->imageToWidget(QPointF(kp.x, kp.y));
            const QPointF b = view->imageToWidget(QPointF(to.at(0).toDouble(), to.at(1).toDouble()));
            sendMouse(view, QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton);
            for (int i = 1; i <= 8; ++i)
                sendMouse(view, QEvent::MouseMove, a + (b - a) * (i / 8.0), Qt::NoButton, Qt::LeftButton);
            sendMouse(view, QEvent::MouseButtonRelease, b, Qt::LeftButton, Qt::NoButton);
            QApplication::processEvents();
        }
        if (s.contains(QStringLiteral("save"))) {
            if (!window.saveTo(s.value(QStringLiteral("save")).toString(), error))
                return false;
        }
        if (s.contains(QStringLiteral("export"))) {
            bool done = false;
            QObject ctx;
            QObject::connect(&window, &ui::MainWindow::exportFinished, &ctx, [&done] { done = true; });
            if (!window.exportTo(s.value(QStringLiteral("export")).toString(), true, true, QString(), error))
                return false;
            waitUntil([&] { return done; }, 60000);
        }
        if (s.contains(QStringLiteral("screenshot"))) {
            waitUntil([] { return false; }, 200);
            const QString out = s.value(QStringLiteral("screenshot")).toString();
            // Optional "width" scales the grab and "colours" reduces it to a palette, for small README images.
            // Optional "widget" grabs one child by object name (e.g. "ReviewDock") instead of the window.
            QWidget *target = &window;
            if (s.contains(QStringLiteral("widget")))
                target = window.findChild<QWidget *>(s.value(QStringLiteral("widget")).toString());
            if (!target) {
                *error = QStringLiteral("no widget %1").arg(s.value(QStringLiteral("widget")).toString());
                return false;
            }
            QImage shot = target->grab().toImage();
            if (s.contains(QStringLiteral("width")))
                shot = shot.scaledToWidth(s.value(QStringLiteral("width")).toInt(), Qt::SmoothTransformation);
            if (s.value(QStringLiteral("colours")).toBool())
                shot = shot.convertToFormat(QImage::Format_Indexed8, Qt::DiffuseDither);
            if (!shot.save(out)) {
                *error = QStringLiteral("cannot write %1").arg(out);
                return false;
            }
        }
        QApplication::processEvents();
    }
    return true;
}

} // namespace paddock::app
