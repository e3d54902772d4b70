// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/io/journal.h"
#include "core/model/project.h"
#include "core/store/projectstore.h"
#include "ui/document/changeevent.h"
#include "ui/document/roles.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <optional>
#include <vector>

namespace paddock::ui {

class Document;

/**
 * The Document's undo stack: a QUndoStack whose push() also tells the Document what the push did (a new
 * command, a merge into the top one, or nothing), so the edit journal can group data changes per command.
 * Everything pushes through Document::undoStack(), which has this type.
 */
class UndoStack : public QUndoStack
{
public:
    explicit UndoStack(Document *document);
    /** QUndoStack::push, reported to the Document's journal (hides the base class's non-virtual push). */
    void push(QUndoCommand *command);

private:
    Document *mDocument;
};

/** Where an instance lives inside a clip: frame and track id. */
struct InstanceKey
{
    int frame = 0;
    int trackId = 0;
    bool operator==(const InstanceKey &o) const { return frame == o.frame && trackId == o.trackId; }
    bool operator<(const InstanceKey &o) const
    {
        return frame != o.frame ? frame < o.frame : trackId < o.trackId;
    }
};

/** One instance replacement: the new state of (frame, track), or nullopt to remove it. */
struct InstanceChange
{
    InstanceKey key;
    std::optional<core::Instance> instance;
};

/**
 * The open project with its undo stack and UI state (current clip, frame, animal, keypoint, role).
 * Data changes go out through one changed() signal, emitted by the mutators that commands call;
 * UI state has its own signals.
 */
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const core::Project &project() const { return mProject; }
    /** Replaces the project (open, new): clears undo history and selection. */
    void resetProject(core::Project project, const QString &fileName = QString());
    UndoStack *undoStack() const { return mUndoStack; }

    QString fileName() const { return mFileName; }
    void setFileName(const QString &fileName);
    bool isModified() const;
    /** Marks the current undo state as saved. */
    void setClean();

    // --- Changes since the last save (a project store writes only these) ----------------------------
    /**
     * What changed since markSaved(): every clip a data change touched (an undo after a save too), and whether the
     * species changed. After resetProject() everything counts as changed (clipList) until markSaved().
     */
    const store::StoreChanges &unsavedChanges() const { return mUnsaved; }
    /** The project now equals what its file or store holds (after a save, or after opening a store). */
    void markSaved() { mUnsaved = store::StoreChanges(); }

    // --- UI state ----------------------------------------------------------------------------
    int currentClipIndex() const { return mClip; }
    const core::Clip *currentClip() const;
    const core::Clip *clip(int index) const;
    void setCurrentClip(int index);

    int currentFrame() const { return mFrame; }
    void setCurrentFrame(int frame);
    int frameCount() const;

    /** Selected animal (track id), 0 when none. */
    int currentTrack() const { return mTrack; }
    void setCurrentTrack(int trackId);

    /** Selected keypoint index of the current animal, -1 when none. */
    int currentKeypoint() const { return mKeypoint; }
    void setCurrentKeypoint(int index);

    Role role() const { return mRole; }
    void setRole(Role role);
    /** Reviewers do not edit labels. */
    bool isReadOnly() const { return mRole == Role::Reviewer; }
    /** The user's name, recorded on review entries and rounds (empty: unknown). */
    QString userName() const { return mUserName; }
    void setUserName(const QString &name);
    /** Labellers edit labels; reviewers only inside a CorrectionScope (explicit corrections). */
    bool labelEditsAllowed() const { return !isReadOnly() || mCorrectionDepth > 0; }
    /** True when a new label edit may go ahead; otherwise emits labelEditRefused(\a what) and returns false. */
    bool acceptLabelEdit(const QString &what);
    /** While alive, a reviewer's label edits count as explicit corrections. */
    class CorrectionScope
    {
    public:
        explicit CorrectionScope(Document *document) : mDoc(document) { ++mDoc->mCorrectionDepth; }
        ~CorrectionScope() { --mDoc->mCorrectionDepth; }
        CorrectionScope(const CorrectionScope &) = delete;
        CorrectionScope &operator=(const CorrectionScope &) = delete;

