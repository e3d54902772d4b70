// SPDX-License-Identifier: Apache-2.0
// The journal file: framed, checksummed records (docs/project-format.md, "Edit journal"), and recovery.
#include "core/io/journal.h"

#include "core/io/autosave.h"
#include "core/io/journal_p.h"
#include "core/io/jsonutil_p.h"
#include "core/io/projectfile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace paddock::core {

using detail::Json;
using detail::kMagic;
using detail::kMagicSize;

// ---- Record encoding -------------------------------------------------------------------------------------------

namespace {

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
    Json j{{"frames", i.frameCount}, {"width", i.width}, {"height", i.height}, {"fps", i.fps}};
    if (i.setAside)
        j["setAside"] = true;
    return j;
}

bool infoFrom(const Json &j, ClipInfo *i, std::string *error)
{
    return detail::getInt(j, "frames", "info", &i->frameCount, error) && detail::getInt(j, "width", "info", &i->width, error)
        && detail::getInt(j, "height", "info", &i->height, error) && detail::getDouble(j, "fps", "info", &i->fps, error)
        && detail::getBool(j, "setAside", "info", &i->setAside, error, false);
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
    case Mutation::Kind::Categories: {
        j["kind"] = "categories";
        Json before = Json::array(), after = Json::array();
        for (const Category &c : m.categoriesBefore)
            before.push_back(detail::categoryToJson(c));
        for (const Category &c : m.categoriesAfter)
            after.push_back(detail::categoryToJson(c));
        j["before"] = std::move(before);
        j["after"] = std::move(after);
        break;
    }
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
    if (kind == "categories") {
        m->kind = Mutation::Kind::Categories;
        for (const auto &[key, out] : {std::pair{"before", &m->categoriesBefore}, std::pair{"after", &m->categoriesAfter}}) {
            const Json list = j.value(key, Json::array());
            if (!list.is_array()) {
                *error = std::string("mutation: '") + key + "' is not a list of species";
                return false;
            }
            for (const Json &c : list) {
                Category cat;
                if (!detail::categoryFromJson(c, "species", &cat, error))
                    return false;
                out->push_back(std::move(cat));
            }
        }
        return true;
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

} // namespace

namespace detail {

std::string encodeHeader(const JournalBase &base)
{
    const char *kind = base.kind == JournalBase::Kind::Project ? "project"
        : base.kind == JournalBase::Kind::Store                ? "store"
                                                               : "autosave";
    Json j{{"type", "header"},  {"version", 1},           {"base", kind},       {"size", base.size},
           {"mtimeNs", base.mtimeNs}, {"modified", base.modified}, {"created", nowMs()}};
    if (base.kind == JournalBase::Kind::Store) {
        j["storeId"] = base.storeId;
        j["generation"] = base.generation;
    }
    return frame(j);
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

} // namespace detail

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
    if (a.kind == JournalBase::Kind::Store || b.kind == JournalBase::Kind::Store)
        return a.kind == b.kind && !a.storeId.empty() && a.storeId == b.storeId && a.generation >= 0
            && a.generation == b.generation;
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
        // A record nested past kMaxJsonDepth is damage (Paddock writes a few levels): never handed to the parser,
        // whose recursion it could overflow.
        const std::string text(body, len);
        Json j = detail::tooDeepAt(text, detail::kMaxJsonDepth) == std::string::npos
            ? Json::parse(text, nullptr, false)
            : Json(Json::value_t::discarded);
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
            out.base.kind = kind == "autosave" ? JournalBase::Kind::Autosave
                : kind == "store"              ? JournalBase::Kind::Store
                                               : JournalBase::Kind::Project;
            out.base.modified = j.value("modified", false);
            if (out.base.kind == JournalBase::Kind::Store
                && (!detail::getString(j, "storeId", "header", &out.base.storeId, &e)
                    || !detail::getInt(j, "generation", "header", &out.base.generation, &e))) {
                if (error)
                    *error = path + ": " + detail::tr("the journal has no valid header");
                return std::nullopt;
            }
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
    return findRecovery(projectPath,
                        projectPath.empty() ? std::nullopt
                                            : std::optional<JournalBase>(fileIdentity(projectPath, JournalBase::Kind::Project, false)));
}

std::optional<Recovery> findRecovery(const std::string &projectPath, const std::optional<JournalBase> &projectBase)
{
    const std::string jpath = journalPath(projectPath);
    if (QFileInfo::exists(QString::fromStdString(jpath))) {
        std::string e;
        auto journal = readJournal(jpath, &e);
        if (journal) {
            std::vector<std::pair<std::string, std::optional<JournalBase>>> candidates;
            if (journal->base.kind != JournalBase::Kind::Autosave) {
                if (!projectPath.empty())
                    candidates.emplace_back(projectPath, projectBase);
            } else {
                for (const std::string &c : {autosavePath(projectPath), autosavePath(projectPath) + ".new"})
                    candidates.emplace_back(c, fileIdentity(c, JournalBase::Kind::Autosave, false));
            }
            for (const auto &[c, identity] : candidates) {
                if (!identity || !sameFile(*identity, journal->base))
                    continue;
                bool edits = journal->base.modified;
                for (const JournalRecord &r : journal->records)
                    edits = edits || !r.mutations.empty();
                if (!edits)
                    return std::nullopt; // the base holds everything: nothing was lost
                Recovery rec;
                rec.basePath = c;
                rec.baseKind = journal->base.kind;
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

std::optional<Project> loadRecovery(const Recovery &recovery, std::string *error, const ProjectLoader &load)
{
    auto project = load ? load(recovery.basePath, error) : loadProject(recovery.basePath, error);
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

} // namespace paddock::core
