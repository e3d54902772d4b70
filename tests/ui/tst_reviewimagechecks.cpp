// SPDX-License-Identifier: Apache-2.0
// The review panel runs the image checks on a worker thread and lists their findings with the label checks'.
#include "core/checks/imagechecks.h"
#include "core/demo/democlip.h"
#include "ui/document/document.h"
#include "ui/review/reviewdock.h"
#include "../testutil.h"

#include <QListWidget>
#include <QTest>

#include <algorithm>

using namespace paddock;

class TestReviewImageChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageFindingsJoinTheList()
    {
        std::string err;
        const std::string dir = test::tempDir() + "/demo";
        core::DemoClipOptions o;
        o.frames = 31;
        std::optional<core::Clip> clip = core::renderDemoClip(dir, &err, o);
        QVERIFY2(clip, err.c_str());
        // Labels every 15th frame; the truth as tracker points in between, one of them moved onto the ground.
        for (auto &[f, list] : clip->frames)
            for (core::Instance &inst : list)
                for (core::Keypoint &kp : inst.keypoints)
                    kp.source = f % 15 == 0 ? core::Source::Manual : core::Source::Propagated;
        clip->frames.at(7).front().keypoints[0].x += 120.0;
        core::Project p = core::newAp10kProject();
        p.clips.push_back(*clip);
        ui::Document doc;
        doc.resetProject(p);
        ui::ReviewDock dock(&doc);
        dock.setInteractive(false);
        dock.runChecks();
        const std::size_t labelFindings = dock.findings().size();
        QVERIFY(dock.imageChecksRunning() || !dock.findings().empty());
        dock.waitForImageChecks();
        QVERIFY(!dock.imageChecksRunning());
        const auto &fs = dock.findings();
        QVERIFY2(fs.size() > labelFindings, qPrintable(dock.message()));
        QVERIFY(std::any_of(fs.begin(), fs.end(), [](const core::Finding &f) {
            return f.kind == core::FindingKind::OffAnimal && f.frame == 7 && f.keypoint == 0;
        }));
        QVERIFY(std::is_sorted(fs.begin(), fs.end(), [](const core::Finding &a, const core::Finding &b) {
            return a.frame < b.frame;
        }));
        QCOMPARE(dock.findingsList()->count(), int(fs.size()));
        QVERIFY(dock.message().contains(QStringLiteral("from the frames")));
        // A new run cancels the one in flight; closing the panel while it runs is safe.
        dock.runChecks();
        dock.runChecks();
        dock.waitForImageChecks();
        QCOMPARE(dock.findingsList()->count(), int(dock.findings().size()));
        auto *other = new ui::ReviewDock(&doc);
        other->runChecks();
        delete other;
    }

    void missingFramesSayWhy()
    {
        core::Project p = core::newAp10kProject();
        core::Clip clip;
        clip.path = test::tempDir() + "/no-such-clip.mp4";
        core::Instance inst;
        inst.categoryId = 8;
        inst.keypoints.resize(17);
        inst.keypoints[0] = {10, 10, core::Visibility::Visible, core::Source::Manual, 1.f};
        inst.keypoints[1] = {20, 10, core::Visibility::Visible, core::Source::Manual, 1.f};
        clip.setInstance(0, inst);
        p.clips.push_back(clip);
        ui::Document doc;
        doc.resetProject(p);
        ui::ReviewDock dock(&doc);
        dock.setInteractive(false);
        dock.runChecks();
        dock.waitForImageChecks();
        QVERIFY2(dock.message().contains(QStringLiteral("did not run")), qPrintable(dock.message()));
        QVERIFY(dock.message().contains(QStringLiteral("no-such-clip.mp4")));
    }
};

QTEST_MAIN(TestReviewImageChecks)
#include "tst_reviewimagechecks.moc"
