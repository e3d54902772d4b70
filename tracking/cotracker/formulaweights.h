// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/cotracker/checkpoint.h"

namespace paddock::tracking::cotracker {

/**
 * The deterministic "formula weights" of the parity fixtures (fixtures/cotracker3/README.md, section 2): a
 * full CoTracker3 state_dict (time_emb of \a windowLen) whose values come from a hash of (key index, element).
 */
TensorMap formulaWeights(int windowLen = 60);

/** One formula value; \a k is the key's index in the sorted key list, \a i the flat element index. */
float formulaValue(int k, int64_t i, double scale, bool weight1d);

} // namespace paddock::tracking::cotracker
