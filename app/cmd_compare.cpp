// SPDX-License-Identifier: Apache-2.0
// paddock compare A.json B.json [--json] [--worst N]
#include "app/commands.h"

#include "core/checks/agreement.h"
#include "core/io/coco.h"
#include "core/video/clipframes.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <map>

namespace paddock::app {

namespace {

const char *kUsage = QT_TRANSLATE_NOOP("Compare", "usage: paddock compare A.json B.json [--json] [--worst N]");

/**
 * The clip of \a b that is the same clip as \a a: the only one, the one with a's identity (first frame's file
 * name and frame count, as paddock merge matches; no frames are read), or the one with a's name or video id.
 */
const core::Clip *counterpart(const core::Clip &a, const core::Project &pa, const core::Project &b,
                              const std::map<core::ClipIdentity, const core::Clip *> &byIdentity)
{
    if (pa.clips.size() == 1 && b.clips.size() == 1)
        return &b.clips[0];
    core::ClipIdentity ia;
    std::string error;
    if (core::clipIdentity(a, &ia, &error, false))
        if (auto it = byIdentity.find(ia); it != byIdentity.end())
            return it->second;
    for (const core::Clip &c : b.clips)
        if (!a.name.empty() && c.name == a.name)
            return &c;
    for (const core::Clip &c : b.clips)
        if (c.videoId == a.videoId)
            return &c;
    return nullptr;
}

} // namespace

int runCompare(const QStringList &args)
{
    QStringList files;
    bool json = false;
    core::AgreementOptions options;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--worst") && i + 1 < args.size()) {
            bool ok = false;
            options.worstCount = args[++i].toInt(&ok);
            if (!ok || options.worstCount < 0) {
                printError(tr("paddock compare: --worst needs a number, not '%1'").arg(args[i]));
                return kExitBadInput;
            }
        } else if (a.startsWith(QLatin1String("-"))) {
            printError(tr("paddock compare: unknown option '%1'").arg(a));
            printError(QCoreApplication::translate("Compare", kUsage));
            return kExitBadInput;
        } else {
            files << a;
        }
    }
    if (files.size() != 2) {
        printError(QCoreApplication::translate("Compare", kUsage));
        return kExitBadInput;
    }
    std::optional<core::Project> projects[2];
    for (int i = 0; i < 2; ++i) {
        std::string error;
        projects[i] = core::readCocoFile(files[i].toStdString(), &error);
        if (!projects[i]) {
            printError(tr("paddock compare: %1").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
    }
    const core::Project &pa = *projects[0], &pb = *projects[1];
    std::vector<core::Category> categories = pa.categories;
    for (const core::Category &c : pb.categories)
        if (!pa.category(c.id))
            categories.push_back(c);
    std::map<core::ClipIdentity, const core::Clip *> byIdentity;
    for (const core::Clip &c : pb.clips) {
        core::ClipIdentity id;
        std::string error;
        if (core::clipIdentity(c, &id, &error, false))
            byIdentity.emplace(id, &c);
    }
    int compared = 0;
    for (const core::Clip &ca : pa.clips) {
        const core::Clip *cb = counterpart(ca, pa, pb, byIdentity);
        if (!cb)
            continue;
        ++compared;
        const core::AgreementReport r = core::compareClips(ca, *cb, categories, options);
        if (json) {
            nlohmann::json j = core::agreementToJson(r);
            j["clip"] = ca.name;
            printOut(QString::fromStdString(j.dump()));
            continue;
        }
        if (pa.clips.size() > 1)
            printOut(tr("clip %1").arg(QString::fromStdString(ca.name)));
        for (const std::string &line : core::agreementToText(r))
            printOut(QString::fromStdString(line));
    }
    if (!compared) {
        printError(tr("paddock compare: %1 and %2 have no clip in common (matched by name or video id)")
                       .arg(files[0], files[1]));
        return kExitBadInput;
    }
    return kExitOk;
}

} // namespace paddock::app
