// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace paddock::core {

/** A species with its skeleton: keypoint names, bones and left/right pairs (all 0-based). */
struct Category
{
    int id = 1;
    std::string name;
    std::string supercategory;
    std::vector<std::string> keypoints;
    std::vector<std::pair<int, int>> skeleton;  ///< bones, 0-based keypoint indices
    std::vector<std::pair<int, int>> flipPairs; ///< left/right pairs, 0-based
    std::vector<double> sigmas;                 ///< OKS sigmas per keypoint; empty when unknown

    int keypointCount() const { return static_cast<int>(keypoints.size()); }
    /** Index of the mirror keypoint of \a k, or \a k when it has none. */
    int mirrorOf(int k) const;
    bool operator==(const Category &o) const;
    bool operator!=(const Category &o) const { return !(*this == o); }
};

/** AP-10K: the 17 keypoint names in dataset order. */
const std::vector<std::string> &ap10kKeypointNames();
/** AP-10K: the 54 species as (id, name, family). */
struct Species { int id; const char *name; const char *family; };
const std::vector<Species> &ap10kSpecies();
/** The AP-10K category for species \a speciesId (1..54), with skeleton, flip pairs and sigmas. */
Category ap10kCategory(int speciesId);
/** All 54 AP-10K categories. */
std::vector<Category> ap10kCategories();
/**
 * A new species named \a name in family \a family with the keypoints, bones, left/right pairs and sigmas of
 * \a layout (the AP-10K layout when \a layout is null), as category \a id.
 */
Category newSpecies(int id, const std::string &name, const std::string &family, const Category *layout = nullptr);
/** The category named \a name (case and surrounding spaces ignored), or null. */
const Category *findSpeciesByName(const std::vector<Category> &categories, const std::string &name);
/** The smallest category id above every id in \a categories. */
int nextCategoryId(const std::vector<Category> &categories);
/** Left/right pairs guessed from names (left_x/right_x, L_x/R_x, xL/xR). */
std::vector<std::pair<int, int>> guessFlipPairs(const std::vector<std::string> &names);

} // namespace paddock::core
