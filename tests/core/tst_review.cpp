// SPDX-License-Identifier: Apache-2.0
#include "core/io/projectfile.h"
#include "core/io/reviewjson.h"
#include "core/model/review.h"

#include "synthlabels.h"
#include "tests/testutil.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace paddock::core;
using paddock::test::cleanWalkClip;

namespace {

ReviewEntry flag(int frame, int track, int keypoint, ErrorType type, const std::string &author = "rita")
{
    ReviewEntry e;
    e.frame = frame;
    e.trackId = track;
    e.keypoint = keypoint;
    e.type = type;
    e.author = author;
    e.comment = "look here";
    return e;
}

} // namespace

TEST_CASE("Review: entries get ids and follow the fix/accept/reopen rules", "[review]")
{
    ClipReview r;
    const auto a = addEntry(&r, flag(3, 1, 7, ErrorType::WrongPosition), 100);
    const auto b = addEntry(&r, flag(4, 2, -1, ErrorType::WrongSpecies), 101);
    CHECK(a == 1);
    CHECK(b == 2);
    CHECK(r.entry(a)->state == EntryState::Open);
    CHECK(r.entry(a)->created == 100);
    CHECK(r.unresolvedCount() == 2);

    std::string error;
    CHECK(!reopenEntry(&r, a, "rita", "", 110, &error)); // open cannot be reopened
    CHECK(!error.empty());
    CHECK(markFixed(&r, a, "leo", 120, &error));
    CHECK(r.entry(a)->state == EntryState::Fixed);
    CHECK(r.entry(a)->updatedBy == "leo");
    CHECK(r.entry(a)->modified == 120);
    CHECK(!markFixed(&r, a, "leo", 121, &error)); // already fixed
    CHECK(acceptEntry(&r, a, "rita", 130, &error));
    CHECK(!acceptEntry(&r, a, "rita", 131, &error));
    CHECK(reopenEntry(&r, a, "rita", "still off by a toe", 140, &error));
    CHECK(r.entry(a)->state == EntryState::Reopened);
    CHECK(r.entry(a)->comment == "look here\nstill off by a toe");
    CHECK(markFixed(&r, a, "leo", 150, &error));
    CHECK(acceptEntry(&r, b, "rita", 160, &error)); // the reviewer may close an open entry herself
    CHECK(r.unresolvedCount() == 0);
    CHECK(!markFixed(&r, 99, "leo", 170, &error));
    CHECK(error.find("99") != std::string::npos);
    CHECK(removeEntry(&r, b, &error));
    CHECK(r.entry(b) == nullptr);
    CHECK(addEntry(&r, flag(1, 1, 0, ErrorType::Missing), 180) == 2); // ids are reused only after the highest
    CHECK(errorTypeFromName(errorTypeName(ErrorType::ShouldBeOccluded)) == ErrorType::ShouldBeOccluded);
    CHECK(allErrorTypes().size() == 8);
}

TEST_CASE("Review: rounds go labelling, in review, returned, fixed, accepted, with snapshots", "[review]")
{
    Clip clip = cleanWalkClip(10);
    ClipReview &r = clip.review;
    std::string error;
    CHECK(r.state() == RoundState::Labelling);
    CHECK(!returnToLabeller(&r, 1, &error));
    CHECK(startReview(&r, clip.frames, "rita", 10, &error));
    REQUIRE(r.rounds.size() == 1);
    CHECK(r.state() == RoundState::InReview);
    CHECK(r.rounds[0].snapshot == clip.frames);
    CHECK(r.rounds[0].reviewer == "rita");
    CHECK(!startReview(&r, clip.frames, "rita", 11, &error)); // already in review
    CHECK(!returnToLabeller(&r, 12, &error));                 // nothing to return
    const auto id = addEntry(&r, flag(2, 1, 7, ErrorType::LeftRightSwapped), 13);
    CHECK(r.entry(id)->round == 1);
    CHECK(returnToLabeller(&r, 14, &error));
    CHECK(r.state() == RoundState::Returned);
    CHECK(!submitFixes(&r, 15, &error)); // entry still open
    CHECK(!acceptClip(&r, clip.frames, "rita", 15, &error));

    // The labeller fixes the swap and submits.
    std::swap(clip.instance(2, 1)->keypoints[7], clip.instance(2, 1)->keypoints[10]);
    CHECK(markFixed(&r, id, "leo", 16, &error));
    CHECK(submitFixes(&r, 17, &error));
    CHECK(r.state() == RoundState::Fixed);
    CHECK(startReview(&r, clip.frames, "rita", 18, &error)); // round 2
    REQUIRE(r.rounds.size() == 2);
    CHECK(r.rounds[1].number == 2);
    CHECK(r.state() == RoundState::InReview);

    // The diff between the rounds shows exactly the two exchanged paws.
    const auto diff = diffRounds(r, 1, 2, &error);
    REQUIRE(diff.size() == 2);
    for (const PointChange &c : diff) {
        CHECK(c.kind == PointChange::Kind::Moved);
        CHECK(c.frame == 2);
        CHECK(c.trackId == 1);
        CHECK(c.distance > 50);
    }
    CHECK(diff[0].keypoint == 7);
    CHECK(diff[1].keypoint == 10);
    CHECK(diffRounds(r, 1, 5, &error).empty());
    CHECK(!error.empty());

    CHECK(acceptEntry(&r, id, "rita", 19, &error));
    clip.instance(0, 2)->keypoints[2].x += 1.0; // the reviewer's final touch
    CHECK(acceptClip(&r, clip.frames, "rita", 20, &error));
    CHECK(r.state() == RoundState::Accepted);
    CHECK(r.rounds.back().snapshot == clip.frames);
    CHECK(startReview(&r, clip.frames, "sam", 21, &error)); // accepted clips can be reviewed again
    CHECK(r.rounds.size() == 3);

    const ClipReviewSummary s = summarizeReview(clip);
    CHECK(s.userLabelledPoints == 10 * 2 * 17);
    CHECK(s.propagatedUnreviewed == 0);
    CHECK(s.acceptedErrors == 1);
    CHECK(s.rounds == 3);
}

