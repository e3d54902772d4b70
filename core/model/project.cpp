// SPDX-License-Identifier: Apache-2.0
#include "core/model/project.h"

#include <algorithm>

namespace paddock::core {

const Instance *Clip::instance(int frame, int trackId) const
{
    auto it = frames.find(frame);
    if (it == frames.end())
        return nullptr;
    for (const Instance &inst : it->second)
        if (inst.trackId == trackId)
            return &inst;
    return nullptr;
}

Instance *Clip::instance(int frame, int trackId)
{
    return const_cast<Instance *>(static_cast<const Clip *>(this)->instance(frame, trackId));
}

void Clip::setInstance(int frame, const Instance &inst)
{
    ensureTrack(inst.trackId, inst.categoryId);
    if (Instance *existing = instance(frame, inst.trackId)) {
        *existing = inst;
        return;
    }
    auto &list = frames[frame];
    auto pos = std::lower_bound(list.begin(), list.end(), inst.trackId,
                                [](const Instance &a, int id) { return a.trackId < id; });
    list.insert(pos, inst);
}

bool Clip::removeInstance(int frame, int trackId)
{
    auto it = frames.find(frame);
    if (it == frames.end())
        return false;
    auto &list = it->second;
    auto pos = std::find_if(list.begin(), list.end(), [&](const Instance &i) { return i.trackId == trackId; });
    if (pos == list.end())
        return false;
    list.erase(pos);
    if (list.empty())
        frames.erase(it);
    return true;
}

const Track *Clip::track(int id) const
{
    for (const Track &t : tracks)
        if (t.id == id)
            return &t;
    return nullptr;
}

Track *Clip::track(int id)
{
    return const_cast<Track *>(static_cast<const Clip *>(this)->track(id));
}

Track &Clip::ensureTrack(int id, int categoryId)
{
    if (Track *t = track(id))
        return *t;
    Track t;
    t.id = id;
    t.categoryId = categoryId;
    auto pos = std::lower_bound(tracks.begin(), tracks.end(), id, [](const Track &a, int v) { return a.id < v; });
    return *tracks.insert(pos, t);
}

int Clip::nextTrackId() const
{
    int next = 1;
    for (const Track &t : tracks)
        next = std::max(next, t.id + 1);
    return next;
}

std::vector<int> Clip::userLabelledFrames(int trackId) const
{
    std::vector<int> out;
    for (const auto &[frame, list] : frames) {
        for (const Instance &inst : list) {
            if (inst.trackId != trackId)
                continue;
            bool any = std::any_of(inst.keypoints.begin(), inst.keypoints.end(),
                                   [](const Keypoint &k) { return k.isLabelled() && isUserLabel(k.source); });
            if (any)
                out.push_back(frame);
        }
    }
    return out;
}

int Clip::effectiveFrameCount() const
{
    int n = std::max(frameCount, static_cast<int>(frameMeta.size()));
    if (!frames.empty())
        n = std::max(n, frames.rbegin()->first + 1);
    return n;
}

bool Clip::operator==(const Clip &o) const
{
    return name == o.name && path == o.path && imageRoot == o.imageRoot && origin == o.origin && setAside == o.setAside && videoId == o.videoId && frameCount == o.frameCount
        && width == o.width && height == o.height && fps == o.fps && frameMeta == o.frameMeta && tracks == o.tracks
        && frames == o.frames && review == o.review;
}

const Category *Project::category(int id) const
{
    for (const Category &c : categories)
        if (c.id == id)
            return &c;
    return nullptr;
}

const Category &Project::ensureCategory(const Category &c)
{
    if (const Category *existing = category(c.id))
        return *existing;
    categories.push_back(c);
    return categories.back();
}

Project newAp10kProject()
{
    Project p;
    p.categories = ap10kCategories();
    return p;
}

} // namespace paddock::core
