// SPDX-License-Identifier: Apache-2.0
// What the journal records: review deltas and the Document's mutations, applied forward or backward.
#include "core/io/journal.h"

#include <algorithm>
#include <map>

namespace paddock::core {

// ---- Review deltas ---------------------------------------------------------------------------------------------

std::size_t ReviewDelta::storedItems() const
{
    std::size_t n = 0;
    for (const ReviewEntryChange &c : entries)
        n += (c.before ? 1 : 0) + (c.after ? 1 : 0);
    for (const ReviewRoundChange &c : rounds)
        n += (c.before ? 1 : 0) + (c.after ? 1 : 0);
    return n;
}

std::size_t ReviewDelta::storedSnapshotInstances() const
{
    std::size_t n = 0;
    auto count = [&n](const std::optional<ReviewRound> &r) {
        if (r)
            for (const auto &[frame, list] : r->snapshot)
                n += list.size();
    };
    for (const ReviewRoundChange &c : rounds) {
        count(c.before);
        count(c.after);
    }
    return n;
}

ReviewDelta diffReview(const ClipReview &before, const ClipReview &after)
{
    ReviewDelta d;
    d.roundsBefore = int(before.rounds.size());
    d.roundsAfter = int(after.rounds.size());
    const std::size_t nr = std::max(before.rounds.size(), after.rounds.size());
    for (std::size_t i = 0; i < nr; ++i) {
        const ReviewRound *b = i < before.rounds.size() ? &before.rounds[i] : nullptr;
        const ReviewRound *a = i < after.rounds.size() ? &after.rounds[i] : nullptr;
        if (b && a && *b == *a)
            continue;
        ReviewRoundChange c;
        c.index = int(i);
        c.snapshotChanged = !(b && a && b->snapshot == a->snapshot);
        if (b) {
            c.before = *b;
            if (!c.snapshotChanged)
                c.before->snapshot.clear();
        }
        if (a) {
            c.after = *a;
            if (!c.snapshotChanged)
                c.after->snapshot.clear();
        }
        d.rounds.push_back(std::move(c));
    }
    std::map<std::int64_t, int> beforeAt, afterAt;
    for (std::size_t i = 0; i < before.entries.size(); ++i)
        beforeAt[before.entries[i].id] = int(i);
    for (std::size_t i = 0; i < after.entries.size(); ++i)
        afterAt[after.entries[i].id] = int(i);
    std::map<std::int64_t, ReviewEntryChange> changes;
    const auto unchanged = [&](std::int64_t id) {
        const auto b = beforeAt.find(id);
        const auto a = afterAt.find(id);
        return b != beforeAt.end() && a != afterAt.end()
            && before.entries[std::size_t(b->second)] == after.entries[std::size_t(a->second)];
    };
    // Re-inserting the changed entries at their positions restores the list when the unchanged ones kept their
    // order (adding, removing and editing entries never reorders the others); otherwise record every entry.
    std::vector<std::int64_t> keptBefore, keptAfter;
    for (const ReviewEntry &e : before.entries)
        if (unchanged(e.id))
            keptBefore.push_back(e.id);
    for (const ReviewEntry &e : after.entries)
        if (unchanged(e.id))
            keptAfter.push_back(e.id);
    const bool reordered = keptBefore != keptAfter;
    for (const auto &[id, i] : beforeAt) {
        const auto it = afterAt.find(id);
        if (!reordered && unchanged(id))
            continue;
        ReviewEntryChange &c = changes[id];
        c.id = id;
        c.positionBefore = i;
        c.before = before.entries[std::size_t(i)];
        if (it != afterAt.end()) {
            c.positionAfter = it->second;
            c.after = after.entries[std::size_t(it->second)];
        }
    }
    for (const auto &[id, i] : afterAt) {
        if (beforeAt.count(id))
            continue;
        ReviewEntryChange &c = changes[id];
        c.id = id;
        c.positionAfter = i;
        c.after = after.entries[std::size_t(i)];
    }
    for (auto &[id, c] : changes)
        d.entries.push_back(std::move(c));
    return d;
}

void applyReviewDelta(ClipReview *review, const ReviewDelta &delta, bool forward)
{
    // Rounds: replace changed ones (keeping the snapshot when it did not change), append new, cut removed.
    for (const ReviewRoundChange &c : delta.rounds) {
        const std::optional<ReviewRound> &target = forward ? c.after : c.before;
        if (!target)
            continue;
        const std::size_t i = std::size_t(c.index);
        if (i < review->rounds.size()) {
            ReviewRound r = *target;
            if (!c.snapshotChanged)
                r.snapshot = std::move(review->rounds[i].snapshot);
            review->rounds[i] = std::move(r);
        } else {
            review->rounds.push_back(*target);
        }
    }
    const int count = forward ? delta.roundsAfter : delta.roundsBefore;
    if (int(review->rounds.size()) > count)
        review->rounds.resize(std::size_t(count));

    // Entries: take out every changed one, then put the targets back at their positions, lowest first.
    if (delta.entries.empty())
        return;
    std::map<std::int64_t, bool> touched;
    for (const ReviewEntryChange &c : delta.entries)
        touched[c.id] = true;
    review->entries.erase(std::remove_if(review->entries.begin(), review->entries.end(),
                                         [&](const ReviewEntry &e) { return touched.count(e.id) > 0; }),
                          review->entries.end());
    std::vector<std::pair<int, const ReviewEntry *>> inserts;
    for (const ReviewEntryChange &c : delta.entries) {
        const std::optional<ReviewEntry> &target = forward ? c.after : c.before;
        if (target)
            inserts.emplace_back(forward ? c.positionAfter : c.positionBefore, &*target);
    }
    std::sort(inserts.begin(), inserts.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[pos, e] : inserts) {
        const std::size_t at = std::min(std::size_t(std::max(pos, 0)), review->entries.size());
        review->entries.insert(review->entries.begin() + std::ptrdiff_t(at), *e);
    }
}

// ---- Mutations ---------------------------------------------------------------------------------------------------

Mutation inverse(const Mutation &m)
{
    Mutation r;
    r.kind = m.kind;
    r.clip = m.clip;
    for (auto it = m.instances.rbegin(); it != m.instances.rend(); ++it)
        r.instances.push_back(InstanceEdit{it->frame, it->trackId, it->after, it->before});
    r.tracksBefore = m.tracksAfter;
    r.tracksAfter = m.tracksBefore;
    r.infoBefore = m.infoAfter;
    r.infoAfter = m.infoBefore;
    r.categoriesBefore = m.categoriesAfter;
    r.categoriesAfter = m.categoriesBefore;
    r.review.roundsBefore = m.review.roundsAfter;
    r.review.roundsAfter = m.review.roundsBefore;
    for (const ReviewRoundChange &c : m.review.rounds)
        r.review.rounds.push_back(ReviewRoundChange{c.index, c.after, c.before, c.snapshotChanged});
    for (const ReviewEntryChange &c : m.review.entries)
        r.review.entries.push_back(ReviewEntryChange{c.id, c.positionAfter, c.positionBefore, c.after, c.before});
    return r;
}

bool applyMutation(Project *project, const Mutation &m, bool forward)
{
    if (m.kind == Mutation::Kind::Categories) { // project-wide
        project->categories = forward ? m.categoriesAfter : m.categoriesBefore;
        return true;
    }
    if (m.clip < 0 || m.clip >= int(project->clips.size()))
        return false;
    Clip &c = project->clips[std::size_t(m.clip)];
    switch (m.kind) {
    case Mutation::Kind::Instances:
        if (forward) {
            for (const InstanceEdit &e : m.instances) {
                if (e.after) {
                    Instance inst = *e.after;
                    inst.trackId = e.trackId;
                    c.setInstance(e.frame, inst);
                } else {
                    c.removeInstance(e.frame, e.trackId);
                }
            }
        } else {
            for (auto it = m.instances.rbegin(); it != m.instances.rend(); ++it) {
                if (it->before) {
                    Instance inst = *it->before;
                    inst.trackId = it->trackId;
                    c.setInstance(it->frame, inst);
                } else {
                    c.removeInstance(it->frame, it->trackId);
                }
            }
        }
        return true;
    case Mutation::Kind::Tracks:
        c.tracks = forward ? m.tracksAfter : m.tracksBefore;
        return true;
    case Mutation::Kind::ClipInfo: {
        const ClipInfo &i = forward ? m.infoAfter : m.infoBefore;
        c.frameCount = i.frameCount;
        c.width = i.width;
        c.height = i.height;
        c.fps = i.fps;
        c.setAside = i.setAside;
        return true;
    }
    case Mutation::Kind::Review:
        applyReviewDelta(&c.review, m.review, forward);
        return true;
    }
    return false;
}

} // namespace paddock::core
