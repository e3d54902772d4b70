// SPDX-License-Identifier: Apache-2.0
// The checks that look along a track: left/right swaps, jumps and bone lengths; plus the shared clip index.
#include "core/checks/checkutil.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace paddock::core::checks {

namespace {

QString trc(const char *text)
{
    return QCoreApplication::translate("Checks", text);
}

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

constexpr int kMaxReportedSwapRun = 25; // a longer swapped stretch is reported at its boundary only
constexpr int kCollapseSwapPairs = 3;   // this many swapped pairs on one frame become one "sides exchanged" finding
constexpr int kJumpWindow = 12;         // transitions on each side that show how busy a point is
constexpr int kBoneWindow = 4;          // observations on each side for a bone's local length
constexpr int kRareMinSamples = 50;     // frames before a point's rare large moves are trusted
constexpr int kSpreadMinSamples = 20;   // frames before a bone's 90th-percentile spread is trusted
constexpr double kRareFactor = 3.0;     // a jump must exceed this many times the point's 99th-percentile move
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool labelled(const Instance &i, int k)
{
    return k >= 0 && k < int(i.keypoints.size()) && i.keypoints[k].isLabelled();
}

struct Vec
{
    double x = 0, y = 0;
};
Vec sub(const Keypoint &a, const Keypoint &b) { return {a.x - b.x, a.y - b.y}; }
double norm(Vec v) { return std::hypot(v.x, v.y); }

/** Keypoints labelled on both instances. */
std::vector<int> commonLabelled(const Instance &a, const Instance &b)
{
    std::vector<int> out;
    const int n = int(std::min(a.keypoints.size(), b.keypoints.size()));
    for (int k = 0; k < n; ++k)
        if (a.keypoints[k].isLabelled() && b.keypoints[k].isLabelled())
            out.push_back(k);
    return out;
}

bool neighbours(const std::vector<Observation> &obs, std::size_t i, const CheckOptions &opt)
{
    return i > 0 && obs[i].frame - obs[i - 1].frame <= opt.maxGap
        && obs[i].inst->categoryId == obs[i - 1].inst->categoryId;
}

} // namespace

Finding make(FindingKind kind, Severity sev, int frame, int trackId, int keypoint, const Category *cat,
             const QString &reason, double value)
{
    Finding f;
    f.kind = kind;
    f.severity = sev;
    f.frame = frame;
    f.trackId = trackId;
    f.keypoint = keypoint;
    f.keypointName = keypointName(cat, keypoint);
    f.reason = reason.toStdString();
    f.value = value;
    return f;
}

std::string keypointName(const Category *cat, int k)
{
    if (k < 0)
        return {};
    if (cat && k < int(cat->keypoints.size()))
        return cat->keypoints[k];
    return "kp" + std::to_string(k);
}

double instanceScale(const Instance &inst)
{
    if (inst.bbox && inst.bbox->w > 0 && inst.bbox->h > 0)
        return std::sqrt(inst.bbox->w * inst.bbox->h);
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    int n = 0;
    for (const Keypoint &k : inst.keypoints) {
        if (!k.isLabelled())
            continue;
        x0 = std::min(x0, k.x);
        x1 = std::max(x1, k.x);
        y0 = std::min(y0, k.y);
        y1 = std::max(y1, k.y);
        ++n;
    }
    if (n < 2)
        return 0.0;
    const double w = x1 - x0, h = y1 - y0;
    return std::max(std::sqrt(w * h), 0.5 * std::max(w, h));
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + mid, v.end());
    double m = v[mid];
    if (v.size() % 2 == 0)
        m = 0.5 * (m + *std::max_element(v.begin(), v.begin() + mid));
    return m;
}

