// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"

#include <optional>
#include <string>
#include <vector>

namespace paddock::core {

/**
 * DeepLabCut CollectedData CSV: single-animal (scorer/bodyparts/coords header rows) and multi-animal
 * (scorer/individuals/bodyparts/coords). Rows are image paths (or a 3-column index); empty cells mean
 * unlabelled. Individuals become tracks 1..N.
 */
std::optional<Project> readDlcCsv(const std::string &path, std::string *error);

struct DlcWriteOptions
{
    std::string scorer = "paddock";
    /** Auto: multi-animal (scorer/individuals/bodyparts/coords) when the clip has more than one animal. */
    enum class Layout { Auto, SingleAnimal, MultiAnimal } layout = Layout::Auto;
    bool propagated = true;  ///< include tracker output, not only user labels
    /** With propagated false: still include the tracker points of clips whose review is accepted (reviewed). */
    bool reviewed = false;
    bool writeImages = false; ///< writeDlcProject: decode each row's frame into labeled-data/<video>/imgN.png
    std::string videoName;   ///< the <video> folder; empty: the clip's name
};

/** What an export wrote, and what DeepLabCut cannot hold (one readable line each, with counts). */
struct DlcWriteReport
{
    std::string csvPath;
    int rows = 0, points = 0, images = 0;
    std::vector<std::string> lost;
};

/**
 * A DeepLabCut CollectedData CSV of the project's one clip, as DLC writes it: single-animal
 * (scorer/bodyparts/coords) or multi-animal (scorer/individuals/bodyparts/coords), a three-column row index
 * (labeled-data, video, imgN.png with DLC's zero padding). Written atomically.
 */
bool writeDlcCsv(const Project &project, const std::string &path, const DlcWriteOptions &options,
                 DlcWriteReport *report, std::string *error);
bool writeDlcCsv(const Project &project, const std::string &path, const std::string &scorer, std::string *error);
/**
 * The labelled frames of a DLC project folder: \a projectDir/labeled-data/<video>/CollectedData_<scorer>.csv
 * and, with options.writeImages, the frame images it names (decoded from the clip, PNG), written first.
 */
bool writeDlcProject(const Project &project, const std::string &projectDir, const DlcWriteOptions &options,
                     DlcWriteReport *report, std::string *error);

/**
 * Every clip of the project into one DeepLabCut project folder: labeled-data/<video>/CollectedData_<scorer>.csv
 * (and the images, with options.writeImages) for each clip, video folders named after the clips (made unique).
 * Stops at the first clip that cannot be written; \a reports gets one entry per clip written.
 */
bool writeDlcProjectAllClips(const Project &project, const std::string &projectDir, const DlcWriteOptions &options,
                             std::vector<DlcWriteReport> *reports, std::string *error);

} // namespace paddock::core
