// SPDX-License-Identifier: Apache-2.0
// The image checks. The clip is read once, in order, one stretch between labelled frames at a time (its
// frames, scaled down, in memory). Over each stretch a cheap pyramidal Lucas-Kanade runs forward from the
// labels at its start and backward from the labels at its end, independently of whichever tracker made the
// points. Then each tracker point is judged against
//  - the keypoint's labelled patches (normalised correlation at the point against the best match nearby),
//  - the two re-runs (how far apart they end on that frame),
//  - a colour model of its animal (discs along the labelled skeleton) against the background around it;
// and each labelled frame with several animals against the re-runs that arrive on it (identity swap).
// OpenCV stays inside this file: core links it privately, the header has plain types only.
#include "core/checks/imagechecks.h"
#include "core/video/clipframes.h"

#include "core/checks/checkutil.h"
#include "core/video/framesource.h"

#include <QCoreApplication>
#include <QString>

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <set>

namespace paddock::core {

namespace {

using Pt = cv::Point2f;

constexpr int kMaxTemplates = 8;     // labelled patches kept per keypoint (the most recent)
constexpr int kMaxColourRefs = 16;   // labelled discs kept per keypoint for its own colour reference
constexpr int kBins = 8;             // colour histogram levels per channel
constexpr int kMinIdentityPoints = 3; // keypoints two animals must share for the identity check

QString trc(const char *text)
{
    return QCoreApplication::translate("Checks", text);
}

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

bool visibleUserLabel(const Keypoint &p)
{
    return p.visibility == Visibility::Visible && isUserLabel(p.source);
}

bool checkable(const Keypoint &p)
{
    return p.isLabelled() && !isUserLabel(p.source);
}

int colourBin(const cv::Vec3b &c)
{
    constexpr int shift = 8 - 3; // kBins == 8
    return (c[0] >> shift) * kBins * kBins + (c[1] >> shift) * kBins + (c[2] >> shift);
}

/** Bins of the pixels of the disc of \a radius around \a p (scaled image coordinates). */
std::vector<std::uint16_t> discBins(const cv::Mat &rgb, Pt p, int radius)
{
    std::vector<std::uint16_t> out;
    const int cx = cvRound(p.x), cy = cvRound(p.y);
    for (int y = cy - radius; y <= cy + radius; ++y) {
        if (y < 0 || y >= rgb.rows)
            continue;
        for (int x = cx - radius; x <= cx + radius; ++x)
            if (x >= 0 && x < rgb.cols && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius)
                out.push_back(std::uint16_t(colourBin(rgb.at<cv::Vec3b>(y, x))));
    }
    return out;
}

/** What the checks keep of one animal while reading the clip. */
struct TrackState
{
    int id = 0;
    const Category *cat = nullptr;
    int K = 0;
    double scale = 1.0; ///< animal size in full-resolution pixels
    std::vector<std::deque<cv::Mat>> templates;                 ///< [k]: labelled gray patches
    std::vector<std::deque<std::vector<std::uint16_t>>> discs; ///< [k]: colour bins at its labelled positions
    std::vector<double> fg = std::vector<double>(kBins * kBins * kBins, 0.0);
    std::vector<double> bg = std::vector<double>(kBins * kBins * kBins, 0.0);
    double fgTotal = 0.0, bgTotal = 0.0;
    // The forward re-run, carried across stretches (full-resolution pixels).
    std::vector<char> fHas;
    std::vector<Pt> fPos;
    std::vector<int> fFrom; ///< the labelled frame the forward re-run of each keypoint started from