ClipIndex::ClipIndex(const Clip &c, const std::vector<Category> &categories) : clip(&c)
{
    for (const Category &cat : categories)
        mCategories.emplace(cat.id, &cat);
    for (const auto &[frame, list] : c.frames) {
        std::set<int> seen;
        for (const Instance &inst : list)
            if (seen.insert(inst.trackId).second)
                tracks[inst.trackId].push_back({frame, &inst});
    }
    for (const auto &[track, obs] : tracks) {
        std::vector<double> s;
        s.reserve(obs.size());
        for (const Observation &o : obs)
            if (double v = instanceScale(*o.inst); v > 0)
                s.push_back(v);
        mScales[track] = std::max(1.0, median(std::move(s)));
    }
}

const Category *ClipIndex::category(int id) const
{
    auto it = mCategories.find(id);
    return it == mCategories.end() ? nullptr : it->second;
}

double ClipIndex::trackScale(int trackId) const
{
    auto it = mScales.find(trackId);
    return it == mScales.end() ? 1.0 : it->second;
}

void checkSwaps(const ClipIndex &index, const CheckOptions &opt, std::vector<Finding> *out)
{
    std::vector<Finding> found;
    for (const auto &[track, obs] : index.tracks) {
        const double scale = index.trackScale(track);
        // flips[p][i]: pair p looks exchanged between observation i-1 and i.
        std::map<std::pair<int, int>, std::vector<char>> flips;
        for (std::size_t i = 1; i < obs.size(); ++i) {
            if (!neighbours(obs, i, opt))
                continue;
            const Category *cat = index.category(obs[i].inst->categoryId);
            if (!cat || cat->flipPairs.empty())
                continue;
            const Instance &a = *obs[i - 1].inst, &b = *obs[i].inst;
            const std::vector<int> common = commonLabelled(a, b);
            if (common.size() < 3)
                continue;
            // Remove the animal's translation; an exchange of a pair leaves the centroid where it was.
            Vec ca, cb;
            for (int k : common) {
                ca.x += a.keypoints[k].x / common.size();
                ca.y += a.keypoints[k].y / common.size();
                cb.x += b.keypoints[k].x / common.size();
                cb.y += b.keypoints[k].y / common.size();
            }
            auto rel = [&](const Instance &inst, int k, Vec c) {
                return Vec{inst.keypoints[k].x - c.x, inst.keypoints[k].y - c.y};
            };
            auto dist = [](Vec p, Vec q) { return std::hypot(p.x - q.x, p.y - q.y); };
            // How much the body axis (unpaired points) turns: a real turn moves those too.
            std::vector<double> axisMoves;
            for (int k : common)
                if (cat->mirrorOf(k) == k)
                    axisMoves.push_back(dist(rel(a, k, ca), rel(b, k, cb)));
            const double bodyMove = median(axisMoves);
            for (const auto &pair : cat->flipPairs) {
                const int l = pair.first, r = pair.second;
                if (!labelled(a, l) || !labelled(a, r) || !labelled(b, l) || !labelled(b, r))
                    continue;
                const Vec al = rel(a, l, ca), ar = rel(a, r, ca), bl = rel(b, l, cb), br = rel(b, r, cb);
                const double keep = dist(al, bl) + dist(ar, br);
                const double swap = dist(al, br) + dist(ar, bl);
                auto &v = flips[pair];
                v.resize(obs.size(), 0);
                v[i] = swap < opt.swapRatio * keep && keep > 2.0 * opt.swapMinMove * scale
                    && 0.5 * keep > 3.0 * bodyMove;
            }
        }
        for (const auto &[pair, flipAt] : flips) {
            if (std::find(flipAt.begin(), flipAt.end(), 1) == flipAt.end())
                continue;
            const Category *cat = index.category(obs[std::find(flipAt.begin(), flipAt.end(), 1) - flipAt.begin()]
                                                     .inst->categoryId);
            // Split into segments of neighbouring observations, then into runs between flips.
            std::size_t segStart = 0;
            while (segStart < obs.size()) {
                std::size_t segEnd = segStart + 1;
                while (segEnd < obs.size() && neighbours(obs, segEnd, opt))
                    ++segEnd;
                std::vector<std::pair<std::size_t, std::size_t>> runs; // [begin, end)
                std::size_t runStart = segStart;
                for (std::size_t i = segStart + 1; i < segEnd; ++i) {
                    if (flipAt[i]) {
                        runs.push_back({runStart, i});
                        runStart = i;
                    }
                }
                runs.push_back({runStart, segEnd});
                if (runs.size() > 1) {
                    std::size_t even = 0, odd = 0;
                    for (std::size_t r = 0; r < runs.size(); ++r)
                        (r % 2 ? odd : even) += runs[r].second - runs[r].first;
                    const std::size_t minority = odd <= even ? 1 : 0;
                    for (std::size_t r = minority; r < runs.size(); r += 2) {
                        auto [b, e] = runs[r];
                        const QString before = b > segStart ? QString::number(obs[b - 1].frame) : QString();
                        const QString after = e < segEnd ? QString::number(obs[e].frame) : QString();
                        const QString around = before.isEmpty() ? after
                            : after.isEmpty()                   ? before
                                                                : trc("%1 and %2").arg(before, after);
                        if (e - b > std::size_t(kMaxReportedSwapRun))
                            e = b + 1; // a long stretch: report where it starts
                        if (b == segStart && e - b > std::size_t(kMaxReportedSwapRun))
                            b = e - 1;
                        for (std::size_t i = b; i < e; ++i)
                            found.push_back(make(FindingKind::LeftRightSwap, Severity::Warning, obs[i].frame, track,
                                                 pair.first, cat,
                                                 trc("%1 and %2 look exchanged compared with frame %3")
                                                     .arg(QString::fromStdString(keypointName(cat, pair.first)),
                                                          QString::fromStdString(keypointName(cat, pair.second)),
                                                          around),
                                                 1.0));
                    }
                }
                segStart = segEnd;
            }
        }
    }
    // Many pairs on one frame: the labeller exchanged the whole left and right sides.
    std::map<std::pair<int, int>, int> perFrame;
    for (const Finding &f : found)
        ++perFrame[{f.frame, f.trackId}];
    std::set<std::pair<int, int>> collapsed;
    for (const Finding &f : found) {
        const int n = perFrame[{f.frame, f.trackId}];
        if (n < kCollapseSwapPairs) {
            out->push_back(f);
        } else if (collapsed.insert({f.frame, f.trackId}).second) {
            Finding g = f;
            g.keypoint = -1;
            g.keypointName.clear();
            g.value = n;
            g.reason = trc("left and right sides look exchanged (%1 pairs)").arg(n).toStdString();
            out->push_back(g);
        }
    }
}

