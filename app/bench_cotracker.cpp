// SPDX-License-Identifier: Apache-2.0
// paddock bench cotracker [--weights FILE] [--fixtures DIR] [--threads N] [--frames T] [--points N] [--iters I]
//                         [--clip-frames F] [--clip-keypoints K] [--steps S] [--eval EVAL_CLIP_DIR]
//                         [--no-parity] [--no-clip] [--no-forward]
// Parity figures against the reference fixtures, the forward at 384x512 (where the time goes), one TTO step,
// and a whole CoTracker3Tracker run on a synthetic clip with its time per step and peak memory; with --eval,
// also on the first --clip-frames frames of a real clip of ../shared/eval with its every-10 labels.
#include "app/commands.h"

#include "core/io/coco.h"
#include "core/video/framesource.h"
#include "tracking/cotracker/checkpoint.h"
#include "tracking/cotracker/cotracker3tracker.h"
#include "tracking/cotracker/formulaweights.h"
#include "tracking/cotracker/model.h"
#include "tracking/cotracker/parity.h"

#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <thread>

#include <sys/resource.h>

namespace paddock::app {

namespace {

using namespace tracking::cotracker;

QString loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return QString::fromStdString(a + " " + b + " " + c);
}

double peakRssMb()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return -1;
}

/** Frames of textured background with a few blobs moving in different directions (packed RGB). */
void synthFrame(int t, int w, int h, unsigned char *rgb)
{
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double v = 110 + 45 * std::sin(0.05 * x + 0.3 * t) * std::cos(0.07 * y - 0.1 * t);
            for (int b = 0; b < 3; ++b) {
                const double cx = w * (0.25 + 0.25 * b) + 3.0 * t * (b - 1), cy = h * (0.3 + 0.2 * b) + 2.0 * t;
                v += 90 * std::exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (200.0 + 100 * b));
            }
            for (int c = 0; c < 3; ++c)
                rgb[(size_t(y) * w + x) * 3 + c] = static_cast<unsigned char>(std::clamp(v + 20 * c, 0.0, 255.0));
        }
}

class SynthSource : public core::FrameSource
{
public:
    SynthSource(int frames, int w, int h)
    {
        mInfo.frameCount = frames;
        mInfo.width = w;
        mInfo.height = h;
        mInfo.fps = 25;
        mInfo.codec = "synthetic";
    }
    const core::VideoInfo &info() const override { return mInfo; }
    bool read(int index, core::VideoFrame *out, std::string *error) override
    {
        if (index < 0 || index >= mInfo.frameCount) {
            *error = "frame out of range";
            return false;
        }
        out->index = index;
        out->width = mInfo.width;
        out->height = mInfo.height;
        out->rgb.resize(mInfo.width * mInfo.height * 3);
        synthFrame(index, mInfo.width, mInfo.height, reinterpret_cast<unsigned char *>(out->rgb.data()));
        return true;
    }

private:
    core::VideoInfo mInfo;
};

/** CPU seconds (user + system, all threads) this process has used: a figure the machine's load does not inflate. */
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

QString f3(double v)
{
    return QString::number(v, 'f', 3);
}

} // namespace

