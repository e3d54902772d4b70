// SPDX-License-Identifier: Apache-2.0
// Crash recovery through the window: edits reach the journal within a second without any autosave, and a
// new session (what starts after kill -9) recovers them with their undo history, for a saved project, a project
// store (.paddockdb) and an untitled one. Saving a store writes the clips changed since the last save.
#include "../testutil.h"

#include "core/io/journal.h"
#include "core/io/projectfile.h"
#include "core/store/projectstore.h"
#include "ui/commands/animalcommands.h"
#include "ui/commands/keypointcommands.h"
#include "ui/document/document.h"
#include "ui/mainwindow/mainwindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace paddock;
using namespace paddock::ui;

namespace {

QString makeFrames()
{
    const QString dir = QString::fromStdString(test::tempDir()) + QStringLiteral("/frames");
    QDir().mkpath(dir);
    for (int f = 0; f < 6; ++f) {
        QImage img(120, 90, QImage::Format_RGB32);
        img.fill(QColor(20 * f, 80, 120));
        img.save(QStringLiteral("%1/f%2.png").arg(dir).arg(f));
    }
    return dir;
}

QStringList texts(const Document *doc)
{
    QStringList out;
    for (int i = 0; i < doc->undoStack()->count(); ++i)
        out << doc->undoStack()->text(i);
    return out;
}

void edit(Document *doc)
{
    doc->undoStack()->push(new PlaceKeypoint(doc, 0, 2, 1, 0, QPointF(10, 20)));
    doc->undoStack()->push(new PlaceKeypoint(doc, 0, 2, 1, 1, QPointF(30, 20)));
    doc->undoStack()->push(new PlaceKeypoint(doc, 0, 4, 1, 0, QPointF(40, 50)));
    doc->undoStack()->undo();
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

    QString mFrames;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("paddock-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_recovery"));
        mFrames = makeFrames();
    }

    void savedProjectRecoversEditsMadeAfterTheSave()
    {
        const QString path = QString::fromStdString(test::tempDir()) + QStringLiteral("/walk.paddock");
        MainWindow first;
        first.setInteractive(false);
        QString err;
        QVERIFY2(first.openPath(mFrames, &err), qPrintable(err));
        Document *doc = first.document();
        doc->undoStack()->push(new AddAnimal(doc, 0, 8));
        QVERIFY2(first.saveTo(path, &err), qPrintable(err));
        QVERIFY(!core::findRecovery(path.toStdString()));
        edit(doc);
        QVERIFY(doc->isModified());
        QTest::qWait(1000); // no autosave runs: the journal alone has the edits

        MainWindow second; // the session after the crash opens the project
        second.setInteractive(false);
        QVERIFY2(second.openPath(path, &err), qPrintable(err));
        Document *rec = second.document();
        QVERIFY(rec->isModified());
        QVERIFY(rec->project().clips[0].frames == doc->project().clips[0].frames);
        QVERIFY(rec->project().clips[0].tracks == doc->project().clips[0].tracks);
        // The history since the save: three placements, the last one undone and redoable.
        QCOMPARE(texts(rec), texts(doc).mid(1));
        QCOMPARE(rec->undoStack()->index(), 2);
        rec->undoStack()->redo();
        doc->undoStack()->redo();
        QVERIFY(rec->project().clips[0].frames == doc->project().clips[0].frames);
        rec->undoStack()->undo();
        rec->undoStack()->undo();
        rec->undoStack()->undo();
        QVERIFY(!rec->instance(0, 2, 1) || !rec->instance(0, 2, 1)->keypoints[0].isLabelled());

        // Saving the recovered work leaves nothing to recover.
        QVERIFY2(second.saveTo(path, &err), qPrintable(err));
        QVERIFY(!core::findRecovery(path.toStdString()));
    }

    void storeRecoversEditsAndSavesWhatChanged()
    {
        const QString path = QString::fromStdString(test::tempDir()) + QStringLiteral("/walk.paddockdb");
        MainWindow first;
        first.setInteractive(false);
        QString err;
        QVERIFY2(first.openPath(mFrames, &err), qPrintable(err));
        Document *doc = first.document();
        doc->undoStack()->push(new AddAnimal(doc, 0, 8));
        QVERIFY2(first.saveTo(path, &err), qPrintable(err));
        QVERIFY(store::isStoreFile(path.toStdString()));
        QVERIFY(doc->unsavedChanges().empty());
        QVERIFY(!store::findRecovery(path.toStdString()));
        edit(doc);
        QCOMPARE(doc->unsavedChanges().clips, std::set<int>{0});
        QVERIFY(!doc->unsavedChanges().categories && !doc->unsavedChanges().clipList);
        QTest::qWait(1000);

        // After kill -9: the journal names the store's committed state and replays onto it.
        const auto found = store::findRecovery(path.toStdString());
        QVERIFY(found && found->journal);
        QCOMPARE(int(found->baseKind), int(core::JournalBase::Kind::Store));
        MainWindow second;
        second.setInteractive(false);
        QVERIFY2(second.openPath(path, &err), qPrintable(err));
        Document *rec = second.document();
        QVERIFY(rec->isModified());
        QVERIFY(rec->project().clips[0].frames == doc->project().clips[0].frames);
        QCOMPARE(texts(rec), texts(doc).mid(1));
        QCOMPARE(rec->undoStack()->index(), 2);
        QVERIFY(rec->unsavedChanges().clips.count(0));

        // Save: one transaction on the store; nothing left to recover; the store holds the recovered data.
        QVERIFY2(second.saveTo(path, &err), qPrintable(err));
        QVERIFY(!rec->isModified());
        QVERIFY(rec->unsavedChanges().empty());
        QVERIFY(!store::findRecovery(path.toStdString()));
        std::string e;
        auto saved = store::loadStore(path.toStdString(), &e);
        QVERIFY2(saved, e.c_str());
        QVERIFY(saved->clips[0].frames == rec->project().clips[0].frames);

        // An undo after the save makes the clip dirty again, and the next save writes it back.
        rec->undoStack()->undo();
        QVERIFY(rec->isModified());
        QCOMPARE(rec->unsavedChanges().clips, std::set<int>{0});
        QTest::qWait(500);
        const auto afterUndo = store::findRecovery(path.toStdString());
        QVERIFY(afterUndo && afterUndo->journal); // the journal restarted on the new committed state
        QVERIFY2(second.saveTo(path, &err), qPrintable(err));
        saved = store::loadStore(path.toStdString(), &e);
        QVERIFY2(saved, e.c_str());
        QVERIFY(saved->clips[0].frames == rec->project().clips[0].frames);

        // Save As JSON and back: both formats hold the same project.
        const QString json = QString::fromStdString(test::tempDir()) + QStringLiteral("/walk.paddock");
        QVERIFY2(second.saveTo(json, &err), qPrintable(err));
        auto fromJson = core::loadProject(json.toStdString(), &e);
        QVERIFY2(fromJson, e.c_str());
        QVERIFY(*fromJson == rec->project());
        QVERIFY2(second.saveTo(path, &err), qPrintable(err)); // a new store: every clip
        saved = store::loadStore(path.toStdString(), &e);
        QVERIFY(saved && *saved == rec->project());
    }

    void untitledSessionRecoversWithHistory()
    {
        MainWindow first;
        first.setInteractive(false);
        QString err;
        QVERIFY2(first.openPath(mFrames, &err), qPrintable(err));
        Document *doc = first.document();
        doc->undoStack()->push(new AddAnimal(doc, 0, 8));
        edit(doc);
        QTest::qWait(1000);

        MainWindow second; // started without a file: offers the untitled session's work
        second.setInteractive(false);
        QVERIFY(second.offerRecovery(QString()));
        Document *rec = second.document();
        QVERIFY(rec->isModified());
        QVERIFY(rec->project().clips[0].frames == doc->project().clips[0].frames);
        QCOMPARE(texts(rec), texts(doc));
        QCOMPARE(rec->undoStack()->index(), doc->undoStack()->index());
        while (rec->undoStack()->canUndo())
            rec->undoStack()->undo();
        QVERIFY(rec->project().clips[0].frames.empty());
        QVERIFY(rec->project().clips[0].tracks.empty());
    }
};

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