    double animalLikeness(const std::vector<std::uint16_t> &bins) const
    {
        if (bins.empty() || fgTotal <= 0 || bgTotal <= 0)
            return -1.0;
        double sum = 0.0;
        for (std::uint16_t b : bins) {
            const double pf = (fg[b] + 0.5) / fgTotal, pb = (bg[b] + 0.5) / bgTotal;
            sum += pf / (pf + pb);
        }
        return sum / double(bins.size());
    }
};

/** Arriving re-run positions on a labelled frame: [track][k], full resolution; has = false when none. */
struct Arrival
{
    std::map<int, std::vector<char>> has;
    std::map<int, std::vector<Pt>> pos;
};

class ImageChecker
{
public:
    ImageChecker(const Clip &clip, const std::vector<Category> &categories, FrameSource &frames,
                 const ImageCheckOptions &opt, const CheckProgressFn &progress, const std::atomic_bool *cancel)
        : mClip(clip), mIndex(clip, categories), mFrames(frames), O(opt), mProgress(progress), mCancel(cancel)
    {
    }

    bool run(std::vector<Finding> *out, std::string *error);

private:
    struct FrameData
    {
        cv::Mat gray, rgb;
        std::vector<cv::Mat> pyr;
    };
    bool on(FindingKind k) const { return std::find(O.kinds.begin(), O.kinds.end(), k) != O.kinds.end(); }
    bool read(int f, FrameData *d, std::string *error);
    const Keypoint *userVisible(int f, int track, int k) const;
    Pt toScaled(double x, double y) const { return Pt(float(x * mS), float(y * mS)); }
    void addReferences(int f, const FrameData &d);
    void lk(const FrameData &a, const FrameData &b, std::map<int, std::vector<char>> &has,
            std::map<int, std::vector<Pt>> &pos) const;
    void judgePoints(int f, const FrameData &d, const std::map<int, std::vector<char>> &bHas,
                     const std::map<int, std::vector<Pt>> &bPos, const std::map<int, std::vector<char>> &fHas,
                     const std::map<int, std::vector<Pt>> &fPos, int Gb);
    /** Reports exchanged animals on labelled frame \a f; returns track -> the track whose labels it has. */
    std::map<int, int> judgeIdentity(int f, const Arrival *fwd, const Arrival *bwd);
    int patchSide(const TrackState &t) const
    {
        return std::clamp(int(std::lround(0.12 * t.scale * mS)), 9, 33) | 1;
    }
    int lkWindowFor(const TrackState &t) const
    {
        return std::clamp(int(std::lround(0.2 * t.scale * mS)), 9, std::max(9, O.lkWindow)) | 1;
    }
    int discRadius(const TrackState &t) const { return std::max(1, int(std::lround(0.03 * t.scale * mS))); }

