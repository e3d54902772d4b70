// SPDX-License-Identifier: Apache-2.0
#include "core/video/framecache.h"

#include "core/model/project.h"
#include "core/video/clipframes.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace paddock::core {

struct FrameCache::Private
{
    struct Entry
    {
        VideoFrame frame;
        std::list<int>::iterator lru;
    };

    Options options;
    VideoInfo info;
    std::size_t frameBytes = 0;

    std::mutex sourceMutex;                   // guards source (used by get() callers)
    std::unique_ptr<FrameSource> source;
    std::unique_ptr<FrameSource> aheadSource; // created and used only by the worker thread
    std::function<std::unique_ptr<FrameSource>(std::string *)> reopen; ///< opens the clip again (read-ahead thread)

    mutable std::mutex mutex; // guards everything below
    std::condition_variable workCv;
    mutable std::condition_variable changedCv; // a frame arrived or the worker went idle
    std::unordered_map<int, Entry> frames;
    std::list<int> lru; // most recent first
    std::size_t bytes = 0;
    Stats stats;
    int current = -1;
    std::uint64_t generation = 0;     // bumped when the current frame moves
    std::uint64_t doneGeneration = 0; // the last generation whose window the worker finished
    int inFlight = -1;                // frame the worker is decoding now
    bool stop = false;
    bool readAheadFailed = false; // the worker could not open its own source: get() decodes on misses only
    std::string aheadError;
    std::thread worker;

    void touchLocked(Entry &e) { lru.splice(lru.begin(), lru, e.lru); }

    /** Adds a frame; evicted frames go to \a evicted, to be freed after the lock is released. */
    void insertLocked(VideoFrame frame, std::vector<VideoFrame> *evicted)
    {
        auto it = frames.find(frame.index);
        if (it != frames.end()) {
            touchLocked(it->second);
            return;
        }
        const int index = frame.index;
        bytes += static_cast<std::size_t>(frame.rgb.size());
        lru.push_front(index);
        frames.emplace(index, Entry{std::move(frame), lru.begin()});
        evictLocked(evicted);
    }

    // Freeing a multi-megabyte frame can take milliseconds on a loaded machine, so victims are handed back
    // and destroyed outside the lock; otherwise a get() of a cached frame would wait for it.
    void evictLocked(std::vector<VideoFrame> *evicted)
    {
        while (bytes > options.memoryLimitBytes && lru.size() > 1) { // the newest frame always stays
            const int victim = lru.back();
            lru.pop_back();
            auto it = frames.find(victim);
            bytes -= static_cast<std::size_t>(it->second.frame.rgb.size());
            evicted->push_back(std::move(it->second.frame));
            frames.erase(it);
            ++stats.evictions;
        }
    }

    /** The frames to read ahead around \a cur, nearest first, trimmed to what the memory limit holds. */
    std::vector<int> windowFor(int cur) const
    {
        std::vector<int> out;
        const std::size_t fit = frameBytes ? options.memoryLimitBytes / frameBytes : 0;
        const std::size_t budget = fit > 1 ? fit - 1 : 0; // the current frame needs room too
        const int maxOff = std::max(options.readAheadForward, options.readAheadBackward);
        for (int off = 1; off <= maxOff && out.size() < budget; ++off) {
            if (off <= options.readAheadForward && cur + off < info.frameCount)
                out.push_back(cur + off);
            if (off <= options.readAheadBackward && cur - off >= 0 && out.size() < budget)
                out.push_back(cur - off);
        }
        // Ascending order decodes the window in one pass from one keyframe instead of seeking back and forth.
        std::sort(out.begin(), out.end());
        return out;
    }

    void run()
    {
        // One source per thread, opened here rather than in open() so that open() returns at once.
        // clone() only reads the main source's immutable frame index.
        std::string openError;
        aheadSource = source->clone(&openError);
        if (!aheadSource)
            aheadSource = reopen(&openError);
        std::unique_lock<std::mutex> lock(mutex);
        if (!aheadSource) {
            aheadError = openError;
            doneGeneration = generation;
            readAheadFailed = true;
            changedCv.notify_all();
            return;
        }
        while (!stop) {
            if (generation == doneGeneration) {
                workCv.wait(lock, [this] { return stop || generation != doneGeneration; });
                continue;
            }
            const std::uint64_t gen = generation;
            const std::vector<int> window = windowFor(current);
            for (int index : window) {
                if (stop || generation != gen)
                    break;
                auto it = frames.find(index);
                if (it != frames.end()) {
                    touchLocked(it->second);
                    continue;
                }
                inFlight = index;
                lock.unlock();
                VideoFrame frame;
                std::string error;
                const bool ok = aheadSource->read(index, &frame, &error);
                lock.lock();
                inFlight = -1;
                std::vector<VideoFrame> evicted;
                if (ok) {
                    ++stats.readAheadDecoded;
                    insertLocked(std::move(frame), &evicted);
                    // Keep the current frame from being evicted by its own window.
                    auto cur = frames.find(current);
                    if (cur != frames.end())
                        touchLocked(cur->second);
                } else {
                    aheadError = error;
                }
                changedCv.notify_all();
                if (!evicted.empty()) {
                    lock.unlock();
                    evicted.clear();
                    lock.lock();
                }
            }
            if (generation == gen)
                doneGeneration = gen;
            changedCv.notify_all();
        }
    }

