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

VersionPlace versionPlace(const Project &project, int index)
{
    VersionPlace p;
    const std::vector<int> v = clipVersions(project, index);
    p.count = int(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == index)
            p.number = int(i) + 1;
        if (!project.clips[std::size_t(v[i])].setAside)
            ++p.chosen;
    }
    return p;
}

bool versionChoicePending(const Project &project, int index)
{
    const VersionPlace p = versionPlace(project, index);
    return p.count > 1 && p.chosen > 1;
}

std::vector<int> pendingVersionChoices(const Project &project)
{
    std::vector<int> out;
    std::vector<char> seen(project.clips.size(), 0);
    for (int i = 0; i < int(project.clips.size()); ++i) {
        if (seen[std::size_t(i)] || project.clips[std::size_t(i)].origin.empty())
            continue;
        const std::vector<int> v = clipVersions(project, i);
        int chosen = 0;
        for (int k : v) {
            seen[std::size_t(k)] = 1;
            chosen += project.clips[std::size_t(k)].setAside ? 0 : 1;
        }
        if (v.size() > 1 && chosen > 1)
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
