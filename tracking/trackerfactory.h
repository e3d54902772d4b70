// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/pointtracker.h"

#include <memory>
#include <string>
#include <vector>

namespace paddock::tracking {

/** Names makeTracker() accepts, in the order a user should see them. */
std::vector<std::string> trackerNames();

/**
 * Makes the tracker \a options names ("default" or empty: the OpenCV tracker; "cotracker3": the learned
 * one, which needs options.weights: a regular file; its weights load in the job, PointTracker::prepare).
 * nullptr with a clear \a error for an unknown name, a missing model file or one that is not a file.
 */
std::unique_ptr<PointTracker> makeTracker(const TrackerOptions &options, std::string *error);

} // namespace paddock::tracking
