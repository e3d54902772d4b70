// SPDX-License-Identifier: Apache-2.0
// What every screenshot run of the Qt tests shares: the PADDOCK_SCREENSHOTS folder, a main window shown at
// the size the docs use with no dialog that could block, and one PNG per grab.
#pragma once

#include "ui/mainwindow/mainwindow.h"
#include "ui/review/reviewdock.h"

#include <QDir>
#include <QTest>

namespace paddock::test {

/** Where the PNGs go (PADDOCK_SCREENSHOTS) and what to open (the variable the run names). */
struct ScreenshotRun
{
    QString dir;
    QString input;
    bool active() const { return !dir.isEmpty() && !input.isEmpty(); }
};

/** The run \a inputVariable asks for; not active() when it or PADDOCK_SCREENSHOTS is unset. */
inline ScreenshotRun screenshotRun(const char *inputVariable)
{
    ScreenshotRun run{qEnvironmentVariable("PADDOCK_SCREENSHOTS"), qEnvironmentVariable(inputVariable)};
    if (run.active())
        QDir().mkpath(run.dir);
    return run;
}

/** Shows \a w at 1600x1000, non-interactive (no message box waits for a click), exposed. */
inline bool showTestWindow(ui::MainWindow &w)
{
    w.setInteractive(false);
    w.reviewDock()->setInteractive(false);
    w.resize(1600, 1000);
    w.show();
    return QTest::qWaitForWindowExposed(&w);
}

/** showTestWindow(), then opens \a path in it; false with \a error when either fails. */
inline bool openInTestWindow(ui::MainWindow &w, const QString &path, QString *error)
{
    if (!showTestWindow(w)) {
        *error = QStringLiteral("the window was not exposed");
        return false;
    }
    return w.openPath(path, error);
}

/** Grabs \a widget into DIR/\a name after \a settleMs for the last repaint; false when it cannot be saved. */
inline bool saveShot(QWidget *widget, const QString &dir, const QString &name, int settleMs = 400)
{
    QTest::qWait(settleMs);
    return widget->grab().save(dir + QLatin1Char('/') + name);
}

} // namespace paddock::test
