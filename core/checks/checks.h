// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"
#include "core/model/review.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paddock::core {

/** Which automatic check produced a finding. */
enum class FindingKind : std::uint8_t {
    OutsideBox = 0,  ///< keypoint outside its animal's box
    OutsideImage,    ///< keypoint outside the image
    LeftRightSwap,   ///< a left/right pair exchanged compared with the neighbouring frames
    Jump,            ///< a point moves between neighbouring frames far more than the rest of the animal
    BoneLength,      ///< a bone much longer or shorter than it usually is for this animal
    MissingKeypoint, ///< labelled on both neighbouring frames but not on this one
    DuplicateTrack,  ///< two animals with the same track id on one frame
    SpeciesChange,   ///< an animal's species differs from the rest of its track
    // The checks that need the frames (core/checks/imagechecks.h):
    UnlikeLabels,      ///< a tracked point's patch does not look like that keypoint's labelled patches
    TrackDisagreement, ///< forward and backward tracking from the nearest labels end far apart
    OffAnimal,         ///< a tracked point sits on something that does not look like its animal
    IdentitySwap,      ///< two animals' identities look exchanged on a labelled frame
};
const char *findingKindName(FindingKind k); ///< stable identifier, e.g. "left_right_swap"
std::optional<FindingKind> findingKindFromName(const std::string &name);
std::vector<FindingKind> allFindingKinds();

enum class Severity : std::uint8_t { Info = 0, Warning, Error };
const char *severityName(Severity s);

/** One problem found by the automatic checks, pinned to a frame, an animal and (optionally) a keypoint. */
struct Finding
{
    FindingKind kind = FindingKind::OutsideBox;
    Severity severity = Severity::Warning;
    int frame = 0;          ///< 0-based frame index in the clip
    int trackId = 0;
    int keypoint = -1;      ///< -1 for an animal-level finding
    std::string keypointName;
    std::string reason;     ///< readable, translated
    double value = 0.0;     ///< the measured quantity (pixels, ratio), for sorting
};

/** Thresholds of the checks. The defaults keep false positives rare on clean human labels. */
struct CheckOptions
{
    std::vector<FindingKind> kinds = allFindingKinds(); ///< which checks run (the image kinds need runImageChecks())
    double boxTolerance = 0.02;      ///< slack around the box, as a fraction of its larger side (at least 1 px)
    double imageTolerance = 1.0;     ///< pixels
    int maxGap = 1;                  ///< frames apart that still count as neighbours for the temporal checks
    double swapRatio = 0.4;          ///< swapped matching must cost less than this share of the kept one
    double swapMinMove = 0.15;       ///< and the kept matching must move the pair by this share of the animal size
    double jumpFactor = 6.0;         ///< jump: more than this many times the animal's typical point motion
    double jumpMinSize = 0.35;       ///< and more than this share of the animal size (away and back)
    double jumpStepSize = 0.6;       ///< a move that stays: more than this share of the animal size
    double jumpLocalFactor = 3.0;    ///< and more than this many times the point's busy motion around the frame
    double boneMadFactor = 6.0;      ///< bone: further from the median than this many robust sigmas
    double boneMinRelative = 0.5;    ///< and further than this share of the median length
    int boneMinSamples = 8;          ///< frames needed before bone lengths are judged
};

/**
 * Runs the checks on one clip. \a categories gives skeletons and left/right pairs (by Instance::categoryId).
 * Clip::frames may hold several instances with one track id on a frame (as built from a raw file); those are
 * reported, and the temporal checks use the first of them. Findings are sorted by frame, track and keypoint.
 */
std::vector<Finding> runChecks(const Clip &clip, const std::vector<Category> &categories,
                               const CheckOptions &options = {});

/** Sorts \a findings by frame, track and keypoint (stable). */
void sortFindings(std::vector<Finding> *findings);

/** One line for people: "frame 212  track 2  wingL  warning  left_right_swap: reason". */
std::string findingToText(const Finding &f);
nlohmann::json findingToJson(const Finding &f, const std::string &clipName = {});

/** The error type a reviewer would pick for a finding of this kind. */
ErrorType errorTypeForFinding(FindingKind kind);
/** An error-list entry for \a f (one click in the review panel); add it with addEntry(). */
ReviewEntry findingToEntry(const Finding &f, const std::string &author);

} // namespace paddock::core
