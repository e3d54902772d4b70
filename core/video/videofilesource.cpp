// SPDX-License-Identifier: Apache-2.0
// Frame-exact access to video files through libavformat/libavcodec/libswscale.
//
// Opening scans the stream once and writes down every packet in decode order (its stored timestamps, keyframe
// flag, size and a hash of its bytes). Frame N is then one packet, found in one of three ways:
//  - every packet carries a stored presentation timestamp (mp4, mkv, webm, ts, ...): frames are the packets
//    sorted by it; nothing is decoded at open;
//  - no timestamps (AVI, MPEG program streams, raw streams) but an intra-only codec: frames are the packets in
//    file order;
//  - otherwise the whole stream is decoded once and frame N is the Nth picture the decoder puts out; a hash of
//    each decoded picture is kept, and every later read is checked against it.
// Every packet sent to the decoder carries its index in that list as its pts, so each picture that comes out
// says which packet it is: frame identity never depends on counting. Random access seeks to a keyframe, skips
// packets until the keyframe's own bytes come by (a seek that lands early is harmless; one that lands late, or a
// file that reads differently, is noticed), and decodes on. A frame that cannot be had exactly is refused.
#include "core/video/sources_p.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <opencv2/core.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
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
/** Unreferences a frame when it leaves scope. */
struct FrameUnref
{
    AVFrame *f;
    ~FrameUnref() { av_frame_unref(f); }
};

/** OpenCV's rotation for a clockwise quarter turn of 90, 180 or 270 degrees. */
int rotateCode(int rotation)
{
    return rotation == 90 ? cv::ROTATE_90_CLOCKWISE : rotation == 180 ? cv::ROTATE_180 : cv::ROTATE_90_COUNTERCLOCKWISE;
}

/**
 * The picture's pixel format without the deprecated full-range aliases (swscale wants the plain format plus a
 * range flag), and in \a fullRange whether its values span 0-255.
 */
AVPixelFormat plainFormat(const AVFrame *f, bool *fullRange)
{
    *fullRange = f->color_range == AVCOL_RANGE_JPEG;
    switch (static_cast<AVPixelFormat>(f->format)) {
    case AV_PIX_FMT_YUVJ420P: *fullRange = true; return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P: *fullRange = true; return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P: *fullRange = true; return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P: *fullRange = true; return AV_PIX_FMT_YUV440P;
    default: return static_cast<AVPixelFormat>(f->format);
    }
}

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

// ---- Hashes: packets (to recognise them after a seek) and decoded pictures (to check a read) ----

std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}

std::uint64_t hashBytes(std::uint64_t h, const std::uint8_t *data, std::size_t size)
{
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t v;
        std::memcpy(&v, data + i, 8);
        h = mix(h, v);
    }
    std::uint64_t tail = 0;
    for (std::size_t k = 0; i < size; ++i, ++k)
        tail |= std::uint64_t(data[i]) << (8 * k);
    return mix(h, tail ^ size);
}

/** A hash of the decoded picture (the visible part of every plane), 0 for formats it cannot read. */
std::uint64_t pictureHash(const AVFrame *f)
{
    const AVPixelFormat fmt = static_cast<AVPixelFormat>(f->format);
    const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(fmt);
    if (!desc || (desc->flags & AV_PIX_FMT_FLAG_HWACCEL))
        return 0;
    std::uint64_t h = mix(mix(std::uint64_t(f->width), std::uint64_t(f->height)), std::uint64_t(f->format));
    const int planes = (desc->flags & AV_PIX_FMT_FLAG_PAL) ? 1 : av_pix_fmt_count_planes(fmt);
    for (int p = 0; p < planes && p < 4; ++p) {
        const int bytes = av_image_get_linesize(fmt, f->width, p);
        const int rows = (p == 1 || p == 2) ? AV_CEIL_RSHIFT(f->height, desc->log2_chroma_h) : f->height;
        if (bytes <= 0 || !f->data[p])
            return 0;
        for (int y = 0; y < rows; ++y)
            h = hashBytes(h, f->data[p] + std::ptrdiff_t(y) * f->linesize[p], std::size_t(bytes));
    }
    if (desc->flags & AV_PIX_FMT_FLAG_PAL && f->data[1])
        h = hashBytes(h, f->data[1], 1024);
    return h ? h : 1;
}

// ---- The frame index ----

