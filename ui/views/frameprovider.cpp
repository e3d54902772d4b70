// SPDX-License-Identifier: Apache-2.0
#include "ui/views/frameprovider.h"

#include "core/video/clipframes.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace paddock::ui {

namespace {
constexpr std::size_t kConvertedFrames = 12;
// Frames around the current one that the worker converts for display before they are asked for.
constexpr int kPrepareAhead[] = {1, 2, 3, -1, 4};
}

FrameProvider::FrameProvider(QObject *parent)
    : QObject(parent)
{
}

FrameProvider::~FrameProvider()
{
    close();
}

bool FrameProvider::open(const QString &path, QString *error)
{
    const std::string p = path.toStdString();
    return open([p](std::string *e) { return core::FrameSource::open(p, e); }, path, error);
}

bool FrameProvider::open(const core::Clip &clip, QString *error)
{
    // The clip's own frames: an image-list clip is its files, not the folder it shares with other clips.
    auto frames = std::make_shared<const core::Clip>(core::clipFramesOnly(clip));
    return open([frames](std::string *e) { return core::openClipFrames(*frames, e); },
                QString::fromStdString(clip.path), error);
}

bool FrameProvider::open(const std::function<std::unique_ptr<core::FrameSource>(std::string *)> &opener,
                         const QString &path, QString *error)
{
    close();
    core::FrameCache::Options options;
    options.readAheadForward = 16;
    options.readAheadBackward = 4;
    std::string err;
    if (!mCache.open(opener, options, &err)) {
        if (error)
            *error = QString::fromStdString(err);
        return false;
    }
    mPath = path;
    mOpen = true;
    mStop = false;
    mWanted = -1;
    mThread = std::thread([this] { run(); });
    return true;
}

void FrameProvider::close()
{
    if (mThread.joinable()) {
        {
            std::lock_guard<std::mutex> lock(mMutex);
            mStop = true;
        }
        mWake.notify_all();
        mThread.join();
    }
    {
        std::lock_guard<std::mutex> lock(mImagesMutex);
        mImages.clear();
        mImageOrder.clear();
        mScaled.clear();
    }
    mOpen = false;
    mPath.clear();
}

QImage FrameProvider::toImage(const core::VideoFrame &frame)
{
    QImage wrapped(reinterpret_cast<const uchar *>(frame.rgb.constData()), frame.width, frame.height,
                   frame.width * 3, QImage::Format_RGB888);
    // RGB32 paints without a conversion on every repaint.
    return wrapped.convertToFormat(QImage::Format_RGB32);
}

void FrameProvider::remember(int index, const QImage &image) const
{
    std::lock_guard<std::mutex> lock(mImagesMutex);
    mImages[index] = image;
    mImageOrder.erase(std::remove(mImageOrder.begin(), mImageOrder.end(), index), mImageOrder.end());
    mImageOrder.push_back(index);
    while (mImageOrder.size() > kConvertedFrames) {
        mImages.erase(mImageOrder.front());
        mImageOrder.erase(mImageOrder.begin());
    }
}

QImage FrameProvider::cachedConverted(int index) const
{
    std::lock_guard<std::mutex> lock(mImagesMutex);
    auto it = mImages.find(index);
    return it == mImages.end() ? QImage() : it->second;
}

QImage FrameProvider::cached(int index) const
{
    {
        std::lock_guard<std::mutex> lock(mImagesMutex);
        auto it = mImages.find(index);
        if (it != mImages.end())
            return it->second;
    }
    core::VideoFrame frame;
    if (!mOpen || !mCache.peek(index, &frame) || frame.isNull())
        return QImage();
    QImage img = toImage(frame);
    remember(index, img);
    return img;
}

void FrameProvider::request(int index)
{
    const int n = info().frameCount;
    if (!mOpen || index < 0 || (n > 0 && index >= n))
        return;
    mCache.setCurrent(index);
    {
        std::lock_guard<std::mutex> lock(mMutex);
        mCurrent = index;
        if (!mCache.contains(index))
            mWanted = index;
    }
    mWake.notify_all();
}

