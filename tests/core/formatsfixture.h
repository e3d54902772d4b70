// SPDX-License-Identifier: Apache-2.0
#pragma once
// Data the format tests make themselves: generated projects and small files.

#include "core/model/project.h"

#include <QDir>
#include <QFile>
#include <QString>

#include <random>
#include <string>

namespace paddock::test {

inline void writeText(const std::string &path, const std::string &text)
{
    QDir().mkpath(QString::fromStdString(path).section(QLatin1Char('/'), 0, -2));
    QFile f(QString::fromStdString(path));
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text.data(), qint64(text.size()));
}

inline std::string readText(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    f.open(QIODevice::ReadOnly);
    return f.readAll().toStdString();
}

/** A fly-like custom skeleton (not AP-10K), id 100. */
inline core::Category flyCategory()
{
    core::Category c;
    c.id = 100;
    c.name = "fly";
    c.supercategory = "insect";
    c.keypoints = {"head", "thorax", "wingL", "wingR", "legL", "legR"};
    c.skeleton = {{0, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}};
    c.flipPairs = core::guessFlipPairs(c.keypoints);
    return c;
}

/** A random instance of \a cat inside a \a w x \a h image; some points unlabelled, occluded, propagated. */
inline core::Instance randomInstance(std::mt19937 &rng, const core::Category &cat, int trackId, int w, int h,
                                     bool anySource = true)
{
    std::uniform_real_distribution<double> ux(0.0, w), uy(0.0, h), unit(0.0, 1.0);
    core::Instance inst;
    inst.trackId = trackId;
    inst.categoryId = cat.id;
    for (int k = 0; k < cat.keypointCount(); ++k) {
        core::Keypoint kp;
        const double r = unit(rng);
        if (r < 0.15 && k > 0) { // keep keypoint 0 labelled so every instance has a label
            inst.keypoints.push_back(kp);
            continue;
        }
        kp.x = ux(rng);
        kp.y = uy(rng);
        kp.visibility = r < 0.3 ? core::Visibility::Occluded : core::Visibility::Visible;
        if (anySource && unit(rng) < 0.5) {
            kp.source = unit(rng) < 0.5 ? core::Source::Propagated : core::Source::Refined;
            kp.score = float(unit(rng));
        } else {
            kp.source = core::Source::Manual;
            kp.score = 1.0f;
        }
        inst.keypoints.push_back(kp);
    }
    return inst;
}

/**
 * A project with two AP-10K species and a custom skeleton: a video clip with two animals of different
 * species, and an image-folder clip with frame metadata.
 */
inline core::Project makeProject(const std::string &dir, int frames = 30, unsigned seed = 7)
{
    std::mt19937 rng(seed);
    core::Project p;
    p.categories = {core::ap10kCategory(8), core::ap10kCategory(29), flyCategory()};
    core::Clip video;
    video.name = "walk";
    video.path = dir + "/videos/walk.mp4";
    video.videoId = 3;
    video.frameCount = frames;
    video.width = 640;
    video.height = 480;
    video.fps = 25.0;
    for (int f = 0; f < frames; f += 2) {
        video.setInstance(f, randomInstance(rng, p.categories[0], 1, 640, 480));
        if (f % 4 == 0)
            video.setInstance(f, randomInstance(rng, p.categories[1], 2, 640, 480));
    }
    video.track(1)->name = "rex";
    core::Clip images;
    images.name = "cage";
    images.path = dir + "/frames/cage";
    images.videoId = 5;
    images.frameCount = 4;
    images.width = 320;
    images.height = 240;
    for (int f = 0; f < 4; ++f)
        images.frameMeta.push_back({"cage/img" + std::to_string(f) + ".png", 1000 + f, 320, 240});
    for (int f = 0; f < 4; ++f) {
        core::Instance inst = randomInstance(rng, p.categories[2], 1, 320, 240);
        if (f == 1) {
            inst.bbox = core::Box{10, 20, 100, 80};
            inst.area = 5000.0;
            inst.annotationId = 77;
        }
        images.setInstance(f, inst);
    }
    p.clips = {video, images};
    return p;
}

} // namespace paddock::test
