// SPDX-License-Identifier: Apache-2.0
// Error-list exchange file: one clip's error entries, without labels (docs/project-format.md, "error lists").
#include "core/io/reviewjson.h"

#include "core/io/jsonutil_p.h"
#include "core/io/projectfile.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <set>

namespace paddock::core {

namespace {

using detail::Json;

const char *kFormatName = "paddock-error-list";

QString trr(const char *text)
{
    return QCoreApplication::translate("Review", text);
}

bool sameIdentity(const ReviewEntry &a, const ReviewEntry &b)
{
    return a.frame == b.frame && a.trackId == b.trackId && a.keypoint == b.keypoint && a.created == b.created
        && a.author == b.author;
}

} // namespace

std::string errorListToJson(const Clip &clip, const std::string &author, std::int64_t now)
{
    ClipReview entriesOnly;
    entriesOnly.entries = clip.review.entries;
    Json j = {{"format", kFormatName},
              {"version", kErrorListVersion},
              {"clip", {{"name", clip.name}, {"path", clip.path}, {"video_id", clip.videoId}}},
              {"exported", now},
              {"entries", detail::reviewToJson(entriesOnly)["entries"]}};
    if (!author.empty())
        j["author"] = author;
    return j.dump(1) + "\n";
}

std::optional<ErrorList> errorListFromJson(const std::string &text, const std::string &name, std::string *error)
{
    Json j;
    if (!detail::parseJson(text, name, &j, error))
        return std::nullopt;
    auto fail = [&](const QString &what) {
        if (error)
            *error = name + ": " + what.toStdString();
        return std::nullopt;
    };
    if (!j.is_object() || j.value("format", Json()) != kFormatName)
        return fail(trr("not a Paddock error list (\"format\" is not \"%1\")").arg(QLatin1String(kFormatName)));
    std::int64_t version = 0;
    if (auto v = j.find("version"); v == j.end() || !detail::asInteger(*v, &version))
        return fail(trr("'version' is missing or not an integer"));
    if (version > kErrorListVersion)
        return fail(trr("version %1 is newer than this Paddock reads (%2)").arg(version).arg(kErrorListVersion));
    ErrorList out;
    std::string err;
    if (auto c = j.find("clip"); c != j.end()) {
        if (!c->is_object())
            return fail(trr("'clip' is not an object"));
        if (!detail::getString(*c, "name", name + ".clip", &out.clipName, &err, false)
            || !detail::getString(*c, "path", name + ".clip", &out.clipPath, &err, false)
            || !detail::getInt(*c, "video_id", name + ".clip", &out.videoId, &err, false)) {
            if (error)
                *error = err;
            return std::nullopt;
        }
    }
    if (!detail::getString(j, "author", name, &out.author, &err, false)
        || !detail::getInt(j, "exported", name, &out.exported, &err, false)) {
        if (error)
            *error = err;
        return std::nullopt;
    }
    auto entries = j.find("entries");
    if (entries == j.end() || !entries->is_array())
        return fail(trr("'entries' is missing or not an array"));
    ClipReview parsed;
    if (!detail::reviewFromJson(Json{{"entries", *entries}}, name, &parsed, &err)) {
        if (error)
            *error = err;
        return std::nullopt;
    }
    std::set<std::int64_t> ids;
    for (const ReviewEntry &e : parsed.entries) {
        if (e.id <= 0 || !ids.insert(e.id).second)
            return fail(trr("entry id %1 is not positive or appears twice").arg(e.id));
        if (e.frame < 0 || e.keypoint < -1 || e.trackId < 0)
            return fail(trr("entry %1 has a negative frame, track or keypoint").arg(e.id));
    }
    out.entries = std::move(parsed.entries);
    return out;
}

bool exportErrorList(const Clip &clip, const std::string &path, const std::string &author, std::string *error)
{
    return writeFileAtomically(path, errorListToJson(clip, author, nowMs()), error);
}

std::optional<ErrorList> readErrorList(const std::string &path, std::string *error)
{
    std::string text;
    if (!readWholeFile(path, &text, error))
        return std::nullopt;
    return errorListFromJson(text, path, error);
}

MergeReport mergeErrorEntries(ClipReview *review, const std::vector<ReviewEntry> &incoming)
{
    MergeReport report;
    std::vector<ReviewEntry> renumbered; // different entries whose id was taken: added after the others
    for (const ReviewEntry &in : incoming) {
        ReviewEntry *local = review->entry(in.id);
        if (!local || !sameIdentity(*local, in)) {
            // The same entry may already be here under another id (renumbered by an earlier import).
            auto it = std::find_if(review->entries.begin(), review->entries.end(),
                                   [&](const ReviewEntry &e) { return sameIdentity(e, in); });
            if (it != review->entries.end()) {
                local = &*it;
            } else if (!local) {
                review->entries.push_back(in);
                ++report.added;
                continue;
            } else {
                renumbered.push_back(in);
                continue;
            }
        }
        if (*local == in || (local->id != in.id && [&] {
                ReviewEntry same = in;
                same.id = local->id;
                return same == *local;
            }())) {
            ++report.unchanged;
            continue;
        }
        if (in.modified > local->modified) {
            const std::int64_t keepId = local->id;
            *local = in;
            local->id = keepId;
            ++report.updated;
            continue;
        }
        ++report.keptLocal;
        report.conflicts.push_back(
            (in.modified == local->modified
                 ? trr("entry %1: changed on both sides at the same time; kept this project's version (%2)")
                 : trr("entry %1: this project's version is newer; kept it (%2) and ignored the file's"))
                .arg(in.id)
                .arg(QLatin1String(entryStateName(local->state)))
                .toStdString());
    }
    for (ReviewEntry in : renumbered) {
        const std::int64_t oldId = in.id;
        in.id = review->nextEntryId();
        review->entries.push_back(in);
        ++report.added;
        report.conflicts.push_back(trr("entry %1 of the file is a different entry than this project's entry %1; "
                                       "added it as entry %2")
                                       .arg(oldId)
                                       .arg(in.id)
                                       .toStdString());
    }
    return report;
}

MergeReport importErrorList(Clip *clip, const ErrorList &list)
{
    MergeReport report = mergeErrorEntries(&clip->review, list.entries);
    if (!list.clipName.empty() && list.clipName != clip->name)
        report.warnings.push_back(trr("the error list is for clip \"%1\", imported into \"%2\"")
                                      .arg(QString::fromStdString(list.clipName), QString::fromStdString(clip->name))
                                      .toStdString());
    const int frames = clip->effectiveFrameCount();
    for (const ReviewEntry &e : list.entries) {
        if (frames > 0 && e.frame >= frames)
            report.warnings.push_back(
                trr("entry %1 refers to frame %2, but the clip has %3 frames").arg(e.id).arg(e.frame).arg(frames)
                    .toStdString());
        else if (e.trackId > 0 && !clip->track(e.trackId))
            report.warnings.push_back(
                trr("entry %1 refers to track %2, which the clip does not have").arg(e.id).arg(e.trackId)
                    .toStdString());
    }
    return report;
}

} // namespace paddock::core