TEST_CASE("Review: snapshot diff reports moved, added, removed and visibility changes", "[review]")
{
    const Clip a = cleanWalkClip(5);
    Clip b = a;
    b.instance(1, 1)->keypoints[0].x += 3.0;
    b.instance(1, 1)->keypoints[1].visibility = Visibility::Occluded;
    b.instance(2, 2)->keypoints[4] = Keypoint();
    b.removeInstance(3, 2);
    Instance extra = *a.instance(4, 1);
    extra.trackId = 7;
    b.setInstance(4, extra);
    const auto d = diffSnapshots(a.frames, b.frames);
    auto countKind = [&](PointChange::Kind k) {
        return std::count_if(d.begin(), d.end(), [&](const PointChange &c) { return c.kind == k; });
    };
    CHECK(countKind(PointChange::Kind::Moved) == 1);
    CHECK(countKind(PointChange::Kind::VisibilityChanged) == 1);
    CHECK(countKind(PointChange::Kind::Removed) == 1 + 17);
    CHECK(countKind(PointChange::Kind::Added) == 17);
    CHECK(d.front().frame == 1);
    CHECK(d.front().distance == Approx(3.0));
    CHECK(diffSnapshots(a.frames, b.frames, 5.0).size() == d.size() - 1); // the 3 px move drops out
    CHECK(diffSnapshots(a.frames, a.frames).empty());
}

TEST_CASE("Review: Clip equality and the project file include review data", "[review]")
{
    Project p = newAp10kProject();
    p.clips.push_back(cleanWalkClip(4));
    Clip &clip = p.clips[0];
    Clip before = clip;
    std::string error;
    REQUIRE(startReview(&clip.review, clip.frames, "rita", 5, &error));
    ReviewEntry e = flag(1, 2, 3, ErrorType::Other);
    e.suggested = Point2{12.5, 30.25};
    addEntry(&clip.review, e, 6);
    CHECK(clip != before);
    const std::string dir = paddock::test::tempDir();
    const std::string path = dir + "/review.paddock";
    REQUIRE(saveProject(p, path, &error));
    const auto loaded = loadProject(path, &error);
    INFO(error);
    REQUIRE(loaded);
    REQUIRE(loaded->clips.size() == 1);
    CHECK(loaded->clips[0].review == clip.review);
}

