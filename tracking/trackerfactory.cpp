// SPDX-License-Identifier: Apache-2.0
#include "tracking/trackerfactory.h"

#include "tracking/cotracker/checkpoint.h"
#include "tracking/cotracker/cotracker3tracker.h"
#include "tracking/defaulttracker.h"


namespace paddock::tracking {

std::vector<std::string> trackerNames()
{
    return {"default", "cotracker3"};
}

namespace {

bool checkCommon(const TrackerOptions &options, std::string *error)
{
    if (options.device != "auto" && options.device != "cpu" && options.device != "cuda") {
        if (error)
            *error = "unknown device \"" + options.device + "\" (use auto, cpu or cuda)";
        return false;
    }
    return true;
}

std::unique_ptr<PointTracker> makeCoTracker3(const TrackerOptions &options, std::string *error)
{
    if (options.weights.empty()) {
        if (error)
            *error = "the cotracker3 tracker needs a model file: pass --weights FILE (scaled_offline.pth, "
                     "CC BY-NC 4.0, downloaded separately)";
        return nullptr;
    }
    // Only what can be told without reading it; the job loads the weights on its worker thread
    // (PointTracker::prepare), with progress and cancel.
    std::string why;
    if (!cotracker::checkRegularFile(options.weights, &why)) {
        if (error)
            *error = "cannot use the CoTracker3 model file " + why;
        return nullptr;
    }
    CoTracker3Params params;
    params.weights = options.weights;
    params.device = options.device;
    params.steps = options.steps;
    return std::make_unique<CoTracker3Tracker>(params);
}

} // namespace

std::unique_ptr<PointTracker> makeTracker(const TrackerOptions &options, std::string *error)
{
    if (!checkCommon(options, error))
        return nullptr;
    if (options.tracker.empty() || options.tracker == "default")
        return std::make_unique<DefaultTracker>();
    if (options.tracker == "cotracker3")
        return makeCoTracker3(options, error);
    if (error)
        *error = "unknown tracker \"" + options.tracker + "\" (use default or cotracker3)";
    return nullptr;
}

} // namespace paddock::tracking
