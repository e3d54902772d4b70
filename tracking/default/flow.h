// SPDX-License-Identifier: Apache-2.0
// Dense optical flow between two crops (OpenCV's DIS): every keypoint moves with the textured pixels around it,
// not with its own patch alone, which is what carries paws, fur and blurred limbs.
#pragma once

#include <opencv2/core.hpp>

namespace paddock::tracking::defaulttracker {

/** DIS's settings: a preset (0 ultrafast, 1 fast, 2 medium) and, where not negative, values that replace its own. */
struct DisSettings
{
    int preset = 2;
    int finestScale = -1;
    int patchSize = -1;
    int patchStride = -1;
    int iterations = -1;    ///< gradient descent iterations per patch
    int varIterations = -1; ///< variational refinement iterations (0: none)
    bool operator==(const DisSettings &o) const
    {
        return preset == o.preset && finestScale == o.finestScale && patchSize == o.patchSize &&
               patchStride == o.patchStride && iterations == o.iterations && varIterations == o.varIterations;
    }
};

/**
 * Flow from \a from to \a to (8-bit gray, same size) in pixels per pixel of \a from, CV_32FC2. Safe from any
 * thread: DIS instances (they keep their buffers between calls) are taken from a pool and put back.
 */
cv::Mat denseFlow(const cv::Mat &from, const cv::Mat &to, const DisSettings &settings = {});

/** The flow at \a p, bilinear, clamped to the field. */
cv::Point2f sampleFlow(const cv::Mat &flow, cv::Point2f p);

} // namespace paddock::tracking::defaulttracker
