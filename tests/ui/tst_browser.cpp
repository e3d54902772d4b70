// SPDX-License-Identifier: Apache-2.0
// The clip browser (issue 14): its model's rows, counts and states on a generated multi-clip project; sort,
// filter and search; next/previous clip keys; the reviewer queue; incremental updates; and "propagate all
// clips that need it" (one undo step per clip, cancel, a clip edited during its run).
#include "../testutil.h"
#include "screenshotwindow.h"

#include "core/io/coco.h"
#include "core/io/projectfile.h"
#include "core/model/review.h"
#include "core/model/versions.h"
#include "ui/browser/batchpropagation.h"
#include "ui/browser/clipbrowserdock.h"
#include "ui/browser/cliptablemodel.h"
#include "ui/commands/keypointcommands.h"
#include "ui/commands/reviewcommands.h"
#include "ui/document/document.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/review/reviewdock.h"
#include "ui/views/frameprovider.h"
#include "ui/views/frameview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace paddock;
using namespace paddock::ui;

namespace {
constexpr int kFrames = 8;
constexpr int kDog = 8; // AP-10K category with 17 keypoints

/** A frame folder of kFrames small images: a textured patch moving 2 px right per frame. */
QString makeFrames(const QString &name)
{
    const QString dir = QString::fromStdString(test::tempDir()) + QStringLiteral("/browser/") + name;
    QDir().mkpath(dir);
    for (int f = 0; f < kFrames; ++f) {
        QImage img(120, 90, QImage::Format_RGB32);
        img.fill(QColor(80, 80, 80));
        QPainter p(&img);
        for (int y = 0; y < 30; y += 5)
            for (int x = 0; x < 30; x += 5)
                p.fillRect(30 + 2 * f + x, 30 + y, 5, 5,
                           ((x + y) / 5) % 2 ? QColor(240, 200 - 4 * x, 40 + 5 * y) : QColor(20, 40 + 3 * y, 90));
        p.end();
        img.save(QStringLiteral("%1/f%2.png").arg(dir).arg(f, 3, 10, QLatin1Char('0')));
    }
    return dir;
}

/** An instance of track 1 with all 17 keypoints from \a source, on the patch of frame \a frame. */
core::Instance dog(int frame, core::Source source, float score = 1.0f)
{
    core::Instance inst;
    inst.trackId = 1;
    inst.categoryId = kDog;
    inst.keypoints.resize(17);
    for (int k = 0; k < 17; ++k) {
        core::Keypoint &kp = inst.keypoints[std::size_t(k)];
        kp.x = 32 + 2 * frame + (k % 5) * 5;
        kp.y = 32 + (k / 5) * 6;
        kp.visibility = core::Visibility::Visible;
        kp.source = source;
        kp.score = score;
    }
    return inst;
}

core::Clip clip(const std::string &name, int videoId, const std::string &path = "/nonexistent")
{
    core::Clip c;
    c.name = name;
    c.videoId = videoId;
    c.path = path;
    c.frameCount = kFrames;
    c.width = 120;
    c.height = 90;
    c.fps = 25;
    return c;
}

void sparse(core::Clip *c)
{
    c->ensureTrack(1, kDog);
    c->setInstance(0, dog(0, core::Source::Manual));
    c->setInstance(kFrames - 1, dog(kFrames - 1, core::Source::Manual));
}

void propagated(core::Clip *c, float score, int lowFrames = 0)
{
    sparse(c);
    for (int f = 1; f < kFrames - 1; ++f)
        c->setInstance(f, dog(f, core::Source::Propagated, f <= lowFrames ? 0.1f : score));
}

core::ReviewEntry entry(int frame, core::EntryState state, const std::string &updatedBy = std::string())
{
    core::ReviewEntry e;
    e.frame = frame;
    e.trackId = 1;
    e.keypoint = 3;
    e.type = core::ErrorType::WrongPosition;
    e.state = state;
    e.author = "rita";
    e.updatedBy = updatedBy.empty() ? e.author : updatedBy;
    e.modified = 1000 + frame;
    return e;
}

void round(core::Clip *c, core::RoundState state, const std::string &reviewer)
{
    core::ReviewRound r;
    r.number = 1;
    r.state = state;
    r.reviewer = reviewer;
    c->review.rounds.push_back(r);
}

/**
 * Clips: 0 unlabelled, 1 sparse (needs propagation), 2 propagated, 3 in review (2 open findings, 2 low-score
 * frames), 4 accepted, 5 returned (1 open), 6 fixed (1 fixed by "lena"), 7 in review (no finding, 4 low-score
 * frames), 8 in review (no finding, no low score, mean 0.9).
 */
core::Project stateProject()
{
    core::Project p = core::newAp10kProject();
    p.clips.push_back(clip("walk_a", 11));
    core::Clip c1 = clip("walk_b", 12);
    sparse(&c1);
    p.clips.push_back(c1);
    core::Clip c2 = clip("run_c", 13);
    propagated(&c2, 0.8f);
    p.clips.push_back(c2);
    core::Clip c3 = clip("run_d", 14);
    propagated(&c3, 0.8f, 2);
    round(&c3, core::RoundState::InReview, "rita");
    c3.review.entries.push_back(entry(2, core::EntryState::Open));
    c3.review.entries.push_back(entry(3, core::EntryState::Open));
    p.clips.push_back(c3);
    core::Clip c4 = clip("graze_e", 15);
    propagated(&c4, 0.9f);
    for (int f = 1; f < kFrames - 1; ++f)
        c4.setInstance(f, dog(f, core::Source::Approved));
    round(&c4, core::RoundState::Accepted, "sam");
    p.clips.push_back(c4);
    core::Clip c5 = clip("graze_f", 16);
    propagated(&c5, 0.8f);
    round(&c5, core::RoundState::Returned, "rita");
    c5.review.entries.push_back(entry(4, core::EntryState::Open));
    p.clips.push_back(c5);
    core::Clip c6 = clip("sit_g", 17);
    propagated(&c6, 0.8f);
    round(&c6, core::RoundState::Fixed, "rita");
    c6.review.entries.push_back(entry(5, core::EntryState::Fixed, "lena"));
    p.clips.push_back(c6);
    core::Clip c7 = clip("sit_h", 18);
    propagated(&c7, 0.8f, 4);
    round(&c7, core::RoundState::InReview, "sam");
    p.clips.push_back(c7);
    core::Clip c8 = clip("sit_i", 19);
    propagated(&c8, 0.9f);
    round(&c8, core::RoundState::InReview, "sam");
    p.clips.push_back(c8);
    return p;
}

QString cell(const QAbstractItemModel &m, int row, int col)
{
    return m.index(row, col).data().toString();
}

QList<int> proxyClips(const ClipFilterProxy &p)
{
    QList<int> out;
    for (int r = 0; r < p.rowCount(); ++r)
        out << p.clipAt(r);
    return out;
}

/** A project of \a n clips, each a real frame folder with sparse labels on its first and last frame. */
core::Project framesProject(int n, const QString &tag)
{
    core::Project p = core::newAp10kProject();
    for (int i = 0; i < n; ++i) {
        const QString name = QStringLiteral("%1%2").arg(tag).arg(i);
        core::Clip c = clip(name.toStdString(), i + 1, makeFrames(name).toStdString());
        sparse(&c);
        p.clips.push_back(c);
    }
    return p;
}

/** Whether \a list equals what \a frames holds on \a frame. */
bool sameInstances(const std::vector<core::Instance> &list, const std::map<int, std::vector<core::Instance>> &frames,
                   int frame)
{
    const auto it = frames.find(frame);
    return it != frames.end() && it->second == list;
}

int propagateCommands(const QUndoStack *stack)
{
    int n = 0;
    for (int i = 0; i < stack->count(); ++i)
        n += stack->text(i).startsWith(QStringLiteral("Propagate clip"));
    return n;
}
} // namespace

class TestBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("paddock-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_browser"));
    }

    void statsOfEveryState()
    {
        const core::Project p = stateProject();
        const ClipStats un = computeClipStats(p.clips[0], 0.5);
        QVERIFY(un.unlabelled());
        QVERIFY(!un.needsPropagation());
        const ClipStats sp = computeClipStats(p.clips[1], 0.5);
        QCOMPARE(sp.labelledFrames, 2);
        QCOMPARE(sp.labelledPoints, 34);
        QCOMPARE(sp.unpropagatedFrames, kFrames - 2);
        QVERIFY(sp.needsPropagation());
        const ClipStats pr = computeClipStats(p.clips[3], 0.5);
        QCOMPARE(pr.propagatedFrames, kFrames - 2);
        QCOMPARE(pr.propagatedPoints, 17 * (kFrames - 2));
        QCOMPARE(pr.lowScorePoints, 2 * 17);
        QCOMPARE(pr.unpropagatedFrames, 0);
        QVERIFY(!pr.needsPropagation());
        QCOMPARE(pr.openFindings, 2);
        QCOMPARE(pr.reviewer, std::string("rita"));
        QVERIFY(pr.labeller.empty());
        const ClipStats ac = computeClipStats(p.clips[4], 0.5);
        QCOMPARE(ac.approvedPoints, 17 * (kFrames - 2));
        QCOMPARE(ac.propagatedPoints, 0);
        QCOMPARE(ac.state, core::RoundState::Accepted);
        const ClipStats fx = computeClipStats(p.clips[6], 0.5);
        QCOMPARE(fx.fixedFindings, 1);
        QCOMPARE(fx.labeller, std::string("lena"));
        // One labelled frame only: tracked forward to the end of the clip.
        core::Clip one = clip("one", 1);
        one.ensureTrack(1, kDog);
        one.setInstance(2, dog(2, core::Source::Manual));
        QCOMPARE(computeClipStats(one, 0.5).unpropagatedFrames, kFrames - 3);
    }

    void modelRowsAndColumns()
    {
        Document doc;
        doc.resetProject(stateProject());
        ClipTableModel model(&doc);
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.columnCount(), int(ClipTableModel::ColumnCount));
        QCOMPARE(cell(model, 0, ClipTableModel::NameColumn), QStringLiteral("walk_a"));
        QCOMPARE(cell(model, 0, ClipTableModel::StateColumn), QStringLiteral("unlabelled"));
        QCOMPARE(cell(model, 1, ClipTableModel::StateColumn), QStringLiteral("labelling"));
        QCOMPARE(cell(model, 3, ClipTableModel::StateColumn), QStringLiteral("in review"));
        QCOMPARE(cell(model, 4, ClipTableModel::StateColumn), QStringLiteral("accepted"));
        QCOMPARE(cell(model, 5, ClipTableModel::StateColumn), QStringLiteral("returned"));
        QCOMPARE(cell(model, 6, ClipTableModel::StateColumn), QStringLiteral("fixed"));
        QCOMPARE(cell(model, 3, ClipTableModel::VideoIdColumn), QStringLiteral("14"));
        QCOMPARE(cell(model, 3, ClipTableModel::FramesColumn), QString::number(kFrames));
        QCOMPARE(cell(model, 3, ClipTableModel::AnimalsColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, 0, ClipTableModel::AnimalsColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, 1, ClipTableModel::LabelledColumn), QStringLiteral("2"));
        QCOMPARE(cell(model, 2, ClipTableModel::PropagatedColumn), QString::number(kFrames - 2));
        QCOMPARE(cell(model, 4, ClipTableModel::ApprovedColumn), QString::number(17 * (kFrames - 2)));
        QCOMPARE(cell(model, 3, ClipTableModel::FindingsColumn), QStringLiteral("2"));
        QCOMPARE(cell(model, 6, ClipTableModel::FindingsColumn), QStringLiteral("0 (+1 fixed)"));
        QCOMPARE(cell(model, 3, ClipTableModel::ReviewerColumn), QStringLiteral("rita"));
        QCOMPARE(cell(model, 0, ClipTableModel::ReviewerColumn), QStringLiteral("—"));
        QCOMPARE(cell(model, 3, ClipTableModel::LabellerColumn), QStringLiteral("—"));
        QCOMPARE(cell(model, 6, ClipTableModel::LabellerColumn), QStringLiteral("lena"));
        QCOMPARE(cell(model, 7, ClipTableModel::DoubtColumn), QString::number(4 * 17));
        // A stricter threshold makes more points doubtful.
        model.setLowScoreThreshold(0.85);
        QCOMPARE(cell(model, 2, ClipTableModel::DoubtColumn), QString::number(17 * (kFrames - 2)));
    }

    void sortFilterSearch()
    {
        Document doc;
        core::Project p = stateProject();
        p.clips[2].frameCount = 30; // the longest clip
        doc.resetProject(p);
        ClipTableModel model(&doc);
        ClipFilterProxy proxy;
        proxy.setClipModel(&model);
        proxy.sort(ClipTableModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.clipAt(0), 4); // graze_e
        QCOMPARE(proxy.clipAt(8), 1); // walk_b
        proxy.sort(ClipTableModel::FramesColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.clipAt(0), 2);
        proxy.sort(ClipTableModel::StateColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.clipAt(0), 4); // accepted sorts last in the workflow
        proxy.sort(ClipTableModel::ReviewerColumn, Qt::AscendingOrder);
        QCOMPARE(cell(proxy, 8, ClipTableModel::ReviewerColumn), QStringLiteral("sam"));

        proxy.sort(ClipTableModel::VideoIdColumn, Qt::AscendingOrder);
        proxy.setFilter(ClipFilterProxy::Unlabelled);
        QCOMPARE(proxyClips(proxy), QList<int>({0}));
        proxy.setFilter(ClipFilterProxy::NeedsPropagation);
        QCOMPARE(proxyClips(proxy), QList<int>({1}));
        proxy.setFilter(ClipFilterProxy::Submitted);
        QCOMPARE(proxyClips(proxy), QList<int>({3, 6, 7, 8}));
        proxy.setFilter(ClipFilterProxy::Returned);
        QCOMPARE(proxyClips(proxy), QList<int>({5}));
        proxy.setFilter(ClipFilterProxy::Accepted);
        QCOMPARE(proxyClips(proxy), QList<int>({4}));
        proxy.setFilter(ClipFilterProxy::WithFindings);
        QCOMPARE(proxyClips(proxy), QList<int>({3, 5}));
        proxy.setFilter(ClipFilterProxy::Labelling);
        QCOMPARE(proxyClips(proxy), QList<int>({1, 2}));
        proxy.setFilter(ClipFilterProxy::Unreviewed);
        QCOMPARE(proxyClips(proxy), QList<int>({2, 3, 5, 6, 7, 8}));

        proxy.setFilter(ClipFilterProxy::AllClips);
        proxy.setSearch(QStringLiteral("GRAZE"));
        QCOMPARE(proxyClips(proxy), QList<int>({4, 5}));
        proxy.setSearch(QStringLiteral("14"));
        QCOMPARE(proxyClips(proxy), QList<int>({3}));
        proxy.setSearch(QStringLiteral("sit"));
        proxy.setFilter(ClipFilterProxy::Submitted);
        QCOMPARE(proxyClips(proxy), QList<int>({6, 7, 8}));
        proxy.setSearch(QString());
        proxy.setFilter(ClipFilterProxy::AllClips);
        QCOMPARE(proxy.rowCount(), 9);
    }

    void reviewerQueueOrder()
    {
        Document doc;
        doc.resetProject(stateProject());
        ClipBrowserDock dock(&doc);
        // Findings to check first (3: two open; 6: one fixed), then tracker doubt (7: 4 low-score frames) and
        // the mean score (8).
        QCOMPARE(proxyClips(*dock.queue()), QList<int>({3, 6, 7, 8}));
        QCOMPARE(dock.proxy()->filter(), ClipFilterProxy::AllClips);
        doc.setRole(Role::Reviewer);
        QCOMPARE(dock.proxy()->filter(), ClipFilterProxy::ReviewQueue);
        QCOMPARE(proxyClips(*dock.proxy()), QList<int>({3, 6, 7, 8}));
        QSignalSpy opened(&dock, &ClipBrowserDock::clipActivated);
        doc.setCurrentClip(0); // not in the queue: next is its top
        QCOMPARE(dock.nextInQueue(), 3);
        doc.setCurrentClip(3);
        QCOMPARE(dock.nextInQueue(), 6);
        doc.setCurrentClip(8);
        QCOMPARE(dock.nextInQueue(), -1); // the end
        QCOMPARE(opened.count(), 2);
        // The reviewer accepts clip 3's findings: it drops behind the fixed one but stays queued.
        core::ClipReview r = doc.clip(3)->review;
        for (core::ReviewEntry &e : r.entries)
            e.state = core::EntryState::Accepted;
        doc.setReview(3, r);
        dock.model()->flushPending();
        QCOMPARE(proxyClips(*dock.queue()), QList<int>({6, 7, 3, 8}));
        doc.setRole(Role::Labeller);
        QCOMPARE(dock.proxy()->filter(), ClipFilterProxy::AllClips);
    }

    void labellerIsWhoSubmitted()
    {
        // The labeller who hands a clip in is recorded on the round (saved with it) and shown in the browser;
        // a later fix by someone else names that person; a reviewer handing it over records no labeller.
        core::Project p = stateProject();
        Document doc;
        doc.resetProject(p);
        ClipBrowserDock dock(&doc);
        const ClipTableModel &m = *dock.model();
        QCOMPARE(cell(m, 2, ClipTableModel::LabellerColumn), QStringLiteral("—"));
        doc.setUserName(QStringLiteral("ann"));
        auto *submit = new RoundStep(&doc, 2, RoundAction::SubmitForReview);
        QVERIFY2(submit->isValid(), qPrintable(submit->error()));
        doc.undoStack()->push(submit);
        dock.model()->flushPending();
        QCOMPARE(doc.clip(2)->review.rounds.back().labeller, std::string("ann"));
        QCOMPARE(cell(m, 2, ClipTableModel::LabellerColumn), QStringLiteral("ann"));
        QCOMPARE(cell(m, 2, ClipTableModel::StateColumn), QStringLiteral("in review"));
        const std::string dir = test::tempDir();
        std::string error;
        QVERIFY2(core::saveProject(doc.project(), dir + "/p.paddock", &error), error.c_str());
        const auto back = core::loadProject(dir + "/p.paddock", &error);
        QVERIFY2(back, error.c_str());
        QCOMPARE(back->clips[2].review.rounds.back().labeller, std::string("ann"));
        doc.undoStack()->undo();
        dock.model()->flushPending();
        QCOMPARE(cell(m, 2, ClipTableModel::LabellerColumn), QStringLiteral("—"));
        // Clip 6's finding was fixed by lena: she is its labeller, whoever submitted.
        QCOMPARE(cell(m, 6, ClipTableModel::LabellerColumn), QStringLiteral("lena"));
        doc.setRole(Role::Reviewer);
        doc.setUserName(QStringLiteral("rita"));
        auto *byReviewer = new RoundStep(&doc, 2, RoundAction::SubmitForReview);
        QVERIFY(byReviewer->isValid());
        doc.undoStack()->push(byReviewer);
        QVERIFY(doc.clip(2)->review.rounds.back().labeller.empty());
        QCOMPARE(doc.clip(2)->review.rounds.back().reviewer, std::string("rita"));
    }

    void chooseAmongVersions()
    {
        // paddock merge kept two versions of "herd" (ann's and ben's: ben moved the nose on frame 0 by 7 px).
        const QString frames = makeFrames(QStringLiteral("versions"));
        core::Project p = core::newAp10kProject();
        core::Clip ann = clip("herd", 21, frames.toStdString());
        sparse(&ann);
        ann.origin = "/team/ann.json";
        core::Clip ben = ann;
        ben.origin = "/team/ben.json";
        ben.frames[0][0].keypoints[2].x += 7;
        core::Clip solo = clip("solo", 22, frames.toStdString());
        sparse(&solo);
        p.clips = {ann, ben, solo};
        Document doc;
        doc.resetProject(p);
        ClipBrowserDock dock(&doc);
        const ClipTableModel &m = *dock.model();
        QCOMPARE(cell(m, 0, ClipTableModel::StateColumn), QStringLiteral("choose version"));
        QCOMPARE(cell(m, 1, ClipTableModel::StateColumn), QStringLiteral("choose version"));
        QCOMPARE(cell(m, 2, ClipTableModel::StateColumn), QStringLiteral("labelling"));
        QCOMPARE(cell(m, 1, ClipTableModel::NameColumn), QStringLiteral("herd · version 2/2 (ben.json)"));
        const QString tip = m.index(1, ClipTableModel::NameColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("/team/ben.json")) && tip.contains(QStringLiteral("34 points compared")),
                 qPrintable(tip));
        // Both versions wait in the review queue, ahead of anything else, and under "Versions to choose".
        QCOMPARE(proxyClips(*dock.queue()), QList<int>({0, 1}));
        dock.setFilter(ClipFilterProxy::Versions);
        QCOMPARE(proxyClips(*dock.proxy()), QList<int>({0, 1}));
        dock.setFilter(ClipFilterProxy::AllClips);
        // Export refuses while both are in.
        const std::string dir = test::tempDir();
        const std::string out = dir + "/versions.json";
        core::CocoWriteOptions options;
        options.aptv2 = true;
        std::string error;
        QVERIFY(!core::writeCocoFile(doc.project(), out, options, &error));
        QVERIFY2(error.find("two versions") != std::string::npos, error.c_str());

        // The reviewer opens ben's version and keeps it: one undo step; ann's is set aside, labels kept.
        doc.setRole(Role::Reviewer);
        doc.setCurrentClip(1);
        QVERIFY(dock.versionBar()->isVisibleTo(&dock));
        QVERIFY(dock.keepVersionAction()->isEnabled());
        QVERIFY(dock.keepSelectedVersion());
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(doc.clip(0)->setAside);
        QVERIFY(!doc.clip(1)->setAside);
        QCOMPARE(doc.clip(0)->frames, ann.frames);
        QCOMPARE(cell(m, 0, ClipTableModel::StateColumn), QStringLiteral("set aside"));
        QCOMPARE(cell(m, 1, ClipTableModel::StateColumn), QStringLiteral("labelling"));
        QVERIFY(!dock.keepVersionAction()->isEnabled()); // already the one kept
        QVERIFY(dock.restoreVersionsAction()->isEnabled());
        QVERIFY(dock.queue()->rowCount() == 0);
        dock.setFilter(ClipFilterProxy::NeedsPropagation);
        QCOMPARE(proxyClips(*dock.proxy()), QList<int>({1, 2})); // a version set aside is no work to do
        QCOMPARE(BatchPropagation::clipsNeedingPropagation(doc.project()), std::vector<int>({1, 2}));
        dock.setFilter(ClipFilterProxy::AllClips);
        QCOMPARE(dock.proxy()->rowCount(), 3);

        // Export now writes ben's labels, once.
        QVERIFY2(core::writeCocoFile(doc.project(), out, options, &error), error.c_str());
        const auto back = core::readCocoFile(out, &error);
        QVERIFY2(back, error.c_str());
        QCOMPARE(int(back->clips.size()), 2);
        const core::Clip *herd = nullptr;
        for (const core::Clip &c : back->clips)
            if (c.videoId == 21)
                herd = &c;
        QVERIFY(herd);
        QCOMPARE(herd->instance(0, 1)->keypoints[2].x, ben.frames[0][0].keypoints[2].x);

        // Undo takes the choice back (export refuses again); redo makes it again.
        doc.undoStack()->undo();
        QVERIFY(!doc.clip(0)->setAside && !doc.clip(1)->setAside);
        dock.model()->flushPending();
        QCOMPARE(cell(m, 0, ClipTableModel::StateColumn), QStringLiteral("choose version"));
        QVERIFY(!core::writeCocoFile(doc.project(), out, options, &error));
        doc.undoStack()->redo();
        QVERIFY(doc.clip(0)->setAside && !doc.clip(1)->setAside);

        // The choice is saved with the project and read back.
        const std::string saved = dir + "/versions.paddock";
        QVERIFY2(core::saveProject(doc.project(), saved, &error), error.c_str());
        const auto reopened = core::loadProject(saved, &error);
        QVERIFY2(reopened, error.c_str());
        QVERIFY(reopened->clips[0].setAside && !reopened->clips[1].setAside && !reopened->clips[2].setAside);
        QVERIFY(core::pendingVersionChoices(*reopened).empty());

        // Bringing every version back is one more undo step; an ordinary clip has nothing to choose.
        QVERIFY(dock.restoreVersions());
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(core::pendingVersionChoices(doc.project()), std::vector<int>({0}));
        doc.setCurrentClip(2);
        QVERIFY(!dock.versionBar()->isVisibleTo(&dock));
        QVERIFY(!dock.keepSelectedVersion());
        QCOMPARE(doc.undoStack()->count(), 2);
    }

    void editUpdatesOnlyItsRow()
    {
        Document doc;
        doc.resetProject(stateProject());
        doc.setCurrentClip(2);
        ClipBrowserDock dock(&doc);
        ClipTableModel *model = dock.model();
        dock.setFilter(ClipFilterProxy::NeedsPropagation);
        QCOMPARE(proxyClips(*dock.proxy()), QList<int>({1}));
        QCOMPARE(dock.queue()->rowCount(), 4); // every row was read once
        const int computed = model->recomputeCount();
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        // Three edits of clip 2 in one event-loop turn: one row, one signal.
        for (int f : {1, 2, 3}) {
            doc.undoStack()->push(new PlaceKeypoint(&doc, 2, f, 1, 0, QPointF(50, 40)));
        }
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
        QCOMPARE(reset.count(), 0);
        // Only that row was recomputed (by both proxies reading it once).
        QCOMPARE(model->recomputeCount(), computed + 1);
        QCOMPARE(cell(*model, 2, ClipTableModel::LabelledColumn), QStringLiteral("5"));
        // A label removed from clip 2 leaves a gap: it needs propagation again, and shows under that filter.
        std::vector<InstanceChange> gone{{{4, 1}, std::nullopt}};
        doc.setInstances(2, gone);
        model->flushPending();
        QCOMPARE(proxyClips(*dock.proxy()), QList<int>({2, 1})); // sorted by name: run_c, walk_b
        QCOMPARE(model->recomputeCount(), computed + 2);
    }

    void nextPreviousClipKeysAndEnter()
    {
        MainWindow w;
        w.setInteractive(false);
        w.resize(1200, 800);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        Document *doc = w.document();
        doc->resetProject(framesProject(4, QStringLiteral("nav")));
        QVERIFY(w.openClipIndex(0));
        QVERIFY(w.clipBrowser()->isVisible());
        QCOMPARE(w.clipBrowser()->proxy()->rowCount(), 4);
        // No two actions share a shortcut, and the new ones are listed in the shortcuts dialog's list.
        QSet<QString> keys;
        QStringList names;
        for (QAction *a : w.shortcutActions()) {
            names << a->objectName();
            const QString key = a->shortcut().toString(QKeySequence::PortableText);
            if (key.isEmpty())
                continue;
            QVERIFY2(!keys.contains(key), qPrintable(key + QStringLiteral(" is used twice")));
            keys.insert(key);
        }
        for (const char *name : {"nextClip", "previousClip", "nextQueueClip", "propagateClips", "showClipBrowser"})
            QVERIFY2(names.contains(QLatin1String(name)), name);

        w.frameView()->setFocus();
        QTest::keyClick(&w, Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(doc->currentClipIndex(), 1);
        QCOMPARE(w.frames()->path(), QString::fromStdString(doc->clip(1)->path));
        QTest::keyClick(&w, Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(doc->currentClipIndex(), 2);
        QTest::keyClick(&w, Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(doc->currentClipIndex(), 1);
        // Next follows the browser's order: sorted by name descending, after nav1 comes nav0.
        w.clipBrowser()->table()->sortByColumn(ClipTableModel::NameColumn, Qt::DescendingOrder);
        QTest::keyClick(&w, Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(doc->currentClipIndex(), 0);
        QTest::keyClick(&w, Qt::Key_PageDown, Qt::ControlModifier); // the end: stays
        QCOMPARE(doc->currentClipIndex(), 0);
        // Opening a clip shows its first frame.
        QTRY_VERIFY(!w.frames()->cached(0).isNull());

        // Enter on a row of the browser opens that clip; the row of the current clip is selected.
        QTableView *table = w.clipBrowser()->table();
        table->setFocus();
        const int row3 = w.clipBrowser()->proxy()->rowOfClip(3);
        table->setCurrentIndex(w.clipBrowser()->proxy()->index(row3, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(doc->currentClipIndex(), 3);
        QCOMPARE(table->currentIndex().row(), row3);
        // The search field narrows the list; next clip then walks the matches only.
        w.clipBrowser()->searchField()->setText(QStringLiteral("nav2"));
        QCOMPARE(w.clipBrowser()->proxy()->rowCount(), 1);
        QTest::keyClick(&w, Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(doc->currentClipIndex(), 2);
    }

    void propagateAllClips()
    {
        MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        Document *doc = w.document();
        core::Project p = framesProject(4, QStringLiteral("all"));
        round(&p.clips[3], core::RoundState::InReview, "rita"); // waits for the reviewer: not propagated
        doc->resetProject(p);
        QVERIFY(w.openClipIndex(0));
        QCOMPARE(BatchPropagation::clipsNeedingPropagation(doc->project()), std::vector<int>({0, 1, 2}));
        const int before = doc->undoStack()->count();
        QSignalSpy finished(w.batchPropagation(), &BatchPropagation::finished);
        QString err;
        QVERIFY2(w.propagateAllClips(&err), qPrintable(err));
        QVERIFY(w.batchPropagation()->isRunning());
        QVERIFY(!w.propagateAllClips(&err)); // one at a time
        // The window stays usable meanwhile.
        doc->setCurrentFrame(3);
        QCOMPARE(doc->currentFrame(), 3);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(propagateCommands(doc->undoStack()), 3);
        QCOMPARE(doc->undoStack()->count(), before + 3);
        for (int c : {0, 1, 2}) {
            const ClipStats s = computeClipStats(*doc->clip(c), 0.5);
            QCOMPARE(s.unpropagatedFrames, 0);
            QVERIFY(s.propagatedPoints > 0);
        }
        QCOMPARE(computeClipStats(*doc->clip(3), 0.5).propagatedPoints, 0);
        // Each clip is its own undo step: one undo takes back that clip only.
        const QString top = doc->undoStack()->text(doc->undoStack()->count() - 1);
        int last = -1;
        for (int c : {0, 1, 2})
            if (top == QStringLiteral("Propagate clip all%1").arg(c))
                last = c;
        QVERIFY2(last >= 0, qPrintable(top));
        doc->undoStack()->undo();
        QCOMPARE(computeClipStats(*doc->clip(last), 0.5).propagatedPoints, 0);
        for (int c : {0, 1, 2})
            if (c != last)
                QVERIFY(computeClipStats(*doc->clip(c), 0.5).propagatedPoints > 0);
        QCOMPARE(BatchPropagation::clipsNeedingPropagation(doc->project()), std::vector<int>({last}));
        // The browser's row followed.
        w.clipBrowser()->model()->flushPending();
        QVERIFY(w.clipBrowser()->model()->stats(last).needsPropagation());
        QVERIFY(!w.clipBrowser()->model()->stats((last + 1) % 3).needsPropagation());
    }

    void cancelPropagateAll()
    {
        Document doc;
        doc.resetProject(framesProject(5, QStringLiteral("cancel")));
        BatchPropagation batch(&doc);
        batch.setJobs(2);
        QSignalSpy finished(&batch, &BatchPropagation::finished);
        QSignalSpy progress(&batch, &BatchPropagation::progress);
        tracking::TrackerOptions options;
        QString err;
        QVERIFY(!batch.start({}, options, &err));
        QVERIFY(err.contains(QStringLiteral("No clip")));
        options.tracker = "no-such-tracker";
        QVERIFY(!batch.start({0, 1}, options, &err));
        QVERIFY(!err.isEmpty());
        options = tracking::TrackerOptions();
        QVERIFY2(batch.start({0, 1, 2, 3, 4}, options, &err), qPrintable(err));
        // Cancel once the first clip has reported.
        QVERIFY(progress.count() > 0);
        batch.cancel();
        QVERIFY(finished.count() == 1 || finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!batch.isRunning());
        QVERIFY(int(batch.outcomes().size()) < 5);
        QCOMPARE(propagateCommands(doc.undoStack()), 0);
        for (int c = 0; c < 5; ++c)
            QCOMPARE(computeClipStats(*doc.clip(c), 0.5).propagatedPoints, 0);
        // Cancel partway: the clips done keep their result, one undo step each.
        connect(&batch, &BatchPropagation::clipDone, &batch, [&batch](const BatchPropagation::Outcome &) {
            if (batch.outcomes().size() == 2)
                batch.cancel();
        });
        QVERIFY(batch.start({0, 1, 2, 3, 4}, options, &err));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(finished.at(1).at(0).toBool(), true);
        batch.waitForFinished(); // results still in flight are dropped
        QTest::qWait(100);
        QCOMPARE(int(batch.outcomes().size()), 2);
        QCOMPARE(propagateCommands(doc.undoStack()), 2);
        int propagatedClips = 0;
        for (int c = 0; c < 5; ++c)
            propagatedClips += computeClipStats(*doc.clip(c), 0.5).propagatedPoints > 0;
        QCOMPARE(propagatedClips, 2);
    }

    void clipEditedDuringItsRun()
    {
        Document doc;
        doc.resetProject(framesProject(2, QStringLiteral("edit")));
        BatchPropagation batch(&doc);
        batch.setJobs(2);
        QSignalSpy finished(&batch, &BatchPropagation::finished);
        int edits = 0;
        bool editEveryRun = false;
        // The labeller places a point on clip 0 while its run is going (just after the pass took its snapshot).
        connect(&batch, &BatchPropagation::passStarted, &batch, [&](int pass, int) {
            if (pass > 0 && !editEveryRun)
                return;
            ++edits;
            doc.undoStack()->push(new PlaceKeypoint(&doc, 0, 3, 1, edits % 17, QPointF(60 + edits, 40)));
        });
        QString err;
        QVERIFY2(batch.start({0, 1}, tracking::TrackerOptions(), &err), qPrintable(err));
        QVERIFY(finished.wait(60000));
        QCOMPARE(edits, 1);
        QCOMPARE(int(batch.outcomes().size()), 2);
        const auto outcome = [&batch](int clip) {
            for (const BatchPropagation::Outcome &o : batch.outcomes())
                if (o.clip == clip)
                    return o;
            return BatchPropagation::Outcome();
        };
        const BatchPropagation::Outcome o = outcome(0);
        QCOMPARE(o.clip, 0);
        QCOMPARE(o.kind, BatchPropagation::Outcome::Applied);
        QVERIFY(o.rerun);
        QVERIFY(!o.note.isEmpty());
        QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("edit0")));
        // The labeller's point is kept exactly, and the clip is propagated from the labels it had at the end.
        const core::Keypoint &kp = doc.instance(0, 3, 1)->keypoints[1];
        QCOMPARE(kp.source, core::Source::Manual);
        QCOMPARE(kp.x, 61.0);
        QCOMPARE(computeClipStats(*doc.clip(0), 0.5).unpropagatedFrames, 0);
        QCOMPARE(outcome(1).kind, BatchPropagation::Outcome::Applied);
        QVERIFY(!outcome(1).rerun);

        // Edited during both runs: skipped with a note, never given the stale result.
        doc.undoStack()->clear();
        doc.resetProject(framesProject(2, QStringLiteral("edit")));
        edits = 0;
        editEveryRun = true;
        QVERIFY(batch.start({0, 1}, tracking::TrackerOptions(), &err));
        QVERIFY(finished.wait(60000));
        QCOMPARE(edits, 2);
        QCOMPARE(outcome(0).kind, BatchPropagation::Outcome::Skipped);
        QVERIFY(outcome(0).note.contains(QStringLiteral("yourself")));
        QCOMPARE(computeClipStats(*doc.clip(0), 0.5).propagatedPoints, 0);
        QCOMPARE(outcome(1).kind, BatchPropagation::Outcome::Applied);
        QCOMPARE(propagateCommands(doc.undoStack()), 1);
    }

    /**
     * With PADDOCK_SCREENSHOTS=DIR and PADDOCK_SCREENSHOT_DATASET=a dataset.json (run under xvfb-run with
     * QT_QPA_PLATFORM=xcb): the browser on the dataset, filtered, during and after "propagate all", and the
     * reviewer's queue; one PNG each.
     */
    void browserScreenshots()
    {
        const test::ScreenshotRun run = test::screenshotRun("PADDOCK_SCREENSHOT_DATASET");
        if (!run.active())
            QSKIP("PADDOCK_SCREENSHOTS / PADDOCK_SCREENSHOT_DATASET not set");
        MainWindow w;
        QString err;
        QVERIFY2(test::openInTestWindow(w, run.input, &err), qPrintable(err));
        Document *doc = w.document();
        ClipBrowserDock *browser = w.clipBrowser();
        qInfo("%d clips", int(doc->project().clips.size()));
        auto shot = [&](const QString &name) { QVERIFY(test::saveShot(&w, run.dir, name)); };
        QTRY_VERIFY(!w.frames()->cached(doc->currentFrame()).isNull());
        shot(QStringLiteral("browser-1-opened.png"));
        browser->setFilter(ClipFilterProxy::NeedsPropagation);
        browser->setSearch(QStringLiteral("clip004"));
        QVERIFY(w.openClipIndex(43));
        QTRY_VERIFY(!w.frames()->cached(0).isNull());
        shot(QStringLiteral("browser-2-filtered.png"));
        browser->setSearch(QString());
        browser->setFilter(ClipFilterProxy::AllClips);
        QSignalSpy finished(w.batchPropagation(), &BatchPropagation::finished);
        QVERIFY2(w.propagateAllClips(&err), qPrintable(err));
        QTest::qWait(2500);
        doc->setCurrentFrame(5);
        shot(QStringLiteral("browser-3-propagating.png"));
        QVERIFY(finished.wait(600000));
        qInfo("%s", qPrintable(finished.at(0).at(1).toString()));
        // Some clips go to review: findings on a few, one returned and fixed, one accepted.
        for (int c = 0; c < 12 && c < int(doc->project().clips.size()); ++c) {
            core::ClipReview r = doc->clip(c)->review;
            std::string e;
            QVERIFY(core::startReview(&r, doc->clip(c)->frames, c % 2 ? "rita" : "sam", 1000, &e));
            for (int k = 0; k < (c * 7) % 4; ++k) {
                core::ReviewEntry en = entry(k + 1, core::EntryState::Open);
                core::addEntry(&r, en, 2000 + k);
            }
            if (c == 5) {
                QVERIFY(core::returnToLabeller(&r, 3000, &e));
                for (core::ReviewEntry &en : r.entries)
                    QVERIFY(core::markFixed(&r, en.id, "lena", 3500, &e));
                QVERIFY(core::submitFixes(&r, 4000, &e));
            }
            if (c == 8)
                QVERIFY(core::acceptClip(&r, doc->clip(c)->frames, "sam", 5000, &e));
            doc->setReview(c, r);
        }
        doc->setRole(Role::Reviewer);
        browser->model()->flushPending();
        QVERIFY(w.openClipIndex(browser->queue()->clipAt(0)));
        QTRY_VERIFY(!w.frames()->cached(0).isNull());
        shot(QStringLiteral("browser-4-review-queue.png"));
        doc->setRole(Role::Labeller);
        browser->table()->sortByColumn(ClipTableModel::DoubtColumn, Qt::DescendingOrder);
        shot(QStringLiteral("browser-5-sorted-by-doubt.png"));
    }

    /**
     * With PADDOCK_SCREENSHOTS=DIR and PADDOCK_SCREENSHOT_MERGED=a project from paddock merge with versions (run
     * under xvfb-run with QT_QPA_PLATFORM=xcb): the reviewer's queue with the versions to choose first, the second
     * version of the first such clip selected, and the browser after Keep This Version.
     */
    void versionScreenshots()
    {
        const test::ScreenshotRun run = test::screenshotRun("PADDOCK_SCREENSHOT_MERGED");
        if (!run.active())
            QSKIP("PADDOCK_SCREENSHOTS / PADDOCK_SCREENSHOT_MERGED not set");
        MainWindow w;
        QString err;
        QVERIFY2(test::openInTestWindow(w, run.input, &err), qPrintable(err));
        Document *doc = w.document();
        ClipBrowserDock *browser = w.clipBrowser();
        const std::vector<int> pending = core::pendingVersionChoices(doc->project());
        QVERIFY(!pending.empty());
        const std::vector<int> versions = core::clipVersions(doc->project(), pending.front());
        QVERIFY(versions.size() >= 2);
        auto shot = [&](const QString &name) { QVERIFY(test::saveShot(&w, run.dir, name)); };
        doc->setRole(Role::Reviewer);
        QVERIFY(w.openClipIndex(versions[1]));
        const core::Clip *second = doc->clip(versions[1]);
        for (const auto &[frame, list] : second->frames)
            if (!sameInstances(list, doc->clip(versions[0])->frames, frame)) {
                doc->setCurrentFrame(frame); // a frame where the versions differ
                break;
            }
        QTRY_VERIFY(!w.frames()->cached(doc->currentFrame()).isNull());
        shot(QStringLiteral("versions-1-queue.png"));
        QVERIFY(browser->keepSelectedVersion());
        browser->setFilter(ClipFilterProxy::AllClips);
        browser->model()->flushPending();
        shot(QStringLiteral("versions-2-kept.png"));
    }

    /**
     * With PADDOCK_BROWSER_FIGURES=a dataset.json: prints (does not assert) the time to open it and fill the
     * browser, to compute every row, to switch clips (first frame shown) and for an edit to reach its row.
     */
    void browserFigures()
    {
        const QString dataset = qEnvironmentVariable("PADDOCK_BROWSER_FIGURES");
        if (dataset.isEmpty())
            QSKIP("PADDOCK_BROWSER_FIGURES not set");
        MainWindow w;
        QVERIFY(test::showTestWindow(w));
        QElapsedTimer t;
        t.start();
        QString err;
        QVERIFY2(w.openPath(dataset, &err), qPrintable(err));
        QCoreApplication::processEvents();
        const double openMs = t.nsecsElapsed() / 1e6;
        Document *doc = w.document();
        ClipBrowserDock *browser = w.clipBrowser();
        const int queued = browser->queue()->rowCount();
        t.restart();
        browser->model()->setLowScoreThreshold(0.37); // every row stale; both proxies re-read them all
        const double rowsMs = t.nsecsElapsed() / 1e6;
        const int n = int(doc->project().clips.size());
        std::vector<double> switches;
        std::vector<double> calls; // the GUI thread's part: openClipIndex returns
        for (int i = 1; i <= 20 && i < n; ++i) {
            const int c = (i * 137) % n;
            t.restart();
            QVERIFY(w.openClipIndex(c));
            calls.push_back(t.nsecsElapsed() / 1e6);
            while (w.frames()->cached(0).isNull() && t.elapsed() < 5000)
                QTest::qWait(1);
            switches.push_back(t.nsecsElapsed() / 1e6);
        }
        std::sort(switches.begin(), switches.end());
        std::sort(calls.begin(), calls.end());
        QSignalSpy changed(browser->model(), &QAbstractItemModel::dataChanged);
        t.restart();
        doc->undoStack()->push(new PlaceKeypoint(doc, doc->currentClipIndex(), 1, doc->clip(doc->currentClipIndex())->tracks.front().id, 0, QPointF(10, 10)));
        while (changed.count() == 0 && t.elapsed() < 5000)
            QTest::qWait(1);
        browser->proxy()->rowOfClip(doc->currentClipIndex());
        const double editMs = t.nsecsElapsed() / 1e6;
        qInfo("clips %d (queued %d): open + browser %.0f ms; every row recomputed and re-filtered %.1f ms; clip switch to first frame "
              "median %.1f ms, max %.1f ms (GUI thread blocked: median %.1f ms); edit to row updated %.2f ms",
              n, queued, openMs, rowsMs, switches[switches.size() / 2], switches.back(), calls[calls.size() / 2],
              editMs);
    }
};

QTEST_MAIN(TestBrowser)
#include "tst_browser.moc"