    void shutdown()
    {
        {
            std::lock_guard<std::mutex> lock(mutex);
            stop = true;
        }
        workCv.notify_all();
        if (worker.joinable())
            worker.join();
    }
};

FrameCache::FrameCache() : d(std::make_unique<Private>()) {}

FrameCache::~FrameCache()
{
    d->shutdown();
}

bool FrameCache::open(const std::string &path, std::string *error)
{
    return open(path, Options(), error);
}

bool FrameCache::open(const std::string &path, const Options &options, std::string *error)
{
    return open([path](std::string *e) { return FrameSource::open(path, e); }, options, error);
}

bool FrameCache::open(const Clip &clip, const Options &options, std::string *error)
{
    // The frames only (no labels), for the read-ahead thread's own source.
    Clip frames = clipFramesOnly(clip);
    return open([frames](std::string *e) { return openClipFrames(frames, e); }, options, error);
}

bool FrameCache::open(const std::function<std::unique_ptr<FrameSource>(std::string *)> &opener, const Options &options,
                      std::string *error)
{
    d->shutdown();
    d = std::make_unique<Private>(); // a failed open leaves an empty, closed cache
    auto fresh = std::make_unique<Private>();
    fresh->options = options;
    fresh->source = opener(error);
    if (!fresh->source)
        return false;
    fresh->info = fresh->source->info();
    fresh->frameBytes = static_cast<std::size_t>(fresh->info.width) * fresh->info.height * 3;
    fresh->reopen = opener;
    if (options.readAhead && (options.readAheadForward > 0 || options.readAheadBackward > 0)) {
        Private *p = fresh.get();
        fresh->worker = std::thread([p] { p->run(); });
    }
    d = std::move(fresh);
    return true;
}

bool FrameCache::isOpen() const
{
    return d->source != nullptr;
}

const VideoInfo &FrameCache::info() const
{
    return d->info;
}

bool FrameCache::get(int index, VideoFrame *out, std::string *error)
{
    if (!d->source) {
        if (error)
            *error = "no clip is open";
        return false;
    }
    {
        std::unique_lock<std::mutex> lock(d->mutex);
        // If the worker is decoding this very frame, wait for it rather than decode it twice.
        d->changedCv.wait(lock, [&] { return d->inFlight != index || d->stop; });
        auto it = d->frames.find(index);
        if (it != d->frames.end()) {
            ++d->stats.hits;
            d->touchLocked(it->second);
            if (out)
                *out = it->second.frame;
            lock.unlock();
            setCurrent(index);
            return true;
        }
        ++d->stats.misses;
    }
    VideoFrame frame;
    {
        std::lock_guard<std::mutex> lock(d->sourceMutex);
        if (!d->source->read(index, &frame, error))
            return false;
    }
    std::vector<VideoFrame> evicted;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->insertLocked(frame, &evicted);
    }
    evicted.clear();
    setCurrent(index);
    if (out)
        *out = std::move(frame);
    return true;
}

bool FrameCache::peek(int index, VideoFrame *out) const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    auto it = d->frames.find(index);
    if (it == d->frames.end())
        return false;
    if (out)
        *out = it->second.frame;
    return true;
}

bool FrameCache::contains(int index) const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->frames.count(index) != 0;
}

void FrameCache::setCurrent(int index)
{
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        if (index == d->current || index < 0 || index >= d->info.frameCount)
            return;
        d->current = index;
        ++d->generation;
        if (!d->worker.joinable() || d->readAheadFailed)
            d->doneGeneration = d->generation;
    }
    d->workCv.notify_all();
}

void FrameCache::setMemoryLimit(std::size_t bytes)
{
    std::vector<VideoFrame> evicted;
    std::lock_guard<std::mutex> lock(d->mutex);
    d->options.memoryLimitBytes = bytes;
    d->evictLocked(&evicted);
}

std::size_t FrameCache::memoryLimit() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->options.memoryLimitBytes;
}

FrameCache::Stats FrameCache::stats() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    Stats s = d->stats;
    s.bytes = d->bytes;
    s.frames = static_cast<int>(d->frames.size());
    return s;
}

std::string FrameCache::lastReadAheadError() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->aheadError;
}

bool FrameCache::waitForReadAhead(int timeoutMs) const
{
    std::unique_lock<std::mutex> lock(d->mutex);
    return d->changedCv.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                 [this] { return d->doneGeneration == d->generation || d->stop || d->readAheadFailed; });
}

void FrameCache::clear()
{
    std::unordered_map<int, Private::Entry> dropped; // freed after the lock is released
    std::lock_guard<std::mutex> lock(d->mutex);
    dropped.swap(d->frames);
    d->lru.clear();
    d->bytes = 0;
    d->current = -1; // the next get() or setCurrent() refills the window
}

} // namespace paddock::core
