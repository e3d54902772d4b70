// SPDX-License-Identifier: Apache-2.0
// paddock bench gui: time from a frame step to the new frame painted (1080p, warm cache) and playback rate.
#include "app/commands.h"

#include "ui/commands/trackingcommands.h"
#include "ui/docks/animalsdock.h"
#include "ui/document/document.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/views/frameprovider.h"
#include "ui/views/frameview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QThread>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace paddock::app {

namespace {

// A 1080p frame folder with texture and a moving shape, written as JPEG (fast to decode).
bool makeClip(const QString &dir, int frames, QSize size)
{
    std::mt19937 rng(7);
    QImage base(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(base.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = qRgb((x / 7) % 200 + int(rng() % 40), (y / 5) % 180 + int(rng() % 40), (x + y) % 160);
    }
    for (int f = 0; f < frames; ++f) {
        QImage img = base.copy();
        QPainter p(&img);
        p.setBrush(QColor(240, 200, 60));
        p.drawEllipse(QPointF(300 + f * 12, 500 + 80 * std::sin(f / 6.0)), 160, 90);
        p.end();
        if (!img.save(QStringLiteral("%1/f%2.jpg").arg(dir).arg(f, 4, 10, QLatin1Char('0')), "JPEG", 90))
            return false;
    }
    return true;
}

template<typename Pred>
bool pump(Pred done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents);
    }
    return true;
}

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::size_t(std::clamp(q * double(v.size() - 1), 0.0, double(v.size() - 1)))];
}

} // namespace

