// SPDX-License-Identifier: Apache-2.0
#include "core/video/clipframes.h"

#include "core/io/jsonutil_p.h"
#include "core/model/project.h"
#include "core/video/imagefolder.h"
#include "core/video/sources_p.h"

#include <QFileInfo>
#include <QString>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace paddock::core {

namespace {

/** "clip 'name'" (or its path) for messages. */
std::string describeClip(const Clip &clip)
{
    return "clip '" + (clip.name.empty() ? clip.path : clip.name) + "'";
}

/** A 64-bit hash over a byte stream, 8 bytes per step (not cryptographic: tells files apart, fast). */
class Hasher
{
public:
    void add(const char *data, std::size_t n)
    {
        mLength += n;
        while (n > 0) {
            const std::size_t take = std::min(n, sizeof(mBuffer) - mFill);
            std::memcpy(mBuffer + mFill, data, take);
            mFill += take;
            data += take;
            n -= take;
            if (mFill == sizeof(mBuffer)) {
                for (std::size_t i = 0; i < sizeof(mBuffer); i += 8) {
                    std::uint64_t w = 0;
                    std::memcpy(&w, mBuffer + i, 8);
                    mix(w);
                }
                mFill = 0;
            }
        }
    }
    /** Ends one file: its length goes in, so "ab"+"c" and "a"+"bc" differ. */
    void endPart()
    {
        for (std::size_t i = 0; i < mFill; ++i)
            mix(std::uint64_t(static_cast<unsigned char>(mBuffer[i])) | (std::uint64_t(1) << 63));
        mFill = 0;
        mix(mLength);
        mLength = 0;
    }
    std::uint64_t value() const
    {
        std::uint64_t h = mState;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 33;
        return h;
    }

private:
    void mix(std::uint64_t w)
    {
        w *= 0x87c37b91114253d5ULL;
        w = (w << 31) | (w >> 33);
        w *= 0x4cf5ad432745937fULL;
        mState ^= w;
        mState = ((mState << 27) | (mState >> 37)) * 5 + 0x52dce729;
    }
    std::uint64_t mState = 0x9e3779b97f4a7c15ULL;
    std::uint64_t mLength = 0;
    char mBuffer[4096];
    std::size_t mFill = 0;
};

bool hashFile(const std::string &file, Hasher *h, std::string *error)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        if (error)
            *error = file + ": cannot read the file to identify its clip";
        return false;
    }
    static thread_local std::vector<char> buffer(std::size_t(1) << 20);
    while (in) {
        in.read(buffer.data(), std::streamsize(buffer.size()));
        const std::streamsize got = in.gcount();
        if (got > 0)
            h->add(buffer.data(), std::size_t(got));
    }
    if (in.bad()) {
        if (error)
            *error = file + ": read error while identifying its clip";
        return false;
    }
    h->endPart();
    return true;
}

} // namespace

Clip clipFramesOnly(const Clip &clip)
{
    Clip frames;
    frames.name = clip.name;
    frames.path = clip.path;
    frames.imageRoot = clip.imageRoot;
    frames.videoId = clip.videoId;
    frames.frameCount = clip.frameCount;
    frames.width = clip.width;
    frames.height = clip.height;
    frames.fps = clip.fps;
    frames.frameMeta = clip.frameMeta;
    return frames;
}

std::vector<std::string> clipFrameFiles(const Clip &clip)
{
    std::vector<std::string> files;
    if (!clip.isImageList())
        return files;
    files.reserve(clip.frameMeta.size());
    for (const FrameMeta &m : clip.frameMeta)
        files.push_back(m.fileName.empty() ? std::string() : detail::absoluteFrom(clip.imageRoot, m.fileName));
    return files;
}

std::unique_ptr<FrameSource> openClipFrames(const Clip &clip, std::string *error)
{
    if (!clip.isImageList())
        return FrameSource::open(clip.path, error);
    int width = clip.width, height = clip.height;
    for (const FrameMeta &m : clip.frameMeta)
        if (!m.fileName.empty() && (m.width != width || m.height != height) && m.width > 0 && m.height > 0
            && width > 0)
            width = height = 0; // frames of different sizes: let the first image say
    return detail::openImageList(describeClip(clip), clipFrameFiles(clip), width, height, error);
}

std::string ClipIdentity::toString() const
{
    char hash[17];
    std::snprintf(hash, sizeof(hash), "%016llx", static_cast<unsigned long long>(contentHash));
    return name + " (" + std::to_string(frameCount) + " frames, " + hash + ")";
}

bool clipIdentity(const Clip &clip, ClipIdentity *out, std::string *error, bool hashContent)
{
    ClipIdentity id;
    for (const FrameMeta &m : clip.frameMeta)
        if (!m.fileName.empty()) {
            id.name = detail::toSlashes(m.fileName);
            break;
        }
    if (id.name.empty())
        id.name = QFileInfo(QString::fromStdString(clip.path)).fileName().toStdString();
    id.frameCount = clip.effectiveFrameCount();
    if (hashContent) {
        Hasher h;
        std::vector<std::string> files = clipFrameFiles(clip);
        if (!clip.isImageList()) {
            std::error_code ec;
            if (fs::is_directory(clip.path, ec)) {
                std::vector<std::string> names;
                if (!listFrameImages(clip.path, &names, error))
                    return false;
                for (const std::string &n : names)
                    files.push_back((fs::path(clip.path) / n).string());
            } else {
                files.push_back(clip.path);
            }
        }
        for (std::size_t k = 0; k < files.size(); ++k) {
            if (files[k].empty()) {
                const char none[] = "no image";
                h.add(none, sizeof(none));
                h.endPart();
                continue;
            }
            if (!hashFile(files[k], &h, error)) {
                if (error && clip.isImageList())
                    *error = describeClip(clip) + ", frame " + std::to_string(k) + ": " + *error;
                return false;
            }
        }
        id.contentHash = h.value();
    }
    *out = std::move(id);
    return true;
}

} // namespace paddock::core
