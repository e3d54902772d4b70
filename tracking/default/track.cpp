// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/track.h"

#include "tracking/default/flow.h"
#include "tracking/default/patches.h"

#include <opencv2/imgproc.hpp>

#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace paddock::tracking::defaulttracker {

namespace {
constexpr float kVarStep = 0.05f; // px^2 every step adds, even when the flow checks out
constexpr int kLkWindow = 7;      // pointwise Lucas-Kanade: small, so thin legs outweigh the background
constexpr int kLkLevels = 4;      // pyramid levels above the base (fast limbs)
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
        cv::parallel_for_(cv::Range(0, 2), [&](const cv::Range &range) {
            for (int i = range.start; i < range.end; ++i)
                (i == 0 ? f : r) = denseFlow(i == 0 ? a : b, i == 0 ? b : a);
        });
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

/** Where \a p lands under \a m and how far the way back misses it (crop pixels; infinite when LK failed). */
cv::Point2f moved(const Motion &m, cv::Point2f p, float *fb)
{
    if (m.pyrA) {
        const cv::TermCriteria crit(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.01);
        std::vector<cv::Point2f> p0{p}, p1, p0r;
        std::vector<uchar> st1, st2;
        std::vector<float> err1, err2;
        const cv::Size win(kLkWindow, kLkWindow);
        cv::calcOpticalFlowPyrLK(*m.pyrA, *m.pyrB, p0, p1, st1, err1, win, kLkLevels, crit);
        if (!st1[0]) {
            *fb = std::numeric_limits<float>::infinity();
            return p;
        }
        cv::calcOpticalFlowPyrLK(*m.pyrB, *m.pyrA, p1, p0r, st2, err2, win, kLkLevels, crit);
        *fb = st2[0] ? float(cv::norm(p0r[0] - p)) : std::numeric_limits<float>::infinity();
        return p1[0];
    }
    const cv::Point2f d = sampleFlow(*m.flowAB, p);
    const cv::Point2f back = sampleFlow(*m.flowBA, p + d);
    *fb = float(cv::norm(d + back));
    return p + d;
}

} // namespace

void stepPoint(PointState &s, const Motion &motion, const cv::Mat &cropB, const std::vector<cv::Mat> &endTemplates,
               const std::vector<cv::Mat> &templates, const StepContext &ctx)
{
    const DefaultTrackerParams &P = *ctx.params;
    float fb = 0.f;
    cv::Point2f next = moved(motion, s.p, &fb);
    fb = float(fb / ctx.scale); // image pixels
    float var = kVarStep + (std::isfinite(fb) ? fb * fb : 0.f);
    s.lost = fb > P.fbThreshold; // each step is judged on its own: the flow may well pick the point up again
    // Flow that slid onto the background checks out forward and backward: the patch no longer looking like
    // the keypoint's labelled patches tells it was lost all the same.
    if (!s.lost && P.lostLikeness > 0 && likeness(cropB, next, endTemplates) < P.lostLikeness)
        s.lost = true;
    if (s.lost && P.appearance && !templates.empty()) {
        // Only a spot that matches the labels clearly better than where the flow went is worth a jump: on fur
        // and blur many spots match about as well, and jumping between them is worse than following the flow.
        cv::Point2f m, here;
        const double there = templateMatch(cropB, templates, next, ctx.searchRadius, &m);
        if (there >= P.templateAccept && there - templateMatch(cropB, templates, next, 0, &here) >= P.templateGain
            && likeness(cropB, m, endTemplates) >= P.lostLikeness) {
            const double jump = cv::norm(m - next) / ctx.scale;
            var = std::max(var, 1.0f) + float(jump * jump) * 0.1f;
            next = m;
            s.lost = false;
        }
    }
    if (s.lost) {
        const float sigma = float(P.lostSigma * ctx.size);
        var += sigma * sigma;
    }
    next.x = std::clamp(next.x, 0.f, float(cropB.cols - 1));
    next.y = std::clamp(next.y, 0.f, float(cropB.rows - 1));
    s.p = next;
    s.var += var;
}

bool trackDirection(const SegmentFrames &frames, const AnimalPlan &plan, int first, int k, const Carry &start,
                    bool forward, const std::vector<cv::Mat> &endTemplates, const std::vector<cv::Mat> &templates,
                    const StepContext &ctx, const std::atomic_bool &cancel, DirTrack *out)
{
    const int n = int(frames.crops.size()) - 1;
    out->resize(n + 1);
    PointState s;
    bool has = false;
    int anchor = 0;
    bool occluded = false;
    auto reset = [&](int off) {
        if (const Anchor *a = plan.label(first + off, k)) {
            s = PointState{frames.toCrop(a->pos), 0.f, false};
            has = true;
            anchor = off;
            occluded = a->occluded;
            return true;
        }
        return false;
    };
    auto record = [&](int off) {
        const std::size_t i = std::size_t(off);
        out->has[i] = has;
        if (!has)
            return;
        out->pos[i] = frames.toImage(s.p);
        out->var[i] = s.var;
        out->anchor[i] = anchor;
        out->occluded[i] = occluded;
        out->lost[i] = s.lost;
    };
    if (forward) {
        if (!reset(0) && start.has) {
            s = PointState{frames.toCrop(start.pos), start.var, start.lost};
            has = true;
            occluded = start.occluded;
        }
        record(0);
        for (int off = 1; off <= n; ++off) {
            if (cancel.load())
                return false;
            if (has)
                stepPoint(s, motionOf(frames, off - 1, off), frames.crops[std::size_t(off)], endTemplates, templates, ctx);
            reset(off);
            record(off);
        }
    } else {
        reset(n);
        record(n);
        for (int off = n - 1; off >= 0; --off) {
            if (cancel.load())
                return false;
            if (has)
                stepPoint(s, motionOf(frames, off + 1, off), frames.crops[std::size_t(off)], endTemplates, templates, ctx);
            reset(off);
            record(off);
        }
    }
    return true;
}

} // namespace paddock::tracking::defaulttracker
