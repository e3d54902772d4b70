// SPDX-License-Identifier: Apache-2.0
#include "ui/dialogs/settingsdialog.h"

#include "ui/dialogs/shortcutsdialog.h"
#include "ui/settings.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace paddock::ui {

SettingsDialog::SettingsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
    , mActions(actions)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    const tracking::TrackerOptions opts = Settings::trackerOptions();

    auto *trackBox = new QGroupBox(tr("Tracking"), this);
    auto *trackForm = new QFormLayout(trackBox);
    mTracker = new QComboBox(trackBox);
    mTracker->addItem(tr("Default (optical flow, no model needed)"), QStringLiteral("default"));
    mTracker->addItem(tr("CoTracker3 (learned point tracker, needs a model file)"), QStringLiteral("cotracker3"));
    mTracker->setCurrentIndex(std::max(0, mTracker->findData(QString::fromStdString(opts.tracker))));
    mWeights = new QLineEdit(QString::fromStdString(opts.weights), trackBox);
    mWeights->setPlaceholderText(tr("scaled_offline.pth"));
    auto *browse = new QPushButton(tr("Browse…"), trackBox);
    auto *weightsRow = new QHBoxLayout;
    weightsRow->addWidget(mWeights, 1);
    weightsRow->addWidget(browse);
    mDevice = new QComboBox(trackBox);
    mDevice->addItem(tr("Automatic (GPU when available)"), QStringLiteral("auto"));
    mDevice->addItem(tr("CPU"), QStringLiteral("cpu"));
    mDevice->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    mDevice->setCurrentIndex(std::max(0, mDevice->findData(QString::fromStdString(opts.device))));
    mSteps = new QSpinBox(trackBox);
    mSteps->setRange(-1, 1000);
    mSteps->setSpecialValueText(tr("tracker default"));
    mSteps->setValue(opts.steps);
    mTrackerNote = new QLabel(trackBox);
    mTrackerNote->setWordWrap(true);
    mTrackerNote->setTextFormat(Qt::RichText);
    trackForm->addRow(tr("Tracker:"), mTracker);
    trackForm->addRow(tr("Model file:"), weightsRow);
    trackForm->addRow(tr("Device:"), mDevice);
    trackForm->addRow(tr("Fine-tuning steps:"), mSteps);
    trackForm->addRow(mTrackerNote);
    layout->addWidget(trackBox);

    auto *viewBox = new QGroupBox(tr("View and Files"), this);
    auto *viewForm = new QFormLayout(viewBox);
    mMarkerSize = new QDoubleSpinBox(viewBox);
    mMarkerSize->setRange(1.5, 30);
    mMarkerSize->setSuffix(tr(" px"));
    mMarkerSize->setValue(Settings::markerSize());
    mLowScore = new QDoubleSpinBox(viewBox);
    mLowScore->setRange(0, 1);
    mLowScore->setSingleStep(0.05);
    mLowScore->setValue(Settings::lowScoreThreshold());
    mAutosave = new QSpinBox(viewBox);
    mAutosave->setRange(0, 3600);
    mAutosave->setSuffix(tr(" s"));
    mAutosave->setSpecialValueText(tr("off"));
    mAutosave->setValue(Settings::autosaveSeconds());
    mLanguage = new QComboBox(viewBox);
    for (const auto &[code, name] : Settings::availableLanguages())
        mLanguage->addItem(name, code);
    mLanguage->setCurrentIndex(std::max(0, mLanguage->findData(Settings::language())));
    viewForm->addRow(tr("Marker size:"), mMarkerSize);
    viewForm->addRow(tr("Low score below:"), mLowScore);
    viewForm->addRow(tr("Autosave every:"), mAutosave);
    viewForm->addRow(tr("Language:"), mLanguage);
    auto *shortcuts = new QPushButton(tr("Keyboard Shortcuts…"), viewBox);
    shortcuts->setEnabled(!mActions.isEmpty());
    viewForm->addRow(tr("Shortcuts:"), shortcuts);
    layout->addWidget(viewBox);
    connect(shortcuts, &QPushButton::clicked, this, [this] {
        ShortcutsDialog dialog(mActions, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        for (QAction *a : mActions) // take effect now, even if these settings are cancelled
            a->setShortcut(QKeySequence(Settings::shortcut(a->objectName(), a->shortcut().toString(QKeySequence::PortableText)),
                                        QKeySequence::PortableText));
    });

    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("CoTracker3 Model File"), mWeights->text(),
                                                       tr("PyTorch checkpoints (*.pth *.pt);;All files (*)"));
        if (!f.isEmpty())
            mWeights->setText(f);
    });
    connect(mTracker, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateTrackerNote);
    connect(mWeights, &QLineEdit::textChanged, this, &SettingsDialog::updateTrackerNote);
    updateTrackerNote();
}

void SettingsDialog::updateTrackerNote()
{
    const bool learned = mTracker->currentData().toString() == QLatin1String("cotracker3");
    mWeights->setEnabled(learned);
    mDevice->setEnabled(learned);
    mSteps->setEnabled(learned);
    QString note;
    if (!learned) {
        note = tr("The default tracker follows points with optical flow between your labelled frames. It needs no "
                  "model file and runs on the CPU.");
    } else {
        note = tr("<b>Licence:</b> the CoTracker3 weights by Meta AI are licensed <b>CC BY-NC 4.0</b>: "
                  "non-commercial use only. Paddock does not ship them; download "
                  "<i>scaled_offline.pth</i> yourself and choose it here.");
        const QString w = mWeights->text().trimmed();
        if (w.isEmpty())
            note += tr("<br><b>Missing:</b> no model file is set, so propagation will fail until you choose one "
                       "(or switch back to the default tracker).");
        else if (!QFileInfo::exists(w))
            note += tr("<br><b>Missing:</b> the model file %1 does not exist.").arg(w.toHtmlEscaped());
    }
    mTrackerNote->setText(note);
}

QString SettingsDialog::trackerNote() const
{
    return mTrackerNote->text();
}

void SettingsDialog::accept()
{
    tracking::TrackerOptions o;
    o.tracker = mTracker->currentData().toString().toStdString();
    o.weights = mWeights->text().trimmed().toStdString();
    o.device = mDevice->currentData().toString().toStdString();
    o.steps = mSteps->value();
    Settings::setTrackerOptions(o);
    Settings::setMarkerSize(mMarkerSize->value());
    Settings::setLowScoreThreshold(mLowScore->value());
    Settings::setAutosaveSeconds(mAutosave->value());
    const QString lang = mLanguage->currentData().toString();
    if (lang != Settings::language()) {
        Settings::setLanguage(lang);
        QMessageBox::information(this, tr("Language"), tr("The new language applies when Paddock restarts."));
    }
    QDialog::accept();
}

} // namespace paddock::ui
