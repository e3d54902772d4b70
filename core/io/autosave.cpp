// SPDX-License-Identifier: Apache-2.0
#include "core/io/autosave.h"

#include "core/io/jsonutil_p.h"
#include "core/io/projectfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace paddock::core {

std::string autosavePath(const std::string &projectPath)
{
    if (projectPath.empty()) {
        const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        return QDir(base).filePath(QStringLiteral("autosave/untitled.paddock.autosave")).toStdString();
    }
    const QFileInfo info(QString::fromStdString(projectPath));
    return info.absoluteDir()
        .filePath(QLatin1Char('.') + info.fileName() + QStringLiteral(".autosave"))
        .toStdString();
}

bool writeAutosave(const Project &project, const std::string &projectPath, std::string *error)
{
    const std::string path = autosavePath(projectPath);
    const QFileInfo info(QString::fromStdString(path));
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = path + ": " + detail::tr("cannot create the autosave folder");
        return false;
    }
    return writeFileAtomically(path, projectToJson(project, info.absolutePath().toStdString()), error);
}

std::optional<std::string> findRecoverableAutosave(const std::string &projectPath)
{
    const std::string path = autosavePath(projectPath);
    const QFileInfo autosave(QString::fromStdString(path));
    if (!autosave.isFile())
        return std::nullopt;
    if (projectPath.empty())
        return path;
    const QFileInfo project(QString::fromStdString(projectPath));
    if (!project.isFile() || autosave.lastModified() > project.lastModified())
        return path;
    return std::nullopt;
}

bool discardAutosave(const std::string &projectPath)
{
    const QString path = QString::fromStdString(autosavePath(projectPath));
    return !QFileInfo::exists(path) || QFile::remove(path);
}

} // namespace paddock::core
