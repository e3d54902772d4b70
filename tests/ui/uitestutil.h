// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

namespace paddock::test {

/** An AP-10K project with one clip of \a frames frames (640x480) and two animals (tracks 1 and 2). */
inline core::Project smallProject(int frames = 10)
{
    core::Project p = core::newAp10kProject();
    core::Clip clip;
    clip.name = "clip";
    clip.path = "/nonexistent";
    clip.frameCount = frames;
    clip.width = 640;
    clip.height = 480;
    clip.fps = 25.0;
    clip.ensureTrack(1, 8); // dog
    clip.ensureTrack(2, 6); // sheep
    p.clips.push_back(clip);
    return p;
}

} // namespace paddock::test
