// SPDX-License-Identifier: Apache-2.0
#include "tracking/propagation.h"

#include "core/video/clipframes.h"
#include "core/video/framesource.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <iterator>
#include <memory>
#include <set>

namespace paddock::tracking {

namespace {

std::string rangeText(int first, int last)
{
    return std::to_string(first) + ".." + std::to_string(last);
}

bool isUserKeypoint(const core::Keypoint &kp)
{
    return kp.isLabelled() && core::isUserLabel(kp.source);
}

} // namespace

bool planTracking(TrackingInput *input, int frameCount, std::string *error)
{
    auto fail = [&](const std::string &m) {
        if (error)
            *error = m;
        return false;
    };
    const core::Clip &clip = input->clip;
    const int count = frameCount > 0 ? frameCount : clip.effectiveFrameCount();
    if (input->planned && input->frameCount == count)
        return true;
    if (count <= 0)
        return fail("the clip has no frames");
    const int first = input->firstFrame;
    const int last = input->lastFrame < 0 ? count - 1 : input->lastFrame;
    if (first < 0 || first > last || last >= count)
        return fail("frame range " + rangeText(first, last) + " is outside the clip (" + std::to_string(count)
                    + " frames: 0.." + std::to_string(count - 1) + ")");

    // The tracks: those asked for, or every track of the clip (and any track id its instances use).
    std::set<int> known;
    for (const core::Track &t : clip.tracks)
        known.insert(t.id);
    for (const auto &[f, list] : clip.frames)
        for (const core::Instance &i : list)
            known.insert(i.trackId);
    const bool explicitTracks = !input->trackIds.empty();
    const std::set<int> ids = explicitTracks ? std::set<int>(input->trackIds.begin(), input->trackIds.end()) : known;

    std::vector<PlannedTrack> planned;
    for (int id : ids) {
        const core::Track *track = clip.track(id);
        const std::string name = track && !track->name.empty() ? "\"" + track->name + "\"" : std::to_string(id);
        if (!known.count(id))
            return fail("the clip has no animal " + name);
        PlannedTrack p;
        p.trackId = id;
        p.categoryId = track ? track->categoryId : 1;
        bool categoryFromTrack = track != nullptr;
        for (auto it = clip.frames.lower_bound(first); it != clip.frames.end() && it->first <= last; ++it)
            for (const core::Instance &i : it->second) {
                if (i.trackId != id)
                    continue;
                p.keypointCount = std::max(p.keypointCount, int(i.keypoints.size()));
                if (!categoryFromTrack)
                    p.categoryId = i.categoryId;
                if (std::any_of(i.keypoints.begin(), i.keypoints.end(), isUserKeypoint))
                    p.labelledFrames.push_back(it->first);
            }
        for (const core::Category &c : input->categories)
            if (c.id == p.categoryId)
                p.keypointCount = std::max(p.keypointCount, c.keypointCount());
        if (p.labelledFrames.empty() || p.keypointCount <= 0) {
            if (explicitTracks)
                return fail("animal " + name + " has no labelled keypoints in frames " + rangeText(first, last)
                            + ": label at least one frame of the animal first");
            continue;
        }
        p.firstLabel = p.labelledFrames.front();
        p.lastLabel = p.labelledFrames.back();
        p.forwardFromOnlyLabel = p.labelledFrames.size() == 1 && p.lastLabel < last;
        planned.push_back(std::move(p));
    }
    if (planned.empty())
        return fail("no labelled keypoints in frames " + rangeText(first, last)
                    + ": label at least one frame of the animal first");

    input->firstFrame = first;
    input->lastFrame = last;
    if (!input->extrapolate) {
        int lo = last, hi = first;
        for (const PlannedTrack &p : planned) {
            lo = std::min(lo, p.firstLabel);
            hi = std::max(hi, p.fillEnd(last));
        }
        input->firstFrame = lo;
        input->lastFrame = hi;
    }
    input->trackIds.clear();
    for (const PlannedTrack &p : planned)
        input->trackIds.push_back(p.trackId);
    input->tracks = std::move(planned);
    input->frameCount = count;
    input->planned = true;
    return true;
}

int enforcePlan(const TrackingInput &plan, TrackingOutput *output)
{
    int dropped = 0;
    for (auto it = output->begin(); it != output->end();) {
        const int f = it->first;
        std::vector<core::Instance> &list = it->second;
        const bool inRange = f >= plan.firstFrame && f <= plan.lastFrame;
        for (auto i = list.begin(); i != list.end();) {
            const PlannedTrack *t = plan.plannedTrack(i->trackId);
            bool keep = inRange && t;
            if (keep && (f < t->firstLabel || f > t->lastLabel)) {
                keep = plan.extrapolate || (f > t->lastLabel && f <= t->fillEnd(plan.lastFrame));
                const float cap = outsideSpanScore(f < t->firstLabel ? t->firstLabel - f : f - t->lastLabel);
                for (core::Keypoint &kp : i->keypoints)
                    if (!isUserKeypoint(kp))
                        kp.score = std::min(kp.score, cap);
            }
            if (keep) {
                ++i;
            } else {
                i = list.erase(i);
                ++dropped;
            }
        }
        it = list.empty() ? output->erase(it) : std::next(it);
    }
    return dropped;
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

FrameSourceOpener clipFramesOpener(const core::Clip &clip)
{
    auto frames = std::make_shared<const core::Clip>(core::clipFramesOnly(clip));
    return [frames](const std::string &, std::string *error) { return core::openClipFrames(*frames, error); };
}

bool runPropagation(PointTracker &tracker, const std::string &clipPath, TrackingInput input,
                    const ProgressFn &progress, const std::atomic_bool &cancel, TrackingOutput *output,
                    std::string *error, PropagationStats *stats, const FrameSourceOpener &open)
{
    const auto started = std::chrono::steady_clock::now();
    output->clear();
    std::string err;
    // Without an opener: the snapshot's own frames when clipPath is its clip (an image-list clip is its files,
    // not its folder), else the video or folder at clipPath.
    std::unique_ptr<core::FrameSource> frames = open ? open(clipPath, &err)
        : clipPath == input.clip.path                 ? core::openClipFrames(input.clip, &err)
                                                      : core::FrameSource::open(clipPath, &err);
    if (!frames) {
        if (error)
            *error = err.empty() ? "cannot open " + clipPath : err;
        return false;
    }
    if (!planTracking(&input, frames->info().frameCount, error))
        return false;
    auto cancelled = [&] {
        output->clear();
        if (error)
            *error = "cancelled";
        return false;
    };
    if (cancel.load())
        return cancelled();
    const ProgressFn report = throttledProgress(progress);
    bool ok = false;
    // The tracker boundary: nothing it throws (LibTorch's c10::Error is a std::exception) gets past here.
    try {
        ok = tracker.prepare(report, cancel, &err) && tracker.track(*frames, input, output, report, cancel, &err);
    } catch (const std::exception &e) {
        err = std::string("tracker failed: ") + e.what();
        ok = false;
    } catch (...) {
        err = "tracker failed with an unknown error";
        ok = false;
    }
    if (cancel.load())
        return cancelled();
    if (!ok) {
        output->clear();
        if (error)
            *error = err.empty() ? "the " + tracker.name() + " tracker failed" : err;
        return false;
    }
    enforcePlan(input, output);
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
