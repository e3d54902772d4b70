// SPDX-License-Identifier: Apache-2.0
#include "ui/document/propagationrunner.h"

#include "core/video/framesource.h"
#include "tracking/defaulttracker.h"

#include <QCoreApplication>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <chrono>
#include <exception>

namespace paddock::ui {

struct PropagationRunner::Job
{
    std::atomic_bool cancel{false};
    QFuture<void> future;
};

std::unique_ptr<tracking::PointTracker> makeTracker(const tracking::TrackerOptions &options, QString *error)
{
    if (options.tracker == "default" || options.tracker.empty())
        return std::make_unique<tracking::DefaultTracker>();
    if (error)
        *error = QCoreApplication::translate("PropagationRunner", "The tracker \"%1\" is not available in this build. Choose the default tracker in "
                        "Settings, or set up CoTracker3 with a model file.")
                     .arg(QString::fromStdString(options.tracker));
    return nullptr;
}

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
    auto tracker = makeTracker(options, error);
    if (!tracker)
        return false;
    bool anyLabels = false;
    for (const core::Track &t : input.clip.tracks) {
        const bool wanted = input.trackIds.empty()
            || std::find(input.trackIds.begin(), input.trackIds.end(), t.id) != input.trackIds.end();
        anyLabels = anyLabels || (wanted && !input.clip.userLabelledFrames(t.id).empty());
    }
    if (!anyLabels) {
        if (error)
            *error = QCoreApplication::translate("PropagationRunner", "Label at least one frame of the animal before propagating.");
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
        const auto started = std::chrono::steady_clock::now();
        std::string err;
        tracking::TrackingOutput output;
        bool ok = false;
        try {
            auto frames = core::FrameSource::open(path, &err);
            if (frames) {
                auto lastReport = std::chrono::steady_clock::now() - std::chrono::seconds(1);
                tracking::ProgressFn report = [&](const tracking::Progress &p) {
                    const auto now = std::chrono::steady_clock::now();
                    if (now - lastReport < std::chrono::milliseconds(100) && p.done < p.total)
                        return; // about 10 Hz
                    lastReport = now;
                    const QString stage = QString::fromStdString(p.stage);
                    QMetaObject::invokeMethod(this, [this, p, stage] {
                        Q_EMIT progress(p.done, p.total, p.secondsLeft, stage);
                    }, Qt::QueuedConnection);
                };
                ok = tracker->track(*frames, input, &output, report, job->cancel, &err);
            }
        } catch (const std::exception &e) {
            err = e.what();
            ok = false;
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
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
