// SPDX-License-Identifier: Apache-2.0
// The default tracker. Per segment between consecutive labelled frames, every animal gets a crop around its
// labels; frames are decoded once, pyramids are built once per crop and frame and shared by the forward
// step and its backward check. Forward and backward passes each give, per keypoint and step, a displacement
// and a variance (small when the forward-backward check passes, large where the track was lost and the point
// moved with the body). Fusion adds the two per step (inverse variance) and closes the gap to the labels at
// both ends by spreading it over the uncertain steps, so labelled frames are honoured exactly and a leg
// that was lost during a swing jumps where the trackers lost it rather than drifting all along.
#include "tracking/defaulttracker.h"

#include "core/video/framesource.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <complex>
#include <future>
#include <set>

namespace paddock::tracking {

namespace {

constexpr float kVarGood = 0.05f;   // px^2 per step of a point whose forward-backward check passes
constexpr float kVarRelock = 2.0f;  // a step after the point was lost once (may follow another feature)
constexpr float kVarFail = 400.0f;  // a step where the point was lost (moved with the body instead)
constexpr float kScoreVar = 4.0f;   // variance (px^2) at which a point's score is 0.5

using Pt = cv::Point2f;

const core::Keypoint *userKeypoint(const core::Clip &clip, int frame, int trackId, int k)
{
    const core::Instance *inst = clip.instance(frame, trackId);
    if (!inst || k >= static_cast<int>(inst->keypoints.size()))
        return nullptr;
    const core::Keypoint &kp = inst->keypoints[static_cast<std::size_t>(k)];
    return kp.isLabelled() && core::isUserLabel(kp.source) ? &kp : nullptr;
}

/** A copy of \a inst with only the keypoints a person vouched for. */
core::Instance userOnly(const core::Instance &inst)
{
    core::Instance out = inst;
    for (core::Keypoint &kp : out.keypoints)
        if (!(kp.isLabelled() && core::isUserLabel(kp.source)))
            kp = core::Keypoint();
    return out;
}

/** A 2-D similarity dst = a * src + b (complex numbers), fitted by least squares with outlier trimming. */
struct Similarity
{
    std::complex<double> a{1.0, 0.0};
    std::complex<double> b{0.0, 0.0};
    Pt apply(Pt p) const
    {
        const std::complex<double> r = a * std::complex<double>(p.x, p.y) + b;
        return Pt(static_cast<float>(r.real()), static_cast<float>(r.imag()));
    }
};

Similarity fitSimilarity(const std::vector<Pt> &src, const std::vector<Pt> &dst)
{
    Similarity s;
    std::vector<int> use(src.size());
    for (std::size_t i = 0; i < src.size(); ++i)
        use[i] = static_cast<int>(i);
    for (int round = 0; round < 2 && !use.empty(); ++round) {
        std::complex<double> ms, md;
        for (int i : use) {
            ms += std::complex<double>(src[i].x, src[i].y);
            md += std::complex<double>(dst[i].x, dst[i].y);
        }
        ms /= double(use.size());
        md /= double(use.size());
        if (use.size() >= 2) {
            std::complex<double> num;
            double den = 0.0;
            for (int i : use) {
                const std::complex<double> sc = std::complex<double>(src[i].x, src[i].y) - ms;
                num += std::conj(sc) * (std::complex<double>(dst[i].x, dst[i].y) - md);
                den += std::norm(sc);
            }
            s.a = den > 1e-6 ? num / den : std::complex<double>(1.0, 0.0);
            const double mag = std::abs(s.a); // keep it close to a rigid motion
            if (mag < 0.8 || mag > 1.25)
                s.a = mag > 1e-9 ? s.a / mag : std::complex<double>(1.0, 0.0);
        } else {
            s.a = 1.0;
        }
        s.b = md - s.a * ms;
        if (use.size() < 4)
            break;
        std::vector<double> res;
        for (int i : use)
            res.push_back(cv::norm(s.apply(src[i]) - dst[i]));
        std::vector<double> sorted = res;
        std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
        const double limit = 3.0 * sorted[sorted.size() / 2] + 1.0;
        std::vector<int> keep;
        for (std::size_t j = 0; j < use.size(); ++j)
            if (res[j] <= limit)
                keep.push_back(use[j]);
        if (keep.size() == use.size() || keep.size() < 2)
            break;
        use = keep;
    }
    return s;
}

/** Forward-carried state of one keypoint between segments. */
struct Carry
{
    bool has = false;
    Pt pos;       // image pixels
    bool lost = false;
    float var = 0.0f;
    bool occluded = false;
};

/** One tracking direction over a segment for one animal, in crop coordinates. */
struct Pass
{
    std::vector<char> has;
    std::vector<Pt> pos;
    std::vector<char> lost;
    std::vector<std::vector<Pt>> delta; // [k][step]: displacement from frame Ga+step to Ga+step+1
    std::vector<std::vector<float>> var;
    std::vector<std::vector<float>> app; // [k][frame offset]: likeness to the labelled patches, 0..1
};

struct AnimalSegment
{
    int trackId = 0;
    int categoryId = 1;
    int K = 0;
    cv::Rect roi;
    double scale = 1.0;
    double size = 0.0;     // longer side of the box of its labels on one frame (image pixels)
    int searchRadius = 4;  // crop pixels around a lost point that template matching searches
    std::vector<cv::Mat> crops;      // gray, one per frame of the segment
    std::vector<cv::Mat> pyr;        // pyramid of the last frame the forward pass reached
    std::vector<std::vector<cv::Mat>> templates; // per keypoint: patches from labelled frames
    std::vector<std::vector<cv::Mat>> endTemplates; // per keypoint: its patches at both ends of the segment
    Pass fwd, bwd;
    std::vector<char> endLabel; // keypoint labelled at Gb
    std::vector<Pt> endPos;     // its label (image pixels)
    std::vector<char> endOccluded;
};

} // namespace

DefaultTracker::DefaultTracker(DefaultTrackerParams params)
    : mParams(params)
{
}

namespace {

class Engine
{
public:
    Engine(const DefaultTrackerParams &p, core::FrameSource &frames, const TrackingInput &input,
           const ProgressFn &progress, const std::atomic_bool &cancel)
        : P(p), mFrames(frames), mIn(input), mProgress(progress), mCancel(cancel)
    {
    }

