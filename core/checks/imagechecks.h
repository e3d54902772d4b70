// SPDX-License-Identifier: Apache-2.0
// The checks that look at the pictures: a tracked point whose patch does not look like that keypoint's
// labelled patches, forward and backward tracking that disagree, a point that left its animal, and two
// animals' identities exchanged on a labelled frame.
#pragma once

#include "core/checks/checks.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace paddock::core {

class FrameSource;

/** The finding kinds that need the clip's frames (runChecks() skips them; runImageChecks() runs them). */
std::vector<FindingKind> imageFindingKinds();
bool isImageFindingKind(FindingKind kind);

/**
 * Thresholds of the image checks. Sizes are shares of the animal's size (ClipIndex::trackScale: the square
 * root of its box area). The defaults were set on BADJA and SLEAP clips (`paddock bench checks --eval`).
 */
struct ImageCheckOptions
{
    std::vector<FindingKind> kinds = imageFindingKinds(); ///< which image checks run
    double unlikeMargin = 0.4;    ///< unlike: the best match of the labelled patches within the search radius beats
                                  ///< the match at the point by this much normalised correlation ...
    double unlikeMinShift = 0.08; ///< ... at least this far from the point
    double unlikeSearch = 0.25;   ///< search radius for that better match
    double disagreement = 0.3;    ///< forward and backward tracking from the nearest labels further apart than this
    double trackMiss = 0.1;       ///< or the point further than this from both (the finding's value is the gap, or
                                  ///< when they agree, the distance to the nearer, as a share of the animal's size)
    double offAnimal = 0.25;      ///< off animal: the point's disc looks this much less like the animal than the
                                  ///< keypoint does on its labelled frames
    double identityRatio = 0.5;   ///< identity swap: exchanged tracks must fit the tracking this much better ...
    double identityMinMove = 0.25; ///< ... and the kept ones miss by this much at least
    int lkWindow = 21;            ///< the cheap Lucas-Kanade re-run: window (pixels) and pyramid levels
    int lkLevels = 3;
    int maxSide = 1024;           ///< frames are scaled down to this longer side for the checks
    std::size_t memoryBudget = std::size_t(256) << 20; ///< bytes of frames one stretch between labels may hold
};

/** Progress of the image checks: frames read of the frames to read. */
using CheckProgressFn = std::function<void(int done, int total)>;

/**
 * Runs the image checks on \a clip, reading its frames from \a frames once, in order. Only points that no
 * person placed (propagated, refined, interpolated) are judged; the visible user labels are the references.
 * The identity check judges labelled frames with two or more animals. Appends findings to \a out (sorted
 * with sortFindings()). False with \a error when a frame cannot be read or \a cancel became true.
 * Blocking: run it off the GUI thread.
 */
bool runImageChecks(const Clip &clip, const std::vector<Category> &categories, FrameSource &frames,
                    const ImageCheckOptions &options, std::vector<Finding> *out, std::string *error,
                    const CheckProgressFn &progress = {}, const std::atomic_bool *cancel = nullptr);

/**
 * runChecks() and, when \a clipPath opens, runImageChecks() on the same clip: all findings, sorted. When the
 * frames cannot be read the label checks still come back and \a imageError says why the image checks did not
 * run (empty when they did). False only when cancelled.
 */
bool runAllChecks(const Clip &clip, const std::vector<Category> &categories, const std::string &clipPath,
                  const CheckOptions &options, const ImageCheckOptions &imageOptions, std::vector<Finding> *out,
                  std::string *imageError, const CheckProgressFn &progress = {},
                  const std::atomic_bool *cancel = nullptr);

} // namespace paddock::core
