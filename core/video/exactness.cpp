// SPDX-License-Identifier: Apache-2.0
#include "core/video/exactness.h"

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <set>

namespace paddock::core {

namespace {

QStringList toArgs(const std::vector<std::string> &args)
{
    QStringList list = {QStringLiteral("-nostdin"), QStringLiteral("-y"), QStringLiteral("-v"), QStringLiteral("error")};
    for (const std::string &a : args)
        list << QString::fromStdString(a);
    return list;
}

} // namespace

bool ffmpegToolAvailable()
{
    static const bool available = [] {
        QProcess p;
        p.start(QStringLiteral("ffmpeg"), {QStringLiteral("-hide_banner"), QStringLiteral("-version")});
        return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }();
    return available;
}

bool runFfmpegTool(const std::vector<std::string> &args, std::string *error)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"), toArgs(args));
    if (!p.waitForStarted(20000)) {
        *error = "cannot run ffmpeg";
        return false;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = "ffmpeg failed: " + QString::fromLocal8Bit(p.readAllStandardError()).trimmed().toStdString();
        return false;
    }
    return true;
}

bool decodeWithFfmpegTool(const std::string &path, ReferenceFrames *out, std::string *error)
{
    // -v info for the output stream's size (after autorotation); every decoded frame, none dropped or doubled.
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-nostdin"), QStringLiteral("-hide_banner"), QStringLiteral("-v"), QStringLiteral("info"),
             QStringLiteral("-i"), QString::fromStdString(path), QStringLiteral("-map"), QStringLiteral("0:v:0"),
             QStringLiteral("-fps_mode"), QStringLiteral("passthrough"), QStringLiteral("-sws_flags"),
             QStringLiteral("bilinear+accurate_rnd"), QStringLiteral("-f"), QStringLiteral("rawvideo"),
             QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"), QStringLiteral("-")});
    if (!p.waitForStarted(20000)) {
        *error = "cannot run ffmpeg";
        return false;
    }
    p.closeWriteChannel();
    QByteArray data;
    while (p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(1000);
        data += p.readAllStandardOutput();
    }
    data += p.readAllStandardOutput();
    const QString log = QString::fromLocal8Bit(p.readAllStandardError());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = path + ": ffmpeg cannot decode it: " + log.right(400).trimmed().toStdString();
        return false;
    }
    const int outputAt = log.indexOf(QStringLiteral("Output #0"));
    const QRegularExpression sizeRe(QStringLiteral("rgb24[^\\n]*?, (\\d+)x(\\d+)"));
    const QRegularExpressionMatch m = sizeRe.match(log, std::max(0, outputAt));
    if (outputAt < 0 || !m.hasMatch()) {
        *error = path + ": cannot tell the frame size from ffmpeg's output";
        return false;
    }
    out->width = m.captured(1).toInt();
    out->height = m.captured(2).toInt();
    const qsizetype frameBytes = qsizetype(out->width) * out->height * 3;
    if (frameBytes <= 0 || data.size() % frameBytes != 0) {
        *error = path + ": ffmpeg's output is not whole frames";
        return false;
    }
    out->frames.clear();
    for (qsizetype at = 0; at < data.size(); at += frameBytes)
        out->frames.push_back(data.mid(at, frameBytes));
    return true;
}

double pixelMismatch(const std::uint8_t *a, const std::uint8_t *b, int width, int height)
{
    const std::size_t pixels = std::size_t(width) * height;
    if (pixels == 0)
        return 0.0;
    std::size_t off = 0;
    for (std::size_t i = 0; i < pixels; ++i) {
        // Luma only: converting the decoder's YUV to RGB (chroma upsampling, rounding) differs between tools
        // mostly in colour, while another frame's picture differs in brightness where things moved.
        const std::uint8_t *p = a + 3 * i, *q = b + 3 * i;
        const int ya = 77 * p[0] + 150 * p[1] + 29 * p[2], yb = 77 * q[0] + 150 * q[1] + 29 * q[2];
        if (std::abs(ya - yb) > 24 * 256)
            ++off;
    }
    return double(off) / double(pixels);
}

