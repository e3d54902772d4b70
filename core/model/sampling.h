// SPDX-License-Identifier: Apache-2.0
// Cutting a labelled clip down the way datasets sample videos: APTv2 keeps 15 frames of a clip, far apart, so
// animals move a long way between consecutive frames; a sparse-label input is a few of those frames.
#pragma once

#include "core/model/project.h"

#include <vector>

namespace paddock::core {

/** Frames of \a clip with at least one labelled keypoint, ascending. */
std::vector<int> labelledFrameList(const Clip &clip);

/**
 * Of \a clip's labelled frames, the first and then each next one at least \a step frames after the last one
 * kept (every \a step-th frame where every frame is labelled; step 1: every labelled frame). Ascending.
 */
std::vector<int> framesAtLeastApart(const Clip &clip, int step);

/**
 * \a clip with only \a frames (ascending, each a frame of \a clip), renumbered 0, 1, ... in that order: their
 * labels, frame metadata where the clip has it, and frameCount. The tracks are kept; the review's error list,
 * whose entries name frames of the whole clip, is not.
 */
Clip keepFrames(const Clip &clip, const std::vector<int> &frames);

/**
 * The input a labeller gives at spacing \a every: of \a clip's labelled frames, the one nearest each of 0,
 * every, 2 every, ... (the earlier on a tie) and the last one, with their labels; no other frame's labels.
 */
Clip labelsEvery(const Clip &clip, int every);

} // namespace paddock::core
