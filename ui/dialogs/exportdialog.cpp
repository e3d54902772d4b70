// SPDX-License-Identifier: Apache-2.0
#include "ui/dialogs/exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace paddock::ui {

ExportDialog::ExportDialog(const QString &projectFile, const core::Project &project, QWidget *parent)
    : QDialog(parent)
    , mCounts(core::countExport(project))
{
    setWindowTitle(tr("Export Labels"));
    auto *form = new QFormLayout(this);
    mFormat = new QComboBox(this);
    mFormat->addItem(tr("COCO keypoints (AP-10K)"));
    mFormat->addItem(tr("APTv2 (COCO with videos, track ids, frame ids)"));
    mFormat->addItem(tr("DeepLabCut project (labeled-data: CollectedData CSV and frame images)"));
    mFormat->setObjectName(QStringLiteral("exportFormat"));
    mFormat->setCurrentIndex(1);
    const QString base = projectFile.isEmpty() ? QDir::homePath() + QStringLiteral("/labels")
                                               : QFileInfo(projectFile).absolutePath() + QLatin1Char('/')
                                                     + QFileInfo(projectFile).completeBaseName();
    mBase = base;
    mPath = new QLineEdit(base + QStringLiteral(".json"), this);
    mPath->setObjectName(QStringLiteral("exportPath"));
    mScorer = new QLineEdit(QStringLiteral("paddock"), this);
    mScorer->setObjectName(QStringLiteral("dlcScorer"));
    mScorer->setToolTip(tr("DeepLabCut's scorer name: the CSV is CollectedData_<scorer>.csv and must match the "
                           "scorer in the DeepLabCut project's config.yaml"));
    mDlcLayout = new QComboBox(this);
    mDlcLayout->setObjectName(QStringLiteral("dlcLayout"));
    mDlcLayout->addItem(tr("Automatic: multi-animal when a clip has several animals"));
    mDlcLayout->addItem(tr("Single animal (scorer, bodyparts, coords)"));
    mDlcLayout->addItem(tr("Multi-animal (scorer, individuals, bodyparts, coords)"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(mPath, 1);
    row->addWidget(browse);

    auto *what = new QGroupBox(tr("What goes out"), this);
    auto *whatLayout = new QVBoxLayout(what);
    mManual = new QCheckBox(tr("Labels placed by a person or imported (%n point(s))", nullptr, mCounts.manual), what);
    mApproved = new QCheckBox(tr("Tracker points a person approved (%n)", nullptr, mCounts.approved), what);
    for (QCheckBox *b : {mManual, mApproved}) {
        b->setChecked(true);
        b->setEnabled(false); // a person's word always goes out
    }
    mReviewed = new QCheckBox(tr("Tracker points of accepted clips, reviewed with the clip (%n)", nullptr,
                                 mCounts.reviewed),
                              what);
    mReviewed->setChecked(true);
    mPropagated = new QCheckBox(tr("Unreviewed tracker output (%n point(s)), as v=1: not confirmed visible", nullptr,
                                   mCounts.unreviewed),
                                what);
    mPropagated->setObjectName(QStringLiteral("includeUnreviewed"));
    mPropagated->setToolTip(tr("Propagated, refined or interpolated points nobody approved. Off by default: a "
                               "training set should not learn the tracker's mistakes."));
    mPropagated->setChecked(false);
    for (QCheckBox *b : {mManual, mApproved, mReviewed, mPropagated})
        whatLayout->addWidget(b);

    mWriteFrames = new QCheckBox(tr("Write the frames as images"), this);
    mWriteFrames->setObjectName(QStringLiteral("writeFrames"));
    mFrameDir = new QLineEdit(base + QStringLiteral("_frames"), this);
    if (mCounts.videoClips > 0) {
        // COCO and APTv2 name image files: a video's frames must be written out to be named at all.
        mWriteFrames->setChecked(true);
        mWriteFrames->setEnabled(false);
        mWriteFrames->setText(tr("Write the frames as images (needed: %n clip(s) have no image files)", nullptr,
                                 mCounts.videoClips));
    }
    mFrameDir->setEnabled(mWriteFrames->isChecked());
    mSummary = new QLabel(this);
    mSummary->setObjectName(QStringLiteral("exportSummary"));
    mSummary->setWordWrap(true);

    form->addRow(tr("Format:"), mFormat);
    mPathLabel = new QLabel(tr("File:"), this);
    form->addRow(mPathLabel, row);
    form->addRow(tr("Scorer:"), mScorer);
    form->addRow(tr("Layout:"), mDlcLayout);
    form->addRow(what);
    form->addRow(mWriteFrames);
    form->addRow(tr("Frames folder:"), mFrameDir);
    form->addRow(mSummary);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mWriteFrames, &QCheckBox::toggled, mFrameDir, &QWidget::setEnabled);
    connect(mReviewed, &QCheckBox::toggled, this, &ExportDialog::updateSummary);
    connect(mPropagated, &QCheckBox::toggled, this, &ExportDialog::updateSummary);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = dlc() ? QFileDialog::getExistingDirectory(this, tr("DeepLabCut Project Folder"), mPath->text())
                                : QFileDialog::getSaveFileName(this, tr("Export To"), mPath->text(), tr("JSON (*.json)"));
        if (!f.isEmpty())
            mPath->setText(f);
    });
    connect(mFormat, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFormat);
    form->addRow(box);
    updateFormat();
}

