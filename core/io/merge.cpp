// SPDX-License-Identifier: Apache-2.0
#include "core/io/merge.h"

#include "core/io/coco.h"
#include "core/io/jsonutil_p.h"
#include "core/io/projectfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace paddock::core {

using detail::Json;
using detail::tr;

namespace {

bool sameKeypoint(const Keypoint &a, const Keypoint &b)
{
    if (a.isLabelled() != b.isLabelled())
        return false;
    if (!a.isLabelled())
        return true;
    // Files written by Paddock round-trip exactly; the tolerance covers other writers' decimals.
    return std::fabs(a.x - b.x) <= 1e-6 && std::fabs(a.y - b.y) <= 1e-6 && a.visibility == b.visibility
        && a.source == b.source && std::fabs(a.score - b.score) <= 1e-4f;
}

std::string hex(std::uint64_t v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

const char *outcomeName(MergedClipReport::Outcome o)
{
    switch (o) {
    case MergedClipReport::Outcome::Only: return "only";
    case MergedClipReport::Outcome::Same: return "same";
    case MergedClipReport::Outcome::Versions: return "versions";
    case MergedClipReport::Outcome::Edited: return "edited";
    }
    return "";
}

/**
 * Keeps every clip's video, image and annotation ids, so that the parts of one dataset merge back to its file.
 * An id that an earlier clip of the merge (another identity: \a unitOf differs) holds already is a real
 * collision: this clip's use of it is renumbered after the largest id of the merge, the same way in each of its
 * versions, and the notes say so.
 */
void keepIds(std::vector<Clip> *clips, const std::vector<std::size_t> &unitOf, const std::vector<MergeInput> &inputs,
             ProjectMergeReport *rep)
{
    int nextVideo = 1;
    std::int64_t nextImage = 1, nextAnn = 1;
    for (const Clip &c : *clips) {
        nextVideo = std::max(nextVideo, c.videoId + 1);
        for (const FrameMeta &m : c.frameMeta)
            nextImage = std::max(nextImage, m.imageId + 1);
        for (const auto &[frame, list] : c.frames)
            for (const Instance &inst : list)
                nextAnn = std::max(nextAnn, inst.annotationId + 1);
    }
    // Who holds an id: the index of the unit (one identity: the clip, or all its versions).
    std::unordered_map<int, std::size_t> videoOwner;
    std::unordered_map<std::int64_t, std::size_t> imageOwner, annOwner;
    // claim: the id this unit uses for \a id (kept, or renumbered once for all its versions).
    auto claim = [](auto &owner, auto &remap, auto id, std::size_t unit, auto &next, int *renumbered) {
        if (id <= 0)
            return id;
        if (auto r = remap.find(id); r != remap.end())
            return r->second;
        auto [it, added] = owner.emplace(id, unit);
        if (added || it->second == unit)
            return id;
        const auto fresh = next++;
        owner.emplace(fresh, unit);
        remap.emplace(id, fresh);
        ++*renumbered;
        return fresh;
    };
    for (std::size_t i = 0; i < clips->size();) {
        const std::size_t unit = unitOf[i];
        std::map<int, int> videoMap;
        std::map<std::int64_t, std::int64_t> imageMap, annMap;
        int videos = 0, images = 0, anns = 0;
        std::size_t end = i;
        for (; end < clips->size() && unitOf[end] == unit; ++end) {
            Clip &c = (*clips)[end];
            const int oldVideo = c.videoId;
            c.videoId = claim(videoOwner, videoMap, c.videoId, unit, nextVideo, &videos);
            if (c.videoId != oldVideo)
                rep->clips[unit].videoId = c.videoId;
            for (FrameMeta &m : c.frameMeta)
                m.imageId = claim(imageOwner, imageMap, m.imageId, unit, nextImage, &images);
            for (auto &[frame, list] : c.frames)
                for (Instance &inst : list)
                    inst.annotationId = claim(annOwner, annMap, inst.annotationId, unit, nextAnn, &anns);
        }
        if (videos + images + anns > 0) {
            const MergedClipReport &cr = rep->clips[unit];
            std::string what;
            const auto add = [&what](const std::string &part) { what += (what.empty() ? "" : ", ") + part; };
            if (videos > 0)
                add(tr("its video id (now") + " " + std::to_string(cr.videoId) + ")");
            if (images > 0)
                add(std::to_string(images) + " " + tr("image ids"));
            if (anns > 0)
                add(std::to_string(anns) + " " + tr("annotation ids"));
            rep->notes.push_back(tr("clip") + " '" + cr.name + "' " + tr("from") + " "
                                 + inputs[std::size_t(cr.inputs.front())].path + ": " + what + " "
                                 + tr("renumbered: other clips of the merge have them"));
            rep->renumberedVideoIds += videos;
            rep->renumberedImageIds += images;
            rep->renumberedAnnotationIds += anns;
        }
        i = end;
    }
}

} // namespace

bool sameLabels(const Clip &a, const Clip &b)
{
    if (a.frames.size() != b.frames.size())
        return false;
    for (auto ia = a.frames.begin(), ib = b.frames.begin(); ia != a.frames.end(); ++ia, ++ib) {
        if (ia->first != ib->first || ia->second.size() != ib->second.size())
            return false;
        for (std::size_t i = 0; i < ia->second.size(); ++i) {
            const Instance &x = ia->second[i], &y = ib->second[i];
            if (x.trackId != y.trackId || x.categoryId != y.categoryId || x.keypoints.size() != y.keypoints.size())
                return false;
            for (std::size_t k = 0; k < x.keypoints.size(); ++k)
                if (!sameKeypoint(x.keypoints[k], y.keypoints[k]))
                    return false;
        }
    }
    return true;
}

bool readMergeInput(const std::string &path, MergeInput *out, std::string *error)
{
    std::string text;
    if (!readWholeFile(path, &text, error))
        return false;
    const bool project = text.find("\"paddock-project\"") != std::string::npos
        && text.find("\"format\"") != std::string::npos;
    std::optional<Project> p = project ? projectFromJson(text, detail::dirOf(path), path, error)
                                       : readCocoJson(text, path, error);
    if (!p)
        return false;
    out->path = path;
    out->project = std::move(*p);
    return true;
}

bool mergeProjects(const std::vector<MergeInput> &inputs, Project *out, ProjectMergeReport *report, std::string *error,
                   const MergeOptions &options)
{
    ProjectMergeReport rep;
    Project merged;
    for (const MergeInput &in : inputs) {
        rep.inputs.push_back(in.path);
        rep.clipsPerInput.push_back(int(in.project.clips.size()));
        for (const Category &c : in.project.categories) {
            const Category *have = merged.category(c.id);
            if (!have) {
                merged.categories.push_back(c);
            } else if (have->keypoints != c.keypoints) {
                *error = in.path + ": " + tr("category") + " " + std::to_string(c.id) + " (" + c.name + ") "
                    + tr("has other keypoints than in") + " " + inputs.front().path
                    + ": " + tr("these are not files of the same dataset");
                return false;
            }
        }
    }

    // Group every clip of every input by identity, in order of first appearance.
    struct Member
    {
        int input;
        const Clip *clip;
    };
    std::map<ClipIdentity, std::size_t> groupOf;
    std::vector<std::pair<ClipIdentity, std::vector<Member>>> groups;
    for (std::size_t i = 0; i < inputs.size(); ++i)
        for (const Clip &clip : inputs[i].project.clips) {
            ClipIdentity id;
            std::string why;
            if (!clipIdentity(clip, &id, &why, options.hashContent)) {
                *error = inputs[i].path + ": " + why;
                return false;
            }
            auto [it, added] = groupOf.emplace(id, groups.size());
            if (added)
                groups.push_back({id, {}});
            groups[it->second].second.push_back({int(i), &clip});
        }
    std::map<ClipIdentity, const Clip *> baseClips;
    if (options.base)
        for (const Clip &bc : options.base->clips) {
            ClipIdentity bid;
            std::string why;
            if (!clipIdentity(bc, &bid, &why, options.hashContent)) {
                *error = tr("the base") + ": " + why;
                return false;
            }
            baseClips.emplace(bid, &bc);
        }
    // The dataset's order: by video id, then first appearance (std::stable_sort keeps the latter).
    std::vector<std::size_t> order(groups.size());
    for (std::size_t g = 0; g < order.size(); ++g)
        order[g] = g;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return groups[a].second.front().clip->videoId < groups[b].second.front().clip->videoId;
    });

    std::vector<std::size_t> unitOf; // parallel to merged.clips: the index of its report (its identity)
    for (std::size_t g : order) {
        const auto &[identity, members] = groups[g];
        MergedClipReport cr;
        cr.identity = identity;
        cr.name = members.front().clip->name;
        cr.videoId = members.front().clip->videoId;
        std::vector<const Member *> versions; // distinct label sets, first appearance first
        for (const Member &m : members) {
            int v = 0;
            while (v < int(versions.size()) && !sameLabels(*versions[std::size_t(v)]->clip, *m.clip))
                ++v;
            if (v == int(versions.size()))
                versions.push_back(&m);
            cr.inputs.push_back(m.input);
            cr.versionOf.push_back(v);
        }
        if (options.base && versions.size() > 1) {
            auto found = baseClips.find(identity);
            if (found != baseClips.end()) {
                const Clip *base = found->second;
                std::vector<const Member *> edited;
                for (const Member *v : versions)
                    if (!sameLabels(*v->clip, *base))
                        edited.push_back(v);
                if (!edited.empty() && edited.size() < versions.size()) {
                    rep.unchangedDropped += int(versions.size() - edited.size());
                    for (std::size_t i = 0; i < cr.versionOf.size(); ++i) { // renumber; unchanged ones: -1
                        const Member *v = versions[std::size_t(cr.versionOf[i])];
                        auto pos = std::find(edited.begin(), edited.end(), v);
                        cr.versionOf[i] = pos == edited.end() ? -1 : int(pos - edited.begin());
                    }
                    versions = std::move(edited);
                }
            }
        }
        if (versions.size() == 1) {
            const bool edited = std::any_of(cr.versionOf.begin(), cr.versionOf.end(), [](int v) { return v < 0; });
            cr.outcome = edited                ? MergedClipReport::Outcome::Edited
                : members.size() == 1          ? MergedClipReport::Outcome::Only
                                               : MergedClipReport::Outcome::Same;
            ++(edited ? rep.edited : members.size() == 1 ? rep.only : rep.same);
            Clip c = *versions.front()->clip;
            c.origin.clear();
            for (const Member &m : members)
                if (m.clip->review != c.review) {
                    if (c.review.empty()) {
                        c.review = m.clip->review;
                    } else if (!m.clip->review.empty()) {
                        rep.notes.push_back(tr("clip") + " '" + c.name + "': " + tr("the same labels, but")
                                            + " " + inputs[std::size_t(m.input)].path + " "
                                            + tr("has other review rounds; kept those of") + " "
                                            + inputs[std::size_t(versions.front()->input)].path);
                    }
                }
            merged.clips.push_back(std::move(c));
            unitOf.push_back(rep.clips.size());
        } else {
            cr.outcome = MergedClipReport::Outcome::Versions;
            ++rep.versions;
            for (std::size_t v = 0; v < versions.size(); ++v) {
                Clip c = *versions[v]->clip;
                c.origin = inputs[std::size_t(versions[v]->input)].path;
                if (v > 0)
                    cr.agreement.push_back(
                        compareClips(*versions[0]->clip, c, merged.categories, options.agreement));
                merged.clips.push_back(std::move(c));
                unitOf.push_back(rep.clips.size());
            }
        }
        rep.clips.push_back(std::move(cr));
    }
    keepIds(&merged.clips, unitOf, inputs, &rep);
    if (rep.renumberedVideoIds > 0) { // a renumbered clip goes where its new video id puts it (last)
        std::vector<std::size_t> units(rep.clips.size());
        for (std::size_t u = 0; u < units.size(); ++u)
            units[u] = u;
        std::stable_sort(units.begin(), units.end(),
                         [&](std::size_t a, std::size_t b) { return rep.clips[a].videoId < rep.clips[b].videoId; });
        std::vector<std::size_t> first(rep.clips.size() + 1, merged.clips.size()); // a unit's clips: contiguous
        for (std::size_t i = merged.clips.size(); i-- > 0;)
            first[unitOf[i]] = i;
        std::vector<Clip> clips;
        std::vector<MergedClipReport> reports;
        for (std::size_t u : units) {
            for (std::size_t i = first[u]; i < first[u + 1]; ++i)
                clips.push_back(std::move(merged.clips[i]));
            reports.push_back(std::move(rep.clips[u]));
        }
        merged.clips = std::move(clips);
        rep.clips = std::move(reports);
    }
    *out = std::move(merged);
    if (report)
        *report = std::move(rep);
    return true;
}

