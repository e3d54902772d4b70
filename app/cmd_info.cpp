// SPDX-License-Identifier: Apache-2.0
// paddock info CLIP|DATASET: frames, frame rate, size, codec and pixel format of a video file or image folder;
// for a COCO/APTv2/PoseTrack file, a project or a project store (.paddockdb), its clips (frames, animals, labelled frames).
#include "app/commands.h"

#include "core/io/merge.h"
#include "core/store/projectstore.h"
#include "core/video/framesource.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <set>

namespace paddock::app {

namespace {

/** A dataset or project file rather than a clip: JSON (by its first character) or a .paddock project. */
bool isLabelFile(const QString &path)
{
    const QFileInfo fi(path);
    if (!fi.isFile())
        return false;
    if (store::isStoreFile(path.toStdString()))
        return true;
    if (fi.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0
        || fi.suffix().compare(QLatin1String("paddock"), Qt::CaseInsensitive) == 0)
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray head = file.read(64).trimmed();
    if (head.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte order mark
        head = head.mid(3).trimmed();
    return head.startsWith('{');
}

int datasetInfo(const QString &path)
{
    std::string error;
    const std::string p = path.toStdString();
    core::MergeInput read; // a project store, a project or a dataset file, told apart by their content
    if (!readProjectOrDataset(path, &read, &error)) {
        printError(tr("paddock info: %1").arg(QString::fromStdString(error)));
        return kExitBadInput;
    }
    const core::Project *project = &read.project;
    int frames = 0, labelled = 0, animals = 0, instances = 0, imageLists = 0;
    for (const core::Clip &c : project->clips) {
        frames += c.effectiveFrameCount();
        labelled += int(c.frames.size());
        animals += int(c.tracks.size());
        for (const auto &[f, list] : c.frames)
            instances += int(list.size());
        imageLists += c.isImageList() ? 1 : 0;
    }
    std::printf("dataset:      %s\n", p.c_str());
    std::printf("clips:        %zu", project->clips.size());
    if (imageLists)
        std::printf(" (%d listed image by image)", imageLists);
    std::printf("\nframes:       %d\n", frames);
    std::printf("animals:      %d (%d labelled instances)\n", animals, instances);
    std::printf("labelled:     %d frames\n", labelled);
    std::printf("categories:   %zu\n", project->categories.size());
    std::printf("%8s  %-24s %7s %8s %9s  %s\n", "video_id", "clip", "frames", "animals", "labelled", "frames from");
    for (const core::Clip &c : project->clips)
        std::printf("%8d  %-24s %7d %8zu %9zu  %s%s\n", c.videoId, c.name.c_str(), c.effectiveFrameCount(),
                    c.tracks.size(), c.frames.size(), c.isImageList() ? "images listed under " : "",
                    (c.isImageList() ? c.imageRoot : c.path).c_str());
    return kExitOk;
}

} // namespace

int runInfo(const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1String("-"))) {
        printError(tr("usage: paddock info CLIP|DATASET   (a video file, a folder of frame images, or a "
                      "COCO/APTv2/PoseTrack file, project or project store: its clips)"));
        return kExitBadInput;
    }
    if (isLabelFile(args.first()))
        return datasetInfo(args.first());
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