/** One packet of the video stream, in decode order, as the scan read it. */
struct PacketInfo
{
    std::int64_t pts = AV_NOPTS_VALUE; ///< as stored in the file (AVFMT_FLAG_NOFILLIN: never guessed)
    std::int64_t dts = AV_NOPTS_VALUE;
    std::uint64_t hash = 0;            ///< of its bytes
    int size = 0;
    bool key = false;
    bool discard = false;              ///< decoded but not shown (before an mp4 edit list's start), or empty
    /**
     * Cut short by the end of the file, or flagged corrupt by the demuxer. Where frames come from timestamps it
     * is no frame (the decoder mostly rejects it, so the ffmpeg tool shows none for it either); where they come
     * from decoding, a picture it gives is a frame that reads refuse.
     */
    bool damaged = false;
    int frame = -1;                    ///< the frame it shows, -1 when none
};

struct FrameIndex
{
    std::string path;
    VideoInfo info;
    int codedWidth = 0, codedHeight = 0; ///< before rotation
    int rotation = 0;                    ///< clockwise degrees to show the picture upright: 0, 90, 180, 270
    std::vector<PacketInfo> packets;     ///< decode order
    std::vector<int> framePacket;        ///< per frame: its packet
    std::vector<int> startPacket;        ///< per frame: the keyframe packet decoding starts from
    std::vector<int> startFrame;         ///< per frame: the frame of that keyframe (for keyframeAtOrBefore)
    std::vector<std::uint64_t> pictureHash; ///< per frame, when the stream was decoded at open; else empty
    std::vector<int> keys;               ///< packets with the keyframe flag
    bool countMode = false;              ///< pictures do not say their packet: frames count from the start
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
    AVFormatContext *raw = avformat_alloc_context();
    if (!raw) {
        setError(error, path + ": out of memory");
        return false;
    }
    // Timestamps as stored: the ones libavformat would guess are what frame identity must not depend on.
    raw->flags |= AVFMT_FLAG_NOFILLIN;
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

/** Clockwise rotation that shows the stream upright, as the ffmpeg tool applies it: 0, 90, 180 or 270. */
int streamRotation(const AVStream *st)
{
    double theta = 0.0;
    bool known = false;
    const uint8_t *matrix = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, nullptr);
    if (matrix) {
        const double r = av_display_rotation_get(reinterpret_cast<const int32_t *>(matrix));
        if (std::isfinite(r)) {
            theta = -std::round(r);
            known = true;
        }
    }
    if (!known) {
        const AVDictionaryEntry *tag = av_dict_get(st->metadata, "rotate", nullptr, 0);
        if (tag && tag->value) {
            char *end = nullptr;
            theta = std::strtod(tag->value, &end);
            known = end != tag->value;
        }
    }
    if (!known)
        return 0;
    theta -= 360.0 * std::floor(theta / 360.0 + 0.9 / 360.0);
    for (int q : {90, 180, 270})
        if (std::fabs(theta - q) < 1.0)
            return q;
    return 0; // no rotation, or one that is not a quarter turn (the picture is shown as stored)
}

/** Frames per second from the frames' stored timestamps, or the packets', or the stream's nominal rate. */
double measureFps(const FrameIndex &index, const AVStream *st)
{
    const double tb = av_q2d(st->time_base);
    double measured = 0.0;
    int firstFrame = -1, lastFrame = -1;
    for (int i = 0; i < static_cast<int>(index.framePacket.size()); ++i) {
        if (index.packets[static_cast<size_t>(index.framePacket[static_cast<size_t>(i)])].pts == AV_NOPTS_VALUE)
            continue;
        if (firstFrame < 0)
            firstFrame = i;
        lastFrame = i;
    }
    auto ptsOf = [&](int f) { return index.packets[static_cast<size_t>(index.framePacket[static_cast<size_t>(f)])].pts; };
    if (firstFrame >= 0 && lastFrame > firstFrame && ptsOf(lastFrame) > ptsOf(firstFrame)) {
        measured = (lastFrame - firstFrame) / ((ptsOf(lastFrame) - ptsOf(firstFrame)) * tb);
    } else {
        int first = -1, last = -1;
        for (int p = 0; p < static_cast<int>(index.packets.size()); ++p) {
            if (index.packets[static_cast<size_t>(p)].dts == AV_NOPTS_VALUE || index.packets[static_cast<size_t>(p)].discard)
                continue;
            if (first < 0)
                first = p;
            last = p;
        }
        if (first >= 0 && last > first && index.packets[static_cast<size_t>(last)].dts > index.packets[static_cast<size_t>(first)].dts)
            measured = (last - first) / ((index.packets[static_cast<size_t>(last)].dts - index.packets[static_cast<size_t>(first)].dts) * tb);
    }
    double nominal = 0.0;
    if (st->avg_frame_rate.num > 0 && st->avg_frame_rate.den > 0)
        nominal = av_q2d(st->avg_frame_rate);
    else if (st->r_frame_rate.num > 0 && st->r_frame_rate.den > 0)
        nominal = av_q2d(st->r_frame_rate);
    if (!std::isfinite(measured) || measured <= 0.0 || measured > 10000.0)
        return nominal;
    // A constant-rate clip keeps its exact nominal rate (29.97, not 29.96); a variable one gets its real average,
    // which the nominal rate (often guessed from the first second) does not tell.
    if (nominal > 0.0 && std::fabs(measured - nominal) <= 0.03 * nominal)
        return nominal;
    return measured;
}

