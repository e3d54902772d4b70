// SPDX-License-Identifier: Apache-2.0
#include "core/model/versions.h"

namespace paddock::core {

namespace {
bool sameClip(const Clip &a, const Clip &b)
{
    return a.name == b.name && a.videoId == b.videoId && a.effectiveFrameCount() == b.effectiveFrameCount()
        && a.path == b.path && a.imageRoot == b.imageRoot;
}
} // namespace

std::vector<int> clipVersions(const Project &project, int index)
{
    std::vector<int> out;
    if (index < 0 || index >= int(project.clips.size()))
        return out;
    const Clip &c = project.clips[std::size_t(index)];
    if (c.origin.empty())
        return out;
    for (int i = 0; i < int(project.clips.size()); ++i) {
        const Clip &o = project.clips[std::size_t(i)];
        if (!o.origin.empty() && sameClip(c, o))
            out.push_back(i);
    }
    return out;
}

namespace {
/** Clip \a index's place among \a versions (clipVersions' list). */
VersionPlace placeAmong(const Project &project, const std::vector<int> &versions, int index)
{
    VersionPlace p;
    p.count = int(versions.size());
    for (std::size_t i = 0; i < versions.size(); ++i) {
        if (versions[i] == index)
            p.number = int(i) + 1;
        if (!project.clips[std::size_t(versions[i])].setAside)
            ++p.chosen;
    }
    return p;
}
} // namespace

VersionPlace versionPlace(const Project &project, int index)
{
    return placeAmong(project, clipVersions(project, index), index);
}

bool versionChoicePending(const Project &project, int index)
{
    return versionPlace(project, index).pending();
}

std::vector<int> pendingVersionChoices(const Project &project)
{
    std::vector<int> out;
    std::vector<char> seen(project.clips.size(), 0);
    for (int i = 0; i < int(project.clips.size()); ++i) {
        if (seen[std::size_t(i)] || project.clips[std::size_t(i)].origin.empty())
            continue;
        const std::vector<int> versions = clipVersions(project, i);
        for (int k : versions)
            seen[std::size_t(k)] = 1;
        if (placeAmong(project, versions, i).pending())
            out.push_back(i);
    }
    return out;
}

const Project &withoutSetAside(const Project &project, Project *storage)
{
    bool any = false;
    for (const Clip &c : project.clips)
        any = any || c.setAside;
    if (!any)
        return project;
    storage->categories = project.categories;
    storage->clips.clear();
    for (const Clip &c : project.clips)
        if (!c.setAside)
            storage->clips.push_back(c);
    return *storage;
}

std::string pendingVersionsMessage(const Project &project)
{
    const std::vector<int> pending = pendingVersionChoices(project);
    if (pending.empty())
        return std::string();
    const Clip &c = project.clips[std::size_t(pending.front())];
    std::string origins;
    for (int k : clipVersions(project, pending.front()))
        if (!project.clips[std::size_t(k)].setAside)
            origins += (origins.empty() ? "" : ", ") + project.clips[std::size_t(k)].origin;
    std::string text = "clip '" + c.name + "' (video " + std::to_string(c.videoId) + ") has two versions from a merge ("
        + origins + "): choose one (Keep This Version in the clip browser) before exporting";
    if (pending.size() > 1)
        text += "; " + std::to_string(pending.size() - 1) + " more clip(s) wait for a choice too";
    return text;
}

std::string originLabel(const std::string &origin)
{
    const std::size_t slash = origin.find_last_of("/\\");
    return slash == std::string::npos ? origin : origin.substr(slash + 1);
}

} // namespace paddock::core
