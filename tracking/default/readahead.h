// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <opencv2/core/mat.hpp>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace paddock::tracking::defaulttracker {

/**
 * Reads frames first..last in order on a thread of its own, at most \a capacity ahead of the one taken. The
 * reader stops at the first frame that cannot be read, when \a cancel is set, or at \a last; next() never waits
 * on a reader that has stopped: past the frames it read, it answers false with the read error, or "cancelled".
 */
class ReadAhead
{
public:
    using Reader = std::function<bool(int, cv::Mat *, std::string *)>;
    ReadAhead(std::size_t capacity, int first, int last, Reader read, const std::atomic_bool &cancel);
    ~ReadAhead();
    ReadAhead(const ReadAhead &) = delete;
    ReadAhead &operator=(const ReadAhead &) = delete;

    /** The next frame in order; false with \a error when it could not be read or reading was cancelled. */
    bool next(cv::Mat *gray, std::string *error);

private:
    void loop(int first, int last);

    std::size_t mCapacity;
    Reader mRead;
    const std::atomic_bool &mCancel;
    std::mutex mMutex;
    std::condition_variable mChanged;
    std::deque<cv::Mat> mQueue;
    bool mStop = false;     // the owner is going away
    bool mFinished = false; // the reader has stopped, for whatever reason
    std::string mError;     // why, when it stopped short
    std::thread mThread;
};

} // namespace paddock::tracking::defaulttracker
