// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/clipstats.h"

#include <algorithm>
#include <map>
#include <vector>

namespace paddock::ui {

namespace {
bool isTrackerSource(core::Source s)
{
    return s == core::Source::Propagated || s == core::Source::Refined || s == core::Source::Interpolated;
}
} // namespace

ClipStats computeClipStats(const core::Clip &clip, double lowScore)
{
    ClipStats s;
    s.frames = clip.effectiveFrameCount();
    s.animals = int(clip.tracks.size());
    double scoreSum = 0.0;
    // Per track: frames where it has any labelled point, and its user-labelled frames (sorted, from the map).
    std::map<int, std::vector<int>> userFrames;
    std::map<int, std::vector<int>> anyFrames;
    for (const auto &[frame, list] : clip.frames) {
        bool user = false;
        bool tracker = false;
        for (const core::Instance &inst : list) {
            bool instUser = false;
            bool instAny = false;
            for (const core::Keypoint &k : inst.keypoints) {
                if (!k.isLabelled())
                    continue;
                instAny = true;
                if (k.source == core::Source::Approved) {
                    ++s.approvedPoints;
                    instUser = true;
                } else if (core::isUserLabel(k.source)) {
                    ++s.labelledPoints;
                    instUser = true;
                } else if (isTrackerSource(k.source)) {
                    ++s.propagatedPoints;
                    tracker = true;
                    scoreSum += k.score;
                    if (k.score < lowScore)
                        ++s.lowScorePoints;
                }
            }
            if (instUser)
                userFrames[inst.trackId].push_back(frame);
            if (instAny)
                anyFrames[inst.trackId].push_back(frame);
            user = user || instUser;
        }
        s.labelledFrames += user ? 1 : 0;
        s.propagatedFrames += tracker ? 1 : 0;
    }
    if (s.propagatedPoints > 0)
        s.meanScore = scoreSum / s.propagatedPoints;
    // A propagation fills an animal's frames between its first and last label; one labelled frame only is
    // tracked forward to the end of the clip.
    for (const auto &[track, frames] : userFrames) {
        const int first = frames.front();
        const int last = frames.size() > 1 ? frames.back() : std::max(first, s.frames - 1);
        const std::vector<int> &have = anyFrames[track];
        const auto lo = std::lower_bound(have.begin(), have.end(), first);
        const auto hi = std::upper_bound(have.begin(), have.end(), last);
        s.unpropagatedFrames += (last - first + 1) - int(hi - lo);
    }
    std::int64_t latestFix = -1;
    for (const core::ReviewEntry &e : clip.review.entries) {
        if (core::isUnresolved(e.state)) {
            ++s.openFindings;
        } else if (e.state == core::EntryState::Fixed) {
            ++s.fixedFindings;
            const std::string &who = e.updatedBy.empty() ? e.author : e.updatedBy;
            if (!who.empty() && e.modified >= latestFix) {
                latestFix = e.modified;
                s.labeller = who;
            }
        }
    }
    // Who fixed findings last is the labeller now; before any fix, whoever handed the latest round in.
    if (s.labeller.empty())
        for (auto it = clip.review.rounds.rbegin(); it != clip.review.rounds.rend() && s.labeller.empty(); ++it)
            s.labeller = it->labeller;
    s.state = clip.review.state();
    s.setAside = clip.setAside;
    if (const core::ReviewRound *round = clip.review.currentRound())
        s.reviewer = round->reviewer;
    return s;
}

bool queueBefore(const ClipStats &a, const ClipStats &b)
{
    if (a.versionPending != b.versionPending)
        return a.versionPending;
    if (a.findingsToCheck() != b.findingsToCheck())
        return a.findingsToCheck() > b.findingsToCheck();
    if (a.lowScorePoints != b.lowScorePoints)
        return a.lowScorePoints > b.lowScorePoints;
    // No tracker points at all ranks after any scored clip.
    const double sa = a.meanScore < 0 ? 2.0 : a.meanScore;
    const double sb = b.meanScore < 0 ? 2.0 : b.meanScore;
    return sa < sb;
}

} // namespace paddock::ui
