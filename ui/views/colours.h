// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/category.h"
#include "core/model/types.h"

#include <QColor>

namespace paddock::ui {

/** Which side of the body a keypoint is on, from the category's left/right pairs (first = left). */
enum class Side { Left, Right, Centre };
Side sideOf(const core::Category &category, int keypoint);

/** Colours shared by the frame view and the timeline, chosen to read on light and dark palettes. */
namespace colours {
QColor side(Side s);
/** Red (0) through yellow to green (1). */
QColor score(double score);
/** A distinct colour per animal. */
QColor track(int trackId);
/**
 * The animal's colour for a keypoint on \a side: left points a light tint, right points a dark shade and
 * centre points the animal's colour, so left and right stay apart when colouring by animal.
 */
QColor trackSide(int trackId, Side side);
QColor source(core::Source s);
QColor flagged();
} // namespace colours

} // namespace paddock::ui
