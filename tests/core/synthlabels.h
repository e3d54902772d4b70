// SPDX-License-Identifier: Apache-2.0
// Clean synthetic labels for the review and checks tests: AP-10K dogs walking smoothly, seen from above.
#pragma once

#include "core/model/project.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace paddock::test {

/** Small deterministic jitter in [-amp, amp], like a careful labeller's click noise. */
inline double jitter(std::uint32_t seed, double amp)
{
    seed = seed * 1664525u + 1013904223u;
    seed ^= seed >> 13;
    seed = seed * 1664525u + 1013904223u;
    return amp * (double(seed % 2001) / 1000.0 - 1.0);
}

/** One dog on \a frame: heading, position and gait phase change smoothly over time. */
inline core::Instance walkingDog(int trackId, int frame, double x0, double y0, double vx, double heading0,
                                 double turn)
{
    const double pi = 3.14159265358979;
    const double swing = 8.0 * std::sin(2.0 * pi * frame / 12.0 + trackId);
    // Body frame: heading +x, left side at negative y. Index order is AP-10K's.
    const double body[17][2] = {
        {50, -8},           {50, 8},            {60, 0},          {35, 0},   {-50, 0},
        {30, -15},          {32 + swing / 2, -25}, {34 + swing, -35}, {30, 15}, {32 - swing / 2, 25},
        {34 - swing, 35},   {-40, -15},         {-42 - swing / 2, -25}, {-44 - swing, -35}, {-40, 15},
        {-42 + swing / 2, 25}, {-44 + swing, 35}};
    const double heading = heading0 + turn * frame;
    const double c = std::cos(heading), s = std::sin(heading);
    const double cx = x0 + vx * frame, cy = y0 + 0.5 * frame;
    core::Instance inst;
    inst.trackId = trackId;
    inst.categoryId = 8; // dog
    double x1 = 1e9, y1 = 1e9, x2 = -1e9, y2 = -1e9;
    for (int k = 0; k < 17; ++k) {
        core::Keypoint p;
        const std::uint32_t seed = std::uint32_t(frame * 1000 + trackId * 100 + k);
        p.x = cx + c * body[k][0] - s * body[k][1] + jitter(seed, 0.6);
        p.y = cy + s * body[k][0] + c * body[k][1] + jitter(seed + 7919u, 0.6);
        p.visibility = core::Visibility::Visible;
        p.source = core::Source::Manual;
        p.score = 1.0f;
        inst.keypoints.push_back(p);
        x1 = std::min(x1, p.x);
        y1 = std::min(y1, p.y);
        x2 = std::max(x2, p.x);
        y2 = std::max(y2, p.y);
    }
    const double padX = 0.1 * (x2 - x1), padY = 0.1 * (y2 - y1);
    inst.bbox = core::Box{x1 - padX, y1 - padY, x2 - x1 + 2 * padX, y2 - y1 + 2 * padY};
    return inst;
}

/**
 * A 30-frame 640x480 clip with two dogs (tracks 1 and 2) walking and turning gently; the right back paw of
 * dog 1 is hidden (unlabelled) on frames 10..14, as in real labels.
 */
inline core::Clip cleanWalkClip(int frames = 30)
{
    core::Clip clip;
    clip.name = "walk";
    clip.path = "walk.mp4";
    clip.width = 640;
    clip.height = 480;
    clip.frameCount = frames;
    clip.fps = 15.0;
    for (int f = 0; f < frames; ++f) {
        core::Instance a = walkingDog(1, f, 150, 300, 4.0, 0.0, 0.01);
        if (f >= 10 && f <= 14)
            a.keypoints[16] = core::Keypoint();
        clip.setInstance(f, a);
        clip.setInstance(f, walkingDog(2, f, 500, 120, -3.0, 3.14159265358979, -0.015));
    }
    return clip;
}

} // namespace paddock::test
