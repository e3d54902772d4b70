// SPDX-License-Identifier: Apache-2.0
#include "ui/document/navigation.h"
#include "uitestutil.h"

#include <QTest>

using namespace paddock;
using namespace paddock::ui;

namespace {
core::Instance full(int track, core::Source source, float score)
{
    core::Instance inst;
    inst.trackId = track;
    inst.categoryId = 8;
    inst.keypoints.assign(17, core::Keypoint{1, 1, core::Visibility::Visible, source, score});
    return inst;
}
} // namespace

/** Jump targets: next unlabelled, flagged and low-score frames, wrapping round the clip. */
class TestNavigation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextUnlabelled()
    {
        core::Project p = test::smallProject(6);
        core::Clip &clip = p.clips.front();
        const core::Category *cat = p.category(8);
        for (int f : {0, 1, 3})
            clip.setInstance(f, full(1, core::Source::Manual, 1.f));
        core::Instance partial = full(1, core::Source::Manual, 1.f);
        partial.keypoints[16] = core::Keypoint();
        clip.setInstance(4, partial);
        QCOMPARE(navigation::nextUnlabelled(clip, cat, 1, 0), 2);
        QCOMPARE(navigation::nextUnlabelled(clip, cat, 1, 2), 4); // a missing keypoint counts
        QCOMPARE(navigation::nextUnlabelled(clip, cat, 1, 4), 5);
        QCOMPARE(navigation::nextUnlabelled(clip, cat, 1, 5), 2); // wraps
        QCOMPARE(navigation::nextUnlabelled(clip, cat, 2, 0), 1); // other animal: nothing labelled
        for (int f : {2, 4, 5})
            clip.setInstance(f, full(1, core::Source::Propagated, 0.9f));
        QCOMPARE(navigation::nextUnlabelled(clip, cat, 1, 0), -1);
    }

    void nextLowScore()
    {
        core::Project p = test::smallProject(10);
        core::Clip &clip = p.clips.front();
        clip.setInstance(1, full(1, core::Source::Propagated, 0.9f));
        clip.setInstance(3, full(1, core::Source::Propagated, 0.2f));
        clip.setInstance(5, full(2, core::Source::Refined, 0.1f));
        clip.setInstance(7, full(1, core::Source::Manual, 0.0f)); // a person's label is never "low score"
        QCOMPARE(navigation::nextLowScore(clip, 0, 0.5), 3);
        QCOMPARE(navigation::nextLowScore(clip, 3, 0.5), 5);
        QCOMPARE(navigation::nextLowScore(clip, 5, 0.5), 3); // wraps
        QCOMPARE(navigation::nextLowScore(clip, 0, 0.15), 5);
        QCOMPARE(navigation::nextLowScore(clip, 0, 0.05), -1);
    }

    void nextFlagged()
    {
        core::Project p = test::smallProject(10);
        core::Clip &clip = p.clips.front();
        QCOMPARE(navigation::nextFlagged(clip, 0), -1);
        core::ReviewEntry open;
        open.frame = 6;
        open.trackId = 2;
        core::addEntry(&clip.review, open, 1);
        core::ReviewEntry fixed;
        fixed.frame = 2;
        const auto id = core::addEntry(&clip.review, fixed, 1);
        std::string err;
        QVERIFY(core::markFixed(&clip.review, id, "me", 2, &err));
        QCOMPARE(navigation::nextFlagged(clip, 0), 6); // fixed entries are not flagged any more
        QCOMPARE(navigation::nextFlagged(clip, 7), 6); // wraps
        QCOMPARE(navigation::flaggedFrames(clip, 1), std::set<int>());
        QCOMPARE(navigation::flaggedFrames(clip, 2), std::set<int>({6}));
    }
};

QTEST_GUILESS_MAIN(TestNavigation)
#include "tst_navigation.moc"
