// SPDX-License-Identifier: Apache-2.0
#include "core/checks/agreement.h"

#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace paddock::core {

namespace {

double medianOf(std::vector<double> v)
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

const Instance *findTrack(const std::vector<Instance> &list, int trackId)
{
    for (const Instance &i : list)
        if (i.trackId == trackId)
            return &i;
    return nullptr;
}

double pointTerm(double d2, double area, double sigma)
{
    const double var = (2.0 * sigma) * (2.0 * sigma);
    return std::exp(-d2 / (2.0 * area * var));
}

std::string nameOf(const Category *cat, int k)
{
    if (cat && k < int(cat->keypoints.size()))
        return cat->keypoints[k];
    return "kp" + std::to_string(k);
}

QString tra(const char *text)
{
    return QCoreApplication::translate("Agreement", text);
}

} // namespace

std::vector<double> oksSigmas(const Category *cat, int keypointCount)
{
    if (cat && int(cat->sigmas.size()) >= keypointCount && keypointCount > 0)
        return std::vector<double>(cat->sigmas.begin(), cat->sigmas.begin() + keypointCount);
    return std::vector<double>(std::max(0, keypointCount), kDefaultOksSigma);
}

double oksArea(const Instance &a)
{
    if (a.area && *a.area > 0)
        return *a.area;
    if (a.bbox && a.bbox->w > 0 && a.bbox->h > 0)
        return a.bbox->w * a.bbox->h;
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const Keypoint &k : a.keypoints) {
        if (!k.isLabelled())
            continue;
        x0 = std::min(x0, k.x);
        x1 = std::max(x1, k.x);
        y0 = std::min(y0, k.y);
        y1 = std::max(y1, k.y);
    }
    return x1 > x0 && y1 > y0 ? (x1 - x0) * (y1 - y0) : 1.0;
}

double oks(const Instance &a, const Instance &b, const std::vector<double> &sigmas)
{
    const double area = std::max(1.0, oksArea(a));
    double sum = 0.0;
    int n = 0;
    for (std::size_t k = 0; k < a.keypoints.size(); ++k) {
        if (!a.keypoints[k].isLabelled())
            continue;
        ++n;
        if (k >= b.keypoints.size() || !b.keypoints[k].isLabelled())
            continue;
        const double dx = a.keypoints[k].x - b.keypoints[k].x, dy = a.keypoints[k].y - b.keypoints[k].y;
        sum += pointTerm(dx * dx + dy * dy, area, k < sigmas.size() ? sigmas[k] : kDefaultOksSigma);
    }
    return n ? sum / n : 0.0;
}

AgreementReport compareClips(const Clip &a, const Clip &b, const std::vector<Category> &categories,
                             const AgreementOptions &options)
{
    std::map<int, const Category *> cats;
    for (const Category &c : categories)
        cats.emplace(c.id, &c);
    auto category = [&](int id) -> const Category * {
        auto it = cats.find(id);
        return it == cats.end() ? nullptr : it->second;
    };

    AgreementReport r;
    std::vector<std::vector<double>> dists; // per keypoint
    std::vector<double> oksSum;
    std::vector<double> allDists;
    double instanceOksSum = 0.0;
    std::vector<PointDifference> diffs;
    static const std::vector<Instance> kNone;

    auto perKeypoint = [&](int k, const Category *cat, const std::vector<double> &sigmas) -> KeypointAgreement & {
        while (int(r.keypoints.size()) <= k) {
            KeypointAgreement ka;
            ka.keypoint = int(r.keypoints.size());
            ka.name = nameOf(cat, ka.keypoint);
            ka.sigma = ka.keypoint < int(sigmas.size()) ? sigmas[ka.keypoint] : kDefaultOksSigma;
            r.keypoints.push_back(ka);
            dists.emplace_back();
            oksSum.push_back(0.0);
        }
        return r.keypoints[k];
    };

    auto countOnly = [](const std::map<int, std::vector<Instance>> &x, const std::map<int, std::vector<Instance>> &y) {
        int n = 0;
        for (const auto &[frame, list] : x) {
            auto it = y.find(frame);
            for (const Instance &i : list)
                if (it == y.end() || !findTrack(it->second, i.trackId))
                    ++n;
        }
        return n;
    };
    r.onlyInA = countOnly(a.frames, b.frames);
    r.onlyInB = countOnly(b.frames, a.frames);

    for (const auto &[frame, listA] : a.frames) {
        auto itB = b.frames.find(frame);
        const std::vector<Instance> &listB = itB == b.frames.end() ? kNone : itB->second;
        for (const Instance &ia : listA) {
            const Instance *ib = findTrack(listB, ia.trackId);
            if (!ib)
                continue;
            ++r.matchedInstances;
            const Category *cat = category(ia.categoryId);
            const int n = int(std::max(ia.keypoints.size(), ib->keypoints.size()));
            const std::vector<double> sigmas = oksSigmas(cat, n);
            instanceOksSum += oks(ia, *ib, sigmas);
            const double area = std::max(1.0, oksArea(ia));
            for (int k = 0; k < n; ++k) {
                const bool la = k < int(ia.keypoints.size()) && ia.keypoints[k].isLabelled();
                const bool lb = k < int(ib->keypoints.size()) && ib->keypoints[k].isLabelled();
                if (!la && !lb)
                    continue;
                KeypointAgreement &ka = perKeypoint(k, cat, sigmas);
                if (!lb) {
                    ++ka.onlyInA;
                    continue;
                }
                if (!la) {
                    ++ka.onlyInB;
                    continue;
                }
                const Keypoint &pa = ia.keypoints[k], &pb = ib->keypoints[k];
                const double d = std::hypot(pa.x - pb.x, pa.y - pb.y);
                const double term = pointTerm(d * d, area, sigmas[k]);
                ++ka.compared;
                ka.maxDistance = std::max(ka.maxDistance, d);
                dists[k].push_back(d);
                oksSum[k] += term;
                allDists.push_back(d);
                if (d > 0)
                    diffs.push_back({frame, ia.trackId, k, ka.name, pa.x, pa.y, pb.x, pb.y, d, term});
            }
        }
    }
    for (std::size_t k = 0; k < r.keypoints.size(); ++k) {
        KeypointAgreement &ka = r.keypoints[k];
        if (ka.compared) {
            double sum = 0.0;
            for (double d : dists[k])
                sum += d;
            ka.meanDistance = sum / ka.compared;
            ka.medianDistance = medianOf(dists[k]);
            ka.meanOks = oksSum[k] / ka.compared;
        }
    }
    r.comparedPoints = int(allDists.size());
    if (!allDists.empty()) {
        double sum = 0.0;
        for (double d : allDists)
            sum += d;
        r.meanDistance = sum / allDists.size();
        r.medianDistance = medianOf(allDists);
    }
    r.meanOks = r.matchedInstances ? instanceOksSum / r.matchedInstances : 0.0;
    const std::size_t keep = std::min(diffs.size(), std::size_t(std::max(0, options.worstCount)));
    std::partial_sort(diffs.begin(), diffs.begin() + keep, diffs.end(), [](const auto &x, const auto &y) {
        if (x.distance != y.distance)
            return x.distance > y.distance;
        return std::tie(x.frame, x.trackId, x.keypoint) < std::tie(y.frame, y.trackId, y.keypoint);
    });
    diffs.resize(keep);
    r.worst = std::move(diffs);
    return r;
}

