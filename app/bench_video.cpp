// SPDX-License-Identifier: Apache-2.0
// paddock bench video FILE [--cache-mb N] [--random N] [--frames N] [--steps N]
// Sequential decode speed, random access cost (vs decoding from the keyframe), one-frame steps with a
// warm FrameCache, playback hit rate, and peak memory.
// paddock bench video --exactness [FILE...] [--dir DIR] [--random N] [--frames N] [--only TEXT]
// Frame exactness against the ffmpeg tool's own decode, on a generated corpus of container/codec pairs (or on
// the given files): sequential and random reads, and frame images exported as APTv2 does.
#include "app/commands.h"

#include "core/io/coco.h"
#include "core/model/project.h"
#include "core/video/exactness.h"
#include "core/video/framecache.h"
#include "core/video/framesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>
#include <random>
#include <thread>
#include <vector>

namespace paddock::app {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const double pos = p * (v.size() - 1);
    const size_t lo = static_cast<size_t>(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

double mean(const std::vector<double> &v)
{
    return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / v.size();
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

bool intOption(const QStringList &args, int *i, const char *name, int *value)
{
    if (args.at(*i) != QLatin1String(name))
        return false;
    bool ok = false;
    const int v = *i + 1 < args.size() ? args.at(*i + 1).toInt(&ok) : 0;
    if (!ok || v <= 0) {
        printError(QCoreApplication::translate("Bench", "paddock bench video: %1 needs a positive number")
                       .arg(QLatin1String(name)));
        *value = -1;
    } else {
        *value = v;
    }
    *i += 1;
    return true;
}

/** Exported frame images (APTv2 with frames, from \a path) that show the frame their entry names, of those checked. */
struct ExportCheck
{
    int checked = 0;
    int wrong = 0;
    std::string problem;
};

ExportCheck checkExportedFrames(core::FrameSource *source, const std::string &path, const core::ReferenceFrames &ref,
                                const std::string &outDir)
{
    const core::VideoInfo &info = source->info();
    ExportCheck result;
    core::Project project = core::newAp10kProject();
    core::Clip clip;
    clip.name = "clip";
    clip.path = path;
    clip.frameCount = info.frameCount;
    clip.width = info.width;
    clip.height = info.height;
    clip.fps = info.fps;
    const int step = std::max(1, info.frameCount / 30);
    for (int f = 0; f < info.frameCount; f += step) {
        core::VideoFrame probe;
        std::string why;
        if (!source->read(f, &probe, &why))
            continue; // a frame the source refuses (damaged) cannot be labelled, so it is not exported either
        core::Instance inst;
        inst.trackId = 1;
        inst.categoryId = project.categories.front().id;
        inst.keypoints.resize(project.categories.front().keypoints.size());
        for (core::Keypoint &k : inst.keypoints) {
            k.x = info.width / 2.0;
            k.y = info.height / 2.0;
            k.visibility = core::Visibility::Visible;
            k.source = core::Source::Manual;
            k.score = 1.0f;
        }
        clip.setInstance(f, inst);
    }
    project.clips.push_back(clip);
    core::CocoWriteOptions options;
    options.aptv2 = true;
    options.frameDir = outDir + "/frames";
    const std::string json = outDir + "/labels.json";
    std::string error;
    if (!core::writeCocoFile(project, json, options, &error)) {
        result.problem = "export failed: " + error;
        result.wrong = -1;
        return result;
    }
    QFile file(QString::fromStdString(json));
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = "cannot read the exported " + json;
        result.wrong = -1;
        return result;
    }
    const QJsonArray images = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("images")).toArray();
    for (const QJsonValue &v : images) {
        const QJsonObject o = v.toObject();
        const int frame = o.value(QStringLiteral("frame_id")).toInt(-1);
        const std::string image =
            QDir(QString::fromStdString(outDir)).absoluteFilePath(o.value(QStringLiteral("file_name")).toString()).toStdString();
        ++result.checked;
        cv::Mat bgr = cv::imread(image, cv::IMREAD_COLOR);
        if (bgr.empty() || frame < 0) {
            ++result.wrong;
            if (result.problem.empty())
                result.problem = image + ": unreadable";
            continue;
        }
        cv::Mat rgb;
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        // JPEG quality 95: more pixels off than the decoder's own pictures, still far fewer than a neighbour.
        const core::FrameCheck c = core::checkFrame(rgb.data, rgb.cols, rgb.rows, frame, ref, 0.01);
        if (!c.right) {
            ++result.wrong;
            if (result.problem.empty())
                result.problem = "exported frame " + std::to_string(frame) + " shows frame " + std::to_string(c.shows);
        }
    }
    return result;
}

int runExactness(const QStringList &args)
{
    QString dirArg, only;
    QStringList files;
    int randomCount = 300, frames = 300;
    for (int i = 0; i < args.size(); ++i) {
        int value = 0;
        if (intOption(args, &i, "--random", &value)) {
            if (value < 0)
                return kExitBadInput;
            randomCount = value;
        } else if (intOption(args, &i, "--frames", &value)) {
            if (value < 0)
                return kExitBadInput;
            frames = value;
        } else if ((args.at(i) == QLatin1String("--dir") || args.at(i) == QLatin1String("--only")) && i + 1 < args.size()) {
            (args.at(i) == QLatin1String("--dir") ? dirArg : only) = args.at(i + 1);
            ++i;
        } else if (args.at(i) == QLatin1String("--exactness")) {
            continue;
        } else if (!args.at(i).startsWith(QLatin1String("-"))) {
            files << args.at(i);
        } else {
            printError(QCoreApplication::translate("Bench", "paddock bench video: unexpected argument %1").arg(args.at(i)));
            return kExitBadInput;
        }
    }
    if (!core::ffmpegToolAvailable()) {
        printError(QCoreApplication::translate("Bench", "paddock bench video --exactness: needs the ffmpeg tool on PATH"));
        return kExitBadInput;
    }
    QTemporaryDir tmp;
    const std::string dir = dirArg.isEmpty() ? tmp.path().toStdString() : dirArg.toStdString();
    QDir().mkpath(QString::fromStdString(dir));

    struct Row
    {
        std::string name, path, skipped;
    };
    std::vector<Row> rows;
    if (files.isEmpty()) {
        for (const core::ExactnessClip &clip : core::exactnessClips()) {
            if (!only.isEmpty() && !QString::fromStdString(clip.name).contains(only, Qt::CaseInsensitive))
                continue;
            Row row{clip.name, {}, {}};
            std::string error;
            if (!core::makeExactnessClip(clip, dir, frames, 320, 240, &row.path, &error))
                row.skipped = error;
            rows.push_back(row);
        }
    } else {
        for (const QString &f : files)
            rows.push_back({QFileInfo(f).fileName().toStdString(), f.toStdString(), {}});
    }

    std::printf("frame exactness against `ffmpeg -fps_mode passthrough` (%d random reads per clip)\n", randomCount);
    std::printf("%-38s %6s %6s %9s %11s %13s %15s %8s %9s\n", "container/codec", "frames", "ffmpeg", "seq wrong",
                "seq refused", "random wrong", "random refused", "exported", "random ms");
    int bad = 0;
    std::vector<std::string> notes;
    for (const Row &row : rows) {
        if (!row.skipped.empty()) {
            std::printf("%-38s skipped: %s\n", row.name.c_str(), row.skipped.c_str());
            continue;
        }
        std::string error;
        core::ReferenceFrames ref;
        if (!core::decodeWithFfmpegTool(row.path, &ref, &error)) {
            std::printf("%-38s %s\n", row.name.c_str(), error.c_str());
            continue;
        }
        auto source = core::FrameSource::open(row.path, &error);
        if (!source) {
            ++bad;
            std::printf("%-38s %6s %6zu refused to open: %s\n", row.name.c_str(), "-", ref.frames.size(), error.c_str());
            continue;
        }
        const core::ExactnessReport r = core::checkExactness(source.get(), ref, randomCount, 42);
        const std::string exportDir = dir + "/export-" + QFileInfo(QString::fromStdString(row.path)).completeBaseName().toStdString();
        const ExportCheck e = checkExportedFrames(source.get(), row.path, ref, exportDir);
        char exported[32];
        std::snprintf(exported, sizeof exported, e.wrong < 0 ? "failed" : "%d/%d", e.wrong, e.checked);
        char randomWrong[32];
        std::snprintf(randomWrong, sizeof randomWrong, "%d/%d", r.randomWrong, r.randomReads);
        std::printf("%-38s %6d %6d %9d %11d %13s %15d %8s %9.1f\n", row.name.c_str(), r.frames, r.referenceFrames,
                    r.sequentialWrong, r.sequentialRefused, randomWrong, r.randomRefused, exported, r.randomMs);
        if (r.sequentialWrong + r.randomWrong > 0 || e.wrong != 0)
            ++bad;
        if (!r.firstProblem.empty())
            notes.push_back(row.name + ": " + r.firstProblem);
        if (!e.problem.empty())
            notes.push_back(row.name + ": " + e.problem);
    }
    for (const std::string &n : notes)
        std::printf("  note: %s\n", n.c_str());
    std::printf("clips with a wrong frame: %d\n", bad);
    return bad ? kExitFindings : kExitOk;
}

} // namespace

