// SPDX-License-Identifier: Apache-2.0
// The built-in demo clip: a side view of a dog-like quadruped walking to the right over a textured floor.
// Everything is computed from the frame index (no state), so the ground truth and the pixels always agree.
#include "core/demo/democlip.h"

#include "core/io/atomicfile.h"
#include "core/model/category.h"

#include <QDir>
#include <QString>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>
#include <cstdio>

namespace paddock::core {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kShift = 4; // sub-pixel drawing: coordinates in 1/16 pixel
constexpr double kOne = 1 << kShift;

struct Pose
{
    cv::Point2d centre; // body centre in the image
    double angle = 0.0; // body rotation (radians)
    double phase = 0.0; // gait phase
    std::array<cv::Point2d, 17> kp; // AP-10K order, image pixels
};

cv::Point2d toWorld(const Pose &p, cv::Point2d body)
{
    const double c = std::cos(p.angle), s = std::sin(p.angle);
    return {p.centre.x + c * body.x - s * body.y, p.centre.y + s * body.x + c * body.y};
}

/**
 * One leg: the paw stands still on the ground during stance and swings forward (lifted) to its next
 * foothold, as a walking animal's does; the middle joint follows by two-link inverse kinematics.
 */
void leg(const Pose &p, int frame, cv::Point2d jointBody, double phaseOffset, bool front, double speed,
         double groundY, cv::Point2d *mid, cv::Point2d *paw)
{
    constexpr double kPeriod = 14.0, kDuty = 0.6, kSegment = 33.0;
    const double stride = speed * kPeriod;
    const double cycles = frame / kPeriod + phaseOffset;
    const double k = std::floor(cycles), u = cycles - k;
    double progress = 0.0, lift = 0.0; // of the current swing
    if (u >= kDuty) {
        const double w = (u - kDuty) / (1.0 - kDuty);
        progress = 0.5 - 0.5 * std::cos(kPi * w);
        lift = 9.0 * std::sin(kPi * w);
    }
    const cv::Point2d joint = toWorld(p, jointBody);
    // Where the paw is: a foothold every stride, placed so that mid-stance is under the joint.
    const double neutral = joint.x - speed * (frame - (k + kDuty * 0.5 - phaseOffset) * kPeriod);
    *paw = {neutral + stride * progress, groundY - lift};
    cv::Point2d d = *paw - joint;
    double len = std::hypot(d.x, d.y);
    if (len > 2 * kSegment - 0.5) { // out of reach: the paw comes along
        d *= (2 * kSegment - 0.5) / len;
        *paw = joint + d;
        len = 2 * kSegment - 0.5;
    }
    const double h = std::sqrt(std::max(0.0, kSegment * kSegment - len * len / 4));
    cv::Point2d perp(-d.y / len, d.x / len);
    if ((perp.x > 0) == front)
        perp = -perp; // elbows point back, knees forward
    *mid = joint + d * 0.5 + perp * h;
}

Pose poseAt(int frame, const DemoClipOptions &o)
{
    Pose p;
    const double t = frame;
    const double sx = o.width / 640.0, sy = o.height / 360.0;
    p.centre = {(140.0 + 5.2 * t) * sx, (170.0 + 6.0 * std::sin(t / 9.0)) * sy};
    p.angle = 0.08 * std::sin(t / 11.0);
    p.phase = 2.0 * kPi * t / 14.0;
    const double bob = 2.0 * std::sin(2.0 * p.phase);
    // Body frame: x forward, y down; the head nods a little with the gait.
    p.kp[3] = toWorld(p, {62, -14 + bob});             // neck
    p.kp[2] = toWorld(p, {112, -34 + 1.5 * bob});      // nose
    p.kp[0] = toWorld(p, {92, -46 + bob});             // left eye
    p.kp[1] = toWorld(p, {99, -43 + bob});             // right eye
    p.kp[4] = toWorld(p, {-70, -10});                  // root of tail
    const cv::Point2d ls(44, 8), rs(38, 10), lh(-48, 6), rh(-54, 8);
    p.kp[5] = toWorld(p, ls);
    p.kp[8] = toWorld(p, rs);
    p.kp[11] = toWorld(p, lh);
    p.kp[14] = toWorld(p, rh);
    const double speed = 5.2 * sx, ground = 238.0 * sy;
    leg(p, frame, ls, 0.25, true, speed, ground, &p.kp[6], &p.kp[7]);
    leg(p, frame, rs, 0.75, true, speed, ground + 3, &p.kp[9], &p.kp[10]);
    leg(p, frame, lh, 0.0, false, speed, ground, &p.kp[12], &p.kp[13]);
    leg(p, frame, rh, 0.5, false, speed, ground + 3, &p.kp[15], &p.kp[16]);
    return p;
}

cv::Point fixed(cv::Point2d p)
{
    return {int(std::lround(p.x * kOne)), int(std::lround(p.y * kOne))};
}

void segment(cv::Mat &img, cv::Point2d a, cv::Point2d b, const cv::Scalar &colour, int thickness)
{
    cv::line(img, fixed(a), fixed(b), colour, thickness, cv::LINE_AA, kShift);
}

void disc(cv::Mat &img, cv::Point2d c, double r, const cv::Scalar &colour)
{
    cv::circle(img, fixed(c), int(std::lround(r * kOne)), colour, cv::FILLED, cv::LINE_AA, kShift);
}

/** A still, textured floor: smoothed noise with stones of several sizes. */
cv::Mat background(const DemoClipOptions &o)
{
    cv::RNG rng(o.seed);
    cv::Mat noise(o.height, o.width, CV_8UC3);
    rng.fill(noise, cv::RNG::UNIFORM, cv::Scalar(60, 90, 50), cv::Scalar(130, 160, 110));
    cv::GaussianBlur(noise, noise, cv::Size(0, 0), 2.0);
    for (int i = 0; i < o.width * o.height / 1500; ++i) {
        const cv::Point c(rng.uniform(0, o.width), rng.uniform(0, o.height));
        const int r = rng.uniform(2, 9);
        const cv::Scalar col(rng.uniform(70, 120), rng.uniform(100, 150), rng.uniform(60, 110));
        cv::circle(noise, c, r, col, cv::FILLED, cv::LINE_AA);
    }
    cv::GaussianBlur(noise, noise, cv::Size(0, 0), 0.8);
    return noise;
}

void drawLeg(cv::Mat &img, const Pose &p, int joint, const cv::Scalar &fur, const cv::Scalar &paw)
{
    segment(img, p.kp[joint], p.kp[joint + 1], fur, 11);
    segment(img, p.kp[joint + 1], p.kp[joint + 2], fur, 8);
    disc(img, p.kp[joint + 1], 6.5, fur * 0.8);
    disc(img, p.kp[joint + 1], 2.5, cv::Scalar(240, 240, 240));
    disc(img, p.kp[joint + 2], 7.0, paw);
    disc(img, p.kp[joint + 2], 2.5, cv::Scalar(20, 20, 20));
}

void drawAnimal(cv::Mat &img, const Pose &p)
{
    const cv::Scalar fur(40, 110, 190), far(30, 80, 140), dark(20, 40, 70); // BGR
    // Far legs first, then the tail, body, head and the near legs.
    drawLeg(img, p, 8, far, cv::Scalar(30, 30, 90));
    drawLeg(img, p, 14, far, cv::Scalar(30, 30, 90));
    const cv::Point2d tailMid = toWorld(p, {-100, -30 + 6 * std::sin(p.phase)});
    const cv::Point2d tailTip = toWorld(p, {-125, -55 + 10 * std::sin(p.phase)});
    segment(img, p.kp[4], tailMid, fur, 9);
    segment(img, tailMid, tailTip, fur * 0.9, 6);
    std::vector<cv::Point> body;
    for (int i = 0; i < 48; ++i) {
        const double a = 2.0 * kPi * i / 48.0;
        body.push_back(fixed(toWorld(p, {78.0 * std::cos(a), -2.0 + 30.0 * std::sin(a)})));
    }
    cv::fillPoly(img, std::vector<std::vector<cv::Point>>{body}, fur, cv::LINE_AA, kShift);
    // Coat pattern fixed to the body, so that trackers have texture to follow.
    cv::RNG spots(1234);
    for (int i = 0; i < 26; ++i) {
        const double a = spots.uniform(0.0, 2.0 * kPi), r = std::sqrt(spots.uniform(0.0, 0.8));
        const cv::Point2d c(70.0 * r * std::cos(a), -2.0 + 24.0 * r * std::sin(a));
        const double rad = spots.uniform(2.5, 7.0);
        disc(img, toWorld(p, c), rad, i % 3 == 0 ? cv::Scalar(230, 230, 235) : dark);
    }
    segment(img, p.kp[3], toWorld(p, {40, 0}), fur, 26); // neck
    const cv::Point2d head = toWorld(p, {92, -36});
    disc(img, head, 19.0, fur);
    segment(img, head, p.kp[2], fur, 18); // muzzle
    disc(img, p.kp[2], 5.0, cv::Scalar(15, 15, 15)); // nose
    disc(img, toWorld(p, {80, -55}), 7.0, dark);       // ear
    for (int e = 0; e < 2; ++e) {
        disc(img, p.kp[e], 4.5, cv::Scalar(245, 245, 245));
        disc(img, p.kp[e], 2.2, cv::Scalar(10, 10, 10));
    }
    drawLeg(img, p, 5, fur, cv::Scalar(40, 40, 160));
    drawLeg(img, p, 11, fur, cv::Scalar(40, 40, 160));
}

} // namespace