/** Per frame: the keyframe packet to decode from, so that the frame does not depend on anything before it. */
void chooseStarts(FrameIndex *index)
{
    const int frames = static_cast<int>(index->framePacket.size());
    index->startPacket.assign(static_cast<size_t>(frames), 0);
    index->startFrame.assign(static_cast<size_t>(frames), 0);
    // The smallest frame shown by a packet at or after p, for keyframes that show nothing themselves.
    std::vector<int> laterMin(index->packets.size() + 1, frames);
    for (int p = static_cast<int>(index->packets.size()) - 1; p >= 0; --p) {
        const int f = index->packets[static_cast<size_t>(p)].frame;
        laterMin[static_cast<size_t>(p)] = std::min(laterMin[static_cast<size_t>(p) + 1], f >= 0 ? f : frames);
    }
    for (int i = 0; i < frames; ++i) {
        const int packet = index->framePacket[static_cast<size_t>(i)];
        if (index->countMode)
            continue; // decoding starts at the first packet
        auto it = std::upper_bound(index->keys.begin(), index->keys.end(), packet);
        int start = 0;
        while (it != index->keys.begin()) {
            --it;
            // A keyframe shown after this frame (this one is a leading picture of an open GOP) cannot be used:
            // this frame refers to pictures before that keyframe.
            const int keyFrame = index->packets[static_cast<size_t>(*it)].frame;
            if (keyFrame <= i) {
                start = *it;
                break;
            }
        }
        index->startPacket[static_cast<size_t>(i)] = start;
        const int keyFrame = index->packets[static_cast<size_t>(start)].frame;
        index->startFrame[static_cast<size_t>(i)] =
            std::min(i, keyFrame >= 0 ? keyFrame : laterMin[static_cast<size_t>(start)]);
    }
}

/** Reads the YUV4MPEG2 header's frame size itself: FFmpeg reports a size it cannot handle with a wrong error. */
bool checkY4mHeader(const std::string &path, std::string *error)
{
    std::ifstream in(path, std::ios::binary);
    char buf[256] = {};
    in.read(buf, sizeof buf - 1);
    const std::string head(buf, static_cast<size_t>(in.gcount()));
    if (head.rfind("YUV4MPEG2", 0) != 0)
        return true;
    const std::string line = head.substr(0, head.find('\n'));
    long long w = -1, h = -1;
    size_t pos = 0;
    while ((pos = line.find(' ', pos)) != std::string::npos) {
        ++pos;
        if (pos >= line.size())
            break;
        const char tag = line[pos];
        if (tag != 'W' && tag != 'H')
            continue;
        const std::string digits = line.substr(pos + 1, line.find(' ', pos) - pos - 1);
        long long v = 0;
        bool ok = !digits.empty() && digits.size() <= 12;
        for (char ch : digits)
            ok = ok && ch >= '0' && ch <= '9';
        if (ok)
            v = std::stoll(digits);
        else
            v = digits.size() > 12 ? (1LL << 40) : -1;
        (tag == 'W' ? w : h) = v;
    }
    if (w <= 0 || h <= 0) {
        setError(error, path + ": the YUV4MPEG2 header gives no valid frame size");
        return false;
    }
    if (const std::string tooLarge = frameSizeProblem(w, h); !tooLarge.empty()) {
        setError(error, path + ": " + tooLarge);
        return false;
    }
    return true;
}

// ---- Decoding ----

/** Demuxer and decoder positioned somewhere in the packet list; turns packets into identified pictures. */
class Decoder
{
public:
    Decoder(std::shared_ptr<const FrameIndex> index, Contexts contexts)
        : mIndex(std::move(index)), mC(std::move(contexts)), mPacket(av_packet_alloc()), mFrame(av_frame_alloc())
    {}

    bool valid() const { return mPacket && mFrame; }
    AVFrame *frame() { return mFrame.get(); }
    const Contexts &contexts() const { return mC; }
    int nextPacket() const { return mNext; }
    int decodedFrames() const { return mDecoded; }
    void resetDecodedCount() { mDecoded = 0; }

