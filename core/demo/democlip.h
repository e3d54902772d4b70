// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

#include <optional>
#include <string>

namespace paddock::core {

/** Size and length of the built-in demo clip. */
struct DemoClipOptions
{
    int frames = 60;
    int width = 640;
    int height = 360;
    int speciesId = 8; ///< AP-10K species of the animal (8: dog)
    unsigned seed = 7; ///< texture seed; the same options always give the same pixels
};

/**
 * Renders the built-in demo clip: a textured quadruped walking over a textured background, drawn with
 * OpenCV, deterministic. Writes frame_0000.png ... into \a dir (created when missing) and returns the
 * clip (path = dir) with the ground truth of the 17 AP-10K keypoints on every frame (Source Imported).
 * nullopt with a message naming the folder when it cannot write.
 */
std::optional<Clip> renderDemoClip(const std::string &dir, std::string *error, const DemoClipOptions &options = {});

/** The ground-truth keypoints of frame \a frame without rendering anything (the same as renderDemoClip). */
Instance demoGroundTruth(int frame, const DemoClipOptions &options = {});

} // namespace paddock::core