void checkJumps(const ClipIndex &index, const CheckOptions &opt, std::vector<Finding> *out)
{
    for (const auto &[track, obs] : index.tracks) {
        const double scale = index.trackScale(track);
        std::size_t kmax = 0;
        for (const Observation &o : obs)
            kmax = std::max(kmax, o.inst->keypoints.size());
        // rel[i][k]: motion of keypoint k between observation i-1 and i, minus the animal's motion.
        std::vector<std::vector<Vec>> rel(obs.size(), std::vector<Vec>(kmax, Vec{kNaN, kNaN}));
        std::vector<double> typical(obs.size(), kNaN);
        std::vector<double> animalMove(obs.size(), 0.0);
        for (std::size_t i = 1; i < obs.size(); ++i) {
            if (!neighbours(obs, i, opt))
                continue;
            const Instance &a = *obs[i - 1].inst, &b = *obs[i].inst;
            const std::vector<int> common = commonLabelled(a, b);
            if (common.size() < 4)
                continue;
            std::vector<double> dx, dy;
            for (int k : common) {
                dx.push_back(b.keypoints[k].x - a.keypoints[k].x);
                dy.push_back(b.keypoints[k].y - a.keypoints[k].y);
            }
            const Vec m{median(dx), median(dy)};
            animalMove[i] = norm(m);
            std::vector<double> r;
            for (std::size_t j = 0; j < common.size(); ++j) {
                rel[i][common[j]] = Vec{dx[j] - m.x, dy[j] - m.y};
                r.push_back(norm(rel[i][common[j]]));
            }
            typical[i] = median(r);
        }
        // Each keypoint's own usual motion (legs move more than the body), and on long tracks its rare large
        // moves: a fly's leg steps across half its body in one frame now and then.
        std::vector<double> own(kmax, 0.0), rare(kmax, 0.0);
        for (std::size_t k = 0; k < kmax; ++k) {
            std::vector<double> v;
            for (std::size_t i = 1; i < obs.size(); ++i)
                if (!std::isnan(rel[i][k].x))
                    v.push_back(norm(rel[i][k]));
            if (v.size() >= std::size_t(kRareMinSamples)) {
                std::sort(v.begin(), v.end());
                rare[k] = v[std::size_t(0.99 * (v.size() - 1))];
            }
            own[k] = median(std::move(v));
        }
        for (std::size_t k = 0; k < kmax; ++k) {
            std::vector<char> flagged(obs.size(), 0);
            for (std::size_t i = 1; i < obs.size(); ++i) {
                if (std::isnan(rel[i][k].x))
                    continue;
                const double d = norm(rel[i][k]);
                // Away and back is the typical wrong click; a move that stays must be larger to count.
                const bool back = i + 1 < obs.size() && !std::isnan(rel[i + 1][k].x)
                    && std::hypot(rel[i][k].x + rel[i + 1][k].x, rel[i][k].y + rel[i + 1][k].y) < 0.5 * d;
                double limit = std::max({opt.jumpFactor * std::max(typical[i], own[k]),
                                         (back ? opt.jumpMinSize : opt.jumpStepSize) * scale,
                                         kRareFactor * rare[k], 2.0});
                if (d <= limit)
                    continue;
                // Quick limbs (grooming, wing flicks) move a lot around this frame too; a wrong label stands alone.
                std::vector<double> local;
                const std::size_t lo = i > std::size_t(kJumpWindow) ? i - kJumpWindow : 1;
                for (std::size_t j = lo; j < std::min(obs.size(), i + kJumpWindow + 1); ++j)
                    if (j != i && j != i + 1 && !std::isnan(rel[j][k].x))
                        local.push_back(norm(rel[j][k]));
                if (local.size() >= 4) {
                    std::sort(local.begin(), local.end());
                    const double busy = local[local.size() * 3 / 4];
                    limit = std::max(limit, opt.jumpLocalFactor * busy);
                }
                flagged[i] = d > limit;
            }
            for (std::size_t i = 1; i < obs.size(); ++i) {
                if (!flagged[i])
                    continue;
                const Category *cat = index.category(obs[i].inst->categoryId);
                const double d = norm(rel[i][k]);
                const bool spike = i + 1 < obs.size() && flagged[i + 1]
                    && rel[i][k].x * rel[i + 1][k].x + rel[i][k].y * rel[i + 1][k].y < 0;
                QString reason;
                if (spike) {
                    reason = trc("point jumps %1 px away and back (frames %2 and %3) while the animal moves %4 px")
                                 .arg(num(d))
                                 .arg(obs[i - 1].frame)
                                 .arg(obs[i + 1].frame)
                                 .arg(num(animalMove[i]));
                } else {
                    reason = trc("point moves %1 px more than the animal since frame %2 (the animal moves %3 px, "
                                 "its points typically %4 px)")
                                 .arg(num(d))
                                 .arg(obs[i - 1].frame)
                                 .arg(num(animalMove[i]), num(typical[i]));
                }
                out->push_back(make(FindingKind::Jump, Severity::Warning, obs[i].frame, track, int(k), cat, reason,
                                    d / scale));
                if (spike)
                    ++i; // the way back belongs to the same error
            }
        }
    }
}