    /**
     * Starts decoding at packet \a key: seeks near it (or reopens the file for the first packet) and skips
     * packets until its bytes come by.
     */
    bool restart(int key, std::string *why)
    {
        mNext = key;
        mSkipping = true;
        mDraining = false;
        mSkipped = 0;
        mOutputs = 0;
        const std::int64_t ts = key > 0 ? seekTimestamp(key) : AV_NOPTS_VALUE;
        if (ts == AV_NOPTS_VALUE) {
            mNext = 0;
            Contexts c;
            if (!openContexts(mIndex->path, &c, why))
                return false;
            mC = std::move(c);
            return true;
        }
        avcodec_flush_buffers(mC.codec.get());
        const int ret = av_seek_frame(mC.fmt.get(), mC.stream, ts, AVSEEK_FLAG_BACKWARD);
        if (ret < 0) {
            *why = "seek failed: " + avError(ret);
            return false;
        }
        return true;
    }

    /**
     * The next picture out of the decoder, in mFrame: 1 with \a packet set to the packet it came from (-1 when
     * it does not say), 0 at the end of the stream, -1 on error (\a why says).
     */
    int next(int *packet, std::string *why)
    {
        const size_t limit = 4 * mIndex->packets.size() + 1024;
        for (size_t guard = 0; guard < limit; ++guard) {
            const int ret = avcodec_receive_frame(mC.codec.get(), mFrame.get());
            if (ret == 0) {
                ++mDecoded;
                ++mOutputs;
                const std::int64_t tag = mFrame->pts;
                *packet = (tag >= 0 && tag < static_cast<std::int64_t>(mIndex->packets.size())) ? static_cast<int>(tag) : -1;
                return 1;
            }
            if (ret == AVERROR_EOF)
                return 0;
            if (ret != AVERROR(EAGAIN)) {
                // One picture failed (a damaged packet); like the ffmpeg tool, go on with the next.
                *why = "decoding failed: " + avError(ret);
                continue;
            }
            if (mDraining) {
                *why = "the decoder produced no frame";
                return -1;
            }
            if (!feed(why))
                return -1;
        }
        *why = "the decoder produced too many frames";
        return -1;
    }

    /** Pictures put out since the last restart (count mode identifies frames by it). */
    int outputs() const { return mOutputs; }

private:
    std::int64_t seekTimestamp(int key) const
    {
        // The keyframe's own stored time, or the latest one stored before it: seeking lands at or before it.
        for (int p = key; p >= 0; --p) {
            const PacketInfo &info = mIndex->packets[static_cast<size_t>(p)];
            if (info.pts != AV_NOPTS_VALUE || info.dts != AV_NOPTS_VALUE) {
                if (info.pts == AV_NOPTS_VALUE)
                    return info.dts;
                if (info.dts == AV_NOPTS_VALUE)
                    return info.pts;
                return std::min(info.pts, info.dts);
            }
        }
        return AV_NOPTS_VALUE;
    }

    static bool sameTime(std::int64_t indexed, std::int64_t read)
    {
        return indexed == AV_NOPTS_VALUE || read == AV_NOPTS_VALUE || indexed == read;
    }

    bool matches(const PacketInfo &info, const AVPacket *pkt, std::uint64_t hash) const
    {
        return info.size == pkt->size && info.hash == hash && sameTime(info.pts, pkt->pts) && sameTime(info.dts, pkt->dts);
    }

    /** Sends the next packet (or the end of the stream) to the decoder. */
    bool feed(std::string *why)
    {
        const int total = static_cast<int>(mIndex->packets.size());
        if (mNext >= total && !mSkipping) {
            mDraining = true;
            const int ret = avcodec_send_packet(mC.codec.get(), nullptr);
            if (ret < 0 && ret != AVERROR_EOF) {
                *why = "cannot drain the decoder: " + avError(ret);
                return false;
            }
            return true;
        }
        const size_t skipLimit = mIndex->packets.size() + 256;
        for (int eagain = 0;;) {
            int ret = av_read_frame(mC.fmt.get(), mPacket.get());
            if (ret == AVERROR(EAGAIN) && ++eagain < 1000)
                continue;
            if (ret < 0) {
                if (mSkipping) {
                    *why = "the file ended before the keyframe it was to decode from";
                    return false;
                }
                // The file ends earlier than when it was indexed: decode what came.
                mDraining = true;
                ret = avcodec_send_packet(mC.codec.get(), nullptr);
                if (ret < 0 && ret != AVERROR_EOF) {
                    *why = "cannot drain the decoder: " + avError(ret);
                    return false;
                }
                return true;
            }
            PacketUnref unref{mPacket.get()};
            if (mPacket->stream_index != mC.stream)
                continue;
            const std::uint64_t hash = hashBytes(0, mPacket->data, static_cast<size_t>(mPacket->size));
            const PacketInfo &expected = mIndex->packets[static_cast<size_t>(std::min(mNext, total - 1))];
            if (mSkipping) {
                if (mNext >= total || !matches(expected, mPacket.get(), hash)) {
                    if (++mSkipped > skipLimit) {
                        *why = "the seek did not reach the keyframe";
                        return false;
                    }
                    continue;
                }
                mSkipping = false;
            } else if (!matches(expected, mPacket.get(), hash)) {
                *why = "the packets after the keyframe are not the ones found when the file was opened (changed on "
                       "disk?)";
                return false;
            }
            mPacket->pts = mNext++; // the picture decoded from it will say which packet it is
            ret = avcodec_send_packet(mC.codec.get(), mPacket.get());
            if (ret < 0 && ret != AVERROR(EAGAIN) && ret != AVERROR_EOF)
                mLastPacketError = ret; // a damaged packet: skip it; later frames may still decode
            return true;
        }
    }