    private:
        Document *mDoc;
    };

    // --- Queries -----------------------------------------------------------------------------
    const core::Category *categoryOfTrack(int clip, int trackId) const;
    const core::Instance *instance(int clip, int frame, int trackId) const;
    std::optional<core::Instance> instanceState(int clip, int frame, int trackId) const;
    /** The first unlabelled keypoint of \a trackId on \a frame after \a from (wrapping), -1 if all labelled. */
    int nextUnlabelledKeypoint(int frame, int trackId, int from = -1) const;

    // --- Mutators (called by commands; each emits changed()) -----------------------------------
    void setInstances(int clip, const std::vector<InstanceChange> &changes);
    void setTracks(int clip, const std::vector<core::Track> &tracks);
    void setClipInfo(int clip, int frameCount, int width, int height, double fps);
    /** Sets a merged version aside (core::Clip::setAside) or brings it back; emits ClipChanged. */
    void setClipSetAside(int clip, bool setAside);
    /** Replaces the clip's review data (rounds, error list); emits ReviewChanged. Never touches labels. */
    void setReview(int clip, const core::ClipReview &review);
    /** Replaces the project's species list; emits CategoriesChanged. */
    void setCategories(const std::vector<core::Category> &categories);
    /** Applies what changed in the clip's review (\a forward) or takes it back; emits ReviewChanged. */
    void setReviewDelta(int clip, const core::ReviewDelta &delta, bool forward);
    /** Applies a recorded mutation forward or backward through the same path as the mutators above. */
    void applyMutation(const core::Mutation &mutation, bool forward);

    // --- Edit journal (crash recovery) ----------------------------------------------------------
    /**
     * Sends every data change from now on to \a writer, one record per undo-stack step (nullptr: stop).
     * With \a historyInJournal false the commands now on the stack predate the journal (a fresh start on
     * a saved file or snapshot); true after replayJournal(), whose commands the journal holds.
     */
    void setJournal(core::JournalWriter *writer, bool historyInJournal = false);
    core::JournalWriter *journal() const { return mJournal; }
    /**
     * Recovery: applies \a records on top of the current project (the journal's base) and rebuilds the
     * undo history as replayed commands that undo and redo exactly. Nothing is written to the journal.
     */
    bool replayJournal(const std::vector<core::JournalRecord> &records, QString *error);

Q_SIGNALS:
    void changed(const paddock::ui::ChangeEvent &event);
    void currentClipChanged(int index);
    void currentFrameChanged(int frame);
    void currentTrackChanged(int trackId);
    void currentKeypointChanged(int index);
    void roleChanged(paddock::ui::Role role);
    void userNameChanged(const QString &name);
    /** A label edit was refused (reviewer mode); \a what names the edit. */
    void labelEditRefused(const QString &what);
    void fileNameChanged(const QString &fileName);
    void modifiedChanged(bool modified);

private:
    friend class UndoStack;
    core::Clip *mutableClip(int index);
    /** Applies \a m forward, emits its change event and hands it to the journal. */
    void apply(core::Mutation m);
    void journalPushed(int indexBefore, const QUndoCommand *topBefore, const QUndoCommand *pushed);
    void journalIndexChanged(int index);
    void journalStray();
    void emitRecord(core::JournalRecord::Op op, const QString &text, int index);

    core::Project mProject;
    store::StoreChanges mUnsaved = store::StoreChanges::all();
    UndoStack *mUndoStack;
    QString mFileName;
    int mClip = -1;
    int mFrame = 0;
    int mTrack = 0;
    int mKeypoint = -1;
    Role mRole = Role::Labeller;
    QString mUserName;
    int mCorrectionDepth = 0;
    // journal: the commands at [mJournalFrom, mJournalFrom + mJournaled) of the stack are in the journal
    core::JournalWriter *mJournal = nullptr;
    std::vector<core::Mutation> mPending; ///< data changes not yet in a record
    int mJournalFrom = 0;
    int mJournaled = 0;
    int mStackIndex = 0;
    bool mPushing = false;
    bool mStrayQueued = false;
};

} // namespace paddock::ui
