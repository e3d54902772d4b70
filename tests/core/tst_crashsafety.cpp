// SPDX-License-Identifier: Apache-2.0
// Crash safety: a child process saves and autosaves a project in a loop and is killed (SIGKILL) at random
// moments; the project on disk is always a complete old or new version and recovery offers the latest autosave.
// A child that edits and is killed a second later: the journal holds every edit and the undo history.
#include "core/io/autosave.h"
#include "core/io/journal.h"
#include "core/io/projectfile.h"

#include "formatsfixture.h"
#include "tests/testutil.h"

#include <catch2/catch.hpp>

#include <QDir>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace paddock::core;
using namespace paddock::test;

namespace {

constexpr int kFrames = 300; // a few hundred kB of JSON: a save takes long enough to be interrupted

/** Version \a k of the project: its own labels, and k in the first clip's name. */
Project projectVersion(const std::string &dir, int k)
{
    Project p = makeProject(dir, kFrames, unsigned(k) + 1);
    p.clips[0].name = "walk-v" + std::to_string(k);
    return p;
}

/** The version stored in a loaded project, -1 when the name does not carry one. */
int versionOf(const Project &p)
{
    if (p.clips.empty() || p.clips[0].name.rfind("walk-v", 0) != 0)
        return -1;
    return std::stoi(p.clips[0].name.substr(6));
}

/** What the child finished: a save (project file) or an autosave, of version k. */
struct Done
{
    int kind; // 0: autosave written, 1: project saved and its autosave discarded, 2: a write begins
    int version;
};

/** The child: autosaves every version, saves every third one (and then drops the autosave), until killed. */
[[noreturn]] void childLoop(const std::string &dir, const std::string &path, int first, int fd)
{
    std::string error;
    for (int k = first;; ++k) {
        // Distinct modification times (milliseconds) between a save and the autosave after it.
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        const Project p = projectVersion(dir, k);
        const Done begin{2, k};
        if (write(fd, &begin, sizeof begin) != sizeof begin)
            _exit(4);
        if (k % 3 == 0) {
            if (!saveProject(p, path, &error) || !discardAutosave(path))
                _exit(3);
            const Done d{1, k};
            if (write(fd, &d, sizeof d) != sizeof d)
                _exit(4);
        } else {
            if (!writeAutosave(p, path, &error))
                _exit(3);
            const Done d{0, k};
            if (write(fd, &d, sizeof d) != sizeof d)
                _exit(4);
        }
    }
}

/** The loaded file equals version \a k exactly (same JSON as freshly written). */
bool isExactly(const Project &loaded, const std::string &dir, int k)
{
    return projectToJson(loaded, dir) == projectToJson(projectVersion(dir, k), dir);
}

} // namespace

TEST_CASE("Crash safety: SIGKILL during save and autosave never leaves a corrupt project", "[crash][projectfile]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/labels.paddock";
    std::string error;
    REQUIRE(saveProject(projectVersion(dir, 0), path, &error));

    int savedVersion = 0;     // last save the child reported complete
    int autosaveVersion = -1; // last autosave the child reported complete and not discarded since
    int next = 1;
    int killedMidWrite = 0;   // kills that came while a save or autosave was being written
    int leftoverFiles = 0;    // kills that left a temporary file behind
    std::mt19937 rng(12345);
    std::uniform_int_distribution<int> delayUs(500, 40000);
    constexpr int kKills = 200;
    for (int round = 0; round < kKills; ++round) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            childLoop(dir, path, next, fds[1]);
        }
        close(fds[1]);
        std::this_thread::sleep_for(std::chrono::microseconds(delayUs(rng)));
        REQUIRE(kill(pid, SIGKILL) == 0);
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFSIGNALED(status)); // the child never stops on its own (an exit code means a failed write)
        Done d;
        int lastDone = next - 1;
        bool writing = false;
        while (read(fds[0], &d, sizeof d) == sizeof d) {
            writing = d.kind == 2;
            if (d.kind == 2)
                continue;
            if (d.kind == 1) {
                savedVersion = d.version;
                autosaveVersion = -1;
            } else {
                autosaveVersion = d.version;
            }
            lastDone = d.version;
        }
        close(fds[0]);
        const int inFlight = lastDone + 1; // the version being written when the kill came

        // The project file: the last complete save, or the save in flight if its rename happened.
        const auto project = loadProject(path, &error);
        INFO("round " << round << ": " << error);
        REQUIRE(project);
        const int v = versionOf(*project);
        const bool inFlightSave = inFlight % 3 == 0 && v == inFlight;
        REQUIRE((v == savedVersion || inFlightSave));
        REQUIRE(isExactly(*project, dir, v));
        if (inFlightSave) {
            savedVersion = v;
            autosaveVersion = -1;
        }

        // Recovery offers the latest complete autosave, when one was written after the last save.
        const auto offered = findRecoverableAutosave(path);
        const std::string autosave = autosavePath(path);
        if (QFile::exists(QString::fromStdString(autosave))) {
            const auto a = loadProject(autosave, &error);
            REQUIRE(a);
            const int av = versionOf(*a);
            REQUIRE(isExactly(*a, dir, av));
            if (av > savedVersion) {
                // The last complete autosave, or the one in flight if its rename happened before the kill.
                REQUIRE((av == autosaveVersion || av == inFlight));
                autosaveVersion = av;
                REQUIRE(offered);
                CHECK(*offered == autosave);
            } else {
                // Left by a save killed between its rename and dropping the autosave: older, not offered.
                REQUIRE(autosaveVersion == -1);
                CHECK_FALSE(offered);
            }
        } else {
            REQUIRE(autosaveVersion == -1);
            CHECK_FALSE(offered);
        }

        // Leftover temporary files mean the kill interrupted a write; they must not be taken for the project.
        const QStringList entries = QDir(QString::fromStdString(dir)).entryList(QDir::Files | QDir::Hidden);
        bool leftover = false;
        for (const QString &name : entries) {
            if (name != QStringLiteral("labels.paddock") && name != QStringLiteral(".labels.paddock.autosave")) {
                leftover = true;
                QFile::remove(QDir(QString::fromStdString(dir)).filePath(name));
            }
        }
        leftoverFiles += leftover ? 1 : 0;
        killedMidWrite += writing ? 1 : 0;
        next = std::max(inFlight + 1, next + 1);
    }
    WARN(kKills << " kills, " << killedMidWrite << " during a write (" << leftoverFiles
                << " left a temporary file); last save v" << savedVersion
                << ", last autosave v" << autosaveVersion);
    CHECK(killedMidWrite > 0); // the kills did land inside writes
}

