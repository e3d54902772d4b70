// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/engine.h"

#include "core/video/framesource.h"
#include "tracking/default/flow.h"
#include "tracking/default/fusion.h"
#include "tracking/default/patches.h"
#include "tracking/default/readahead.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

namespace paddock::tracking::defaulttracker {

namespace {

constexpr int kTemplateSide = 11; // patches that re-find a lost point
constexpr int kLikenessSide = 7;  // patches that tell a point was lost
constexpr std::size_t kBytesPerPixel = 17; // a crop pixel and two flow vectors
constexpr int kKeptTemplates = 3; // template search is the costliest part of a lost step

/** A copy of \a inst with only the keypoints a person vouched for. */
core::Instance userOnly(const core::Instance &inst)
{
    core::Instance out = inst;
    for (core::Keypoint &kp : out.keypoints)
        if (!(kp.isLabelled() && core::isUserLabel(kp.source)))
            kp = core::Keypoint();
    return out;
}

int oddSide(double side) { return std::max(5, int(side) | 1); }

constexpr std::size_t kReadAheadBytes = std::size_t(32) << 20; // gray frames decoded ahead, at most ...
constexpr std::size_t kReadAheadFrames = 32;                     // ... and at most this many

DisSettings disSettings(const DefaultTrackerParams &p)
{
    DisSettings s;
    s.preset = p.disPreset;
    s.finestScale = p.disFinestScale;
    s.patchSize = p.disPatchSize;
    s.patchStride = p.disPatchStride;
    s.iterations = p.disIterations;
    s.varIterations = p.disVarIterations;
    return s;
}

} // namespace

Engine::Engine(const DefaultTrackerParams &p, core::FrameSource &frames, const TrackingInput &input,
               const ProgressFn &progress, const std::atomic_bool &cancel)
    : P(p), mFrames(frames), mIn(input), mProgress(progress), mCancel(cancel)
{
}

void Engine::report()
{
    if (!mProgress)
        return;
    Progress pr;
    pr.done = mDone;
    pr.total = mTotal;
    pr.stage = mDone >= mTotal ? "done" : "tracking";
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - mStarted).count();
    if (mDone > 0 && mTotal > 0)
        pr.secondsLeft = elapsed * double(mTotal - mDone) / double(mDone);
    mProgress(pr);
}

bool Engine::readGray(int index, cv::Mat *gray, std::string *error)
{
    std::string err;
    core::GrayFrame frame;
    if (!mFrames.readGray(index, &frame, &err) || frame.isNull()) {
        if (error)
            *error = "cannot read frame " + std::to_string(index) + ": " + err;
        return false;
    }
    *gray = cv::Mat(frame.height, frame.width, CV_8UC1, frame.gray.data(), std::size_t(frame.width)).clone();
    return true;
}

StepContext Engine::context(const Animal &a, double scale) const
{
    StepContext ctx;
    ctx.params = &P;
    ctx.scale = scale;
    ctx.size = std::max(a.size, 16.0);
    ctx.searchRadius = std::max(4, int(std::max(7.0, P.searchRadius * ctx.size) * scale));
    ctx.pointwise = a.size > 0 && a.size < P.pointwiseBelow;
    return ctx;
}

void Engine::emit(const Animal &a, int f, int k, cv::Point2f pos, float spread, bool occluded)
{
    const int id = a.plan.trackId;
    if (a.plan.label(f, k))
        return; // a person's label comes back as it was
    const std::lock_guard<std::mutex> lock(mOutMutex); // the animals are tracked in parallel
    std::vector<core::Instance> &list = (*mOut)[f];
    core::Instance *inst = nullptr;
    for (core::Instance &i : list)
        if (i.trackId == id)
            inst = &i;
    if (!inst) {
        const core::Instance *user = mIn.clip.instance(f, id);
        core::Instance fresh;
        if (user)
            fresh = userOnly(*user);
        fresh.trackId = id;
        fresh.categoryId = user ? user->categoryId : a.plan.categoryId;
        fresh.keypoints.resize(std::max<std::size_t>(fresh.keypoints.size(), std::size_t(a.plan.K)));
        auto at = std::lower_bound(list.begin(), list.end(), id,
                                   [](const core::Instance &i, int v) { return i.trackId < v; });
        inst = &*list.insert(at, fresh);
    }
    core::Keypoint &kp = inst->keypoints[std::size_t(k)];
    if (kp.isLabelled())
        return; // the segment before filled it already
    kp.x = std::clamp(pos.x, 0.f, float(std::max(0, mWidth - 1)));
    kp.y = std::clamp(pos.y, 0.f, float(std::max(0, mHeight - 1)));
    kp.visibility = occluded ? core::Visibility::Occluded : core::Visibility::Visible;
    kp.source = mIn.refine ? core::Source::Refined : core::Source::Propagated;
    Estimate e;
    e.var = spread;
    kp.score = scoreOf(e, a.size);
}

