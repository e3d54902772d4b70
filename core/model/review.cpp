// SPDX-License-Identifier: Apache-2.0
#include "core/model/review.h"

#include "core/model/project.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace paddock::core {

namespace {

std::string tr(const char *text) // lupdate files these calls under the namespace
{
    return QCoreApplication::translate("paddock::core", text).toStdString();
}

std::string trArg(const char *text, const std::string &a)
{
    return QCoreApplication::translate("Review", text).arg(QString::fromStdString(a)).toStdString();
}

void setError(std::string *error, const std::string &message)
{
    if (error)
        *error = message;
}

struct Named
{
    int value;
    const char *name;
};

const Named kErrorTypes[] = {
    {int(ErrorType::WrongPosition), "wrong_position"},
    {int(ErrorType::LeftRightSwapped), "left_right_swapped"},
    {int(ErrorType::Missing), "missing"},
    {int(ErrorType::ShouldBeOccluded), "should_be_occluded"},
    {int(ErrorType::ShouldBeUnlabelled), "should_be_unlabelled"},
    {int(ErrorType::WrongSpecies), "wrong_species"},
    {int(ErrorType::WrongTrackId), "wrong_track_id"},
    {int(ErrorType::Other), "other"},
};
const Named kEntryStates[] = {{int(EntryState::Open), "open"},
                              {int(EntryState::Fixed), "fixed"},
                              {int(EntryState::Accepted), "accepted"},
                              {int(EntryState::Reopened), "reopened"}};
const Named kRoundStates[] = {{int(RoundState::Labelling), "labelling"},
                              {int(RoundState::InReview), "in_review"},
                              {int(RoundState::Returned), "returned"},
                              {int(RoundState::Fixed), "fixed"},
                              {int(RoundState::Accepted), "accepted"}};

template <std::size_t N>
const char *nameOf(const Named (&table)[N], int value)
{
    for (const Named &n : table)
        if (n.value == value)
            return n.name;
    return "unknown";
}

template <std::size_t N>
std::optional<int> valueOf(const Named (&table)[N], const std::string &name)
{
    for (const Named &n : table)
        if (name == n.name)
            return n.value;
    return std::nullopt;
}

std::string idText(std::int64_t id)
{
    return std::to_string(id);
}

} // namespace

const char *errorTypeName(ErrorType t) { return nameOf(kErrorTypes, int(t)); }
std::optional<ErrorType> errorTypeFromName(const std::string &name)
{
    auto v = valueOf(kErrorTypes, name);
    return v ? std::optional<ErrorType>(ErrorType(*v)) : std::nullopt;
}
std::vector<ErrorType> allErrorTypes()
{
    std::vector<ErrorType> out;
    for (const Named &n : kErrorTypes)
        out.push_back(ErrorType(n.value));
    return out;
}
const char *entryStateName(EntryState s) { return nameOf(kEntryStates, int(s)); }
std::optional<EntryState> entryStateFromName(const std::string &name)
{
    auto v = valueOf(kEntryStates, name);
    return v ? std::optional<EntryState>(EntryState(*v)) : std::nullopt;
}
const char *roundStateName(RoundState s) { return nameOf(kRoundStates, int(s)); }
std::optional<RoundState> roundStateFromName(const std::string &name)
{
    auto v = valueOf(kRoundStates, name);
    return v ? std::optional<RoundState>(RoundState(*v)) : std::nullopt;
}

bool ReviewEntry::operator==(const ReviewEntry &o) const
{
    return id == o.id && frame == o.frame && trackId == o.trackId && keypoint == o.keypoint && type == o.type
        && comment == o.comment && suggested == o.suggested && state == o.state && author == o.author
        && updatedBy == o.updatedBy && created == o.created && modified == o.modified && round == o.round
        && checkKind == o.checkKind;
}

bool ReviewRound::operator==(const ReviewRound &o) const
{
    return number == o.number && state == o.state && reviewer == o.reviewer && started == o.started
        && updated == o.updated && snapshot == o.snapshot && labeller == o.labeller;
}

RoundState ClipReview::state() const
{
    return rounds.empty() ? RoundState::Labelling : rounds.back().state;
}