    const Clip &mClip;
    const checks::ClipIndex mIndex;
    FrameSource &mFrames;
    const ImageCheckOptions &O;
    const CheckProgressFn &mProgress;
    const std::atomic_bool *mCancel;
    std::map<int, TrackState> mTracks;
    double mS = 1.0; // image scale of the checks
    int mW = 0, mH = 0;
    std::vector<Finding> mOut;
};

bool ImageChecker::read(int f, FrameData *d, std::string *error)
{
    VideoFrame vf;
    std::string err;
    if (!mFrames.read(f, &vf, &err) || vf.isNull()) {
        *error = trc("cannot read frame %1: %2").arg(f).arg(QString::fromStdString(err)).toStdString();
        return false;
    }
    const cv::Mat rgb(vf.height, vf.width, CV_8UC3, const_cast<char *>(vf.rgb.constData()),
                      std::size_t(vf.width) * 3);
    if (mS < 1.0)
        cv::resize(rgb, d->rgb, cv::Size(mW, mH), 0, 0, cv::INTER_AREA);
    else
        d->rgb = rgb.clone();
    cv::cvtColor(d->rgb, d->gray, cv::COLOR_RGB2GRAY);
    cv::buildOpticalFlowPyramid(d->gray, d->pyr, cv::Size(O.lkWindow, O.lkWindow), O.lkLevels, false);
    return true;
}

const Keypoint *ImageChecker::userVisible(int f, int track, int k) const
{
    const Instance *inst = mClip.instance(f, track);
    if (!inst || k >= int(inst->keypoints.size()))
        return nullptr;
    const Keypoint &p = inst->keypoints[std::size_t(k)];
    return visibleUserLabel(p) ? &p : nullptr;
}

/** Labelled patches and colours of every animal labelled on frame \a f. */
void ImageChecker::addReferences(int f, const FrameData &d)
{
    for (auto &[id, t] : mTracks) {
        const Instance *inst = mClip.instance(f, id);
        if (!inst)
            continue;
        const int side = patchSide(t), radius = discRadius(t);
        std::vector<Pt> pts;
        std::vector<char> have(std::size_t(t.K), 0);
        for (int k = 0; k < t.K && k < int(inst->keypoints.size()); ++k) {
            const Keypoint *p = userVisible(f, id, k);
            if (!p)
                continue;
            const Pt c = toScaled(p->x, p->y);
            have[std::size_t(k)] = 1;
            pts.push_back(c);
            const cv::Rect r(cvRound(c.x) - side / 2, cvRound(c.y) - side / 2, side, side);
            if ((r & cv::Rect(0, 0, d.gray.cols, d.gray.rows)) == r) {
                cv::Scalar mean, sd;
                cv::meanStdDev(d.gray(r), mean, sd);
                if (sd[0] >= 6.0) {
                    auto &list = t.templates[std::size_t(k)];
                    list.push_back(d.gray(r).clone());
                    if (int(list.size()) > kMaxTemplates)
                        list.pop_front();
                }
            }
            auto &dl = t.discs[std::size_t(k)];
            dl.push_back(discBins(d.rgb, c, radius));
            if (int(dl.size()) > kMaxColourRefs)
                dl.pop_front();
        }
        if (pts.size() < 2)
            continue;
        // The animal: discs on its keypoints and along its bones; the background: a band around its labels.
        std::vector<Pt> samples = pts;
        if (t.cat)
            for (const auto &[a, b] : t.cat->skeleton) {
                if (a >= t.K || b >= t.K || !have[std::size_t(a)] || !have[std::size_t(b)])
                    continue;
                const Keypoint &pa = inst->keypoints[std::size_t(a)], &pb = inst->keypoints[std::size_t(b)];
                for (double u : {0.25, 0.5, 0.75})
                    samples.push_back(toScaled(pa.x + u * (pb.x - pa.x), pa.y + u * (pb.y - pa.y)));
            }
        for (const Pt &s : samples)
            for (std::uint16_t b : discBins(d.rgb, s, radius)) {
                t.fg[b] += 1.0;
                t.fgTotal += 1.0;
            }
        const cv::Rect2f box = cv::boundingRect(pts);
        const float m = float(0.25 * t.scale * mS);
        const cv::Rect ring(cvFloor(box.x - m), cvFloor(box.y - m), cvCeil(box.width + 2 * m),
                            cvCeil(box.height + 2 * m));
        const int band = std::max(2, radius);
        for (int y = ring.y; y < ring.y + ring.height; y += 2)
            for (int x = ring.x; x < ring.x + ring.width; x += 2) {
                const bool edge = y < ring.y + band || y >= ring.y + ring.height - band || x < ring.x + band
                    || x >= ring.x + ring.width - band;
                if (!edge || x < 0 || y < 0 || x >= d.rgb.cols || y >= d.rgb.rows)
                    continue;
                t.bg[std::size_t(colourBin(d.rgb.at<cv::Vec3b>(y, x)))] += 1.0;
                t.bgTotal += 1.0;
            }
    }
}

/** One Lucas-Kanade step from \a a to \a b of every point in \a pos (full resolution); lost points move with
 *  their animal. */
void ImageChecker::lk(const FrameData &a, const FrameData &b, std::map<int, std::vector<char>> &has,
                      std::map<int, std::vector<Pt>> &pos) const
{
    std::vector<Pt> p0;
    std::vector<std::pair<int, int>> who;
    for (auto &[id, h] : has)
        for (int k = 0; k < int(h.size()); ++k)
            if (h[std::size_t(k)]) {
                const Pt p = pos[id][std::size_t(k)];
                p0.push_back(Pt(float(p.x * mS), float(p.y * mS)));
                who.push_back({id, k});
            }
    if (p0.empty())
        return;
    // Each animal with a window for its size (a fly's thin legs need a small one), at most lkWindow.
    std::map<int, std::vector<std::size_t>> byWindow;
    for (std::size_t i = 0; i < p0.size(); ++i)
        byWindow[lkWindowFor(mTracks.at(who[i].first))].push_back(i);
    std::vector<Pt> p1(p0.size());
    std::vector<uchar> st(p0.size(), 0);
    for (const auto &[win, idx] : byWindow) {
        std::vector<Pt> q0, q1;
        std::vector<uchar> qs;
        std::vector<float> err;
        for (std::size_t i : idx)
            q0.push_back(p0[i]);
        cv::calcOpticalFlowPyrLK(a.pyr, b.pyr, q0, q1, qs, err, cv::Size(win, win), O.lkLevels,
                                 cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.01));
        for (std::size_t j = 0; j < idx.size(); ++j) {
            p1[idx[j]] = q1[j];
            st[idx[j]] = qs[j];
        }
    }
    const cv::Rect2f inside(0.f, 0.f, float(b.gray.cols - 1), float(b.gray.rows - 1));
    std::map<int, std::vector<float>> dx, dy;
    for (std::size_t i = 0; i < p0.size(); ++i)
        if (st[i] && inside.contains(p1[i])) {
            dx[who[i].first].push_back(p1[i].x - p0[i].x);
            dy[who[i].first].push_back(p1[i].y - p0[i].y);
        }
    auto med = [](std::vector<float> v) {
        if (v.empty())
            return 0.f;
        std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
        return v[v.size() / 2];
    };
    std::map<int, Pt> body;
    for (auto &[id, v] : dx)
        body[id] = Pt(med(v), med(dy[id]));
    for (std::size_t i = 0; i < p0.size(); ++i) {
        Pt q = p1[i];
        if (!st[i] || !inside.contains(q))
            q = p0[i] + (body.count(who[i].first) ? body[who[i].first] : Pt());
        q.x = std::clamp(q.x, 0.f, inside.width);
        q.y = std::clamp(q.y, 0.f, inside.height);
        pos[who[i].first][std::size_t(who[i].second)] = Pt(float(q.x / mS), float(q.y / mS));
    }
}

void ImageChecker::judgePoints(int f, const FrameData &d, const std::map<int, std::vector<char>> &bHas,
                               const std::map<int, std::vector<Pt>> &bPos,
                               const std::map<int, std::vector<char>> &fHas,
                               const std::map<int, std::vector<Pt>> &fPos, int Gb)
{
    auto it = mClip.frames.find(f);
    if (it == mClip.frames.end())
        return;
    std::set<int> seen;
    for (const Instance &inst : it->second) {
        auto tt = mTracks.find(inst.trackId);
        if (tt == mTracks.end() || !seen.insert(inst.trackId).second)
            continue;
        const TrackState &t = tt->second;
        const double size = t.scale;
        for (int k = 0; k < int(inst.keypoints.size()) && k < t.K; ++k) {
            const Keypoint &p = inst.keypoints[std::size_t(k)];
            if (!checkable(p))
                continue;
            const Pt c = toScaled(p.x, p.y);
            // Forward and backward re-runs from the nearest labels.
            if (on(FindingKind::TrackDisagreement)) {
                const auto fh = fHas.find(inst.trackId), bh = bHas.find(inst.trackId);
                if (fh != fHas.end() && bh != bHas.end() && fh->second[std::size_t(k)] && bh->second[std::size_t(k)]) {
                    const Pt F = fPos.at(inst.trackId)[std::size_t(k)], B = bPos.at(inst.trackId)[std::size_t(k)];
                    const double gap = cv::norm(F - B);
                    const Pt P(float(p.x), float(p.y));
                    const double miss = std::min(cv::norm(P - F), cv::norm(P - B));
                    const int from = t.fFrom[std::size_t(k)];
                    if (gap > O.disagreement * size)
                        mOut.push_back(checks::make(
                            FindingKind::TrackDisagreement, Severity::Warning, f, inst.trackId, k, t.cat,
                            trc("tracked again from frames %1 and %2, the point ends %3 px apart (%4% of the "
                                "animal's size)")
                                .arg(from)
                                .arg(Gb)
                                .arg(num(gap))
                                .arg(int(std::lround(100.0 * gap / size))),
                            gap / size));
                    else if (miss > O.trackMiss * size)
                        mOut.push_back(checks::make(
                            FindingKind::TrackDisagreement, Severity::Warning, f, inst.trackId, k, t.cat,
                            trc("tracked again from frames %1 and %2, the point ends %3 px from both")
                                .arg(from)
                                .arg(Gb)
                                .arg(num(miss)),
                            miss / size));
                }
            }
            // The keypoint's labelled patches: does a place nearby look much more like them than the point?
            const auto &templates = t.templates[std::size_t(k)];
            if (on(FindingKind::UnlikeLabels) && !templates.empty()) {
                const int side = templates.front().cols;
                const int R = std::max(2, int(std::lround(O.unlikeSearch * size * mS)));
                const cv::Rect want(cvRound(c.x) - side / 2 - R, cvRound(c.y) - side / 2 - R, side + 2 * R,
                                    side + 2 * R);
                const cv::Rect win = want & cv::Rect(0, 0, d.gray.cols, d.gray.rows);
                if (win.width >= side && win.height >= side) {
                    const cv::Point at(cvRound(c.x) - side / 2 - win.x, cvRound(c.y) - side / 2 - win.y);
                    const double minShift = O.unlikeMinShift * size * mS;
                    double here = -1.0, best = -1.0;
                    cv::Point bestLoc;
                    cv::Mat away; // where a better match counts: further than minShift from the point
                    for (const cv::Mat &tpl : templates) {
                        cv::Mat res;
                        cv::matchTemplate(d.gray(win), tpl, res, cv::TM_CCOEFF_NORMED);
                        if (away.empty()) {
                            away = cv::Mat(res.size(), CV_8U, cv::Scalar(255));
                            cv::circle(away, at, int(std::ceil(minShift)), cv::Scalar(0), cv::FILLED);
                        }
                        if (at.x >= 0 && at.y >= 0 && at.x < res.cols && at.y < res.rows)
                            here = std::max(here, double(res.at<float>(at)));
                        double mx = -1.0;
                        cv::Point loc;
                        cv::minMaxLoc(res, nullptr, &mx, nullptr, &loc, away);
                        if (std::isfinite(mx) && mx > best) {
                            best = mx;
                            bestLoc = loc;
                        }
                    }
                    if (here > -1.0 && best - here > O.unlikeMargin) {
                        const double shift = std::hypot(bestLoc.x - at.x, bestLoc.y - at.y) / mS;
                        mOut.push_back(checks::make(
                            FindingKind::UnlikeLabels, Severity::Warning, f, inst.trackId, k, t.cat,
                            trc("the patch here looks unlike this keypoint's labelled patches (correlation %1); "
                                "%2 px away looks like them (%3)")
                                .arg(here, 0, 'f', 2)
                                .arg(num(shift))
                                .arg(best, 0, 'f', 2),
                            best - here));
                    }
                }
            }
            // The animal's colours against the background's.
            if (on(FindingKind::OffAnimal) && !t.discs[std::size_t(k)].empty()) {
                const double here = t.animalLikeness(discBins(d.rgb, c, discRadius(t)));
                std::vector<double> refs;
                for (const auto &bins : t.discs[std::size_t(k)])
                    if (double v = t.animalLikeness(bins); v >= 0)
                        refs.push_back(v);
                const double ref = checks::median(refs);
                if (here >= 0 && !refs.empty() && ref - here > O.offAnimal)
                    mOut.push_back(checks::make(
                        FindingKind::OffAnimal, Severity::Warning, f, inst.trackId, k, t.cat,
                        trc("the point looks like the background, not its animal (animal colours %1%, %2% where "
                            "it is labelled)")
                            .arg(int(std::lround(100 * here)))
                            .arg(int(std::lround(100 * ref))),
                        ref - here));
            }
        }
    }
}

/** Median distance between two animals' points (labels of \a a, positions of \a b) over shared keypoints. */
double matchCost(const Instance &a, const std::vector<char> &has, const std::vector<Pt> &pos, int *shared)
{
    std::vector<double> d;
    for (int k = 0; k < int(a.keypoints.size()) && k < int(has.size()); ++k)
        if (has[std::size_t(k)] && visibleUserLabel(a.keypoints[std::size_t(k)]))
            d.push_back(std::hypot(a.keypoints[std::size_t(k)].x - pos[std::size_t(k)].x,
                                   a.keypoints[std::size_t(k)].y - pos[std::size_t(k)].y));
    *shared = int(d.size());
    return checks::median(std::move(d));
}

std::map<int, int> ImageChecker::judgeIdentity(int f, const Arrival *fwd, const Arrival *bwd)
{
    std::map<int, int> exchanged;
    auto it = mClip.frames.find(f);
    if (it == mClip.frames.end() || it->second.size() < 2)
        return exchanged;
    const auto &list = it->second;
    for (std::size_t i = 0; i < list.size(); ++i)
        for (std::size_t j = i + 1; j < list.size(); ++j) {
            const Instance &A = list[i], &B = list[j];
            if (A.trackId == B.trackId || !mTracks.count(A.trackId) || !mTracks.count(B.trackId))
                continue;
            double keep = 0, swap = 0;
            int sides = 0;
            for (const Arrival *arr : {fwd, bwd}) {
                if (!arr || !arr->has.count(A.trackId) || !arr->has.count(B.trackId))
                    continue;
                int n[4];
                const double aa = matchCost(A, arr->has.at(A.trackId), arr->pos.at(A.trackId), &n[0]);
                const double bb = matchCost(B, arr->has.at(B.trackId), arr->pos.at(B.trackId), &n[1]);
                const double ab = matchCost(A, arr->has.at(B.trackId), arr->pos.at(B.trackId), &n[2]);
                const double ba = matchCost(B, arr->has.at(A.trackId), arr->pos.at(A.trackId), &n[3]);
                if (*std::min_element(n, n + 4) < kMinIdentityPoints)
                    continue;
                keep += aa + bb;
                swap += ab + ba;
                ++sides;
            }
            if (!sides)
                continue;
            const double size = 0.5 * (mTracks[A.trackId].scale + mTracks[B.trackId].scale);
            if (!(swap < O.identityRatio * keep && keep / sides > 2.0 * O.identityMinMove * size)
                || exchanged.count(A.trackId) || exchanged.count(B.trackId))
                continue;
            exchanged[A.trackId] = B.trackId;
            exchanged[B.trackId] = A.trackId;
            for (const auto &[me, other] : {std::pair(A.trackId, B.trackId), std::pair(B.trackId, A.trackId)})
                mOut.push_back(checks::make(
                    FindingKind::IdentitySwap, Severity::Error, f, me, -1, nullptr,
                    trc("animals %1 and %2 look exchanged on this frame: tracked from the labels around it, "
                        "each arrives where the other is labelled (%3 px against %4 px)")
                        .arg(me)
                        .arg(other)
                        .arg(num(swap / (2 * sides)))
                        .arg(num(keep / (2 * sides))),
                    keep / std::max(swap, 1e-6)));
        }
    return exchanged;
}

bool ImageChecker::run(std::vector<Finding> *out, std::string *error)
{
    const VideoInfo &info = mFrames.info();
    if (info.width <= 0 || info.height <= 0 || info.frameCount <= 0) {
        *error = trc("the clip has no frames").toStdString();
        return false;
    }
    // Animals, their labelled frames and the frames to read.
    std::set<int> keyframes;
    int first = -1, last = -1;
    for (const auto &[f, list] : mClip.frames) {
        if (f < 0 || f >= info.frameCount)
            continue;
        for (const Instance &inst : list) {
            bool any = false, user = false;
            for (const Keypoint &p : inst.keypoints) {
                any = any || p.isLabelled();
                user = user || visibleUserLabel(p);
            }
            if (!any)
                continue;
            first = first < 0 ? f : std::min(first, f);
            last = std::max(last, f);
            if (user)
                keyframes.insert(f);
            TrackState &t = mTracks[inst.trackId];
            t.id = inst.trackId;
            t.cat = mIndex.category(inst.categoryId);
            t.K = std::max(t.K, int(inst.keypoints.size()));
        }
    }
    if (first < 0 || keyframes.empty())
        return true; // nothing labelled: nothing to compare with
    keyframes.insert(first);
    keyframes.insert(last);
    const std::vector<int> G(keyframes.begin(), keyframes.end());
    for (auto &[id, t] : mTracks) {
        t.scale = mIndex.trackScale(id);
        t.templates.resize(std::size_t(t.K));
        t.discs.resize(std::size_t(t.K));
        t.fHas.assign(std::size_t(t.K), 0);
        t.fPos.assign(std::size_t(t.K), Pt());
        t.fFrom.assign(std::size_t(t.K), -1);
    }
    // One scale for the whole clip: the longest stretch must fit the memory budget.
    int longest = 1;
    for (std::size_t i = 0; i + 1 < G.size(); ++i)
        longest = std::max(longest, G[i + 1] - G[i] + 1);
    const double perPixel = 1.0 + 3.0 + 1.4; // gray, colour, pyramid
    const double bytes = double(longest) * double(info.width) * double(info.height) * perPixel;
    mS = std::min({1.0, double(O.maxSide) / double(std::max(info.width, info.height)),
                   std::sqrt(double(O.memoryBudget) / std::max(bytes, 1.0))});
    mW = std::max(1, int(std::lround(info.width * mS)));
    mH = std::max(1, int(std::lround(info.height * mS)));

    const int total = last - first + 1;
    int done = 0;
    auto tick = [&]() {
        ++done;
        if (mProgress)
            mProgress(done, total);
        return !(mCancel && mCancel->load());
    };
    auto cancelled = [&]() {
        *error = "cancelled";
        return false;
    };

    std::vector<FrameData> seg(1);
    if (!read(G[0], &seg[0], error))
        return false;
    addReferences(G[0], seg[0]);
    if (!tick())
        return cancelled();
    Arrival arrivedF; // forward re-runs arriving on G[gi]
    bool haveArrivedF = false;
    for (std::size_t gi = 0; gi + 1 < G.size(); ++gi) {
        const int Ga = G[gi], Gb = G[gi + 1], n = Gb - Ga;
        seg.resize(std::size_t(n + 1));
        for (int s = 1; s <= n; ++s) {
            if (!read(Ga + s, &seg[std::size_t(s)], error))
                return false;
            if (!tick())
                return cancelled();
        }
        addReferences(Gb, seg[std::size_t(n)]);
        // Backward re-run from the labels at the end of the stretch.
        std::map<int, std::vector<char>> bHas;
        std::map<int, std::vector<Pt>> bPos;
        for (auto &[id, t] : mTracks) {
            bHas[id].assign(std::size_t(t.K), 0);
            bPos[id].assign(std::size_t(t.K), Pt());
            for (int k = 0; k < t.K; ++k)
                if (const Keypoint *p = userVisible(Gb, id, k)) {
                    bHas[id][std::size_t(k)] = 1;
                    bPos[id][std::size_t(k)] = Pt(float(p->x), float(p->y));
                }
        }
        std::vector<std::map<int, std::vector<Pt>>> B(std::size_t(n + 1));
        B[std::size_t(n)] = bPos;
        for (int s = n - 1; s >= 0; --s) {
            lk(seg[std::size_t(s + 1)], seg[std::size_t(s)], bHas, bPos);
            B[std::size_t(s)] = bPos;
        }
        // Identities on Ga: the forward re-runs that arrived there and the backward ones of this stretch. Where
        // two look exchanged, the forward re-runs start from what the pictures say each animal is.
        std::map<int, int> exchanged;
        if (on(FindingKind::IdentitySwap)) {
            Arrival arrivedB{bHas, B[0]};
            exchanged = judgeIdentity(Ga, haveArrivedF ? &arrivedF : nullptr, &arrivedB);
        }
        // Forward re-run: restarts at every visible label, else carries on.
        std::map<int, std::vector<char>> fHas;
        std::map<int, std::vector<Pt>> fPos;
        for (auto &[id, t] : mTracks) {
            for (int k = 0; k < t.K; ++k)
                if (const Keypoint *p = userVisible(Ga, exchanged.count(id) ? exchanged[id] : id, k)) {
                    t.fHas[std::size_t(k)] = 1;
                    t.fPos[std::size_t(k)] = Pt(float(p->x), float(p->y));
                    t.fFrom[std::size_t(k)] = Ga;
                }
            fHas[id] = t.fHas;
            fPos[id] = t.fPos;
        }
        std::vector<std::map<int, std::vector<Pt>>> F(std::size_t(n + 1));
        F[0] = fPos;
        for (int s = 1; s <= n; ++s) {
            lk(seg[std::size_t(s - 1)], seg[std::size_t(s)], fHas, fPos);
            F[std::size_t(s)] = fPos;
        }
        for (auto &[id, t] : mTracks)
            t.fPos = fPos[id];
        if (on(FindingKind::IdentitySwap)) {
            arrivedF = Arrival{fHas, F[std::size_t(n)]};
            haveArrivedF = true;
            if (gi + 2 == G.size())
                judgeIdentity(Gb, &arrivedF, nullptr);
        }
        if (mCancel && mCancel->load())
            return cancelled();
        // Judge the tracker's points of this stretch (its first frame only once, in the first stretch).
        for (int s = gi == 0 ? 0 : 1; s <= n; ++s)
            judgePoints(Ga + s, seg[std::size_t(s)], bHas, B[std::size_t(s)], fHas, F[std::size_t(s)], Gb);
        // The last frame starts the next stretch.
        FrameData keep = std::move(seg[std::size_t(n)]);
        seg.assign(1, FrameData());
        seg[0] = std::move(keep);
    }
    out->insert(out->end(), mOut.begin(), mOut.end());
    sortFindings(out);
    return true;
}

} // namespace

