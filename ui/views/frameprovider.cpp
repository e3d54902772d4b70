// SPDX-License-Identifier: Apache-2.0
#include "ui/views/frameprovider.h"

#include <algorithm>

namespace paddock::ui {

namespace {
constexpr std::size_t kConvertedFrames = 8;
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
    close();
    core::FrameCache::Options options;
    options.readAheadForward = 16;
    options.readAheadBackward = 4;
    std::string err;
    if (!mCache.open(path.toStdString(), options, &err)) {
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
    mImages.clear();
    mImageOrder.clear();
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
    mImages[index] = image;
    mImageOrder.erase(std::remove(mImageOrder.begin(), mImageOrder.end(), index), mImageOrder.end());
    mImageOrder.push_back(index);
    while (mImageOrder.size() > kConvertedFrames) {
        mImages.erase(mImageOrder.front());
        mImageOrder.erase(mImageOrder.begin());
    }
}

QImage FrameProvider::cached(int index) const
{
    auto it = mImages.find(index);
    if (it != mImages.end())
        return it->second;
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
    if (mCache.contains(index))
        return;
    {
        std::lock_guard<std::mutex> lock(mMutex);
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

void FrameProvider::run()
{
    core::VideoFrame frame;
    for (;;) {
        int target = -1;
        {
            std::unique_lock<std::mutex> lock(mMutex);
            mWake.wait(lock, [&] { return mStop || mWanted >= 0; });
            if (mStop)
                return;
            target = std::exchange(mWanted, -1);
        }
        std::string err;
        if (mCache.get(target, &frame, &err)) {
            QMetaObject::invokeMethod(this, [this, target] { Q_EMIT frameReady(target); }, Qt::QueuedConnection);
        } else {
            const QString msg = QString::fromStdString(err);
            QMetaObject::invokeMethod(this, [this, target, msg] { Q_EMIT readFailed(target, msg); },
                                      Qt::QueuedConnection);
        }
    }
}

} // namespace paddock::ui
