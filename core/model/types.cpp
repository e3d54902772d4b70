// SPDX-License-Identifier: Apache-2.0
#include "core/model/types.h"

#include <array>

namespace paddock::core {

namespace {
constexpr std::array<const char *, 7> kSourceNames = {"none",         "manual",   "propagated", "refined",
                                                      "interpolated", "imported", "approved"};
}

const char *sourceName(Source s)
{
    return kSourceNames[static_cast<std::size_t>(s)];
}

std::optional<Source> sourceFromName(const std::string &name)
{
    for (std::size_t i = 0; i < kSourceNames.size(); ++i)
        if (name == kSourceNames[i])
            return static_cast<Source>(i);
    return std::nullopt;
}

int Instance::labelledCount() const
{
    int n = 0;
    for (const Keypoint &k : keypoints)
        n += k.isLabelled() ? 1 : 0;
    return n;
}

bool Instance::operator==(const Instance &o) const
{
    return trackId == o.trackId && categoryId == o.categoryId && keypoints == o.keypoints && bbox == o.bbox
        && area == o.area && annotationId == o.annotationId && iscrowd == o.iscrowd;
}

} // namespace paddock::core
