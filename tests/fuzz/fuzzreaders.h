// SPDX-License-Identifier: Apache-2.0
#pragma once
// The readers of outside data, driven by raw bytes: shared by the libFuzzer targets and the regression test.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace paddock::fuzz {

/** The fuzz targets, one per reader: projectfile, coco, dlc, errorlist, checkpoint. */
const std::vector<std::string> &targetNames();

/**
 * Feeds \a data to the reader behind \a target. Returns normally when the reader accepted the input or
 * refused it with a message; aborts (a finding) when a refusal has no message or an accepted project does
 * not survive a write-and-read round trip.
 */
void runTarget(const std::string &target, const std::uint8_t *data, std::size_t size);

} // namespace paddock::fuzz
