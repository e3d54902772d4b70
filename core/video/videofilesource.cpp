// SPDX-License-Identifier: Apache-2.0
// Frame-exact access to video files through libavformat/libavcodec/libswscale.
#include "core/video/sources_p.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/log.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace paddock::core::detail {
namespace {

struct FormatCloser
{
    void operator()(AVFormatContext *c) const { avformat_close_input(&c); }
};
struct CodecFreer
{
    void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
struct PacketFreer
{
    void operator()(AVPacket *p) const { av_packet_free(&p); }
};
struct FrameFreer
{
    void operator()(AVFrame *f) const { av_frame_free(&f); }
};
struct SwsFreer
{
    void operator()(SwsContext *s) const { sws_freeContext(s); }
};
using FormatPtr = std::unique_ptr<AVFormatContext, FormatCloser>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecFreer>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;
using SwsPtr = std::unique_ptr<SwsContext, SwsFreer>;

/** Unreferences a packet when it leaves scope. */
struct PacketUnref
{
    AVPacket *p;
    ~PacketUnref() { av_packet_unref(p); }
};

std::string avError(int code)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(code, buf, sizeof buf) < 0)
        return "error " + std::to_string(code);
    return buf;
}

void setError(std::string *error, std::string message)
{
    if (error)
        *error = std::move(message);
}

int swsFlags(int width)
{
    // swscale's fast x86 YUV->RGB path handles widths that are not a multiple of 16 by reading past the
    // row into the decoder's padding, so the right-most pixels vary with decode history (random access
    // would then not equal sequential decoding). The accurate path is exact; the fast one is kept where safe.
    return (width % 16) ? (SWS_BILINEAR | SWS_ACCURATE_RND) : SWS_BILINEAR;
}

void quietFfmpegOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // We report every failure ourselves; FFmpeg's own log is only for debugging.
        av_log_set_level(std::getenv("PADDOCK_FFMPEG_LOG") ? AV_LOG_INFO : AV_LOG_QUIET);
    });
}

/** The demuxed layout of one video stream: every frame's pts in presentation order and its keyframe. */
struct FrameIndex
{
    std::string path;
    VideoInfo info;
    std::vector<int64_t> pts;      ///< per frame, ascending
    std::vector<int64_t> seekTs;   ///< per frame: timestamp to seek to when it is a keyframe
    std::vector<int> keyBefore;    ///< per frame: the keyframe at or before it
    bool countMode = false;        ///< no timestamps: frames are identified by decode order from the start
    int frameOf(int64_t ts) const
    {
        auto it = std::lower_bound(pts.begin(), pts.end(), ts);
        return (it != pts.end() && *it == ts) ? static_cast<int>(it - pts.begin()) : -1;
    }
};

/** An opened demuxer plus decoder for the best video stream. */
struct Contexts
{
    FormatPtr fmt;
    CodecPtr codec;
    int stream = -1;
};

