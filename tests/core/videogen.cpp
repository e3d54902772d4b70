// SPDX-License-Identifier: Apache-2.0
#include "tests/core/videogen.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <map>
#include <memory>

namespace paddock::test {
namespace {

constexpr int kGrid = 4;

int checkBits(int index)
{
    return (index * 7 + 3) & 15;
}

std::string avError(int code)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buf, sizeof buf);
    return buf;
}

struct OutputCloser
{
    void operator()(AVFormatContext *c) const
    {
        if (c->pb)
            avio_closep(&c->pb);
        avformat_free_context(c);
    }
};
struct CodecFreer
{
    void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
struct FrameFreer
{
    void operator()(AVFrame *f) const { av_frame_free(&f); }
};
struct PacketFreer
{
    void operator()(AVPacket *p) const { av_packet_free(&p); }
};
struct SwsFreer
{
    void operator()(SwsContext *s) const { sws_freeContext(s); }
};

/** Sends one frame (or nullptr to flush) and writes every packet that comes out. */
bool encodeAndWrite(AVCodecContext *enc, AVFormatContext *out, AVStream *st, AVFrame *frame, AVPacket *pkt,
                    const std::map<int64_t, int64_t> &durations, std::string *error)
{
    int ret = avcodec_send_frame(enc, frame);
    if (ret < 0) {
        *error = "send_frame: " + avError(ret);
        return false;
    }
    for (;;) {
        ret = avcodec_receive_packet(enc, pkt);
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return true;
        if (ret < 0) {
            *error = "receive_packet: " + avError(ret);
            return false;
        }
        // Packets need durations, or the mp4 edit list cuts the last frame off.
        auto d = durations.find(pkt->pts);
        if (pkt->duration <= 0 && d != durations.end())
            pkt->duration = d->second;
        av_packet_rescale_ts(pkt, enc->time_base, st->time_base);
        pkt->stream_index = st->index;
        ret = av_interleaved_write_frame(out, pkt);
        if (ret < 0) {
            *error = "write_frame: " + avError(ret);
            return false;
        }
    }
}

} // namespace

std::vector<std::uint8_t> patternFrame(int index, int width, int height)
{
    std::vector<std::uint8_t> rgb(static_cast<size_t>(width) * height * 3);
    const int bits = (index & 0xfff) | (checkBits(index) << 12);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int cell = (y * kGrid / height) * kGrid + (x * kGrid / width);
            const std::uint8_t v = ((bits >> cell) & 1) ? 255 : 0;
            std::uint8_t *p = &rgb[(static_cast<size_t>(y) * width + x) * 3];
            p[0] = p[1] = p[2] = v;
        }
    }
    return rgb;
}

int decodePattern(const std::uint8_t *rgb, int width, int height)
{
    if (!rgb || width < kGrid * 4 || height < kGrid * 4)
        return -1;
    int bits = 0;
    for (int cell = 0; cell < kGrid * kGrid; ++cell) {
        const int cx = (cell % kGrid) * width / kGrid + width / (2 * kGrid);
        const int cy = (cell / kGrid) * height / kGrid + height / (2 * kGrid);
        long sum = 0;
        int n = 0;
        for (int y = cy - 2; y <= cy + 2; ++y)
            for (int x = cx - 2; x <= cx + 2; ++x)
                for (int c = 0; c < 3; ++c, ++n)
                    sum += rgb[(static_cast<size_t>(y) * width + x) * 3 + c];
        const long mean = sum / n;
        if (mean > 192)
            bits |= 1 << cell;
        else if (mean >= 64)
            return -1; // neither black nor white: not a clean frame
    }
    const int index = bits & 0xfff;
    return (bits >> 12) == checkBits(index) ? index : -1;
}

bool encoderAvailable(const std::string &name)
{
    return avcodec_find_encoder_by_name(name.c_str()) != nullptr;
}

bool writeTestImage(const std::string &path, int index, int width, int height)
{
    std::vector<std::uint8_t> rgb = patternFrame(index, width, height);
    cv::Mat m(height, width, CV_8UC3, rgb.data());
    cv::Mat bgr;
    cv::cvtColor(m, bgr, cv::COLOR_RGB2BGR);
    return cv::imwrite(path, bgr);
}

