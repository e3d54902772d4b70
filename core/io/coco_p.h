// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private rules shared by the COCO/APTv2 reader and writer.

#include "core/model/types.h"

namespace paddock::core::detail {

/**
 * Whether a labelled keypoint lies on the image: a visible point within 1 px of it; a labelled-but-occluded
 * point may be inferred a little beyond the border (up to 25 % of the image size). Always true when the image
 * size is unknown (0).
 */
inline bool keypointOnImage(const Keypoint &k, int width, int height)
{
    if (width <= 0 || height <= 0)
        return true;
    const double mx = k.visibility == Visibility::Visible ? 1.0 : 0.25 * width;
    const double my = k.visibility == Visibility::Visible ? 1.0 : 0.25 * height;
    return k.x >= -mx && k.y >= -my && k.x <= width + mx && k.y <= height + my;
}

/** Frame ids above this are not frame indices (PoseTrack writes global ids there). */
constexpr long long kMaxFrameId = 2000000;

} // namespace paddock::core::detail
