// SPDX-License-Identifier: Apache-2.0
// MainWindow: frame navigation, playback, label edits from the menus, and background tracking.
#include "ui/mainwindow/mainwindow.h"

#include "ui/browser/batchpropagation.h"
#include "ui/commands/keypointcommands.h"
#include "ui/commands/trackingcommands.h"
#include "ui/document/document.h"
#include "ui/document/navigation.h"
#include "ui/document/propagationrunner.h"
#include "ui/settings.h"
#include "ui/views/frameprovider.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QProgressBar>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

namespace paddock::ui {

void MainWindow::stepFrames(int delta)
{
    mDocument->setCurrentFrame(mDocument->currentFrame() + delta);
}

void MainWindow::togglePlayback()
{
    if (mPlayTimer->isActive())
        mPlayTimer->stop();
    else if (mDocument->frameCount() > 0)
        mPlayTimer->start();
}

void MainWindow::playTick()
{
    const int next = mDocument->currentFrame() + 1;
    if (next >= mDocument->frameCount()) {
        mPlayTimer->stop();
        return;
    }
    // Playback waits for the decoder rather than showing stale frames.
    if (mFrames->cached(next).isNull()) {
        mFrames->request(next);
        return;
    }
    mDocument->setCurrentFrame(next);
}

void MainWindow::gotoFrameDialog()
{
    bool ok = false;
    const int f = QInputDialog::getInt(this, tr("Go to Frame"), tr("Frame:"), mDocument->currentFrame(), 0,
                                       std::max(0, mDocument->frameCount() - 1), 1, &ok);
    if (ok)
        mDocument->setCurrentFrame(f);
}

void MainWindow::nextUnlabelled()
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return;
    const int f = navigation::nextUnlabelled(*clip, mDocument->categoryOfTrack(mDocument->currentClipIndex(),
                                                                               mDocument->currentTrack()),
                                             mDocument->currentTrack(), mDocument->currentFrame());
    if (f < 0)
        statusBar()->showMessage(tr("Every frame of this animal is labelled"), 4000);
    else
        mDocument->setCurrentFrame(f);
}

void MainWindow::nextFlagged()
{
    const core::Clip *clip = mDocument->currentClip();
    const int f = clip ? navigation::nextFlagged(*clip, mDocument->currentFrame()) : -1;
    if (f < 0)
        statusBar()->showMessage(tr("No flagged frames"), 4000);
    else
        mDocument->setCurrentFrame(f);
}

void MainWindow::nextLowScore()
{
    const core::Clip *clip = mDocument->currentClip();
    const int f = clip ? navigation::nextLowScore(*clip, mDocument->currentFrame(), Settings::lowScoreThreshold()) : -1;
    if (f < 0)
        statusBar()->showMessage(tr("No low-score frames"), 4000);
    else
        mDocument->setCurrentFrame(f);
}

void MainWindow::approveFrame()
{
    if (mDocument->isReadOnly())
        return;
    auto *cmd = new ApproveFrame(mDocument, mDocument->currentClipIndex(), mDocument->currentFrame());
    if (cmd->isNoOp()) {
        delete cmd;
        statusBar()->showMessage(tr("Nothing to approve on this frame"), 3000);
        return;
    }
    mDocument->undoStack()->push(cmd);
    if (mDocument->currentFrame() + 1 < mDocument->frameCount())
        stepFrames(1); // review flows frame by frame
}

void MainWindow::swapLeftRight()
{
    if (mDocument->isReadOnly() || !mDocument->instance(mDocument->currentClipIndex(), mDocument->currentFrame(),
                                                        mDocument->currentTrack()))
        return;
    mDocument->undoStack()->push(new SwapLeftRight(mDocument, mDocument->currentClipIndex(), mDocument->currentFrame(),
                                                   mDocument->currentTrack()));
}

void MainWindow::copyFromFrame(bool beforeOnly)
{
    if (mDocument->isReadOnly())
        return;
    const int clip = mDocument->currentClipIndex();
    const int to = mDocument->currentFrame();
    const int track = mDocument->currentTrack();
    const int from = CopyAnimalFromFrame::sourceFrame(*mDocument, clip, to, track, beforeOnly);
    if (from < 0) {
        statusBar()->showMessage(beforeOnly ? tr("Animal #%1 has no labelled frame before this one").arg(track)
                                            : tr("Animal #%1 has no labelled frame to copy from").arg(track),
                                 4000);
        return;
    }
    mDocument->undoStack()->push(new CopyAnimalFromFrame(mDocument, clip, from, to, track));
    statusBar()->showMessage(tr("Copied animal #%1 from frame %2").arg(track).arg(from), 4000);
}

void MainWindow::selectAnimal(int delta)
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip || clip->tracks.empty())
        return;
    int idx = 0;
    for (int i = 0; i < int(clip->tracks.size()); ++i)
        if (clip->tracks[std::size_t(i)].id == mDocument->currentTrack())
            idx = i;
    const int n = int(clip->tracks.size());
    mDocument->setCurrentTrack(clip->tracks[std::size_t(((idx + delta) % n + n) % n)].id);
    mDocument->setCurrentKeypoint(-1);
}

