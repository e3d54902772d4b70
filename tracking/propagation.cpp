// SPDX-License-Identifier: Apache-2.0
#include "tracking/propagation.h"

#include "core/video/framesource.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>

namespace paddock::tracking {

bool prepareInput(TrackingInput *input, int frameCount, std::string *error)
{
    const int count = frameCount > 0 ? frameCount : input->clip.effectiveFrameCount();
    if (count <= 0) {
        if (error)
            *error = "the clip has no frames";
        return false;
    }
    if (input->firstFrame < 0)
        input->firstFrame = 0;
    if (input->lastFrame < 0 || input->lastFrame >= count)
        input->lastFrame = count - 1;
    if (input->firstFrame > input->lastFrame) {
        if (error)
            *error = "frame range " + std::to_string(input->firstFrame) + ".." + std::to_string(input->lastFrame)
                + " is outside the clip (" + std::to_string(count) + " frames)";
        return false;
    }
    std::vector<int> ids = input->trackIds;
    if (ids.empty())
        for (const core::Track &t : input->clip.tracks)
            ids.push_back(t.id);
    bool any = false;
    for (int id : ids)
        for (int f : input->clip.userLabelledFrames(id))
            any = any || (f >= input->firstFrame && f <= input->lastFrame);
    if (!any) {
        if (error)
            *error = "no labelled keypoints in frames " + std::to_string(input->firstFrame) + ".."
                + std::to_string(input->lastFrame) + ": label at least one frame of the animal first";
        return false;
    }
    return true;
}

ProgressFn throttledProgress(const ProgressFn &progress, int intervalMs)
{
    if (!progress)
        return {};
    struct State
    {
        std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
        std::chrono::steady_clock::time_point last = start - std::chrono::hours(1);
    };
    auto state = std::make_shared<State>();
    return [progress, state, intervalMs](const Progress &p) {
        const auto now = std::chrono::steady_clock::now();
        const bool end = p.total > 0 && p.done >= p.total;
        if (!end && now - state->last < std::chrono::milliseconds(intervalMs))
            return;
        state->last = now;
        Progress q = p;
        if (q.secondsLeft < 0 && q.done > 0 && q.total > 0) {
            const double elapsed = std::chrono::duration<double>(now - state->start).count();
            q.secondsLeft = elapsed * double(q.total - q.done) / double(q.done);
        }
        progress(q);
    };
}

bool runPropagation(PointTracker &tracker, const std::string &clipPath, TrackingInput input,
                    const ProgressFn &progress, const std::atomic_bool &cancel, TrackingOutput *output,
                    std::string *error, PropagationStats *stats, const FrameSourceOpener &open)
{
    const auto started = std::chrono::steady_clock::now();
    output->clear();
    std::string err;
    std::unique_ptr<core::FrameSource> frames = open ? open(clipPath, &err) : core::FrameSource::open(clipPath, &err);
    if (!frames) {
        if (error)
            *error = err.empty() ? "cannot open " + clipPath : err;
        return false;
    }
    if (!prepareInput(&input, frames->info().frameCount, error))
        return false;
    if (cancel.load()) {
        if (error)
            *error = "cancelled";
        return false;
    }
    const ProgressFn report = throttledProgress(progress);
    bool ok = false;
    try {
        ok = tracker.track(*frames, input, output, report, cancel, &err);
    } catch (const std::exception &e) {
        err = std::string("tracker failed: ") + e.what();
        ok = false;
    }
    if (ok && cancel.load()) {
        ok = false;
        err = "cancelled";
    }
    if (!ok) {
        output->clear();
        if (error)
            *error = cancel.load() ? "cancelled" : err;
        return false;
    }
    if (stats) {
        stats->firstFrame = input.firstFrame;
        stats->lastFrame = input.lastFrame;
        stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        stats->tracker = tracker.name();
    }
    return true;
}

int mergeTrackingOutput(core::Clip *clip, const TrackingOutput &output, bool refine)
{
    const core::Source mark = refine ? core::Source::Refined : core::Source::Propagated;
    int changed = 0;
    for (const auto &[frame, list] : output) {
        for (const core::Instance &in : list) {
            core::Instance *existing = clip->instance(frame, in.trackId);
            core::Instance merged;
            if (existing) {
                merged = *existing;
            } else {
                merged.trackId = in.trackId;
                const core::Track *t = clip->track(in.trackId);
                merged.categoryId = t ? t->categoryId : in.categoryId;
            }
            if (merged.keypoints.size() < in.keypoints.size())
                merged.keypoints.resize(in.keypoints.size());
            int here = 0;
            for (std::size_t k = 0; k < in.keypoints.size(); ++k) {
                core::Keypoint &dst = merged.keypoints[k];
                const core::Keypoint &src = in.keypoints[k];
                if (dst.isLabelled() && core::isUserLabel(dst.source))
                    continue; // a person's label is never overwritten
                if (!src.isLabelled() || core::isUserLabel(src.source))
                    continue; // nothing tracked here (user labels in the output are echoes of the input)
                core::Keypoint kp = src;
                kp.source = mark;
                kp.score = std::clamp(src.score, 0.0f, 1.0f);
                if (kp != dst) {
                    dst = kp;
                    ++here;
                }
            }
            if (here == 0 && existing)
                continue;
            if (here == 0 && !existing)
                continue; // an output instance with nothing to add
            changed += here;
            clip->setInstance(frame, merged);
        }
    }
    return changed;
}

} // namespace paddock::tracking
