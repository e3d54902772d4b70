// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace paddock::tracking::cotracker {

/** One compared tensor: the largest absolute difference from the reference and the tolerance it must meet. */
struct ParityEntry
{
    std::string name;
    double maxAbsDiff = 0;
    double atol = 0;
    double rtol = 0;
    double maxRef = 0;   ///< largest |reference| value, for scale
    bool pass = false;   ///< |ours - ref| <= atol + rtol * |ref| everywhere
    std::string problem; ///< set when the tensor is missing or has the wrong shape
};

/** The result of one parity run against the reference fixtures in shared/fixtures/cotracker3. */
struct ParityReport
{
    bool ran = false;    ///< false when the fixtures could not be read or the model failed
    std::string error;
    std::vector<ParityEntry> entries;
    double seconds = 0;

    bool allPass() const;
    /** A table: name, max |diff|, tolerance, pass/FAIL, one line per tensor. */
    std::string toString() const;
};

/** The offline forward (iters=4) with the formula weights on forward.pt's video and queries. */
ParityReport runForwardParity(const std::string &fixtureDir);

/** Three steps of test-time optimisation (Adam, lr 1e-3, normalised input) against tto.pt. */
ParityReport runTtoParity(const std::string &fixtureDir);

} // namespace paddock::tracking::cotracker