FrameCheck checkFrame(const std::uint8_t *rgb, int width, int height, int index, const ReferenceFrames &ref,
                      double tolerance)
{
    FrameCheck check;
    if (width != ref.width || height != ref.height)
        return check;
    double best = 2.0;
    const int n = static_cast<int>(ref.frames.size());
    for (int k = std::max(0, index - 3); k <= std::min(n - 1, index + 3); ++k) {
        const double m = pixelMismatch(rgb, reinterpret_cast<const std::uint8_t *>(ref.frames[size_t(k)].constData()),
                                       width, height);
        if (k == index)
            check.mismatch = m;
        if (m < best || (m == best && k == index)) {
            best = m;
            check.shows = k;
        }
    }
    check.right = check.shows == index && check.mismatch <= tolerance;
    return check;
}

ExactnessReport checkExactness(FrameSource *source, const ReferenceFrames &ref, int randomReads, unsigned seed)
{
    ExactnessReport report;
    const VideoInfo &info = source->info();
    report.frames = info.frameCount;
    report.referenceFrames = static_cast<int>(ref.frames.size());
    int problems = 0;
    auto note = [&](const std::string &what) {
        if (++problems <= 3)
            report.firstProblem += (report.firstProblem.empty() ? "" : "; ") + what;
    };
    if (report.frames != report.referenceFrames)
        note(std::to_string(report.frames) + " frames, ffmpeg decodes " + std::to_string(report.referenceFrames));
    if (info.width != ref.width || info.height != ref.height)
        note("frames are " + std::to_string(info.width) + "x" + std::to_string(info.height) + ", ffmpeg's "
             + std::to_string(ref.width) + "x" + std::to_string(ref.height));
    double randomTotalMs = 0.0;
    auto readOne = [&](int i, int *wrong, int *refused, const char *how) {
        VideoFrame f;
        std::string error;
        const auto t0 = std::chrono::steady_clock::now();
        const bool ok = source->read(i, &f, &error);
        if (refused == &report.randomRefused)
            randomTotalMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (!ok) {
            ++*refused;
            note(std::string(how) + " read of frame " + std::to_string(i) + " refused: " + error);
            return;
        }
        if (i >= report.referenceFrames) {
            ++*wrong;
            note(std::string(how) + " read of frame " + std::to_string(i) + ": ffmpeg has no such frame");
            return;
        }
        const FrameCheck c = checkFrame(reinterpret_cast<const std::uint8_t *>(f.rgb.constData()), f.width, f.height,
                                        i, ref, 0.002);
        if (!c.right) {
            ++*wrong;
            note(std::string(how) + " read of frame " + std::to_string(i) + " shows frame " + std::to_string(c.shows)
                 + " (" + std::to_string(c.mismatch * 100.0) + "% of pixels differ from frame " + std::to_string(i)
                 + ")");
        }
    };
    for (int i = 0; i < report.frames; ++i) {
        ++report.sequentialReads;
        readOne(i, &report.sequentialWrong, &report.sequentialRefused, "sequential");
    }
    std::mt19937 rng(seed);
    for (int k = 0; k < randomReads && report.frames > 0; ++k) {
        const int i = static_cast<int>(rng() % static_cast<unsigned>(report.frames));
        ++report.randomReads;
        readOne(i, &report.randomWrong, &report.randomRefused, "random");
    }
    report.randomMs = report.randomReads ? randomTotalMs / report.randomReads : 0.0;
    return report;
}

// ---- The corpus ----

