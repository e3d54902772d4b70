// SPDX-License-Identifier: Apache-2.0
#include "ui/commands/reviewcommands.h"

#include "ui/commands/clipedit.h"

#include <QCoreApplication>

#include <utility>

namespace paddock::ui {

namespace {
QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

/** The reviewer's correction of one keypoint to a position (a manual label); allowed in reviewer mode. */
class CorrectKeypoint : public ClipEdit
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::CorrectKeypoint) // the context lupdate gives its tr() calls
public:
    CorrectKeypoint(Document *document, int clip, int frame, int trackId, int keypoint, core::Point2 pos,
                    QUndoCommand *parent)
        : ClipEdit(document, clip, tr("Correct Keypoint"), parent)
    {
        core::Instance inst = pendingState(frame, trackId).value_or(emptyInstance(*document, clip, trackId));
        if (int(inst.keypoints.size()) <= keypoint)
            inst.keypoints.resize(std::size_t(keypoint) + 1);
        core::Keypoint &k = inst.keypoints[std::size_t(keypoint)];
        const core::Visibility vis = k.isLabelled() ? k.visibility : core::Visibility::Visible;
        k.x = pos.x;
        k.y = pos.y;
        k.visibility = vis;
        k.source = core::Source::Manual;
        k.score = 1.0f;
        changeInstance(frame, trackId, inst);
    }
};
} // namespace

// ---- ReviewEdit ----------------------------------------------------------------------------------------