TEST_CASE("Crash safety: kill -9 one second after an edit loses neither the edit nor its undo history",
          "[crash][journal]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/labels.paddock";
    std::string error;
    const Project base = projectVersion(dir, 0);
    REQUIRE(saveProject(base, path, &error));

    // The child edits as the Document does: each undo step is one record, handed to the journal writer,
    // which writes and flushes it in the background. The child reports each edit made, then idles (no save,
    // no autosave snapshot) until the parent kills it a second after the last edit.
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        Project p = base;
        JournalWriter journal;
        journal.startOnProject(path);
        const auto edit = [&](int frame, double x, const char *text, int index) {
            Mutation m;
            m.kind = Mutation::Kind::Instances;
            m.clip = 0;
            InstanceEdit e{frame, 1, {}, {}};
            if (const Instance *inst = p.clips[0].instance(frame, 1))
                e.before = *inst;
            Instance after = e.before.value_or(Instance());
            after.trackId = 1;
            after.keypoints.resize(std::max<std::size_t>(after.keypoints.size(), 17));
            after.keypoints[3].x = x;
            after.keypoints[3].y = 2 * x;
            after.keypoints[3].visibility = Visibility::Visible;
            after.keypoints[3].source = Source::Manual;
            e.after = after;
            m.instances.push_back(e);
            applyMutation(&p, m, true);
            JournalRecord r;
            r.op = JournalRecord::Op::Push;
            r.text = text;
            r.index = index;
            r.mutations.push_back(m);
            journal.append(std::move(r));
        };
        edit(1, 11.0, "Place Keypoint", 1);
        edit(2, 22.0, "Move Keypoint", 2);
        edit(3, 33.0, "Place Keypoint", 3);
        // Undo the last one (the record carries what the undo changed).
        Mutation undo;
        undo.kind = Mutation::Kind::Instances;
        undo.clip = 0;
        undo.instances.push_back(InstanceEdit{3, 1, p.clips[0].instance(3, 1) ? std::optional<Instance>(*p.clips[0].instance(3, 1)) : std::nullopt,
                                              base.clips[0].instance(3, 1) ? std::optional<Instance>(*base.clips[0].instance(3, 1)) : std::nullopt});
        applyMutation(&p, undo, true);
        JournalRecord r;
        r.op = JournalRecord::Op::Index;
        r.index = 2;
        r.mutations.push_back(undo);
        journal.append(std::move(r));
        const std::string expected = projectToJson(p, dir);
        const std::uint32_t n = std::uint32_t(expected.size());
        if (write(fds[1], &n, sizeof n) != sizeof n || write(fds[1], expected.data(), n) != ssize_t(n))
            _exit(4);
        for (;;)
            pause();
    }
    close(fds[1]);
    std::uint32_t n = 0;
    REQUIRE(read(fds[0], &n, sizeof n) == sizeof n);
    std::string expected(n, '\0');
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = read(fds[0], expected.data() + got, n - got);
        REQUIRE(r > 0);
        got += std::size_t(r);
    }
    close(fds[0]);
    std::this_thread::sleep_for(std::chrono::seconds(1));
    REQUIRE(kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFSIGNALED(status));

    // The project file is untouched; recovery finds the journal and rebuilds the edits and the history.
    const auto project = loadProject(path, &error);
    REQUIRE(project);
    CHECK(projectToJson(*project, dir) == projectToJson(base, dir));
    const auto found = findRecovery(path);
    REQUIRE(found);
    REQUIRE(found->journal);
    CHECK(found->basePath == path);
    CHECK_FALSE(found->journal->torn);
    const auto recovered = loadRecovery(*found, &error);
    REQUIRE(recovered);
    CHECK(projectToJson(*recovered, dir) == expected);
    const JournalHistory history = replayJournalHistory(found->journal->records);
    CHECK(history.commands == std::vector<std::string>{"Place Keypoint", "Move Keypoint", "Place Keypoint"});
    CHECK(history.index == 2); // the third edit was undone and can be redone
}