Instance demoGroundTruth(int frame, const DemoClipOptions &options)
{
    const Pose p = poseAt(frame, options);
    Instance inst;
    inst.trackId = 1;
    inst.categoryId = options.speciesId;
    for (const cv::Point2d &q : p.kp) {
        Keypoint k;
        k.x = q.x;
        k.y = q.y;
        k.visibility = Visibility::Visible;
        k.source = Source::Imported;
        k.score = 1.0f;
        inst.keypoints.push_back(k);
    }
    return inst;
}

std::optional<Clip> renderDemoClip(const std::string &dir, std::string *error, const DemoClipOptions &options)
{
    const QString qdir = QString::fromStdString(dir);
    if (!QDir().mkpath(qdir)) {
        if (error)
            *error = "cannot create the folder " + dir;
        return std::nullopt;
    }
    const cv::Mat floor = background(options);
    Clip clip;
    clip.name = "demo";
    clip.path = QDir(qdir).absolutePath().toStdString();
    clip.frameCount = options.frames;
    clip.width = options.width;
    clip.height = options.height;
    clip.fps = 15.0;
    const Category cat = ap10kCategory(options.speciesId);
    Track &track = clip.ensureTrack(1, options.speciesId);
    track.name = cat.name;
    for (int f = 0; f < options.frames; ++f) {
        cv::Mat img = floor.clone();
        drawAnimal(img, poseAt(f, options));
        char name[32];
        std::snprintf(name, sizeof name, "frame_%04d.png", f);
        const std::string path = clip.path + "/" + name;
        std::vector<uchar> png;
        if (!cv::imencode(".png", img, png)) {
            if (error)
                *error = "cannot encode " + path;
            return std::nullopt;
        }
        if (!writeFileAtomically(path, std::string(png.begin(), png.end()), error))
            return std::nullopt;
        clip.setInstance(f, demoGroundTruth(f, options));
    }
    return clip;
}

} // namespace paddock::core