ReviewEdit::ReviewEdit(Document *document, int clip, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , mDocument(document)
    , mClip(clip)
{
    if (const core::Clip *c = document->clip(clip)) {
        mBefore = c->review;
        mAfter = c->review;
    } else {
        fail(tr("There is no clip %1.").arg(clip));
    }
}

void ReviewEdit::fail(const QString &message)
{
    if (mError.isEmpty())
        mError = message;
}

bool ReviewEdit::requireRole(Role role)
{
    if (mDocument->role() == role)
        return true;
    fail(role == Role::Reviewer ? tr("Only a reviewer can do this (switch to reviewer mode).")
                                : tr("Only the labeller can do this (switch to labeller mode)."));
    return false;
}

std::string ReviewEdit::who() const
{
    const QString name = mDocument->userName();
    if (!name.isEmpty())
        return name.toStdString();
    return mDocument->role() == Role::Reviewer ? "reviewer" : "labeller";
}

void ReviewEdit::redo()
{
    if (!mHaveDelta) {
        // Keep only what changed: two full copies of a long clip's review (snapshots of every label) per
        // command would make the undo history grow by megabytes per flag.
        if (isValid())
            mDelta = core::diffReview(mBefore, mAfter);
        mBefore = core::ClipReview();
        mAfter = core::ClipReview();
        mHaveDelta = true;
    }
    if (!isValid() || mDelta.empty()) {
        setObsolete(true);
        return;
    }
    mDocument->setReviewDelta(mClip, mDelta, true);
    QUndoCommand::redo();
}

void ReviewEdit::undo()
{
    QUndoCommand::undo();
    if (isValid() && !mDelta.empty())
        mDocument->setReviewDelta(mClip, mDelta, false);
}

// ---- Entry edits ---------------------------------------------------------------------------------------

FlagError::FlagError(Document *document, int clip, core::ReviewEntry entry)
    : ReviewEdit(document, clip, tr("Flag Error"))
{
    if (!isValid() || !requireRole(Role::Reviewer))
        return;
    const core::Clip *c = document->clip(clip);
    if (entry.frame < 0 || entry.frame >= c->effectiveFrameCount()) {
        fail(tr("Frame %1 is outside the clip.").arg(entry.frame));
        return;
    }
    if (entry.trackId != 0 && !c->track(entry.trackId)) {
        fail(tr("The clip has no animal %1.").arg(entry.trackId));
        return;
    }
    if (entry.keypoint >= 0 && entry.trackId == 0) {
        fail(tr("A keypoint error needs an animal."));
        return;
    }
    entry.id = 0;
    entry.author = who();
    entry.updatedBy = entry.author;
    entry.state = core::EntryState::Open;
    mId = core::addEntry(&mAfter, std::move(entry), core::nowMs());
}

MarkEntryFixed::MarkEntryFixed(Document *document, int clip, std::int64_t id)
    : ReviewEdit(document, clip, tr("Mark Error Fixed"))
{
    std::string err;
    if (isValid() && requireRole(Role::Labeller) && !core::markFixed(&mAfter, id, who(), core::nowMs(), &err))
        fail(fromStd(err));
}

AcceptEntry::AcceptEntry(Document *document, int clip, std::int64_t id, QUndoCommand *parent)
    : ReviewEdit(document, clip, tr("Accept Error Entry"), parent)
{
    std::string err;
    if (isValid() && requireRole(Role::Reviewer) && !core::acceptEntry(&mAfter, id, who(), core::nowMs(), &err))
        fail(fromStd(err));
}

ReopenEntry::ReopenEntry(Document *document, int clip, std::int64_t id, const QString &comment)
    : ReviewEdit(document, clip, tr("Reopen Error Entry"))
{
    std::string err;
    if (isValid() && requireRole(Role::Reviewer)
        && !core::reopenEntry(&mAfter, id, who(), comment.toStdString(), core::nowMs(), &err))
        fail(fromStd(err));
}

RemoveEntry::RemoveEntry(Document *document, int clip, std::int64_t id)
    : ReviewEdit(document, clip, tr("Remove Error Entry"))
{
    std::string err;
    if (isValid() && requireRole(Role::Reviewer) && !core::removeEntry(&mAfter, id, &err))
        fail(fromStd(err));
}

// ---- Rounds --------------------------------------------------------------------------------------------

QString RoundStep::actionText(RoundAction action)
{
    switch (action) {
    case RoundAction::SubmitForReview: return tr("Submit for Review");
    case RoundAction::ReturnToLabeller: return tr("Return to Labeller");
    case RoundAction::SubmitFixes: return tr("Submit Fixes");
    case RoundAction::AcceptClip: return tr("Accept Clip");
    }
    return QString();
}

RoundStep::RoundStep(Document *document, int clip, RoundAction action)
    : ReviewEdit(document, clip, actionText(action))
{
    if (!isValid())
        return;
    const core::Clip *c = document->clip(clip);
    const std::int64_t now = core::nowMs();
    std::string err;
    bool ok = true;
    switch (action) {
    case RoundAction::SubmitForReview:
        // Either side may hand the clip over; the reviewer's name is recorded when a reviewer does it, the
        // labeller's when a labeller does (the clip browser's Labeller column).
        ok = core::startReview(&mAfter, c->frames, document->role() == Role::Reviewer ? who() : std::string(),
                               now, &err,
                               document->role() == Role::Labeller ? document->userName().toStdString() : std::string());
        break;
    case RoundAction::ReturnToLabeller:
        ok = requireRole(Role::Reviewer) && core::returnToLabeller(&mAfter, now, &err);
        break;
    case RoundAction::SubmitFixes:
        ok = requireRole(Role::Labeller) && core::submitFixes(&mAfter, now, &err);
        break;
    case RoundAction::AcceptClip:
        ok = requireRole(Role::Reviewer) && core::acceptClip(&mAfter, c->frames, who(), now, &err);
        break;
    }
    if (!ok && !err.empty())
        fail(fromStd(err));
}

// ---- Import and findings -------------------------------------------------------------------------------

ImportErrorList::ImportErrorList(Document *document, int clip, const core::ErrorList &list)
    : ReviewEdit(document, clip, tr("Import Error List"))
{
    if (!isValid())
        return;
    // Merge on a copy of the clip (for the warnings about missing frames and tracks); only its review is kept.
    core::Clip copy = *document->clip(clip);
    mReport = core::importErrorList(&copy, list);
    mAfter = copy.review;
    if (mAfter == mBefore && mReport.added == 0 && mReport.updated == 0)
        fail(tr("The error list has nothing new for this clip."));
}

FindingsToEntries::FindingsToEntries(Document *document, int clip, const std::vector<core::Finding> &findings)
    : ReviewEdit(document, clip, tr("Findings to Error List"))
{
    if (!isValid())
        return;
    const std::int64_t now = core::nowMs();
    for (const core::Finding &f : findings) {
        core::ReviewEntry e = core::findingToEntry(f, "check");
        bool known = false;
        for (const core::ReviewEntry &o : mAfter.entries)
            if (core::isUnresolved(o.state) && o.frame == e.frame && o.trackId == e.trackId
                && o.keypoint == e.keypoint && o.checkKind == e.checkKind)
                known = true;
        if (known)
            continue;
        core::addEntry(&mAfter, std::move(e), now);
        ++mAdded;
    }
    if (mAdded == 0)
        fail(tr("Every finding is already on the error list."));
    else
        setText(QCoreApplication::translate("Review Commands", "Add %n Finding(s) to Error List", nullptr, mAdded));
}

// ---- Correction ----------------------------------------------------------------------------------------

ApplySuggestion::ApplySuggestion(Document *document, int clip, std::int64_t id)
    : QUndoCommand(tr("Apply Suggested Position"))
    , mDocument(document)
{
    const core::Clip *c = document->clip(clip);
    const core::ReviewEntry *e = c ? c->review.entry(id) : nullptr;
    if (!e) {
        mError = tr("There is no error entry %1.").arg(id);
        return;
    }
    if (!e->suggested || e->keypoint < 0 || e->trackId == 0) {
        mError = tr("Entry %1 has no suggested position for a keypoint.").arg(id);
        return;
    }
    new CorrectKeypoint(document, clip, e->frame, e->trackId, e->keypoint, *e->suggested, this);
    auto *accept = new AcceptEntry(document, clip, id, this);
    if (!accept->isValid())
        mError = accept->error();
}

void ApplySuggestion::redo()
{
    // The reviewer's explicit correction: the label edit inside passes the reviewer-mode check.
    Document::CorrectionScope scope(mDocument);
    QUndoCommand::redo();
}

void ApplySuggestion::undo()
{
    QUndoCommand::undo();
}

} // namespace paddock::ui