const ReviewRound *ClipReview::currentRound() const
{
    return rounds.empty() ? nullptr : &rounds.back();
}

const ReviewRound *ClipReview::round(int number) const
{
    for (const ReviewRound &r : rounds)
        if (r.number == number)
            return &r;
    return nullptr;
}

const ReviewEntry *ClipReview::entry(std::int64_t id) const
{
    for (const ReviewEntry &e : entries)
        if (e.id == id)
            return &e;
    return nullptr;
}

ReviewEntry *ClipReview::entry(std::int64_t id)
{
    return const_cast<ReviewEntry *>(static_cast<const ClipReview *>(this)->entry(id));
}

std::int64_t ClipReview::nextEntryId() const
{
    std::int64_t next = 1;
    for (const ReviewEntry &e : entries)
        next = std::max(next, e.id + 1);
    return next;
}

int ClipReview::unresolvedCount() const
{
    return int(std::count_if(entries.begin(), entries.end(), [](const ReviewEntry &e) { return isUnresolved(e.state); }));
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t addEntry(ClipReview *review, ReviewEntry e, std::int64_t now)
{
    if (e.id <= 0 || review->entry(e.id))
        e.id = review->nextEntryId();
    e.state = EntryState::Open;
    e.created = now;
    e.modified = now;
    if (e.updatedBy.empty())
        e.updatedBy = e.author;
    if (const ReviewRound *r = review->currentRound())
        e.round = r->number;
    review->entries.push_back(e);
    return e.id;
}

bool removeEntry(ClipReview *review, std::int64_t id, std::string *error)
{
    auto it = std::find_if(review->entries.begin(), review->entries.end(),
                           [&](const ReviewEntry &e) { return e.id == id; });
    if (it == review->entries.end()) {
        setError(error, trArg("No error-list entry with id %1.", idText(id)));
        return false;
    }
    review->entries.erase(it);
    return true;
}

bool canTransition(EntryState from, EntryState to)
{
    switch (to) {
    case EntryState::Fixed:
        return isUnresolved(from);
    case EntryState::Accepted:
        return from != EntryState::Accepted;
    case EntryState::Reopened:
        return from == EntryState::Fixed || from == EntryState::Accepted;
    case EntryState::Open:
        return false; // entries are only opened by being added
    }
    return false;
}

namespace {

bool transition(ClipReview *review, std::int64_t id, EntryState to, const std::string &who, std::int64_t now,
                std::string *error)
{
    ReviewEntry *e = review->entry(id);
    if (!e) {
        setError(error, trArg("No error-list entry with id %1.", idText(id)));
        return false;
    }
    if (!canTransition(e->state, to)) {
        setError(error, QCoreApplication::translate("Review", "Entry %1 is %2 and cannot become %3.")
                            .arg(id)
                            .arg(QLatin1String(entryStateName(e->state)), QLatin1String(entryStateName(to)))
                            .toStdString());
        return false;
    }
    e->state = to;
    e->updatedBy = who;
    e->modified = now;
    return true;
}

} // namespace

bool markFixed(ClipReview *review, std::int64_t id, const std::string &who, std::int64_t now, std::string *error)
{
    return transition(review, id, EntryState::Fixed, who, now, error);
}

bool acceptEntry(ClipReview *review, std::int64_t id, const std::string &who, std::int64_t now, std::string *error)
{
    return transition(review, id, EntryState::Accepted, who, now, error);
}

bool reopenEntry(ClipReview *review, std::int64_t id, const std::string &who, const std::string &comment,
                 std::int64_t now, std::string *error)
{
    if (!transition(review, id, EntryState::Reopened, who, now, error))
        return false;
    if (!comment.empty()) {
        ReviewEntry *e = review->entry(id);
        e->comment += e->comment.empty() ? comment : "\n" + comment;
    }
    return true;
}

namespace {

bool wrongRoundState(std::string *error, RoundState actual, const char *action)
{
    setError(error, QCoreApplication::translate("Review", "Cannot %1: the clip is %2.")
                        .arg(QCoreApplication::translate("Review", action), QLatin1String(roundStateName(actual)))
                        .toStdString());
    return false;
}

void pushRound(ClipReview *review, RoundState state, const FrameLabels &labels, const std::string &reviewer,
               std::int64_t now)
{
    ReviewRound r;
    r.number = review->rounds.empty() ? 1 : review->rounds.back().number + 1;
    r.state = state;
    r.reviewer = reviewer;
    r.started = now;
    r.updated = now;
    r.snapshot = labels;
    review->rounds.push_back(std::move(r));
}

} // namespace

bool startReview(ClipReview *review, const FrameLabels &labels, const std::string &reviewer, std::int64_t now,
                 std::string *error, const std::string &labeller)
{
    const RoundState s = review->state();
    if (review->rounds.empty() || s == RoundState::Fixed || s == RoundState::Accepted) {
        pushRound(review, RoundState::InReview, labels, reviewer, now);
        review->rounds.back().labeller = labeller;
        return true;
    }
    if (s == RoundState::Labelling) {
        ReviewRound &r = review->rounds.back();
        r.state = RoundState::InReview;
        r.reviewer = reviewer;
        r.updated = now;
        r.snapshot = labels;
        r.labeller = labeller;
        return true;
    }
    return wrongRoundState(error, s, QT_TRANSLATE_NOOP("Review", "start a review"));
}

bool returnToLabeller(ClipReview *review, std::int64_t now, std::string *error)
{
    const RoundState s = review->state();
    if (s != RoundState::InReview)
        return wrongRoundState(error, s, QT_TRANSLATE_NOOP("Review", "return the clip to the labeller"));
    if (review->unresolvedCount() == 0) {
        setError(error, tr("Nothing to return: the error list has no open entry."));
        return false;
    }
    review->rounds.back().state = RoundState::Returned;
    review->rounds.back().updated = now;
    return true;
}

bool submitFixes(ClipReview *review, std::int64_t now, std::string *error)
{
    const RoundState s = review->state();
    if (s != RoundState::Returned)
        return wrongRoundState(error, s, QT_TRANSLATE_NOOP("Review", "submit fixes"));
    if (const int open = review->unresolvedCount()) {
        setError(error, QCoreApplication::translate("Review", "%n error-list entries are still open.", nullptr, open)
                            .toStdString());
        return false;
    }
    review->rounds.back().state = RoundState::Fixed;
    review->rounds.back().updated = now;
    return true;
}

bool acceptClip(ClipReview *review, const FrameLabels &labels, const std::string &reviewer, std::int64_t now,
                std::string *error)
{
    const RoundState s = review->state();
    if (s != RoundState::InReview && s != RoundState::Fixed)
        return wrongRoundState(error, s, QT_TRANSLATE_NOOP("Review", "accept the clip"));
    if (const int open = review->unresolvedCount()) {
        setError(error, QCoreApplication::translate("Review", "%n error-list entries are still open.", nullptr, open)
                            .toStdString());
        return false;
    }
    if (s == RoundState::Fixed) {
        pushRound(review, RoundState::Accepted, labels, reviewer, now);
        return true;
    }
    ReviewRound &r = review->rounds.back();
    r.state = RoundState::Accepted;
    r.snapshot = labels;
    r.updated = now;
    if (!reviewer.empty())
        r.reviewer = reviewer;
    return true;
}

std::int64_t reopenAfterEdit(ClipReview *review, ReviewEntry note, const std::string &who, std::int64_t now)
{
    if (review->state() != RoundState::Accepted)
        return 0;
    pushRound(review, RoundState::Labelling, {}, std::string(), now);
    note.author = who;
    note.updatedBy = who;
    const std::int64_t id = addEntry(review, std::move(note), now);
    if (ReviewEntry *e = review->entry(id))
        e->state = EntryState::Fixed;
    return id;
}

const char *pointChangeKindName(PointChange::Kind k)
{
    switch (k) {
    case PointChange::Kind::Moved:
        return "moved";
    case PointChange::Kind::Added:
        return "added";
    case PointChange::Kind::Removed:
        return "removed";
    case PointChange::Kind::VisibilityChanged:
        return "visibility";
    }
    return "unknown";
}

namespace {

const Instance *findTrack(const std::vector<Instance> &list, int trackId)
{
    for (const Instance &i : list)
        if (i.trackId == trackId)
            return &i;
    return nullptr;
}

void diffInstance(int frame, int trackId, const Instance *a, const Instance *b, double minDistance,
                  std::vector<PointChange> *out)
{
    const std::size_t n = std::max(a ? a->keypoints.size() : 0, b ? b->keypoints.size() : 0);
    for (std::size_t k = 0; k < n; ++k) {
        const Keypoint ka = a && k < a->keypoints.size() ? a->keypoints[k] : Keypoint();
        const Keypoint kb = b && k < b->keypoints.size() ? b->keypoints[k] : Keypoint();
        PointChange c;
        c.frame = frame;
        c.trackId = trackId;
        c.keypoint = int(k);
        c.before = ka;
        c.after = kb;
        if (!ka.isLabelled() && !kb.isLabelled())
            continue;
        if (!ka.isLabelled()) {
            c.kind = PointChange::Kind::Added;
        } else if (!kb.isLabelled()) {
            c.kind = PointChange::Kind::Removed;
        } else {
            c.distance = std::hypot(kb.x - ka.x, kb.y - ka.y);
            if (c.distance > minDistance)
                c.kind = PointChange::Kind::Moved;
            else if (ka.visibility != kb.visibility)
                c.kind = PointChange::Kind::VisibilityChanged;
            else
                continue;
        }
        out->push_back(c);
    }
}

} // namespace

std::vector<PointChange> diffSnapshots(const FrameLabels &before, const FrameLabels &after, double minDistance)
{
    std::vector<PointChange> out;
    static const std::vector<Instance> kNone;
    auto ia = before.begin();
    auto ib = after.begin();
    while (ia != before.end() || ib != after.end()) {
        int frame;
        if (ib == after.end() || (ia != before.end() && ia->first < ib->first))
            frame = ia->first;
        else
            frame = ib->first;
        const std::vector<Instance> &la = (ia != before.end() && ia->first == frame) ? ia->second : kNone;
        const std::vector<Instance> &lb = (ib != after.end() && ib->first == frame) ? ib->second : kNone;
        std::vector<int> trackIds;
        for (const Instance &i : la)
            trackIds.push_back(i.trackId);
        for (const Instance &i : lb)
            trackIds.push_back(i.trackId);
        std::sort(trackIds.begin(), trackIds.end());
        trackIds.erase(std::unique(trackIds.begin(), trackIds.end()), trackIds.end());
        for (int t : trackIds)
            diffInstance(frame, t, findTrack(la, t), findTrack(lb, t), minDistance, &out);
        if (ia != before.end() && ia->first == frame)
            ++ia;
        if (ib != after.end() && ib->first == frame)
            ++ib;
    }
    return out;
}

std::vector<PointChange> diffRounds(const ClipReview &review, int a, int b, std::string *error)
{
    const ReviewRound *ra = review.round(a);
    const ReviewRound *rb = review.round(b);
    if (!ra || !rb) {
        setError(error, trArg("No review round %1.", std::to_string(ra ? b : a)));
        return {};
    }
    return diffSnapshots(ra->snapshot, rb->snapshot);
}

ClipReviewSummary summarizeReview(const Clip &clip)
{
    ClipReviewSummary s;
    for (const auto &[frame, list] : clip.frames) {
        for (const Instance &inst : list) {
            for (const Keypoint &k : inst.keypoints) {
                if (!k.isLabelled())
                    continue;
                if (isUserLabel(k.source))
                    ++s.userLabelledPoints;
                else if (k.source == Source::Propagated || k.source == Source::Refined
                         || k.source == Source::Interpolated)
                    ++s.propagatedUnreviewed;
            }
        }
    }
    for (const ReviewEntry &e : clip.review.entries) {
        if (isUnresolved(e.state))
            ++s.openErrors;
        else if (e.state == EntryState::Fixed)
            ++s.fixedErrors;
        else
            ++s.acceptedErrors;
    }
    s.rounds = int(clip.review.rounds.size());
    s.state = clip.review.state();
    return s;
}

} // namespace paddock::core
