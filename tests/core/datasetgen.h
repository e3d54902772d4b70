// SPDX-License-Identifier: Apache-2.0
// Small APTv2-shaped datasets made by the tests: every image's pixels say which (clip, frame) it is, and each
// clip's labels sit at (clip, frame), so a frame or a label in the wrong place shows.
#pragma once

#include "core/video/framesource.h"

#include <string>
#include <utility>

namespace paddock::test {

constexpr int kDatasetW = 24, kDatasetH = 16;

enum class Layout { Shared, PerClip };

struct DatasetSpec
{
    Layout layout = Layout::Shared;
    int clips = 4;
    int frames = 6;
    bool backslashes = false;
    bool frameIds = true;       ///< write images[].frame_id
    bool interleaved = false;   ///< shared layout: names sort by frame first, so the folder's order mixes clips
    std::string ext = "png";
    int firstClip = 1;          ///< video_id of the first clip (and what its pixels say)
};

/**
 * Writes DIR/dataset.json and its images (video_id v = firstClip.., image id (v-1)*frames+k+1); labels on
 * frames 0, 2, 4... of every clip: one animal (track 1, category 1 with keypoints head, tail) whose head sits
 * at (clip, frame). Returns the JSON's path.
 */
std::string makeDataset(const std::string &dir, const DatasetSpec &spec);

/** Which (clip, frame) a decoded frame of such a dataset shows; {-1, -1} when it is none of these images. */
std::pair<int, int> decodeWhich(const core::VideoFrame &frame);

} // namespace paddock::test
