// SPDX-License-Identifier: Apache-2.0
#include "core/checks/checks.h"

#include "core/checks/checkutil.h"

#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace paddock::core {

namespace {

struct Named
{
    FindingKind kind;
    const char *name;
};
const Named kKinds[] = {
    {FindingKind::OutsideBox, "outside_box"},       {FindingKind::OutsideImage, "outside_image"},
    {FindingKind::LeftRightSwap, "left_right_swap"}, {FindingKind::Jump, "jump"},
    {FindingKind::BoneLength, "bone_length"},       {FindingKind::MissingKeypoint, "missing_keypoint"},
    {FindingKind::DuplicateTrack, "duplicate_track"}, {FindingKind::SpeciesChange, "species_change"},
    {FindingKind::UnlikeLabels, "unlike_labels"},   {FindingKind::TrackDisagreement, "track_disagreement"},
    {FindingKind::OffAnimal, "off_animal"},         {FindingKind::IdentitySwap, "identity_swap"},
};

QString trc(const char *text)
{
    return QCoreApplication::translate("Checks", text);
}

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

} // namespace

const char *findingKindName(FindingKind k)
{
    for (const Named &n : kKinds)
        if (n.kind == k)
            return n.name;
    return "unknown";
}

std::optional<FindingKind> findingKindFromName(const std::string &name)
{
    for (const Named &n : kKinds)
        if (name == n.name)
            return n.kind;
    return std::nullopt;
}

std::vector<FindingKind> allFindingKinds()
{
    std::vector<FindingKind> out;
    for (const Named &n : kKinds)
        out.push_back(n.kind);
    return out;
}

const char *severityName(Severity s)
{
    switch (s) {
    case Severity::Info:
        return "info";
    case Severity::Warning:
        return "warning";
    case Severity::Error:
        return "error";
    }
    return "unknown";
}

