// SPDX-License-Identifier: Apache-2.0
// Dense optical flow between two crops (OpenCV's DIS): every keypoint moves with the textured pixels around it,
// not with its own patch alone, which is what carries paws, fur and blurred limbs.
#pragma once

#include <opencv2/core.hpp>

namespace paddock::tracking::defaulttracker {

/**
 * Flow from \a from to \a to (8-bit gray, same size) in pixels per pixel of \a from, CV_32FC2; \a preset is
 * DIS's (0 ultrafast, 1 fast, 2 medium).
 */
cv::Mat denseFlow(const cv::Mat &from, const cv::Mat &to, int preset = 1);

/** The flow at \a p, bilinear, clamped to the field. */
cv::Point2f sampleFlow(const cv::Mat &flow, cv::Point2f p);

} // namespace paddock::tracking::defaulttracker
