// SPDX-License-Identifier: Apache-2.0
#include "core/model/project.h"

#include <catch2/catch.hpp>

using namespace paddock::core;

TEST_CASE("AP-10K category has 17 keypoints, mirrored pairs and its own sigmas", "[model]")
{
    const Category c = ap10kCategory(8);
    CHECK(c.name == "dog");
    CHECK(c.supercategory == "Canidae");
    REQUIRE(c.keypointCount() == 17);
    CHECK(c.skeleton.size() == 17);
    CHECK(c.mirrorOf(0) == 1);
    CHECK(c.mirrorOf(13) == 16);
    CHECK(c.mirrorOf(2) == 2); // nose has no mirror
    CHECK(c.sigmas[11] == Approx(0.107));
    CHECK(ap10kSpecies().size() == 54);
}

TEST_CASE("Left/right pairs are guessed from common naming schemes", "[model]")
{
    CHECK(guessFlipPairs({"head", "wingL", "wingR", "forelegL4", "forelegR4"})
          == std::vector<std::pair<int, int>>{{1, 2}, {3, 4}});
    CHECK(guessFlipPairs(ap10kKeypointNames()) == ap10kCategory(1).flipPairs);
}

TEST_CASE("Clip keeps one instance per track and frame, sorted by track id", "[model]")
{
    Clip clip;
    Instance a;
    a.trackId = 3;
    a.keypoints.resize(2);
    Instance b = a;
    b.trackId = 1;
    clip.setInstance(5, a);
    clip.setInstance(5, b);
    REQUIRE(clip.frames[5].size() == 2);
    CHECK(clip.frames[5][0].trackId == 1);
    a.keypoints[0] = {1.5, 2.5, Visibility::Visible, Source::Manual, 1.0f};
    clip.setInstance(5, a);
    REQUIRE(clip.frames[5].size() == 2);
    CHECK(clip.instance(5, 3)->keypoints[0].x == 1.5);
    CHECK(clip.tracks.size() == 2);
    CHECK(clip.nextTrackId() == 4);
    CHECK(clip.userLabelledFrames(3) == std::vector<int>{5});
    CHECK(clip.userLabelledFrames(1).empty());
    CHECK(clip.removeInstance(5, 3));
    CHECK(clip.removeInstance(5, 1));
    CHECK(clip.frames.empty());
    CHECK(clip.effectiveFrameCount() == 0);
}