bool openContexts(const std::string &path, Contexts *c, std::string *error)
{
    AVFormatContext *raw = nullptr;
    int ret = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
    if (ret < 0) {
        setError(error, path + ": cannot open as a video: " + avError(ret));
        return false;
    }
    c->fmt.reset(raw);
    // The probing decoders refuse frames above the size limit instead of allocating them.
    std::vector<AVDictionary *> probeOptions(c->fmt->nb_streams, nullptr);
    for (AVDictionary *&o : probeOptions)
        av_dict_set_int(&o, "max_pixels", kMaxFramePixels, 0);
    ret = avformat_find_stream_info(c->fmt.get(), probeOptions.empty() ? nullptr : probeOptions.data());
    for (AVDictionary *&o : probeOptions)
        av_dict_free(&o);
    if (ret < 0) {
        setError(error, path + ": cannot read the stream information: " + avError(ret));
        return false;
    }
    const AVCodec *decoder = nullptr;
    ret = av_find_best_stream(c->fmt.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (ret < 0) {
        setError(error, path + (ret == AVERROR_DECODER_NOT_FOUND ? ": no decoder for its video stream"
                                                                  : ": the file has no video stream"));
        return false;
    }
    c->stream = ret;
    for (unsigned i = 0; i < c->fmt->nb_streams; ++i)
        c->fmt->streams[i]->discard = static_cast<int>(i) == c->stream ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    AVStream *st = c->fmt->streams[c->stream];
    if (st->codecpar->width <= 0 || st->codecpar->height <= 0) {
        setError(error, path + ": the video stream has no usable frame size (missing, or above 8192 x 8192 pixels)");
        return false;
    }
    if (const std::string tooLarge = frameSizeProblem(st->codecpar->width, st->codecpar->height); !tooLarge.empty()) {
        setError(error, path + ": " + tooLarge);
        return false;
    }
    c->codec.reset(avcodec_alloc_context3(decoder));
    if (!c->codec) {
        setError(error, path + ": out of memory allocating the decoder");
        return false;
    }
    ret = avcodec_parameters_to_context(c->codec.get(), st->codecpar);
    if (ret < 0) {
        setError(error, path + ": bad codec parameters: " + avError(ret));
        return false;
    }
    c->codec->pkt_timebase = st->time_base;
    c->codec->max_pixels = kMaxFramePixels; // also for size changes inside the stream
    c->codec->thread_count = 0; // one per core
    c->codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    ret = avcodec_open2(c->codec.get(), decoder, nullptr);
    if (ret < 0) {
        setError(error, path + ": cannot open the " + avcodec_get_name(st->codecpar->codec_id)
                            + " decoder: " + avError(ret));
        return false;
    }
    return true;
}

/** Demuxes the whole stream once (no decoding) and builds the frame index. */
bool scanFrames(const std::string &path, Contexts *c, FrameIndex *index, std::string *error)
{
    struct Entry
    {
        int64_t ts, seek;
        bool key;
    };
    std::vector<Entry> entries;
    PacketPtr pkt(av_packet_alloc());
    if (!pkt) {
        setError(error, path + ": out of memory");
        return false;
    }
    int readError = 0;
    constexpr int kMaxEagain = 1000;
    for (int eagain = 0;;) {
        const int ret = av_read_frame(c->fmt.get(), pkt.get());
        if (ret == AVERROR(EAGAIN) && ++eagain < kMaxEagain)
            continue;
        if (ret < 0) {
            if (ret != AVERROR_EOF)
                readError = ret; // truncated or damaged: index what could be read
            break;
        }
        PacketUnref unref{pkt.get()};
        if (pkt->stream_index != c->stream || (pkt->flags & AV_PKT_FLAG_DISCARD))
            continue;
        const int64_t ts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
        if (ts == AV_NOPTS_VALUE)
            index->countMode = true;
        // Seek by the keyframe's pts: demuxers whose index is in pts land on it, dts-indexed ones (mov) land
        // on it too since its dts is not later. A seek that lands too late is caught and retried earlier.
        const int64_t seek = ts;
        entries.push_back({ts, seek, (pkt->flags & AV_PKT_FLAG_KEY) != 0});
    }
    if (entries.empty()) {
        setError(error, path + ": the video stream holds no frames"
                            + (readError ? " (" + avError(readError) + ")" : std::string()));
        return false;
    }
    if (index->countMode) {
        for (size_t i = 0; i < entries.size(); ++i)
            entries[i].ts = static_cast<int64_t>(i);
    } else {
        std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.ts < b.ts; });
    }
    int lastKey = -1;
    for (const Entry &e : entries) {
        if (!index->pts.empty() && index->pts.back() == e.ts) {
            if (e.key && index->keyBefore.back() != static_cast<int>(index->pts.size()) - 1) {
                index->seekTs.back() = e.seek;
                index->keyBefore.back() = lastKey = static_cast<int>(index->pts.size()) - 1;
            }
            continue; // duplicate timestamp: the decoder emits one frame for it
        }
        index->pts.push_back(e.ts);
        index->seekTs.push_back(e.seek);
        if (e.key || lastKey < 0)
            lastKey = static_cast<int>(index->pts.size()) - 1; // before any keyframe: decode from the start
        index->keyBefore.push_back(lastKey);
    }
    int keyframes = 0;
    for (size_t i = 0; i < index->keyBefore.size(); ++i)
        keyframes += index->keyBefore[i] == static_cast<int>(i);

    const AVStream *st = c->fmt->streams[c->stream];
    VideoInfo &info = index->info;
    info.frameCount = static_cast<int>(index->pts.size());
    info.width = st->codecpar->width;
    info.height = st->codecpar->height;
    info.codec = avcodec_get_name(st->codecpar->codec_id);
    const char *pf = av_get_pix_fmt_name(static_cast<AVPixelFormat>(st->codecpar->format));
    info.pixelFormat = pf ? pf : "unknown";
    info.keyframeCount = keyframes;
    if (st->avg_frame_rate.num > 0 && st->avg_frame_rate.den > 0)
        info.fps = av_q2d(st->avg_frame_rate);
    else if (st->r_frame_rate.num > 0 && st->r_frame_rate.den > 0)
        info.fps = av_q2d(st->r_frame_rate);
    else if (!index->countMode && info.frameCount > 1 && index->pts.back() > index->pts.front())
        info.fps = (info.frameCount - 1) / ((index->pts.back() - index->pts.front()) * av_q2d(st->time_base));
    index->path = path;
    return true;
}

