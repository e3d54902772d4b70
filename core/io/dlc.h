// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

#include <optional>
#include <string>

namespace paddock::core {

/**
 * DeepLabCut CollectedData CSV: single-animal (scorer/bodyparts/coords header rows) and multi-animal
 * (scorer/individuals/bodyparts/coords). Rows are image paths (or a 3-column index); empty cells mean
 * unlabelled. Individuals become tracks 1..N.
 */
std::optional<Project> readDlcCsv(const std::string &path, std::string *error);
bool writeDlcCsv(const Project &project, const std::string &path, const std::string &scorer, std::string *error);

} // namespace paddock::core
