// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace paddock::core {

class Clip;

/** Labels of a clip as stored in Clip::frames: frame index -> instances. */
using FrameLabels = std::map<int, std::vector<Instance>>;

/** What a reviewer (or an automatic check) says is wrong with a keypoint, an animal or a frame. */
enum class ErrorType : std::uint8_t {
    WrongPosition = 0,
    LeftRightSwapped,
    Missing,
    ShouldBeOccluded,
    ShouldBeUnlabelled,
    WrongSpecies,
    WrongTrackId,
    Other,
};
const char *errorTypeName(ErrorType t); ///< stable identifier for files, e.g. "wrong_position"
std::optional<ErrorType> errorTypeFromName(const std::string &name);
std::vector<ErrorType> allErrorTypes();

/** Life of one error-list entry: raised (open), fixed by the labeller, accepted or reopened by the reviewer. */
enum class EntryState : std::uint8_t { Open = 0, Fixed, Accepted, Reopened };
const char *entryStateName(EntryState s);
std::optional<EntryState> entryStateFromName(const std::string &name);
/** True for states the labeller still has to act on (open, reopened). */
inline bool isUnresolved(EntryState s) { return s == EntryState::Open || s == EntryState::Reopened; }

/** A suggested position for a keypoint, in image pixels. */
struct Point2
{
    double x = 0.0;
    double y = 0.0;
    bool operator==(const Point2 &o) const { return x == o.x && y == o.y; }
    bool operator!=(const Point2 &o) const { return !(*this == o); }
};

/** One entry of a clip's error list, pinned to a frame, an animal (track) and optionally a keypoint. */
struct ReviewEntry
{
    std::int64_t id = 0;     ///< unique within the clip; 0 until added
    int frame = 0;           ///< 0-based frame index in the clip
    int trackId = 0;         ///< animal; 0 for a frame-level entry
    int keypoint = -1;       ///< keypoint index, -1 for an animal- or frame-level entry
    ErrorType type = ErrorType::Other;
    std::string comment;
    std::optional<Point2> suggested; ///< where the reviewer thinks the point belongs
    EntryState state = EntryState::Open;
    std::string author;      ///< who raised it (reviewer name, or "check" for automatic findings)
    std::string updatedBy;   ///< who changed its state last
    std::int64_t created = 0;  ///< milliseconds since the Unix epoch (UTC)
    std::int64_t modified = 0; ///< milliseconds since the Unix epoch (UTC)
    int round = 0;           ///< review round during which it was raised (0 when none)
    std::string checkKind;   ///< the automatic check that produced it, empty for a person's flag

    bool operator==(const ReviewEntry &o) const;
    bool operator!=(const ReviewEntry &o) const { return !(*this == o); }
};

/** State of a review round; the clip's review state is that of its latest round. */
enum class RoundState : std::uint8_t { Labelling = 0, InReview, Returned, Fixed, Accepted };
const char *roundStateName(RoundState s);
std::optional<RoundState> roundStateFromName(const std::string &name);

/** One pass of review over a clip, with the labels as they were when the round was handed to the reviewer. */
struct ReviewRound
{
    int number = 1;
    RoundState state = RoundState::Labelling;
    std::string reviewer;
    std::int64_t started = 0;
    std::int64_t updated = 0;
    FrameLabels snapshot;
    std::string labeller; ///< who handed the clip in (Submit for Review by a labeller); empty when unknown

    bool operator==(const ReviewRound &o) const;
    bool operator!=(const ReviewRound &o) const { return !(*this == o); }
};

/** Review data of one clip: its rounds and its error list. Plain value, stored in Clip::review. */
struct ClipReview
{
    std::vector<ReviewRound> rounds;
    std::vector<ReviewEntry> entries;

    bool empty() const { return rounds.empty() && entries.empty(); }
    /** State of the latest round; Labelling when no round exists yet. */
    RoundState state() const;
    const ReviewRound *currentRound() const;
    const ReviewRound *round(int number) const;
    const ReviewEntry *entry(std::int64_t id) const;
    ReviewEntry *entry(std::int64_t id);
    std::int64_t nextEntryId() const;
    int unresolvedCount() const;

    bool operator==(const ClipReview &o) const { return rounds == o.rounds && entries == o.entries; }
    bool operator!=(const ClipReview &o) const { return !(*this == o); }
};

/** Milliseconds since the Unix epoch, for the timestamps above. */
std::int64_t nowMs();

