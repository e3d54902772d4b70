// SPDX-License-Identifier: Apache-2.0
// paddock info CLIP: frames, frame rate, size, codec and pixel format of a video file or image folder.
#include "app/commands.h"

#include "core/video/framesource.h"

#include <QCoreApplication>

#include <cstdio>

namespace paddock::app {

int runInfo(const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1String("-"))) {
        printError(tr("usage: paddock info CLIP   (a video file or a folder of frame images)"));
        return kExitBadInput;
    }
    const std::string path = args.first().toStdString();
    std::string error;
    const auto source = core::FrameSource::open(path, &error);
    if (!source) {
        printError(tr("paddock info: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const core::VideoInfo &info = source->info();
    std::printf("clip:         %s\n", path.c_str());
    std::printf("frames:       %d\n", info.frameCount);
    if (info.fps > 0) {
        std::printf("frame rate:   %.3f fps\n", info.fps);
        std::printf("duration:     %.3f s\n", info.frameCount / info.fps);
    } else {
        std::printf("frame rate:   unknown\n");
    }
    std::printf("size:         %dx%d\n", info.width, info.height);
    std::printf("codec:        %s\n", info.codec.c_str());
    std::printf("pixel format: %s\n", info.pixelFormat.c_str());
    std::printf("keyframes:    %d\n", info.keyframeCount);
    return kExitOk;
}

} // namespace paddock::app
