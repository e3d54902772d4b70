// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/track.h"

#include "tracking/default/flow.h"
#include "tracking/default/patches.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>
#include <future>
#include <limits>
#include <numeric>

namespace paddock::tracking::defaulttracker {

namespace {
constexpr float kVarStep = 0.05f; // px^2 every step adds, even when the flow checks out
constexpr int kLkLevels = 4;      // pyramid levels above the base (fast limbs)
}

void bothAtOnce(const std::function<void()> &a, const std::function<void()> &b)
{
    std::future<void> other = std::async(std::launch::async, a);
    try {
        b();
    } catch (...) {
        other.wait();
        throw;
    }
    other.get();
}

void DirTrack::resize(int frames)
{
    has.assign(std::size_t(frames), 0);
    pos.assign(std::size_t(frames), cv::Point2f());
    var.assign(std::size_t(frames), 0.f);
    anchor.assign(std::size_t(frames), 0);
    occluded.assign(std::size_t(frames), 0);
    lost.assign(std::size_t(frames), 0);
}

cv::Mat cropOf(const cv::Mat &gray, const cv::Rect &roi, double scale)
{
    cv::Mat out;
    if (scale < 1.0)
        cv::resize(gray(roi), out, cv::Size(), scale, scale, cv::INTER_AREA);
    else
        out = gray(roi).clone();
    return out;
}

void SegmentFrames::add(const cv::Mat &gray)
{
    crops.push_back(cropOf(gray, roi, scale));
    if (pointwise) {
        pyramids.emplace_back();
        cv::buildOpticalFlowPyramid(crops.back(), pyramids.back(), cv::Size(kLkWindow, kLkWindow), kLkLevels, true);
        return;
    }
    if (crops.size() >= 2) {
        const cv::Mat &a = crops[crops.size() - 2], &b = crops.back();
        cv::Mat f, r;
        bothAtOnce([&] { f = denseFlow(a, b, dis); }, [&] { r = denseFlow(b, a, dis); });
        forward.push_back(std::move(f));
        backward.push_back(std::move(r));
    }
}

std::size_t SegmentFrames::bytes() const
{
    std::size_t b = 0;
    for (const cv::Mat &m : crops)
        b += m.total() * m.elemSize();
    for (const cv::Mat &m : forward)
        b += m.total() * m.elemSize();
    for (const cv::Mat &m : backward)
        b += m.total() * m.elemSize();
    for (const std::vector<cv::Mat> &pyr : pyramids)
        for (const cv::Mat &m : pyr)
            b += m.total() * m.elemSize();
    return b;
}

Motion motionOf(const SegmentFrames &frames, int from, int to)
{
    Motion m;
    if (frames.pointwise) {
        m.pyrA = &frames.pyramids[std::size_t(from)];
        m.pyrB = &frames.pyramids[std::size_t(to)];
    } else if (to > from) {
        m.flowAB = &frames.forward[std::size_t(from)];
        m.flowBA = &frames.backward[std::size_t(from)];
    } else {
        m.flowAB = &frames.backward[std::size_t(to)];
        m.flowBA = &frames.forward[std::size_t(to)];
    }
    return m;
}

namespace {

/**
 * Where the points \a p land under \a m (\a next) and how far the way back misses each (crop pixels in \a fb;
 * infinite where Lucas-Kanade failed).
 */
void moved(const Motion &m, const std::vector<cv::Point2f> &p, std::vector<cv::Point2f> *next, std::vector<float> *fb)
{
    next->assign(p.size(), cv::Point2f());
    fb->assign(p.size(), 0.f);
    if (p.empty())
        return;
    if (m.pyrA) {
        const cv::TermCriteria crit(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.01);
        std::vector<cv::Point2f> back;
        std::vector<uchar> st1, st2;
        std::vector<float> err1, err2;
        const cv::Size win(kLkWindow, kLkWindow);
        cv::calcOpticalFlowPyrLK(*m.pyrA, *m.pyrB, p, *next, st1, err1, win, kLkLevels, crit);
        cv::calcOpticalFlowPyrLK(*m.pyrB, *m.pyrA, *next, back, st2, err2, win, kLkLevels, crit);
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (!st1[i]) {
                (*next)[i] = p[i];
                (*fb)[i] = std::numeric_limits<float>::infinity();
            } else {
                (*fb)[i] = st2[i] ? float(cv::norm(back[i] - p[i])) : std::numeric_limits<float>::infinity();
            }
        }
        return;
    }
    for (std::size_t i = 0; i < p.size(); ++i) {
        const cv::Point2f d = sampleFlow(*m.flowAB, p[i]);
        const cv::Point2f b = sampleFlow(*m.flowBA, p[i] + d);
        (*next)[i] = p[i] + d;
        (*fb)[i] = float(cv::norm(d + b));
    }
}

/**
 * Moves each point's step \a to (of the points \a s[idx[i]]) where Lucas-Kanade from the frame the point started
 * from puts it, when that is within the anchor refinement's reach: steps from frame to frame each err a little
 * and the errors add up over a segment, while the way from the anchor does not accumulate (a leg tip that
 * changed its look since gets no further than the reach). Points whose step failed are left as they are.
 */
void refineFromAnchors(const std::vector<PointState> &s, const std::vector<std::size_t> &idx,
                       const std::vector<float> &fb, const std::vector<cv::Mat> &pyrB, const StepContext &ctx,
                       std::vector<cv::Point2f> *to)
{
    const DefaultTrackerParams &P = *ctx.params;
    std::vector<char> done(idx.size(), 0);
    for (std::size_t i0 = 0; i0 < idx.size(); ++i0) {
        const std::vector<cv::Mat> *pyr = s[idx[i0]].anchorPyr;
        if (done[i0] || !pyr)
            continue;
        std::vector<std::size_t> sel; // the points that started from the same frame, refined in one call
        std::vector<cv::Point2f> from, at;
        for (std::size_t i = i0; i < idx.size(); ++i)
            if (s[idx[i]].anchorPyr == pyr) {
                done[i] = 1;
                if (!std::isfinite(fb[i]))
                    continue;
                sel.push_back(i);
                from.push_back(s[idx[i]].anchorP);
                at.push_back((*to)[i]);
            }
        if (sel.empty())
            continue;
        std::vector<uchar> st;
        std::vector<float> err;
        const cv::TermCriteria crit(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.01);
        cv::calcOpticalFlowPyrLK(*pyr, pyrB, from, at, st, err, cv::Size(kLkWindow, kLkWindow),
                                 std::min(P.anchorLevels, kLkLevels), crit, cv::OPTFLOW_USE_INITIAL_FLOW);
        const double reach = P.anchorRefine * ctx.scale;
        for (std::size_t j = 0; j < sel.size(); ++j)
            if (st[j] && cv::norm(at[j] - (*to)[sel[j]]) <= reach)
                (*to)[sel[j]] = at[j];
    }
}

/**
 * Moves the points whose step failed (forward-backward miss over \a limit crop pixels, or none) with the
 * similarity (rotation, scale, shift; least median of squares, so the other failures and a stepping leg do not
 * pull it) that carries the others from \a from to \a to: a leg tip Lucas-Kanade lost goes where its body goes,
 * not where the window slid. With fewer than three that held, by their mean shift; nothing moves with none.
 */
void followBody(const std::vector<cv::Point2f> &from, const std::vector<float> &fb, double limit,
                std::vector<cv::Point2f> *to)
{
    std::vector<cv::Point2f> held, heldTo;
    for (std::size_t i = 0; i < from.size(); ++i)
        if (fb[i] <= limit) {
            held.push_back(from[i]);
            heldTo.push_back((*to)[i]);
        }
    if (held.size() == from.size() || held.empty())
        return;
    cv::Mat m; // 2x3, CV_64F
    if (held.size() >= 3)
        m = cv::estimateAffinePartial2D(held, heldTo, cv::noArray(), cv::LMEDS);
    if (m.empty()) {
        const cv::Point2f shift = (std::accumulate(heldTo.begin(), heldTo.end(), cv::Point2f())
                                   - std::accumulate(held.begin(), held.end(), cv::Point2f()))
            * (1.f / float(held.size()));
        m = (cv::Mat_<double>(2, 3) << 1, 0, shift.x, 0, 1, shift.y);
    }
    std::vector<std::size_t> failed;
    std::vector<cv::Point2f> failedFrom, failedTo;
    for (std::size_t i = 0; i < from.size(); ++i)
        if (!(fb[i] <= limit)) {
            failed.push_back(i);
            failedFrom.push_back(from[i]);
        }
    cv::transform(failedFrom, failedTo, m);
    for (std::size_t j = 0; j < failed.size(); ++j)
        (*to)[failed[j]] = failedTo[j];
}

} // namespace

