// SPDX-License-Identifier: Apache-2.0
// paddock bench NAME ...: dispatches to the benchmarks. Each lives in app/bench_<name>.cpp, is declared in
// app/commands.h and takes one line in kBenches below.
#include "app/commands.h"

#include <QCoreApplication>

#include <iterator>

namespace paddock::app {

namespace {

/** One benchmark: its name after `paddock bench`, its entry point and a one-line usage. */
struct Bench
{
    const char *name;
    int (*run)(const QStringList &args);
    const char *usage;
};

// Add a benchmark with one line here.
const Bench kBenches[] = {
    {"video", runBenchVideo, "FILE [--cache-mb N] [--random N] [--frames N]  decode fps, random access, cached steps, memory;\n"
                             "      --exactness [FILE...] [--dir DIR] [--frames N] [--random N] [--only TEXT]  frames vs the ffmpeg tool's decode"},
    {"project", runBenchProject, "[--clips N] [--frames N] [--animals N] [--runs N]  .paddock save/load/autosave time and size, one edit through the journal (default 1 clip, 1000 x 5)"},
    {"store", runBenchStore, "[--clips N] [--frames N] [--animals N] [--runs N] [--dataset FILE]  .paddock vs .paddockdb: open, save and autosave after one edit, full save, size, memory (default 2749 clips x 15 x 2)"},
    {"checks", runBenchChecks, "[FILE] [--repeat N]  time of the automatic checks (default ../shared/eval/flies/gt.json)"},
    {"propagate", runBenchPropagate, "[--eval DIR] [--clips A,B] [--every 10,25] [--out DIR] [--no-baselines] [--no-refine] [--refine-frames N] [--refine-points M] [--refine-every 10,25] [--step S] [--set KEY=VALUE]  default tracker vs LK blend and linear on every eval clip (--step: cut to frames S apart first): scores, time vs decode, memory, calibration, refine"},
    {"dataset", runBenchDataset, "[--clips N] [--layout shared|per-clip] [--jobs J] [--sample K] [--dir DIR] [--no-shards]  batch propagation of a make_dataset.py dataset vs one process per clip and vs decoding: time, accuracy, shards, memory"},
    {"gui", runBenchGui, "[CLIP] [--frames N] [--steps N] [--interval MS]  frame-step-to-paint latency (warm cache) and playback fps; 1080p frames generated when no CLIP"},
    {"cotracker", runBenchCoTracker, "[--weights FILE] [--fixtures DIR] [--threads N] [--frames T] [--points N] [--clip-frames F]  parity, forward/TTO time, memory"},
};

void printBenchList()
{
    printError(QCoreApplication::translate("Bench", "usage: paddock bench NAME [ARGS]; benchmarks:"));
    for (const Bench &b : kBenches)
        printError(QStringLiteral("  paddock bench %1 %2").arg(QLatin1String(b.name), QLatin1String(b.usage)));
}

} // namespace

int runBench(const QStringList &args)
{
    if (args.isEmpty()) {
        printBenchList();
        return kExitBadInput;
    }
    for (const Bench &b : kBenches) {
        if (args.first() == QLatin1String(b.name))
            return b.run(args.mid(1));
    }
    printError(QCoreApplication::translate("Bench", "paddock bench: unknown benchmark '%1'").arg(args.first()));
    printBenchList();
    return kExitBadInput;
}

} // namespace paddock::app
