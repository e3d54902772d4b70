// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace paddock::ui {

/** Asks where and how to export labels: COCO (AP-10K) or APTv2, tracker output or not, frames as images. */
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(const QString &projectFile, QWidget *parent = nullptr);
    QString path() const;
    bool aptv2() const;
    bool includePropagated() const;
    /** Folder for frame images (APTv2 from a video), empty when none. */
    QString frameDir() const;

private:
    QComboBox *mFormat;
    QLineEdit *mPath;
    QCheckBox *mPropagated;
    QCheckBox *mWriteFrames;
    QLineEdit *mFrameDir;
};

} // namespace paddock::ui