int runBenchCoTracker(const QStringList &args)
{
    QString weights, fixtures, evalDir;
    int threads = static_cast<int>(std::thread::hardware_concurrency());
    int T = 24, N = 8, iters = 6, clipFrames = 15, clipKeypoints = 17, steps = -1;
    bool parity = true, clip = true, forward = true;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto num = [&](int *out) {
            bool ok = false;
            if (i + 1 < args.size())
                *out = args[++i].toInt(&ok);
            return ok && *out >= 0;
        };
        bool ok = true;
        if (a == QLatin1String("--weights") && i + 1 < args.size())
            weights = args[++i];
        else if (a == QLatin1String("--fixtures") && i + 1 < args.size())
            fixtures = args[++i];
        else if (a == QLatin1String("--eval") && i + 1 < args.size())
            evalDir = args[++i];
        else if (a == QLatin1String("--threads"))
            ok = num(&threads);
        else if (a == QLatin1String("--frames"))
            ok = num(&T) && T > 0;
        else if (a == QLatin1String("--points"))
            ok = num(&N) && N > 0;
        else if (a == QLatin1String("--iters"))
            ok = num(&iters) && iters > 0;
        else if (a == QLatin1String("--clip-frames"))
            ok = num(&clipFrames) && clipFrames > 1;
        else if (a == QLatin1String("--clip-keypoints"))
            ok = num(&clipKeypoints) && clipKeypoints > 0;
        else if (a == QLatin1String("--steps"))
            ok = num(&steps);
        else if (a == QLatin1String("--no-parity"))
            parity = false;
        else if (a == QLatin1String("--no-clip"))
            clip = false;
        else if (a == QLatin1String("--no-forward"))
            forward = false;
        else
            ok = false;
        if (!ok) {
            printError(QStringLiteral("usage: paddock bench cotracker [--weights FILE] [--fixtures DIR] [--threads N] "
                                      "[--frames T] [--points N] [--iters I] [--clip-frames F] [--clip-keypoints K] "
                                      "[--steps S] [--eval EVAL_CLIP_DIR] [--no-parity] [--no-clip] [--no-forward]"));
            return kExitBadInput;
        }
    }
    if (fixtures.isEmpty()) {
        const QByteArray env = qgetenv("PADDOCK_SHARED");
        fixtures = (env.isEmpty() ? QStringLiteral("../shared") : QString::fromLocal8Bit(env))
                   + QStringLiteral("/fixtures/cotracker3");
    }
    CoTracker3Model::setThreads(std::max(1, threads));
    printOut(QStringLiteral("CoTracker3 bench: %1 threads, %2 cores, CUDA %3, load average at start %4")
                 .arg(threads)
                 .arg(std::thread::hardware_concurrency())
                 .arg(CoTracker3Model::cudaAvailable() ? QStringLiteral("yes") : QStringLiteral("no"), loadAverage()));
    int rc = kExitOk;

    if (parity) {
        if (!QDir(fixtures).exists()) {
            printOut(QStringLiteral("\nparity: skipped, no fixtures at %1 (use --fixtures DIR)").arg(fixtures));
        } else {
            for (int which = 0; which < 2; ++which) {
                const ParityReport rep =
                    which == 0 ? runForwardParity(fixtures.toStdString()) : runTtoParity(fixtures.toStdString());
                printOut(QStringLiteral("\nparity %1 (formula weights, %2 s):")
                             .arg(which == 0 ? QStringLiteral("forward.pt, offline forward iters=4")
                                             : QStringLiteral("tto.pt, 3 Adam steps lr 1e-3, normalised input"),
                                  f3(rep.seconds)));
                printOut(QString::fromStdString(rep.toString()).trimmed());
                printOut(rep.allPass() ? QStringLiteral("all within tolerance") : QStringLiteral("PARITY FAILED"));
                if (!rep.allPass())
                    rc = kExitFindings;
            }
        }
    }

    // Weights: the user's checkpoint, or the formula weights (timings do not depend on the values).
    QTemporaryDir tmp;
    std::string weightsPath = weights.toStdString();
    TensorMap sd;
    std::string err;
    if (weights.isEmpty()) {
        sd = formulaWeights(60);
        weightsPath = QDir(tmp.path()).filePath(QStringLiteral("formula.pth")).toStdString();
        if (!writeTorchSave(weightsPath, sd, &err)) {
            printError(QString::fromStdString(err));
            return kExitBadInput;
        }
    } else if (!readCoTracker3Checkpoint(weightsPath, &sd, &err)) {
        printError(QString::fromStdString(err));
        return kExitBadInput;
    }

    // Runs the tracker with the default settings on \a source and prints its figures; false on failure.
    auto runClip = [&](core::FrameSource &source, const tracking::TrackingInput &input, const std::vector<int> &labelled,
                       const QString &what) {
        tracking::CoTracker3Params params;
        params.weights = weightsPath;
        params.device = "auto";
        params.steps = steps;
        params.threads = threads;
        tracking::CoTracker3Tracker tracker(params);
        std::atomic_bool cancel{false};
        tracking::TrackingOutput out;
        const double cpu0 = cpuSeconds();
        if (!tracker.track(source, input, &out, {}, cancel, &err)) {
            printError(QString::fromStdString(err));
            return false;
        }
        const auto &s = tracker.stats();
        bool exact = true; // every labelled keypoint comes back as it was
        int points = 0;
        for (int f : labelled)
            for (const core::Instance &label : input.clip.frames.at(f)) {
                const core::Instance *got = nullptr;
                for (const core::Instance &i : out[f])
                    if (i.trackId == label.trackId)
                        got = &i;
                for (std::size_t k = 0; k < label.keypoints.size(); ++k)
                    if (label.keypoints[k].isLabelled()) {
                        ++points;
                        exact = exact && got && k < got->keypoints.size() && got->keypoints[k] == label.keypoints[k];
                    }
            }
        printOut(QStringLiteral("\nclip: %1, %2 labelled points on %3 frames, default settings "
                                "(%4, %5 windows, %6 queries, %7 TTO steps run)")
                     .arg(what)
                     .arg(points)
                     .arg(int(labelled.size()))
                     .arg(QString::fromStdString(s.device))
                     .arg(s.windows)
                     .arg(s.queries)
                     .arg(s.ttoSteps));
        printOut(QStringLiteral("  total %1 s (encoder %2 s), %3 s per TTO step, TTO loss %4 -> %5, labels exact: %6, "
                                "peak RSS %7 MB, load average now %8")
                     .arg(f3(s.totalSeconds), f3(s.encoderSeconds), f3(s.secondsPerStep), f3(s.firstLoss),
                          f3(s.lastLoss), exact ? QStringLiteral("yes") : QStringLiteral("NO"),
                          QString::number(peakRssMb(), 'f', 0), loadAverage()));
        printOut(QStringLiteral("  CPU time %1 s (all threads; wall time on an idle machine is about this / threads)")
                     .arg(f3(cpuSeconds() - cpu0)));
        return true;
    };

    if (clip) {
        // A clip like an APTv2 one: 17 keypoints of one animal labelled on the first, middle and last frame.
        SynthSource source(clipFrames, 640, 480);
        tracking::TrackingInput input;
        core::Category cat;
        cat.id = 1;
        for (int k = 0; k < clipKeypoints; ++k)
            cat.keypoints.push_back("k" + std::to_string(k));
        input.categories = {cat};
        input.clip.tracks = {core::Track{1, 1, "animal"}};
        // A short clip is labelled on its first, middle and last frames; a long one every 10 frames (as a
        // labeller would), so every window has labels to optimise on.
        std::vector<int> labelled = {0, clipFrames / 2, clipFrames - 1};
        if (clipFrames > 24) {
            labelled.clear();
            for (int f = 0; f < clipFrames - 1; f += 10)
                labelled.push_back(f);
            labelled.push_back(clipFrames - 1);
        }
        for (int f : labelled) {
            core::Instance inst;
            inst.trackId = 1;
            for (int k = 0; k < clipKeypoints; ++k) {
                core::Keypoint kp;
                kp.x = 100 + 25 * (k % 6) + 2.0 * f;
                kp.y = 120 + 40 * (k / 6) + 1.5 * f;
                kp.visibility = core::Visibility::Visible;
                kp.source = core::Source::Manual;
                kp.score = 1;
                inst.keypoints.push_back(kp);
            }
            input.clip.setInstance(f, inst);
        }
        if (!runClip(source, input, labelled, QStringLiteral("%1 frames 640x480 (synthetic)").arg(clipFrames)))
            return kExitBadInput;
    }

    if (!evalDir.isEmpty()) {
        // The first frames of a real eval clip with its every-10 labels (all animals): TTO must lower the loss.
        const QDir dir(evalDir);
        auto project = core::readCocoFile(dir.filePath(QStringLiteral("sparse-every-10.json")).toStdString(), &err);
        const QString video = findClip(dir);
        auto source = video.isEmpty() ? nullptr : core::FrameSource::open(video.toStdString(), &err);
        if (!project || project->clips.empty() || !source) {
            printError(QStringLiteral("paddock bench cotracker: --eval %1: %2")
                           .arg(evalDir, err.empty() ? QStringLiteral("no sparse-every-10.json and video") : QString::fromStdString(err)));
            return kExitBadInput;
        }
        tracking::TrackingInput input;
        input.clip = project->clips.front();
        input.categories = project->categories;
        input.firstFrame = 0;
        input.lastFrame = clipFrames - 1;
        std::vector<int> labelled;
        for (const auto &[f, list] : input.clip.frames)
            if (f < clipFrames && !list.empty())
                labelled.push_back(f);
        const core::VideoInfo &vi = source->info();
        if (!runClip(*source, input, labelled,
                     QStringLiteral("%1 frames of %2 (%3x%4)").arg(clipFrames).arg(QFileInfo(video).fileName()).arg(vi.width).arg(vi.height)))
            return kExitBadInput;
    }

    if (forward) {
        CoTracker3Model model;
        if (!model.load(sd, "auto", &err)) {
            printError(QString::fromStdString(err));
            return kExitBadInput;
        }
        const int H = 384, W = 512;
        std::vector<float> video(size_t(T) * 3 * H * W);
        std::vector<unsigned char> rgb(size_t(H) * W * 3);
        for (int t = 0; t < T; ++t) {
            synthFrame(t, W, H, rgb.data());
            for (int y = 0; y < H; ++y)
                for (int x = 0; x < W; ++x)
                    for (int c = 0; c < 3; ++c)
                        video[((size_t(t) * 3 + c) * H + y) * W + x] = rgb[(size_t(y) * W + x) * 3 + c];
        }
        std::vector<Query> queries;
        std::vector<Label> labels;
        for (int n = 0; n < N; ++n) {
            const float x = 40.f + 53.f * n, y = 60.f + 31.f * n;
            queries.push_back(Query{0, x, y});
            for (int f : {0, T / 2, T - 1})
                labels.push_back(Label{n, f, x + 2.f * f, y + 1.5f * f});
        }
        QElapsedTimer timer;
        timer.start();
        const double cpu0 = cpuSeconds();
        Tracks tracks;
        if (!model.setVideo(video.data(), T, H, W, nullptr, &err) || !model.track(queries, iters, &tracks, nullptr, &err)) {
            printError(QString::fromStdString(err));
            return kExitBadInput;
        }
        const double total = timer.nsecsElapsed() / 1e9;
        const double cpuForward = cpuSeconds() - cpu0;
        const ModelTimings tm = model.timings();
        printOut(QStringLiteral("\nforward %1x%2, %3 frames, %4 points, %5 iterations (%6): %7 s")
                     .arg(W)
                     .arg(H)
                     .arg(T)
                     .arg(N)
                     .arg(iters)
                     .arg(QString::fromStdString(model.deviceName()), f3(total)));
        printOut(QStringLiteral("  CPU time %1 s (all threads)").arg(f3(cpuForward)));
        printOut(QStringLiteral("  encoder %1 s (%2 s per frame), correlation + corr_mlp %3 s, tokens + transformer %4 s, "
                                "other %5 s")
                     .arg(f3(tm.encoder), f3(tm.encoder / T), f3(tm.correlation), f3(tm.transformer),
                          f3(total - tm.encoder - tm.correlation - tm.transformer)));
        TtoOptions opt;
        opt.steps = 2;
        opt.iters = 4;
        TtoReport rep;
        const double cpu1 = cpuSeconds();
        if (!model.optimise(queries, labels, opt, {}, &rep, nullptr, &err)) {
            printError(QString::fromStdString(err));
            return kExitBadInput;
        }
        printOut(QStringLiteral("  TTO step (forward iters=4 + backward, features cached): %1 s per step over %2 steps; "
                                "peak RSS %3 MB; load average now %4")
                     .arg(f3(rep.secondsPerStep))
                     .arg(rep.steps)
                     .arg(QString::number(peakRssMb(), 'f', 0), loadAverage()));
        printOut(QStringLiteral("  TTO CPU time %1 s per step (all threads, includes the feature init)")
                     .arg(f3((cpuSeconds() - cpu1) / std::max(1, rep.steps))));
    }
    return rc;
}

} // namespace paddock::app
