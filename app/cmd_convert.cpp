// SPDX-License-Identifier: Apache-2.0
// paddock convert IN OUT --to coco|aptv2|dlc|paddock|paddockdb [--clip CLIP] [--frames DIR] [--lenient] ...
#include "app/commands.h"

#include "core/io/coco.h"
#include "core/io/dlc.h"
#include "core/io/projectfile.h"
#include "core/store/projectstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace paddock::app {

namespace {

const char *kConvertUsage =
    "usage: paddock convert IN OUT --to coco|aptv2|dlc|paddock|paddockdb [--clip CLIP] [--frames DIR]\n"
    "                       [--lenient] [--user-labels-only] [--no-extras] [--scorer NAME]\n"
    "  IN: COCO/AP-10K or APTv2 JSON, DeepLabCut CollectedData CSV, a .paddock project or a .paddockdb\n"
    "      project store (told by content)\n"
    "  --to paddockdb     a project store (SQLite; OUT ending .paddockdb chooses it too)\n"
    "  --clip CLIP        only this clip (name, file name, path or 0-based index); with one clip in IN and\n"
    "                     CLIP an existing video or folder, that clip is taken to be CLIP\n"
    "  --frames DIR       APTv2 from a video: write its frames as images here (default: OUT's folder/frames);\n"
    "                     DLC: DIR is a DeepLabCut project: its labeled-data/VIDEO/ gets the CSV and the images\n"
    "  --lenient          import the valid part of a damaged COCO file and list what was skipped\n"
    "  --user-labels-only leave out tracker output (propagated, refined, interpolated points)\n"
    "  --no-extras        plain COCO: no keypoint_scores, keypoint_sources, track_id, frame_id\n"
    "  --scorer NAME      DeepLabCut scorer name (default: paddock)\n"
    "  --dlc-layout L     single or multi (DeepLabCut header rows; default: multi when the clip has several animals)\n"
    "  dlc OUT: a .csv file, or a folder taken as a DeepLabCut project (OUT/labeled-data/VIDEO/CollectedData_NAME.csv)\n";

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

enum class InFormat { Coco, Dlc, Project, Store, Unknown };

InFormat detectFormat(const QString &path)
{
    if (store::isStoreFile(path.toStdString()))
        return InFormat::Store;
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("paddock") || path.endsWith(QLatin1String(".paddock.autosave")))
        return InFormat::Project;
    if (ext == QLatin1String("csv"))
        return InFormat::Dlc;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return InFormat::Unknown;
    const QByteArray head = f.read(4096).trimmed();
    if (head.startsWith('{'))
        return head.contains("\"paddock-project\"") ? InFormat::Project : InFormat::Coco;
    if (head.toLower().startsWith("scorer"))
        return InFormat::Dlc;
    return ext == QLatin1String("json") ? InFormat::Coco : InFormat::Unknown;
}

/** Keeps only the clip \a which names; false with a message when none matches. */
bool selectClip(core::Project *p, const QString &which, QString *error)
{
    const std::string w = which.toStdString();
    const QString abs = QFileInfo(which).absoluteFilePath();
    for (std::size_t i = 0; i < p->clips.size(); ++i) {
        const core::Clip &c = p->clips[i];
        const bool byIndex = which == QString::number(i);
        if (c.name == w || byIndex || QFileInfo(qs(c.path)).fileName() == which
            || QFileInfo(qs(c.path)).absoluteFilePath() == abs) {
            core::Clip keep = c;
            p->clips = {keep};
            return true;
        }
    }
    if (p->clips.size() == 1 && QFileInfo::exists(which)) {
        p->clips[0].path = abs.toStdString(); // the labels belong to this video or folder
        return true;
    }
    QStringList names;
    for (const core::Clip &c : p->clips)
        names << qs(c.name);
    *error = QStringLiteral("paddock convert: no clip '%1' in the input (clips: %2)")
                 .arg(which, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")));
    return false;
}

} // namespace