namespace checks {


void checkPlacement(const ClipIndex &index, const CheckOptions &opt, bool doBox, bool doImage,
                    std::vector<Finding> *out)
{
    const Clip &clip = *index.clip;
    for (const auto &[frame, list] : clip.frames) {
        int w = clip.width, h = clip.height;
        if (frame >= 0 && frame < int(clip.frameMeta.size()) && clip.frameMeta[frame].width > 0) {
            w = clip.frameMeta[frame].width;
            h = clip.frameMeta[frame].height;
        }
        for (const Instance &inst : list) {
            const Category *cat = index.category(inst.categoryId);
            for (int k = 0; k < int(inst.keypoints.size()); ++k) {
                const Keypoint &p = inst.keypoints[k];
                if (!p.isLabelled())
                    continue;
                const double tol = opt.imageTolerance;
                if (doImage && w > 0 && h > 0
                    && (p.x < -tol || p.y < -tol || p.x > w + tol || p.y > h + tol)) {
                    out->push_back(make(FindingKind::OutsideImage, Severity::Error, frame, inst.trackId, k, cat,
                                        trc("point (%1, %2) lies outside the %3x%4 image")
                                            .arg(num(p.x), num(p.y))
                                            .arg(w)
                                            .arg(h),
                                        0.0));
                    continue;
                }
                if (doBox && inst.bbox && inst.bbox->w > 0 && inst.bbox->h > 0) {
                    const Box &b = *inst.bbox;
                    const double slack = std::max(1.0, opt.boxTolerance * std::max(b.w, b.h));
                    const double dx = std::max({b.x - p.x, p.x - (b.x + b.w), 0.0});
                    const double dy = std::max({b.y - p.y, p.y - (b.y + b.h), 0.0});
                    const double d = std::hypot(dx, dy);
                    if (dx > slack || dy > slack)
                        out->push_back(make(FindingKind::OutsideBox, Severity::Error, frame, inst.trackId, k, cat,
                                            trc("point lies %1 px outside the animal's box").arg(num(d)), d));
                }
            }
        }
    }
}

void checkDuplicatesAndSpecies(const ClipIndex &index, bool doDup, bool doSpecies, std::vector<Finding> *out)
{
    const Clip &clip = *index.clip;
    if (doDup) {
        for (const auto &[frame, list] : clip.frames) {
            std::map<int, int> counts;
            for (const Instance &inst : list)
                ++counts[inst.trackId];
            for (const auto &[track, n] : counts)
                if (n > 1)
                    out->push_back(make(FindingKind::DuplicateTrack, Severity::Error, frame, track, -1, nullptr,
                                        trc("%1 animals carry track id %2 on this frame").arg(n).arg(track), n));
        }
    }
    if (!doSpecies)
        return;
    for (const auto &[track, obs] : index.tracks) {
        std::map<int, int> counts;
        for (const Observation &o : obs)
            ++counts[o.inst->categoryId];
        if (counts.size() < 2)
            continue;
        int major = counts.begin()->first;
        for (const auto &[c, n] : counts)
            if (n > counts[major])
                major = c;
        const Category *majorCat = index.category(major);
        const QString majorName = majorCat && !majorCat->name.empty() ? QString::fromStdString(majorCat->name)
                                                                      : QString::number(major);
        for (std::size_t i = 0; i < obs.size(); ++i) {
            const int c = obs[i].inst->categoryId;
            if (c == major || (i > 0 && obs[i - 1].inst->categoryId == c))
                continue; // report the first frame of each run only
            std::size_t j = i;
            while (j < obs.size() && obs[j].inst->categoryId == c)
                ++j;
            const Category *cat = index.category(c);
            const QString name = cat && !cat->name.empty() ? QString::fromStdString(cat->name) : QString::number(c);
            out->push_back(make(FindingKind::SpeciesChange, Severity::Error, obs[i].frame, track, -1, nullptr,
                                trc("species is %1 on %2 frame(s) from here, but %3 on %4 other frames of the track")
                                    .arg(name)
                                    .arg(int(j - i))
                                    .arg(majorName)
                                    .arg(counts[major]),
                                double(j - i)));
        }
    }
}

void checkMissing(const ClipIndex &index, const CheckOptions &opt, std::vector<Finding> *out)
{
    for (const auto &[track, obs] : index.tracks) {
        for (std::size_t i = 1; i + 1 < obs.size(); ++i) {
            if (obs[i].frame - obs[i - 1].frame > opt.maxGap || obs[i + 1].frame - obs[i].frame > opt.maxGap)
                continue;
            const Instance &b = *obs[i].inst;
            const Category *cat = index.category(b.categoryId);
            // Neighbours on each side: two where the track has them, so a point that flickers in and out of
            // view (left unlabelled on purpose every few frames) is not reported.
            std::vector<const Instance *> around = {obs[i - 1].inst, obs[i + 1].inst};
            if (i >= 2 && obs[i - 1].frame - obs[i - 2].frame <= opt.maxGap)
                around.push_back(obs[i - 2].inst);
            if (i + 2 < obs.size() && obs[i + 2].frame - obs[i + 1].frame <= opt.maxGap)
                around.push_back(obs[i + 2].inst);
            for (int k = 0; k < int(b.keypoints.size()); ++k) {
                if (b.keypoints[k].isLabelled())
                    continue;
                if (std::all_of(around.begin(), around.end(), [k](const Instance *n) {
                        return k < int(n->keypoints.size()) && n->keypoints[k].isLabelled();
                    }))
                    out->push_back(make(FindingKind::MissingKeypoint, Severity::Info, obs[i].frame, track, k, cat,
                                        trc("not labelled here, but labelled on frames %1 and %2")
                                            .arg(obs[i - 1].frame)
                                            .arg(obs[i + 1].frame),
                                        0.0));
            }
        }
        // The whole animal forgotten on a frame where other animals were labelled.
        for (std::size_t i = 0; i + 1 < obs.size(); ++i) {
            if (obs[i + 1].frame - obs[i].frame != 2)
                continue;
            const int f = obs[i].frame + 1;
            auto it = index.clip->frames.find(f);
            if (it == index.clip->frames.end() || it->second.empty())
                continue;
            out->push_back(make(FindingKind::MissingKeypoint, Severity::Warning, f, track, -1, nullptr,
                                trc("animal not labelled here, but labelled on frames %1 and %2 and other animals "
                                    "are labelled on this frame")
                                    .arg(obs[i].frame)
                                    .arg(obs[i + 1].frame),
                                0.0));
        }
    }
}

} // namespace checks