int runBenchVideo(const QStringList &args)
{
    if (args.contains(QStringLiteral("--exactness")))
        return runExactness(args);

    QString file;
    int cacheMb = 512, randomCount = 40, frameLimit = 0, steps = 20;
    for (int i = 0; i < args.size(); ++i) {
        int *target = nullptr;
        int value = 0;
        if (intOption(args, &i, "--cache-mb", &value))
            target = &cacheMb;
        else if (intOption(args, &i, "--random", &value))
            target = &randomCount;
        else if (intOption(args, &i, "--frames", &value))
            target = &frameLimit;
        else if (intOption(args, &i, "--steps", &value))
            target = &steps;
        if (target) {
            if (value < 0)
                return kExitBadInput;
            *target = value;
        } else if (file.isEmpty() && !args.at(i).startsWith(QLatin1String("-"))) {
            file = args.at(i);
        } else {
            printError(QCoreApplication::translate("Bench", "paddock bench video: unexpected argument %1").arg(args.at(i)));
            return kExitBadInput;
        }
    }
    if (file.isEmpty()) {
        printError(QCoreApplication::translate(
            "Bench", "usage: paddock bench video FILE [--cache-mb N] [--random N] [--frames N] [--steps N]"));
        return kExitBadInput;
    }
    const std::string path = file.toStdString();
    std::string error;

    // Open: demux the whole file once to index every frame.
    auto t0 = Clock::now();
    auto source = core::FrameSource::open(path, &error);
    const double openMs = msSince(t0);
    if (!source) {
        printError(QStringLiteral("paddock bench video: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const core::VideoInfo info = source->info();
    const int n = info.frameCount;
    std::printf("clip            %s\n", path.c_str());
    std::printf("                %d frames, %dx%d, %.3f fps, %s %s, %d keyframes\n", n, info.width, info.height,
                info.fps, info.codec.c_str(), info.pixelFormat.c_str(), info.keyframeCount);
    std::printf("open + index    %.1f ms\n", openMs);

    // Sequential decode from frame 0, to RGB and (as the trackers read it: a video's own plane, no colour
    // conversion) to luma; -1 when a frame fails.
    const int seqFrames = frameLimit > 0 ? std::min(frameLimit, n) : n;
    auto sequentialMs = [&](core::FrameSource &from, bool gray) {
        const auto start = Clock::now();
        for (int i = 0; i < seqFrames; ++i) {
            core::VideoFrame f;
            core::GrayFrame g;
            if (!(gray ? from.readGray(i, &g, &error) : from.read(i, &f, &error))) {
                printError(QStringLiteral("paddock bench video: %1").arg(QString::fromStdString(error)));
                return -1.0;
            }
        }
        return msSince(start);
    };
    const double seqMs = sequentialMs(*source, false);
    if (seqMs < 0)
        return kExitBadInput;
    const double msPerFrame = seqMs / std::max(1, seqFrames);
    std::printf("sequential      %d frames in %.2f s: %.1f frames/s (%.2f ms/frame, decode + RGB)\n", seqFrames,
                seqMs / 1000.0, 1000.0 / msPerFrame, msPerFrame);
    if (auto graySource = source->clone(&error)) {
        const double grayMs = sequentialMs(*graySource, true);
        if (grayMs < 0)
            return kExitBadInput;
        std::printf("sequential gray %d frames in %.2f s: %.2f ms/frame (decode + luma)\n", seqFrames, grayMs / 1000.0,
                    grayMs / std::max(1, seqFrames));
    }

    // Random access on a fresh decoder, random indices from a fixed seed.
    auto randomSource = source->clone(&error);
    if (!randomSource)
        randomSource = core::FrameSource::open(path, &error);
    if (!randomSource) {
        printError(QStringLiteral("paddock bench video: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> pick(0, n - 1);
    std::vector<double> times, decoded, fromKey;
    for (int k = 0; k < randomCount; ++k) {
        const int index = pick(rng);
        core::VideoFrame f;
        t0 = Clock::now();
        if (!randomSource->read(index, &f, &error)) {
            printError(QStringLiteral("paddock bench video: %1").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
        times.push_back(msSince(t0));
        decoded.push_back(randomSource->lastReadDecodedFrames());
        fromKey.push_back(index - randomSource->keyframeAtOrBefore(index) + 1);
    }
    std::printf("random access   %d reads: median %.1f ms, p95 %.1f ms, max %.1f ms\n", randomCount,
                percentile(times, 0.5), percentile(times, 0.95), percentile(times, 1.0));
    std::printf("                frames decoded per access: mean %.1f; frames from the keyframe to the target: "
                "mean %.1f\n",
                mean(decoded), mean(fromKey));
    std::printf("                decoding those keyframe-to-target frames sequentially: mean %.1f ms; random "
                "access mean %.1f ms (ratio %.2f)\n",
                mean(fromKey) * msPerFrame, mean(times), mean(times) / std::max(1e-9, mean(fromKey) * msPerFrame));

    // One-frame steps with a warm cache: jump, let read-ahead settle, then step forward or back.
    core::FrameCache cache;
    core::FrameCache::Options options;
    options.memoryLimitBytes = static_cast<std::size_t>(cacheMb) << 20;
    if (!cache.open(path, options, &error)) {
        printError(QStringLiteral("paddock bench video: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    std::vector<double> forward, backward;
    // Frames with a neighbour on both sides; a clip of fewer than 3 frames has no such steps.
    std::uniform_int_distribution<int> pickInner(1, std::max(1, n - 2));
    for (int k = 0; k < steps && n >= 3; ++k) {
        const int p = pickInner(rng);
        core::VideoFrame f;
        if (!cache.get(p, &f, &error))
            break;
        cache.waitForReadAhead(60000);
        t0 = Clock::now();
        cache.get(p + 1, &f, &error);
        forward.push_back(msSince(t0));
        const int q = pickInner(rng);
        if (!cache.get(q, &f, &error))
            break;
        cache.waitForReadAhead(60000);
        t0 = Clock::now();
        cache.get(q - 1, &f, &error);
        backward.push_back(msSince(t0));
    }
    std::printf("cached step     forward: median %.3f ms, p95 %.3f ms, max %.3f ms (%zu steps)\n",
                percentile(forward, 0.5), percentile(forward, 0.95), percentile(forward, 1.0), forward.size());
    std::printf("                back:    median %.3f ms, p95 %.3f ms, max %.3f ms (%zu steps)\n",
                percentile(backward, 0.5), percentile(backward, 0.95), percentile(backward, 1.0), backward.size());

    // Playback at the clip's frame rate from a random frame: how often the frame is ready when needed.
    const double fps = info.fps > 0 ? info.fps : 25.0;
    const int playFrames = std::min(n, static_cast<int>(fps * 4));
    const int start = n > playFrames ? pick(rng) % (n - playFrames) : 0;
    core::VideoFrame f;
    cache.get(start, &f, &error);
    cache.waitForReadAhead(60000);
    const core::FrameCache::Stats before = cache.stats();
    std::vector<double> playTimes;
    const auto playStart = Clock::now();
    for (int i = 1; i < playFrames; ++i) {
        std::this_thread::sleep_until(playStart + std::chrono::duration<double>(i / fps));
        t0 = Clock::now();
        cache.get(start + i, &f, &error);
        playTimes.push_back(msSince(t0));
    }
    const core::FrameCache::Stats after = cache.stats();
    std::printf("playback        %d frames at %.1f fps: %lld hits, %lld misses, get median %.3f ms, p95 %.2f ms, "
                "max %.2f ms (read-ahead decoding meanwhile)\n",
                playFrames - 1, fps, static_cast<long long>(after.hits - before.hits),
                static_cast<long long>(after.misses - before.misses), percentile(playTimes, 0.5),
                percentile(playTimes, 0.95), percentile(playTimes, 1.0));
    std::printf("cache           limit %d MiB, holds %d frames (%.1f MiB), %lld evictions, %lld read ahead\n", cacheMb,
                after.frames, after.bytes / 1048576.0, static_cast<long long>(after.evictions),
                static_cast<long long>(after.readAheadDecoded));
    std::printf("peak RSS        %.1f MiB\n", peakRssKiB() / 1024.0);
    return kExitOk;
}

} // namespace paddock::app
