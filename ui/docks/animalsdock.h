// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/category.h"

#include <QDialog>
#include <QDockWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace paddock::core {
class Clip;
}

namespace paddock::ui {

class Document;
struct ChangeEvent;

/** A frame worth labelling next: far from the labelled frames, where the tracker is least sure. */
struct FrameSuggestion
{
    int frame = 0;
    double meanScore = 0.0; ///< mean tracker score of the animal's points there (1 where nothing was tracked)
};

/**
 * Frames of \a trackId (0: every animal) to label next, lowest mean tracker score first. Frames with a
 * person's labels, and frames within \a minGap of one or of an earlier suggestion, are left out.
 */
std::vector<FrameSuggestion> suggestFrames(const core::Clip &clip, int trackId, int count, int minGap);

/**
 * Dock listing the clip's animals (track id, species, labels on this frame); add, remove, re-id, swap,
 * change species. Below: the current animal's keypoints (click one to place it next) and frames to label next.
 */
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
    /** Asks for another species for the current animal; returns the refusal message (empty when done). */
    QString changeSpeciesDialog();
    /** Gives the current animal species \a categoryId (undoable); returns the refusal message. */
    QString changeSpecies(int categoryId);
    /** Asks for a new species (name, family, skeleton) and adds it; returns its id or 0. */
    int newSpeciesDialog(const QString &name = QString());

    QListWidget *keypointList() const { return mKeypoints; }
    QListWidget *suggestionList() const { return mSuggestions; }
    /** Recomputes the frames to label next (the button calls this). */
    void refreshSuggestions();

private:
    void refresh();
    void refreshKeypoints();
    void documentChanged(const ChangeEvent &event);

    Document *mDocument;
    QListWidget *mList;
    QListWidget *mKeypoints;
    QListWidget *mSuggestions;
    QPushButton *mAdd;
    QPushButton *mSpecies;
    QPushButton *mRemove;
    QPushButton *mChangeId;
    QPushButton *mSwap;
    bool mUpdating = false;
};

/**
 * Dialog choosing a species (AP-10K or the project's categories), a track id and a name for a new animal.
 * A typed name that is no species is refused with a message; "New Species…" defines it (name, family,
 * skeleton), and the animal dialog then adds both.
 */
class AddAnimalDialog : public QDialog
{
    Q_OBJECT

public:
    AddAnimalDialog(const Document &document, QWidget *parent = nullptr);
    /** The chosen species' id; 0 when the typed name matches none, or a new species is to be added. */
    int categoryId() const;
    int trackId() const;
    QString name() const;
    /** The species to add first (from "New Species…"), with id 0. */
    const std::optional<core::Category> &newSpecies() const { return mNewSpecies; }
    /** The problem shown (empty when none). */
    QString problem() const;
    /** Defines the new species as the button's dialog would (tests, scripts). */
    void setNewSpecies(const core::Category &category);

    void accept() override;

private:
    const Document &mDocument;
    QComboBox *mSpecies;
    QSpinBox *mTrackId;
    QLineEdit *mName;
    QLabel *mProblem;
    std::optional<core::Category> mNewSpecies;
};

/** Dialog defining a species: name, family and skeleton (AP-10K's 17 keypoints, or a project species'). */
class NewSpeciesDialog : public QDialog
{
    Q_OBJECT

public:
    NewSpeciesDialog(const Document &document, const QString &name, QWidget *parent = nullptr);
    /** The species (id 0: the command picks one). */
    core::Category species() const;
    QString problem() const;
    void accept() override;

private:
    const Document &mDocument;
    QLineEdit *mName;
    QComboBox *mFamily;
    QComboBox *mLayout;
    QLabel *mProblem;
};

} // namespace paddock::ui
