// SPDX-License-Identifier: Apache-2.0
#include "ui/settings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace paddock::ui {

namespace {
constexpr int kMaxRecent = 10;
}

tracking::TrackerOptions Settings::trackerOptions()
{
    QSettings s;
    tracking::TrackerOptions o;
    o.tracker = s.value(QStringLiteral("tracking/tracker"), QStringLiteral("default")).toString().toStdString();
    o.weights = s.value(QStringLiteral("tracking/weights")).toString().toStdString();
    o.device = s.value(QStringLiteral("tracking/device"), QStringLiteral("auto")).toString().toStdString();
    o.steps = s.value(QStringLiteral("tracking/steps"), -1).toInt();
    return o;
}

void Settings::setTrackerOptions(const tracking::TrackerOptions &o)
{
    QSettings s;
    s.setValue(QStringLiteral("tracking/tracker"), QString::fromStdString(o.tracker));
    s.setValue(QStringLiteral("tracking/weights"), QString::fromStdString(o.weights));
    s.setValue(QStringLiteral("tracking/device"), QString::fromStdString(o.device));
    s.setValue(QStringLiteral("tracking/steps"), o.steps);
}

double Settings::markerSize()
{
    return QSettings().value(QStringLiteral("view/markerSize"), 5.0).toDouble();
}

void Settings::setMarkerSize(double radius)
{
    QSettings().setValue(QStringLiteral("view/markerSize"), radius);
}

double Settings::lowScoreThreshold()
{
    return QSettings().value(QStringLiteral("view/lowScore"), 0.3).toDouble();
}

void Settings::setLowScoreThreshold(double score)
{
    QSettings().setValue(QStringLiteral("view/lowScore"), score);
}

int Settings::autosaveSeconds()
{
    return QSettings().value(QStringLiteral("file/autosaveSeconds"), 60).toInt();
}

void Settings::setAutosaveSeconds(int seconds)
{
    QSettings().setValue(QStringLiteral("file/autosaveSeconds"), seconds);
}

QString Settings::language()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void Settings::setLanguage(const QString &code)
{
    QSettings().setValue(QStringLiteral("ui/language"), code);
}

QStringList Settings::recentFiles()
{
    return QSettings().value(QStringLiteral("file/recent")).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList list = recentFiles();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(QStringLiteral("file/recent"), list);
}

void Settings::clearRecentFiles()
{
    QSettings().remove(QStringLiteral("file/recent"));
}

QString Settings::shortcut(const QString &actionName, const QString &fallback)
{
    return QSettings().value(QStringLiteral("shortcuts/") + actionName, fallback).toString();
}

void Settings::setShortcut(const QString &actionName, const QString &sequence)
{
    QSettings().setValue(QStringLiteral("shortcuts/") + actionName, sequence);
}

QList<QPair<QString, QString>> Settings::availableLanguages()
{
    return {{QString(), QCoreApplication::translate("Settings", "System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

} // namespace paddock::ui
