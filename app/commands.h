// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDir>
#include <QStringList>

#include <string>

namespace paddock::core {
struct MergeInput;
}

namespace paddock::app {

/** Exit codes of the headless subcommands. */
enum ExitCode { kExitOk = 0, kExitFindings = 1, kExitBadInput = 2 };

/** Each subcommand takes its arguments (without the program and subcommand names) and returns an exit code. */
int runInfo(const QStringList &args);
int runConvert(const QStringList &args);
int runDemo(const QStringList &args);
int runBench(const QStringList &args);
int runPropagate(const QStringList &args);
int runCheck(const QStringList &args);
int runCompare(const QStringList &args);
/** `paddock merge`: joins projects or dataset files, clips matched by identity (app/cmd_merge.cpp). */
int runMerge(const QStringList &args);
/**
 * Reads a project store (.paddockdb, told by content) or what core::readMergeInput reads (a .paddock project, a
 * COCO/APTv2/PoseTrack file) into \a out; false with a message (app/cmd_merge.cpp).
 */
bool readProjectOrDataset(const QString &path, core::MergeInput *out, std::string *error);
/** `paddock bench project`: save/load time and size of a generated project (app/bench_project.cpp). */
int runBenchProject(const QStringList &args);
/** `paddock bench store`: JSON project file against the project store on a dataset (app/bench_project.cpp). */
int runBenchStore(const QStringList &args);
/** `paddock bench cotracker`: parity figures, forward/TTO timings, a tracker run (app/bench_cotracker.cpp). */
int runBenchCoTracker(const QStringList &args);
/** `paddock bench video FILE`: decode speed, random access, cached stepping, peak memory (app/bench_video.cpp). */
int runBenchVideo(const QStringList &args);
/** `paddock bench propagate [GT SPARSE...]`: the default tracker on the fly clip, scored (app/bench_propagate.cpp). */
int runBenchPropagate(const QStringList &args);
/** `paddock bench dataset`: batch propagation of a make_dataset.py dataset vs per-clip runs (app/bench_dataset.cpp). */
int runBenchDataset(const QStringList &args);
/** ../shared/eval (or $PADDOCK_SHARED/eval) when it holds score.py, else empty (app/bench_propagate.cpp). */
QString findEvalRoot();
/** Resets this process's resident-memory high-water mark (Linux); peakRssMiB() reads it, in MiB. */
void resetPeakRss();
double peakRssMiB();
/** `paddock bench checks`: time of the automatic checks on a labels file (app/bench_checks.cpp). */
int runBenchChecks(const QStringList &args);
/** `paddock bench gui [CLIP]`: frame-step latency and playback rate of the GUI (app/bench_gui.cpp). */
int runBenchGui(const QStringList &args);
/** The same with a QApplication of its own; main() routes `bench gui` here. */
int runBenchGuiApp(int argc, char **argv, const QStringList &args);
/** Opens the GUI (optionally on a clip or project path). */
int runGui(int argc, char **argv, const QStringList &paths);

/**
 * Translates a literal message of the command line. lupdate files such tr() calls in free functions under
 * the namespace, so this looks them up there.
 */
QString tr(const char *text);
/** The first video file (mp4, mkv, avi) in \a dir, or an empty string. */
QString findClip(const QDir &dir);

/** Prints a message to stderr with a trailing newline. */
void printError(const QString &message);
void printOut(const QString &message);

} // namespace paddock::app
