// SPDX-License-Identifier: Apache-2.0
// The German translation built from translations/ reaches strings whose tr() context lupdate derives from
// the code (non-QObject undo commands, file-local helpers in core): a context that differs between lupdate
// and the running code leaves the string in English although the .ts file translates it.
#include "core/model/review.h"
#include "ui/commands/reviewcommands.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace paddock;

class TstTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString qm = QStringLiteral(PADDOCK_QM_DIR "/paddock_de.qm");
        QVERIFY2(mGerman.load(qm), qPrintable(QStringLiteral("cannot load %1").arg(qm)));
        QVERIFY(QCoreApplication::installTranslator(&mGerman));
    }

    void undoCommandTexts()
    {
        QCOMPARE(ui::RoundStep::actionText(ui::RoundAction::SubmitForReview), QStringLiteral("Zur Prüfung einreichen"));
        QCOMPARE(ui::RoundStep::actionText(ui::RoundAction::AcceptClip), QStringLiteral("Clip akzeptieren"));
    }

    void coreReviewMessages()
    {
        core::ClipReview review;
        std::string error;
        QVERIFY(core::startReview(&review, {}, "Ann", 1, &error));
        QVERIFY(!core::returnToLabeller(&review, 2, &error)); // nothing open to return
        QCOMPARE(QString::fromStdString(error),
                 QStringLiteral("Nichts zurückzugeben: Die Fehlerliste hat keinen offenen Eintrag."));
    }

private:
    QTranslator mGerman;
};

QTEST_MAIN(TstTranslations)
#include "tst_translations.moc"
