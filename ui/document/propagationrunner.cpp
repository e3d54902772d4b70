// SPDX-License-Identifier: Apache-2.0
#include "ui/document/propagationrunner.h"

#include "tracking/propagation.h"
#include "tracking/trackerfactory.h"

#include <QCoreApplication>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace paddock::ui {

struct PropagationRunner::Job
{
    std::atomic_bool cancel{false};
    QFuture<void> future;
};

PropagationRunner::PropagationRunner(QObject *parent)
    : QObject(parent)
{
}

PropagationRunner::~PropagationRunner()
{
    cancel();
    waitForFinished();
}

void PropagationRunner::cancel()
{
    if (mJob)
        mJob->cancel = true;
}

void PropagationRunner::waitForFinished()
{
    if (mJob)
        mJob->future.waitForFinished();
    QCoreApplication::sendPostedEvents(this);
}

bool PropagationRunner::start(const QString &clipPath, int clipIndex, tracking::TrackingInput input,
                              const tracking::TrackerOptions &options, QString *error)
{
    if (mRunning) {
        if (error)
            *error = QCoreApplication::translate("PropagationRunner", "A tracking job is already running.");
        return false;
    }
    // Only quick checks here (names, the model file is a file, the plan); the weights load in the job, on the
    // worker thread, with progress and cancel, and a bad model file comes back through failed().
    std::string err;
    auto tracker = tracking::makeTracker(options, &err);
    if (tracker && !tracking::planTracking(&input, input.clip.effectiveFrameCount(), &err))
        tracker.reset();
    if (!tracker) {
        if (error)
            *error = QString::fromStdString(err);
        return false;
    }
    auto job = std::make_shared<Job>();
    mJob = job;
    mRunning = true;
    const std::string path = clipPath.toStdString();
    const bool refine = input.refine;
    // The worker owns its snapshot, tracker and frame source; only queued signals come back.
    job->future = QtConcurrent::run([this, job, path, clipIndex, refine, input = std::move(input),
                                     tracker = std::shared_ptr<tracking::PointTracker>(std::move(tracker))]() {
        std::string err;
        tracking::TrackingOutput output;
        tracking::PropagationStats stats;
        bool ok = false;
        try {
            const tracking::ProgressFn report = [this](const tracking::Progress &p) {
                const QString stage = QString::fromStdString(p.stage);
                QMetaObject::invokeMethod(this, [this, p, stage] {
                    Q_EMIT progress(p.done, p.total, p.secondsLeft, stage);
                }, Qt::QueuedConnection);
            };
            ok = tracking::runPropagation(*tracker, path, input, report, job->cancel, &output, &err, &stats);
        } catch (const std::exception &e) {
            // Exceptions never cross the thread boundary.
            err = e.what();
            ok = false;
        } catch (...) {
            err = "the tracker failed with an unknown error";
            ok = false;
        }
        const double seconds = stats.seconds;
        const bool wasCancelled = job->cancel.load();
        QMetaObject::invokeMethod(this, [this, ok, wasCancelled, output = std::move(output), err, clipIndex, refine,
                                         seconds] {
            mRunning = false;
            if (wasCancelled)
                Q_EMIT cancelled();
            else if (ok)
                Q_EMIT finished(clipIndex, output, refine, seconds);
            else
                Q_EMIT failed(QString::fromStdString(err));
        }, Qt::QueuedConnection);
    });
    return true;
}

} // namespace paddock::ui