int runConvert(const QStringList &args)
{
    QStringList positional;
    QString to, clip, frames, scorer = QStringLiteral("paddock"), dlcLayout;
    bool lenient = false, userOnly = false, extras = true;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&](QString *out) {
            if (i + 1 >= args.size())
                return false;
            *out = args[++i];
            return true;
        };
        bool ok = true;
        if (a == QLatin1String("--to"))
            ok = value(&to);
        else if (a == QLatin1String("--clip"))
            ok = value(&clip);
        else if (a == QLatin1String("--frames"))
            ok = value(&frames);
        else if (a == QLatin1String("--scorer"))
            ok = value(&scorer);
        else if (a == QLatin1String("--dlc-layout"))
            ok = value(&dlcLayout);
        else if (a == QLatin1String("--lenient"))
            lenient = true;
        else if (a == QLatin1String("--user-labels-only"))
            userOnly = true;
        else if (a == QLatin1String("--no-extras"))
            extras = false;
        else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printOut(QString::fromLatin1(kConvertUsage).trimmed());
            return kExitOk;
        } else if (a.startsWith(QLatin1String("--"))) {
            printError(QStringLiteral("paddock convert: unknown option %1").arg(a));
            printError(QString::fromLatin1(kConvertUsage).trimmed());
            return kExitBadInput;
        } else
            positional << a;
        if (!ok) {
            printError(QStringLiteral("paddock convert: %1 needs a value").arg(a));
            return kExitBadInput;
        }
    }
    if (positional.size() != 2) {
        printError(QString::fromLatin1(kConvertUsage).trimmed());
        return kExitBadInput;
    }
    const QString in = positional[0], out = positional[1];
    if (to.isEmpty()) {
        const QString ext = QFileInfo(out).suffix().toLower();
        to = ext == QLatin1String("csv") ? QStringLiteral("dlc")
            : ext == QLatin1String("paddock") ? QStringLiteral("paddock")
            : ext == QLatin1String("paddockdb") ? QStringLiteral("paddockdb") : QString();
    }
    const QStringList targets = {QStringLiteral("coco"), QStringLiteral("aptv2"), QStringLiteral("dlc"),
                                 QStringLiteral("paddock"), QStringLiteral("paddockdb")};
    if (!targets.contains(to)) {
        printError(QStringLiteral("paddock convert: --to must be one of coco, aptv2, dlc, paddock, paddockdb%1")
                       .arg(to.isEmpty() ? QString() : QStringLiteral(" (not '%1')").arg(to)));
        return kExitBadInput;
    }
    if (!dlcLayout.isEmpty() && dlcLayout != QLatin1String("single") && dlcLayout != QLatin1String("multi")) {
        printError(QStringLiteral("paddock convert: --dlc-layout must be single or multi (not '%1')").arg(dlcLayout));
        return kExitBadInput;
    }
    if (!QFileInfo(in).isFile()) {
        printError(QFileInfo(in).isDir() ? tr("%1: is a folder, not a file").arg(in)
                   : QFileInfo::exists(in) ? tr("%1: is not a regular file").arg(in)
                                           : tr("%1: no such file").arg(in));
        return kExitBadInput;
    }
    std::string error;
    if (!core::checkWritable(QFileInfo(out).absoluteFilePath().toStdString(), &error)) {
        printError(QString::fromStdString(error));
        return kExitBadInput;
    }

    std::optional<core::Project> project;
    core::ReadReport report;
    switch (detectFormat(in)) {
    case InFormat::Coco:
        project = core::readCocoFile(in.toStdString(), &error, &report, lenient);
        break;
    case InFormat::Dlc:
        project = core::readDlcCsv(in.toStdString(), &error);
        break;
    case InFormat::Project:
        project = core::loadProject(in.toStdString(), &error);
        break;
    case InFormat::Store:
        project = store::loadStore(in.toStdString(), &error);
        break;
    case InFormat::Unknown:
        error = in.toStdString()
            + ": not a format paddock reads (COCO/APTv2 JSON, DeepLabCut CSV, .paddock, .paddockdb)";
        break;
    }
    if (!project) {
        printError(qs(error));
        return kExitBadInput;
    }
    for (const std::string &problem : report.problems)
        printError(QStringLiteral("warning: %1").arg(qs(problem)));
    for (const std::string &note : report.notes)
        printError(QStringLiteral("note: %1").arg(qs(note)));
    QString clipError;
    if (!clip.isEmpty() && !selectClip(&*project, clip, &clipError)) {
        printError(clipError);
        return kExitBadInput;
    }

    bool ok = false;
    const std::string outPath = QFileInfo(out).absoluteFilePath().toStdString();
    core::DlcWriteReport dlcReport;
    if (to == QLatin1String("dlc")) {
        core::DlcWriteOptions opt;
        opt.scorer = scorer.toStdString();
        opt.propagated = !userOnly;
        opt.layout = dlcLayout == QLatin1String("single") ? core::DlcWriteOptions::Layout::SingleAnimal
            : dlcLayout == QLatin1String("multi")         ? core::DlcWriteOptions::Layout::MultiAnimal
                                                          : core::DlcWriteOptions::Layout::Auto;
        const bool csvOut = QFileInfo(out).suffix().toLower() == QLatin1String("csv");
        if (!frames.isEmpty()) {
            // A DeepLabCut project folder: labeled-data/VIDEO/ with the images and the CSV that names them.
            opt.writeImages = true;
            ok = core::writeDlcProject(*project, QFileInfo(frames).absoluteFilePath().toStdString(), opt, &dlcReport,
                                       &error);
            if (ok && csvOut) {
                core::DlcWriteReport copy; // the same rows again, at OUT
                ok = core::writeDlcCsv(*project, outPath, opt, &copy, &error);
            }
        } else if (csvOut) {
            ok = core::writeDlcCsv(*project, outPath, opt, &dlcReport, &error);
        } else {
            ok = core::writeDlcProject(*project, outPath, opt, &dlcReport, &error);
        }
    } else if (to == QLatin1String("paddock")) {
        QDir().mkpath(QFileInfo(out).absolutePath());
        ok = core::saveProject(*project, outPath, &error);
    } else if (to == QLatin1String("paddockdb")) {
        QDir().mkpath(QFileInfo(out).absolutePath());
        ok = store::saveStore(*project, outPath, &error);
    } else {
        core::CocoWriteOptions opt;
        opt.aptv2 = to == QLatin1String("aptv2");
        opt.extras = extras;
        opt.propagated = !userOnly;
        opt.reviewed = !userOnly;
        opt.videoFrameRefs = false; // a COCO/APTv2 file names image files that exist
        {
            // Video clips (no per-frame images) get their labelled frames written as images.
            for (const core::Clip &c : project->clips)
                if ((c.frameMeta.empty() && QFileInfo::exists(qs(c.path))) || QFileInfo(qs(c.path)).isFile())
                    opt.frameDir = (frames.isEmpty() ? QFileInfo(out).absoluteDir().filePath(QStringLiteral("frames"))
                                                     : QFileInfo(frames).absoluteFilePath())
                                       .toStdString();
        }
        ok = core::writeCocoFile(*project, outPath, opt, &error);
    }
    if (!ok) {
        printError(qs(error));
        return kExitBadInput;
    }
    int frameCount = 0, instances = 0;
    for (const core::Clip &c : project->clips) {
        frameCount += int(c.frames.size());
        for (const auto &[f, list] : c.frames)
            instances += int(list.size());
    }
    if (to == QLatin1String("dlc")) {
        printOut(QStringLiteral("wrote %1 (dlc): %2 row(s), %3 point(s), %4 image(s)")
                     .arg(qs(dlcReport.csvPath))
                     .arg(dlcReport.rows)
                     .arg(dlcReport.points)
                     .arg(dlcReport.images));
        for (const std::string &lost : dlcReport.lost)
            printError(QStringLiteral("note: %1").arg(qs(lost)));
        return kExitOk;
    }
    printOut(QStringLiteral("wrote %1 (%2): %3 clip(s), %4 labelled frame(s), %5 animal instance(s)%6")
                 .arg(out, to)
                 .arg(project->clips.size())
                 .arg(frameCount)
                 .arg(instances)
                 .arg(report.problems.empty() ? QString()
                                              : QStringLiteral(", %1 problem(s) reported").arg(report.problems.size())));
    return kExitOk;
}

} // namespace paddock::app
