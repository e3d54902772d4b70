// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

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
    explicit SettingsDialog(QWidget *parent = nullptr);
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
};

} // namespace paddock::ui
