// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/video/framesource.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace paddock::core {

class Clip;

/**
 * Decoded frames of one clip in a byte-bounded LRU cache, with a background thread that reads ahead
 * around the current frame, so stepping one frame forward or back is a cache hit. Thread-safe.
 */
class FrameCache
{
public:
    struct Options
    {
        std::size_t memoryLimitBytes = std::size_t(512) << 20; ///< decoded RGB bytes kept at most
        int readAheadForward = 12;  ///< frames after the current one to decode in the background
        int readAheadBackward = 2;  ///< frames before the current one
        bool readAhead = true;      ///< false: no background thread, get() decodes on a miss only
    };

    /** Counters since open(), for tests, benchmarks and the status bar. */
    struct Stats
    {
        std::int64_t hits = 0;
        std::int64_t misses = 0;
        std::int64_t readAheadDecoded = 0; ///< frames the background thread decoded
        std::int64_t evictions = 0;
        std::size_t bytes = 0;             ///< bytes held now
        int frames = 0;                    ///< frames held now
    };

    FrameCache();
    ~FrameCache(); ///< stops and joins the read-ahead thread
    FrameCache(const FrameCache &) = delete;
    FrameCache &operator=(const FrameCache &) = delete;

    /** Opens a clip (video file or image folder). False with a message naming the file on failure. */
    bool open(const std::string &path, std::string *error);
    bool open(const std::string &path, const Options &options, std::string *error);
    /** Opens the frames of \a clip (core::openClipFrames: its image list, video or folder). */
    bool open(const Clip &clip, const Options &options, std::string *error);
    /** Opens the source \a opener gives; the read-ahead thread calls it again when the source cannot clone. */
    bool open(const std::function<std::unique_ptr<FrameSource>(std::string *)> &opener, const Options &options,
              std::string *error);
    bool isOpen() const;
    /** The clip's info; empty when nothing is open. */
    const VideoInfo &info() const;

    /**
     * Frame \a index: from the cache, or decoded now (blocking) on a miss. Makes \a index the current
     * frame, so the background thread reads ahead around it. False with a message on a decode error.
     */
    bool get(int index, VideoFrame *out, std::string *error);
    /** Frame \a index only if it is cached (no decoding, does not move the current frame). */
    bool peek(int index, VideoFrame *out) const;
    bool contains(int index) const;
    /** Moves the read-ahead window without decoding anything in this thread. */
    void setCurrent(int index);

    void setMemoryLimit(std::size_t bytes); ///< evicts at once if needed
    std::size_t memoryLimit() const;
    Stats stats() const;
    /** The last error the background thread met (empty when none). */
    std::string lastReadAheadError() const;
    /** Blocks until the background thread has filled the current window, or \a timeoutMs passes. */
    bool waitForReadAhead(int timeoutMs) const;
    /** Drops every cached frame (e.g. after the file changed on disk). */
    void clear();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace paddock::core
