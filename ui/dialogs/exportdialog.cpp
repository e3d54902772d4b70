// SPDX-License-Identifier: Apache-2.0
#include "ui/dialogs/exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace paddock::ui {

ExportDialog::ExportDialog(const QString &projectFile, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Labels"));
    auto *form = new QFormLayout(this);
    mFormat = new QComboBox(this);
    mFormat->addItem(tr("COCO keypoints (AP-10K)"));
    mFormat->addItem(tr("APTv2 (COCO with videos, track ids, frame ids)"));
    mFormat->setCurrentIndex(1);
    const QString base = projectFile.isEmpty() ? QDir::homePath() + QStringLiteral("/labels")
                                               : QFileInfo(projectFile).absolutePath() + QLatin1Char('/')
                                                     + QFileInfo(projectFile).completeBaseName();
    mPath = new QLineEdit(base + QStringLiteral(".json"), this);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(mPath, 1);
    row->addWidget(browse);
    mPropagated = new QCheckBox(tr("Include tracker output (not only reviewed labels)"), this);
    mPropagated->setChecked(true);
    mWriteFrames = new QCheckBox(tr("Write the frames as images (for training on a video clip)"), this);
    mFrameDir = new QLineEdit(base + QStringLiteral("_frames"), this);
    mFrameDir->setEnabled(false);
    form->addRow(tr("Format:"), mFormat);
    form->addRow(tr("File:"), row);
    form->addRow(mPropagated);
    form->addRow(mWriteFrames);
    form->addRow(tr("Frames folder:"), mFrameDir);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mWriteFrames, &QCheckBox::toggled, mFrameDir, &QWidget::setEnabled);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export To"), mPath->text(), tr("JSON (*.json)"));
        if (!f.isEmpty())
            mPath->setText(f);
    });
    form->addRow(box);
}

QString ExportDialog::path() const
{
    return mPath->text().trimmed();
}

bool ExportDialog::aptv2() const
{
    return mFormat->currentIndex() == 1;
}

bool ExportDialog::includePropagated() const
{
    return mPropagated->isChecked();
}

QString ExportDialog::frameDir() const
{
    return mWriteFrames->isChecked() ? mFrameDir->text().trimmed() : QString();
}

} // namespace paddock::ui
