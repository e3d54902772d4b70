// SPDX-License-Identifier: Apache-2.0
// Folders of frame images: which files are frames and in which order. The one place that decides it, used by
// the image-folder FrameSource (reading) and by the dataset readers and writers (matching file names to frames).
#pragma once

#include <string>
#include <vector>

namespace paddock::core {

/**
 * The natural order of frame image names: digit runs compare by value ("frame2" < "frame10"), letters without
 * regard to case ("Frame1" < "frame2"). Names equal under that ("frame1", "frame01", "FRAME1") are then ordered
 * by fewer leading zeros first, then byte by byte, so the order is total and the same on every system.
 */
bool naturalFileNameLess(const std::string &a, const std::string &b);

/** True when \a fileName has a frame image extension (png, jpg, jpeg, bmp, tif, tiff, webp; any case). */
bool isFrameImageName(const std::string &fileName);

/**
 * The frame images of folder \a dir: regular files (after following links) with an image extension, as file
 * names in natural order. Folders, FIFOs, devices and broken links are never frames, whatever their name.
 * False with a message when the folder cannot be listed.
 */
bool listFrameImages(const std::string &dir, std::vector<std::string> *names, std::string *error);

} // namespace paddock::core
