// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QDockWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace paddock::ui {

class Document;
struct ChangeEvent;

/** Dock listing the clip's animals (track id, species, labels on this frame); add, remove, re-id, swap. */
class AnimalsDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit AnimalsDock(Document *document, QWidget *parent = nullptr);

    /** Asks for a species and name and adds the animal; returns its track id or 0. */
    int addAnimalDialog();
    /** Adds an animal without asking (scripts, tests). */
    int addAnimal(int categoryId, const QString &name = QString());
    void removeCurrent();
    void changeIdDialog();
    void swapFromHereDialog();

private:
    void refresh();
    void documentChanged(const ChangeEvent &event);

    Document *mDocument;
    QListWidget *mList;
    QPushButton *mRemove;
    QPushButton *mChangeId;
    QPushButton *mSwap;
    bool mUpdating = false;
};

/** Dialog choosing a species (AP-10K or the project's categories), a track id and a name for a new animal. */
class AddAnimalDialog : public QDialog
{
    Q_OBJECT

public:
    AddAnimalDialog(const Document &document, QWidget *parent = nullptr);
    int categoryId() const;
    int trackId() const;
    QString name() const;

private:
    QComboBox *mSpecies;
    QSpinBox *mTrackId;
    QLineEdit *mName;
};

} // namespace paddock::ui
