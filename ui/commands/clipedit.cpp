// SPDX-License-Identifier: Apache-2.0
#include "ui/commands/clipedit.h"

namespace paddock::ui {

ClipEdit::ClipEdit(Document *document, int clip, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , mDocument(document)
    , mClip(clip)
{
}

void ClipEdit::changeInstance(int frame, int trackId, std::optional<core::Instance> after)
{
    const InstanceKey key{frame, trackId};
    auto it = mChanges.find(key);
    if (it == mChanges.end())
        it = mChanges.emplace(key, Change{mDocument->instanceState(mClip, frame, trackId), std::nullopt}).first;
    if (after)
        after->trackId = trackId;
    it->second.after = std::move(after);
}

std::optional<core::Instance> ClipEdit::pendingState(int frame, int trackId) const
{
    auto it = mChanges.find(InstanceKey{frame, trackId});
    if (it != mChanges.end())
        return it->second.after;
    return mDocument->instanceState(mClip, frame, trackId);
}

void ClipEdit::changeTracks(std::vector<core::Track> after)
{
    if (!mTracksBefore) {
        const core::Clip *c = clip();
        mTracksBefore = c ? c->tracks : std::vector<core::Track>();
    }
    mTracksAfter = std::move(after);
}

bool ClipEdit::isNoOp() const
{
    if (mTracksBefore && mTracksBefore != mTracksAfter)
        return false;
    for (const auto &[key, change] : mChanges)
        if (change.before != change.after)
            return false;
    return true;
}

void ClipEdit::apply(bool forward)
{
    std::vector<InstanceChange> list;
    list.reserve(mChanges.size());
    for (const auto &[key, change] : mChanges) {
        const auto &state = forward ? change.after : change.before;
        const auto &other = forward ? change.before : change.after;
        if (state != other)
            list.push_back(InstanceChange{key, state});
    }
    if (!list.empty())
        mDocument->setInstances(mClip, list);
    // Tracks last: Clip::setInstance may have added a bare track that the stored list replaces.
    if (mTracksBefore)
        mDocument->setTracks(mClip, forward ? *mTracksAfter : *mTracksBefore);
}

void ClipEdit::redo()
{
    // A new edit (first redo, from push) is refused in reviewer mode unless it is an explicit correction;
    // the stack then drops the obsolete command. Undo/redo of recorded history always applies.
    if (!mAccepted) {
        if (!mDocument->acceptLabelEdit(text())) {
            setObsolete(true);
            return;
        }
        mAccepted = true;
    }
    apply(true);
    QUndoCommand::redo();
}

void ClipEdit::undo()
{
    QUndoCommand::undo();
    apply(false);
}

core::Instance emptyInstance(const Document &document, int clip, int trackId)
{
    core::Instance inst;
    inst.trackId = trackId;
    const core::Clip *c = document.clip(clip);
    const core::Track *t = c ? c->track(trackId) : nullptr;
    inst.categoryId = t ? t->categoryId : 1;
    const core::Category *cat = document.project().category(inst.categoryId);
    inst.keypoints.resize(cat ? std::size_t(cat->keypointCount()) : 0);
    return inst;
}

} // namespace paddock::ui