int runBenchGuiApp(int argc, char **argv, const QStringList &args)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("paddock-bench"));

    QString clip;
    int frames = 60;
    int steps = 200;
    int interval = 33; // ms between key presses: a held arrow key auto-repeats at about 30 Hz
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--frames") && i + 1 < args.size())
            frames = args[++i].toInt();
        else if (args[i] == QLatin1String("--steps") && i + 1 < args.size())
            steps = args[++i].toInt();
        else if (args[i] == QLatin1String("--interval") && i + 1 < args.size())
            interval = args[++i].toInt();
        else if (!args[i].startsWith(QLatin1String("--")))
            clip = args[i];
        else {
            printError(QStringLiteral("paddock bench gui: unknown option %1").arg(args[i]));
            return kExitBadInput;
        }
    }
    if (frames < 2 || steps < 1) {
        printError(QStringLiteral("paddock bench gui: --frames must be >= 2 and --steps >= 1"));
        return kExitBadInput;
    }
    QTemporaryDir tmp;
    if (clip.isEmpty()) {
        clip = tmp.path() + QStringLiteral("/clip");
        QDir().mkpath(clip);
        printOut(QStringLiteral("generating %1 frames of 1920x1080 in %2").arg(frames).arg(clip));
        if (!makeClip(clip, frames, QSize(1920, 1080))) {
            printError(QStringLiteral("paddock bench gui: cannot write frames"));
            return kExitBadInput;
        }
    }

    ui::MainWindow window;
    window.setInteractive(false);
    window.resize(1600, 1000);
    window.show();
    QString err;
    if (!window.openPath(clip, &err)) {
        printError(QStringLiteral("paddock bench gui: %1").arg(err));
        return kExitBadInput;
    }
    ui::Document *doc = window.document();
    ui::FrameView *view = window.frameView();
    const int n = doc->frameCount();
    // Every frame carries a tracked 17-point animal, as after a propagation, so painting includes markers.
    window.animalsDock()->addAnimal(8);
    tracking::TrackingOutput out;
    for (int f = 0; f < n; ++f) {
        core::Instance inst = ui::emptyInstance(*doc, 0, 1);
        for (int k = 0; k < int(inst.keypoints.size()); ++k)
            inst.keypoints[std::size_t(k)] = core::Keypoint{300.0 + f * 12 + (k % 5) * 30, 450.0 + (k / 5) * 30,
                                                            core::Visibility::Visible, core::Source::Propagated,
                                                            float(k) / 17.0f};
        out[f].push_back(inst);
    }
    doc->undoStack()->push(new ui::ApplyTrackingResult(doc, 0, out, false));

    int painted = -1;
    QObject::connect(view, &ui::FrameView::framePainted, view, [&painted](int f) { painted = f; });
    QAction *next = window.action(QStringLiteral("nextFrame"));
    QAction *first = window.action(QStringLiteral("firstFrame"));

    // Warm the cache: visit every frame once.
    const int warmFrames = std::min(n, 48);
    QElapsedTimer cold;
    cold.start();
    for (int f = 0; f < warmFrames; ++f) {
        doc->setCurrentFrame(f);
        if (!pump([&] { return painted == f; }, 20000)) {
            printError(QStringLiteral("paddock bench gui: frame %1 never painted").arg(f));
            return kExitBadInput;
        }
    }
    const double coldMs = cold.nsecsElapsed() / 1e6 / warmFrames;

    // Step latency with a warm cache: trigger "Next Frame" (the Right key's action), wait for the paint.
    std::vector<double> ms;
    first->trigger();
    pump([&] { return painted == 0; }, 5000);
    QElapsedTimer t;
    for (int i = 0; i < steps; ++i) {
        if (doc->currentFrame() + 1 >= warmFrames) {
            first->trigger();
            pump([&] { return painted == 0; }, 5000);
        }
        const int target = doc->currentFrame() + 1;
        // Idle until the next key press, as between auto-repeated presses (background preparation runs).
        QElapsedTimer idle;
        idle.start();
        pump([&] { return idle.elapsed() >= interval; }, interval + 1000);
        t.start();
        next->trigger();
        if (!pump([&] { return painted == target; }, 5000)) {
            printError(QStringLiteral("paddock bench gui: step to %1 never painted").arg(target));
            return kExitBadInput;
        }
        ms.push_back(t.nsecsElapsed() / 1e6);
    }

    // Repaint of the same frame (what hovering and dragging a point cost).
    std::vector<double> repaint;
    for (int i = 0; i < 100; ++i) {
        t.start();
        view->repaint();
        repaint.push_back(t.nsecsElapsed() / 1e6);
    }

    // Playback: the play action at the clip's rate over the warm frames.
    first->trigger();
    pump([&] { return painted == 0; }, 5000);
    int shown = 0;
    QObject::connect(doc, &ui::Document::currentFrameChanged, view, [&shown] { ++shown; });
    QElapsedTimer play;
    play.start();
    window.action(QStringLiteral("play"))->trigger();
    pump([&] { return doc->currentFrame() >= warmFrames - 1; }, 60000);
    const double playSeconds = play.nsecsElapsed() / 1e9;
    window.action(QStringLiteral("play"))->trigger();
    const double clipFps = window.frames()->info().fps > 0 ? window.frames()->info().fps : 25.0;

    double sum = 0;
    for (double v : ms)
        sum += v;
    printOut(QStringLiteral("frame view %1x%2, frames %3x%4, platform %5")
                 .arg(view->width()).arg(view->height())
                 .arg(window.frames()->info().width).arg(window.frames()->info().height)
                 .arg(QApplication::platformName()));
    printOut(QStringLiteral("key interval %1 ms").arg(interval));
    printOut(QStringLiteral("step to painted (warm cache, %1 steps): mean %2 ms, median %3 ms, p95 %4 ms, max %5 ms")
                 .arg(ms.size())
                 .arg(sum / double(ms.size()), 0, 'f', 2)
                 .arg(percentile(ms, 0.5), 0, 'f', 2)
                 .arg(percentile(ms, 0.95), 0, 'f', 2)
                 .arg(percentile(ms, 1.0), 0, 'f', 2));
    printOut(QStringLiteral("repaint of the same frame (hover, drag): median %1 ms, p95 %2 ms")
                 .arg(percentile(repaint, 0.5), 0, 'f', 2)
                 .arg(percentile(repaint, 0.95), 0, 'f', 2));
    printOut(QStringLiteral("first visit per frame (decode + paint, cold): %1 ms").arg(coldMs, 0, 'f', 1));
    printOut(QStringLiteral("playback: %1 frames in %2 s = %3 fps (clip rate %4 fps)")
                 .arg(shown)
                 .arg(playSeconds, 0, 'f', 2)
                 .arg(shown / std::max(1e-9, playSeconds), 0, 'f', 1)
                 .arg(clipFps, 0, 'f', 1));
    printOut(QStringLiteral("max stepping rate (1 / mean step): %1 fps").arg(1000.0 * double(ms.size()) / sum, 0, 'f', 0));
    return kExitOk;
}

int runBenchGui(const QStringList &)
{
    // Reached only when main() did not route "bench gui" to runBenchGuiApp (which needs a QApplication).
    printError(QStringLiteral("paddock bench gui: needs the GUI application; run it as `paddock bench gui ...`"));
    return kExitBadInput;
}

} // namespace paddock::app
