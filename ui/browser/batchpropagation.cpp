// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/batchpropagation.h"

#include "tracking/trackerfactory.h"
#include "ui/browser/clipstats.h"
#include "ui/commands/trackingcommands.h"
#include "ui/document/document.h"
#include "ui/document/propagationrunner.h"

#include <QCoreApplication>

namespace paddock::ui {

BatchPropagation::BatchPropagation(Document *document, QObject *parent)
    : QObject(parent)
    , mDocument(document)
    , mRunner(new PropagationRunner(this))
{
    qRegisterMetaType<paddock::ui::BatchPropagation::Outcome>();
    connect(mRunner, &PropagationRunner::progress, this,
            [this](int done, int total, double, const QString &) {
                reportProgress(total > 0 ? double(done) / total : 0.0);
            });
    connect(mRunner, &PropagationRunner::finished, this,
            [this](int clip, const tracking::TrackingOutput &output, bool, double) { clipFinished(clip, output); });
    connect(mRunner, &PropagationRunner::failed, this, &BatchPropagation::clipFailed);
    connect(mRunner, &PropagationRunner::cancelled, this, [this] { finish(true); });
    // A new project: the running clip's result belongs to the old one.
    connect(document, &Document::changed, this, [this](const ChangeEvent &e) {
        if (e.type == ChangeEvent::Type::ProjectReset && mRunning)
            cancel();
    });
}

BatchPropagation::~BatchPropagation()
{
    cancel();
    mRunner->waitForFinished();
}

std::vector<int> BatchPropagation::clipsNeedingPropagation(const core::Project &project)
{
    std::vector<int> out;
    for (std::size_t i = 0; i < project.clips.size(); ++i) {
        const ClipStats s = computeClipStats(project.clips[i], 0.0);
        if (s.needsPropagation()
            && (s.state == core::RoundState::Labelling || s.state == core::RoundState::Returned))
            out.push_back(int(i));
    }
    return out;
}

bool BatchPropagation::start(const std::vector<int> &clips, const tracking::TrackerOptions &options, QString *error)
{
    const auto fail = [error](const QString &msg) {
        if (error)
            *error = msg;
        return false;
    };
    if (mRunning)
        return fail(tr("Propagation of all clips is already running."));
    if (clips.empty())
        return fail(tr("No clip needs propagation: every clip with labels is propagated, or waits for review."));
    std::string err;
    if (!tracking::makeTracker(options, &err))
        return fail(QString::fromStdString(err));
    mOptions = options;
    mQueue.clear();
    for (int c : clips)
        if (mDocument->clip(c))
            mQueue.push_back({c, false});
    mOutcomes.clear();
    mTotal = int(mQueue.size());
    mCancelled = false;
    mRunning = true;
    mElapsed.start();
    startNext();
    return true;
}

void BatchPropagation::cancel()
{
    if (!mRunning)
        return;
    mCancelled = true;
    mQueue.clear();
    if (mRunner->isRunning())
        mRunner->cancel();
    else
        finish(true);
}

void BatchPropagation::waitForFinished()
{
    mRunner->waitForFinished();
}

void BatchPropagation::startNext()
{
    while (mRunning && !mCancelled && !mQueue.empty()) {
        const Pending p = mQueue.front();
        mQueue.pop_front();
        QString err;
        if (startClip(p, &err))
            return;
        record({p.clip, Outcome::Failed, 0, p.rerun, err});
    }
    if (mRunning)
        finish(mCancelled);
}

bool BatchPropagation::startClip(const Pending &p, QString *error)
{
    const core::Clip *clip = mDocument->clip(p.clip);
    if (!clip) {
        *error = tr("the clip is gone");
        return false;
    }
    // This is the one place that runs a clip; a batch engine (tracking/batch) can take over here.
    tracking::TrackingInput input;
    input.clip = *clip;
    input.categories = mDocument->project().categories;
    mSnapshot = {clip->tracks, clip->frames, clip->review.state()};
    mCurrent = p;
    reportProgress(0.0);
    return mRunner->start(QString::fromStdString(clip->path), p.clip, std::move(input), mOptions, error);
}

bool BatchPropagation::matchesSnapshot(const core::Clip &clip) const
{
    return clip.review.state() == mSnapshot.state && clip.tracks == mSnapshot.tracks && clip.frames == mSnapshot.frames;
}

void BatchPropagation::clipFinished(int clipIndex, const tracking::TrackingOutput &output)
{
    if (mCancelled) {
        finish(true);
        return;
    }
    const core::Clip *clip = mDocument->clip(clipIndex);
    Outcome o{clipIndex, Outcome::Applied, 0, mCurrent.rerun, QString()};
    if (!clip) {
        o.kind = Outcome::Failed;
        o.note = tr("the clip is gone");
    } else if (mDocument->isReadOnly()) {
        o.kind = Outcome::Skipped;
        o.note = tr("reviewer mode: tracker results are not applied");
    } else if (!matchesSnapshot(*clip)) {
        const core::RoundState state = clip->review.state();
        const bool editable = state == core::RoundState::Labelling || state == core::RoundState::Returned;
        if (!mCurrent.rerun && editable) {
            // Edited while its run was going: run it again from the new labels, next.
            mQueue.push_front({clipIndex, true});
            startNext();
            return;
        }
        o.kind = Outcome::Skipped;
        o.note = editable ? tr("edited again while it was propagated: propagate it yourself")
                          : tr("its review state changed while it was propagated");
    } else {
        auto *cmd = new ApplyTrackingResult(mDocument, clipIndex, output, false);
        cmd->setText(tr("Propagate clip %1").arg(QString::fromStdString(clip->name)));
        o.changedKeypoints = cmd->changedKeypoints();
        if (cmd->isNoOp()) {
            delete cmd;
            o.kind = Outcome::Unchanged;
        } else {
            mDocument->undoStack()->push(cmd);
        }
        if (o.rerun)
            o.note = tr("edited during its first run: propagated again from the new labels");
    }
    record(o);
    startNext();
}

void BatchPropagation::clipFailed(const QString &message)
{
    record({mCurrent.clip, Outcome::Failed, 0, mCurrent.rerun, message});
    startNext();
}

void BatchPropagation::record(Outcome outcome)
{
    mOutcomes.push_back(outcome);
    Q_EMIT clipDone(outcome);
    reportProgress(0.0);
}

void BatchPropagation::reportProgress(double withinClip)
{
    if (!mRunning || mTotal <= 0)
        return;
    const int done = std::min(int(mOutcomes.size()), mTotal);
    const double fraction = std::min(1.0, (done + (done < mTotal ? withinClip : 0.0)) / mTotal);
    const double elapsed = mElapsed.elapsed() / 1000.0;
    const double left = fraction > 0.02 && elapsed > 0.5 ? elapsed * (1.0 - fraction) / fraction : -1.0;
    const core::Clip *clip = done < mTotal ? mDocument->clip(mCurrent.clip) : nullptr;
    Q_EMIT progress(done, mTotal, fraction, left, clip ? QString::fromStdString(clip->name) : QString());
}

void BatchPropagation::finish(bool cancelled)
{
    if (!mRunning)
        return;
    mRunning = false;
    mQueue.clear();
    int applied = 0, unchanged = 0, skipped = 0, failed = 0;
    for (const Outcome &o : mOutcomes) {
        applied += o.kind == Outcome::Applied;
        unchanged += o.kind == Outcome::Unchanged;
        skipped += o.kind == Outcome::Skipped;
        failed += o.kind == Outcome::Failed;
    }
    QString summary = cancelled ? tr("Propagation of all clips cancelled after %1 of %2 clips: ")
                                      .arg(mOutcomes.size())
                                      .arg(mTotal)
                                : tr("Propagated %1 clips in %2 s: ").arg(mTotal).arg(mElapsed.elapsed() / 1000.0, 0, 'f', 1);
    summary += tr("%1 updated, %2 unchanged, %3 skipped, %4 failed").arg(applied).arg(unchanged).arg(skipped).arg(failed);
    int notes = 0;
    for (const Outcome &o : mOutcomes) {
        if (o.note.isEmpty())
            continue;
        if (++notes > 3) {
            summary += tr("; and more (see the clip browser)");
            break;
        }
        const core::Clip *clip = mDocument->clip(o.clip);
        summary += QStringLiteral("; ") + (clip ? QString::fromStdString(clip->name) : QString::number(o.clip))
                   + QStringLiteral(": ") + o.note;
    }
    Q_EMIT finished(cancelled, summary);
}

} // namespace paddock::ui