    std::shared_ptr<const FrameIndex> mIndex;
    Contexts mC;
    PacketPtr mPacket;
    FramePtr mFrame;
    int mNext = 0;           ///< the packet to send next
    bool mSkipping = true;   ///< still looking for packet mNext after a seek
    bool mDraining = false;
    size_t mSkipped = 0;
    int mOutputs = 0;
    int mDecoded = 0;
    int mLastPacketError = 0;
};

/** Demuxes the whole stream once and writes down its packets; nullptr with a message on failure. */
std::shared_ptr<FrameIndex> scanPackets(const std::string &path, Contexts *c, std::string *error)
{
    auto index = std::make_shared<FrameIndex>();
    index->path = path;
    PacketPtr pkt(av_packet_alloc());
    if (!pkt) {
        setError(error, path + ": out of memory");
        return nullptr;
    }
    int readError = 0;
    for (int eagain = 0;;) {
        const int ret = av_read_frame(c->fmt.get(), pkt.get());
        if (ret == AVERROR(EAGAIN) && ++eagain < 1000)
            continue;
        if (ret < 0) {
            if (ret != AVERROR_EOF)
                readError = ret; // truncated or damaged: index what could be read
            break;
        }
        PacketUnref unref{pkt.get()};
        if (pkt->stream_index != c->stream)
            continue;
        PacketInfo info;
        info.pts = pkt->pts;
        info.dts = pkt->dts;
        info.size = pkt->size;
        info.hash = hashBytes(0, pkt->data, static_cast<size_t>(pkt->size));
        info.key = (pkt->flags & AV_PKT_FLAG_KEY) != 0;
        info.discard = (pkt->flags & AV_PKT_FLAG_DISCARD) != 0 || pkt->size <= 0;
        // Cut short by the end of the file, or flagged corrupt: decoded for what follows, never shown as a frame.
        info.damaged = (pkt->flags & AV_PKT_FLAG_CORRUPT) != 0;
        index->packets.push_back(info);
    }
    if (index->packets.empty()) {
        setError(error, path + ": the video stream holds no frames"
                            + (readError ? " (" + avError(readError) + ")" : std::string()));
        return nullptr;
    }
    for (int p = 0; p < static_cast<int>(index->packets.size()); ++p)
        if (index->packets[static_cast<size_t>(p)].key)
            index->keys.push_back(p);
    return index;
}

/** Frames from stored presentation timestamps; false when some packet has none, or two share one. */
bool framesFromTimestamps(FrameIndex *index)
{
    std::vector<int> order;
    for (int p = 0; p < static_cast<int>(index->packets.size()); ++p) {
        const PacketInfo &info = index->packets[static_cast<size_t>(p)];
        if (info.discard || info.damaged)
            continue;
        if (info.pts == AV_NOPTS_VALUE)
            return false;
        order.push_back(p);
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return index->packets[static_cast<size_t>(a)].pts < index->packets[static_cast<size_t>(b)].pts;
    });
    for (size_t k = 1; k < order.size(); ++k)
        if (index->packets[static_cast<size_t>(order[k])].pts == index->packets[static_cast<size_t>(order[k - 1])].pts)
            return false; // e.g. field pairs: which packet is the picture is for the decoder to say
    index->framePacket = order;
    return true;
}

/** Frames are the packets in file order (intra-only codecs: each packet is one picture, shown as it comes). */
void framesInFileOrder(FrameIndex *index)
{
    index->framePacket.clear();
    for (int p = 0; p < static_cast<int>(index->packets.size()); ++p)
        if (!index->packets[static_cast<size_t>(p)].discard && !index->packets[static_cast<size_t>(p)].damaged)
            index->framePacket.push_back(p);
}

