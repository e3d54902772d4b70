// SPDX-License-Identifier: Apache-2.0
// Which labelled patches search for a lost point on a frame: the segment's end labels' everywhere, a correction's
// (a label inside the segment) only near the frame it was made on.
#include "tracking/default/track.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace paddock::tracking::defaulttracker;

namespace {

cv::Mat patchOf(int v) { return cv::Mat(3, 3, CV_8UC1, cv::Scalar(v)); }

std::vector<int> valuesOf(const std::vector<cv::Mat> &patches)
{
    std::vector<int> out;
    for (const cv::Mat &p : patches)
        out.push_back(int(p.at<unsigned char>(0, 0)));
    return out;
}

} // namespace

TEST_CASE("A correction's patch searches only within its reach; the end labels' search everywhere", "[templates]")
{
    // Keypoint 0: an end label's patch (10) and a correction on offset 20 (patch 20). Keypoint 1: a correction
    // on offset 5 (patch 50) and none of its own otherwise. Keypoint 2: only an end label's patch (30).
    const std::vector<std::vector<cv::Mat>> ends{{patchOf(10)}, {}, {patchOf(30)}};
    const std::vector<std::vector<NearTemplate>> near{{NearTemplate{20, patchOf(20)}}, {NearTemplate{5, patchOf(50)}}, {}};
    const int reach = 8;

    const auto at = [&](int off) { return templatesAt(ends, near, off, reach); };
    REQUIRE(at(20).size() == 3);
    CHECK(valuesOf(at(20)[0]) == std::vector<int>{10, 20});
    CHECK(valuesOf(at(12)[0]) == std::vector<int>{10, 20}); // 8 frames before: still within reach
    CHECK(valuesOf(at(28)[0]) == std::vector<int>{10, 20});
    CHECK(valuesOf(at(11)[0]) == std::vector<int>{10});     // 9 frames away: the end label's alone
    CHECK(valuesOf(at(29)[0]) == std::vector<int>{10});
    CHECK(valuesOf(at(0)[1]) == std::vector<int>{50});
    CHECK(at(14)[1].empty());
    for (int off : {0, 5, 20, 40})
        CHECK(valuesOf(at(off)[2]) == std::vector<int>{30});
    // A reach of 0: the correction's own frame only.
    CHECK(valuesOf(templatesAt(ends, near, 20, 0)[0]) == std::vector<int>{10, 20});
    CHECK(valuesOf(templatesAt(ends, near, 19, 0)[0]) == std::vector<int>{10});
}
