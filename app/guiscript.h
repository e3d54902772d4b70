// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace paddock::ui {
class MainWindow;
}

namespace paddock::app {

/**
 * Drives the main window from a JSON script with simulated mouse clicks and key presses, waiting for
 * background jobs, and grabs screenshots. Used to take the README screenshots and for smoke runs under Xvfb.
 * Steps: {"resize":[w,h]}, {"addAnimal":categoryId,"name":"..."}, {"selectAnimal":id}, {"frame":n},
 * {"clicks":[[x,y],...]} (image pixels), {"key":"Right"}, {"propagate":"current"|"all"|"refine"},
 * {"zoom":factor,"at":[x,y]}, {"approve":true}, {"expand":trackId}, {"hover":[x,y]}, {"screenshot":"file.png"},
 * {"save":"file.paddock"}, {"export":"file.json"}.
 */
bool runGuiScript(ui::MainWindow &window, const QString &scriptPath, QString *error);

} // namespace paddock::app
