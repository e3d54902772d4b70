// SPDX-License-Identifier: Apache-2.0
#include "ui/commands/animalcommands.h"

#include <QCoreApplication>

#include <algorithm>

namespace paddock::ui {

namespace {
// Every frame on which the clip has an instance of one of the tracks, from \a fromFrame on.
std::vector<int> framesWith(const core::Clip &clip, std::initializer_list<int> tracks, int fromFrame = 0)
{
    std::vector<int> out;
    for (auto it = clip.frames.lower_bound(fromFrame); it != clip.frames.end(); ++it) {
        const bool has = std::any_of(it->second.begin(), it->second.end(), [&](const core::Instance &i) {
            return std::find(tracks.begin(), tracks.end(), i.trackId) != tracks.end();
        });
        if (has)
            out.push_back(it->first);
    }
    return out;
}
} // namespace

AddAnimal::AddAnimal(Document *document, int clip, int categoryId, int trackId, const QString &name)
    : ClipEdit(document, clip, QCoreApplication::translate("Undo Commands", "Add Animal"))
    , mTrackId(trackId)
{
    const core::Clip *c = this->clip();
    if (!c)
        return;
    if (mTrackId <= 0)
        mTrackId = c->nextTrackId();
    if (c->track(mTrackId))
        return; // id in use: nothing to add
    std::vector<core::Track> tracks = c->tracks;
    core::Track t;
    t.id = mTrackId;
    t.categoryId = categoryId;
    t.name = name.toStdString();
    tracks.push_back(t);
    changeTracks(tracks);
}

AddSpecies::AddSpecies(Document *document, int clip, core::Category category)
    : ClipEdit(document, clip, QCoreApplication::translate("Undo Commands", "Add Species"))
{
    const std::vector<core::Category> &now = document->project().categories;
    if (category.name.empty() || core::findSpeciesByName(now, category.name))
        return;
    if (category.id <= 0 || document->project().category(category.id))
        category.id = core::nextCategoryId(now);
    mCategoryId = category.id;
    std::vector<core::Category> after = now;
    after.push_back(std::move(category));
    changeCategories(std::move(after));
}

ChangeSpecies::ChangeSpecies(Document *document, int clip, int trackId, int categoryId)
    : ClipEdit(document, clip, QCoreApplication::translate("Undo Commands", "Change Species"))
{
    const core::Clip *c = this->clip();
    const core::Track *t = c ? c->track(trackId) : nullptr;
    const core::Category *to = document->project().category(categoryId);
    const core::Category *from = t ? document->project().category(t->categoryId) : nullptr;
    if (!t || !to) {
        mError = QCoreApplication::translate("Undo Commands", "No such animal or species.");
        return;
    }
    if (t->categoryId == categoryId)
        return;
    if (from && from->keypoints != to->keypoints) {
        mError = QCoreApplication::translate("Undo Commands",
                                             "%1 and %2 have different keypoints; the labels would lose their meaning.")
                     .arg(QString::fromStdString(from->name), QString::fromStdString(to->name));
        return;
    }
    for (int frame : framesWith(*c, {trackId})) {
        core::Instance inst = *c->instance(frame, trackId);
        inst.categoryId = categoryId;
        changeInstance(frame, trackId, inst);
    }
    std::vector<core::Track> tracks = c->tracks;
    for (core::Track &tr : tracks)
        if (tr.id == trackId)
            tr.categoryId = categoryId;
    changeTracks(tracks);
}

RemoveAnimal::RemoveAnimal(Document *document, int clip, int trackId)
    : ClipEdit(document, clip, QCoreApplication::translate("Undo Commands", "Remove Animal"))
{
    const core::Clip *c = this->clip();
    if (!c || !c->track(trackId))
        return;
    for (int frame : framesWith(*c, {trackId}))
        changeInstance(frame, trackId, std::nullopt);
    std::vector<core::Track> tracks = c->tracks;
    tracks.erase(std::remove_if(tracks.begin(), tracks.end(), [&](const core::Track &t) { return t.id == trackId; }),
                 tracks.end());
    changeTracks(tracks);
}

ChangeTrackId::ChangeTrackId(Document *document, int clip, int oldId, int newId)
    : ClipEdit(document, clip, QCoreApplication::translate("Undo Commands", "Change Track Id"))
{
    const core::Clip *c = this->clip();
    if (!c || oldId == newId || newId <= 0 || !c->track(oldId))
        return;
    for (int frame : framesWith(*c, {oldId, newId})) {
        auto a = c->instance(frame, oldId) ? std::optional<core::Instance>(*c->instance(frame, oldId)) : std::nullopt;
        auto b = c->instance(frame, newId) ? std::optional<core::Instance>(*c->instance(frame, newId)) : std::nullopt;
        changeInstance(frame, newId, a);
        changeInstance(frame, oldId, b);
    }
    std::vector<core::Track> tracks = c->tracks;
    for (core::Track &t : tracks) {
        if (t.id == oldId)
            t.id = newId;
        else if (t.id == newId)
            t.id = oldId;
    }
    changeTracks(tracks);
}

SwapTracksFromFrame::SwapTracksFromFrame(Document *document, int clip, int fromFrame, int trackA, int trackB)
    : ClipEdit(document, clip, QCoreApplication::translate("Undo Commands", "Swap Animals from Frame"))
{
    const core::Clip *c = this->clip();
    if (!c || trackA == trackB)
        return;
    for (int frame : framesWith(*c, {trackA, trackB}, fromFrame)) {
        auto a = document->instanceState(clip, frame, trackA);
        auto b = document->instanceState(clip, frame, trackB);
        changeInstance(frame, trackB, a);
        changeInstance(frame, trackA, b);
    }
}

} // namespace paddock::ui