namespace {

struct MakeContext
{
    std::string dir, out;
    int frames, width, height;
    /** testsrc2 as input: a moving picture with a frame counter, so no two frames look alike. */
    std::vector<std::string> source(int dw = 0, int dh = 0) const
    {
        return {"-f", "lavfi", "-i",
                "testsrc2=size=" + std::to_string(width + dw) + "x" + std::to_string(height + dh) + ":rate=25",
                "-frames:v", std::to_string(frames)};
    }
};

using Maker = std::function<bool(const MakeContext &, std::string *)>;

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

/** Encodes the test source with \a codecArgs straight into the clip. */
Maker encode(std::vector<std::string> codecArgs, int dw = 0, int dh = 0)
{
    return [=](const MakeContext &c, std::string *error) {
        return runFfmpegTool(c.source(dw, dh) + codecArgs + std::vector<std::string>{c.out}, error);
    };
}

/** Encodes into \a tmpName first, then runs \a inputArgs -i tmp \a outputArgs into the clip. */
Maker twoSteps(std::vector<std::string> codecArgs, std::string tmpName, std::vector<std::string> inputArgs,
               std::vector<std::string> outputArgs)
{
    return [=](const MakeContext &c, std::string *error) {
        const std::string tmp = c.dir + "/" + tmpName;
        return runFfmpegTool(c.source() + codecArgs + std::vector<std::string>{tmp}, error)
               && runFfmpegTool(inputArgs + std::vector<std::string>{"-i", tmp} + outputArgs
                                    + std::vector<std::string>{c.out},
                                error);
    };
}

/** Encodes, then cuts the file to 70 % of its bytes (a recording that was interrupted, a partial copy). */
Maker truncated(std::vector<std::string> codecArgs, std::string tmpName)
{
    return [=](const MakeContext &c, std::string *error) {
        const std::string tmp = c.dir + "/" + tmpName;
        if (!runFfmpegTool(c.source() + codecArgs + std::vector<std::string>{tmp}, error))
            return false;
        std::error_code ec;
        std::filesystem::copy_file(tmp, c.out, std::filesystem::copy_options::overwrite_existing, ec);
        const auto size = ec ? 0 : std::filesystem::file_size(c.out, ec);
        if (!ec)
            std::filesystem::resize_file(c.out, size * 7 / 10, ec);
        if (ec)
            *error = c.out + ": " + ec.message();
        return !ec;
    };
}

struct Recipe
{
    ExactnessClip clip;
    Maker make;
};

const std::vector<Recipe> &recipes()
{
    using V = std::vector<std::string>;
    const V x264 = {"-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-bf", "3", "-g", "25"};
    const V x264OpenGop = {"-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-bf", "3",
                           "-x264-params", "open-gop=1:keyint=25:min-keyint=25:scenecut=0"};
    const V x264Long = {"-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-bf", "3", "-g", "50"};
    const V x265 = {"-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error:bframes=4:keyint=25"};
    const V mpeg4 = {"-c:v", "mpeg4", "-bf", "2", "-g", "30", "-q:v", "4"};
    const V mpeg2 = {"-c:v", "mpeg2video", "-bf", "2", "-g", "15", "-q:v", "4"};
    const V vfr = {"-vf", "select='lt(mod(n\\,10)\\,7)'", "-fps_mode", "vfr"};
    static const std::vector<Recipe> list = {
        {{"mp4/h264 B-frames", "h264-b3.mp4", {"libx264"}}, encode(x264)},
        {{"mkv/h264 B-frames, open GOP", "h264-opengop.mkv", {"libx264"}}, encode(x264OpenGop)},
        {{"mp4/h264 B-frames, open GOP", "h264-opengop.mp4", {"libx264"}}, encode(x264OpenGop)},
        {{"avi/h264 B-frames (remuxed -c copy)", "h264-b3.avi", {"libx264"}},
         twoSteps(x264, "h264-b3-for-avi.mp4", {}, {"-c", "copy"})},
        {{"ts/h264 B-frames", "h264-b3.ts", {"libx264"}}, encode(x264)},
        {{"mp4/h264 10-bit", "h264-10bit.mp4", {"libx264"}},
         encode({"-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p10le", "-bf", "3", "-g", "25"})},
        {{"mkv/h264 odd size 4:4:4", "h264-odd.mkv", {"libx264"}},
         encode({"-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv444p", "-bf", "3", "-g", "25"}, 1, 1)},
        {{"mp4/h264 VFR", "h264-vfr.mp4", {"libx264"}}, encode(vfr + x264)},
        {{"mkv/h264 VFR", "h264-vfr.mkv", {"libx264"}}, encode(vfr + x264)},
        {{"mp4/h264 edit list (-ss 2.3 -c copy)", "h264-edit.mp4", {"libx264"}},
         twoSteps(x264Long, "h264-long.mp4", {"-ss", "2.3"}, {"-c", "copy"})},
        {{"mkv/h264 cut (-ss 2.3 -c copy)", "h264-edit.mkv", {"libx264"}},
         twoSteps(x264Long, "h264-long.mp4", {"-ss", "2.3"}, {"-c", "copy"})},
        {{"mp4/h264 start time 7.5 s", "h264-offset.mp4", {"libx264"}}, encode(x264 + V{"-output_ts_offset", "7.5"})},
        {{"mkv/h264 start time 7.5 s", "h264-offset.mkv", {"libx264"}}, encode(x264 + V{"-output_ts_offset", "7.5"})},
        {{"mp4/h264 fragmented", "h264-frag.mp4", {"libx264"}},
         encode(x264 + V{"-movflags", "frag_keyframe+empty_moov+default_base_moof"})},
        {{"mp4/h264 rotate=90", "h264-rot90.mp4", {"libx264"}},
         twoSteps(x264, "h264-for-rot.mp4", {}, {"-c", "copy", "-metadata:s:v:0", "rotate=90"})},
        {{"mp4/h264 rotate=270", "h264-rot270.mp4", {"libx264"}},
         twoSteps(x264, "h264-for-rot.mp4", {}, {"-c", "copy", "-metadata:s:v:0", "rotate=270"})},
        {{"mp4/hevc B-frames", "hevc.mp4", {"libx265"}}, encode(x265)},
        {{"mkv/hevc 10-bit", "hevc-10bit.mkv", {"libx265"}}, encode(x265 + V{"-pix_fmt", "yuv420p10le"})},
        {{"webm/vp9 alt-ref frames", "vp9.webm", {"libvpx-vp9"}},
         encode({"-c:v", "libvpx-vp9", "-deadline", "good", "-cpu-used", "8", "-auto-alt-ref", "1",
                 "-lag-in-frames", "16", "-g", "25", "-b:v", "400k"})},
        {{"avi/xvid B-frames", "xvid.avi", {"libxvid"}}, encode({"-c:v", "libxvid", "-bf", "2", "-g", "30"})},
        {{"avi/mpeg4 B-frames", "mpeg4.avi", {"mpeg4"}}, encode(mpeg4)},
        {{"mkv/mpeg4 B-frames", "mpeg4.mkv", {"mpeg4"}}, encode(mpeg4)},
        {{"mp4/mpeg4 size not a multiple of 16", "mpeg4-odd.mp4", {"mpeg4"}}, encode(mpeg4, 2, 2)},
        {{"mpg/mpeg2 B-frames", "mpeg2.mpg", {"mpeg2video"}}, encode(mpeg2)},
        {{"ts/mpeg2 B-frames", "mpeg2.ts", {"mpeg2video"}}, encode(mpeg2)},
        {{"avi/mjpeg", "mjpeg.avi", {"mjpeg"}}, encode({"-c:v", "mjpeg", "-q:v", "4", "-pix_fmt", "yuvj420p"})},
        {{"mkv/h264 truncated", "h264-cut.mkv", {"libx264"}}, truncated(x264, "h264-whole.mkv")},
        {{"mp4/h264 truncated (faststart)", "h264-cut.mp4", {"libx264"}},
         truncated(x264 + V{"-movflags", "+faststart"}, "h264-whole.mp4")},
        {{"avi/xvid truncated", "xvid-cut.avi", {"libxvid"}},
         truncated({"-c:v", "libxvid", "-bf", "2", "-g", "30"}, "xvid-whole.avi")},
    };
    return list;
}

} // namespace