/** Decodes the whole stream once: frame N is the Nth picture out of the decoder; its hash is kept. */
bool framesFromDecoding(const std::shared_ptr<FrameIndex> &index, std::string *error)
{
    Decoder decoder(index, Contexts());
    std::string why;
    if (!decoder.valid() || !decoder.restart(0, &why)) {
        setError(error, index->path + ": cannot decode the video: " + (why.empty() ? "out of memory" : why));
        return false;
    }
    std::vector<int> tags; // per picture out of the decoder: its packet, -1 when it does not say
    std::vector<std::uint64_t> hashes;
    std::vector<char> seen(index->packets.size(), 0);
    bool tagged = true;
    for (;;) {
        int packet = -1;
        const int r = decoder.next(&packet, &why);
        if (r <= 0)
            break; // the end, or damage that ends decoding: the frames so far are the clip
        FrameUnref unref{decoder.frame()};
        if (packet < 0 || seen[static_cast<size_t>(packet)])
            tagged = false;
        else
            seen[static_cast<size_t>(packet)] = 1;
        tags.push_back(packet);
        hashes.push_back(pictureHash(decoder.frame()));
    }
    if (tagged) {
        for (size_t k = 0; k < tags.size(); ++k) {
            if (index->packets[static_cast<size_t>(tags[k])].discard)
                continue; // decoded for the frames after it, not shown
            index->framePacket.push_back(tags[k]);
            index->pictureHash.push_back(hashes[k]);
        }
    } else {
        // Pictures that do not say their packet: frame N is the Nth picture from the start, always.
        index->countMode = true;
        index->framePacket.assign(tags.size(), 0);
        index->pictureHash = std::move(hashes);
    }
    if (index->framePacket.empty()) {
        setError(error, index->path + ": no frame of the video stream decodes" + (why.empty() ? "" : ": " + why));
        return false;
    }
    return true;
}

/** A video file with a frame index: sequential reads decode on, others seek to a keyframe first. */
class VideoFileSource final : public FrameSource
{
public:
    VideoFileSource(std::shared_ptr<const FrameIndex> index, Contexts contexts)
        : mIndex(index), mDecoder(std::move(index), std::move(contexts))
    {}

