// SPDX-License-Identifier: Apache-2.0
// paddock bench video FILE [--cache-mb N] [--random N] [--frames N] [--steps N]
// Sequential decode speed, random access cost (vs decoding from the keyframe), one-frame steps with a
// warm FrameCache, playback hit rate, and peak memory.
#include "app/commands.h"

#include "core/video/framecache.h"
#include "core/video/framesource.h"

#include <QCoreApplication>

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

} // namespace

int runBenchVideo(const QStringList &args)
{
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

    // Sequential decode (to RGB) from frame 0.
    const int seqFrames = frameLimit > 0 ? std::min(frameLimit, n) : n;
    t0 = Clock::now();
    for (int i = 0; i < seqFrames; ++i) {
        core::VideoFrame f;
        if (!source->read(i, &f, &error)) {
            printError(QStringLiteral("paddock bench video: %1").arg(QString::fromStdString(error)));
            return kExitBadInput;
        }
    }
    const double seqMs = msSince(t0);
    const double msPerFrame = seqMs / std::max(1, seqFrames);
    std::printf("sequential      %d frames in %.2f s: %.1f frames/s (%.2f ms/frame, decode + RGB)\n", seqFrames,
                seqMs / 1000.0, 1000.0 / msPerFrame, msPerFrame);

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
    std::uniform_int_distribution<int> pickInner(std::min(2, n - 1), std::max(0, n - 3));
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