void Engine::openSegment(Animal &a, const cv::Mat &gray)
{
    const SegmentPlan &sp = a.plan.segments[a.seg];
    // The crop and its scale come from the labels at the segment's ends alone: a few corrected points inside
    // it (or before it, moving what the segment starts from) must not change the flow, and so the tracks, of
    // the points nobody touched.
    std::vector<cv::Point2f> pts;
    for (int end : {sp.first, sp.last})
        if (auto it = a.plan.labels.find(end); it != a.plan.labels.end())
            for (const Anchor &x : it->second)
                if (x.has)
                    pts.push_back(x.pos);
    if (pts.size() < 2)
        for (const Carry &c : a.carry)
            if (c.has)
                pts.push_back(c.pos);
    const double size = std::max(a.plan.size(sp.first, sp.first), a.plan.size(sp.last, sp.last));
    if (size > 0)
        a.size = size;
    cv::Rect2f box = pts.empty() ? cv::Rect2f(0, 0, float(mWidth), float(mHeight)) : cv::Rect2f(cv::boundingRect(pts));
    const double reach = sp.kind == SegmentPlan::Both ? 0.5 : 1.5; // one-ended: the animal may go further
    const double m = std::max(P.margin, reach * std::max(box.width, box.height));
    const cv::Rect roi(cvFloor(box.x - m), cvFloor(box.y - m), cvCeil(box.width + 2 * m), cvCeil(box.height + 2 * m));
    a.frames = SegmentFrames();
    a.frames.roi = roi & cv::Rect(0, 0, mWidth, mHeight);
    const double area = std::max(1.0, double(a.frames.roi.area()));
    const std::size_t frames = std::size_t(sp.last - sp.first + 1);
    const double budget = double(P.memoryBudget) / double(std::max<std::size_t>(1, mAnimals.size()));
    double scale = std::min({1.0, std::sqrt(double(P.flowPixels) / area),
                             std::sqrt(budget / (double(frames * kBytesPerPixel) * area))});
    const int shorter = std::min(a.frames.roi.width, a.frames.roi.height);
    scale = std::max(scale, std::min(1.0, 24.0 / std::max(1, shorter))); // flow needs a few pixels
    a.frames.pointwise = a.size > 0 && a.size < P.pointwiseBelow;
    if (a.frames.pointwise) // Lucas-Kanade's cost does not grow with the crop: keep the detail
        scale = std::min(1.0, std::sqrt(budget / (double(frames * kBytesPerPixel) * area)));
    a.frames.scale = scale;
    a.frames.dis = disSettings(P);
    a.frames.add(gray);
}