nlohmann::json mergeReportToJson(const ProjectMergeReport &r)
{
    Json inputs = Json::array();
    for (std::size_t i = 0; i < r.inputs.size(); ++i)
        inputs.push_back({{"path", r.inputs[i]}, {"clips", r.clipsPerInput[i]}});
    Json clips = Json::array();
    for (const MergedClipReport &c : r.clips) {
        Json from = Json::array();
        for (std::size_t i = 0; i < c.inputs.size(); ++i)
            from.push_back({{"input", r.inputs[std::size_t(c.inputs[i])]},
                            {"version", c.versionOf[i] < 0 ? Json("unchanged") : Json(c.versionOf[i] + 1)}});
        Json j = {{"name", c.name},
                  {"video_id", c.videoId},
                  {"identity", {{"name", c.identity.name},
                                {"frames", c.identity.frameCount},
                                {"hash", hex(c.identity.contentHash)}}},
                  {"outcome", outcomeName(c.outcome)},
                  {"from", std::move(from)}};
        if (!c.agreement.empty()) {
            Json ag = Json::array();
            for (const AgreementReport &a : c.agreement)
                ag.push_back(agreementToJson(a));
            j["agreement"] = std::move(ag);
        }
        clips.push_back(std::move(j));
    }
    return {{"inputs", std::move(inputs)},
            {"clips", std::move(clips)},
            {"summary", {{"clips", r.clips.size()}, {"only", r.only}, {"same", r.same}, {"versions", r.versions},
                         {"edited", r.edited}, {"unchanged_left_out", r.unchangedDropped},
                         {"renumbered", {{"video_ids", r.renumberedVideoIds}, {"image_ids", r.renumberedImageIds},
                                         {"annotation_ids", r.renumberedAnnotationIds}}}}},
            {"notes", r.notes}};
}