/** A video file with a frame index: sequential reads decode on, others seek to the keyframe first. */
class VideoFileSource final : public FrameSource
{
public:
    VideoFileSource(std::shared_ptr<const FrameIndex> index, Contexts contexts)
        : mIndex(std::move(index)), mC(std::move(contexts)), mPacket(av_packet_alloc()), mFrame(av_frame_alloc())
    {}

    bool valid() const { return mPacket && mFrame; }
    const VideoInfo &info() const override { return mIndex->info; }
    int lastReadDecodedFrames() const override { return mDecoded; }
    int keyframeAtOrBefore(int index) const override
    {
        return index >= 0 && index < mIndex->info.frameCount ? mIndex->keyBefore[static_cast<size_t>(index)] : 0;
    }

    std::unique_ptr<FrameSource> clone(std::string *error) const override
    {
        Contexts c;
        if (!openContexts(mIndex->path, &c, error))
            return nullptr;
        auto copy = std::make_unique<VideoFileSource>(mIndex, std::move(c));
        if (!copy->valid()) {
            setError(error, mIndex->path + ": out of memory");
            return nullptr;
        }
        return copy;
    }

    bool read(int index, VideoFrame *out, std::string *error) override
    {
        mDecoded = 0;
        const std::string &path = mIndex->path;
        if (index < 0 || index >= mIndex->info.frameCount) {
            setError(error, path + ": frame " + std::to_string(index) + " is out of range (the clip has "
                                + std::to_string(mIndex->info.frameCount) + " frames)");
            return false;
        }
        const int key = mIndex->keyBefore[static_cast<size_t>(index)];
        std::string why;
        // Decoding on from the current position is never dearer than seeking when no keyframe lies between.
        if (mPos >= 0 && index > mPos && key <= mPos && decodeTo(index, out, &why) == Outcome::Found)
            return true;
        // Seek to the keyframe; if that misses the frame, to the keyframe before it; last, reopen and decode
        // from the start. Each attempt is bounded, so damaged files end in an error, never a hang.
        const int earlier = key > 0 ? mIndex->keyBefore[static_cast<size_t>(key - 1)] : -1;
        const int starts[] = {mIndex->countMode ? -1 : key, mIndex->countMode ? -1 : earlier, -1};
        for (int attempt = 0; attempt < 3; ++attempt) {
            const int from = starts[attempt];
            if (attempt == 1 && from < 0)
                continue;
            if (!restartAt(from, &why))
                continue;
            if (decodeTo(index, out, &why) == Outcome::Found)
                return true;
        }
        setError(error, path + ": cannot decode frame " + std::to_string(index)
                            + (why.empty() ? std::string() : ": " + why));
        return false;
    }

private:
    enum class Outcome { Found, Missed };