void Engine::finishSegment(Animal &a)
{
    const SegmentPlan &sp = a.plan.segments[a.seg];
    const SegmentFrames &fr = a.frames;
    const int n = int(fr.crops.size()) - 1;
    const int K = a.plan.K;
    const StepContext ctx = context(a, fr.scale);
    const int tside = oddSide(kTemplateSide * std::min(1.0, fr.scale * 1.5));
    const int lside = oddSide(kLikenessSide * std::min(1.0, fr.scale * 1.5));
    std::vector<std::vector<cv::Mat>> ends(static_cast<std::size_t>(K)), templates = a.templates, fresh(static_cast<std::size_t>(K));
    for (int k = 0; k < K; ++k) {
        if (a.carry[std::size_t(k)].has) {
            cv::Mat p = texturedPatch(fr.crops[0], fr.toCrop(a.carry[std::size_t(k)].pos), lside);
            if (!p.empty())
                ends[std::size_t(k)].push_back(p);
        }
        // The patches of the labels at the segment's ends only. A label inside it (a Refine correction) moves
        // the path near it (fuseSegment) and nothing else: it was made on a hard frame, and its patch as a
        // likeness or search reference made the keypoint's tracks elsewhere lost or re-found on another part
        // (the fly clip's right fore tip re-found on another leg; on the cows a tail tip pulled 106 px away
        // from where its track had been right).
        for (int off : {0, n})
            if (const Anchor *x = a.plan.label(sp.first + off, k)) {
                if (x->occluded)
                    continue;
                const cv::Point2f c = fr.toCrop(x->pos);
                cv::Mat e = texturedPatch(fr.crops[std::size_t(off)], c, lside);
                if (!e.empty() && !(off == 0 && a.carry[std::size_t(k)].has))
                    ends[std::size_t(k)].push_back(e);
                cv::Mat t = texturedPatch(fr.crops[std::size_t(off)], c, tside);
                if (!t.empty() && (off > 0 || a.seg == 0)) { // the first frame's were kept before
                    templates[std::size_t(k)].push_back(t);
                    fresh[std::size_t(k)].push_back(t);
                }
            }
    }
    // Both directions at once, each stepping all of the animal's keypoints together.
    std::vector<DirTrack> F, B;
    std::atomic_bool stopped{false};
    const std::vector<Carry> none;
    const auto direction = [&](bool forward) {
        if (stopped.load())
            return;
        std::vector<DirTrack> &out = forward ? F : B;
        if (forward && sp.kind != SegmentPlan::Both) {
            out.assign(std::size_t(K), DirTrack());
            for (DirTrack &t : out)
                t.resize(n + 1);
            return;
        }
        if (!trackDirection(fr, a.plan, sp.first, forward ? a.carry : none, forward, ends, templates, ctx, mCancel, &out))
            stopped = true;
    };
    bothAtOnce([&] { direction(true); }, [&] { direction(false); });
    if (stopped.load())
        return;
    const float switchGap = float(fr.pointwise ? P.switchGapPointwise : P.switchGap);
    const float minGap = fr.pointwise ? float(P.switchMinGapPointwise * kLkWindow / fr.scale) : 0.f; // image px
    const std::vector<float> speeds = relativeSpeeds(a.plan, sp.first, sp.last);
    for (int k = 0; k < K; ++k) {
        const DirTrack &fk = F[std::size_t(k)], &bk = B[std::size_t(k)];
        const std::vector<Estimate> path = fuseSegment(a.plan, sp.first, fk, bk, k, switchGap, minGap);
        for (int t = 0; t <= n; ++t) {
            const Estimate &e = path[std::size_t(t)];
            if (e.has)
                emit(a, sp.first + t, k, e.pos, scoreSpread(e, fk, bk, t, speeds[std::size_t(k)], float(P.scoreMotion)), e.occluded);
        }
        Carry &c = a.carry[std::size_t(k)];
        if (const Anchor *x = a.plan.label(sp.last, k)) {
            c = Carry{true, x->pos, 0.f, false, x->occluded};
        } else {
            const Estimate &e = path[std::size_t(n)];
            c = Carry{e.has, e.pos, e.var, e.lost, e.occluded};
        }
        // Keep the patches of the keypoint's latest labels for the segments to come.
        auto &kept = a.templates[std::size_t(k)];
        for (cv::Mat &t : fresh[std::size_t(k)])
            kept.push_back(std::move(t));
        if (kept.size() > std::size_t(kKeptTemplates))
            kept.erase(kept.begin(), kept.end() - kKeptTemplates);
    }
    a.frames = SegmentFrames();
}

