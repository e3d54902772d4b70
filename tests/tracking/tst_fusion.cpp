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

TEST_CASE("A keypoint's relative speed is how far it moves against the rest of its animal per frame", "[tracking][fusion]")
{
    AnimalPlan plan;
    plan.K = 5;
    auto at = [](float x, float y) { return Anchor{true, {x, y}, false}; };
    // Frames 0 and 10: the body's three points move 10 px right, the tail 50 px; the fifth has no label on 10.
    plan.labels[0] = {at(0, 0), at(10, 0), at(20, 0), at(30, 0), at(40, 0)};
    plan.labels[10] = {at(10, 0), at(20, 0), at(30, 0), at(80, 0), Anchor()};
    const std::vector<float> v = relativeSpeeds(plan, 0, 10);
    REQUIRE(v.size() == 5);
    // The animal's mean move is 20 px: the body is 10 px behind it over 10 frames, the tail 30 px ahead.
    CHECK(v[0] == Approx(1.f));
    CHECK(v[1] == Approx(1.f));
    CHECK(v[2] == Approx(1.f));
    CHECK(v[3] == Approx(3.f));
    CHECK(v[4] == Approx(std::sqrt(3.f))); // the others' root mean square
    // The whole animal moving together (a camera pan) moves nothing against it.
    plan.labels[10] = {at(50, 5), at(60, 5), at(70, 5), at(80, 5), at(90, 5)};
    for (float s : relativeSpeeds(plan, 0, 10))
        CHECK(s == Approx(0.f).margin(1e-5));
    // One keypoint labelled on both frames says nothing of the animal.
    plan.labels[10] = {at(10, 0), Anchor(), Anchor(), Anchor(), Anchor()};
    for (float s : relativeSpeeds(plan, 0, 10))
        CHECK(s == 0.f);
}

TEST_CASE("A score's spread grows with the frames to the nearer label times the keypoint's relative speed",
          "[tracking][fusion]")
{
    const DirTrack F = trackAt({100.f, 100.f}, 1.f, 0), B = trackAt({100.f, 100.f}, 1.f, 10);
    Estimate e;
    e.has = true;
    e.var = 2.f;
    // Frame 3 is 3 frames from the forward track's label: (0.5 x 2 px/frame x 3)^2 = 9 on top of the tracks' 2.
    CHECK(scoreSpread(e, F, B, 3, 2.f, 0.5f) == Approx(11.f));
    CHECK(scoreSpread(e, F, B, 8, 2.f, 0.5f) == Approx(2.f + 4.f)); // 2 frames from the backward's
    CHECK(scoreSpread(e, F, B, 0, 2.f, 0.5f) == Approx(2.f));       // on a label
    CHECK(scoreSpread(e, F, B, 5, 0.f, 0.5f) == Approx(2.f));       // moving with its animal
    CHECK(scoreSpread(e, F, B, 5, 2.f, 0.f) == Approx(2.f));        // switched off
    DirTrack none;
    none.resize(11);
    CHECK(scoreSpread(e, F, none, 8, 2.f, 0.5f) == Approx(2.f + 64.f)); // only the forward track: 8 frames from it
    Estimate sure = e;
    sure.var = 0.f;
    CHECK(scoreOf(sure, 200.0) > scoreOf(Estimate{true, {}, scoreSpread(e, F, B, 5, 2.f, 0.5f)}, 200.0));
}
