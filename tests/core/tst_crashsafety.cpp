// SPDX-License-Identifier: Apache-2.0
// Crash safety: a child process saves and autosaves a project in a loop and is killed (SIGKILL) at random
// moments; the project on disk is always a complete old or new version and recovery offers the latest autosave.
#include "core/io/autosave.h"
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