std::vector<std::string> mergeReportToText(const ProjectMergeReport &r)
{
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < r.inputs.size(); ++i)
        lines.push_back(tr("input") + " " + std::to_string(i + 1) + ": " + r.inputs[i] + " ("
                        + std::to_string(r.clipsPerInput[i]) + " " + tr("clips") + ")");
    for (const MergedClipReport &c : r.clips) {
        std::string from;
        for (std::size_t i = 0; i < c.inputs.size(); ++i)
            from += (i ? ", " : "") + std::to_string(c.inputs[i] + 1)
                + (c.versionOf[i] < 0 ? std::string(" (" + tr("unchanged") + ")")
                   : c.outcome == MergedClipReport::Outcome::Versions ? "/v" + std::to_string(c.versionOf[i] + 1)
                                                                       : std::string());
        if (c.outcome == MergedClipReport::Outcome::Only && r.inputs.size() > 1 && r.clips.size() > 50)
            continue; // thousands of clips: list the ones that need a look, count the rest
        lines.push_back(tr("clip") + " '" + c.name + "' (video " + std::to_string(c.videoId) + "): "
                        + outcomeName(c.outcome) + " " + tr("from input") + " " + from);
        for (std::size_t v = 0; v < c.agreement.size(); ++v) {
            lines.push_back("  " + tr("version") + " " + std::to_string(v + 2) + " " + tr("against version 1") + ":");
            for (const std::string &l : agreementToText(c.agreement[v]))
                lines.push_back("    " + l);
        }
    }
    for (const std::string &n : r.notes)
        lines.push_back(tr("note") + ": " + n);
    lines.push_back(std::to_string(r.clips.size()) + " " + tr("clips") + ": " + std::to_string(r.only) + " "
                    + tr("from one input") + ", " + std::to_string(r.same) + " " + tr("the same in several") + ", "
                    + std::to_string(r.versions) + " " + tr("labelled differently (kept as versions to choose from)")
                    + (r.edited ? ", " + std::to_string(r.edited) + " " + tr("edited in one input only (taken)") : std::string()));
    if (r.renumberedVideoIds + r.renumberedImageIds + r.renumberedAnnotationIds > 0)
        lines.push_back(tr("ids renumbered (held by other clips of the merge)") + ": "
                        + std::to_string(r.renumberedVideoIds) + " " + tr("video") + ", "
                        + std::to_string(r.renumberedImageIds) + " " + tr("image") + ", "
                        + std::to_string(r.renumberedAnnotationIds) + " " + tr("annotation")
                        + "; " + tr("every other id is the input's"));
    return lines;
}

} // namespace paddock::core
