// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/document/document.h"

#include <QUndoCommand>

#include <map>
#include <optional>
#include <vector>

namespace paddock::ui {

/**
 * The review change a new label edit makes on an accepted clip: the clip reopens (core::reopenAfterEdit) and
 * the error list says who changed what. Empty when the clip is not accepted; undo restores the acceptance.
 */
class ReopenOnEdit
{
public:
    /** Reopens the clip now if it is accepted; \a what names the edit, \a frame/\a trackId/\a keypoint its place. */
    void reopen(Document *document, int clip, const QString &what, int frame, int trackId, int keypoint = -1);
    void undo(Document *document, int clip) const;
    void redo(Document *document, int clip) const;
    bool reopened() const { return mBefore.has_value(); }

private:
    std::optional<core::ClipReview> mBefore;
    std::optional<core::ClipReview> mAfter;
};

/**
 * Base of the undo commands that edit one clip: records the before and after state of every touched
 * instance (and optionally the track list) and applies them through the Document's mutators.
 */
class ClipEdit : public QUndoCommand
{
public:
    ClipEdit(Document *document, int clip, const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    /** True when the command changes nothing (callers then need not push it). */
    bool isNoOp() const;
    int clipIndex() const { return mClip; }

protected:
    /** Records the new state of (frame, track); the old state is read from the document on first use. */
    void changeInstance(int frame, int trackId, std::optional<core::Instance> after);
    /** The state this command will leave (frame, track) in: an earlier change, or the document's. */
    std::optional<core::Instance> pendingState(int frame, int trackId) const;
    void changeTracks(std::vector<core::Track> after);
    /** Records the project's new species list (project-wide, not only this clip). */
    void changeCategories(std::vector<core::Category> after);
    const core::Clip *clip() const { return mDocument->clip(mClip); }

    Document *mDocument;
    int mClip;

private:
    struct Change
    {
        std::optional<core::Instance> before;
        std::optional<core::Instance> after;
    };
    void apply(bool forward);

    std::map<InstanceKey, Change> mChanges;
    std::optional<std::vector<core::Track>> mTracksBefore;
    std::optional<std::vector<core::Track>> mTracksAfter;
    std::optional<std::vector<core::Category>> mCategoriesBefore;
    std::optional<std::vector<core::Category>> mCategoriesAfter;
    bool mAccepted = false; ///< passed the Document's label-edit check (reviewer mode) on first redo
    ReopenOnEdit mReopen;   ///< an edit of an accepted clip reopens it
};

/** A fresh instance of \a trackId with every keypoint of its category unlabelled. */
core::Instance emptyInstance(const Document &document, int clip, int trackId);

} // namespace paddock::ui
