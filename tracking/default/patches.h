// SPDX-License-Identifier: Apache-2.0
// Image patches of the default tracker: is a patch textured, how much does a spot look like a keypoint's
// labelled patches, where do they match best.
#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace paddock::tracking::defaulttracker {

/** True when \a patch has enough contrast for a normalised cross-correlation to mean something. */
bool textured(const cv::Mat &patch);

/** The square patch of odd side \a side centred on \a c in \a img (a copy); empty when off the image or flat. */
cv::Mat texturedPatch(const cv::Mat &img, cv::Point2f c, int side);

/** Best normalised cross-correlation of \a templates within \a radius of \a p in \a img; the spot in \a best. */
double templateMatch(const cv::Mat &img, const std::vector<cv::Mat> &templates, cv::Point2f p, int radius,
                     cv::Point2f *best);

/**
 * How much the patch at \a p looks like the closest of \a templates, 0..1 (1 without any): one minus the mean
 * absolute difference relative to the template's contrast. Unlike a normalised correlation it sees
 * brightness, so a thin bright limb that moved away, leaving dark background under the point, scores low.
 */
float likeness(const cv::Mat &img, cv::Point2f p, const std::vector<cv::Mat> &templates);

/**
 * The same with each pixel weighted by how much it stands out of its template (its distance from the
 * template's mean): how much the structure that makes the keypoint (a thin leg, an eye) is still under \a p.
 * A leg a pixel wide covers a few pixels of a 7x7 patch; when it steps away and the background under the
 * point stays as it was, likeness() hardly drops, this does.
 */
float structureLikeness(const cv::Mat &img, cv::Point2f p, const std::vector<cv::Mat> &templates);

} // namespace paddock::tracking::defaulttracker