void ExportDialog::setFormat(int index)
{
    mFormat->setCurrentIndex(index);
}

void ExportDialog::updateFormat()
{
    const bool isDlc = dlc();
    const bool wasDlc = mLastFormat == 2;
    if (mLastFormat >= 0 && isDlc != wasDlc) {
        // Keep a path the user typed; swap only the suggested one.
        const QString json = mBase + QStringLiteral(".json"), folder = mBase + QStringLiteral("_dlc");
        if (isDlc && mPath->text() == json)
            mPath->setText(folder);
        else if (!isDlc && mPath->text() == folder)
            mPath->setText(json);
    }
    mLastFormat = mFormat->currentIndex();
    auto *form = qobject_cast<QFormLayout *>(layout());
    // DeepLabCut: a project folder, the images always go into labeled-data/<video>/ beside the CSV.
    for (QWidget *w : {static_cast<QWidget *>(mScorer), static_cast<QWidget *>(mDlcLayout)}) {
        w->setVisible(isDlc);
        if (QWidget *label = form ? form->labelForField(w) : nullptr)
            label->setVisible(isDlc);
    }
    for (QWidget *w : {static_cast<QWidget *>(mWriteFrames), static_cast<QWidget *>(mFrameDir)}) {
        w->setVisible(!isDlc);
        if (QWidget *label = form ? form->labelForField(w) : nullptr)
            label->setVisible(!isDlc);
    }
    mPathLabel->setText(isDlc ? tr("Project folder:") : tr("File:"));
    mPropagated->setText(isDlc ? tr("Unreviewed tracker output (%n point(s)), written as labels", nullptr,
                                    mCounts.unreviewed)
                               : tr("Unreviewed tracker output (%n point(s)), as v=1: not confirmed visible",
                                    nullptr, mCounts.unreviewed));
    updateSummary();
}

void ExportDialog::updateSummary()
{
    const int out = mCounts.manual + mCounts.approved + (includeReviewed() ? mCounts.reviewed : 0)
        + (includePropagated() ? mCounts.unreviewed : 0);
    const int left = (includeReviewed() ? 0 : mCounts.reviewed) + (includePropagated() ? 0 : mCounts.unreviewed);
    QString text = tr("%n point(s) go out", nullptr, out);
    if (left > 0)
        text += tr("; %n tracker point(s) are left out", nullptr, left);
    if (dlc()) {
        if (includePropagated() && mCounts.unreviewed > 0)
            text += tr("; %n unreviewed point(s) go out as ordinary labels (DeepLabCut has no visibility or source)",
                       nullptr, mCounts.unreviewed);
        text += tr(". One labeled-data folder per clip, with its frame images; occlusion is not kept (DeepLabCut "
                   "has no visibility flag)");
    } else if (includePropagated() && mCounts.unreviewed > 0) {
        text += tr("; %n unreviewed point(s) go out as v=1", nullptr, mCounts.unreviewed);
    }
    mSummary->setText(text + QLatin1Char('.'));
}

QString ExportDialog::summary() const
{
    return mSummary->text();
}

QString ExportDialog::path() const
{
    return mPath->text().trimmed();
}

bool ExportDialog::aptv2() const
{
    return mFormat->currentIndex() == 1;
}

bool ExportDialog::dlc() const
{
    return mFormat->currentIndex() == 2;
}

core::DlcWriteOptions ExportDialog::dlcOptions() const
{
    core::DlcWriteOptions o;
    const QString scorer = mScorer->text().trimmed();
    o.scorer = scorer.isEmpty() ? std::string("paddock") : scorer.toStdString();
    o.layout = mDlcLayout->currentIndex() == 1 ? core::DlcWriteOptions::Layout::SingleAnimal
        : mDlcLayout->currentIndex() == 2      ? core::DlcWriteOptions::Layout::MultiAnimal
                                               : core::DlcWriteOptions::Layout::Auto;
    o.propagated = includePropagated();
    o.reviewed = includeReviewed();
    o.writeImages = true;
    return o;
}

bool ExportDialog::includePropagated() const
{
    return mPropagated->isChecked();
}

bool ExportDialog::includeReviewed() const
{
    return mReviewed->isChecked();
}

QString ExportDialog::frameDir() const
{
    return mWriteFrames->isChecked() ? mFrameDir->text().trimmed() : QString();
}

core::CocoWriteOptions ExportDialog::options() const
{
    core::CocoWriteOptions o;
    o.aptv2 = aptv2();
    o.propagated = includePropagated();
    o.reviewed = includeReviewed();
    o.unreviewedVisible = false;
    o.videoFrameRefs = false;
    o.frameDir = frameDir().toStdString();
    return o;
}

} // namespace paddock::ui