TEST_CASE("Review: error list exports and imports without touching labels", "[review]")
{
    const std::string dir = paddock::test::tempDir();
    Clip reviewer = cleanWalkClip(12);
    std::string error;
    const auto a = addEntry(&reviewer.review, flag(3, 1, 7, ErrorType::WrongPosition), 1000);
    ReviewEntry withPos = flag(5, 2, 2, ErrorType::Missing);
    withPos.suggested = Point2{101.5, 202.25};
    const auto b = addEntry(&reviewer.review, withPos, 1001);
    REQUIRE(exportErrorList(reviewer, dir + "/errors.json", "rita", &error));

    // The labeller's copy has different labels and no entries.
    Clip labeller = cleanWalkClip(12);
    labeller.instance(3, 1)->keypoints[7].x += 4.0;
    const auto labelsBefore = labeller.frames;
    const auto list = readErrorList(dir + "/errors.json", &error);
    INFO(error);
    REQUIRE(list);
    CHECK(list->clipName == "walk");
    CHECK(list->author == "rita");
    MergeReport rep = importErrorList(&labeller, *list);
    CHECK(rep.added == 2);
    CHECK(rep.conflicts.empty());
    CHECK(rep.warnings.empty());
    CHECK(labeller.frames == labelsBefore);
    CHECK(labeller.review.entries == reviewer.review.entries);

    // The labeller fixes one and sends the list back; the reviewer's import takes the newer state.
    REQUIRE(markFixed(&labeller.review, a, "leo", 2000, &error));
    REQUIRE(exportErrorList(labeller, dir + "/back.json", "leo", &error));
    const auto back = readErrorList(dir + "/back.json", &error);
    REQUIRE(back);
    const auto reviewerLabels = reviewer.frames;
    rep = importErrorList(&reviewer, *back);
    CHECK(rep.updated == 1);
    CHECK(rep.unchanged == 1);
    CHECK(reviewer.review.entry(a)->state == EntryState::Fixed);
    CHECK(reviewer.review.entry(b)->suggested == Point2{101.5, 202.25});
    CHECK(reviewer.frames == reviewerLabels);

    // Importing the same file again changes nothing.
    rep = importErrorList(&reviewer, *back);
    CHECK(rep.unchanged == 2);
    CHECK(rep.added + rep.updated == 0);

    // Both sides edit the same entry: the newer edit wins, the older side is reported.
    REQUIRE(acceptEntry(&reviewer.review, a, "rita", 3000, &error));
    rep = importErrorList(&reviewer, *back); // the file's version (fixed, 2000) is older
    CHECK(rep.keptLocal == 1);
    CHECK(rep.conflicts.size() == 1);
    CHECK(reviewer.review.entry(a)->state == EntryState::Accepted);

    // A different entry under a taken id is added under a new id, once.
    ErrorList other;
    other.clipName = "another clip";
    ReviewEntry stranger = flag(7, 1, 0, ErrorType::Other, "sam");
    stranger.id = a;
    stranger.created = 5000;
    other.entries = {stranger};
    rep = importErrorList(&reviewer, other);
    CHECK(rep.added == 1);
    CHECK(rep.conflicts.size() == 1);
    CHECK(rep.warnings.size() == 1); // another clip's name
    CHECK(reviewer.review.entries.size() == 3);
    rep = importErrorList(&reviewer, other);
    CHECK(rep.added == 0);
    CHECK(reviewer.review.entries.size() == 3);
    CHECK(reviewer.frames == reviewerLabels);
}

TEST_CASE("Review: bad error-list files are refused with the file named", "[review]")
{
    std::string error;
    CHECK(!errorListFromJson("{\"format\": \"coco\"}", "x.json", &error));
    CHECK(error.find("x.json") != std::string::npos);
    CHECK(!errorListFromJson("not json", "y.json", &error));
    CHECK(error.find("y.json") != std::string::npos);
    CHECK(!errorListFromJson(R"({"format":"paddock-error-list","version":1,"entries":[{"id":1,"frame":2,"track":1,
        "keypoint":0,"type":"no_such_type","state":"open"}]})",
                             "z.json", &error));
    CHECK(error.find("z.json") != std::string::npos);
    CHECK(!errorListFromJson(R"({"format":"paddock-error-list","version":1,"entries":[
        {"id":1,"frame":2,"track":1,"keypoint":0,"type":"other","state":"open"},
        {"id":1,"frame":3,"track":1,"keypoint":0,"type":"other","state":"open"}]})",
                             "w.json", &error));
    CHECK(!errorListFromJson(R"({"format":"paddock-error-list","version":99,"entries":[]})", "v.json", &error));
    const auto ok = errorListFromJson(R"({"format":"paddock-error-list","version":1,"entries":[
        {"id":4,"frame":2,"track":1,"keypoint":-1,"type":"wrong_track_id","state":"reopened"}]})",
                                      "ok.json", &error);
    REQUIRE(ok);
    REQUIRE(ok->entries.size() == 1);
    CHECK(ok->entries[0].type == ErrorType::WrongTrackId);
    CHECK(ok->entries[0].state == EntryState::Reopened);
    CHECK(!readErrorList("/nonexistent/errors.json", &error));
}
