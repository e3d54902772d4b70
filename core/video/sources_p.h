// SPDX-License-Identifier: Apache-2.0
// Private to core/video: the two FrameSource implementations behind FrameSource::open.
#pragma once

#include "core/video/framesource.h"

#include <memory>
#include <string>

namespace paddock::core::detail {

/** Opens a video file with FFmpeg and indexes its frames; nullptr with a message on failure. */
std::unique_ptr<FrameSource> openVideoFile(const std::string &path, std::string *error);
/** Opens a folder of frame images (natural sort); nullptr with a message on failure. */
std::unique_ptr<FrameSource> openImageFolder(const std::string &path, std::string *error);
/** Natural order of file names: digit runs compare as numbers, so "frame2" < "frame10". */
bool naturalFileNameLess(const std::string &a, const std::string &b);

} // namespace paddock::core::detail
