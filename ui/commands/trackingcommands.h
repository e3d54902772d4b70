// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/pointtracker.h"
#include "ui/commands/clipedit.h"

namespace paddock::ui {

/**
 * Undo command that applies a whole tracking run (every frame, every animal) as one step.
 * Labels a person vouched for (manual, approved, imported) are never overwritten.
 */
class ApplyTrackingResult : public ClipEdit
{
public:
    ApplyTrackingResult(Document *document, int clip, const tracking::TrackingOutput &output, bool refine);
    /** Number of keypoints the run changed. */
    int changedKeypoints() const { return mChanged; }

private:
    int mChanged = 0;
};

} // namespace paddock::ui