bool writeTestVideo(const std::string &path, const VideoSpec &spec, std::string *error)
{
    std::string dummy;
    if (!error)
        error = &dummy;
    av_log_set_level(AV_LOG_QUIET); // failures come back as return values
    const AVCodec *codec = avcodec_find_encoder_by_name(spec.encoder.c_str());
    if (!codec) {
        *error = "no encoder " + spec.encoder;
        return false;
    }
    const AVPixelFormat pixFmt = av_get_pix_fmt(spec.pixelFormat.c_str());
    if (pixFmt == AV_PIX_FMT_NONE) {
        *error = "unknown pixel format " + spec.pixelFormat;
        return false;
    }
    AVFormatContext *rawOut = nullptr;
    int ret = avformat_alloc_output_context2(&rawOut, nullptr, nullptr, path.c_str());
    if (ret < 0 || !rawOut) {
        *error = "no muxer for " + path + ": " + avError(ret);
        return false;
    }
    std::unique_ptr<AVFormatContext, OutputCloser> out(rawOut);
    std::unique_ptr<AVCodecContext, CodecFreer> enc(avcodec_alloc_context3(codec));
    enc->width = spec.width;
    enc->height = spec.height;
    enc->pix_fmt = pixFmt;
    enc->time_base = spec.variableFrameRate ? AVRational{1, 1000} : AVRational{1, spec.fps};
    enc->framerate = AVRational{spec.fps, 1};
    enc->gop_size = spec.gop;
    enc->max_b_frames = spec.bFrames;
    enc->thread_count = 1;
    if (spec.encoder == "libx264") {
        av_opt_set(enc->priv_data, "preset", "veryfast", 0);
        av_opt_set(enc->priv_data, "crf", "18", 0);
        if (!spec.x264Params.empty())
            av_opt_set(enc->priv_data, "x264-params", spec.x264Params.c_str(), 0);
    } else if (spec.encoder == "libvpx-vp9") {
        av_opt_set(enc->priv_data, "deadline", "realtime", 0);
        av_opt_set(enc->priv_data, "cpu-used", "8", 0);
        av_opt_set(enc->priv_data, "crf", "20", 0);
        enc->bit_rate = 0;
    } else if (spec.encoder == "mpeg4") {
        enc->bit_rate = 4000000;
    }
    if (out->oformat->flags & AVFMT_GLOBALHEADER)
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    ret = avcodec_open2(enc.get(), codec, nullptr);
    if (ret < 0) {
        *error = "cannot open encoder " + spec.encoder + ": " + avError(ret);
        return false;
    }
    AVStream *st = avformat_new_stream(out.get(), nullptr);
    if (!st) {
        *error = "cannot add a stream";
        return false;
    }
    st->time_base = enc->time_base;
    if (spec.rotation != 0) {
        // As phones write it: a display matrix turning the stored picture clockwise by spec.rotation.
        auto *matrix = reinterpret_cast<int32_t *>(
            av_stream_new_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, 9 * sizeof(int32_t)));
        if (!matrix) {
            *error = "cannot add the display matrix";
            return false;
        }
        av_display_rotation_set(matrix, spec.rotation); // "clockwise" (av_display_rotation_get reads it back negated)
    }
    ret = avcodec_parameters_from_context(st->codecpar, enc.get());
    if (ret < 0) {
        *error = "codec parameters: " + avError(ret);
        return false;
    }
    ret = avio_open(&out->pb, path.c_str(), AVIO_FLAG_WRITE);
    if (ret < 0) {
        *error = "cannot write " + path + ": " + avError(ret);
        return false;
    }
    ret = avformat_write_header(out.get(), nullptr);
    if (ret < 0) {
        *error = "write_header: " + avError(ret);
        return false;
    }
    std::unique_ptr<SwsContext, SwsFreer> sws(sws_getContext(spec.width, spec.height, AV_PIX_FMT_RGB24, spec.width,
                                                              spec.height, pixFmt, SWS_BILINEAR, nullptr, nullptr,
                                                              nullptr));
    std::unique_ptr<AVFrame, FrameFreer> frame(av_frame_alloc());
    std::unique_ptr<AVPacket, PacketFreer> pkt(av_packet_alloc());
    if (!sws || !frame || !pkt) {
        *error = "cannot set up the conversion to " + spec.pixelFormat;
        return false;
    }
    frame->format = pixFmt;
    frame->width = spec.width;
    frame->height = spec.height;
    ret = av_frame_get_buffer(frame.get(), 0);
    if (ret < 0) {
        *error = "frame buffer: " + avError(ret);
        return false;
    }
    // Variable frame rate: durations cycle through 40, 80, 20, 60 ms.
    static const int kDurations[] = {40, 80, 20, 60};
    int64_t pts = 0;
    std::map<int64_t, int64_t> durations;
    for (int i = 0; i < spec.frames; ++i) {
        ret = av_frame_make_writable(frame.get());
        if (ret < 0) {
            *error = "make_writable: " + avError(ret);
            return false;
        }
        const std::vector<std::uint8_t> rgb = patternFrame(i, spec.width, spec.height);
        const uint8_t *src[4] = {rgb.data(), nullptr, nullptr, nullptr};
        const int srcStride[4] = {spec.width * 3, 0, 0, 0};
        sws_scale(sws.get(), src, srcStride, 0, spec.height, frame->data, frame->linesize);
        frame->pts = spec.variableFrameRate ? pts : i;
        durations[frame->pts] = spec.variableFrameRate ? kDurations[i % 4] : 1;
        pts += kDurations[i % 4];
        if (!encodeAndWrite(enc.get(), out.get(), st, frame.get(), pkt.get(), durations, error))
            return false;
    }
    if (!encodeAndWrite(enc.get(), out.get(), st, nullptr, pkt.get(), durations, error))
        return false;
    ret = av_write_trailer(out.get());
    if (ret < 0) {
        *error = "write_trailer: " + avError(ret);
        return false;
    }
    return true;
}

} // namespace paddock::test
