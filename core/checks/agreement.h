// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace paddock::core {

/** OKS sigma used for keypoints of categories without sigmas (custom skeletons). */
constexpr double kDefaultOksSigma = 0.05;

/** Agreement on one keypoint (by index) over all animals and frames both versions have. */
struct KeypointAgreement
{
    int keypoint = 0;
    std::string name;
    double sigma = kDefaultOksSigma;
    int compared = 0;     ///< labelled in both versions
    int onlyInA = 0;      ///< labelled in A, not in B
    int onlyInB = 0;
    double meanOks = 0.0; ///< mean per-point OKS term exp(-d^2 / (2 s^2 (2 sigma)^2)) over compared points
    double meanDistance = 0.0;
    double medianDistance = 0.0;
    double maxDistance = 0.0;
};

/** One point that differs between the two versions. */
struct PointDifference
{
    int frame = 0;
    int trackId = 0;
    int keypoint = 0;
    std::string name;
    double ax = 0, ay = 0, bx = 0, by = 0;
    double distance = 0.0;
    double oks = 0.0; ///< the point's OKS term
};

/** How well two versions of the same clip agree (two labellers, or two rounds). */
struct AgreementReport
{
    int matchedInstances = 0; ///< (frame, track) pairs present in both
    int onlyInA = 0;          ///< instances only in A
    int onlyInB = 0;
    int comparedPoints = 0;
    double meanOks = 0.0;         ///< mean instance OKS (COCO formula, A as reference, area from A)
    double meanDistance = 0.0;    ///< pixels, over points labelled in both
    double medianDistance = 0.0;
    std::vector<KeypointAgreement> keypoints; ///< per keypoint index of the first category seen
    std::vector<PointDifference> worst;       ///< the points that differ most, largest first
};

struct AgreementOptions
{
    int worstCount = 20; ///< how many differing points to list
};

/** The sigmas used for \a cat: its own (AP-10K) when complete, otherwise kDefaultOksSigma for each keypoint. */
std::vector<double> oksSigmas(const Category *cat, int keypointCount);
/**
 * Object keypoint similarity of \a b against reference \a a (COCO): mean over keypoints labelled in \a a of
 * exp(-d^2 / (2 area (2 sigma)^2)); a point missing in \a b counts 0. \a area from a's area, box or extent.
 * Returns 0 when \a a has no labelled point.
 */
double oks(const Instance &a, const Instance &b, const std::vector<double> &sigmas);
/** The area OKS uses for reference instance \a a. */
double oksArea(const Instance &a);

/** Compares two versions of one clip, matching animals by frame and track id. */
AgreementReport compareClips(const Clip &a, const Clip &b, const std::vector<Category> &categories,
                             const AgreementOptions &options = {});

nlohmann::json agreementToJson(const AgreementReport &r);
/** Readable lines: summary, per keypoint table, worst points. */
std::vector<std::string> agreementToText(const AgreementReport &r);

} // namespace paddock::core
