// SPDX-License-Identifier: Apache-2.0
#include "core/io/coco.h"
#include "core/model/sampling.h"
#include "synthlabels.h"
#include "tests/testutil.h"

#include <catch2/catch.hpp>

#include <QFileInfo>

using namespace paddock;
using namespace paddock::core;

namespace {

/** A clip of \a count frames with one dog labelled on \a labelled, each dog placed by its frame. */
Clip dogOn(const std::vector<int> &labelled, int count)
{
    Clip c;
    c.frameCount = count;
    c.ensureTrack(1, 8);
    for (int f : labelled)
        c.setInstance(f, test::walkingDog(1, f, 100, 100, 3, 0, 0.01));
    return c;
}

std::vector<int> framesOf(const Clip &c)
{
    std::vector<int> out;
    for (const auto &[f, list] : c.frames)
        out.push_back(f);
    return out;
}

} // namespace

TEST_CASE("A clip cut to frames at least a step apart keeps those frames' own labels, renumbered in order", "[sampling]")
{
    // Labelled about every 5th frame, unevenly, as BADJA is.
    const Clip clip = dogOn({0, 5, 10, 15, 19, 21, 26, 31}, 40);
    CHECK(framesAtLeastApart(clip, 5) == std::vector<int>{0, 5, 10, 15, 21, 26, 31});
    CHECK(framesAtLeastApart(clip, 1) == std::vector<int>{0, 5, 10, 15, 19, 21, 26, 31});
    CHECK(framesAtLeastApart(clip, 10) == std::vector<int>{0, 10, 21, 31});
    CHECK(framesAtLeastApart(Clip(), 5).empty());

    const std::vector<int> kept = framesAtLeastApart(clip, 10);
    const Clip cut = keepFrames(clip, kept);
    CHECK(cut.frameCount == 4);
    REQUIRE(framesOf(cut) == std::vector<int>{0, 1, 2, 3});
    for (std::size_t i = 0; i < kept.size(); ++i) // frame i of the cut is frame kept[i] of the clip, labels and all
        CHECK(*cut.instance(int(i), 1) == *clip.instance(kept[i], 1));
    CHECK(cut.tracks == clip.tracks);
}

TEST_CASE("Cutting a clip keeps each kept frame's metadata and drops the error list", "[sampling]")
{
    Clip clip = dogOn({0, 2, 4}, 5);
    for (int f = 0; f < 5; ++f)
        clip.frameMeta.push_back(FrameMeta{"img" + std::to_string(f) + ".jpg", f + 1, 64, 48});
    ReviewEntry e;
    e.frame = 4;
    addEntry(&clip.review, e, 1);
    const Clip cut = keepFrames(clip, {2, 4});
    REQUIRE(cut.frameMeta.size() == 2);
    CHECK(cut.frameMeta[0].fileName == "img2.jpg");
    CHECK(cut.frameMeta[1].fileName == "img4.jpg");
    CHECK(cut.review.entries.empty()); // its frame 4 would now be another frame
}

TEST_CASE("Sparse labels every N: the labelled frame nearest each multiple of N, and the last one", "[sampling]")
{
    const Clip clip = dogOn({0, 5, 10, 15, 19, 21, 26, 31}, 40);
    const Clip sparse = labelsEvery(clip, 10);
    // 0 -> 0, 10 -> 10, 20 -> 19 (19 and 21 are as near: the earlier), 30 -> 31, and the last, 31.
    CHECK(framesOf(sparse) == std::vector<int>{0, 10, 19, 31});
    CHECK(*sparse.instance(19, 1) == *clip.instance(19, 1));
    CHECK(framesOf(labelsEvery(clip, 1)) == framesOf(clip));
    CHECK(framesOf(labelsEvery(dogOn({3, 4}, 5), 25)) == std::vector<int>{3, 4});
}

TEST_CASE("Sparse labels every N are the eval's own sparse-every-N files", "[sampling][shared]")
{
    const std::string shared = test::sharedDirOrSkip();
    if (shared.empty())
        return;
    int compared = 0;
    for (const char *name : {"badja-cows", "badja-dog", "flies"})
        for (int every : {10, 25}) {
            const std::string dir = shared + "/eval/" + name;
            const std::string sparsePath = dir + "/sparse-every-" + std::to_string(every) + ".json";
            if (!QFileInfo::exists(QString::fromStdString(sparsePath)))
                continue;
            std::string error;
            const auto gt = readCocoFile(dir + "/gt.json", &error);
            const auto sparse = readCocoFile(sparsePath, &error);
            REQUIRE(gt);
            REQUIRE(sparse);
            INFO(name << " every " << every);
            CHECK(framesOf(labelsEvery(gt->clips.front(), every)) == framesOf(sparse->clips.front()));
            ++compared;
        }
    CHECK(compared > 0);
}
