// SPDX-License-Identifier: Apache-2.0
// The labelling GUI: application setup (names, translations, icon) and the main window.
#include "app/commands.h"
#include "app/guiscript.h"

#include "core/io/autosave.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/settings.h"
#include "ui/views/icons.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

namespace paddock::app {

namespace {
// Loads Paddock's and Qt's own translations for the configured (or system) language.
void installTranslators(QApplication &app)
{
    const QString code = ui::Settings::language();
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    auto *paddock = new QTranslator(&app);
    if (paddock->load(locale, QStringLiteral("paddock"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(paddock);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}
} // namespace

int runGui(int argc, char **argv, const QStringList &args)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("paddock"));
    QApplication::setApplicationDisplayName(QStringLiteral("Paddock"));
    QApplication::setOrganizationName(QStringLiteral("paddock"));
    QApplication::setApplicationVersion(QStringLiteral(PADDOCK_VERSION));
    QApplication::setWindowIcon(ui::appIcon(QStringLiteral("paddock")));
    installTranslators(app);

    // Hidden: --script FILE drives the window with simulated input (screenshots, smoke runs).
    QStringList paths = args;
    QString script;
    const int scriptAt = paths.indexOf(QStringLiteral("--script"));
    if (scriptAt >= 0 && scriptAt + 1 < paths.size()) {
        script = paths.at(scriptAt + 1);
        paths.remove(scriptAt, 2);
    }

    ui::MainWindow window;
    window.show();
    if (!script.isEmpty())
        window.setInteractive(false);
    if (!paths.isEmpty()) {
        QString error;
        if (!window.openPath(paths.first(), &error)) {
            if (script.isEmpty())
                QMessageBox::warning(&window, QObject::tr("Open"), error);
            else
                printError(error);
        }
    } else if (script.isEmpty()) {
        // Work from an untitled session that ended without saving.
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(QString()); });
    }
    if (!script.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, script] {
            QString error;
            const bool ok = runGuiScript(window, script, &error);
            if (!ok)
                printError(QStringLiteral("paddock: script %1: %2").arg(script, error));
            QApplication::exit(ok ? kExitOk : kExitBadInput);
        });
    }
    return app.exec();
}

} // namespace paddock::app
