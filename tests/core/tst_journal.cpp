// SPDX-License-Identifier: Apache-2.0
// The edit journal: records round-trip, a torn or corrupt tail is ignored, recovery picks the right base,
// snapshots compact the journal, and review deltas undo and redo exactly.
#include "core/io/autosave.h"
#include "core/io/journal.h"
#include "core/io/projectfile.h"

#include "formatsfixture.h"
#include "tests/testutil.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>

#include <chrono>
#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace paddock::core;
using namespace paddock::test;

namespace {

/** A mutation that moves keypoint 0 of track 1 on \a frame to x (a labeller's edit). */
Mutation moveMutation(const Project &p, int frame, double x)
{
    Mutation m;
    m.kind = Mutation::Kind::Instances;
    m.clip = 0;
    InstanceEdit e;
    e.frame = frame;
    e.trackId = 1;
    if (const Instance *inst = p.clips[0].instance(frame, 1))
        e.before = *inst;
    Instance after = e.before.value_or(Instance());
    after.trackId = 1;
    if (after.keypoints.empty())
        after.keypoints.resize(17);
    after.keypoints[0].x = x;
    after.keypoints[0].y = 12.5;
    after.keypoints[0].visibility = Visibility::Visible;
    after.keypoints[0].source = Source::Manual;
    e.after = after;
    m.instances.push_back(e);
    return m;
}

std::string readAll(const std::string &path)
{
    std::string data, error;
    REQUIRE(readWholeFile(path, &data, &error));
    return data;
}

void writeAll(const std::string &path, const std::string &data)
{
    QFile f(QString::fromStdString(path));
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(data.data(), qint64(data.size())) == qint64(data.size()));
}

/** Pushes a record of \a m on the writer and applies it to \a p (what the Document does). */
void pushEdit(JournalWriter &w, Project *p, Mutation m, const std::string &text, int index)
{
    REQUIRE(applyMutation(p, m, true));
    JournalRecord r;
    r.op = JournalRecord::Op::Push;
    r.text = text;
    r.index = index;
    r.mutations.push_back(std::move(m));
    w.append(std::move(r));
}

} // namespace

TEST_CASE("Journal: records of every kind round-trip and replay to the edited project", "[journal]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/p.paddock";
    std::string error;
    const Project base = makeProject(dir, 20);
    REQUIRE(saveProject(base, path, &error));

    Project edited = base;
    {
        JournalWriter w;
        w.startOnProject(path);
        pushEdit(w, &edited, moveMutation(edited, 2, 100.0), "Move Keypoint", 1);
        pushEdit(w, &edited, moveMutation(edited, 3, 50.0), "Place Keypoint", 2); // frame 3 had no instance

        Mutation tracks;
        tracks.kind = Mutation::Kind::Tracks;
        tracks.clip = 0;
        tracks.tracksBefore = edited.clips[0].tracks;
        tracks.tracksAfter = edited.clips[0].tracks;
        tracks.tracksAfter.push_back(Track{9, 8, "new dog"});
        pushEdit(w, &edited, tracks, "Add Animal", 3);

        Mutation info;
        info.kind = Mutation::Kind::ClipInfo;
        info.clip = 1;
        info.infoBefore = ClipInfo{4, 320, 240, 0.0};
        info.infoAfter = ClipInfo{5, 321, 241, 12.5, true}; // set aside as a version (Clip::setAside)
        REQUIRE(applyMutation(&edited, info, true));
        JournalRecord apply;
        apply.op = JournalRecord::Op::Apply;
        apply.index = 3;
        apply.mutations.push_back(info);
        w.append(apply);

        ClipReview after = edited.clips[0].review;
        ReviewEntry e;
        e.frame = 2;
        e.trackId = 1;
        e.keypoint = 0;
        e.comment = "paw on the rock";
        e.suggested = Point2{3, 4};
        addEntry(&after, e, 1000);
        REQUIRE(startReview(&after, edited.clips[0].frames, "ann", 2000, &error));
        Mutation review;
        review.kind = Mutation::Kind::Review;
        review.clip = 0;
        review.review = diffReview(edited.clips[0].review, after);
        pushEdit(w, &edited, review, "Flag Error", 4);
        w.flush();
        CHECK(w.journalBytes() == QFileInfo(QString::fromStdString(journalPath(path))).size());
    }
    CHECK(journalPath(path) == dir + "/.p.paddock.journal");

    const auto journal = readJournal(journalPath(path), &error);
    REQUIRE(journal);
    CHECK_FALSE(journal->torn);
    REQUIRE(journal->records.size() == 5);
    CHECK(journal->base.kind == JournalBase::Kind::Project);
    CHECK(journal->records[0].text == "Move Keypoint");
    CHECK(journal->records[3].op == JournalRecord::Op::Apply);

    Project replayed = base;
    REQUIRE(replayJournalData(&replayed, journal->records, &error));
    CHECK(replayed == edited);
    const JournalHistory h = replayJournalHistory(journal->records);
    CHECK(h.commands == std::vector<std::string>{"Move Keypoint", "Place Keypoint", "Add Animal", "Flag Error"});
    CHECK(h.index == 4);

    // Backward through the recorded before states gets the base back.
    for (auto r = journal->records.rbegin(); r != journal->records.rend(); ++r)
        for (auto m = r->mutations.rbegin(); m != r->mutations.rend(); ++m)
            REQUIRE(applyMutation(&replayed, *m, false));
    CHECK(replayed == base);

    const auto found = findRecovery(path);
    REQUIRE(found);
    CHECK(found->basePath == path);
    const auto recovered = loadRecovery(*found, &error);
    REQUIRE(recovered);
    CHECK(*recovered == edited);
}