bool MainWindow::propagate(bool allAnimals, bool refine, int first, int last, QString *error)
{
    QString err;
    const core::Clip *clip = mDocument->currentClip();
    bool ok = false;
    if (!clip) {
        err = tr("Open a clip first.");
    } else if (!allAnimals && !clip->track(mDocument->currentTrack())) {
        err = tr("Select an animal first.");
    } else {
        tracking::TrackingInput input;
        input.clip = *clip;
        input.categories = mDocument->project().categories;
        if (!allAnimals)
            input.trackIds = {mDocument->currentTrack()};
        input.firstFrame = std::max(0, first);
        input.lastFrame = last < 0 ? mDocument->frameCount() - 1 : std::min(last, mDocument->frameCount() - 1);
        input.refine = refine;
        ok = mRunner->start(QString::fromStdString(clip->path), mDocument->currentClipIndex(), std::move(input),
                            Settings::trackerOptions(), &err);
    }
    if (ok) {
        mProgress->setRange(0, 0);
        mProgress->show();
        mEtaLabel->setText(tr("starting…"));
        mEtaLabel->show();
        mCancelButton->show();
        updateActions();
    } else if (!error) {
        showError(refine ? tr("Refine") : tr("Propagate"), err);
    }
    if (error)
        *error = err;
    return ok;
}

bool MainWindow::openClipIndex(int index, QString *error)
{
    if (!mDocument->clip(index)) {
        if (error)
            *error = tr("There is no clip %1.").arg(index);
        return false;
    }
    if (index == mDocument->currentClipIndex() && mFrames->isOpen()
        && mFrames->path() == QString::fromStdString(mDocument->clip(index)->path))
        return true;
    mDocument->setCurrentClip(index);
    return attachFrames(error);
}

bool MainWindow::propagateAllClips(QString *error)
{
    QString err;
    bool ok = false;
    if (mDocument->isReadOnly())
        err = tr("Reviewers do not propagate; switch to labeller mode.");
    else
        ok = mBatch->start(BatchPropagation::clipsNeedingPropagation(mDocument->project()), Settings::trackerOptions(),
                           &err);
    if (ok)
        statusBar()->showMessage(tr("Propagating all clips that need it; keep working, each clip is one undo step"),
                                 6000);
    else if (!error)
        showError(tr("Propagate All Clips"), err);
    if (error)
        *error = err;
    updateActions();
    return ok;
}

void MainWindow::propagateRangeDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Propagate Range"));
    auto *form = new QFormLayout(&dialog);
    auto *from = new QSpinBox(&dialog);
    auto *to = new QSpinBox(&dialog);
    const int n = std::max(1, mDocument->frameCount());
    from->setRange(0, n - 1);
    to->setRange(0, n - 1);
    from->setValue(mDocument->currentFrame());
    to->setValue(n - 1);
    auto *all = new QCheckBox(tr("All animals"), &dialog);
    auto *refine = new QCheckBox(tr("Refine (re-run after corrections)"), &dialog);
    form->addRow(tr("From frame:"), from);
    form->addRow(tr("To frame:"), to);
    form->addRow(all);
    form->addRow(refine);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(box);
    if (dialog.exec() == QDialog::Accepted)
        propagate(all->isChecked(), refine->isChecked(), std::min(from->value(), to->value()),
                  std::max(from->value(), to->value()));
}

void MainWindow::propagationProgress(int done, int total, double secondsLeft, const QString &stage)
{
    if (total > 0) {
        mProgress->setRange(0, total);
        mProgress->setValue(done);
    }
    QString eta;
    if (secondsLeft >= 0)
        eta = secondsLeft < 60 ? tr("%1 s left").arg(int(secondsLeft + 0.5))
                               : tr("%1 min left").arg(secondsLeft / 60.0, 0, 'f', 1);
    mEtaLabel->setText(stage.isEmpty() ? eta : tr("%1 — %2").arg(stage, eta));
}

void MainWindow::propagationFinished(int clip, const tracking::TrackingOutput &output, bool refine, double seconds)
{
    if (!mDocument->clip(clip)) {
        propagationEnded(tr("Propagation cancelled"));
        return;
    }
    auto *cmd = new ApplyTrackingResult(mDocument, clip, output, refine);
    const int changed = cmd->changedKeypoints();
    if (cmd->isNoOp())
        delete cmd;
    else
        mDocument->undoStack()->push(cmd);
    propagationEnded(tr("%1 finished in %2 s: %3 keypoints updated")
                         .arg(refine ? tr("Refine") : tr("Propagation"))
                         .arg(seconds, 0, 'f', 1)
                         .arg(changed));
    Q_EMIT propagationApplied(changed);
}

void MainWindow::propagationEnded(const QString &message)
{
    mProgress->hide();
    mEtaLabel->hide();
    mCancelButton->hide();
    statusBar()->showMessage(message, 8000);
    updateActions();
}

} // namespace paddock::ui
