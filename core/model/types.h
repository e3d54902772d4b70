// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paddock::core {

/** COCO visibility of one keypoint: 0 not labelled, 1 labelled but not visible, 2 visible. */
enum class Visibility : std::uint8_t { Unlabelled = 0, Occluded = 1, Visible = 2 };

/** Where a keypoint position came from. Manual and Approved labels are never overwritten by trackers. */
enum class Source : std::uint8_t {
    None = 0,     ///< no position
    Manual,       ///< placed by a person
    Propagated,   ///< produced by a tracker from the labels
    Refined,      ///< produced by a tracker re-run after corrections
    Interpolated, ///< produced by interpolation between labels
    Imported,     ///< read from a dataset file
    Approved,     ///< a propagated point a person reviewed and accepted
};

const char *sourceName(Source s);
std::optional<Source> sourceFromName(const std::string &name);

/** True for sources a person vouched for: trackers keep these exactly. */
inline bool isUserLabel(Source s)
{
    return s == Source::Manual || s == Source::Approved || s == Source::Imported;
}

/** One keypoint of one animal on one frame, in image pixels (sub-pixel). */
struct Keypoint
{
    double x = 0.0;
    double y = 0.0;
    Visibility visibility = Visibility::Unlabelled;
    Source source = Source::None;
    float score = 0.0f; ///< 0..1; 1 for labels a person placed

    bool isLabelled() const { return visibility != Visibility::Unlabelled; }
    bool operator==(const Keypoint &o) const
    {
        return x == o.x && y == o.y && visibility == o.visibility && source == o.source && score == o.score;
    }
    bool operator!=(const Keypoint &o) const { return !(*this == o); }
};

/** Axis-aligned box [x, y, w, h] in pixels. */
struct Box
{
    double x = 0, y = 0, w = 0, h = 0;
    bool operator==(const Box &o) const { return x == o.x && y == o.y && w == o.w && h == o.h; }
    bool operator!=(const Box &o) const { return !(*this == o); }
};

/** One animal (a track) on one frame. */
struct Instance
{
    int trackId = 1;
    int categoryId = 1;
    std::vector<Keypoint> keypoints;
    std::optional<Box> bbox;     ///< the box as given; computed from keypoints on export when absent
    std::optional<double> area;  ///< COCO area as given
    std::int64_t annotationId = 0; ///< id from an imported file, 0 when none (assigned on export)
    int iscrowd = 0;

    int labelledCount() const;
    bool operator==(const Instance &o) const;
    bool operator!=(const Instance &o) const { return !(*this == o); }
};

/** An animal across a clip: its track id, species and a display name. */
struct Track
{
    int id = 1;
    int categoryId = 1;
    std::string name;
    bool operator==(const Track &o) const { return id == o.id && categoryId == o.categoryId && name == o.name; }
};

} // namespace paddock::core
