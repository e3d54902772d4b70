// SPDX-License-Identifier: Apache-2.0
// The default tracker's job: reads every frame of the range once, in order, and hands it to each animal's
// current segment; a segment between labels is tracked when its last frame arrives, the stretch after the
// last label streams forward.
#pragma once

#include "tracking/default/plan.h"
#include "tracking/default/track.h"
#include "tracking/defaulttracker.h"

#include <chrono>
#include <mutex>

namespace paddock::core {
class FrameSource;
}

namespace paddock::tracking::defaulttracker {

class Engine
{
public:
    Engine(const DefaultTrackerParams &p, core::FrameSource &frames, const TrackingInput &input,
           const ProgressFn &progress, const std::atomic_bool &cancel);
    bool run(TrackingOutput *out, std::string *error, std::size_t *peakBytes);

private:
    struct Animal
    {
        AnimalPlan plan;
        std::size_t seg = 0;
        SegmentFrames frames;                        // the open two-ended or backward segment
        std::vector<Carry> carry;                    // per keypoint, where the current segment starts
        std::vector<std::vector<cv::Mat>> templates; // per keypoint, patches of its last labels
        double size = 0.0;                           // the animal's size on its latest labels
        // Streaming forward after the last label.
        bool streaming = false;
        cv::Size window;
        double streamScale = 1.0;
        bool streamPointwise = false;
        std::vector<char> has;
        std::vector<cv::Point2f> pos;
        std::vector<PointState> state;
        std::vector<char> occluded;
        std::vector<std::vector<cv::Mat>> endTemplates;
    };

    bool readGray(int index, cv::Mat *gray, std::string *error);
    void feed(Animal &a, int f, const cv::Mat &gray, const cv::Mat &prev);
    void openSegment(Animal &a, const cv::Mat &gray);
    void finishSegment(Animal &a);
    void startStream(Animal &a, const cv::Mat &gray);
    void stepStream(Animal &a, int f, const cv::Mat &gray, const cv::Mat &prev);
    StepContext context(const Animal &a, double scale) const;
    /** Frame \a f keypoint \a k of \a a at \a pos, its score from \a spread (px^2), unless a person labelled it. */
    void emit(const Animal &a, int f, int k, cv::Point2f pos, float spread, bool occluded);
    void report();

    const DefaultTrackerParams &P;
    core::FrameSource &mFrames;
    const TrackingInput &mIn;
    const ProgressFn &mProgress;
    const std::atomic_bool &mCancel;
    TrackingOutput *mOut = nullptr;
    std::mutex mOutMutex; ///< emit() from several animals at once
    std::vector<Animal> mAnimals;
    int mWidth = 0;
    int mHeight = 0;
    int mDone = 0;
    int mTotal = 0;
    std::chrono::steady_clock::time_point mStarted = std::chrono::steady_clock::now();
};

} // namespace paddock::tracking::defaulttracker
