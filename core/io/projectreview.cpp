// SPDX-License-Identifier: Apache-2.0
// Review rounds and error lists in the project file (the "review" object of a clip; docs/project-format.md).
#include "core/io/jsonutil_p.h"

namespace paddock::core::detail {

namespace {

Json entryToJson(const ReviewEntry &e)
{
    Json j = {{"id", e.id},         {"frame", e.frame},
              {"track", e.trackId}, {"keypoint", e.keypoint},
              {"type", errorTypeName(e.type)}, {"state", entryStateName(e.state)},
              {"created", e.created}, {"modified", e.modified},
              {"round", e.round}};
    if (!e.comment.empty())
        j["comment"] = e.comment;
    if (e.suggested)
        j["suggested"] = {e.suggested->x, e.suggested->y};
    if (!e.author.empty())
        j["author"] = e.author;
    if (!e.updatedBy.empty())
        j["updatedBy"] = e.updatedBy;
    if (!e.checkKind.empty())
        j["check"] = e.checkKind;
    return j;
}

bool entryFromJson(const Json &j, const std::string &w, ReviewEntry *e, std::string *error)
{
    std::string type, state;
    if (!getInt(j, "id", w, &e->id, error) || !getInt(j, "frame", w, &e->frame, error)
        || !getInt(j, "track", w, &e->trackId, error) || !getInt(j, "keypoint", w, &e->keypoint, error)
        || !getString(j, "type", w, &type, error) || !getString(j, "state", w, &state, error)
        || !getInt(j, "created", w, &e->created, error, false) || !getInt(j, "modified", w, &e->modified, error, false)
        || !getInt(j, "round", w, &e->round, error, false) || !getString(j, "comment", w, &e->comment, error, false)
        || !getString(j, "author", w, &e->author, error, false)
        || !getString(j, "updatedBy", w, &e->updatedBy, error, false)
        || !getString(j, "check", w, &e->checkKind, error, false))
        return false;
    const auto t = errorTypeFromName(type);
    const auto s = entryStateFromName(state);
    if (!t || !s) {
        *error = w + ": " + tr("unknown error type or state") + " '" + (t ? state : type) + "'";
        return false;
    }
    e->type = *t;
    e->state = *s;
    if (auto it = j.find("suggested"); it != j.end()) {
        if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number() || !(*it)[1].is_number()) {
            *error = w + ": " + tr("'suggested' is not two numbers");
            return false;
        }
        e->suggested = Point2{(*it)[0].get<double>(), (*it)[1].get<double>()};
    }
    return true;
}

} // namespace

Json reviewToJson(const ClipReview &review)
{
    Json rounds = Json::array();
    for (const ReviewRound &r : review.rounds) {
        Json j = {{"number", r.number},   {"state", roundStateName(r.state)}, {"started", r.started},
                  {"updated", r.updated}, {"snapshot", labelsToJson(r.snapshot)}};
        if (!r.reviewer.empty())
            j["reviewer"] = r.reviewer;
        if (!r.labeller.empty())
            j["labeller"] = r.labeller;
        rounds.push_back(std::move(j));
    }
    Json entries = Json::array();
    for (const ReviewEntry &e : review.entries)
        entries.push_back(entryToJson(e));
    return Json{{"rounds", std::move(rounds)}, {"entries", std::move(entries)}};
}

bool reviewFromJson(const Json &j, const std::string &where, ClipReview *out, std::string *error)
{
    *out = ClipReview();
    if (!j.is_object()) {
        *error = where + ": " + tr("not an object");
        return false;
    }
    if (auto rounds = j.find("rounds"); rounds != j.end()) {
        if (!rounds->is_array()) {
            *error = where + ".rounds: " + tr("not an array");
            return false;
        }
        for (std::size_t i = 0; i < rounds->size(); ++i) {
            const Json &rj = (*rounds)[i];
            const std::string w = where + ".rounds[" + std::to_string(i) + "]";
            ReviewRound r;
            std::string state;
            if (!getInt(rj, "number", w, &r.number, error) || !getString(rj, "state", w, &state, error)
                || !getInt(rj, "started", w, &r.started, error, false)
                || !getInt(rj, "updated", w, &r.updated, error, false)
                || !getString(rj, "reviewer", w, &r.reviewer, error, false)
                || !getString(rj, "labeller", w, &r.labeller, error, false))
                return false;
            const auto s = roundStateFromName(state);
            if (!s) {
                *error = w + ": " + tr("unknown round state") + " '" + state + "'";
                return false;
            }
            r.state = *s;
            if (auto snap = rj.find("snapshot"); snap != rj.end())
                if (!labelsFromJson(*snap, w + ".snapshot", &r.snapshot, error))
                    return false;
            out->rounds.push_back(std::move(r));
        }
    }
    if (auto entries = j.find("entries"); entries != j.end()) {
        if (!entries->is_array()) {
            *error = where + ".entries: " + tr("not an array");
            return false;
        }
        for (std::size_t i = 0; i < entries->size(); ++i) {
            ReviewEntry e;
            if (!entryFromJson((*entries)[i], where + ".entries[" + std::to_string(i) + "]", &e, error))
                return false;
            out->entries.push_back(std::move(e));
        }
    }
    return true;
}

} // namespace paddock::core::detail
