// SPDX-License-Identifier: Apache-2.0
// Versions of one clip: what paddock merge keeps when labellers labelled the same clip differently.
#pragma once

#include "core/model/project.h"

#include <string>
#include <vector>

namespace paddock::core {

/**
 * The clips of \a project that are versions of the same clip as clip \a index (index itself included, in
 * project order): clips with an origin and the same name, video id, frame count and frames (path, image root).
 * Empty when clip \a index has no origin (it is an ordinary clip).
 */
std::vector<int> clipVersions(const Project &project, int index);

/** Clip \a index's place among its versions (1-based) and their count; {0, 0} for an ordinary clip. */
struct VersionPlace
{
    int number = 0;
    int count = 0;
    int chosen = 0; ///< versions not set aside
    /** The reviewer still has to choose: two or more versions are not set aside. */
    bool pending() const { return count > 1 && chosen > 1; }
};
VersionPlace versionPlace(const Project &project, int index);

/** Whether the reviewer still has to choose among clip \a index's versions (two or more not set aside). */
bool versionChoicePending(const Project &project, int index);

/**
 * Every clip whose versions wait for the reviewer's choice, one (the first version) per clip, in project
 * order. Export refuses while this is not empty.
 */
std::vector<int> pendingVersionChoices(const Project &project);

/** \a project without the versions set aside: \a project itself when none is, otherwise a copy in \a storage. */
const Project &withoutSetAside(const Project &project, Project *storage);

/**
 * Why \a project cannot be exported yet ("clip 'X' (video N) has 2 versions from a merge (a, b): ..."), or
 * empty when every clip with versions has exactly one left (the others set aside).
 */
std::string pendingVersionsMessage(const Project &project);

/** The short name of a version's origin (its file name), for lists. */
std::string originLabel(const std::string &origin);

} // namespace paddock::core
