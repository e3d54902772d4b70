// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"
#include "tracking/batch.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace paddock::ui {

class Document;

/**
 * "Propagate all clips that need it": runs the batch engine (tracking/batch: clips in parallel on a pool of
 * worker threads) in the background on a snapshot of the clips, while the user keeps working. Each clip's
 * result is applied on the GUI thread as it arrives, one undo step per clip. A clip whose labels (or animals,
 * or review state) changed since the snapshot gets no stale result: once the first pass ends, such clips run
 * again from their new labels, and a clip changed during that second run too is skipped with a note.
 * Cancel stops the workers within the tracker's cancel latency; clips already applied stay applied, results
 * that arrive after the cancel are dropped.
 */
class BatchPropagation : public QObject
{
    Q_OBJECT

public:
    /** What happened to one clip of the batch. */
    struct Outcome
    {
        enum Kind { Applied, Unchanged, Skipped, Failed };
        int clip = -1;
        Kind kind = Applied;
        int changedKeypoints = 0;
        bool rerun = false; ///< run a second time because it was edited during the first run
        QString note;
    };

    explicit BatchPropagation(Document *document, QObject *parent = nullptr);
    ~BatchPropagation() override;

    /**
     * Clips a batch would propagate: sparse labels with frames still to fill, in labelling or returned state
     * (clips submitted or accepted wait for the reviewer).
     */
    static std::vector<int> clipsNeedingPropagation(const core::Project &project);

    /** Clips run at once (0: the machine's cores less one, so the GUI keeps a core; at least 1). */
    void setJobs(int jobs) { mJobs = jobs; }
    /** Starts on \a clips; false with \a error when running, nothing to do, or the tracker cannot be made. */
    bool start(const std::vector<int> &clips, const tracking::TrackerOptions &options, QString *error);
    bool isRunning() const { return mRunning; }
    void cancel();
    /** Blocks until the workers end (shutdown, tests); their last results then arrive as queued events. */
    void waitForFinished();
    const std::vector<Outcome> &outcomes() const { return mOutcomes; }

Q_SIGNALS:
    /** A pass starts on a snapshot of its clips' labels: 0 the first, 1 the re-run of clips edited meanwhile. */
    void passStarted(int pass, int clips);
    /** \a clipsDone of \a clipsTotal finished; \a fraction (0..1) of the whole batch; \a secondsLeft -1 unknown. */
    void progress(int clipsDone, int clipsTotal, double fraction, double secondsLeft, const QString &clipName);
    void clipDone(const paddock::ui::BatchPropagation::Outcome &outcome);
    /** The batch ended (all done, or cancelled); \a summary says what happened. */
    void finished(bool cancelled, const QString &summary);

private:
    struct Job;
    void startPass(const std::vector<int> &clips);
    void clipResult(const std::shared_ptr<Job> &job, std::size_t subIndex, tracking::ClipResult result);
    void passFinished(const std::shared_ptr<Job> &job, bool cancelled);
    void record(Outcome outcome);
    void finish(bool cancelled);

    Document *mDocument;
    tracking::TrackerOptions mOptions;
    int mJobs = 0;
    std::shared_ptr<Job> mJob;
    int mPass = 0;
    std::vector<int> mRerun;
    std::vector<Outcome> mOutcomes;
    int mTotal = 0;
    QElapsedTimer mElapsed;
    bool mRunning = false;
    bool mCancelled = false;
};

} // namespace paddock::ui

Q_DECLARE_METATYPE(paddock::ui::BatchPropagation::Outcome)