void stepPoints(std::vector<PointState> &s, const std::vector<char> &active, const Motion &motion,
                      const cv::Mat &cropB, const std::vector<std::vector<cv::Mat>> &endTemplates,
                      const std::vector<std::vector<cv::Mat>> &templates, const StepContext &ctx)
{
    const DefaultTrackerParams &P = *ctx.params;
    std::vector<std::size_t> idx;
    std::vector<cv::Point2f> from;
    for (std::size_t k = 0; k < s.size(); ++k)
        if (active[k]) {
            idx.push_back(k);
            from.push_back(s[k].p);
        }
    std::vector<cv::Point2f> to;
    std::vector<float> fb;
    moved(motion, from, &to, &fb);
    if (ctx.pointwise && P.lostFollowsBodyPointwise)
        followBody(from, fb, P.fbThreshold * ctx.scale, &to);
    if (ctx.pointwise && P.anchorRefine > 0 && motion.pyrB) // frame-to-frame errors must not add up
        refineFromAnchors(s, idx, fb, *motion.pyrB, ctx, &to);
    // Each densely tracked step is judged on its own: the flow may well pick a point up again. (A point
    // tracked per point stays lost until its labels' patches re-find it: a 7x7 window that slid off a leg tip
    // follows whatever it slid onto as well as it followed the tip, so its checks passing again say little.)
    // Flow that slid onto the background checks out forward and backward: the patch no longer looking like
    // the keypoint's labelled patches tells it was lost all the same.
    // The dense flow's patches are wider than a thin leg: it holds a point on the background the leg left,
    // and that background still looks much like the labelled patch. What the keypoint's own structure (the
    // pixels that stand out of its labelled patch) says tells it was lost. (Lucas-Kanade per point works on
    // a window as small as the leg.)
    std::vector<char> lost(idx.size());
    std::vector<float> structure(idx.size(), 1.f);
    const bool checkStructure = !ctx.pointwise && P.lostLikeness > 0 && P.lostStructure > 0;
    const double lostLikeness = ctx.pointwise ? P.lostLikenessPointwise : P.lostLikeness;
    for (std::size_t i = 0; i < idx.size(); ++i) {
        fb[i] = float(fb[i] / ctx.scale); // image pixels
        if (checkStructure)
            structure[i] = structureLikeness(cropB, to[i], endTemplates[idx[i]]);
        lost[i] = !(fb[i] <= P.fbThreshold)
            || (lostLikeness > 0 && likeness(cropB, to[i], endTemplates[idx[i]]) < lostLikeness)
            || (checkStructure && structure[i] < P.lostStructure);
    }
    for (std::size_t i = 0; i < idx.size(); ++i) {
        PointState &st = s[idx[i]];
        cv::Point2f next = to[i];
        float var = kVarStep + (std::isfinite(fb[i]) ? fb[i] * fb[i] : 0.f);
        st.lost = lost[i] || (ctx.pointwise && P.stickyLostPointwise && st.lost);
        const std::vector<cv::Mat> &tmpl = templates[idx[i]];
        if (st.lost && P.appearance && !tmpl.empty()) {
            // Only a spot that matches the labels clearly better than where the flow went is worth a jump: on
            // fur and blur many spots match about as well, and jumping between them is worse than following.
            // The less the keypoint's structure is still where the flow went, the less the jump must gain (the
            // background a leg left matches its labelled patch's background, not the leg).
            cv::Point2f m, here;
            const double gain = (ctx.pointwise ? P.templateGainPointwise : P.templateGain)
                * (checkStructure ? std::min(1.0, double(structure[i]) / P.lostLikeness) : 1.0);
            // A correlation is at most 1: where the flow went already matches within the gain of that, no spot
            // can beat it by the gain, and the search (the costliest part of a step) is skipped.
            const double hereScore = templateMatch(cropB, tmpl, next, 0, &here);
            const double there = hereScore > 1.0 - gain ? -1.0 : templateMatch(cropB, tmpl, next, ctx.searchRadius, &m);
            if (there >= P.templateAccept && there - hereScore >= gain
                && likeness(cropB, m, endTemplates[idx[i]]) >= lostLikeness) {
                const double jump = cv::norm(m - next) / ctx.scale;
                var = std::max(var, 1.0f) + float(jump * jump) * 0.1f;
                next = m;
                st.lost = false;
            }
        }
        if (st.lost) {
            const float sigma = float((ctx.pointwise ? P.lostSigmaPointwise : P.lostSigma) * ctx.size);
            var += sigma * sigma;
        }
        next.x = std::clamp(next.x, 0.f, float(cropB.cols - 1));
        next.y = std::clamp(next.y, 0.f, float(cropB.rows - 1));
        st.p = next;
        st.var += var;
    }
}

