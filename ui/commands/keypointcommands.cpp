// SPDX-License-Identifier: Apache-2.0
#include "ui/commands/keypointcommands.h"

#include "ui/commands/commandids.h"

#include <QCoreApplication>

#include <utility>

namespace paddock::ui {

namespace {
core::Keypoint manualKeypoint(QPointF pos, core::Visibility visibility = core::Visibility::Visible)
{
    core::Keypoint k;
    k.x = pos.x();
    k.y = pos.y();
    k.visibility = visibility;
    k.source = core::Source::Manual;
    k.score = 1.0f;
    return k;
}

core::Instance instanceFor(const Document &doc, int clip, int frame, int trackId, int keypoint)
{
    core::Instance inst = doc.instanceState(clip, frame, trackId).value_or(emptyInstance(doc, clip, trackId));
    if (int(inst.keypoints.size()) <= keypoint)
        inst.keypoints.resize(std::size_t(keypoint) + 1);
    return inst;
}

bool isTrackerSource(core::Source s)
{
    return s == core::Source::Propagated || s == core::Source::Refined || s == core::Source::Interpolated;
}
} // namespace

PlaceKeypoint::PlaceKeypoint(Document *document, int clip, int frame, int trackId, int keypoint, QPointF pos)
    : ClipEdit(document, clip, QCoreApplication::translate("Undo Commands", "Place Keypoint"))
{
    core::Instance inst = instanceFor(*document, clip, frame, trackId, keypoint);
    inst.keypoints[std::size_t(keypoint)] = manualKeypoint(pos);
    changeInstance(frame, trackId, inst);
}

MoveKeypoint::MoveKeypoint(Document *document, int clip, int frame, int trackId, int keypoint, QPointF pos,
                           bool commit)
    : QUndoCommand(QCoreApplication::translate("Undo Commands", "Move Keypoint"))
    , mDocument(document)
    , mClip(clip)
    , mFrame(frame)
    , mTrackId(trackId)
    , mKeypoint(keypoint)
    , mCommitted(commit)
{
    const core::Instance inst = instanceFor(*document, clip, frame, trackId, keypoint);
    mBefore = inst.keypoints[std::size_t(keypoint)];
    const auto vis = mBefore.isLabelled() ? mBefore.visibility : core::Visibility::Visible;
    mAfter = manualKeypoint(pos, vis);
}

void MoveKeypoint::redo()
{
    if (!mAccepted) { // reviewer mode refuses new label edits (see ClipEdit::redo)
        if (!mDocument->acceptLabelEdit(text())) {
            setObsolete(true);
            return;
        }
        mAccepted = true;
        if (mAfter != mBefore)
            mReopen.reopen(mDocument, mClip, text(), mFrame, mTrackId, mKeypoint);
    } else {
        mReopen.redo(mDocument, mClip);
    }
    core::Instance inst = instanceFor(*mDocument, mClip, mFrame, mTrackId, mKeypoint);
    inst.keypoints[std::size_t(mKeypoint)] = mAfter;
    mDocument->setInstances(mClip, {InstanceChange{{mFrame, mTrackId}, inst}});
}

void MoveKeypoint::undo()
{
    core::Instance inst = instanceFor(*mDocument, mClip, mFrame, mTrackId, mKeypoint);
    inst.keypoints[std::size_t(mKeypoint)] = mBefore;
    mDocument->setInstances(mClip, {InstanceChange{{mFrame, mTrackId}, inst}});
    mReopen.undo(mDocument, mClip);
}

int MoveKeypoint::id() const
{
    return int(CommandId::MoveKeypoint);
}

bool MoveKeypoint::mergeWith(const QUndoCommand *other)
{
    if (mCommitted || other->id() != id() || other->isObsolete())
        return false;
    const auto *o = static_cast<const MoveKeypoint *>(other);
    if (o->mReopen.reopened())
        return false;
    if (o->mDocument != mDocument || o->mClip != mClip || o->mFrame != mFrame || o->mTrackId != mTrackId
        || o->mKeypoint != mKeypoint)
        return false;
    mAfter = o->mAfter;
    mCommitted = o->mCommitted;
    setObsolete(mAfter == mBefore && !mReopen.reopened()); // a drag back to the start is no step
    return true;
}

SetKeypointVisibility::SetKeypointVisibility(Document *document, int clip, int frame, int trackId, int keypoint,
                                             core::Visibility visibility, QPointF pos)
    : ClipEdit(document, clip,
               visibility == core::Visibility::Unlabelled ? QCoreApplication::translate("Undo Commands", "Clear Keypoint")
               : visibility == core::Visibility::Occluded ? QCoreApplication::translate("Undo Commands", "Mark Keypoint Occluded")
                                                          : QCoreApplication::translate("Undo Commands", "Mark Keypoint Visible"))
{
    core::Instance inst = instanceFor(*document, clip, frame, trackId, keypoint);
    core::Keypoint &k = inst.keypoints[std::size_t(keypoint)];
    if (visibility == core::Visibility::Unlabelled) {
        k = core::Keypoint();
    } else {
        const QPointF at = k.isLabelled() ? QPointF(k.x, k.y) : pos;
        k = manualKeypoint(at, visibility);
    }
    if (inst.labelledCount() == 0)
        changeInstance(frame, trackId, std::nullopt);
    else
        changeInstance(frame, trackId, inst);
}

SwapLeftRight::SwapLeftRight(Document *document, int clip, int frame, int trackId)
    : ClipEdit(document, clip, QCoreApplication::translate("Undo Commands", "Swap Left and Right"))
{
    auto inst = document->instanceState(clip, frame, trackId);
    const core::Category *cat = document->categoryOfTrack(clip, trackId);
    if (!inst || !cat)
        return;
    for (const auto &[a, b] : cat->flipPairs) {
        if (a < int(inst->keypoints.size()) && b < int(inst->keypoints.size()))
            std::swap(inst->keypoints[std::size_t(a)], inst->keypoints[std::size_t(b)]);
    }
    changeInstance(frame, trackId, inst);
}

ApproveFrame::ApproveFrame(Document *document, int clip, int frame)
    : ClipEdit(document, clip, QCoreApplication::translate("Undo Commands", "Approve Frame"))
{
    const core::Clip *c = document->clip(clip);
    if (!c)
        return;
    auto it = c->frames.find(frame);
    if (it == c->frames.end())
        return;
    for (core::Instance inst : it->second) {
        bool any = false;
        for (core::Keypoint &k : inst.keypoints) {
            if (k.isLabelled() && isTrackerSource(k.source)) {
                k.source = core::Source::Approved;
                any = true;
            }
        }
        if (any)
            changeInstance(frame, inst.trackId, inst);
    }
}

CopyAnimalFromFrame::CopyAnimalFromFrame(Document *document, int clip, int fromFrame, int toFrame, int trackId)
    : ClipEdit(document, clip, QCoreApplication::translate("Undo Commands", "Copy Animal from Frame"))
{
    auto inst = document->instanceState(clip, fromFrame, trackId);
    if (!inst || fromFrame == toFrame)
        return;
    for (core::Keypoint &k : inst->keypoints) {
        if (k.isLabelled()) {
            k.source = core::Source::Manual;
            k.score = 1.0f;
        }
    }
    inst->annotationId = 0;
    inst->bbox.reset();
    inst->area.reset();
    changeInstance(toFrame, trackId, inst);
}

int CopyAnimalFromFrame::sourceFrame(const Document &document, int clip, int frame, int trackId, bool beforeOnly)
{
    const core::Clip *c = document.clip(clip);
    if (!c)
        return -1;
    auto labelledAt = [&](const core::FrameLabels::const_iterator &it) {
        const core::Instance *inst = c->instance(it->first, trackId);
        return it->first != frame && inst && inst->labelledCount() > 0;
    };
    int before = -1, after = -1;
    const auto pivot = c->frames.lower_bound(frame);
    for (auto it = std::make_reverse_iterator(pivot); it != c->frames.rend(); ++it) {
        if (labelledAt(std::prev(it.base()))) {
            before = it->first;
            break;
        }
    }
    if (beforeOnly)
        return before;
    for (auto it = pivot; it != c->frames.end(); ++it) {
        if (labelledAt(it)) {
            after = it->first;
            break;
        }
    }
    if (before < 0)
        return after;
    if (after < 0)
        return before;
    return frame - before <= after - frame ? before : after;
}

} // namespace paddock::ui
