// SPDX-License-Identifier: Apache-2.0
// paddock merge A B ... --out M [--report R.json] [--no-hash]: joins projects or COCO/APTv2 files of one
// dataset (labellers' work, or the shards of `paddock propagate --shard`), clips matched by identity.
#include "app/commands.h"

#include "core/io/atomicfile.h"
#include "core/io/coco.h"
#include "core/io/merge.h"
#include "core/io/projectfile.h"
#include "core/store/projectstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <optional>

#include <nlohmann/json.hpp>

namespace paddock::app {

namespace {

const char *kUsage = QT_TRANSLATE_NOOP(
    "Merge", "usage: paddock merge A B ... --out MERGED.json|MERGED.paddock|MERGED.paddockdb [--report REPORT.json]\n"
             "                     [--base ORIGINAL] [--no-hash]\n"
             "  joins projects, project stores (.paddockdb) or COCO/APTv2 files of the same dataset; clips are\n"
             "  matched by file name, frame count and a hash of their frame files (--no-hash: name and frame\n"
             "  count only, no reads); their video, image and annotation ids are kept (renumbered, and said, only\n"
             "  where two different clips hold the same id). A clip\n"
             "  labelled differently in two inputs is kept as two versions (a project keeps both; a COCO/APTv2\n"
             "  output is refused until one is chosen). --base: the file every input started from; a copy\n"
             "  still equal to it does not stand against another input's edit.");

} // namespace

bool readProjectOrDataset(const QString &path, core::MergeInput *out, std::string *error)
{
    const std::string p = path.toStdString();
    if (!store::isStoreFile(p))
        return core::readMergeInput(p, out, error);
    std::optional<core::Project> db = store::loadStore(p, error);
    if (!db)
        return false;
    out->path = p;
    out->project = std::move(*db);
    return true;
}

int runMerge(const QStringList &args)
{
    QStringList files;
    QString out, reportPath, basePath;
    core::MergeOptions options;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--out") && i + 1 < args.size()) {
            out = args[++i];
        } else if (a == QLatin1String("--report") && i + 1 < args.size()) {
            reportPath = args[++i];
        } else if (a == QLatin1String("--base") && i + 1 < args.size()) {
            basePath = args[++i];
        } else if (a == QLatin1String("--no-hash")) {
            options.hashContent = false;
        } else if (a.startsWith(QLatin1String("-"))) {
            printError(tr("paddock merge: unknown option '%1'").arg(a));
            printError(QCoreApplication::translate("Merge", kUsage));
            return kExitBadInput;
        } else {
            files << a;
        }
    }
    if (files.isEmpty() || out.isEmpty()) {
        printError(QCoreApplication::translate("Merge", kUsage));
        return kExitBadInput;
    }
    std::string error;
    // Both outputs must be writable before any work, and nothing is written unless everything succeeds.
    for (const QString &target : {out, reportPath})
        if (!target.isEmpty() && !core::checkWritable(QFileInfo(target).absoluteFilePath().toStdString(), &error)) {
            printError(tr("paddock merge: %1").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
    QElapsedTimer timer;
    timer.start();
    std::vector<core::MergeInput> inputs(std::size_t(files.size()));
    for (int i = 0; i < files.size(); ++i)
        if (!readProjectOrDataset(files[i], &inputs[std::size_t(i)], &error)) {
            printError(tr("paddock merge: %1; nothing written").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
    core::MergeInput base;
    if (!basePath.isEmpty()) {
        if (!readProjectOrDataset(basePath, &base, &error)) {
            printError(tr("paddock merge: --base %1; nothing written").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
        options.base = &base.project;
    }
    const double readSeconds = timer.nsecsElapsed() / 1e9;
    core::Project merged;
    core::ProjectMergeReport report;
    if (!core::mergeProjects(inputs, &merged, &report, &error, options)) {
        printError(tr("paddock merge: %1; nothing written").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const double mergeSeconds = timer.nsecsElapsed() / 1e9 - readSeconds;
    for (const std::string &line : core::mergeReportToText(report))
        printOut(QString::fromStdString(line));

    const bool project = QFileInfo(out).suffix().compare(QLatin1String("paddock"), Qt::CaseInsensitive) == 0;
    bool ok = false;
    if (store::hasStoreSuffix(out.toStdString())) {
        ok = store::saveStore(merged, QFileInfo(out).absoluteFilePath().toStdString(), &error);
    } else if (project) {
        ok = core::saveProject(merged, out.toStdString(), &error);
    } else {
        core::CocoWriteOptions wo;
        wo.aptv2 = true;
        wo.extras = true;
        ok = core::writeCocoFile(merged, out.toStdString(), wo, &error);
        if (!ok && report.versions > 0)
            error += " (" + tr("write a .paddock project to keep both versions for review").toStdString() + ")";
    }
    if (!ok) {
        printError(tr("paddock merge: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    if (!reportPath.isEmpty()) {
        nlohmann::json j = core::mergeReportToJson(report);
        j["output"] = out.toStdString();
        if (!core::writeFileAtomically(reportPath.toStdString(), j.dump(1) + "\n", &error)) {
            printError(tr("paddock merge: %1 (the merged file %2 was written)").arg(QString::fromStdString(error), out));
            return kExitBadInput;
        }
    }
    printError(tr("merged %1 inputs into %2 clips in %3 s (reading %4 s, matching %5 s); wrote %6")
                   .arg(files.size())
                   .arg(merged.clips.size())
                   .arg(timer.nsecsElapsed() / 1e9, 0, 'f', 2)
                   .arg(readSeconds, 0, 'f', 2)
                   .arg(mergeSeconds, 0, 'f', 2)
                   .arg(out));
    return report.versions > 0 ? kExitFindings : kExitOk;
}

} // namespace paddock::app