    bool valid() const { return mDecoder.valid(); }
    const VideoInfo &info() const override { return mIndex->info; }
    int lastReadDecodedFrames() const override { return mDecoder.decodedFrames(); }
    int keyframeAtOrBefore(int index) const override
    {
        return index >= 0 && index < mIndex->info.frameCount ? mIndex->startFrame[static_cast<size_t>(index)] : 0;
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

    bool read(int index, VideoFrame *out, std::string *error) override { return fetch(index, out, nullptr, error); }
    bool readGray(int index, GrayFrame *out, std::string *error) override
    {
        return fetch(index, nullptr, out, error);
    }

private:
    /** Frame \a index into \a rgb or, when that is null, into \a gray. */
    bool fetch(int index, VideoFrame *rgb, GrayFrame *gray, std::string *error)
    {
        mDecoder.resetDecodedCount();
        const std::string &path = mIndex->path;
        if (index < 0 || index >= mIndex->info.frameCount) {
            setError(error, path + ": frame " + std::to_string(index) + " is out of range (the clip has "
                                + std::to_string(mIndex->info.frameCount) + " frames)");
            return false;
        }
        if (!mIndex->countMode
            && mIndex->packets[static_cast<size_t>(mIndex->framePacket[static_cast<size_t>(index)])].damaged) {
            setError(error, path + ": frame " + std::to_string(index)
                                + " is damaged in the file (cut short or corrupt), so it cannot be shown exactly");
            return false;
        }
        std::string why;
        const int start = mIndex->startPacket[static_cast<size_t>(index)];
        // Decoding on from the current position is never dearer than seeking when the keyframe is behind it.
        if (mPos >= 0 && index > mPos && start < mDecoder.nextPacket() && decodeTo(index, rgb, gray, &why))
            return true;
        // From the keyframe; if that fails, from the keyframe before it; last, from the start of the file.
        std::vector<int> starts = {start};
        if (start > 0) {
            auto it = std::lower_bound(mIndex->keys.begin(), mIndex->keys.end(), start);
            while (it != mIndex->keys.begin()) {
                --it;
                if (mIndex->packets[static_cast<size_t>(*it)].frame <= index) {
                    starts.push_back(*it);
                    break;
                }
            }
            if (starts.back() != 0)
                starts.push_back(0);
        }
        for (int from : starts) {
            mPos = -1;
            if (!mDecoder.restart(from, &why))
                continue;
            const int keyFrame = mIndex->packets[static_cast<size_t>(mDecoder.nextPacket())].frame;
            mFirstValid = mDecoder.nextPacket() > 0 ? keyFrame : -1;
            if (decodeTo(index, rgb, gray, &why))
                return true;
        }
        mPos = -1;
        setError(error, path + ": cannot decode frame " + std::to_string(index) + " exactly"
                            + (why.empty() ? std::string() : ": " + why));
        return false;
    }

    /**
     * Decodes until frame \a index comes out and converts it into \a rgb, or \a gray when that is null; false
     * with \a why when it does not come out (or is not the right picture).
     */
    bool decodeTo(int index, VideoFrame *rgb, GrayFrame *gray, std::string *why)
    {
        for (;;) {
            int packet = -1;
            const int r = mDecoder.next(&packet, why);
            if (r <= 0) {
                mPos = -1;
                if (r == 0)
                    *why = "the stream ended before it";
                return false;
            }
            FrameUnref unref{mDecoder.frame()};
            int frame = -1;
            if (mIndex->countMode)
                frame = mDecoder.outputs() - 1;
            else if (packet >= 0)
                frame = mIndex->packets[static_cast<size_t>(packet)].frame;
            if (frame < 0 || frame < mFirstValid)
                continue; // not shown, or a leading picture that refers to frames before the keyframe
            mPos = frame;
            if (frame > index) {
                *why = "the decoder skipped it (damaged stream?)";
                return false;
            }
            if (frame < index)
                continue;
            if (!mIndex->pictureHash.empty()) {
                const std::uint64_t h = pictureHash(mDecoder.frame());
                if (h != mIndex->pictureHash[static_cast<size_t>(index)]) {
                    mPos = -1;
                    *why = "decoding from the keyframe before it gives a different picture than decoding the whole "
                           "stream";
                    return false;
                }
            }
            if (!rgb && gray)
                return convertGray(index, gray, why);
            return convert(index, rgb, why);
        }
    }

    /**
     * The decoded picture's luma plane, stretched to full range where the stream is limited (16-235), rotated
     * as the clip is shown. Pixel formats whose luma is not a plain 8-bit plane, and pictures the RGB path
     * would scale, go through RGB.
     */
    bool convertGray(int index, GrayFrame *out, std::string *why)
    {
        const AVFrame *f = mDecoder.frame();
        const int w = mIndex->codedWidth, h = mIndex->codedHeight;
        const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(f->format));
        const bool plainLuma = desc && !(desc->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_HWACCEL
                                                        | AV_PIX_FMT_FLAG_BE))
                               && desc->comp[0].plane == 0 && desc->comp[0].step == 1 && desc->comp[0].depth == 8
                               && desc->comp[0].shift == 0 && desc->comp[0].offset == 0 && f->data[0];
        if (!plainLuma || f->width != w || f->height != h) {
            VideoFrame frame;
            if (!convert(index, &frame, why))
                return false;
            *out = toGray(frame);
            return true;
        }
        bool fullRange = false;
        const AVPixelFormat fmt = plainFormat(f, &fullRange);
        fullRange = fullRange || fmt == AV_PIX_FMT_GRAY8; // swscale takes gray as full range
        const cv::Mat plane(h, w, CV_8UC1, f->data[0], std::size_t(f->linesize[0]));
        cv::Mat full; // never written in place: the plane may be a reference picture of the decoder
        if (fullRange) {
            full = plane;
        } else {
            static const std::array<uchar, 256> stretch = [] {
                std::array<uchar, 256> t{};
                for (int v = 0; v < 256; ++v)
                    t[std::size_t(v)] = cv::saturate_cast<uchar>((v - 16) * 255.0 / 219.0);
                return t;
            }();
            cv::LUT(plane, cv::Mat(1, 256, CV_8UC1, const_cast<uchar *>(stretch.data())), full);
        }
        GrayFrame g;
        g.index = index;
        g.width = mIndex->info.width;
        g.height = mIndex->info.height;
        g.gray = QByteArray(qsizetype(g.width) * g.height, Qt::Uninitialized);
        cv::Mat dst(g.height, g.width, CV_8UC1, g.gray.data());
        if (mIndex->rotation == 0)
            full.copyTo(dst);
        else
            cv::rotate(full, dst, rotateCode(mIndex->rotation));
        if (dst.data != reinterpret_cast<uchar *>(g.gray.data())) {
            *why = "cannot convert the frame to gray";
            return false;
        }
        *out = std::move(g);
        return true;
    }

    bool convert(int index, VideoFrame *out, std::string *why)
    {
        const AVFrame *f = mDecoder.frame();
        const int w = mIndex->codedWidth, h = mIndex->codedHeight;
        bool fullRange = false;
        const AVPixelFormat fmt = plainFormat(f, &fullRange);
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
        const qsizetype bytes = static_cast<qsizetype>(w) * h * 3;
        // Slack for SIMD writes past the last row. Rotated clips convert into a scratch buffer first.
        QByteArray converted(bytes + 64, Qt::Uninitialized);
        uint8_t *dst[4] = {reinterpret_cast<uint8_t *>(converted.data()), nullptr, nullptr, nullptr};
        const int dstStride[4] = {w * 3, 0, 0, 0};
        const int rows = sws_scale(sws, f->data, f->linesize, 0, f->height, dst, dstStride);
        if (rows <= 0) {
            *why = "pixel format conversion failed";
            return false;
        }
        VideoFrame frame;
        frame.index = index;
        frame.width = mIndex->info.width;
        frame.height = mIndex->info.height;
        if (mIndex->rotation == 0) {
            converted.truncate(bytes);
            frame.rgb = std::move(converted);
        } else {
            frame.rgb = QByteArray(bytes, Qt::Uninitialized);
            const cv::Mat src(h, w, CV_8UC3, converted.data());
            cv::Mat dstMat(frame.height, frame.width, CV_8UC3, frame.rgb.data());
            cv::rotate(src, dstMat, rotateCode(mIndex->rotation));
            if (dstMat.data != reinterpret_cast<uchar *>(frame.rgb.data())) {
                *why = "cannot rotate the frame";
                return false;
            }
        }
        if (out)
            *out = std::move(frame);
        return true;
    }

    std::shared_ptr<const FrameIndex> mIndex;
    Decoder mDecoder;
    SwsPtr mSws;
    const SwsContext *mColorFor = nullptr;
    int mColorSpace = -1;
    bool mColorFull = false;
    int mPos = -1;        ///< frame the decoder last put out, -1 when unknown
    int mFirstValid = -1; ///< frames before this one (leading pictures of the start keyframe) are not exact
};

} // namespace

