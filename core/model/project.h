// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/category.h"
#include "core/model/review.h"
#include "core/model/types.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace paddock::core {

/** Per-frame image information, kept for clips that come from image datasets (COCO/APTv2). */
struct FrameMeta
{
    std::string fileName;      ///< as written in the dataset (relative to its image root)
    std::int64_t imageId = 0;  ///< image id in the dataset, 0 when none
    int width = 0;
    int height = 0;
    bool operator==(const FrameMeta &o) const
    {
        return fileName == o.fileName && imageId == o.imageId && width == o.width && height == o.height;
    }
};

/** A video file or a folder of frame images, with the labels of every animal on every frame. */
class Clip
{
public:
    std::string name;   ///< display name
    std::string path;   ///< video file or image folder; relative to the project file's folder when saved
    /**
     * Empty for a video or an image folder. Otherwise the clip is an image list: frame k is the image file
     * imageRoot / frameMeta[k].fileName (the dataset's own frame list, e.g. an APTv2 clip whose frames share a
     * folder with other clips' frames); path is then only the folder the files have in common. Relative to
     * the project file's folder when saved. Open a clip's frames with core::openClipFrames().
     */
    std::string imageRoot;
    /**
     * Empty for an ordinary clip. Set by paddock merge (core/io/merge.h) when two inputs labelled this clip
     * differently: the project then holds one Clip per version, each with the same identity and its origin
     * (the input file it came from), for the reviewer to choose; export refuses until one is left.
     */
    std::string origin;
    /**
     * A version (origin set) the reviewer did not choose: its labels are kept, but export, batch propagation and
     * the review queue leave it out. Versions of one clip: core/model/versions.h.
     */
    bool setAside = false;
    int videoId = 1;    ///< APTv2 video_id
    int frameCount = 0; ///< 0 when not known yet
    int width = 0;
    int height = 0;
    double fps = 0.0;
    std::vector<FrameMeta> frameMeta; ///< empty, or one per frame
    std::vector<Track> tracks;        ///< animals of this clip, by track id
    std::map<int, std::vector<Instance>> frames; ///< frame index -> instances (at most one per track)
    ClipReview review;                ///< review rounds and error list (core/model/review.h)

    const Instance *instance(int frame, int trackId) const;
    Instance *instance(int frame, int trackId);
    /** Inserts or replaces the instance of \a inst.trackId on \a frame; adds the track if new. */
    void setInstance(int frame, const Instance &inst);
    bool removeInstance(int frame, int trackId);

    const Track *track(int id) const;
    Track *track(int id);
    Track &ensureTrack(int id, int categoryId);
    int nextTrackId() const;

    /** Frames on which \a trackId has at least one keypoint whose source is a user label. */
    std::vector<int> userLabelledFrames(int trackId) const;
    /** Number of frames: frameCount, or one past the last frame with labels or metadata. */
    int effectiveFrameCount() const;
    /** True when the frames are the image files frameMeta names (imageRoot is set), not the files of path. */
    bool isImageList() const { return !imageRoot.empty(); }

    bool operator==(const Clip &o) const;
    bool operator!=(const Clip &o) const { return !(*this == o); }
};

/** A Paddock project: categories (skeletons) and clips. Plain value type; the ui wraps it in a Document. */
class Project
{
public:
    std::vector<Category> categories;
    std::vector<Clip> clips;

    const Category *category(int id) const;
    /** Adds \a c unless a category with its id exists; returns the stored one. */
    const Category &ensureCategory(const Category &c);

    bool operator==(const Project &o) const { return categories == o.categories && clips == o.clips; }
    bool operator!=(const Project &o) const { return !(*this == o); }
};

/** A new project with the 54 AP-10K categories and no clips. */
Project newAp10kProject();

} // namespace paddock::core