QImage FrameProvider::frameNow(int index, QString *error)
{
    QImage img = cached(index);
    if (!img.isNull() || !mOpen)
        return img;
    core::VideoFrame frame;
    std::string err;
    if (!mCache.get(index, &frame, &err)) {
        if (error)
            *error = QString::fromStdString(err);
        return QImage();
    }
    img = toImage(frame);
    remember(index, img);
    return img;
}

bool FrameProvider::isConverted(int index) const
{
    std::lock_guard<std::mutex> lock(mImagesMutex);
    return mImages.count(index) > 0 && (mPrescale <= 0.0 || mScaled.count(index) > 0);
}

void FrameProvider::setPrescale(double scale)
{
    std::lock_guard<std::mutex> lock(mImagesMutex);
    if (scale == mPrescale)
        return;
    mPrescale = scale;
    mScaled.clear();
}

QImage FrameProvider::prescaled(int index, double scale) const
{
    std::lock_guard<std::mutex> lock(mImagesMutex);
    if (scale != mPrescale)
        return QImage();
    auto it = mScaled.find(index);
    return it == mScaled.end() ? QImage() : it->second;
}

void FrameProvider::prepareScaled(int index, const QImage &full)
{
    double scale = 0.0;
    {
        std::lock_guard<std::mutex> lock(mImagesMutex);
        scale = mPrescale;
        if (scale <= 0.0 || mScaled.count(index))
            return;
    }
    const QImage scaled = full.scaled(std::max(1, int(std::lround(full.width() * scale))),
                                      std::max(1, int(std::lround(full.height() * scale))), Qt::IgnoreAspectRatio,
                                      Qt::SmoothTransformation);
    std::lock_guard<std::mutex> lock(mImagesMutex);
    if (scale != mPrescale)
        return; // the view zoomed meanwhile
    mScaled[index] = scaled;
    // Keep the scaled frames that still have a full-size one.
    for (auto it = mScaled.begin(); it != mScaled.end();)
        it = mImages.count(it->first) ? std::next(it) : mScaled.erase(it);
}

void FrameProvider::run()
{
    core::VideoFrame frame;
    const int n = info().frameCount;
    for (;;) {
        int target = -1;
        int current = -1;
        {
            std::unique_lock<std::mutex> lock(mMutex);
            // Wake for a wanted frame at once; otherwise look around every few ms for frames the cache's
            // read-ahead has decoded, and convert them before the user steps there.
            mWake.wait_for(lock, std::chrono::milliseconds(10), [&] { return mStop || mWanted >= 0; });
            if (mStop)
                return;
            target = std::exchange(mWanted, -1);
            current = mCurrent;
        }
        if (target >= 0) {
            std::string err;
            if (mCache.get(target, &frame, &err)) {
                const QImage img = toImage(frame);
                remember(target, img);
                prepareScaled(target, img);
                QMetaObject::invokeMethod(this, [this, target] { Q_EMIT frameReady(target); }, Qt::QueuedConnection);
            } else {
                const QString msg = QString::fromStdString(err);
                QMetaObject::invokeMethod(this, [this, target, msg] { Q_EMIT readFailed(target, msg); },
                                          Qt::QueuedConnection);
            }
            continue;
        }
        if (current < 0)
            continue;
        for (int offset : kPrepareAhead) {
            const int f = current + offset;
            if (f < 0 || (n > 0 && f >= n) || isConverted(f))
                continue;
            QImage img = cachedConverted(f);
            if (img.isNull() && mCache.peek(f, &frame) && !frame.isNull()) {
                img = toImage(frame);
                remember(f, img);
            }
            if (!img.isNull())
                prepareScaled(f, img);
            std::lock_guard<std::mutex> lock(mMutex);
            if (mWanted >= 0 || mStop)
                break;
        }
    }
}

} // namespace paddock::ui