// ---- Pure edit helpers on the error list. Each returns false with a readable reason when not allowed. ----

/**
 * Adds \a e as a new open entry: assigns the next free id (or keeps e.id when it is free), the current round
 * number and both timestamps. Returns the id.
 */
std::int64_t addEntry(ClipReview *review, ReviewEntry e, std::int64_t now);
bool removeEntry(ClipReview *review, std::int64_t id, std::string *error);
/** Whether an entry may go from \a from to \a to (open/reopened -> fixed or accepted; fixed -> accepted or reopened; accepted -> reopened). */
bool canTransition(EntryState from, EntryState to);
/** The labeller says the entry is fixed. */
bool markFixed(ClipReview *review, std::int64_t id, const std::string &who, std::int64_t now, std::string *error);
/** The reviewer accepts the fix (or closes an open entry after correcting it). */
bool acceptEntry(ClipReview *review, std::int64_t id, const std::string &who, std::int64_t now, std::string *error);
/** The reviewer reopens a fixed or accepted entry; \a comment, if any, is appended to the entry's comment. */
bool reopenEntry(ClipReview *review, std::int64_t id, const std::string &who, const std::string &comment,
                 std::int64_t now, std::string *error);

// ---- Round transitions: labelling -> in review -> returned -> fixed -> (next round) in review ... -> accepted ----

/**
 * Hands the clip to \a reviewer: from no round or Labelling (round 1), or from Fixed/Accepted (a new round).
 * The round keeps \a labels as its snapshot.
 */
bool startReview(ClipReview *review, const FrameLabels &labels, const std::string &reviewer, std::int64_t now,
                 std::string *error, const std::string &labeller = std::string());
/** In review -> returned: needs at least one unresolved entry. */
bool returnToLabeller(ClipReview *review, std::int64_t now, std::string *error);
/** Returned -> fixed: needs every entry fixed or accepted. */
bool submitFixes(ClipReview *review, std::int64_t now, std::string *error);
/**
 * In review or fixed -> accepted: needs no unresolved entry. From in review the round's snapshot becomes
 * \a labels (the reviewer's final corrections); from fixed a new accepted round with that snapshot is added.
 */
bool acceptClip(ClipReview *review, const FrameLabels &labels, const std::string &reviewer, std::int64_t now,
                std::string *error);

/**
 * A label edit on an accepted clip: the clip goes back to labelling (a new round, so the round diff against
 * the accepted one shows every later change) and the error list records who changed what, as an entry in
 * the fixed state for the reviewer to accept or reopen. \a note gives frame, track, keypoint and comment.
 * Returns the entry id, 0 (nothing done) when the clip is not accepted.
 */
std::int64_t reopenAfterEdit(ClipReview *review, ReviewEntry note, const std::string &who, std::int64_t now);

// ---- Differences between two snapshots ----

/** How one keypoint differs between two snapshots. */
struct PointChange
{
    enum class Kind : std::uint8_t { Moved, Added, Removed, VisibilityChanged };
    Kind kind = Kind::Moved;
    int frame = 0;
    int trackId = 0;
    int keypoint = 0;
    Keypoint before; ///< unlabelled when added
    Keypoint after;  ///< unlabelled when removed
    double distance = 0.0; ///< pixels moved; 0 for added/removed
};
const char *pointChangeKindName(PointChange::Kind k);

/**
 * Points that differ between \a before and \a after (matched by frame and track id), sorted by frame, track and
 * keypoint. Moves of at most \a minDistance pixels are ignored; visibility changes are reported as such.
 */
std::vector<PointChange> diffSnapshots(const FrameLabels &before, const FrameLabels &after,
                                       double minDistance = 0.0);
/** Diff between the snapshots of rounds \a a and \a b; empty with \a error set when a round does not exist. */
std::vector<PointChange> diffRounds(const ClipReview &review, int a, int b, std::string *error = nullptr);

/** Counts for the clip summary: how much is labelled, propagated but unreviewed, and where review stands. */
struct ClipReviewSummary
{
    int userLabelledPoints = 0;      ///< manual, imported or approved
    int propagatedUnreviewed = 0;    ///< propagated, refined or interpolated, not yet approved
    int openErrors = 0;              ///< open or reopened entries
    int fixedErrors = 0;
    int acceptedErrors = 0;
    int rounds = 0;
    RoundState state = RoundState::Labelling;
};
ClipReviewSummary summarizeReview(const Clip &clip);

} // namespace paddock::core