    bool run(TrackingOutput *out, std::string *error, std::size_t *peakBytes);

private:
    /** Frames \a from..to (inclusive) as full-size gray images; runs on the reader thread. */
    struct Batch
    {
        std::vector<cv::Mat> frames;
        bool ok = true;
        std::string error;
    };
    Batch readBatch(int from, int to);
    bool readGray(int index, cv::Mat *gray, std::string *error);
    void makeCrop(const cv::Mat &gray, AnimalSegment &a, cv::Mat *crop) const;
    void buildPyr(const cv::Mat &crop, std::vector<cv::Mat> *pyr) const;
    void lkStep(const std::vector<cv::Mat> &pyrA, const std::vector<cv::Mat> &pyrB, const cv::Mat &cropB,
                AnimalSegment &a, Pass &pass, int step, bool forward) const;
    bool trackAnimal(AnimalSegment &a, int n, bool keepPyramids, const std::atomic_bool &stopped) const;
    void fuse(AnimalSegment &a, int Ga, int Gb, TrackingOutput *out);
    void report(const std::string &stage);

    const DefaultTrackerParams &P;
    core::FrameSource &mFrames;
    const TrackingInput &mIn;
    const ProgressFn &mProgress;
    const std::atomic_bool &mCancel;
    std::map<int, std::vector<Carry>> mCarry; // track id -> per keypoint
    std::map<int, std::pair<int, int>> mTrackMeta; // track id -> (category, K)
    int mDone = 0;
    int mTotal = 0;
    std::chrono::steady_clock::time_point mStarted = std::chrono::steady_clock::now();
    int mWidth = 0;
    int mHeight = 0;
};

void Engine::report(const std::string &stage)
{
    if (mProgress) {
        Progress pr;
        pr.done = mDone;
        pr.total = mTotal;
        pr.stage = stage;
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - mStarted).count();
        if (mDone > 0 && mTotal > 0)
            pr.secondsLeft = elapsed * double(mTotal - mDone) / double(mDone);
        mProgress(pr);
    }
}

bool Engine::readGray(int index, cv::Mat *gray, std::string *error)
{
    std::string err;
    core::VideoFrame frame;
    if (!mFrames.read(index, &frame, &err) || frame.isNull()) {
        if (error)
            *error = "cannot read frame " + std::to_string(index) + ": " + err;
        return false;
    }
    const cv::Mat rgb(frame.height, frame.width, CV_8UC3, const_cast<char *>(frame.rgb.constData()),
                      static_cast<std::size_t>(frame.width) * 3);
    cv::cvtColor(rgb, *gray, cv::COLOR_RGB2GRAY);
    return true;
}

Engine::Batch Engine::readBatch(int from, int to)
{
    Batch b;
    b.frames.resize(std::size_t(std::max(0, to - from + 1)));
    for (int f = from; f <= to && b.ok; ++f) {
        if (mCancel.load()) {
            b.ok = false;
            b.error = "cancelled";
        } else {
            b.ok = readGray(f, &b.frames[std::size_t(f - from)], &b.error);
        }
    }
    return b;
}

void Engine::makeCrop(const cv::Mat &gray, AnimalSegment &a, cv::Mat *crop) const
{
    if (a.scale < 1.0)
        cv::resize(gray(a.roi), *crop, cv::Size(), a.scale, a.scale, cv::INTER_AREA);
    else
        *crop = gray(a.roi);
}

void Engine::buildPyr(const cv::Mat &crop, std::vector<cv::Mat> *pyr) const
{
    pyr->clear();
    cv::buildOpticalFlowPyramid(crop, *pyr, cv::Size(P.winSize, P.winSize), P.levels, true);
}

/** True when \a patch has enough contrast for a normalised cross-correlation to mean something. */
bool textured(const cv::Mat &patch)
{
    cv::Scalar mean, stddev;
    cv::meanStdDev(patch, mean, stddev);
    return stddev[0] >= 6.0;
}

/** Best normalised cross-correlation of \a templates around \a p in \a img; the position in \a best. */
double templateMatch(const cv::Mat &img, const std::vector<cv::Mat> &templates, Pt p, int radius, Pt *best)
{
    double bestScore = -1.0;
    for (const cv::Mat &t : templates) {
        const int half = t.cols / 2;
        cv::Rect win(cvRound(p.x) - half - radius, cvRound(p.y) - half - radius, t.cols + 2 * radius,
                     t.rows + 2 * radius);
        win &= cv::Rect(0, 0, img.cols, img.rows);
        if (win.width < t.cols || win.height < t.rows)
            continue;
        cv::Mat res;
        cv::matchTemplate(img(win), t, res, cv::TM_CCOEFF_NORMED);
        double mx = 0;
        cv::Point loc;
        cv::minMaxLoc(res, nullptr, &mx, nullptr, &loc);
        if (std::isfinite(mx) && mx > bestScore) {
            bestScore = mx;
            *best = Pt(float(win.x + loc.x + half), float(win.y + loc.y + half));
        }
    }
    return bestScore;
}

/**
 * How much the patch at \a p looks like the closest of \a templates, 0..1 (1 without any): one minus the mean
 * absolute difference relative to the template's contrast. Unlike a normalised correlation it sees
 * brightness, so a thin bright limb that moved away, leaving dark background under the point, scores low.
 */
float likeness(const cv::Mat &img, Pt p, const std::vector<cv::Mat> &templates)
{
    if (templates.empty())
        return 1.f;
    float best = 0.f;
    for (const cv::Mat &t : templates) {
        const cv::Rect r(cvRound(p.x) - t.cols / 2, cvRound(p.y) - t.rows / 2, t.cols, t.rows);
        if ((r & cv::Rect(0, 0, img.cols, img.rows)) != r)
            continue;
        cv::Scalar mean, stddev;
        cv::meanStdDev(t, mean, stddev);
        const double sad = cv::norm(img(r), t, cv::NORM_L1) / double(t.total());
        best = std::max(best, float(std::max(0.0, 1.0 - sad / (2.0 * stddev[0] + 4.0))));
    }
    return best;
}

/** The textured patch of side \a side around keypoint \a k of \a a labelled and visible on frame \a f; empty if none. */
cv::Mat labelPatch(const core::Clip &clip, int f, const AnimalSegment &a, int k, const cv::Mat &crop, int side)
{
    const core::Keypoint *kp = userKeypoint(clip, f, a.trackId, k);
    if (!kp || kp->visibility != core::Visibility::Visible)
        return {};
    const Pt c = (Pt(float(kp->x), float(kp->y)) - Pt(float(a.roi.x), float(a.roi.y))) * float(a.scale);
    const cv::Rect r(cvRound(c.x) - side / 2, cvRound(c.y) - side / 2, side, side);
    if ((r & cv::Rect(0, 0, crop.cols, crop.rows)) != r || !textured(crop(r)))
        return {};
    return crop(r).clone();
}

void Engine::lkStep(const std::vector<cv::Mat> &pyrA, const std::vector<cv::Mat> &pyrB, const cv::Mat &cropB,
                    AnimalSegment &a, Pass &pass, int step, bool forward) const
{
    std::vector<int> idx;
    std::vector<Pt> p0;
    for (int k = 0; k < a.K; ++k)
        if (pass.has[k]) {
            idx.push_back(k);
            p0.push_back(pass.pos[k]);
        }
    if (idx.empty())
        return;
    const cv::Size win(P.winSize, P.winSize);
    const cv::TermCriteria crit(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.01);
    std::vector<Pt> p1, p0r;
    std::vector<uchar> st1, st2;
    std::vector<float> err1, err2;
    cv::calcOpticalFlowPyrLK(pyrA, pyrB, p0, p1, st1, err1, win, P.levels, crit);
    cv::calcOpticalFlowPyrLK(pyrB, pyrA, p1, p0r, st2, err2, win, P.levels, crit);

    const double fbLimit = P.fbThreshold * a.scale;
    const cv::Rect2f inside(0.f, 0.f, float(cropB.cols - 1), float(cropB.rows - 1));
    std::vector<char> good(idx.size());
    std::vector<float> fb(idx.size());
    std::vector<Pt> gs, gd;
    for (std::size_t i = 0; i < idx.size(); ++i) {
        fb[i] = static_cast<float>(cv::norm(p0r[i] - p0[i]));
        good[i] = st1[i] && st2[i] && fb[i] <= fbLimit && inside.contains(p1[i]);
        if (good[i]) {
            gs.push_back(p0[i]);
            gd.push_back(p1[i]);
        }
    }
    const Similarity body = fitSimilarity(gs, gd);
    const int stepIndex = forward ? step : step; // delta index is always the forward-time step
    for (std::size_t i = 0; i < idx.size(); ++i) {
        const int k = idx[i];
        Pt next;
        float var;
        if (good[i]) {
            next = p1[i];
            var = (pass.lost[k] ? kVarRelock : kVarGood) + fb[i] * fb[i];
        } else {
            next = gs.empty() ? p0[i] : body.apply(p0[i]);
            var = kVarFail;
            pass.lost[k] = 1;
        }
        // LK that stuck to the background passes its forward-backward check: the patch no longer looking
        // like the keypoint's labelled patches tells it was lost all the same.
        if (!pass.lost[k] && P.lostLikeness > 0 && likeness(cropB, next, a.endTemplates[k]) < P.lostLikeness) {
            pass.lost[k] = 1;
            var = std::max(var, kVarFail);
        }
        if (pass.lost[k] && P.appearance && !a.templates[k].empty()) {
            Pt m;
            const double score = templateMatch(cropB, a.templates[k], next, a.searchRadius, &m);
            if (score >= P.templateAccept) {
                var = std::max(var, 1.0f) + float(cv::norm(m - next) * cv::norm(m - next)) * 0.1f;
                next = m;
                pass.lost[k] = 0;
            }
        }
        next.x = std::clamp(next.x, 0.f, float(cropB.cols - 1));
        next.y = std::clamp(next.y, 0.f, float(cropB.rows - 1));
        const Pt d = forward ? next - p0[i] : p0[i] - next;
        pass.delta[k][stepIndex] = Pt(float(d.x / a.scale), float(d.y / a.scale));
        pass.var[k][stepIndex] = float(var / (a.scale * a.scale));
        pass.pos[k] = next;
        if (P.appearanceWeight > 0)
            pass.app[k][forward ? step + 1 : step] = likeness(cropB, next, a.endTemplates[k]);
    }
}

bool Engine::trackAnimal(AnimalSegment &a, int n, bool keepPyramids, const std::atomic_bool &stopped) const
{
    // Pyramids of the forward pass are kept for the backward one when all animals' fit the memory budget.
    const bool keep = keepPyramids;
    std::vector<std::vector<cv::Mat>> kept(keep ? std::size_t(n + 1) : 0);
    std::vector<cv::Mat> prev, next;
    buildPyr(a.crops[0], &prev);
    for (int s = 1; s <= n; ++s) {
        if (mCancel.load() || stopped.load())
            return false;
        buildPyr(a.crops[s], &next);
        lkStep(prev, next, a.crops[s], a, a.fwd, s - 1, true);
        if (keep)
            kept[std::size_t(s - 1)] = std::move(prev);
        prev.swap(next);
    }
    for (int k = 0; k < a.K; ++k)
        if (a.bwd.has[k])
            a.bwd.pos[k] = (a.endPos[k] - Pt(float(a.roi.x), float(a.roi.y))) * float(a.scale);
    if (std::none_of(a.bwd.has.begin(), a.bwd.has.end(), [](char c) { return c != 0; }))
        return true;
    // prev holds the pyramid of the last frame now.
    for (int s = n; s >= 1; --s) {
        if (mCancel.load() || stopped.load())
            return false;
        if (keep)
            next = std::move(kept[std::size_t(s - 1)]);
        else
            buildPyr(a.crops[s - 1], &next);
        lkStep(prev, next, a.crops[s - 1], a, a.bwd, s - 1, false);
        prev.swap(next);
    }
    return true;
}

void Engine::fuse(AnimalSegment &a, int Ga, int Gb, TrackingOutput *out)
{
    const int n = Gb - Ga;
    std::vector<Carry> &carry = mCarry[a.trackId];
    carry.resize(a.K);
    std::vector<std::vector<Pt>> xs(a.K);
    std::vector<std::vector<float>> vs(a.K);
    std::vector<char> occl(a.K, 0);
    for (int k = 0; k < a.K; ++k) {
        const bool hf = a.fwd.has[k];
        const bool hb = a.endLabel[k];
        if (!hf && !hb)
            continue;
        std::vector<Pt> d(n);
        std::vector<float> v(n);
        for (int s = 0; s < n; ++s) {
            if (hf && hb) {
                const float wf = 1.f / a.fwd.var[k][s], wb = 1.f / a.bwd.var[k][s];
                d[s] = (a.fwd.delta[k][s] * wf + a.bwd.delta[k][s] * wb) / (wf + wb);
                v[s] = 1.f / (wf + wb);
            } else if (hf) {
                d[s] = a.fwd.delta[k][s];
                v[s] = a.fwd.var[k][s];
            } else {
                d[s] = a.bwd.delta[k][s];
                v[s] = a.bwd.var[k][s];
            }
        }
        std::vector<Pt> x(n + 1);
        std::vector<float> var(n + 1, 0.f);
        const Carry start = carry[k];
        if (hf && hb) {
            // Forward from the start, backward from the label; switch from one to the other where they
            // agree best (within the span where neither is known to be lost), closing the gap smoothly.
            std::vector<Pt> F(n + 1), B(n + 1);
            std::vector<float> cf(n + 1, 0.f), cb(n + 1, 0.f);
            F[0] = start.pos;
            cf[0] = start.var;
            int lastGoodF = n, firstGoodB = 0;
            for (int s = 0; s < n; ++s) {
                F[s + 1] = F[s] + a.fwd.delta[k][s];
                cf[s + 1] = cf[s] + a.fwd.var[k][s];
                if (lastGoodF == n && a.fwd.var[k][s] >= kVarFail)
                    lastGoodF = s;
            }
            B[n] = a.endPos[k];
            for (int s = n - 1; s >= 0; --s) {
                B[s] = B[s + 1] - a.bwd.delta[k][s];
                cb[s] = cb[s + 1] + a.bwd.var[k][s];
                if (firstGoodB == 0 && a.bwd.var[k][s] >= kVarFail)
                    firstGoodB = s + 1;
            }
            // Appearance mismatch of the forward track up to t and of the backward track after it.
            // Each frame a direction is used costs its appearance mismatch, plus a fixed cost while that
            // direction is known to be lost (after a failed forward-backward check, until re-anchored).
            std::vector<double> mf(n + 2, 0.0), mb(n + 2, 0.0);
            bool lostF = false, lostB = false;
            for (int t = 1; t <= n; ++t) {
                lostF = lostF || a.fwd.var[k][t - 1] >= kVarFail;
                if (a.fwd.var[k][t - 1] < kVarRelock)
                    lostF = false;
                mf[t] = mf[t - 1] + P.appearanceWeight * (1.0 - a.fwd.app[k][t]) + (lostF ? P.lostPenalty : 0.0);
            }
            for (int t = n - 1; t >= 0; --t) {
                lostB = lostB || a.bwd.var[k][t] >= kVarFail;
                if (a.bwd.var[k][t] < kVarRelock)
                    lostB = false;
                mb[t] = mb[t + 1] + P.appearanceWeight * (1.0 - a.bwd.app[k][t]) + (lostB ? P.lostPenalty : 0.0);
            }
            int best = 0;
            double bestCost = 1e30;
            for (int t = 0; t <= n; ++t) {
                const double c = cv::norm(F[t] - B[t]) / P.gapScale + mf[t] + mb[t] + 0.002 * std::abs(t - n * 0.5);
                if (c < bestCost) {
                    bestCost = c;
                    best = t;
                }
            }
            // Frames around the switch where the direction in use is known to be lost are bridged from
            // the last trusted forward position to the first trusted backward one.
            int gF = best, gB = best;
            if (P.bridgeLost) {
                for (int t = 1; t <= best; ++t)
                    if (a.fwd.var[k][t - 1] >= kVarFail) {
                        gF = t - 1;
                        break;
                    }
                for (int t = n - 1; t >= best; --t)
                    if (a.bwd.var[k][t] >= kVarFail) {
                        gB = t + 1;
                        break;
                    }
            }
            const int r = std::max(0, P.switchFrames);
            for (int t = 0; t <= n; ++t) {
                const float u = float(t) / float(n);
                float w = 0.f; // weight of the backward track
                if (r == 0)
                    w = t > best ? 1.f : 0.f;
                else
                    w = std::clamp(float(t - (best - r)) / float(2 * r), 0.f, 1.f);
                if (t == 0)
                    w = 0.f;
                if (t == n)
                    w = 1.f;
                if (t > gF && t < gB) {
                    const float g = float(t - gF) / float(gB - gF);
                    x[t] = F[gF] * (1.f - g) + B[gB] * g;
                } else {
                    x[t] = F[t] * (1.f - w) + B[t] * w;
                }
                var[t] = cf[t] * (1.f - w) + cb[t] * w;
                var[t] += 4.f * u * (1.f - u) * 0.25f * float(cv::norm(F[t] - B[t]) * cv::norm(F[t] - B[t]));
            }
            x[0] = start.pos;
            x[n] = a.endPos[k];
            occl[k] = start.occluded && a.endOccluded[k];
        } else if (hf) {
            x[0] = start.pos;
            var[0] = start.var;
            for (int s = 0; s < n; ++s) {
                x[s + 1] = x[s] + d[s];
                var[s + 1] = var[s] + v[s];
            }
            occl[k] = start.occluded;
        } else {
            x[n] = a.endPos[k];
            for (int s = n - 1; s >= 0; --s) {
                x[s] = x[s + 1] - d[s];
                var[s] = var[s + 1] + v[s];
            }
            occl[k] = a.endOccluded[k];
        }
        xs[k] = std::move(x);
        vs[k] = std::move(var);
        // What the next segment starts from.
        Carry c;
        c.has = true;
        if (hb) {
            c.pos = a.endPos[k];
            c.occluded = a.endOccluded[k];
        } else {
            c.pos = xs[k][n];
            c.lost = a.fwd.lost[k];
            c.var = vs[k][n];
            c.occluded = start.occluded;
        }
        carry[k] = c;
    }

    const core::Source src = mIn.refine ? core::Source::Refined : core::Source::Propagated;
    for (int s = 0; s <= n; ++s) {
        const int f = Ga + s;
        const core::Instance *user = mIn.clip.instance(f, a.trackId);
        std::vector<core::Instance> &list = (*out)[f];
        core::Instance *inst = nullptr;
        for (core::Instance &i : list)
            if (i.trackId == a.trackId)
                inst = &i;
        if (!inst) {
            core::Instance fresh;
            if (user)
                fresh = userOnly(*user);
            fresh.trackId = a.trackId;
            fresh.categoryId = user ? user->categoryId : a.categoryId;
            fresh.keypoints.resize(std::max<std::size_t>(fresh.keypoints.size(), std::size_t(a.K)));
            auto pos = std::lower_bound(list.begin(), list.end(), a.trackId,
                                        [](const core::Instance &i, int id) { return i.trackId < id; });
            inst = &*list.insert(pos, fresh);
        }
        for (int k = 0; k < a.K; ++k) {
            if (xs[k].empty() || userKeypoint(mIn.clip, f, a.trackId, k))
                continue;
            core::Keypoint &kp = inst->keypoints[k];
            if (kp.isLabelled()) // filled by the previous segment already
                continue;
            Pt p = xs[k][s];
            p.x = std::clamp(p.x, 0.f, float(std::max(0, mWidth - 1)));
            p.y = std::clamp(p.y, 0.f, float(std::max(0, mHeight - 1)));
            kp.x = p.x;
            kp.y = p.y;
            kp.visibility = occl[k] ? core::Visibility::Occluded : core::Visibility::Visible;
            kp.source = src;
            kp.score = 1.f / (1.f + vs[k][s] / kScoreVar);
        }
    }
}

bool Engine::run(TrackingOutput *out, std::string *error, std::size_t *peakBytes)
{
    const core::Clip &clip = mIn.clip;
    const int frameCount = mFrames.info().frameCount > 0 ? mFrames.info().frameCount : clip.effectiveFrameCount();
    const int f0 = std::max(0, mIn.firstFrame);
    const int f1 = mIn.lastFrame < 0 ? frameCount - 1 : std::min(mIn.lastFrame, frameCount - 1);
    if (f1 < f0) {
        if (error)
            *error = "empty frame range " + std::to_string(f0) + ".." + std::to_string(f1);
        return false;
    }
    // Tracks and their keypoint counts.
    std::set<int> ids(mIn.trackIds.begin(), mIn.trackIds.end());
    if (ids.empty()) {
        for (const core::Track &t : clip.tracks)
            ids.insert(t.id);
        for (const auto &[f, list] : clip.frames)
            for (const core::Instance &i : list)
                ids.insert(i.trackId);
    }
    std::set<int> keyframes = {f0, f1};
    for (int id : ids) {
        int cat = clip.track(id) ? clip.track(id)->categoryId : 1;
        int K = 0;
        bool any = false;
        for (const auto &[f, list] : clip.frames)
            for (const core::Instance &i : list)
                if (i.trackId == id) {
                    K = std::max(K, int(i.keypoints.size()));
                    cat = i.categoryId;
                    for (int k = 0; k < int(i.keypoints.size()); ++k)
                        if (f >= f0 && f <= f1 && userKeypoint(clip, f, id, k)) {
                            keyframes.insert(f);
                            any = true;
                        }
                }
        for (const core::Category &c : mIn.categories)
            if (c.id == cat)
                K = std::max(K, c.keypointCount());
        if (any && K > 0)
            mTrackMeta[id] = {cat, K};
    }
    const std::vector<int> G(keyframes.begin(), keyframes.end());
    const int nFrames = f1 - f0 + 1;
    mTotal = 2 * nFrames;
    mDone = 0;
    report("tracking");
    *peakBytes = 0;

    // Templates of every keypoint from every labelled frame are collected lazily as the segments pass them.
    std::map<int, std::vector<std::vector<cv::Mat>>> templates;
    const int tsize = std::max(11, (P.winSize / 2) * 2 + 1);

    cv::Mat current;
    if (!readGray(G[0], &current, error))
        return false;
    mWidth = current.cols;
    mHeight = current.rows;
    ++mDone;
    // The next segment's frames are decoded on a reader thread while this one is tracked.
    std::future<Batch> pending;
    int pendingFrom = -1;
    if (G.size() == 1) { // a single frame: the labels themselves
        for (const auto &[id, meta] : mTrackMeta)
            if (const core::Instance *u = clip.instance(G[0], id))
                (*out)[G[0]].push_back(userOnly(*u));
        mDone = mTotal;
        report("done");
        return true;
    }

    for (const auto &[id, meta] : mTrackMeta)
        if (const core::Instance *u = clip.instance(G[0], id))
            (*out)[G[0]].push_back(userOnly(*u));
    for (std::size_t gi = 0; gi + 1 < G.size(); ++gi) {
        const int Ga = G[gi], Gb = G[gi + 1];
        const int n = Gb - Ga;
        // Plan one crop per animal that has something to track in this segment.
        std::vector<AnimalSegment> animals;
        for (const auto &[id, meta] : mTrackMeta) {
            AnimalSegment a;
            a.trackId = id;
            a.categoryId = meta.first;
            a.K = meta.second;
            std::vector<Carry> &carry = mCarry[id];
            carry.resize(a.K);
            a.fwd.has.assign(a.K, 0);
            a.fwd.pos.assign(a.K, Pt());
            a.fwd.lost.assign(a.K, 0);
            a.bwd = a.fwd;
            a.endLabel.assign(a.K, 0);
            a.endPos.assign(a.K, Pt());
            a.endOccluded.assign(a.K, 0);
            std::vector<Pt> atStart, atEnd; // the animal's points at both ends of the segment
            for (int k = 0; k < a.K; ++k) {
                if (const core::Keypoint *kp = userKeypoint(clip, Ga, id, k)) {
                    carry[k] = Carry{true, Pt(float(kp->x), float(kp->y)), false, 0.f,
                                     kp->visibility == core::Visibility::Occluded};
                }
                if (carry[k].has) {
                    a.fwd.has[k] = 1;
                    a.fwd.lost[k] = carry[k].lost;
                    atStart.push_back(carry[k].pos);
                }
                if (const core::Keypoint *kp = userKeypoint(clip, Gb, id, k)) {
                    a.endLabel[k] = a.bwd.has[k] = 1;
                    a.endPos[k] = Pt(float(kp->x), float(kp->y));
                    a.endOccluded[k] = kp->visibility == core::Visibility::Occluded;
                    atEnd.push_back(a.endPos[k]);
                }
            }
            std::vector<Pt> extent = atStart;
            extent.insert(extent.end(), atEnd.begin(), atEnd.end());
            if (extent.empty())
                continue;
            const cv::Rect2f box = cv::boundingRect(extent);
            // The animal's size (the longer side of its labels' box on one frame) sets how far a lost point
            // is searched for.
            for (const std::vector<Pt> *pts : {&atStart, &atEnd})
                if (!pts->empty()) {
                    const cv::Rect2f b = cv::boundingRect(*pts);
                    a.size = std::max(a.size, double(std::max(b.width, b.height)));
                }
            const bool oneEnded = std::count(a.endLabel.begin(), a.endLabel.end(), 1) == 0;
            const double m = std::max(P.margin, (oneEnded ? 1.5 : 0.75) * std::max(box.width, box.height));
            cv::Rect roi(cvFloor(box.x - m), cvFloor(box.y - m), cvCeil(box.width + 2 * m), cvCeil(box.height + 2 * m));
            a.roi = roi & cv::Rect(0, 0, mWidth, mHeight);
            if (a.roi.area() <= 0)
                continue;
            a.fwd.delta.assign(a.K, std::vector<Pt>(n));
            a.fwd.var.assign(a.K, std::vector<float>(n, kVarFail));
            a.bwd.delta = a.fwd.delta;
            a.fwd.app.assign(a.K, std::vector<float>(n + 1, 1.f));
            a.bwd.var = a.fwd.var;
            a.bwd.app = a.fwd.app;
            animals.push_back(std::move(a));
        }
        std::size_t bytes = 0;
        for (const AnimalSegment &a : animals)
            bytes += std::size_t(a.roi.area()) * std::size_t(n + 1);
        const double scale = bytes > P.memoryBudget ? std::sqrt(double(P.memoryBudget) / double(bytes)) : 1.0;
        *peakBytes = std::max(*peakBytes, std::size_t(double(bytes) * scale * scale));

        for (AnimalSegment &a : animals) {
            a.scale = scale;
            a.searchRadius = std::max(4, int(std::max(double(P.winSize), P.searchRadius * a.size) * scale));
            a.crops.resize(n + 1);
            makeCrop(current, a, &a.crops[0]);
            for (int k = 0; k < a.K; ++k)
                if (a.fwd.has[k]) {
                    const Pt p = mCarry[a.trackId][k].pos - Pt(float(a.roi.x), float(a.roi.y));
                    a.fwd.pos[k] = p * float(scale);
                }
        }
        // Each frame of the segment is decoded once (ahead, on the reader thread, when it fits the budget).
        Batch batch;
        if (pending.valid() && pendingFrom == Ga + 1)
            batch = pending.get();
        else
            batch = readBatch(Ga + 1, Gb);
        if (!batch.ok) {
            if (error)
                *error = mCancel.load() ? std::string("cancelled") : batch.error;
            return false;
        }
        if (gi + 2 < G.size()) {
            const int from = Gb + 1, to = G[gi + 2];
            const std::size_t ahead = std::size_t(to - from + 1) * std::size_t(mWidth) * std::size_t(mHeight);
            if (ahead <= P.memoryBudget / 2) {
                pending = std::async(std::launch::async, [this, from, to] { return readBatch(from, to); });
                pendingFrom = from;
            }
        }
        for (int s = 1; s <= n; ++s)
            for (AnimalSegment &a : animals)
                makeCrop(batch.frames[std::size_t(s - 1)], a, &a.crops[s]);
        current = batch.frames.back();
        batch.frames.clear();
        mDone += n;
        report("reading frames");
        for (AnimalSegment &a : animals) {
            a.templates.assign(a.K, {});
            if (P.appearance) {
                // Templates from every labelled frame passed so far (the last six) ...
                auto &tp = templates[a.trackId];
                tp.resize(a.K);
                const int ts = std::max(7, int(tsize * scale) | 1);
                for (int k = 0; k < a.K; ++k) {
                    cv::Mat patch = labelPatch(clip, Ga, a, k, a.crops[0], ts);
                    if (!patch.empty()) {
                        tp[k].push_back(std::move(patch));
                        if (tp[k].size() > 6)
                            tp[k].erase(tp[k].begin());
                    }
                }
                a.templates = tp;
                // ... and from the segment's end, already decoded.
                for (int k = 0; k < a.K; ++k) {
                    cv::Mat patch = labelPatch(clip, Gb, a, k, a.crops[std::size_t(n)], ts);
                    if (!patch.empty())
                        a.templates[k].push_back(std::move(patch));
                }
            }
            // The patches of each keypoint at both ends, to tell which direction still follows it.
            a.endTemplates.assign(a.K, {});
            const int half = std::max(3, int(P.winSize * scale) / 2);
            for (int k = 0; k < a.K; ++k) {
                for (int end = 0; end < 2; ++end) {
                    const bool have = end == 0 ? a.fwd.has[k] : a.endLabel[k];
                    if (!have)
                        continue;
                    const Pt c = end == 0 ? a.fwd.pos[k] : (a.endPos[k] - Pt(float(a.roi.x), float(a.roi.y))) * float(scale);
                    const cv::Mat &img = a.crops[end == 0 ? 0 : n];
                    const cv::Rect r(cvRound(c.x) - half, cvRound(c.y) - half, 2 * half + 1, 2 * half + 1);
                    if ((r & cv::Rect(0, 0, img.cols, img.rows)) == r && textured(img(r)))
                        a.endTemplates[k].push_back(img(r).clone());
                }
            }
        }
        // Forward then backward for every animal, the animals in parallel, on the crops in memory.
        std::atomic_bool stopped{false};
        std::size_t pyramidBytes = 0; // a pyramid with derivatives takes about 8 bytes per crop pixel
        for (const AnimalSegment &a : animals)
            pyramidBytes += std::size_t(a.crops[0].total()) * 8 * std::size_t(n + 1);
        const bool keepPyramids = pyramidBytes <= P.memoryBudget / 2;
        *peakBytes = std::max(*peakBytes, std::size_t(double(bytes) * scale * scale) + (keepPyramids ? pyramidBytes : 0));
        cv::parallel_for_(cv::Range(0, int(animals.size())), [&](const cv::Range &range) {
            for (int i = range.start; i < range.end; ++i)
                if (!trackAnimal(animals[std::size_t(i)], n, keepPyramids, stopped))
                    stopped = true;
        });
        if (stopped.load() || mCancel.load()) {
            if (error)
                *error = "cancelled";
            return false;
        }
        mDone += n;
        report("tracking");
        for (AnimalSegment &a : animals) {
            fuse(a, Ga, Gb, out);
            a.crops.clear();
        }
        // User labels at Gb come back exactly even for animals with nothing to track.
        for (const auto &[id, meta] : mTrackMeta) {
            const core::Instance *u = clip.instance(Gb, id);
            if (!u)
                continue;
            auto &list = (*out)[Gb];
            if (std::none_of(list.begin(), list.end(), [&](const core::Instance &i) { return i.trackId == id; }))
                list.push_back(userOnly(*u));
        }
    }
    mDone = mTotal;
    report("done");
    return true;
}

} // namespace

bool DefaultTracker::track(core::FrameSource &frames, const TrackingInput &input, TrackingOutput *output,
                           const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error)
{
    if (!output) {
        if (error)
            *error = "no output";
        return false;
    }
    output->clear();
    Engine engine(mParams, frames, input, progress, cancel);
    mPeakCropBytes = 0;
    const bool ok = engine.run(output, error, &mPeakCropBytes);
    if (!ok)
        output->clear();
    return ok;
}

} // namespace paddock::tracking
