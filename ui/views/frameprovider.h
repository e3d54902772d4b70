// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/video/framecache.h"

#include <QImage>
#include <QObject>

#include <condition_variable>
#include <functional>
#include <map>
#include <vector>
#include <memory>
#include <mutex>
#include <thread>

namespace paddock::ui {

/**
 * Frames of the open clip for the views: core::FrameCache decodes and reads ahead; this adds a
 * background fetch of the wanted frame with a frameReady() signal and keeps the last few frames as
 * display-ready QImages.
 */
class FrameProvider : public QObject
{
    Q_OBJECT

public:
    explicit FrameProvider(QObject *parent = nullptr);
    ~FrameProvider() override;

    /** Opens a video or image folder; false with a message naming the file on failure. */
    bool open(const QString &path, QString *error);
    /** Opens \a clip's frames (core::openClipFrames: its image list, video or folder). */
    bool open(const core::Clip &clip, QString *error);
    void close();
    bool isOpen() const { return mOpen; }
    QString path() const { return mPath; }
    const core::VideoInfo &info() const { return mCache.info(); }

    /** The cached image of \a index, or a null image (ask with request()). GUI thread; never blocks on decoding. */
    QImage cached(int index) const;
    /** Asks for \a index first, then the frames after it (or before it when stepping backwards). */
    void request(int index);
    /** Decodes \a index now on the calling thread if it is not cached (tests, benchmarks). */
    QImage frameNow(int index, QString *error = nullptr);

    /**
     * Also prepare frames scaled by \a scale (device pixels per image pixel, 0: off) in the background, for a
     * view that shows them shrunk; prescaled() returns them. Changing the scale drops the prepared ones.
     */
    void setPrescale(double scale);
    QImage prescaled(int index, double scale) const;

    void setMemoryBudget(qint64 bytes) { mCache.setMemoryLimit(std::size_t(bytes)); }
    core::FrameCache &frameCache() { return mCache; }

Q_SIGNALS:
    /** A frame finished decoding (emitted on the GUI thread). */
    void frameReady(int index);
    void readFailed(int index, const QString &message);

private:
    bool open(const std::function<std::unique_ptr<core::FrameSource>(std::string *)> &opener, const QString &path,
              QString *error);
    void run();
    static QImage toImage(const core::VideoFrame &frame);
    void remember(int index, const QImage &image) const;
    bool isConverted(int index) const;
    QImage cachedConverted(int index) const;
    void prepareScaled(int index, const QImage &full);

    QString mPath;
    bool mOpen = false;
    core::FrameCache mCache;
    mutable std::mutex mImagesMutex;
    mutable std::map<int, QImage> mImages; // display-ready frames around the current one
    mutable std::vector<int> mImageOrder;
    std::map<int, QImage> mScaled; // frames shrunk for the view (mImagesMutex)
    double mPrescale = 0.0;
    std::thread mThread;
    std::mutex mMutex;
    std::condition_variable mWake;
    int mWanted = -1;
    int mCurrent = -1;
    bool mStop = false;
};

} // namespace paddock::ui
