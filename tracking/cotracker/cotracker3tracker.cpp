// SPDX-License-Identifier: Apache-2.0
// CoTracker3 behind the PointTracker interface: windows of frames resized to the model resolution, one query
// per labelled keypoint (its first label in the window, else the position carried over from the neighbouring
// window), test-time optimisation on the window's labels, the forward, and the labels copied back exactly.
#include "tracking/cotracker/cotracker3tracker.h"

#include "core/video/framesource.h"
#include "tracking/cotracker/checkpoint.h"
#include "tracking/cotracker/model.h"
#include "tracking/propagation.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

namespace paddock::tracking {

using namespace cotracker;

namespace {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

/** One tracked keypoint: a (track, keypoint index) pair. */
struct Ref
{
    int trackId = 0;
    int categoryId = 1;
    int k = 0;
    int K = 0;
    int firstLabel = 0; ///< the keypoint's first user-labelled frame in the range
};

/** One predicted position in image pixels. */
struct Pred
{
    bool has = false;
    float x = 0, y = 0, vis = 0, conf = 0;
};

const core::Keypoint *userKeypoint(const core::Clip &clip, int frame, int trackId, int k)
{
    const core::Instance *inst = clip.instance(frame, trackId);
    if (!inst || k >= static_cast<int>(inst->keypoints.size()))
        return nullptr;
    const core::Keypoint &kp = inst->keypoints[static_cast<std::size_t>(k)];
    return kp.isLabelled() && core::isUserLabel(kp.source) ? &kp : nullptr;
}

} // namespace

CoTracker3Tracker::CoTracker3Tracker(CoTracker3Params params) : mParams(std::move(params)) {}
CoTracker3Tracker::~CoTracker3Tracker() = default;

bool CoTracker3Tracker::loadModel(std::string *error, const ProgressFn &progress, const std::atomic_bool *cancel)
{
    if (mModel)
        return true;
    if (mParams.weights.empty()) {
        if (error)
            *error = "no CoTracker3 model file: download scaled_offline.pth (CC BY-NC 4.0) from the CoTracker3 "
                     "release yourself and pass it with --weights FILE; Paddock does not ship or download it";
        return false;
    }
    auto cancelled = [&] {
        if (error)
            *error = "cancelled";
        return false;
    };
    // Progress in per mille of the file read (the model's upload to the device is the last step).
    auto report = [&](int done, const std::string &stage) {
        if (!progress)
            return;
        Progress p;
        p.done = done;
        p.total = 1000;
        p.stage = stage;
        progress(p);
    };
    report(0, "loading the CoTracker3 model");
    TensorMap sd;
    const std::string stage = "loading the CoTracker3 model";
    if (!readCoTracker3Checkpoint(mParams.weights, &sd, error, cancel, [&](int64_t done, int64_t total) {
            report(total > 0 ? int(900 * done / total) : 0, stage);
        }))
        return cancel && cancel->load() ? cancelled() : false;
    if (cancel && cancel->load())
        return cancelled();
    const int threads = mParams.threads > 0 ? mParams.threads : static_cast<int>(std::thread::hardware_concurrency());
    CoTracker3Model::setThreads(std::max(1, threads));
    auto model = std::make_unique<CoTracker3Model>();
    model->setCancel(cancel);
    std::string err;
    const bool ok = model->load(sd, mParams.device, &err);
    model->setCancel(nullptr);
    if (cancel && cancel->load())
        return cancelled();
    if (!ok) {
        if (error)
            *error = mParams.weights + ": " + err;
        return false;
    }
    mModel = std::move(model);
    report(1000, stage);
    return true;
}

bool CoTracker3Tracker::prepare(const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error)
{
    return loadModel(error, progress, &cancel);
}

bool CoTracker3Tracker::track(core::FrameSource &frames, const TrackingInput &input, TrackingOutput *output,
                              const ProgressFn &progress, const std::atomic_bool &cancel, std::string *error)
{
    auto fail = [&](const std::string &m) {
        if (error)
            *error = m;
        if (output)
            output->clear();
        return false;
    };
    if (!output)
        return fail("no output");
    output->clear();
    mStats = CoTracker3Stats();
    const double tStart = now();
    if (!loadModel(error, {}, &cancel))
        return false;
    // The model checks the flag in its long loops (encoder frames and layers, iterations, TTO steps).
    struct CancelScope
    {
        CoTracker3Model *model;
        ~CancelScope() { model->setCancel(nullptr); }
    } cancelScope{mModel.get()};
    mModel->setCancel(&cancel);
    mStats.device = mModel->deviceName();
    const bool cuda = mStats.device == "cuda";

    // The plan: checked once by the job (runPropagation); a direct call plans a copy itself.
    TrackingInput planned;
    const TrackingInput *plan = &input;
    if (!input.planned) {
        planned = input;
        std::string err;
        if (!planTracking(&planned, frames.info().frameCount, &err))
            return fail(err);
        plan = &planned;
    }
    const core::Clip &clip = plan->clip;
    const int f0 = plan->firstFrame;
    const int f1 = plan->lastFrame;
    const int imgW = frames.info().width > 0 ? frames.info().width : clip.width;
    const int imgH = frames.info().height > 0 ? frames.info().height : clip.height;
    if (imgW <= 0 || imgH <= 0)
        return fail("the clip's frame size is unknown");

    // The keypoints to track: every keypoint of a planned track with at least one user label in the range.
    std::vector<int> ids;
    std::vector<Ref> refs;
    for (const PlannedTrack &t : plan->tracks) {
        ids.push_back(t.trackId);
        for (int k = 0; k < t.keypointCount; ++k) {
            for (int f : t.labelledFrames)
                if (userKeypoint(clip, f, t.trackId, k)) {
                    refs.push_back(Ref{t.trackId, t.categoryId, k, t.keypointCount, f});
                    break;
                }
        }
    }
    if (refs.empty())
        return fail("nothing to track: no user-labelled keypoint in frames " + std::to_string(f0) + ".."
                    + std::to_string(f1));
    mStats.queries = static_cast<int>(refs.size());

    // Windows overlapping by one frame, which carries positions from one window to the next.
    const int L = std::max(2, mParams.windowFrames > 0 ? mParams.windowFrames : (cuda ? 60 : 24));
    std::vector<std::pair<int, int>> windows;
    for (int s = f0;;) {
        const int e = std::min(s + L - 1, f1);
        windows.emplace_back(s, e);
        if (e == f1)
            break;
        s = e;
    }
    mStats.windows = static_cast<int>(windows.size());
    TtoOptions tto;
    tto.steps = mParams.steps >= 0 ? mParams.steps : (cuda ? 500 : 12);
    tto.learningRate = mParams.learningRate > 0 ? mParams.learningRate : (cuda ? 1e-4 : 1e-3);
    tto.patience = mParams.patience;
    const int span = f1 - f0 + 1;
    std::vector<std::vector<Pred>> pred(refs.size(), std::vector<Pred>(span));

    const double sx = double(mParams.modelWidth) / imgW, sy = double(mParams.modelHeight) / imgH;
    // Windows that end before some keypoint's first label run a second time, backwards.
    int backwardRuns = 0;
    for (const auto &w : windows) {
        const bool needed = std::any_of(refs.begin(), refs.end(), [&](const Ref &r) { return r.firstLabel > w.second; });
        backwardRuns += needed ? 1 : 0;
    }
    const int unitsPerWindow = 2 + tto.steps;
    const int totalUnits = unitsPerWindow * static_cast<int>(windows.size() + backwardRuns);
    int unitsDone = 0;
    const double tWork = now();
    auto report = [&](const std::string &stage) {
        if (!progress)
            return;
        Progress p;
        p.done = unitsDone;
        p.total = totalUnits;
        p.stage = stage;
        if (unitsDone > 0)
            p.secondsLeft = (now() - tWork) / unitsDone * (totalUnits - unitsDone);
        progress(p);
    };

    std::vector<float> video;
    // Runs one window; \a carryFrame is where positions come from for refs without labels in the window.
    auto runWindow = [&](int s, int e, int carryFrame, const std::vector<int> &which, std::string *err) -> bool {
        std::vector<Query> queries;
        std::vector<Label> labels;
        std::vector<int> qref;
        bool anyExtraLabel = false;
        for (int r : which) {
            const Ref &ref = refs[r];
            int first = -1;
            int count = 0;
            for (int f = s; f <= e; ++f)
                if (const core::Keypoint *kp = userKeypoint(clip, f, ref.trackId, ref.k)) {
                    const float mx = float((kp->x + 0.5) * sx - 0.5), my = float((kp->y + 0.5) * sy - 0.5);
                    if (first < 0) {
                        first = f;
                        queries.push_back(Query{f - s, mx, my});
                    }
                    labels.push_back(Label{static_cast<int>(queries.size()) - 1, f - s, mx, my});
                    ++count;
                }
            if (first < 0) {
                const Pred &c = pred[r][carryFrame - f0];
                if (!c.has)
                    continue;
                queries.push_back(Query{carryFrame - s, float((c.x + 0.5) * sx - 0.5), float((c.y + 0.5) * sy - 0.5)});
            }
            anyExtraLabel = anyExtraLabel || count >= 2;
            qref.push_back(r);
        }
        if (queries.empty())
            return true;
        const int T = e - s + 1;
        const int H = mParams.modelHeight, W = mParams.modelWidth;
        const size_t frameSize = size_t(3) * H * W;
        video.assign(frameSize * T, 0.f);
        report("reading frames " + std::to_string(s) + "-" + std::to_string(e));
        for (int f = s; f <= e; ++f) {
            if (cancel)
                return false;
            core::VideoFrame vf;
            std::string rerr;
            if (!frames.read(f, &vf, &rerr) || vf.isNull()) {
                *err = "cannot read frame " + std::to_string(f) + ": " + rerr;
                return false;
            }
            const cv::Mat src(vf.height, vf.width, CV_8UC3, const_cast<char *>(vf.rgb.constData()), size_t(vf.width) * 3);
            cv::Mat resized;
            cv::resize(src, resized, cv::Size(W, H), 0, 0, cv::INTER_LINEAR);
            float *dst = video.data() + frameSize * (f - s);
            for (int y = 0; y < H; ++y) {
                const unsigned char *row = resized.ptr<unsigned char>(y);
                for (int x = 0; x < W; ++x)
                    for (int c = 0; c < 3; ++c)
                        dst[size_t(c) * H * W + size_t(y) * W + x] = row[x * 3 + c];
            }
        }
        report("encoding frames " + std::to_string(s) + "-" + std::to_string(e));
        if (!mModel->setVideo(video.data(), T, H, W, nullptr, err))
            return false;
        mStats.encoderSeconds += mModel->timings().encoder;
        ++unitsDone;
        if (tto.steps > 0 && anyExtraLabel) {
            report("optimising on the labels of frames " + std::to_string(s) + "-" + std::to_string(e));
            TtoReport tr;
            auto onStep = [&](int done, int total, double loss) {
                ++unitsDone;
                report("optimising step " + std::to_string(done) + "/" + std::to_string(total) + ", loss "
                       + std::to_string(loss));
                return !cancel;
            };
            if (!mModel->optimise(queries, labels, tto, onStep, &tr, nullptr, err))
                return false;
            unitsDone += tto.steps - tr.steps;
            if (tr.cancelled)
                return false;
            mStats.ttoSteps += tr.steps;
            mStats.secondsPerStep = tr.secondsPerStep;
            if (mStats.firstLoss < 0 && !tr.loss.empty()) {
                mStats.firstLoss = tr.loss.front();
                mStats.lastLoss = tr.loss.back();
            }
        } else {
            unitsDone += tto.steps;
        }
        report("tracking frames " + std::to_string(s) + "-" + std::to_string(e));
        Tracks out;
        const bool ok = mModel->track(queries, mParams.iters, &out, nullptr, err);
        mModel->clearSupport();
        if (!ok)
            return false;
        ++unitsDone;
        for (size_t q = 0; q < qref.size(); ++q)
            for (int t = 0; t < T; ++t) {
                Pred &p = pred[qref[q]][s + t - f0];
                if (p.has)
                    continue;
                const size_t i = size_t(t) * out.points + q;
                p.has = true;
                p.x = float((out.xy[i * 2] + 0.5) / sx - 0.5);
                p.y = float((out.xy[i * 2 + 1] + 0.5) / sy - 0.5);
                p.vis = out.vis[i];
                p.conf = out.conf[i];
            }
        report("tracking frames " + std::to_string(s) + "-" + std::to_string(e));
        return true;
    };

    std::vector<int> all(refs.size());
    for (size_t r = 0; r < refs.size(); ++r)
        all[r] = static_cast<int>(r);
    std::string err;
    for (const auto &w : windows) {
        if (cancel)
            return fail("cancelled");
        if (!runWindow(w.first, w.second, w.first, all, &err))
            return fail(cancel ? "cancelled" : err);
    }
    // Keypoints first labelled after a window's start: track them backwards from the next window.
    for (size_t wi = windows.size(); wi-- > 0;) {
        const int s = windows[wi].first, e = windows[wi].second;
        std::vector<int> missing;
        for (size_t r = 0; r < refs.size(); ++r)
            if (!pred[r][s - f0].has && pred[r][e - f0].has)
                missing.push_back(static_cast<int>(r));
        if (missing.empty())
            continue;
        if (cancel)
            return fail("cancelled");
        if (!runWindow(s, e, e, missing, &err))
            return fail(cancel ? "cancelled" : err);
    }

    // Output: user labels exactly, every other keypoint from the tracker with score = conf * vis (the merge
    // marks it Propagated or Refined), inside each animal's labelled span unless the plan extrapolates.
    for (int f = f0; f <= f1; ++f) {
        std::vector<core::Instance> list;
        for (int id : ids) {
            const core::Instance *user = clip.instance(f, id);
            bool any = false;
            core::Instance inst;
            if (user) {
                inst = *user;
                for (core::Keypoint &kp : inst.keypoints)
                    if (!(kp.isLabelled() && core::isUserLabel(kp.source)))
                        kp = core::Keypoint();
                any = true;
            }
            inst.trackId = id;
            if (!plan->extrapolate && !plan->inSpan(id, f))
                continue;
            for (size_t r = 0; r < refs.size(); ++r) {
                if (refs[r].trackId != id)
                    continue;
                const Pred &p = pred[r][f - f0];
                if (!p.has)
                    continue;
                if (!user)
                    inst.categoryId = refs[r].categoryId;
                inst.keypoints.resize(std::max<size_t>(inst.keypoints.size(), size_t(refs[r].K)));
                if (userKeypoint(clip, f, id, refs[r].k))
                    continue;
                core::Keypoint &kp = inst.keypoints[refs[r].k];
                kp.x = std::clamp(double(p.x), 0.0, double(std::max(0, imgW - 1)));
                kp.y = std::clamp(double(p.y), 0.0, double(std::max(0, imgH - 1)));
                kp.visibility = p.vis > 0.5f ? core::Visibility::Visible : core::Visibility::Occluded;
                kp.source = core::Source::Propagated;
                kp.score = p.vis * p.conf;
                any = true;
            }
            if (any)
                list.push_back(std::move(inst));
        }
        if (!list.empty())
            (*output)[f] = std::move(list);
    }
    enforcePlan(*plan, output);
    mStats.totalSeconds = now() - tStart;
    unitsDone = totalUnits;
    report("done");
    return true;
}

} // namespace paddock::tracking