std::vector<ExactnessClip> exactnessClips()
{
    std::vector<ExactnessClip> clips;
    for (const Recipe &r : recipes())
        clips.push_back(r.clip);
    return clips;
}

bool ffmpegToolHasEncoder(const std::string &name)
{
    static const std::set<std::string> encoders = [] {
        std::set<std::string> names;
        QProcess p;
        p.start(QStringLiteral("ffmpeg"), {QStringLiteral("-hide_banner"), QStringLiteral("-encoders")});
        if (!p.waitForFinished(20000))
            return names;
        const QStringList lines = QString::fromLocal8Bit(p.readAllStandardOutput()).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            const QStringList cols = line.simplified().split(QLatin1Char(' '));
            if (cols.size() >= 2 && cols[0].size() == 6 && cols[0] != QLatin1String("------"))
                names.insert(cols[1].toStdString());
        }
        return names;
    }();
    return encoders.count(name) > 0;
}

bool makeExactnessClip(const ExactnessClip &clip, const std::string &dir, int frames, int width, int height,
                       std::string *path, std::string *error)
{
    for (const std::string &e : clip.encoders) {
        if (!ffmpegToolHasEncoder(e)) {
            *error = "this ffmpeg has no " + e + " encoder";
            return false;
        }
    }
    for (const Recipe &r : recipes()) {
        if (r.clip.file != clip.file)
            continue;
        MakeContext c{dir, dir + "/" + clip.file, frames, width, height};
        if (!r.make(c, error))
            return false;
        *path = c.out;
        return true;
    }
    *error = "no recipe for " + clip.file;
    return false;
}

} // namespace paddock::core
