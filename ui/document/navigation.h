// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

#include <set>

namespace paddock::ui {

/** What the timeline and the "jump to next" commands look for, as pure functions over a clip. */
namespace navigation {

/** Frames with an unresolved review entry for \a trackId (0: any animal). */
std::set<int> flaggedFrames(const core::Clip &clip, int trackId = 0);

/**
 * The next frame after \a from (wrapping round the clip) on which \a trackId misses a keypoint
 * (no instance, or a keypoint without a position); -1 when none.
 */
int nextUnlabelled(const core::Clip &clip, const core::Category *category, int trackId, int from);
/** The next frame after \a from (wrapping) with an unresolved review entry; -1 when none. */
int nextFlagged(const core::Clip &clip, int from);
/** The next frame after \a from (wrapping) with a tracker point scored below \a threshold; -1 when none. */
int nextLowScore(const core::Clip &clip, int from, double threshold);

/** True for positions a tracker produced (not vouched for by a person). */
bool isTrackerSource(core::Source s);

} // namespace navigation
} // namespace paddock::ui
