// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/commands/clipedit.h"

#include <QPointF>

namespace paddock::ui {

/** Undo command that places one keypoint of one animal as a visible manual label. */
class PlaceKeypoint : public ClipEdit
{
public:
    PlaceKeypoint(Document *document, int clip, int frame, int trackId, int keypoint, QPointF pos);
};

/**
 * Undo command that moves one keypoint. While a drag is in progress (commit = false) consecutive moves
 * of the same keypoint merge into one step; the move with commit = true closes it.
 * Moving a tracker's point turns it into a manual label (the next refine uses it).
 */
class MoveKeypoint : public QUndoCommand
{
public:
    MoveKeypoint(Document *document, int clip, int frame, int trackId, int keypoint, QPointF pos, bool commit);

    void redo() override;
    void undo() override;
    int id() const override;
    /** Merges the next move of the same drag; a merged move that reopened an accepted clip stays separate. */
    bool mergeWith(const QUndoCommand *other) override;
    bool isCommitted() const { return mCommitted; }

private:
    Document *mDocument;
    int mClip, mFrame, mTrackId, mKeypoint;
    core::Keypoint mBefore;
    core::Keypoint mAfter;
    bool mCommitted;
    bool mAccepted = false;
    ReopenOnEdit mReopen; ///< a move on an accepted clip reopens it
};

/** Undo command that marks one keypoint visible, occluded (labelled, not visible) or clears it. */
class SetKeypointVisibility : public ClipEdit
{
public:
    /** \a pos is used when the keypoint has no position yet (marking an unplaced point occluded). */
    SetKeypointVisibility(Document *document, int clip, int frame, int trackId, int keypoint,
                          core::Visibility visibility, QPointF pos = QPointF());
};

/** Undo command that swaps the left and right keypoints of one animal on one frame. */
class SwapLeftRight : public ClipEdit
{
public:
    SwapLeftRight(Document *document, int clip, int frame, int trackId);
};

/** Undo command that turns every tracker point on a frame into an approved label. */
class ApproveFrame : public ClipEdit
{
public:
    ApproveFrame(Document *document, int clip, int frame);
};

/** Undo command that copies an animal's keypoints from another frame as manual labels. */
class CopyAnimalFromFrame : public ClipEdit
{
public:
    CopyAnimalFromFrame(Document *document, int clip, int fromFrame, int toFrame, int trackId);

    /**
     * The labelled frame of \a trackId nearest to \a frame (either side; the earlier one on a tie), or with
     * \a beforeOnly the last labelled frame before it; -1 when there is none.
     */
    static int sourceFrame(const Document &document, int clip, int frame, int trackId, bool beforeOnly = false);
};

} // namespace paddock::ui
