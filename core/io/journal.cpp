// SPDX-License-Identifier: Apache-2.0
#include "core/io/journal.h"

#include "core/io/autosave.h"
#include "core/io/jsonutil_p.h"
#include "core/io/projectfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

namespace paddock::core {

using detail::Json;

// ---- Review deltas ---------------------------------------------------------------------------------------------

std::size_t ReviewDelta::storedItems() const
{
    std::size_t n = 0;
    for (const ReviewEntryChange &c : entries)
        n += (c.before ? 1 : 0) + (c.after ? 1 : 0);
    for (const ReviewRoundChange &c : rounds)
        n += (c.before ? 1 : 0) + (c.after ? 1 : 0);
    return n;
}

std::size_t ReviewDelta::storedSnapshotInstances() const
{
    std::size_t n = 0;
    auto count = [&n](const std::optional<ReviewRound> &r) {
        if (r)
            for (const auto &[frame, list] : r->snapshot)
                n += list.size();
    };
    for (const ReviewRoundChange &c : rounds) {
        count(c.before);
        count(c.after);
    }
    return n;
}

ReviewDelta diffReview(const ClipReview &before, const ClipReview &after)
{
    ReviewDelta d;
    d.roundsBefore = int(before.rounds.size());
    d.roundsAfter = int(after.rounds.size());
    const std::size_t nr = std::max(before.rounds.size(), after.rounds.size());
    for (std::size_t i = 0; i < nr; ++i) {
        const ReviewRound *b = i < before.rounds.size() ? &before.rounds[i] : nullptr;
        const ReviewRound *a = i < after.rounds.size() ? &after.rounds[i] : nullptr;
        if (b && a && *b == *a)
            continue;
        ReviewRoundChange c;
        c.index = int(i);
        c.snapshotChanged = !(b && a && b->snapshot == a->snapshot);
        if (b) {
            c.before = c.snapshotChanged ? *b : ReviewRound{b->number, b->state, b->reviewer, b->started, b->updated, {}};
        }
        if (a) {
            c.after = c.snapshotChanged ? *a : ReviewRound{a->number, a->state, a->reviewer, a->started, a->updated, {}};
        }
        d.rounds.push_back(std::move(c));
    }
    std::map<std::int64_t, int> beforeAt, afterAt;
    for (std::size_t i = 0; i < before.entries.size(); ++i)
        beforeAt[before.entries[i].id] = int(i);
    for (std::size_t i = 0; i < after.entries.size(); ++i)
        afterAt[after.entries[i].id] = int(i);
    std::map<std::int64_t, ReviewEntryChange> changes;
    const auto unchanged = [&](std::int64_t id) {
        const auto b = beforeAt.find(id);
        const auto a = afterAt.find(id);
        return b != beforeAt.end() && a != afterAt.end()
            && before.entries[std::size_t(b->second)] == after.entries[std::size_t(a->second)];
    };
    // Re-inserting the changed entries at their positions restores the list when the unchanged ones kept their
    // order (adding, removing and editing entries never reorders the others); otherwise record every entry.
    std::vector<std::int64_t> keptBefore, keptAfter;
    for (const ReviewEntry &e : before.entries)
        if (unchanged(e.id))
            keptBefore.push_back(e.id);
    for (const ReviewEntry &e : after.entries)
        if (unchanged(e.id))
            keptAfter.push_back(e.id);
    const bool reordered = keptBefore != keptAfter;
    for (const auto &[id, i] : beforeAt) {
        const auto it = afterAt.find(id);
        if (!reordered && unchanged(id))
            continue;
        ReviewEntryChange &c = changes[id];
        c.id = id;
        c.positionBefore = i;
        c.before = before.entries[std::size_t(i)];
        if (it != afterAt.end()) {
            c.positionAfter = it->second;
            c.after = after.entries[std::size_t(it->second)];
        }
    }
    for (const auto &[id, i] : afterAt) {
        if (beforeAt.count(id))
            continue;
        ReviewEntryChange &c = changes[id];
        c.id = id;
        c.positionAfter = i;
        c.after = after.entries[std::size_t(i)];
    }
    for (auto &[id, c] : changes)
        d.entries.push_back(std::move(c));
    return d;
}

void applyReviewDelta(ClipReview *review, const ReviewDelta &delta, bool forward)
{
    // Rounds: replace changed ones (keeping the snapshot when it did not change), append new, cut removed.
    for (const ReviewRoundChange &c : delta.rounds) {
        const std::optional<ReviewRound> &target = forward ? c.after : c.before;
        if (!target)
            continue;
        const std::size_t i = std::size_t(c.index);
        if (i < review->rounds.size()) {
            ReviewRound r = *target;
            if (!c.snapshotChanged)
                r.snapshot = std::move(review->rounds[i].snapshot);
            review->rounds[i] = std::move(r);
        } else {
            review->rounds.push_back(*target);
        }
    }
    const int count = forward ? delta.roundsAfter : delta.roundsBefore;
    if (int(review->rounds.size()) > count)
        review->rounds.resize(std::size_t(count));

    // Entries: take out every changed one, then put the targets back at their positions, lowest first.
    if (delta.entries.empty())
        return;
    std::map<std::int64_t, bool> touched;
    for (const ReviewEntryChange &c : delta.entries)
        touched[c.id] = true;
    review->entries.erase(std::remove_if(review->entries.begin(), review->entries.end(),
                                         [&](const ReviewEntry &e) { return touched.count(e.id) > 0; }),
                          review->entries.end());
    std::vector<std::pair<int, const ReviewEntry *>> inserts;
    for (const ReviewEntryChange &c : delta.entries) {
        const std::optional<ReviewEntry> &target = forward ? c.after : c.before;
        if (target)
            inserts.emplace_back(forward ? c.positionAfter : c.positionBefore, &*target);
    }
    std::sort(inserts.begin(), inserts.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[pos, e] : inserts) {
        const std::size_t at = std::min(std::size_t(std::max(pos, 0)), review->entries.size());
        review->entries.insert(review->entries.begin() + std::ptrdiff_t(at), *e);
    }
}

// ---- Mutations ---------------------------------------------------------------------------------------------------

Mutation inverse(const Mutation &m)
{
    Mutation r;
    r.kind = m.kind;
    r.clip = m.clip;
    for (auto it = m.instances.rbegin(); it != m.instances.rend(); ++it)
        r.instances.push_back(InstanceEdit{it->frame, it->trackId, it->after, it->before});
    r.tracksBefore = m.tracksAfter;
    r.tracksAfter = m.tracksBefore;
    r.infoBefore = m.infoAfter;
    r.infoAfter = m.infoBefore;
    r.review.roundsBefore = m.review.roundsAfter;
    r.review.roundsAfter = m.review.roundsBefore;
    for (const ReviewRoundChange &c : m.review.rounds)
        r.review.rounds.push_back(ReviewRoundChange{c.index, c.after, c.before, c.snapshotChanged});
    for (const ReviewEntryChange &c : m.review.entries)
        r.review.entries.push_back(ReviewEntryChange{c.id, c.positionAfter, c.positionBefore, c.after, c.before});
    return r;
}

bool applyMutation(Project *project, const Mutation &m, bool forward)
{
    if (m.clip < 0 || m.clip >= int(project->clips.size()))
        return false;
    Clip &c = project->clips[std::size_t(m.clip)];
    switch (m.kind) {
    case Mutation::Kind::Instances:
        if (forward) {
            for (const InstanceEdit &e : m.instances) {
                if (e.after) {
                    Instance inst = *e.after;
                    inst.trackId = e.trackId;
                    c.setInstance(e.frame, inst);
                } else {
                    c.removeInstance(e.frame, e.trackId);
                }
            }
        } else {
            for (auto it = m.instances.rbegin(); it != m.instances.rend(); ++it) {
                if (it->before) {
                    Instance inst = *it->before;
                    inst.trackId = it->trackId;
                    c.setInstance(it->frame, inst);
                } else {
                    c.removeInstance(it->frame, it->trackId);
                }
            }
        }
        return true;
    case Mutation::Kind::Tracks:
        c.tracks = forward ? m.tracksAfter : m.tracksBefore;
        return true;
    case Mutation::Kind::ClipInfo: {
        const ClipInfo &i = forward ? m.infoAfter : m.infoBefore;
        c.frameCount = i.frameCount;
        c.width = i.width;
        c.height = i.height;
        c.fps = i.fps;
        return true;
    }
    case Mutation::Kind::Review:
        applyReviewDelta(&c.review, m.review, forward);
        return true;
    }
    return false;
}

// ---- Record encoding -------------------------------------------------------------------------------------------

namespace {

constexpr char kMagic[] = "PDKJRNL1"; // 8 bytes at the start of every journal
constexpr std::size_t kMagicSize = 8;
constexpr std::uint32_t kMaxRecord = 1u << 30;

std::uint32_t crc32(const char *data, std::size_t n)
{
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < n; ++i)
        c = table[(c ^ std::uint8_t(data[i])) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void putU32(std::string *out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out->push_back(char((v >> (8 * i)) & 0xFF));
}

std::uint32_t getU32(const char *p)
{
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= std::uint32_t(std::uint8_t(p[i])) << (8 * i);
    return v;
}

std::string frame(const Json &payload)
{
    const std::string body = payload.dump();
    std::string out;
    out.reserve(body.size() + 8);
    putU32(&out, std::uint32_t(body.size()));
    putU32(&out, crc32(body.data(), body.size()));
    out += body;
    return out;
}

const char *opName(JournalRecord::Op op)
{
    switch (op) {
    case JournalRecord::Op::Push: return "push";
    case JournalRecord::Op::Amend: return "amend";
    case JournalRecord::Op::Drop: return "drop";
    case JournalRecord::Op::Index: return "index";
    case JournalRecord::Op::Apply: return "apply";
    }
    return "apply";
}

std::optional<JournalRecord::Op> opFromName(const std::string &s)
{
    for (auto op : {JournalRecord::Op::Push, JournalRecord::Op::Amend, JournalRecord::Op::Drop,
                    JournalRecord::Op::Index, JournalRecord::Op::Apply})
        if (s == opName(op))
            return op;
    return std::nullopt;
}

Json instanceJson(const std::optional<Instance> &inst, int frameIndex)
{
    if (!inst)
        return nullptr;
    return detail::labelsToJson(FrameLabels{{frameIndex, {*inst}}});
}

bool instanceFrom(const Json &j, std::optional<Instance> *out, std::string *error)
{
    if (j.is_null()) {
        out->reset();
        return true;
    }
    FrameLabels labels;
    if (!detail::labelsFromJson(j, "instance", &labels, error))
        return false;
    if (labels.size() != 1 || labels.begin()->second.size() != 1) {
        *error = "instance: not one instance";
        return false;
    }
    *out = labels.begin()->second.front();
    return true;
}

Json tracksJson(const std::vector<Track> &tracks)
{
    Json a = Json::array();
    for (const Track &t : tracks)
        a.push_back(Json{{"id", t.id}, {"category", t.categoryId}, {"name", t.name}});
    return a;
}

bool tracksFrom(const Json &j, std::vector<Track> *out, std::string *error)
{
    out->clear();
    if (!j.is_array()) {
        *error = "tracks: not an array";
        return false;
    }
    for (const Json &t : j) {
        Track tr;
        if (!detail::getInt(t, "id", "track", &tr.id, error) || !detail::getInt(t, "category", "track", &tr.categoryId, error)
            || !detail::getString(t, "name", "track", &tr.name, error, false))
            return false;
        out->push_back(std::move(tr));
    }
    return true;
}

Json infoJson(const ClipInfo &i)
{
    return Json{{"frames", i.frameCount}, {"width", i.width}, {"height", i.height}, {"fps", i.fps}};
}

bool infoFrom(const Json &j, ClipInfo *i, std::string *error)
{
    return detail::getInt(j, "frames", "info", &i->frameCount, error) && detail::getInt(j, "width", "info", &i->width, error)
        && detail::getInt(j, "height", "info", &i->height, error) && detail::getDouble(j, "fps", "info", &i->fps, error);
}

Json entryJson(const std::optional<ReviewEntry> &e)
{
    if (!e)
        return nullptr;
    ClipReview r;
    r.entries.push_back(*e);
    return detail::reviewToJson(r)["entries"][0];
}

bool entryFrom(const Json &j, std::optional<ReviewEntry> *out, std::string *error)
{
    if (j.is_null()) {
        out->reset();
        return true;
    }
    ClipReview r;
    if (!detail::reviewFromJson(Json{{"entries", Json::array({j})}}, "entry", &r, error))
        return false;
    *out = r.entries.front();
    return true;
}

Json roundJson(const std::optional<ReviewRound> &round)
{
    if (!round)
        return nullptr;
    ClipReview r;
    r.rounds.push_back(*round);
    return detail::reviewToJson(r)["rounds"][0];
}

bool roundFrom(const Json &j, std::optional<ReviewRound> *out, std::string *error)
{
    if (j.is_null()) {
        out->reset();
        return true;
    }
    ClipReview r;
    if (!detail::reviewFromJson(Json{{"rounds", Json::array({j})}}, "round", &r, error))
        return false;
    *out = r.rounds.front();
    return true;
}

Json mutationJson(const Mutation &m)
{
    Json j = {{"clip", m.clip}};
    switch (m.kind) {
    case Mutation::Kind::Instances: {
        j["kind"] = "instances";
        Json edits = Json::array();
        for (const InstanceEdit &e : m.instances)
            edits.push_back(Json{{"frame", e.frame}, {"track", e.trackId}, {"before", instanceJson(e.before, e.frame)},
                                 {"after", instanceJson(e.after, e.frame)}});
        j["edits"] = std::move(edits);
        break;
    }
    case Mutation::Kind::Tracks:
        j["kind"] = "tracks";
        j["before"] = tracksJson(m.tracksBefore);
        j["after"] = tracksJson(m.tracksAfter);
        break;
    case Mutation::Kind::ClipInfo:
        j["kind"] = "clipInfo";
        j["before"] = infoJson(m.infoBefore);
        j["after"] = infoJson(m.infoAfter);
        break;
    case Mutation::Kind::Review: {
        j["kind"] = "review";
        j["roundsBefore"] = m.review.roundsBefore;
        j["roundsAfter"] = m.review.roundsAfter;
        Json rounds = Json::array();
        for (const ReviewRoundChange &c : m.review.rounds)
            rounds.push_back(Json{{"index", c.index}, {"snapshotChanged", c.snapshotChanged},
                                  {"before", roundJson(c.before)}, {"after", roundJson(c.after)}});
        j["rounds"] = std::move(rounds);
        Json entries = Json::array();
        for (const ReviewEntryChange &c : m.review.entries)
            entries.push_back(Json{{"id", c.id}, {"positionBefore", c.positionBefore}, {"positionAfter", c.positionAfter},
                                   {"before", entryJson(c.before)}, {"after", entryJson(c.after)}});
        j["entries"] = std::move(entries);
        break;
    }
    }
    return j;
}

bool mutationFrom(const Json &j, Mutation *m, std::string *error)
{
    std::string kind;
    if (!detail::getInt(j, "clip", "mutation", &m->clip, error) || !detail::getString(j, "kind", "mutation", &kind, error))
        return false;
    if (kind == "instances") {
        m->kind = Mutation::Kind::Instances;
        const auto edits = j.find("edits");
        if (edits == j.end() || !edits->is_array()) {
            *error = "mutation: no edits";
            return false;
        }
        for (const Json &e : *edits) {
            InstanceEdit ie;
            if (!detail::getInt(e, "frame", "edit", &ie.frame, error) || !detail::getInt(e, "track", "edit", &ie.trackId, error)
                || !instanceFrom(e.value("before", Json()), &ie.before, error)
                || !instanceFrom(e.value("after", Json()), &ie.after, error))
                return false;
            m->instances.push_back(std::move(ie));
        }
        return true;
    }
    if (kind == "tracks") {
        m->kind = Mutation::Kind::Tracks;
        return tracksFrom(j.value("before", Json()), &m->tracksBefore, error)
            && tracksFrom(j.value("after", Json()), &m->tracksAfter, error);
    }
    if (kind == "clipInfo") {
        m->kind = Mutation::Kind::ClipInfo;
        return infoFrom(j.value("before", Json::object()), &m->infoBefore, error)
            && infoFrom(j.value("after", Json::object()), &m->infoAfter, error);
    }
    if (kind == "review") {
        m->kind = Mutation::Kind::Review;
        if (!detail::getInt(j, "roundsBefore", "review", &m->review.roundsBefore, error)
            || !detail::getInt(j, "roundsAfter", "review", &m->review.roundsAfter, error))
            return false;
        for (const Json &r : j.value("rounds", Json::array())) {
            ReviewRoundChange c;
            if (!detail::getInt(r, "index", "round", &c.index, error) || !roundFrom(r.value("before", Json()), &c.before, error)
                || !roundFrom(r.value("after", Json()), &c.after, error))
                return false;
            c.snapshotChanged = r.value("snapshotChanged", true);
            m->review.rounds.push_back(std::move(c));
        }
        for (const Json &e : j.value("entries", Json::array())) {
            ReviewEntryChange c;
            if (!detail::getInt(e, "id", "entry", &c.id, error)
                || !detail::getInt(e, "positionBefore", "entry", &c.positionBefore, error)
                || !detail::getInt(e, "positionAfter", "entry", &c.positionAfter, error)
                || !entryFrom(e.value("before", Json()), &c.before, error)
                || !entryFrom(e.value("after", Json()), &c.after, error))
                return false;
            m->review.entries.push_back(std::move(c));
        }
        return true;
    }
    *error = "mutation: unknown kind '" + kind + "'";
    return false;
}

std::string encodeHeader(const JournalBase &base)
{
    return frame(Json{{"type", "header"},
                      {"version", 1},
                      {"base", base.kind == JournalBase::Kind::Project ? "project" : "autosave"},
                      {"size", base.size},
                      {"mtimeNs", base.mtimeNs},
                      {"modified", base.modified},
                      {"created", nowMs()}});
}

bool recordFrom(const Json &j, JournalRecord *r, std::string *error)
{
    std::string op;
    if (!detail::getString(j, "op", "record", &op, error))
        return false;
    const auto o = opFromName(op);
    if (!o) {
        *error = "record: unknown op '" + op + "'";
        return false;
    }
    r->op = *o;
    if (!detail::getString(j, "text", "record", &r->text, error, false)
        || !detail::getInt(j, "index", "record", &r->index, error, false))
        return false;
    for (const Json &m : j.value("mutations", Json::array())) {
        Mutation mu;
        if (!mutationFrom(m, &mu, error))
            return false;
        r->mutations.push_back(std::move(mu));
    }
    return true;
}

std::string errnoText()
{
    return std::strerror(errno);
}

void syncDir(const std::string &file)
{
    const int fd = ::open(QFileInfo(QString::fromStdString(file)).absolutePath().toLocal8Bit().constData(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

/** Writes \a bytes to \a path through the project's one atomic writer (core/io/atomicfile.h). */
bool writeReplacing(const std::string &path, const std::string &bytes, std::string *error)
{
    return writeFileAtomically(path, bytes, error);
}

} // namespace

std::string encodeRecord(const JournalRecord &record)
{
    Json muts = Json::array();
    for (const Mutation &m : record.mutations)
        muts.push_back(mutationJson(m));
    Json j = {{"type", "record"}, {"op", opName(record.op)}, {"index", record.index}, {"mutations", std::move(muts)}};
    if (!record.text.empty())
        j["text"] = record.text;
    return frame(j);
}

std::string journalPath(const std::string &projectPath)
{
    std::string a = autosavePath(projectPath);
    const std::string suffix = ".autosave";
    if (a.size() > suffix.size() && a.compare(a.size() - suffix.size(), suffix.size(), suffix) == 0)
        a.resize(a.size() - suffix.size());
    return a + ".journal";
}

JournalBase fileIdentity(const std::string &path, JournalBase::Kind kind, bool modified)
{
    JournalBase b;
    b.kind = kind;
    b.modified = modified;
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
        b.size = std::int64_t(st.st_size);
        b.mtimeNs = std::int64_t(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    }
    return b;
}

bool sameFile(const JournalBase &a, const JournalBase &b)
{
    return a.size >= 0 && a.size == b.size && a.mtimeNs == b.mtimeNs;
}

std::optional<JournalContents> readJournal(const std::string &path, std::string *error)
{
    std::string data;
    if (!readWholeFile(path, &data, error))
        return std::nullopt;
    if (data.size() < kMagicSize || data.compare(0, kMagicSize, kMagic) != 0) {
        if (error)
            *error = path + ": " + detail::tr("not a Paddock journal");
        return std::nullopt;
    }
    JournalContents out;
    std::size_t pos = kMagicSize;
    bool haveHeader = false;
    while (pos < data.size()) {
        if (data.size() - pos < 8) {
            out.torn = true;
            out.tornReason = "incomplete record header";
            break;
        }
        const std::uint32_t len = getU32(data.data() + pos);
        const std::uint32_t crc = getU32(data.data() + pos + 4);
        if (len > kMaxRecord || data.size() - pos - 8 < len) {
            out.torn = true;
            out.tornReason = "record cut short";
            break;
        }
        const char *body = data.data() + pos + 8;
        if (crc32(body, len) != crc) {
            out.torn = true;
            out.tornReason = "checksum mismatch";
            break;
        }
        Json j = Json::parse(body, body + len, nullptr, false);
        std::string e;
        if (!haveHeader) {
            std::string kind;
            if (j.is_discarded() || j.value("type", "") != "header" || !detail::getString(j, "base", "header", &kind, &e)
                || !detail::getInt(j, "size", "header", &out.base.size, &e)
                || !detail::getInt(j, "mtimeNs", "header", &out.base.mtimeNs, &e)) {
                if (error)
                    *error = path + ": " + detail::tr("the journal has no valid header");
                return std::nullopt;
            }
            out.base.kind = kind == "autosave" ? JournalBase::Kind::Autosave : JournalBase::Kind::Project;
            out.base.modified = j.value("modified", false);
            haveHeader = true;
        } else {
            JournalRecord r;
            if (j.is_discarded() || !recordFrom(j, &r, &e)) {
                out.torn = true;
                out.tornReason = j.is_discarded() ? std::string("not JSON") : e;
                break;
            }
            out.records.push_back(std::move(r));
        }
        pos += 8 + len;
        out.validBytes = std::int64_t(pos);
    }
    if (!haveHeader) {
        if (error)
            *error = path + ": " + detail::tr("the journal has no valid header");
        return std::nullopt;
    }
    return out;
}

bool replayJournalData(Project *project, const std::vector<JournalRecord> &records, std::string *error)
{
    for (std::size_t i = 0; i < records.size(); ++i)
        for (const Mutation &m : records[i].mutations)
            if (!applyMutation(project, m, true)) {
                if (error)
                    *error = "journal record " + std::to_string(i + 1) + ": clip " + std::to_string(m.clip) + " "
                        + detail::tr("does not exist");
                return false;
            }
    return true;
}

JournalHistory replayJournalHistory(const std::vector<JournalRecord> &records)
{
    JournalHistory h;
    for (const JournalRecord &r : records) {
        switch (r.op) {
        case JournalRecord::Op::Push:
            h.commands.resize(std::size_t(std::clamp(r.index - 1, 0, int(h.commands.size()))));
            h.commands.push_back(r.text);
            break;
        case JournalRecord::Op::Amend:
            if (!h.commands.empty() && !r.text.empty())
                h.commands.back() = r.text;
            break;
        case JournalRecord::Op::Drop:
            if (!h.commands.empty())
                h.commands.pop_back();
            break;
        case JournalRecord::Op::Index:
        case JournalRecord::Op::Apply:
            break;
        }
        h.index = std::clamp(r.index, 0, int(h.commands.size()));
    }
    return h;
}

// ---- Recovery ------------------------------------------------------------------------------------------------

std::optional<Recovery> findRecovery(const std::string &projectPath)
{
    const std::string jpath = journalPath(projectPath);
    if (QFileInfo::exists(QString::fromStdString(jpath))) {
        std::string e;
        auto journal = readJournal(jpath, &e);
        if (journal) {
            std::vector<std::string> candidates;
            if (journal->base.kind == JournalBase::Kind::Project) {
                if (!projectPath.empty())
                    candidates.push_back(projectPath);
            } else {
                candidates.push_back(autosavePath(projectPath));
                candidates.push_back(autosavePath(projectPath) + ".new");
            }
            for (const std::string &c : candidates) {
                if (!sameFile(fileIdentity(c, journal->base.kind, false), journal->base))
                    continue;
                bool edits = journal->base.modified;
                for (const JournalRecord &r : journal->records)
                    edits = edits || !r.mutations.empty();
                if (!edits)
                    return std::nullopt; // the base holds everything: nothing was lost
                Recovery rec;
                rec.basePath = c;
                rec.modifiedMs = QFileInfo(QString::fromStdString(jpath)).lastModified().toMSecsSinceEpoch();
                rec.journal = std::move(journal);
                return rec;
            }
        }
    }
    if (const auto autosave = findRecoverableAutosave(projectPath)) {
        Recovery rec;
        rec.basePath = *autosave;
        rec.modifiedMs = QFileInfo(QString::fromStdString(*autosave)).lastModified().toMSecsSinceEpoch();
        return rec;
    }
    return std::nullopt;
}

std::optional<Project> loadRecovery(const Recovery &recovery, std::string *error)
{
    auto project = loadProject(recovery.basePath, error);
    if (project && recovery.journal && !replayJournalData(&*project, recovery.journal->records, error))
        return std::nullopt;
    return project;
}

bool discardRecovery(const std::string &projectPath)
{
    bool ok = discardAutosave(projectPath);
    for (const std::string &p : {journalPath(projectPath), autosavePath(projectPath) + ".new"}) {
        const QString q = QString::fromStdString(p);
        ok = (!QFileInfo::exists(q) || QFile::remove(q)) && ok;
    }
    return ok;
}

// ---- Writer --------------------------------------------------------------------------------------------------

struct JournalWriter::Task
{
    enum class Kind { StartProject, StartSnapshot, Resume, Append, Discard, Stop, Flush };
    Kind kind = Kind::Flush;
    std::string projectPath;
    JournalRecord record;
    std::optional<Project> project;
    bool modified = false;
    std::int64_t validBytes = 0;
};

JournalWriter::JournalWriter()
    : mThread([this] { run(); })
{
}

JournalWriter::~JournalWriter()
{
    {
        std::lock_guard<std::mutex> lock(mMutex);
        mQuit = true;
    }
    mWake.notify_all();
    mThread.join();
}

void JournalWriter::post(Task task)
{
    {
        std::lock_guard<std::mutex> lock(mMutex);
        if (task.kind == Task::Kind::StartProject || task.kind == Task::Kind::StartSnapshot
            || task.kind == Task::Kind::Resume)
            mActive = true;
        else if (task.kind == Task::Kind::Discard || task.kind == Task::Kind::Stop)
            mActive = false;
        mQueue.push_back(std::move(task));
    }
    mWake.notify_all();
}

void JournalWriter::startOnProject(const std::string &projectPath)
{
    Task t;
    t.kind = Task::Kind::StartProject;
    t.projectPath = projectPath;
    post(std::move(t));
}

void JournalWriter::startOnSnapshot(Project project, const std::string &projectPath, bool modified)
{
    Task t;
    t.kind = Task::Kind::StartSnapshot;
    t.projectPath = projectPath;
    t.project = std::move(project);
    t.modified = modified;
    post(std::move(t));
}

void JournalWriter::resume(const std::string &projectPath, std::int64_t validBytes)
{
    Task t;
    t.kind = Task::Kind::Resume;
    t.projectPath = projectPath;
    t.validBytes = validBytes;
    post(std::move(t));
}

void JournalWriter::append(JournalRecord record)
{
    Task t;
    t.kind = Task::Kind::Append;
    t.record = std::move(record);
    post(std::move(t));
}

void JournalWriter::discard(const std::string &projectPath)
{
    Task t;
    t.kind = Task::Kind::Discard;
    t.projectPath = projectPath;
    post(std::move(t));
}

void JournalWriter::stop()
{
    Task t;
    t.kind = Task::Kind::Stop;
    post(std::move(t));
}

void JournalWriter::flush()
{
    post(Task{});
    std::unique_lock<std::mutex> lock(mMutex);
    mIdle.wait(lock, [this] { return mQueue.empty() && !mBusy; });
}

std::int64_t JournalWriter::journalBytes() const
{
    std::lock_guard<std::mutex> lock(mMutex);
    return mBytes;
}

bool JournalWriter::active() const
{
    std::lock_guard<std::mutex> lock(mMutex);
    return mActive;
}

void JournalWriter::run()
{
    using Clock = std::chrono::steady_clock;
    Clock::time_point dirtySince;
    std::unique_lock<std::mutex> lock(mMutex);
    for (;;) {
        if (mDirty && (Clock::now() >= dirtySince + std::chrono::milliseconds(flushDelayMs) || mQuit)) {
            lock.unlock();
            syncNow();
            lock.lock();
        }
        if (mQueue.empty()) {
            if (!mDirty)
                mIdle.notify_all();
            if (mQuit && !mDirty)
                break;
            if (mDirty)
                mWake.wait_until(lock, dirtySince + std::chrono::milliseconds(flushDelayMs),
                                 [this] { return mQuit || !mQueue.empty(); });
            else
                mWake.wait(lock, [this] { return mQuit || !mQueue.empty(); });
            continue;
        }
        Task task = std::move(mQueue.front());
        mQueue.pop_front();
        mBusy = true;
        lock.unlock();
        const bool wasDirty = mDirty;
        process(task);
        if (mDirty && !wasDirty)
            dirtySince = Clock::now();
        lock.lock();
        mBusy = false;
    }
    lock.unlock();
    closeFile();
}

bool JournalWriter::writeAll(const std::string &bytes, std::string *error)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(mFd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = mPath + ": " + errnoText();
            return false;
        }
        done += std::size_t(n);
    }
    return true;
}

void JournalWriter::syncNow()
{
    if (mFd >= 0 && mDirty && ::fdatasync(mFd) != 0 && onError)
        onError(mPath + ": " + errnoText());
    mDirty = false;
}

void JournalWriter::closeFile()
{
    syncNow();
    if (mFd >= 0)
        ::close(mFd);
    mFd = -1;
}

void JournalWriter::process(Task &task)
{
    std::string error;
    auto fail = [this](const std::string &e) {
        if (onError)
            onError(e);
    };
    auto startOn = [&](const std::string &jpath, const JournalBase &base) {
        closeFile();
        if (!writeReplacing(jpath, std::string(kMagic, kMagicSize) + encodeHeader(base), &error)) {
            fail(error);
            return false;
        }
        mPath = jpath;
        mFd = ::open(jpath.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
        if (mFd < 0) {
            fail(jpath + ": " + errnoText());
            return false;
        }
        std::lock_guard<std::mutex> lock(mMutex);
        mBytes = std::int64_t(::lseek(mFd, 0, SEEK_END));
        return true;
    };
    switch (task.kind) {
    case Task::Kind::StartProject:
        startOn(journalPath(task.projectPath), fileIdentity(task.projectPath, JournalBase::Kind::Project, false));
        break;
    case Task::Kind::StartSnapshot: {
        // The snapshot goes to NAME.autosave.new first; the new journal names it by identity; then it takes the
        // autosave's name (a rename keeps size and time). A kill at any point leaves a journal whose base exists.
        const std::string autosave = autosavePath(task.projectPath);
        const std::string pending = autosave + ".new";
        bool ok = QDir().mkpath(QFileInfo(QString::fromStdString(autosave)).absolutePath());
        if (!ok)
            error = autosave + ": " + detail::tr("cannot create the autosave folder");
        ok = ok && writeFileAtomically(pending, projectToJson(*task.project, detail::dirOf(autosave)), &error);
        task.project.reset();
        ok = ok && startOn(journalPath(task.projectPath), fileIdentity(pending, JournalBase::Kind::Autosave, task.modified));
        if (ok && ::rename(pending.c_str(), autosave.c_str()) != 0) {
            error = autosave + ": " + errnoText();
            ok = false;
        }
        if (ok)
            syncDir(autosave);
        else
            fail(error);
        if (onSnapshotWritten)
            onSnapshotWritten(ok, error);
        break;
    }
    case Task::Kind::Resume: {
        closeFile();
        mPath = journalPath(task.projectPath);
        mFd = ::open(mPath.c_str(), O_WRONLY | O_CLOEXEC);
        if (mFd < 0 || ::ftruncate(mFd, off_t(task.validBytes)) != 0 || ::lseek(mFd, 0, SEEK_END) < 0) {
            fail(mPath + ": " + errnoText());
            if (mFd >= 0)
                ::close(mFd);
            mFd = -1;
            break;
        }
        mDirty = true;
        std::lock_guard<std::mutex> lock(mMutex);
        mBytes = task.validBytes;
        break;
    }
    case Task::Kind::Append: {
        if (mFd < 0)
            break;
        const std::string bytes = encodeRecord(task.record);
        if (!writeAll(bytes, &error)) {
            fail(error);
            break;
        }
        mDirty = true;
        std::lock_guard<std::mutex> lock(mMutex);
        mBytes += std::int64_t(bytes.size());
        break;
    }
    case Task::Kind::Discard:
        closeFile();
        discardRecovery(task.projectPath);
        break;
    case Task::Kind::Stop:
        closeFile();
        break;
    case Task::Kind::Flush:
        syncNow();
        break;
    }
}

} // namespace paddock::core