std::unique_ptr<FrameSource> openVideoFile(const std::string &path, std::string *error)
{
    quietFfmpegOnce();
    if (!checkY4mHeader(path, error))
        return nullptr;
    Contexts c;
    if (!openContexts(path, &c, error))
        return nullptr;
    std::shared_ptr<FrameIndex> index = scanPackets(path, &c, error);
    if (!index)
        return nullptr;
    const AVStream *st = c.fmt->streams[c.stream];
    const AVCodecDescriptor *codecDesc = avcodec_descriptor_get(st->codecpar->codec_id);
    const bool intraOnly = codecDesc && (codecDesc->props & AV_CODEC_PROP_INTRA_ONLY);
    if (!framesFromTimestamps(index.get())) {
        if (intraOnly)
            framesInFileOrder(index.get());
        else if (!framesFromDecoding(index, error))
            return nullptr;
    }
    if (index->framePacket.empty()) {
        setError(error, path + ": the video stream holds no frames");
        return nullptr;
    }
    if (!index->countMode)
        for (int f = 0; f < static_cast<int>(index->framePacket.size()); ++f)
            index->packets[static_cast<size_t>(index->framePacket[static_cast<size_t>(f)])].frame = f;
    chooseStarts(index.get());

    VideoInfo &info = index->info;
    info.frameCount = static_cast<int>(index->framePacket.size());
    index->codedWidth = st->codecpar->width;
    index->codedHeight = st->codecpar->height;
    index->rotation = streamRotation(st);
    const bool swap = index->rotation == 90 || index->rotation == 270;
    info.width = swap ? index->codedHeight : index->codedWidth;
    info.height = swap ? index->codedWidth : index->codedHeight;
    info.codec = avcodec_get_name(st->codecpar->codec_id);
    const char *pf = av_get_pix_fmt_name(static_cast<AVPixelFormat>(st->codecpar->format));
    info.pixelFormat = pf ? pf : "unknown";
    info.keyframeCount = index->countMode ? 1 : std::max<int>(1, static_cast<int>(index->keys.size()));
    info.fps = index->countMode ? (st->avg_frame_rate.num > 0 && st->avg_frame_rate.den > 0 ? av_q2d(st->avg_frame_rate) : 0.0)
                                : measureFps(*index, st);

    // Scanning left the demuxer at the end; that is fine, because the first read always seeks (or reopens).
    auto source = std::make_unique<VideoFileSource>(std::move(index), std::move(c));
    if (!source->valid()) {
        setError(error, path + ": out of memory");
        return nullptr;
    }
    return source;
}

} // namespace paddock::core::detail
