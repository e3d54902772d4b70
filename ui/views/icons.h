// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QIcon>
#include <QString>

namespace paddock::ui {

/**
 * The app's icon \a name: the SVG from the resources where Qt can render SVG, otherwise the same simple
 * shape drawn with QPainter (sharp at any device pixel ratio).
 */
QIcon appIcon(const QString &name);

} // namespace paddock::ui