    /** Positions the demuxer at keyframe \a key, or reopens the file to decode from the start (key < 0). */
    bool restartAt(int key, std::string *why)
    {
        mPos = -1;
        mOutputCount = 0;
        if (key < 0) {
            Contexts c;
            if (!openContexts(mIndex->path, &c, why))
                return false;
            mC = std::move(c);
            return true;
        }
        avcodec_flush_buffers(mC.codec.get());
        const int ret = av_seek_frame(mC.fmt.get(), mC.stream, mIndex->seekTs[static_cast<size_t>(key)],
                                      AVSEEK_FLAG_BACKWARD);
        if (ret < 0) {
            *why = "seek failed: " + avError(ret);
            return false;
        }
        return true;
    }

    /** Decodes until the frame with frame \a index's pts comes out; bounded by the stream length. */
    Outcome decodeTo(int index, VideoFrame *out, std::string *why)
    {
        const int64_t target = mIndex->pts[static_cast<size_t>(index)];
        const size_t limit = mIndex->pts.size() + 256;
        size_t packets = 0, frames = 0;
        bool draining = false;
        while (frames <= 2 * limit) {
            int ret = avcodec_receive_frame(mC.codec.get(), mFrame.get());
            if (ret == 0) {
                ++frames;
                ++mDecoded;
                int64_t ts = mFrame->best_effort_timestamp;
                if (ts == AV_NOPTS_VALUE)
                    ts = mFrame->pts;
                if (mIndex->countMode)
                    ts = mOutputCount++;
                mPos = mIndex->frameOf(ts);
                if (ts == target) {
                    const bool ok = convert(index, out, why);
                    av_frame_unref(mFrame.get());
                    return ok ? Outcome::Found : Outcome::Missed;
                }
                av_frame_unref(mFrame.get());
                if (ts != AV_NOPTS_VALUE && ts > target) {
                    mPos = -1; // the decoder went past the frame: its position is no use to the next read
                    *why = "the decoder skipped it (damaged stream?)";
                    return Outcome::Missed;
                }
                continue;
            }
            if (ret == AVERROR_EOF) {
                mPos = -1;
                *why = "the stream ended before it";
                return Outcome::Missed;
            }
            if (ret != AVERROR(EAGAIN)) {
                mPos = -1;
                *why = "decoding failed: " + avError(ret);
                return Outcome::Missed;
            }
            if (draining || ++packets > limit) {
                mPos = -1;
                *why = "the decoder produced no frame";
                return Outcome::Missed;
            }
            ret = av_read_frame(mC.fmt.get(), mPacket.get());
            if (ret < 0) {
                // End of file (or unreadable rest): drain the frames the decoder still holds.
                draining = true;
                ret = avcodec_send_packet(mC.codec.get(), nullptr);
                if (ret < 0 && ret != AVERROR_EOF) {
                    mPos = -1;
                    *why = "cannot drain the decoder: " + avError(ret);
                    return Outcome::Missed;
                }
                continue;
            }
            PacketUnref unref{mPacket.get()};
            if (mPacket->stream_index != mC.stream)
                continue;
            ret = avcodec_send_packet(mC.codec.get(), mPacket.get());
            if (ret < 0 && ret != AVERROR(EAGAIN))
                *why = "damaged packet: " + avError(ret); // skip it; later frames may still decode
        }
        mPos = -1;
        *why = "the decoder produced too many frames";
        return Outcome::Missed;
    }

