// SPDX-License-Identifier: Apache-2.0
// Internal to core/checks: per-track views of a clip shared by the individual checks.
#pragma once

#include "core/checks/checks.h"

#include <QString>

#include <map>
#include <string>
#include <vector>

namespace paddock::core::checks {

/** One animal on one frame, as seen by the temporal checks. */
struct Observation
{
    int frame = 0;
    const Instance *inst = nullptr;
};

/** Categories by id and each track's instances ordered by frame (the first one when a frame holds duplicates). */
class ClipIndex
{
public:
    ClipIndex(const Clip &clip, const std::vector<Category> &categories);

    const Category *category(int id) const;
    /** Robust size of the animal (median over its frames of the box or keypoint extent), at least 1 px. */
    double trackScale(int trackId) const;

    const Clip *clip = nullptr;
    std::map<int, std::vector<Observation>> tracks;

private:
    std::map<int, const Category *> mCategories;
    std::map<int, double> mScales;
};

/** Name of keypoint \a k in \a cat, "kp<k>" when unknown, empty for -1. */
std::string keypointName(const Category *cat, int k);
/** A finding with the keypoint's name filled in from \a cat. */
Finding make(FindingKind kind, Severity sev, int frame, int trackId, int keypoint, const Category *cat,
             const QString &reason, double value);
/** Size of one instance: sqrt of its box area, or of its labelled keypoints' extent; 0 when unknown. */
double instanceScale(const Instance &inst);
/** Median of \a v (modifies the order); 0 for an empty vector. */
double median(std::vector<double> v);

void checkPlacement(const ClipIndex &index, const CheckOptions &opt, bool doBox, bool doImage,
                    std::vector<Finding> *out);
void checkDuplicatesAndSpecies(const ClipIndex &index, bool doDup, bool doSpecies, std::vector<Finding> *out);
void checkMissing(const ClipIndex &index, const CheckOptions &opt, std::vector<Finding> *out);
void checkSwaps(const ClipIndex &index, const CheckOptions &opt, std::vector<Finding> *out);
void checkJumps(const ClipIndex &index, const CheckOptions &opt, std::vector<Finding> *out);
void checkBones(const ClipIndex &index, const CheckOptions &opt, std::vector<Finding> *out);

} // namespace paddock::core::checks
