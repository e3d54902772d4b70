// SPDX-License-Identifier: Apache-2.0
#include "tracking/batch.h"

#include "core/video/clipframes.h"
#include "core/video/framesource.h"
#include "core/video/imagefolder.h"

#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

namespace paddock::tracking {

namespace {

using Clock = std::chrono::steady_clock;

bool fail(std::string *error, const std::string &message)
{
    if (error)
        *error = message;
    return false;
}

/** A whole non-negative number, or -1. */
long long wholeNumber(const std::string &s)
{
    if (s.empty() || s.size() > 12 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return -1;
    return std::stoll(s);
}

std::string trimmed(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string baseName(const std::string &path)
{
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/**
 * When a dataset clip is read from an image folder, the folder's images must be the clip's frames in order:
 * frame f of the clip is the file the dataset names for it. A folder shared by several clips (or holding other
 * images) would put labels on the wrong frames; refused with the first frame that does not match.
 */
bool checkFolderFrames(const core::Clip &clip, std::string *error)
{
    // An image-list clip is its own files, exactly (core::openClipFrames); only folder clips can mismatch.
    if (clip.isImageList() || clip.frameMeta.empty() || !QFileInfo(QString::fromStdString(clip.path)).isDir())
        return true;
    std::vector<std::string> names;
    if (!core::listFrameImages(clip.path, &names, error))
        return false;
    for (std::size_t f = 0; f < clip.frameMeta.size(); ++f) {
        const std::string &want = clip.frameMeta[f].fileName;
        if (want.empty())
            continue;
        if (f >= names.size() || baseName(want) != names[f])
            return fail(error, "frame " + std::to_string(f) + " of the clip is " + want + ", but image " + std::to_string(f)
                                   + " of " + clip.path + " is "
                                   + (f < names.size() ? names[f] : std::string("missing"))
                                   + ": the folder does not hold exactly this clip's frames");
    }
    if (names.size() > clip.frameMeta.size())
        return fail(error, clip.path + " holds " + std::to_string(names.size()) + " images, but the clip has "
                               + std::to_string(clip.frameMeta.size())
                               + " frames: the folder does not hold exactly this clip's frames");
    return true;
}

int clipFrames(const core::Clip &clip)
{
    const int n = clip.frameMeta.empty() ? clip.effectiveFrameCount() : int(clip.frameMeta.size());
    return std::max(1, n);
}

} // namespace

std::string clipLabel(const core::Clip &clip)
{
    const std::string name = clip.name.empty() ? clip.path : clip.name;
    return name + " (video " + std::to_string(clip.videoId) + ")";
}

bool clipHasLabels(const core::Clip &clip)
{
    for (const auto &[f, list] : clip.frames)
        for (const core::Instance &inst : list)
            for (const core::Keypoint &kp : inst.keypoints)
                if (kp.isLabelled() && core::isUserLabel(kp.source))
                    return true;
    return false;
}

bool selectClips(const core::Project &project, const std::string &text, std::vector<std::size_t> *clips,
                 std::string *error)
{
    clips->clear();
    const std::string all = trimmed(text);
    std::set<std::size_t> chosen;
    if (all.empty() || all == "all") {
        for (std::size_t i = 0; i < project.clips.size(); ++i)
            clips->push_back(i);
        return true;
    }
    std::size_t start = 0;
    while (start <= all.size()) {
        const std::size_t comma = std::min(all.find(',', start), all.size());
        const std::string item = trimmed(all.substr(start, comma - start));
        start = comma + 1;
        if (item.empty())
            continue;
        bool found = false;
        for (std::size_t i = 0; i < project.clips.size(); ++i)
            if (project.clips[i].name == item) {
                chosen.insert(i);
                found = true;
            }
        if (!found) {
            long long lo = wholeNumber(item), hi = lo;
            const auto dash = item.find('-', 1);
            if (lo < 0 && dash != std::string::npos) {
                lo = wholeNumber(trimmed(item.substr(0, dash)));
                hi = wholeNumber(trimmed(item.substr(dash + 1)));
                if (lo < 0 || hi < 0)
                    lo = -1;
                else if (hi < lo)
                    return fail(error, "--clips " + item + ": the range is backwards (write " + std::to_string(hi) + "-"
                                           + std::to_string(lo) + ")");
            }
            if (lo >= 0)
                for (std::size_t i = 0; i < project.clips.size(); ++i)
                    if (project.clips[i].videoId >= lo && project.clips[i].videoId <= hi) {
                        chosen.insert(i);
                        found = true;
                    }
        }
        if (!found) {
            std::string known = "the dataset has no clips";
            if (!project.clips.empty()) {
                int lo = project.clips.front().videoId, hi = lo;
                for (const core::Clip &c : project.clips) {
                    lo = std::min(lo, c.videoId);
                    hi = std::max(hi, c.videoId);
                }
                known = "the dataset's video ids are " + std::to_string(lo) + ".." + std::to_string(hi)
                    + "; names like \"" + project.clips.front().name + "\"";
            }
            return fail(error, "--clips: no clip is \"" + item + "\" (" + known + ")");
        }
        if (comma >= all.size())
            break;
    }
    clips->assign(chosen.begin(), chosen.end());
    return true;
}

bool parseShard(const std::string &text, Shard *shard, std::string *error)
{
    const auto slash = text.find('/');
    const long long i = slash == std::string::npos ? -1 : wholeNumber(trimmed(text.substr(0, slash)));
    const long long n = slash == std::string::npos ? -1 : wholeNumber(trimmed(text.substr(slash + 1)));
    if (i < 0 || n <= 0 || i >= n || n > 1000000)
        return fail(error, "--shard needs I/N with 0 <= I < N (part I of N, counted from 0), not '" + text + "'");
    shard->index = int(i);
    shard->count = int(n);
    return true;
}

std::vector<std::size_t> shardClips(const core::Project &project, const std::vector<std::size_t> &clips, Shard shard)
{
    if (shard.count <= 1)
        return clips;
    long long total = 0;
    for (std::size_t c : clips)
        total += clipFrames(project.clips[c]);
    std::vector<std::size_t> part;
    long long before = 0;
    for (std::size_t c : clips) {
        const long long frames = clipFrames(project.clips[c]);
        // The clip's middle, in half frames, so that equal clips split evenly without rounding drift.
        const long long middle2 = 2 * before + frames;
        const long long which = std::min<long long>(shard.count - 1, shard.count * middle2 / (2 * total));
        if (which == shard.index)
            part.push_back(c);
        before += frames;
    }
    return part;
}

int BatchResult::count(ClipResult::Status s) const
{
    return int(std::count_if(clips.begin(), clips.end(), [s](const ClipResult &r) { return r.status == s; }));
}

BatchResult runBatchPropagation(const core::Project &project, const std::vector<std::size_t> &clips,
                                const TrackerMaker &makeTracker, const BatchOptions &options,
                                const BatchProgressFn &progress, const std::atomic_bool &cancel,
                                const ClipDoneFn &onClipDone)
{
    const auto started = Clock::now();
    BatchResult result;
    const std::size_t n = clips.size();
    result.clips.resize(n);
    std::vector<double> weight(n);
    double totalWeight = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        const core::Clip &c = project.clips.at(clips[k]);
        ClipResult &r = result.clips[k];
        r.clipIndex = clips[k];
        r.name = c.name.empty() ? c.path : c.name;
        r.videoId = c.videoId;
        weight[k] = clipFrames(c);
        totalWeight += weight[k];
    }
    int jobs = options.jobs > 0 ? options.jobs : int(std::max(1u, std::thread::hardware_concurrency()));
    jobs = int(std::min<std::size_t>(std::size_t(jobs), std::max<std::size_t>(n, 1)));
    result.jobs = jobs;

    // Shared between the workers and this thread, all under m except the per-clip fractions.
    std::mutex m;
    std::condition_variable wake;
    std::size_t next = 0;
    int running = 0, workersLeft = jobs;
    std::deque<std::size_t> finished;
    std::unique_ptr<std::atomic<double>[]> fraction(new std::atomic<double>[std::max<std::size_t>(n, 1)]);
    for (std::size_t k = 0; k < n; ++k)
        fraction[k] = 0.0;

    auto runClip = [&](std::size_t k, core::Clip clip, std::unique_ptr<PointTracker> *tracker) {
        ClipResult &r = result.clips[k];
        if (!clipHasLabels(clip)) {
            r.status = ClipResult::Status::Skipped;
            r.error = "no labels to propagate from";
            return;
        }
        std::string error;
        if (!options.open && !checkFolderFrames(clip, &error)) {
            r.status = ClipResult::Status::Failed;
            r.error = error;
            return;
        }
        if (!*tracker) {
            *tracker = makeTracker ? makeTracker(&error) : nullptr;
            if (!*tracker) {
                r.status = ClipResult::Status::Failed;
                r.error = error.empty() ? "no tracker" : error;
                return;
            }
        }
        TrackingInput input;
        input.categories = project.categories;
        input.extrapolate = options.extrapolate;
        input.refine = options.refine;
        const std::string path = clip.path;
        input.clip = std::move(clip);
        const core::Clip &mine = input.clip;
        const FrameSourceOpener opener = [&](const std::string &, std::string *err) -> std::unique_ptr<core::FrameSource> {
            return options.open ? options.open(mine, err) : core::openClipFrames(mine, err);
        };
        const ProgressFn clipProgress = [&](const Progress &p) {
            if (p.total > 0)
                fraction[k] = std::clamp(double(p.done) / double(p.total), 0.0, 1.0);
        };
        // runPropagation copies the input; the copy here is what the opener reads.
        const bool ok = runPropagation(**tracker, path, input, clipProgress, cancel, &r.output, &error, &r.stats, opener);
        if (ok)
            r.status = ClipResult::Status::Done;
        else if (cancel.load())
            r.status = ClipResult::Status::Cancelled;
        else {
            r.status = ClipResult::Status::Failed;
            r.error = error;
        }
    };

    auto worker = [&] {
        std::unique_ptr<PointTracker> tracker;
        for (;;) {
            std::size_t k = 0;
            core::Clip clip;
            {
                std::lock_guard<std::mutex> lock(m);
                if (cancel.load() || next >= n)
                    break;
                k = next++;
                clip = project.clips[clips[k]];
                ++running;
            }
            try {
                runClip(k, std::move(clip), &tracker);
            } catch (const std::exception &e) {
                result.clips[k].status = ClipResult::Status::Failed;
                result.clips[k].error = std::string("failed: ") + e.what();
            } catch (...) {
                result.clips[k].status = ClipResult::Status::Failed;
                result.clips[k].error = "failed with an unknown error";
            }
            fraction[k] = 1.0;
            {
                std::lock_guard<std::mutex> lock(m);
                --running;
                finished.push_back(k);
            }
            wake.notify_all();
        }
        {
            std::lock_guard<std::mutex> lock(m);
            --workersLeft;
        }
        wake.notify_all();
    };

    std::vector<std::thread> threads;
    threads.reserve(std::size_t(jobs));
    for (int j = 0; j < jobs && n > 0; ++j)
        threads.emplace_back(worker);
    if (n == 0)
        workersLeft = 0;

    int done = 0, failed = 0, skipped = 0;
    auto lastReport = Clock::now() - std::chrono::hours(1);
    const auto interval = std::chrono::milliseconds(std::max(1, options.progressIntervalMs));
    for (;;) {
        std::deque<std::size_t> ready;
        bool over = false;
        int inFlight = 0;
        {
            std::unique_lock<std::mutex> lock(m);
            wake.wait_for(lock, std::min<Clock::duration>(interval, std::chrono::milliseconds(50)),
                          [&] { return !finished.empty() || workersLeft == 0; });
            ready.swap(finished);
            over = workersLeft == 0 && finished.empty();
            inFlight = running;
        }
        for (std::size_t k : ready) {
            ClipResult &r = result.clips[k];
            ++done;
            failed += r.status == ClipResult::Status::Failed ? 1 : 0;
            skipped += r.status == ClipResult::Status::Skipped ? 1 : 0;
            if (onClipDone)
                onClipDone(r);
            if (!options.keepOutputs)
                TrackingOutput().swap(r.output);
        }
        const auto now = Clock::now();
        if (progress && (over || now - lastReport >= interval)) {
            lastReport = now;
            BatchProgress p;
            p.clipsDone = done;
            p.clipsFailed = failed;
            p.clipsSkipped = skipped;
            p.clipsTotal = int(n);
            p.clipsRunning = over ? 0 : inFlight;
            double w = 0.0;
            for (std::size_t k = 0; k < n; ++k)
                w += weight[k] * fraction[k].load();
            p.fraction = over && !cancel.load() ? 1.0 : totalWeight > 0 ? std::min(1.0, w / totalWeight) : 1.0;
            p.secondsElapsed = std::chrono::duration<double>(now - started).count();
            if (p.fraction >= 1.0)
                p.secondsLeft = 0.0;
            else if (p.fraction > 0.0 && p.secondsElapsed > 0.5)
                p.secondsLeft = p.secondsElapsed * (1.0 - p.fraction) / p.fraction;
            progress(p);
        }
        if (over)
            break;
    }
    for (std::thread &t : threads)
        t.join();
    result.cancelled = cancel.load();
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return result;
}

int mergeBatchResult(core::Project *project, const BatchResult &result, bool refine)
{
    int changed = 0;
    for (const ClipResult &r : result.clips)
        if (r.ok() && r.clipIndex < project->clips.size())
            changed += mergeTrackingOutput(&project->clips[r.clipIndex], r.output, refine);
    return changed;
}

} // namespace paddock::tracking
