// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/batchpropagation.h"

#include "tracking/trackerfactory.h"
#include "ui/browser/clipstats.h"
#include "ui/commands/trackingcommands.h"
#include "ui/document/document.h"

#include <QCoreApplication>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <thread>

namespace paddock::ui {

/** One pass: the snapshot the workers read (and the GUI compares against), its clips' indices, the cancel flag. */
struct BatchPropagation::Job
{
    std::shared_ptr<const core::Project> snapshot; ///< categories and the pass's clips, as they were at its start
    std::vector<int> clips;                        ///< snapshot clip i is project clip clips[i]
    std::atomic_bool cancel{false};
    QFuture<void> future;
};

BatchPropagation::BatchPropagation(Document *document, QObject *parent)
    : QObject(parent)
    , mDocument(document)
{
    qRegisterMetaType<paddock::ui::BatchPropagation::Outcome>();
    // A new project: the running pass's results belong to the old one.
    connect(document, &Document::changed, this, [this](const ChangeEvent &e) {
        if (e.type == ChangeEvent::Type::ProjectReset && mRunning)
            cancel();
    });
}

BatchPropagation::~BatchPropagation()
{
    cancel();
    waitForFinished();
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
    std::vector<int> valid;
    for (int c : clips)
        if (mDocument->clip(c))
            valid.push_back(c);
    if (valid.empty())
        return fail(tr("No clip needs propagation: every clip with labels is propagated, or waits for review."));
    std::string err;
    if (!tracking::makeTracker(options, &err))
        return fail(QString::fromStdString(err));
    mOptions = options;
    mOutcomes.clear();
    mRerun.clear();
    mTotal = int(valid.size());
    mCancelled = false;
    mRunning = true;
    mPass = 0;
    mElapsed.start();
    startPass(valid);
    return true;
}

void BatchPropagation::startPass(const std::vector<int> &clips)
{
    auto snapshot = std::make_shared<core::Project>();
    snapshot->categories = mDocument->project().categories;
    for (int c : clips)
        snapshot->clips.push_back(*mDocument->clip(c));
    if (mJob)
        mJob->future.waitForFinished(); // a cancelled or ended pass: at most the tracker's cancel latency
    auto job = std::make_shared<Job>();
    job->snapshot = snapshot;
    job->clips = clips;
    mJob = job;

    tracking::BatchOptions batch;
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    // CoTracker3 is memory-hungry and parallel inside: one clip at a time, as the command line does.
    batch.jobs = mJobs > 0 ? mJobs : mOptions.tracker == "cotracker3" ? 1 : std::max(1, cores - 1);
    batch.keepOutputs = false; // each output goes to the GUI as its clip finishes
    const tracking::TrackerOptions options = mOptions;
    const int pass = mPass;
    const int doneBefore = int(mOutcomes.size());
    const int total = mTotal;
    job->future = QtConcurrent::run([this, job, batch, options, pass, doneBefore, total] {
        std::vector<std::size_t> all(job->clips.size());
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = i;
        const tracking::TrackerMaker maker = [options](std::string *err) { return tracking::makeTracker(options, err); };
        const tracking::BatchProgressFn report = [this, job, pass, doneBefore, total](const tracking::BatchProgress &p) {
            // The first pass is the batch; a re-run counts by its clips.
            const double fraction = pass == 0 ? p.fraction : double(doneBefore + p.clipsDone) / std::max(1, total);
            const double left = pass == 0 ? p.secondsLeft : -1.0;
            QMetaObject::invokeMethod(this, [this, job, fraction, left] {
                if (job != mJob || mCancelled)
                    return;
                const int done = std::min(int(mOutcomes.size()), mTotal);
                Q_EMIT progress(done, mTotal, fraction, left, QString());
            }, Qt::QueuedConnection);
        };
        const tracking::ClipDoneFn done = [this, job](tracking::ClipResult &r) {
            QMetaObject::invokeMethod(this, [this, job, r = std::move(r)]() mutable {
                clipResult(job, r.clipIndex, std::move(r));
            }, Qt::QueuedConnection);
        };
        bool cancelled = false;
        try {
            const tracking::BatchResult result =
                tracking::runBatchPropagation(*job->snapshot, all, maker, batch, report, job->cancel, done);
            cancelled = result.cancelled;
        } catch (const std::exception &) {
            cancelled = true; // the engine reports per-clip errors itself; anything else ends the pass
        }
        QMetaObject::invokeMethod(this, [this, job, cancelled] { passFinished(job, cancelled); }, Qt::QueuedConnection);
    });
    Q_EMIT passStarted(mPass, int(clips.size()));
    Q_EMIT progress(int(mOutcomes.size()), mTotal, double(mOutcomes.size()) / mTotal, -1.0, QString());
}

void BatchPropagation::cancel()
{
    if (!mRunning)
        return;
    mCancelled = true;
    mRerun.clear();
    if (mJob)
        mJob->cancel = true;
    finish(true); // late results and the pass's end are dropped (mCancelled)
}

void BatchPropagation::waitForFinished()
{
    if (mJob)
        mJob->future.waitForFinished();
    QCoreApplication::sendPostedEvents(this);
}

void BatchPropagation::clipResult(const std::shared_ptr<Job> &job, std::size_t subIndex, tracking::ClipResult result)
{
    if (job != mJob || mCancelled || !mRunning || subIndex >= job->clips.size())
        return;
    const int clipIndex = job->clips[subIndex];
    const core::Clip &before = job->snapshot->clips[subIndex];
    const core::Clip *clip = mDocument->clip(clipIndex);
    Outcome o{clipIndex, Outcome::Applied, 0, mPass > 0, QString()};
    if (result.status == tracking::ClipResult::Status::Cancelled) {
        return;
    } else if (result.status != tracking::ClipResult::Status::Done) {
        o.kind = result.status == tracking::ClipResult::Status::Skipped ? Outcome::Skipped : Outcome::Failed;
        o.note = QString::fromStdString(result.error);
    } else if (!clip) {
        o.kind = Outcome::Failed;
        o.note = tr("the clip is gone");
    } else if (mDocument->isReadOnly()) {
        o.kind = Outcome::Skipped;
        o.note = tr("reviewer mode: tracker results are not applied");
    } else if (clip->review.state() != before.review.state() || clip->tracks != before.tracks
               || clip->frames != before.frames) {
        const core::RoundState state = clip->review.state();
        const bool editable = state == core::RoundState::Labelling || state == core::RoundState::Returned;
        if (mPass == 0 && editable) {
            mRerun.push_back(clipIndex); // edited while it ran: again from its new labels, after this pass
            return;
        }
        o.kind = Outcome::Skipped;
        o.note = editable ? tr("edited again while it was propagated: propagate it yourself")
                          : tr("its review state changed while it was propagated");
    } else {
        auto *cmd = new ApplyTrackingResult(mDocument, clipIndex, result.output, false);
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
}

void BatchPropagation::passFinished(const std::shared_ptr<Job> &job, bool cancelled)
{
    if (job != mJob || !mRunning)
        return;
    if (cancelled || mCancelled) {
        finish(true);
        return;
    }
    if (mPass == 0 && !mRerun.empty()) {
        mPass = 1;
        const std::vector<int> again = std::exchange(mRerun, {});
        startPass(again);
        return;
    }
    finish(false);
}

void BatchPropagation::record(Outcome outcome)
{
    mOutcomes.push_back(outcome);
    Q_EMIT clipDone(outcome);
}

void BatchPropagation::finish(bool cancelled)
{
    if (!mRunning)
        return;
    mRunning = false;
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
