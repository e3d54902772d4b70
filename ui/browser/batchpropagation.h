// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"
#include "tracking/pointtracker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <deque>
#include <vector>

namespace paddock::ui {

class Document;
class PropagationRunner;

/**
 * "Propagate all clips that need it": runs propagation over a list of clips in the background, one clip after
 * the other on a worker thread (PropagationRunner), while the user keeps working. Each clip's result is one
 * undo step. A clip whose labels (or animals, or review state) changed while its run was going gets no stale
 * result: it is run again once from its new labels, and skipped with a note when it changed again.
 * Cancel stops the running clip within the tracker's cancel latency; clips already applied stay applied.
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

    /** Starts on \a clips; false with \a error when running, nothing to do, or the tracker cannot be made. */
    bool start(const std::vector<int> &clips, const tracking::TrackerOptions &options, QString *error);
    bool isRunning() const { return mRunning; }
    void cancel();
    /** Blocks until the running clip's job ends (shutdown, tests); results then arrive as queued events. */
    void waitForFinished();
    const std::vector<Outcome> &outcomes() const { return mOutcomes; }

Q_SIGNALS:
    /** \a clipsDone of \a clipsTotal finished; \a fraction (0..1) of the whole batch; \a secondsLeft -1 unknown. */
    void progress(int clipsDone, int clipsTotal, double fraction, double secondsLeft, const QString &clipName);
    void clipDone(const paddock::ui::BatchPropagation::Outcome &outcome);
    /** The batch ended (all done, or cancelled); \a summary says what happened. */
    void finished(bool cancelled, const QString &summary);

private:
    struct Pending
    {
        int clip = -1;
        bool rerun = false;
    };
    /** What the result of a run must still match at apply time. */
    struct Snapshot
    {
        std::vector<core::Track> tracks;
        core::FrameLabels frames;
        core::RoundState state = core::RoundState::Labelling;
    };
    void startNext();
    bool startClip(const Pending &p, QString *error);
    void clipFinished(int clip, const tracking::TrackingOutput &output);
    void clipFailed(const QString &message);
    void record(Outcome outcome);
    void finish(bool cancelled);
    void reportProgress(double withinClip);
    bool matchesSnapshot(const core::Clip &clip) const;

    Document *mDocument;
    PropagationRunner *mRunner;
    tracking::TrackerOptions mOptions;
    std::deque<Pending> mQueue;
    Pending mCurrent;
    Snapshot mSnapshot;
    std::vector<Outcome> mOutcomes;
    int mTotal = 0;
    QElapsedTimer mElapsed;
    bool mRunning = false;
    bool mCancelled = false;
};

} // namespace paddock::ui

Q_DECLARE_METATYPE(paddock::ui::BatchPropagation::Outcome)
