// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracking/pointtracker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace paddock::ui {

/**
 * Runs one tracking job at a time in the background (QtConcurrent) on an immutable snapshot: opens its
 * own frame source, loads the tracker's model (CoTracker3 weights) and runs it, reports throttled progress
 * and can be cancelled at any moment (it ends within about 200 ms). A model file that cannot be used comes
 * back through failed() with the reason. Results come
 * back on the GUI thread through finished(); the caller turns them into one undo command.
 */
class PropagationRunner : public QObject
{
    Q_OBJECT

public:
    explicit PropagationRunner(QObject *parent = nullptr);
    ~PropagationRunner() override;

    bool isRunning() const { return mRunning; }
    /** Starts a job; false with \a error when one is running or the input is unusable. */
    bool start(const QString &clipPath, int clipIndex, tracking::TrackingInput input,
               const tracking::TrackerOptions &options, QString *error);
    void cancel();
    /** Blocks until the running job (if any) ends; for shutdown and tests. */
    void waitForFinished();

Q_SIGNALS:
    void progress(int done, int total, double secondsLeft, const QString &stage);
    void finished(int clipIndex, const paddock::tracking::TrackingOutput &output, bool refine, double seconds);
    void failed(const QString &message);
    void cancelled();

private:
    struct Job;
    std::shared_ptr<Job> mJob;
    bool mRunning = false;
};

} // namespace paddock::ui
