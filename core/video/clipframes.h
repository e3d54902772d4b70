// SPDX-License-Identifier: Apache-2.0
// A clip's frames, whatever the clip is: a video file, a folder of images, or a list of image files.
#pragma once

#include "core/model/project.h"
#include "core/video/framesource.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace paddock::core {

/**
 * Opens the frames of \a clip: its image list when Clip::isImageList() (frame k = imageRoot/frameMeta[k]
 * .fileName; no image is read until a frame is asked for when the clip's size is known, and a missing or
 * unreadable file is an error on its own frame, naming the file), else the video file or image folder at
 * clip.path. nullptr with a message naming the clip on failure. Every place that shows, tracks, checks or
 * exports a clip's frames opens them through this.
 */
std::unique_ptr<FrameSource> openClipFrames(const Clip &clip, std::string *error);

/** A copy of \a clip with only what openClipFrames() reads (no labels): cheap to keep for another thread. */
Clip clipFramesOnly(const Clip &clip);

/** The image file of each frame of an image-list clip (absolute; "" for a frame without one); empty otherwise. */
std::vector<std::string> clipFrameFiles(const Clip &clip);

/**
 * What makes two clips the same clip, whoever labelled them and wherever their files are:
 *  - name: the dataset's file name of the clip's first frame image (as the dataset writes it, '/'
 *    separators) for clips from datasets, else the base name of the video file or folder;
 *  - frameCount: the clip's effectiveFrameCount();
 *  - contentHash: a 64-bit hash of the bytes of the clip's frame files (each image file of an image list or
 *    folder, in frame order; the whole file of a video), not of decoded pixels: no decoding, so a dataset of
 *    thousands of clips hashes at disk speed. Two clips are the same clip when all three are equal.
 */
struct ClipIdentity
{
    std::string name;
    int frameCount = 0;
    std::uint64_t contentHash = 0;
    bool operator==(const ClipIdentity &o) const
    {
        return name == o.name && frameCount == o.frameCount && contentHash == o.contentHash;
    }
    bool operator!=(const ClipIdentity &o) const { return !(*this == o); }
    bool operator<(const ClipIdentity &o) const
    {
        if (name != o.name)
            return name < o.name;
        if (frameCount != o.frameCount)
            return frameCount < o.frameCount;
        return contentHash < o.contentHash;
    }
    /** "name (15 frames, 0123456789abcdef)" for messages and reports. */
    std::string toString() const;
};

/**
 * The identity of \a clip. False with a message naming the file when a frame file cannot be read (the content
 * cannot be hashed); with \a hashContent false the hash is left 0 and nothing is read.
 */
bool clipIdentity(const Clip &clip, ClipIdentity *out, std::string *error, bool hashContent = true);

} // namespace paddock::core