std::vector<Finding> runChecks(const Clip &clip, const std::vector<Category> &categories, const CheckOptions &options)
{
    auto on = [&](FindingKind k) {
        return std::find(options.kinds.begin(), options.kinds.end(), k) != options.kinds.end();
    };
    const checks::ClipIndex index(clip, categories);
    std::vector<Finding> out;
    if (on(FindingKind::OutsideBox) || on(FindingKind::OutsideImage))
        checks::checkPlacement(index, options, on(FindingKind::OutsideBox), on(FindingKind::OutsideImage), &out);
    if (on(FindingKind::DuplicateTrack) || on(FindingKind::SpeciesChange))
        checks::checkDuplicatesAndSpecies(index, on(FindingKind::DuplicateTrack), on(FindingKind::SpeciesChange),
                                          &out);
    if (on(FindingKind::MissingKeypoint))
        checks::checkMissing(index, options, &out);
    if (on(FindingKind::LeftRightSwap))
        checks::checkSwaps(index, options, &out);
    if (on(FindingKind::Jump))
        checks::checkJumps(index, options, &out);
    if (on(FindingKind::BoneLength))
        checks::checkBones(index, options, &out);
    sortFindings(&out);
    return out;
}

void sortFindings(std::vector<Finding> *findings)
{
    std::stable_sort(findings->begin(), findings->end(), [](const Finding &a, const Finding &b) {
        if (a.frame != b.frame)
            return a.frame < b.frame;
        if (a.trackId != b.trackId)
            return a.trackId < b.trackId;
        return a.keypoint < b.keypoint;
    });
}

std::string findingToText(const Finding &f)
{
    return QStringLiteral("frame %1  track %2  %3  %4  %5: %6")
        .arg(f.frame)
        .arg(f.trackId)
        .arg(f.keypointName.empty() ? QStringLiteral("-") : QString::fromStdString(f.keypointName),
             QLatin1String(severityName(f.severity)), QLatin1String(findingKindName(f.kind)),
             QString::fromStdString(f.reason))
        .toStdString();
}

nlohmann::json findingToJson(const Finding &f, const std::string &clipName)
{
    nlohmann::json j;
    if (!clipName.empty())
        j["clip"] = clipName;
    j["frame"] = f.frame;
    j["track_id"] = f.trackId;
    j["keypoint"] = f.keypoint;
    j["keypoint_name"] = f.keypointName;
    j["kind"] = findingKindName(f.kind);
    j["severity"] = severityName(f.severity);
    j["reason"] = f.reason;
    j["value"] = f.value;
    return j;
}

ErrorType errorTypeForFinding(FindingKind kind)
{
    switch (kind) {
    case FindingKind::OutsideBox:
    case FindingKind::OutsideImage:
    case FindingKind::Jump:
    case FindingKind::BoneLength:
    case FindingKind::UnlikeLabels:
    case FindingKind::TrackDisagreement:
    case FindingKind::OffAnimal:
        return ErrorType::WrongPosition;
    case FindingKind::LeftRightSwap:
        return ErrorType::LeftRightSwapped;
    case FindingKind::MissingKeypoint:
        return ErrorType::Missing;
    case FindingKind::DuplicateTrack:
    case FindingKind::IdentitySwap:
        return ErrorType::WrongTrackId;
    case FindingKind::SpeciesChange:
        return ErrorType::WrongSpecies;
    }
    return ErrorType::Other;
}

ReviewEntry findingToEntry(const Finding &f, const std::string &author)
{
    ReviewEntry e;
    e.frame = f.frame;
    e.trackId = f.trackId;
    e.keypoint = f.keypoint;
    e.type = errorTypeForFinding(f.kind);
    e.comment = f.reason;
    e.author = author;
    e.updatedBy = author;
    e.checkKind = findingKindName(f.kind);
    return e;
}

} // namespace paddock::core
