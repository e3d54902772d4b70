// SPDX-License-Identifier: Apache-2.0
// paddock bench checks [FILE] [--repeat N]: how long the automatic checks take on a labelled clip.
#include "app/commands.h"

#include "core/checks/checks.h"
#include "core/io/coco.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <vector>

namespace paddock::app {

namespace {

QString defaultFile()
{
    QStringList candidates;
    if (const QByteArray env = qgetenv("PADDOCK_SHARED"); !env.isEmpty())
        candidates << QString::fromLocal8Bit(env) + QStringLiteral("/eval/flies/gt.json");
    candidates << QStringLiteral("../shared/eval/flies/gt.json") << QStringLiteral("shared/eval/flies/gt.json");
    for (const QString &c : candidates)
        if (QFileInfo::exists(c))
            return c;
    return {};
}

/** Median, min and max of \a v in milliseconds, as text. */
QString stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return QStringLiteral("median %1 ms, min %2 ms, max %3 ms")
        .arg(v[v.size() / 2], 0, 'f', 2)
        .arg(v.front(), 0, 'f', 2)
        .arg(v.back(), 0, 'f', 2);
}

} // namespace

int runBenchChecks(const QStringList &args)
{
    QString file;
    int repeat = 20;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--repeat") && i + 1 < args.size()) {
            repeat = std::max(1, args[++i].toInt());
        } else if (args[i].startsWith(QLatin1String("-")) || !file.isEmpty()) {
            printError(tr("paddock bench checks: unexpected argument '%1'").arg(args[i]));
            return kExitBadInput;
        } else {
            file = args[i];
        }
    }
    if (file.isEmpty())
        file = defaultFile();
    if (file.isEmpty()) {
        printError(tr("paddock bench checks: give a labels file (../shared/eval/flies/gt.json was not found)"));
        return kExitBadInput;
    }
    QElapsedTimer timer;
    timer.start();
    std::string error;
    const auto project = core::readCocoFile(file.toStdString(), &error);
    if (!project) {
        printError(tr("paddock bench checks: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const double loadMs = timer.nsecsElapsed() / 1e6;
    int frames = 0, animals = 0, points = 0;
    for (const core::Clip &c : project->clips) {
        frames += c.effectiveFrameCount();
        for (const auto &[f, list] : c.frames)
            for (const core::Instance &inst : list) {
                ++animals;
                points += inst.labelledCount();
            }
    }
    printOut(tr("file: %1 (%2 clips, %3 frames, %4 animals, %5 points), read in %6 ms")
                 .arg(file)
                 .arg(project->clips.size())
                 .arg(frames)
                 .arg(animals)
                 .arg(points)
                 .arg(loadMs, 0, 'f', 1));
    auto timeChecks = [&](const core::CheckOptions &options, std::size_t *found) {
        std::vector<double> ms;
        for (int r = 0; r < repeat; ++r) {
            timer.restart();
            std::size_t n = 0;
            for (const core::Clip &c : project->clips)
                n += core::runChecks(c, project->categories, options).size();
            ms.push_back(timer.nsecsElapsed() / 1e6);
            *found = n;
        }
        return ms;
    };
    std::size_t found = 0;
    const auto all = timeChecks(core::CheckOptions(), &found);
    printOut(tr("all checks: %1 over %2 runs; %3 findings").arg(stats(all)).arg(repeat).arg(found));
    for (core::FindingKind kind : core::allFindingKinds()) {
        core::CheckOptions one;
        one.kinds = {kind};
        const auto ms = timeChecks(one, &found);
        printOut(QStringLiteral("  %1: %2; %3 findings")
                     .arg(QLatin1String(core::findingKindName(kind)), -18)
                     .arg(stats(ms))
                     .arg(found));
    }
    return kExitOk;
}

} // namespace paddock::app