void Engine::startStream(Animal &a, const cv::Mat &gray)
{
    const SegmentPlan &sp = a.plan.segments[a.seg];
    const int K = a.plan.K;
    a.streaming = true;
    a.has.assign(std::size_t(K), 0);
    a.pos.assign(std::size_t(K), cv::Point2f());
    a.state.assign(std::size_t(K), PointState());
    a.occluded.assign(std::size_t(K), 0);
    std::vector<cv::Point2f> pts;
    for (int k = 0; k < K; ++k) {
        Carry c = a.carry[std::size_t(k)];
        if (const Anchor *x = a.plan.label(sp.first, k))
            c = Carry{true, x->pos, 0.f, false, x->occluded};
        a.has[std::size_t(k)] = c.has;
        a.pos[std::size_t(k)] = c.pos;
        a.state[std::size_t(k)].var = c.var;
        a.state[std::size_t(k)].lost = c.lost;
        a.occluded[std::size_t(k)] = c.occluded;
        if (c.has)
            pts.push_back(c.pos);
    }
    const double size = a.plan.size(sp.first, sp.first);
    if (size > 0)
        a.size = size;
    const cv::Rect2f box = pts.empty() ? cv::Rect2f(0, 0, 1, 1) : cv::Rect2f(cv::boundingRect(pts));
    const double m = std::max(P.margin, 1.0 * std::max(box.width, box.height));
    a.window = cv::Size(std::min(mWidth, cvCeil(box.width + 2 * m)), std::min(mHeight, cvCeil(box.height + 2 * m)));
    a.streamPointwise = a.size > 0 && a.size < P.pointwiseBelow;
    a.streamScale = a.streamPointwise ? 1.0 : std::min(1.0, std::sqrt(double(P.flowPixels) / std::max(1.0, double(a.window.area()))));
    // The patches at the start are what the points must keep looking like.
    const double s = a.streamScale;
    const cv::Rect roi(0, 0, mWidth, mHeight);
    cv::Mat whole = cropOf(gray, roi, s);
    const int lside = oddSide(kLikenessSide * std::min(1.0, s * 1.5));
    a.endTemplates.assign(std::size_t(K), {});
    for (int k = 0; k < K; ++k)
        if (a.has[std::size_t(k)] && !a.occluded[std::size_t(k)]) {
            cv::Mat p = texturedPatch(whole, a.pos[std::size_t(k)] * float(s), lside);
            if (!p.empty())
                a.endTemplates[std::size_t(k)].push_back(p);
        }
}

void Engine::stepStream(Animal &a, int f, const cv::Mat &gray, const cv::Mat &prev)
{
    const int K = a.plan.K;
    std::vector<cv::Point2f> pts;
    for (int k = 0; k < K; ++k)
        if (a.has[std::size_t(k)])
            pts.push_back(a.pos[std::size_t(k)]);
    if (pts.empty())
        return;
    // The window follows the animal: centred on the median of its points.
    std::vector<float> xs, ys;
    for (const cv::Point2f &p : pts) {
        xs.push_back(p.x);
        ys.push_back(p.y);
    }
    std::nth_element(xs.begin(), xs.begin() + long(xs.size() / 2), xs.end());
    std::nth_element(ys.begin(), ys.begin() + long(ys.size() / 2), ys.end());
    const int x0 = std::clamp(cvRound(xs[xs.size() / 2]) - a.window.width / 2, 0, mWidth - a.window.width);
    const int y0 = std::clamp(cvRound(ys[ys.size() / 2]) - a.window.height / 2, 0, mHeight - a.window.height);
    SegmentFrames fr;
    fr.roi = cv::Rect(x0, y0, a.window.width, a.window.height);
    fr.scale = a.streamScale;
    fr.pointwise = a.streamPointwise;
    fr.dis = disSettings(P);
    fr.add(prev);
    fr.add(gray);
    const StepContext ctx = context(a, fr.scale);
    std::vector<PointState> state(static_cast<std::size_t>(K));
    for (int k = 0; k < K; ++k)
        if (a.has[std::size_t(k)]) {
            state[std::size_t(k)] = a.state[std::size_t(k)];
            state[std::size_t(k)].p = fr.toCrop(a.pos[std::size_t(k)]);
        }
    stepPoints(state, a.has, motionOf(fr, 0, 1), fr.crops[1], a.endTemplates, a.templates, ctx);
    for (int k = 0; k < K; ++k) {
        if (!a.has[std::size_t(k)])
            continue;
        a.state[std::size_t(k)] = state[std::size_t(k)];
        a.pos[std::size_t(k)] = fr.toImage(state[std::size_t(k)].p);
        emit(a, f, k, a.pos[std::size_t(k)], state[std::size_t(k)].var, a.occluded[std::size_t(k)]);
    }
}

