// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/checks/checks.h"
#include "core/io/reviewjson.h"
#include "core/model/review.h"
#include "ui/document/document.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

#include <cstdint>
#include <vector>

namespace paddock::ui {

/**
 * Base of the undo commands that edit a clip's review data (error list, rounds): computes the new review
 * once, in the constructor, and keeps only what changed (a core::ReviewDelta: the touched entries and rounds,
 * never a full copy of the clip's review), applied through Document::setReviewDelta. Labels are never touched.
 * A command whose edit is not allowed carries an error() and makes itself obsolete, so pushing it is a no-op.
 */
class ReviewEdit : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::ReviewEdit) // the context lupdate gives its tr() calls
public:
    ReviewEdit(Document *document, int clip, const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    bool isValid() const { return mError.isEmpty(); }
    /** Why the edit is not allowed (empty when it is). */
    QString error() const { return mError; }
    /** What the command changes; empty until the command has been pushed (first redo). */
    const core::ReviewDelta &delta() const { return mDelta; }

protected:
    /** Sets the error (the first one wins); the command then does nothing. */
    void fail(const QString &message);
    /** Fails unless the document's role is \a role. */
    bool requireRole(Role role);
    std::string who() const;

    Document *mDocument;
    int mClip;
    core::ClipReview mBefore; ///< the subclass constructors edit mAfter; both are dropped on first redo
    core::ClipReview mAfter;
    QString mError;

private:
    core::ReviewDelta mDelta;
    bool mHaveDelta = false;
};

/** The reviewer flags a keypoint (keypoint >= 0), an animal (trackId > 0) or a frame with an error type. */
class FlagError : public ReviewEdit
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::FlagError) // the context lupdate gives its tr() calls
public:
    FlagError(Document *document, int clip, core::ReviewEntry entry);
    std::int64_t entryId() const { return mId; }

private:
    std::int64_t mId = 0;
};

/** The labeller says an entry is fixed. */
class MarkEntryFixed : public ReviewEdit
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::MarkEntryFixed) // the context lupdate gives its tr() calls
public:
    MarkEntryFixed(Document *document, int clip, std::int64_t id);
};

/** The reviewer accepts an entry (its fix, or closes it after correcting the point). */
class AcceptEntry : public ReviewEdit
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::AcceptEntry) // the context lupdate gives its tr() calls
public:
    AcceptEntry(Document *document, int clip, std::int64_t id, QUndoCommand *parent = nullptr);
};

/** The reviewer reopens a fixed or accepted entry, optionally with a comment. */
class ReopenEntry : public ReviewEdit
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::ReopenEntry) // the context lupdate gives its tr() calls
public:
    ReopenEntry(Document *document, int clip, std::int64_t id, const QString &comment = QString());
};

/** The reviewer removes an entry raised by mistake. */
class RemoveEntry : public ReviewEdit
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::RemoveEntry) // the context lupdate gives its tr() calls
public:
    RemoveEntry(Document *document, int clip, std::int64_t id);
};

/** Which round transition a RoundStep performs. */
enum class RoundAction { SubmitForReview, ReturnToLabeller, SubmitFixes, AcceptClip };

/**
 * A review-round transition: submit for review (a new round with a snapshot of the labels), return to the
 * labeller (reviewer), submit fixes (labeller), accept the clip (reviewer; snapshot of the final labels).
 */
class RoundStep : public ReviewEdit
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::RoundStep) // the context lupdate gives its tr() calls
public:
    RoundStep(Document *document, int clip, RoundAction action);
    static QString actionText(RoundAction action);
};

/** Imports an error list (one undo step): merges entries by id into the clip's list, labels untouched. */
class ImportErrorList : public ReviewEdit
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::ImportErrorList) // the context lupdate gives its tr() calls
public:
    ImportErrorList(Document *document, int clip, const core::ErrorList &list);
    const core::MergeReport &report() const { return mReport; }

private:
    core::MergeReport mReport;
};

/**
 * Turns automatic findings into open error-list entries (one undo step). Findings that already have an
 * unresolved entry of the same check on the same frame, animal and keypoint are skipped.
 */
class FindingsToEntries : public ReviewEdit
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::FindingsToEntries) // the context lupdate gives its tr() calls
public:
    FindingsToEntries(Document *document, int clip, const std::vector<core::Finding> &findings);
    int addedCount() const { return mAdded; }

private:
    int mAdded = 0;
};

/**
 * The reviewer's explicit correction: moves an entry's keypoint to its suggested position and accepts the
 * entry, as one undo step. Allowed in reviewer mode (it runs inside a Document::CorrectionScope).
 */
class ApplySuggestion : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::ApplySuggestion) // the context lupdate gives its tr() calls
public:
    ApplySuggestion(Document *document, int clip, std::int64_t id);

    void redo() override;
    void undo() override;
    bool isValid() const { return mError.isEmpty(); }
    QString error() const { return mError; }

private:
    Document *mDocument;
    QString mError;
};

/** Pushes \a command when it is valid; otherwise deletes it and returns its error. */
template<typename Command>
QString pushReviewCommand(Document *document, Command *command)
{
    if (!command->isValid()) {
        const QString err = command->error();
        delete command;
        return err;
    }
    document->undoStack()->push(command);
    return QString();
}

} // namespace paddock::ui