std::vector<FindingKind> imageFindingKinds()
{
    return {FindingKind::UnlikeLabels, FindingKind::TrackDisagreement, FindingKind::OffAnimal,
            FindingKind::IdentitySwap};
}

bool isImageFindingKind(FindingKind kind)
{
    const auto kinds = imageFindingKinds();
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool runImageChecks(const Clip &clip, const std::vector<Category> &categories, FrameSource &frames,
                    const ImageCheckOptions &options, std::vector<Finding> *out, std::string *error,
                    const CheckProgressFn &progress, const std::atomic_bool *cancel)
{
    std::string err;
    ImageChecker checker(clip, categories, frames, options, progress, cancel);
    const bool ok = checker.run(out, &err);
    if (!ok && error)
        *error = err;
    return ok;
}

bool runAllChecks(const Clip &clip, const std::vector<Category> &categories, const std::string &clipPath,
                  const CheckOptions &options, const ImageCheckOptions &imageOptions, std::vector<Finding> *out,
                  std::string *imageError, const CheckProgressFn &progress, const std::atomic_bool *cancel)
{
    *out = runChecks(clip, categories, options);
    std::string err;
    if (imageOptions.kinds.empty()) {
        if (imageError)
            imageError->clear();
        return true;
    }
    // The clip's own frames (its image list, when it is one) unless the caller names another video or folder.
    std::unique_ptr<FrameSource> frames = clipPath.empty() ? nullptr
        : clipPath == clip.path                              ? openClipFrames(clip, &err)
                                                             : FrameSource::open(clipPath, &err);
    if (!frames) {
        if (imageError)
            *imageError = clipPath.empty() ? trc("the clip has no video or frame folder").toStdString() : err;
        return true;
    }
    std::vector<Finding> image;
    if (!runImageChecks(clip, categories, *frames, imageOptions, &image, &err, progress, cancel)) {
        if (cancel && cancel->load())
            return false;
        if (imageError)
            *imageError = err;
        return true;
    }
    if (imageError)
        imageError->clear();
    out->insert(out->end(), image.begin(), image.end());
    sortFindings(out);
    return true;
}

} // namespace paddock::core