void Engine::feed(Animal &a, int f, const cv::Mat &gray, const cv::Mat &prev)
{
    while (a.seg < a.plan.segments.size()) {
        const SegmentPlan &sp = a.plan.segments[a.seg];
        if (f < sp.first)
            return;
        if (sp.kind == SegmentPlan::Forward) {
            if (f == sp.first)
                startStream(a, gray);
            else
                stepStream(a, f, gray, prev);
            return;
        }
        if (f == sp.first) {
            openSegment(a, gray);
            return;
        }
        a.frames.add(gray);
        if (f < sp.last)
            return;
        finishSegment(a);
        if (mCancel.load())
            return;
        ++a.seg; // the next segment starts on this frame
    }
}

bool Engine::run(TrackingOutput *out, std::string *error, std::size_t *peakBytes)
{
    mOut = out;
    const core::Clip &clip = mIn.clip;
    const int frameCount = mFrames.info().frameCount > 0 ? mFrames.info().frameCount : clip.effectiveFrameCount();
    const int f0 = std::max(0, mIn.firstFrame);
    const int f1 = mIn.lastFrame < 0 ? frameCount - 1 : std::min(mIn.lastFrame, frameCount - 1);
    if (f1 < f0) {
        if (error)
            *error = "empty frame range " + std::to_string(f0) + ".." + std::to_string(f1);
        return false;
    }
    for (AnimalPlan &p : planAnimals(mIn, f0, f1)) {
        Animal a;
        a.carry.assign(std::size_t(p.K), Carry());
        a.templates.assign(std::size_t(p.K), {});
        a.plan = std::move(p);
        mAnimals.push_back(std::move(a));
    }
    mTotal = f1 - f0 + 1;
    mDone = 0;
    *peakBytes = 0;
    report();
    // Frames are decoded ahead on a reader thread, up to a few dozen, while the current one is tracked: the
    // tracking of a segment runs when its last frame arrives, and decoding goes on meanwhile.
    cv::Mat gray, prev;
    if (!readGray(f0, &gray, error))
        return false;
    mWidth = gray.cols;
    mHeight = gray.rows;
    const std::size_t frameBytes = std::max<std::size_t>(1, std::size_t(mWidth) * std::size_t(mHeight));
    const std::size_t aheadFrames = std::clamp<std::size_t>(kReadAheadBytes / frameBytes, 2, kReadAheadFrames);
    ReadAhead ahead(aheadFrames, f0 + 1, f1, [this](int f, cv::Mat *g, std::string *e) { return readGray(f, g, e); }, mCancel);
    for (int f = f0; f <= f1; ++f) {
        if (mCancel.load()) {
            if (error)
                *error = "cancelled";
            return false;
        }
        if (f > f0) {
            prev = gray;
            std::string readError;
            if (!ahead.next(&gray, &readError)) {
                if (error)
                    *error = readError;
                return false;
            }
        }
        // One animal directly: inside a parallel_for_ its flows and directions would run on one core.
        if (mAnimals.size() == 1)
            feed(mAnimals[0], f, gray, prev);
        else
            cv::parallel_for_(cv::Range(0, int(mAnimals.size())), [&](const cv::Range &range) {
                for (int i = range.start; i < range.end; ++i)
                    feed(mAnimals[std::size_t(i)], f, gray, prev);
            });
        std::size_t bytes = frameBytes * (2 + aheadFrames); // current, previous and those read ahead
        for (const Animal &a : mAnimals)
            bytes += a.frames.bytes();
        *peakBytes = std::max(*peakBytes, bytes);
        ++mDone;
        if (!mCancel.load())
            report();
    }
    if (mCancel.load()) {
        if (error)
            *error = "cancelled";
        return false;
    }
    // Every labelled frame comes back with its labels, tracked or not.
    for (const Animal &a : mAnimals)
        for (const auto &[f, row] : a.plan.labels) {
            auto &list = (*out)[f];
            if (std::none_of(list.begin(), list.end(), [&](const core::Instance &i) { return i.trackId == a.plan.trackId; }))
                if (const core::Instance *u = clip.instance(f, a.plan.trackId)) {
                    core::Instance only = userOnly(*u);
                    auto at = std::lower_bound(list.begin(), list.end(), only.trackId,
                                               [](const core::Instance &i, int v) { return i.trackId < v; });
                    list.insert(at, only);
                }
        }
    return true;
}

} // namespace paddock::tracking::defaulttracker
