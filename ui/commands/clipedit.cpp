// SPDX-License-Identifier: Apache-2.0
#include "ui/commands/clipedit.h"

#include <QCoreApplication>

namespace paddock::ui {

void ReopenOnEdit::reopen(Document *document, int clip, const QString &what, int frame, int trackId, int keypoint)
{
    const core::Clip *c = document->clip(clip);
    if (!c || c->review.state() != core::RoundState::Accepted)
        return;
    core::ClipReview review = c->review;
    core::ReviewEntry note;
    note.frame = frame;
    note.trackId = trackId;
    note.keypoint = keypoint;
    note.type = core::ErrorType::Other;
    note.comment = QCoreApplication::translate("Undo Commands", "Changed after acceptance of round %1: %2")
                       .arg(review.currentRound()->number)
                       .arg(what)
                       .toStdString();
    const QString who = document->userName().isEmpty() ? QCoreApplication::translate("Undo Commands", "unnamed")
                                                       : document->userName();
    if (core::reopenAfterEdit(&review, note, who.toStdString(), core::nowMs()) == 0)
        return;
    mBefore = c->review;
    mAfter = review;
    document->setReview(clip, *mAfter);
}

void ReopenOnEdit::undo(Document *document, int clip) const
{
    if (mBefore)
        document->setReview(clip, *mBefore);
}

void ReopenOnEdit::redo(Document *document, int clip) const
{
    if (mAfter)
        document->setReview(clip, *mAfter);
}

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

void ClipEdit::changeCategories(std::vector<core::Category> after)
{
    if (!mCategoriesBefore)
        mCategoriesBefore = mDocument->project().categories;
    mCategoriesAfter = std::move(after);
}

bool ClipEdit::isNoOp() const
{
    if (mTracksBefore && mTracksBefore != mTracksAfter)
        return false;
    if (mCategoriesBefore && mCategoriesBefore != mCategoriesAfter)
        return false;
    for (const auto &[key, change] : mChanges)
        if (change.before != change.after)
            return false;
    return true;
}

void ClipEdit::apply(bool forward)
{
    // Species first on redo (tracks and instances may name a new one), last on undo.
    if (mCategoriesBefore && forward)
        mDocument->setCategories(*mCategoriesAfter);
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
    if (mCategoriesBefore && !forward)
        mDocument->setCategories(*mCategoriesBefore);
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
        if (!isNoOp()) {
            const InstanceKey first = mChanges.empty() ? InstanceKey{-1, 0} : mChanges.begin()->first;
            QString what = text();
            if (mChanges.size() > 1)
                what = QCoreApplication::translate("Undo Commands", "%1 (%n animal-frame(s))", nullptr,
                                                   int(mChanges.size()))
                           .arg(what);
            // One keypoint changed (a placement, a visibility change): the entry names it.
            int keypoint = -1;
            if (mChanges.size() == 1) {
                const Change &c = mChanges.begin()->second;
                const std::size_t n = std::max(c.before ? c.before->keypoints.size() : 0,
                                               c.after ? c.after->keypoints.size() : 0);
                for (std::size_t k = 0; k < n; ++k) {
                    const auto at = [k](const std::optional<core::Instance> &i) {
                        return i && k < i->keypoints.size() ? i->keypoints[k] : core::Keypoint();
                    };
                    if (at(c.before) != at(c.after))
                        keypoint = keypoint == -1 ? int(k) : -2;
                }
            }
            mReopen.reopen(mDocument, mClip, what, std::max(0, first.frame), first.trackId, std::max(-1, keypoint));
        }
    } else {
        mReopen.redo(mDocument, mClip);
    }
    apply(true);
    QUndoCommand::redo();
}

void ClipEdit::undo()
{
    QUndoCommand::undo();
    apply(false);
    mReopen.undo(mDocument, mClip);
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
