// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QList>

class QAction;

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace paddock::ui {

/** Preferences: tracker (default or CoTracker3 with its model file and device), view, autosave, language. */
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /** \a actions are offered for shortcut editing (Keyboard Shortcuts… button). */
    explicit SettingsDialog(const QList<QAction *> &actions = {}, QWidget *parent = nullptr);
    /** The explanation under the tracker choice (licence, what is missing). */
    QString trackerNote() const;
    void accept() override;

private:
    void updateTrackerNote();

    QComboBox *mTracker;
    QLineEdit *mWeights;
    QComboBox *mDevice;
    QSpinBox *mSteps;
    QLabel *mTrackerNote;
    QDoubleSpinBox *mMarkerSize;
    QDoubleSpinBox *mLowScore;
    QSpinBox *mAutosave;
    QComboBox *mLanguage;
    QList<QAction *> mActions;
};

} // namespace paddock::ui
