// SPDX-License-Identifier: Apache-2.0
// Joining a keypoint's forward and backward tracks: nearness and sureness weigh them, directions that followed
// different things are not averaged, and two tracks a few pixels apart are.
#include "tracking/default/fusion.h"

#include <catch2/catch.hpp>

using namespace paddock::tracking::defaulttracker;

namespace {

/** A one-keypoint track of 11 frames anchored at \a anchor, at \a pos on frame 5 with spread \a var. */
DirTrack trackAt(cv::Point2f pos, float var, int anchor)
{
    DirTrack d;
    d.resize(11);
    for (int t = 0; t <= 10; ++t) {
        d.has[std::size_t(t)] = 1;
        d.pos[std::size_t(t)] = pos;
        d.var[std::size_t(t)] = var;
        d.anchor[std::size_t(t)] = anchor;
    }
    return d;
}

} // namespace

TEST_CASE("Forward and backward tracks blend by nearness and sureness", "[tracking][fusion]")
{
    const DirTrack F = trackAt({100.f, 100.f}, 1.f, 0), B = trackAt({104.f, 100.f}, 1.f, 10);
    CHECK(fuseAt(F, B, 5, 0.f).pos.x == Approx(102.f)); // half-way, equally sure
    CHECK(fuseAt(F, B, 2, 0.f).pos.x == Approx(100.8f)); // nearer the forward track's anchor
    const DirTrack unsureB = trackAt({104.f, 100.f}, 9.f, 10);
    CHECK(fuseAt(F, unsureB, 5, 0.f).pos.x == Approx(100.4f)); // the surer weighs nine times as much
}

TEST_CASE("Tracks far apart beyond their spread are not averaged, unless they are within the minimum gap",
          "[tracking][fusion]")
{
    // 20 px apart with spreads of 1 px^2: they followed different things (a leg that stepped).
    const DirTrack F = trackAt({100.f, 100.f}, 1.f, 0), B = trackAt({120.f, 100.f}, 1.5f, 10);
    const Estimate switched = fuseAt(F, B, 5, 1.f);
    CHECK(switched.pos.x == Approx(100.f)); // the surer, whole
    CHECK(fuseAt(F, B, 5, 1.f, 10.f).pos.x == Approx(100.f)); // 20 px is beyond a 10 px minimum gap
    // 5 px apart: beyond their spreads, but two tracks that near follow the same structure: blended.
    const DirTrack nearB = trackAt({105.f, 100.f}, 1.5f, 10);
    CHECK(fuseAt(F, nearB, 5, 1.f).pos.x == Approx(100.f));
    const Estimate blended = fuseAt(F, nearB, 5, 1.f, 10.f);
    CHECK(blended.pos.x > 101.f);
    CHECK(blended.pos.x < 104.f);
}
