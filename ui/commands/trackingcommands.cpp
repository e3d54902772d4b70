// SPDX-License-Identifier: Apache-2.0
#include "ui/commands/trackingcommands.h"

#include "tracking/propagation.h"

#include <QCoreApplication>

namespace paddock::ui {

ApplyTrackingResult::ApplyTrackingResult(Document *document, int clip, const tracking::TrackingOutput &output,
                                         bool refine)
    : ClipEdit(document, clip,
               refine ? QCoreApplication::translate("Undo Commands", "Refine")
                      : QCoreApplication::translate("Undo Commands", "Propagate"))
{
    const core::Clip *current = this->clip();
    if (!current)
        return;
    // The tracking library's merge decides what a run may change (never a person's labels); this command
    // records the result per instance so that the whole run is one undo step.
    core::Clip merged = *current;
    mChanged = tracking::mergeTrackingOutput(&merged, output, refine);
    if (mChanged == 0)
        return;
    for (const auto &[frame, instances] : output) {
        for (const core::Instance &tracked : instances) {
            const core::Instance *after = merged.instance(frame, tracked.trackId);
            const core::Instance *before = current->instance(frame, tracked.trackId);
            if (after && before && *after == *before)
                continue;
            if (after && after->labelledCount() > 0)
                changeInstance(frame, tracked.trackId, *after);
            else if (before)
                changeInstance(frame, tracked.trackId, std::nullopt);
        }
    }
}

} // namespace paddock::ui