void checkBones(const ClipIndex &index, const CheckOptions &opt, std::vector<Finding> *out)
{
    for (const auto &[track, obs] : index.tracks) {
        std::map<int, std::vector<std::size_t>> byCategory;
        for (std::size_t i = 0; i < obs.size(); ++i)
            byCategory[obs[i].inst->categoryId].push_back(i);
        for (const auto &[catId, members] : byCategory) {
            const Category *cat = index.category(catId);
            if (!cat || cat->skeleton.empty())
                continue;
            // outliers[member] -> bones out of range on that frame
            std::map<std::size_t, std::vector<std::pair<int, std::pair<double, double>>>> outliers;
            for (int b = 0; b < int(cat->skeleton.size()); ++b) {
                const auto [p, q] = cat->skeleton[b];
                std::vector<std::pair<std::size_t, double>> lengths;
                for (std::size_t i : members) {
                    const Instance &inst = *obs[i].inst;
                    if (labelled(inst, p) && labelled(inst, q))
                        lengths.push_back({i, norm(sub(inst.keypoints[p], inst.keypoints[q]))});
                }
                if (int(lengths.size()) < opt.boneMinSamples)
                    continue;
                std::vector<double> v;
                for (const auto &l : lengths)
                    v.push_back(l.second);
                const double m = median(v);
                for (double &x : v)
                    x = std::abs(x - m);
                const double sigma = 1.4826 * median(v);
                double limit = std::max(opt.boneMadFactor * sigma, opt.boneMinRelative * m);
                // Chains like thorax-to-leg-tip stretch a lot now and then (a grooming fly holds a leg out on a
                // third of its frames); judge them by their own spread, which one wrong label cannot move.
                std::sort(v.begin(), v.end());
                if (v.size() >= std::size_t(kSpreadMinSamples))
                    limit = std::max(limit, 2.0 * v[std::size_t(0.9 * (v.size() - 1))]);
                if (v.size() >= std::size_t(kRareMinSamples))
                    limit = std::max(limit, 1.5 * v[std::size_t(0.99 * (v.size() - 1))]);
                for (std::size_t n = 0; n < lengths.size(); ++n) {
                    const auto [i, len] = lengths[n];
                    if (!(std::abs(len - m) > limit && m > 0))
                        continue;
                    // A limb held stretched for a while is a pose, not a wrong label: compare with the neighbours.
                    std::vector<double> local;
                    for (std::size_t o = n > std::size_t(kBoneWindow) ? n - kBoneWindow : 0;
                         o < std::min(lengths.size(), n + kBoneWindow + 1); ++o)
                        if (o != n && std::abs(obs[lengths[o].first].frame - obs[i].frame) <= kBoneWindow * opt.maxGap)
                            local.push_back(lengths[o].second);
                    if (local.size() >= 2 && std::abs(len - median(local)) <= limit)
                        continue;
                    outliers[i].push_back({b, {len, m}});
                }
            }
            std::map<int, int> degree;
            for (const auto &[p, q] : cat->skeleton) {
                ++degree[p];
                ++degree[q];
            }
            for (const auto &[i, bones] : outliers) {
                std::map<int, int> votes;
                for (const auto &bone : bones) {
                    ++votes[cat->skeleton[bone.first].first];
                    ++votes[cat->skeleton[bone.first].second];
                }
                // Blame the keypoint shared by most odd bones; for a single bone, its end with fewer bones.
                std::map<int, QStringList> blamed;
                std::map<int, double> worst;
                for (const auto &[b, lm] : bones) {
                    const auto [p, q] = cat->skeleton[b];
                    int k = votes[p] != votes[q] ? (votes[p] > votes[q] ? p : q) : (degree[p] < degree[q] ? p : q);
                    blamed[k] << trc("bone %1-%2 is %3 px, usually %4 px")
                                     .arg(QString::fromStdString(keypointName(cat, p)),
                                          QString::fromStdString(keypointName(cat, q)), num(lm.first),
                                          num(lm.second));
                    worst[k] = std::max(worst[k], std::abs(lm.first - lm.second) / lm.second);
                }
                for (const auto &[k, reasons] : blamed)
                    out->push_back(make(FindingKind::BoneLength, Severity::Warning, obs[i].frame, track, k, cat,
                                        reasons.join(QStringLiteral("; ")), worst[k]));
            }
        }
    }
}

} // namespace paddock::core::checks
