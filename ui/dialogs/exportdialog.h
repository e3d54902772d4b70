// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/io/coco.h"
#include "core/io/dlc.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace paddock::ui {

/**
 * Asks where and how to export labels: COCO (AP-10K), APTv2 or a DeepLabCut project folder. It states what goes out, with counts: a
 * person's labels (manual, imported), approved points, tracker points of accepted clips (reviewed) and
 * unreviewed tracker output. The default leaves unreviewed tracker output out; when included it goes out
 * as v=1, never v=2. Video clips need their frames written as images (COCO and APTv2 name image files).
 */
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const QString &projectFile, const core::Project &project, QWidget *parent = nullptr);
    QString path() const;
    bool aptv2() const;
    /** A DeepLabCut project folder (labeled-data/<video>/CollectedData_<scorer>.csv and the frame images). */
    bool dlc() const;
    /** The DeepLabCut writer's options for the choices made (images always written: DLC trains on them). */
    core::DlcWriteOptions dlcOptions() const;
    /** Chooses the format: 0 COCO, 1 APTv2, 2 DeepLabCut. */
    void setFormat(int index);
    /** Unreviewed tracker output goes out (as v=1). */
    bool includePropagated() const;
    /** Tracker points of accepted clips go out. */
    bool includeReviewed() const;
    /** Folder for frame images, empty when none. */
    QString frameDir() const;
    /** The writer's options for the choices made. */
    core::CocoWriteOptions options() const;
    /** The "what goes out" line. */
    QString summary() const;

    QCheckBox *unreviewedBox() const { return mPropagated; }
    QCheckBox *writeFramesBox() const { return mWriteFrames; }

private:
    void updateSummary();
    void updateFormat();

    core::ExportCounts mCounts;
    QComboBox *mFormat;
    QLineEdit *mPath;
    QCheckBox *mManual;
    QCheckBox *mApproved;
    QCheckBox *mReviewed;
    QCheckBox *mPropagated;
    QCheckBox *mWriteFrames;
    QLineEdit *mFrameDir;
    QLabel *mSummary;
    QLineEdit *mScorer;
    QLabel *mPathLabel;
    QComboBox *mDlcLayout;
    QString mBase;
    int mLastFormat = -1;
};

} // namespace paddock::ui
