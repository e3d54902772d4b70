// SPDX-License-Identifier: Apache-2.0
#include "ui/commands/trackingcommands.h"

#include <QCoreApplication>

namespace paddock::ui {

int mergeTrackedInstance(core::Instance &existing, const core::Instance &tracked, bool refine)
{
    int changed = 0;
    if (existing.keypoints.size() < tracked.keypoints.size())
        existing.keypoints.resize(tracked.keypoints.size());
    for (std::size_t k = 0; k < tracked.keypoints.size(); ++k) {
        core::Keypoint &cur = existing.keypoints[k];
        if (cur.isLabelled() && core::isUserLabel(cur.source))
            continue; // a person's label wins
        core::Keypoint next = tracked.keypoints[k];
        if (next.isLabelled() && !core::isUserLabel(next.source))
            next.source = refine ? core::Source::Refined : core::Source::Propagated;
        if (!next.isLabelled())
            next = core::Keypoint();
        if (next != cur) {
            cur = next;
            ++changed;
        }
    }
    return changed;
}

ApplyTrackingResult::ApplyTrackingResult(Document *document, int clip, const tracking::TrackingOutput &output,
                                         bool refine)
    : ClipEdit(document, clip,
               refine ? QCoreApplication::translate("Undo Commands", "Refine")
                      : QCoreApplication::translate("Undo Commands", "Propagate"))
{
    for (const auto &[frame, instances] : output) {
        for (const core::Instance &tracked : instances) {
            std::optional<core::Instance> cur = pendingState(frame, tracked.trackId);
            core::Instance merged = cur.value_or(emptyInstance(*document, clip, tracked.trackId));
            if (!cur)
                merged.categoryId = tracked.categoryId;
            const int n = mergeTrackedInstance(merged, tracked, refine);
            if (n == 0)
                continue;
            mChanged += n;
            if (merged.labelledCount() == 0)
                changeInstance(frame, tracked.trackId, std::nullopt);
            else
                changeInstance(frame, tracked.trackId, merged);
        }
    }
}

} // namespace paddock::ui