bool trackDirection(const SegmentFrames &frames, const AnimalPlan &plan, int first, const std::vector<Carry> &start,
                    bool forward, const std::vector<std::vector<cv::Mat>> &endTemplates,
                    const std::vector<std::vector<cv::Mat>> &templates, const StepContext &ctx,
                    const std::atomic_bool &cancel, std::vector<DirTrack> *out)
{
    const int n = int(frames.crops.size()) - 1;
    const std::size_t K = std::size_t(plan.K);
    out->assign(K, DirTrack());
    for (DirTrack &d : *out)
        d.resize(n + 1);
    std::vector<PointState> s(K);
    std::vector<char> has(K, 0), occluded(K, 0);
    std::vector<int> anchor(K, 0);
    // A label inside the segment (a few points corrected on a frame) starts a keypoint that has no track yet;
    // one already tracked keeps its track, and the engine moves it onto the label afterwards (see fuseSegment):
    // the frame was corrected because it is hard, and tracking out of a hard frame goes astray.
    auto reset = [&](int off) {
        const bool end = off == 0 || off == n;
        for (std::size_t k = 0; k < K; ++k)
            if (const Anchor *a = plan.label(first + off, int(k)); a && (end || !has[k])) {
                s[k] = PointState{frames.toCrop(a->pos), 0.f, false};
                if (frames.pointwise) {
                    s[k].anchorPyr = &frames.pyramids[std::size_t(off)];
                    s[k].anchorP = s[k].p;
                }
                has[k] = 1;
                anchor[k] = off;
                occluded[k] = a->occluded;
            }
    };
    auto record = [&](int off) {
        const std::size_t i = std::size_t(off);
        for (std::size_t k = 0; k < K; ++k) {
            DirTrack &d = (*out)[k];
            d.has[i] = has[k];
            if (!has[k])
                continue;
            d.pos[i] = frames.toImage(s[k].p);
            d.var[i] = s[k].var;
            d.anchor[i] = anchor[k];
            d.occluded[i] = occluded[k];
            d.lost[i] = s[k].lost;
        }
    };
    auto step = [&](int from, int to) {
        stepPoints(s, has, motionOf(frames, from, to), frames.crops[std::size_t(to)], endTemplates, templates, ctx);
    };
    if (forward) {
        for (std::size_t k = 0; k < K && k < start.size(); ++k)
            if (start[k].has) {
                s[k] = PointState{frames.toCrop(start[k].pos), start[k].var, start[k].lost};
                has[k] = 1;
                occluded[k] = start[k].occluded;
            }
        reset(0);
        record(0);
        for (int off = 1; off <= n; ++off) {
            if (cancel.load())
                return false;
            step(off - 1, off);
            reset(off);
            record(off);
        }
    } else {
        reset(n);
        record(n);
        for (int off = n - 1; off >= 0; --off) {
            if (cancel.load())
                return false;
            step(off + 1, off);
            reset(off);
            record(off);
        }
    }
    return true;
}

} // namespace paddock::tracking::defaulttracker
