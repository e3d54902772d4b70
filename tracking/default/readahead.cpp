// SPDX-License-Identifier: Apache-2.0
#include "tracking/default/readahead.h"

namespace paddock::tracking::defaulttracker {

ReadAhead::ReadAhead(std::size_t capacity, int first, int last, Reader read, const std::atomic_bool &cancel)
    : mCapacity(capacity < 1 ? 1 : capacity), mRead(std::move(read)), mCancel(cancel)
{
    if (first <= last) {
        mThread = std::thread([this, first, last] { loop(first, last); });
    } else {
        mFinished = true;
        mError = "no frames to read";
    }
}

ReadAhead::~ReadAhead()
{
    {
        const std::lock_guard<std::mutex> lock(mMutex);
        mStop = true;
    }
    mChanged.notify_all();
    if (mThread.joinable())
        mThread.join();
}

bool ReadAhead::next(cv::Mat *gray, std::string *error)
{
    std::unique_lock<std::mutex> lock(mMutex);
    mChanged.wait(lock, [this] { return !mQueue.empty() || mFinished; });
    if (mQueue.empty()) {
        if (error)
            *error = mError.empty() ? std::string("no more frames") : mError;
        return false;
    }
    *gray = std::move(mQueue.front());
    mQueue.pop_front();
    lock.unlock();
    mChanged.notify_all();
    return true;
}

void ReadAhead::loop(int first, int last)
{
    // Whatever way this returns, next() must learn of it: a consumer waiting on a reader that quietly went away
    // would wait for ever (a cancelled Propagate All hung exactly so).
    auto finish = [this](std::string why) {
        {
            const std::lock_guard<std::mutex> lock(mMutex);
            mFinished = true;
            mError = std::move(why);
        }
        mChanged.notify_all();
    };
    for (int f = first; f <= last; ++f) {
        {
            std::unique_lock<std::mutex> lock(mMutex);
            mChanged.wait(lock, [this] { return mStop || mQueue.size() < mCapacity || mCancel.load(); });
            if (mStop)
                return;
        }
        if (mCancel.load())
            return finish("cancelled");
        cv::Mat g;
        std::string err;
        if (!mRead(f, &g, &err))
            return finish(err.empty() ? "frame " + std::to_string(f) + " could not be read" : err);
        {
            const std::lock_guard<std::mutex> lock(mMutex);
            mQueue.push_back(std::move(g));
        }
        mChanged.notify_all();
    }
    finish(std::string());
}

} // namespace paddock::tracking::defaulttracker