nlohmann::json agreementToJson(const AgreementReport &r)
{
    nlohmann::json j = {{"matched_instances", r.matchedInstances}, {"only_in_a", r.onlyInA},
                        {"only_in_b", r.onlyInB},                  {"compared_points", r.comparedPoints},
                        {"mean_oks", r.meanOks},                   {"mean_px", r.meanDistance},
                        {"median_px", r.medianDistance}};
    nlohmann::json kps = nlohmann::json::array();
    for (const KeypointAgreement &k : r.keypoints)
        kps.push_back({{"keypoint", k.keypoint}, {"name", k.name}, {"sigma", k.sigma}, {"compared", k.compared},
                       {"only_in_a", k.onlyInA}, {"only_in_b", k.onlyInB}, {"mean_oks", k.meanOks},
                       {"mean_px", k.meanDistance}, {"median_px", k.medianDistance}, {"max_px", k.maxDistance}});
    j["keypoints"] = std::move(kps);
    nlohmann::json worst = nlohmann::json::array();
    for (const PointDifference &d : r.worst)
        worst.push_back({{"frame", d.frame}, {"track_id", d.trackId}, {"keypoint", d.keypoint}, {"name", d.name},
                         {"a", {d.ax, d.ay}}, {"b", {d.bx, d.by}}, {"px", d.distance}, {"oks", d.oks}});
    j["worst"] = std::move(worst);
    return j;
}

std::vector<std::string> agreementToText(const AgreementReport &r)
{
    std::vector<std::string> out;
    out.push_back(tra("animals compared: %1 (only in A: %2, only in B: %3), points compared: %4")
                      .arg(r.matchedInstances)
                      .arg(r.onlyInA)
                      .arg(r.onlyInB)
                      .arg(r.comparedPoints)
                      .toStdString());
    out.push_back(tra("mean OKS %1, mean distance %2 px, median %3 px")
                      .arg(r.meanOks, 0, 'f', 4)
                      .arg(r.meanDistance, 0, 'f', 2)
                      .arg(r.medianDistance, 0, 'f', 2)
                      .toStdString());
    out.push_back(tra("keypoint              sigma   compared  only A  only B  mean OKS  mean px  median px  max px")
                      .toStdString());
    for (const KeypointAgreement &k : r.keypoints)
        out.push_back(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                          .arg(QString::fromStdString(k.name), -20)
                          .arg(k.sigma, 7, 'f', 3)
                          .arg(k.compared, 9)
                          .arg(k.onlyInA, 7)
                          .arg(k.onlyInB, 7)
                          .arg(k.meanOks, 9, 'f', 4)
                          .arg(k.meanDistance, 8, 'f', 2)
                          .arg(k.medianDistance, 10, 'f', 2)
                          .arg(k.maxDistance, 7, 'f', 2)
                          .toStdString());
    if (!r.worst.empty())
        out.push_back(tra("points that differ most:").toStdString());
    for (const PointDifference &d : r.worst)
        out.push_back(tra("frame %1  track %2  %3  A (%4, %5)  B (%6, %7)  %8 px  OKS %9")
                          .arg(d.frame)
                          .arg(d.trackId)
                          .arg(QString::fromStdString(d.name))
                          .arg(d.ax, 0, 'f', 1)
                          .arg(d.ay, 0, 'f', 1)
                          .arg(d.bx, 0, 'f', 1)
                          .arg(d.by, 0, 'f', 1)
                          .arg(d.distance, 0, 'f', 1)
                          .arg(d.oks, 0, 'f', 3)
                          .toStdString());
    return out;
}

} // namespace paddock::core