    bool convert(int index, VideoFrame *out, std::string *why)
    {
        const AVFrame *f = mFrame.get();
        const int w = mIndex->info.width, h = mIndex->info.height;
        AVPixelFormat fmt = static_cast<AVPixelFormat>(f->format);
        bool fullRange = f->color_range == AVCOL_RANGE_JPEG;
        switch (fmt) { // deprecated full-range aliases: swscale wants the plain format plus a range flag
        case AV_PIX_FMT_YUVJ420P: fmt = AV_PIX_FMT_YUV420P; fullRange = true; break;
        case AV_PIX_FMT_YUVJ422P: fmt = AV_PIX_FMT_YUV422P; fullRange = true; break;
        case AV_PIX_FMT_YUVJ444P: fmt = AV_PIX_FMT_YUV444P; fullRange = true; break;
        case AV_PIX_FMT_YUVJ440P: fmt = AV_PIX_FMT_YUV440P; fullRange = true; break;
        default: break;
        }
        SwsContext *sws = sws_getCachedContext(mSws.release(), f->width, f->height, fmt, w, h, AV_PIX_FMT_RGB24,
                                               swsFlags(f->width), nullptr, nullptr, nullptr);
        mSws.reset(sws);
        if (!sws) {
            const char *name = av_get_pix_fmt_name(fmt);
            *why = std::string("cannot convert ") + (name ? name : "this pixel format") + " to RGB";
            return false;
        }
        const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(fmt);
        const bool yuv = desc && !(desc->flags & AV_PIX_FMT_FLAG_RGB) && desc->nb_components >= 3;
        const int space = f->colorspace;
        if (yuv && (sws != mColorFor || space != mColorSpace || fullRange != mColorFull)) {
            int coeffs = SWS_CS_DEFAULT;
            switch (f->colorspace) {
            case AVCOL_SPC_BT709: coeffs = SWS_CS_ITU709; break;
            case AVCOL_SPC_FCC: coeffs = SWS_CS_FCC; break;
            case AVCOL_SPC_SMPTE240M: coeffs = SWS_CS_SMPTE240M; break;
            case AVCOL_SPC_BT2020_NCL:
            case AVCOL_SPC_BT2020_CL: coeffs = SWS_CS_BT2020; break;
            default: break;
            }
            // Only fails for formats without colour details; the defaults then stand.
            sws_setColorspaceDetails(sws, sws_getCoefficients(coeffs), fullRange ? 1 : 0,
                                     sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
            mColorFor = sws;
            mColorSpace = space;
            mColorFull = fullRange;
        }
        VideoFrame frame;
        frame.index = index;
        frame.width = w;
        frame.height = h;
        const qsizetype bytes = static_cast<qsizetype>(w) * h * 3;
        frame.rgb = QByteArray(bytes + 64, Qt::Uninitialized); // slack for SIMD writes past the last row
        uint8_t *dst[4] = {reinterpret_cast<uint8_t *>(frame.rgb.data()), nullptr, nullptr, nullptr};
        const int dstStride[4] = {w * 3, 0, 0, 0};
        const int rows = sws_scale(sws, f->data, f->linesize, 0, f->height, dst, dstStride);
        if (rows <= 0) {
            *why = "pixel format conversion failed";
            return false;
        }
        frame.rgb.truncate(bytes);
        if (out)
            *out = std::move(frame);
        return true;
    }

    std::shared_ptr<const FrameIndex> mIndex;
    Contexts mC;
    PacketPtr mPacket;
    FramePtr mFrame;
    SwsPtr mSws;
    const SwsContext *mColorFor = nullptr;
    int mColorSpace = -1;
    bool mColorFull = false;
    int mPos = -1;              ///< frame the decoder last output, -1 when unknown
    int64_t mOutputCount = 0;   ///< frames output since the start (count mode)
    int mDecoded = 0;
};

} // namespace

std::unique_ptr<FrameSource> openVideoFile(const std::string &path, std::string *error)
{
    quietFfmpegOnce();
    Contexts c;
    if (!openContexts(path, &c, error))
        return nullptr;
    auto index = std::make_shared<FrameIndex>();
    if (!scanFrames(path, &c, index.get(), error))
        return nullptr;
    // Scanning left the demuxer at the end; that is fine, because the first read always seeks (or reopens).
    auto source = std::make_unique<VideoFileSource>(std::move(index), std::move(c));
    if (!source->valid()) {
        setError(error, path + ": out of memory");
        return nullptr;
    }
    return source;
}

} // namespace paddock::core::detail
