// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

#include <string>

namespace paddock::ui {

/** What the clip browser shows of one clip: counts, review state and people, computed in one pass. */
struct ClipStats
{
    int frames = 0;             ///< effective frame count
    int animals = 0;            ///< tracks
    int labelledFrames = 0;     ///< frames with at least one point a person placed (manual, imported, approved)
    int labelledPoints = 0;     ///< manual or imported points
    int propagatedFrames = 0;   ///< frames with tracker output nobody approved yet
    int propagatedPoints = 0;   ///< propagated, refined or interpolated points, not approved
    int approvedPoints = 0;     ///< tracker points a person approved
    int lowScorePoints = 0;     ///< unapproved tracker points scored below the low-score threshold
    double meanScore = -1.0;    ///< mean score of unapproved tracker points; -1 when there are none
    int openFindings = 0;       ///< open or reopened error-list entries
    int fixedFindings = 0;      ///< entries the labeller marked fixed (waiting for the reviewer)
    /** Frames inside an animal's labelled span (or after its only labelled frame) without a label of it. */
    int unpropagatedFrames = 0;
    core::RoundState state = core::RoundState::Labelling;
    std::string reviewer; ///< reviewer of the latest round, empty when none
    /** Who last marked a finding fixed, else who submitted the latest round for review; empty when unknown. */
    std::string labeller;
    // Versions kept by paddock merge (core/model/versions.h); the numbers are filled in by the browser's model.
    bool setAside = false;      ///< a version the reviewer did not choose
    int versionNumber = 0;      ///< 1-based among the clip's versions; 0 for an ordinary clip
    int versionCount = 0;
    bool versionPending = false; ///< two or more of its versions are not set aside: the reviewer must choose

    bool unlabelled() const { return labelledPoints + approvedPoints == 0; }
    /** Has sparse labels and frames a propagation would fill. */
    bool needsPropagation() const { return !setAside && !unlabelled() && unpropagatedFrames > 0; }
    /** Submitted for review and waiting for the reviewer (in review, or fixes submitted). */
    bool submitted() const
    {
        return !setAside && (state == core::RoundState::InReview || state == core::RoundState::Fixed);
    }
    /** In the review queue: submitted, or a version the reviewer has to choose among. */
    bool queued() const { return submitted() || versionPending; }
    /** Findings the reviewer has to look at: open ones and ones marked fixed. */
    int findingsToCheck() const { return openFindings + fixedFindings; }
};

/** Computes \a clip's stats; tracker points scored below \a lowScore count as doubtful. */
ClipStats computeClipStats(const core::Clip &clip, double lowScore);

/**
 * Review-queue order: versions to choose among first, then more findings to check first, then more doubtful tracker points, then lower mean
 * tracker score. True when \a a comes before \a b.
 */
bool queueBefore(const ClipStats &a, const ClipStats &b);

} // namespace paddock::ui