TEST_CASE("Journal: a torn or corrupt last record is ignored, never fatal", "[journal]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/p.paddock";
    std::string error;
    Project p = makeProject(dir, 10);
    REQUIRE(saveProject(p, path, &error));
    const std::string jpath = journalPath(path);
    std::int64_t twoRecords = 0;
    {
        JournalWriter w;
        w.startOnProject(path);
        for (int i = 0; i < 2; ++i)
            pushEdit(w, &p, moveMutation(p, 2 * i, 10.0 + i), "Move Keypoint", i + 1);
        w.flush();
        twoRecords = QFileInfo(QString::fromStdString(jpath)).size();
        pushEdit(w, &p, moveMutation(p, 4, 12.0), "Move Keypoint", 3);
    }
    const std::string whole = readAll(jpath);
    const auto full = readJournal(jpath, &error);
    REQUIRE(full);
    REQUIRE(full->records.size() == 3);

    // Cut anywhere inside the last record: two records, flagged torn.
    for (std::int64_t cut = twoRecords + 1; cut < std::int64_t(whole.size()); cut += 7) {
        writeAll(jpath, whole.substr(0, std::size_t(cut)));
        const auto j = readJournal(jpath, &error);
        INFO("cut at " << cut);
        REQUIRE(j);
        CHECK(j->records.size() == 2);
        CHECK(j->torn);
        CHECK(j->validBytes == twoRecords);
    }
    // A flipped byte in the last record's payload: the checksum catches it.
    std::string bad = whole;
    bad[bad.size() - 5] ^= 0x20;
    writeAll(jpath, bad);
    auto j = readJournal(jpath, &error);
    REQUIRE(j);
    CHECK(j->records.size() == 2);
    CHECK(j->tornReason == "checksum mismatch");
    // A record with a valid checksum whose payload nests 100,000 levels deep: damage, never parsed.
    {
        std::string body = std::string(100000, '[') + std::string(100000, ']');
        std::uint32_t c = 0xFFFFFFFFu;
        for (char ch : body) {
            c ^= std::uint8_t(ch);
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        c ^= 0xFFFFFFFFu;
        std::string framed;
        for (std::uint32_t v : {std::uint32_t(body.size()), c})
            for (int i = 0; i < 4; ++i)
                framed.push_back(char((v >> (8 * i)) & 0xFF));
        writeAll(jpath, whole + framed + body);
        j = readJournal(jpath, &error);
        REQUIRE(j);
        CHECK(j->records.size() == 3);
        CHECK(j->torn);
        CHECK(j->tornReason == "not JSON");
    }
    // Garbage appended after whole records (a block of zeros from a crash): ignored.
    writeAll(jpath, whole + std::string(100, '\0'));
    j = readJournal(jpath, &error);
    REQUIRE(j);
    CHECK(j->records.size() == 3);
    CHECK(j->torn);

    // Resuming cuts the torn tail and appends after the last whole record.
    writeAll(jpath, whole.substr(0, whole.size() - 3));
    {
        JournalWriter w;
        w.resume(path, twoRecords);
        JournalRecord r;
        r.op = JournalRecord::Op::Index;
        r.index = 1;
        w.append(r);
    }
    j = readJournal(jpath, &error);
    REQUIRE(j);
    CHECK_FALSE(j->torn);
    REQUIRE(j->records.size() == 3);
    CHECK(j->records[2].op == JournalRecord::Op::Index);

    // No header at all: a clear error, not a crash.
    writeAll(jpath, std::string("PDKJRNL1") + "\x05\x00");
    CHECK_FALSE(readJournal(jpath, &error));
    CHECK(error.find("header") != std::string::npos);
    writeAll(jpath, "not a journal");
    CHECK_FALSE(readJournal(jpath, &error));
}

TEST_CASE("Journal: recovery uses the journal only on the file it was written against", "[journal]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/p.paddock";
    std::string error;
    Project p = makeProject(dir, 10);
    REQUIRE(saveProject(p, path, &error));

    // A journal with no edits on an unchanged project: nothing to recover.
    {
        JournalWriter w;
        w.startOnProject(path);
    }
    CHECK_FALSE(findRecovery(path));

    // With an edit: offered, on the project file.
    {
        JournalWriter w;
        w.startOnProject(path);
        pushEdit(w, &p, moveMutation(p, 0, 77.0), "Move Keypoint", 1);
    }
    REQUIRE(findRecovery(path));
    CHECK(findRecovery(path)->journal);

    // The project file was replaced since (saved elsewhere): the journal no longer applies.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Project other = makeProject(dir, 12, 99);
    REQUIRE(saveProject(other, path, &error));
    CHECK_FALSE(findRecovery(path));

    // A snapshot: the journal restarts on the autosave, which holds unsaved work by itself.
    {
        JournalWriter w;
        bool written = false;
        w.onSnapshotWritten = [&written](bool ok, const std::string &) { written = ok; };
        w.startOnSnapshot(p, path, true);
        pushEdit(w, &p, moveMutation(p, 4, 5.0), "Move Keypoint", 1);
        w.flush();
        CHECK(written);
    }
    auto found = findRecovery(path);
    REQUIRE(found);
    CHECK(found->basePath == autosavePath(path));
    auto recovered = loadRecovery(*found, &error);
    REQUIRE(recovered);
    CHECK(*recovered == p);

    // Killed between the journal's switch and the snapshot's rename: the pending snapshot is the base.
    REQUIRE(QFile::rename(QString::fromStdString(autosavePath(path)),
                          QString::fromStdString(autosavePath(path) + ".new")));
    found = findRecovery(path);
    REQUIRE(found);
    CHECK(found->basePath == autosavePath(path) + ".new");
    recovered = loadRecovery(*found, &error);
    REQUIRE(recovered);
    CHECK(*recovered == p);

    CHECK(discardRecovery(path));
    CHECK_FALSE(findRecovery(path));
    CHECK_FALSE(QFileInfo::exists(QString::fromStdString(journalPath(path))));
}

TEST_CASE("Journal: compacting by snapshot keeps the journal short and recovery exact", "[journal]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/p.paddock";
    std::string error;
    Project p = makeProject(dir, 30);
    REQUIRE(saveProject(p, path, &error));
    JournalWriter w;
    w.startOnProject(path);
    for (int i = 0; i < 50; ++i)
        pushEdit(w, &p, moveMutation(p, i % 30, double(i)), "Move Keypoint", i + 1);
    w.flush();
    const std::int64_t before = w.journalBytes();
    w.startOnSnapshot(p, path, true);
    pushEdit(w, &p, moveMutation(p, 1, 1234.0), "Move Keypoint", 1);
    w.flush();
    CHECK(w.journalBytes() < before / 10);
    const auto found = findRecovery(path);
    REQUIRE(found);
    const auto recovered = loadRecovery(*found, &error);
    REQUIRE(recovered);
    CHECK(*recovered == p);
    CHECK(found->journal->records.size() == 1);
}

TEST_CASE("Review delta: holds only what changed and undoes and redoes exactly", "[journal][review]")
{
    Project p = makeProject(tempDir(), 40);
    ClipReview r0;
    std::string error;
    for (int i = 0; i < 20; ++i) {
        ReviewEntry e;
        e.frame = i;
        e.trackId = 1;
        e.keypoint = i % 17;
        addEntry(&r0, e, 100 + i);
    }
    REQUIRE(startReview(&r0, p.clips[0].frames, "rev", 500, &error));

    // Flag one more: one entry stored, no snapshot.
    ClipReview r1 = r0;
    ReviewEntry e;
    e.frame = 7;
    e.trackId = 2;
    addEntry(&r1, e, 600);
    ReviewDelta d = diffReview(r0, r1);
    CHECK(d.storedItems() == 1);
    CHECK(d.storedSnapshotInstances() == 0);

    // Remove one in the middle, fix another, return the clip: two entries and one round, without its snapshot.
    ClipReview r2 = r1;
    REQUIRE(removeEntry(&r2, r2.entries[5].id, &error));
    REQUIRE(markFixed(&r2, r2.entries[8].id, "lab", 700, &error));
    REQUIRE(returnToLabeller(&r2, 800, &error));
    ReviewDelta d2 = diffReview(r1, r2);
    CHECK(d2.storedItems() == 1 + 2 + 2);
    CHECK(d2.storedSnapshotInstances() == 0);

    ClipReview x = r0;
    applyReviewDelta(&x, d, true);
    CHECK(x == r1);
    applyReviewDelta(&x, d2, true);
    CHECK(x == r2);
    applyReviewDelta(&x, d2, false);
    CHECK(x == r1);
    applyReviewDelta(&x, d, false);
    CHECK(x == r0);

    // A new round keeps its snapshot once (after), the undo needs none.
    ClipReview r3;
    REQUIRE(startReview(&r3, p.clips[0].frames, "rev", 900, &error));
    const ReviewDelta d3 = diffReview(ClipReview(), r3);
    std::size_t instances = 0;
    for (const auto &[f, list] : p.clips[0].frames)
        instances += list.size();
    CHECK(d3.storedSnapshotInstances() == instances);
    ClipReview y;
    applyReviewDelta(&y, d3, true);
    CHECK(y == r3);
    applyReviewDelta(&y, inverse(Mutation{Mutation::Kind::Review, 0, {}, {}, {}, {}, {}, d3}).review, true);
    CHECK(y == ClipReview());
}

TEST_CASE("Journal: a write that fails (disk full) is reported and leaves the journal readable", "[journal]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/p.paddock";
    std::string error;
    Project p = makeProject(dir, 10);
    REQUIRE(saveProject(p, path, &error));
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        // The child can write files of at most 2,000 bytes: the second record does not fit.
        signal(SIGXFSZ, SIG_IGN);
        int code = 0;
        {
            JournalWriter w;
            w.onError = [&code](const std::string &e) { code = e.find("p.paddock.journal") != std::string::npos ? 10 : 11; };
            w.startOnProject(path);
            w.flush();
            const rlimit limit{2000, 2000};
            setrlimit(RLIMIT_FSIZE, &limit);
            pushEdit(w, &p, moveMutation(p, 0, 1.0), "Move Keypoint", 1);
            Mutation big = moveMutation(p, 2, 2.0);
            big.instances.resize(30, big.instances.front());
            pushEdit(w, &p, big, "Propagate", 2);
            w.flush();
            if (w.active())
                code = 12; // a failed journal must say so (the GUI then writes a snapshot)
        }
        _exit(code);
    }
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 10);
    const auto j = readJournal(journalPath(path), &error);
    REQUIRE(j);
    CHECK_FALSE(j->torn); // the partial record was cut off
    REQUIRE(j->records.size() == 1);
    CHECK(j->records[0].text == "Move Keypoint");
}
