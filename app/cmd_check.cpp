// SPDX-License-Identifier: Apache-2.0
// paddock check LABELS.json [--clip CLIP] [--video VIDEO|FRAMES] [--json] [--severity info|warning|error]
#include "app/commands.h"

#include "core/checks/checks.h"
#include "core/checks/imagechecks.h"
#include "core/io/coco.h"
#include "core/io/projectfile.h"
#include "core/video/clipframes.h"
#include "core/video/framesource.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <optional>

namespace paddock::app {

namespace {

/** (image id, track id) pairs that occur more than once in the raw file, with how often. */
std::map<std::pair<std::int64_t, int>, int> duplicateTracks(const std::string &path)
{
    std::map<std::pair<std::int64_t, int>, int> counts, out;
    std::string text, error;
    if (!core::readWholeFile(path, &text, &error))
        return out;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("annotations") || !j["annotations"].is_array())
        return out;
    for (const auto &a : j["annotations"]) {
        if (!a.is_object() || !a.contains("image_id") || !a.contains("track_id") || !a["image_id"].is_number_integer()
            || !a["track_id"].is_number_integer())
            continue;
        ++counts[{a["image_id"].get<std::int64_t>(), a["track_id"].get<int>()}];
    }
    for (const auto &[key, n] : counts)
        if (n > 1)
            out[key] = n;
    return out;
}

/**
 * Reads LABELS strictly. A file whose only problem is an animal repeated with one track id on a frame is read
 * leniently instead, and the repeats are put back into Clip::frames so that the checks report them.
 */
std::optional<core::Project> readLabels(const std::string &path, std::string *error)
{
    if (auto project = core::readCocoFile(path, error))
        return project;
    const auto dups = duplicateTracks(path);
    if (dups.empty())
        return std::nullopt;
    int repeats = 0;
    for (const auto &[key, n] : dups)
        repeats += n - 1;
    core::ReadReport report;
    std::string lenientError;
    auto project = core::readCocoFile(path, &lenientError, &report, true);
    if (!project || int(report.problems.size()) != repeats)
        return std::nullopt; // other problems too: report the strict error
    for (core::Clip &clip : project->clips) {
        for (int f = 0; f < int(clip.frameMeta.size()); ++f) {
            for (const auto &[key, n] : dups) {
                if (clip.frameMeta[f].imageId != key.first)
                    continue;
                if (const core::Instance *inst = clip.instance(f, key.second)) {
                    const core::Instance copy = *inst;
                    for (int i = 1; i < n; ++i)
                        clip.frames[f].push_back(copy);
                }
            }
        }
    }
    return project;
}

} // namespace

const char *const kCheckUsage = QT_TRANSLATE_NOOP("paddock::app",
                                                  "usage: paddock check LABELS.json [--clip CLIP] [--video VIDEO|FRAMES] "
                                                  "[--json] [--severity info|warning|error]");

int runCheck(const QStringList &args)
{
    QString file, clipName, video;
    bool json = false;
    core::Severity minSeverity = core::Severity::Info;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--clip") && i + 1 < args.size()) {
            clipName = args[++i];
        } else if (a == QLatin1String("--video") && i + 1 < args.size()) {
            video = args[++i];
        } else if (a == QLatin1String("--severity") && i + 1 < args.size()) {
            const QString s = args[++i];
            if (s == QLatin1String("info"))
                minSeverity = core::Severity::Info;
            else if (s == QLatin1String("warning"))
                minSeverity = core::Severity::Warning;
            else if (s == QLatin1String("error"))
                minSeverity = core::Severity::Error;
            else {
                printError(tr("paddock check: --severity must be info, warning or error, not '%1'").arg(s));
                return kExitBadInput;
            }
        } else if (a.startsWith(QLatin1String("-")) || !file.isEmpty()) {
            printError(tr("paddock check: unexpected argument '%1'").arg(a));
            printError(tr(kCheckUsage));
            return kExitBadInput;
        } else {
            file = a;
        }
    }
    if (file.isEmpty()) {
        printError(tr(kCheckUsage));
        return kExitBadInput;
    }
    std::string error;
    const auto project = readLabels(file.toStdString(), &error);
    if (!project) {
        printError(tr("paddock check: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    std::vector<const core::Clip *> clips;
    for (const core::Clip &c : project->clips) {
        if (clipName.isEmpty() || QString::fromStdString(c.name) == clipName
            || QFileInfo(QString::fromStdString(c.path)).fileName() == clipName
            || QString::number(c.videoId) == clipName)
            clips.push_back(&c);
    }
    if (clips.empty()) {
        QStringList names;
        for (const core::Clip &c : project->clips)
            names << QString::fromStdString(c.name);
        printError(tr("paddock check: %1 has no clip '%2' (clips: %3)")
                       .arg(file, clipName, names.join(QStringLiteral(", "))));
        return kExitBadInput;
    }
    if (!video.isEmpty() && clips.size() > 1) {
        printError(tr("paddock check: %1 has %2 clips; say which one --video shows with --clip")
                       .arg(file)
                       .arg(clips.size()));
        return kExitBadInput;
    }
    // The image checks read the frames: open them first, so that a wrong path is reported before any finding.
    std::unique_ptr<core::FrameSource> frames;
    if (!video.isEmpty()) {
        const core::Clip &own = *clips.front();
        // An image-list clip named by its folder is its own files, not the folder's.
        frames = own.isImageList() && QFileInfo(QString::fromStdString(own.path)) == QFileInfo(video)
            ? core::openClipFrames(own, &error)
            : core::FrameSource::open(video.toStdString(), &error);
        if (!frames) {
            printError(tr("paddock check: %1").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
        const core::Clip &c = *clips.front();
        if (!c.frames.empty() && c.frames.rbegin()->first >= frames->info().frameCount) {
            printError(tr("paddock check: %1 labels frame %2, but %3 has %4 frames")
                           .arg(file)
                           .arg(c.frames.rbegin()->first)
                           .arg(video)
                           .arg(frames->info().frameCount));
            return kExitBadInput;
        }
    }
    int total = 0;
    for (const core::Clip *clip : clips) {
        std::vector<core::Finding> findings = core::runChecks(*clip, project->categories);
        if (frames) {
            int lastPercent = -1;
            const core::CheckProgressFn progress = [&](int done, int all) {
                const int percent = all > 0 ? 100 * done / all : 0;
                if (percent != lastPercent && !json) {
                    lastPercent = percent;
                    std::fprintf(stderr, "\r%s   ", tr("checking frames: %1%").arg(percent).toLocal8Bit().constData());
                    std::fflush(stderr);
                }
            };
            const bool ok = core::runImageChecks(*clip, project->categories, *frames, core::ImageCheckOptions(),
                                                 &findings, &error, progress);
            if (!json)
                std::fputc('\n', stderr);
            if (!ok) {
                printError(tr("paddock check: %1: %2").arg(video, QString::fromStdString(error)));
                return kExitBadInput;
            }
        }
        for (const core::Finding &f : findings) {
            if (f.severity < minSeverity)
                continue;
            ++total;
            if (json)
                printOut(QString::fromStdString(core::findingToJson(f, clip->name).dump()));
            else if (clips.size() > 1)
                printOut(QStringLiteral("%1: %2").arg(QString::fromStdString(clip->name),
                                                      QString::fromStdString(core::findingToText(f))));
            else
                printOut(QString::fromStdString(core::findingToText(f)));
        }
    }
    if (!json)
        printError(QCoreApplication::translate("Check", "%n finding(s) in %1", nullptr, total).arg(file));
    return total ? kExitFindings : kExitOk;
}

} // namespace paddock::app
