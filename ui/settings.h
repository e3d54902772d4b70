// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/pointtracker.h"

#include <QString>
#include <QStringList>

namespace paddock::ui {

/** The app's persistent preferences (QSettings), with defaults, in one place. */
class Settings
{
public:
    static tracking::TrackerOptions trackerOptions();
    static void setTrackerOptions(const tracking::TrackerOptions &options);

    static double markerSize();
    static void setMarkerSize(double radius);
    static double lowScoreThreshold();
    static void setLowScoreThreshold(double score);
    static int autosaveSeconds(); ///< 0: off
    static void setAutosaveSeconds(int seconds);
    /** UI language code ("" = system, "en", "zh_CN", "de"). */
    static QString language();
    static void setLanguage(const QString &code);

    static QStringList recentFiles();
    static void addRecentFile(const QString &path);
    static void clearRecentFiles();

    /** A user-chosen shortcut for the action named \a actionName, or \a fallback. */
    static QString shortcut(const QString &actionName, const QString &fallback);
    static void setShortcut(const QString &actionName, const QString &sequence);

    /** Languages the app ships, as (code, native name). */
    static QList<QPair<QString, QString>> availableLanguages();
};

} // namespace paddock::ui
