// SPDX-License-Identifier: Apache-2.0
// CoTracker3 port: checkpoint reader, formula weights, parity with the reference fixtures.
#include "tests/drawnframes.h"
#include "tests/testutil.h"
#include "core/video/framesource.h"
#include "tracking/cotracker/cotracker3tracker.h"
#include "tracking/cotracker/checkpoint.h"
#include "tracking/cotracker/formulaweights.h"
#include "tracking/cotracker/parity.h"
#include "tracking/trackerfactory.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <atomic>
#include <cmath>
#include <fstream>
#include <iterator>
#include <random>

#include <sys/stat.h>

using namespace paddock::tracking::cotracker;

namespace {

std::string fixtureDir()
{
    const std::string shared = paddock::test::sharedDir();
    return shared.empty() ? std::string() : shared + "/fixtures/cotracker3";
}

/** fixtureDir(), or the test is skipped (ctest lists it so) and an empty string. */
std::string fixtureDirOrSkip()
{
    const std::string shared = paddock::test::sharedDirOrSkip();
    return shared.empty() ? std::string() : shared + "/fixtures/cotracker3";
}

std::string readBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeBytes(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

nlohmann::json readJson(const std::string &path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

void checkAgainstJson(const TensorMap &tensors, const nlohmann::json &j)
{
    REQUIRE(tensors.size() == j["tensors"].size());
    for (const auto &t : j["tensors"]) {
        const std::string name = t["name"];
        INFO(name);
        REQUIRE(tensors.count(name));
        const RawTensor &r = tensors.at(name);
        CHECK(r.shape == t["shape"].get<std::vector<int64_t>>());
        const auto values = t["values"].get<std::vector<double>>();
        REQUIRE(r.f32.size() == values.size());
        for (size_t i = 0; i < values.size(); ++i)
            REQUIRE(r.f32[i] == static_cast<float>(values[i]));
    }
}

RawTensor randomTensor(std::vector<int64_t> shape, std::mt19937 &rng)
{
    RawTensor t;
    t.shape = std::move(shape);
    std::normal_distribution<float> d;
    t.f32.resize(t.numel());
    for (float &v : t.f32)
        v = d(rng);
    return t;
}

} // namespace

TEST_CASE("torch.save writer and reader round-trip float and int64 tensors", "[cotracker][checkpoint]")
{
    std::mt19937 rng(7);
    TensorMap in;
    in["a.weight"] = randomTensor({3, 4, 5}, rng);
    in["b"] = randomTensor({7}, rng);
    in["scalar"] = randomTensor({}, rng);
    RawTensor ints;
    ints.dtype = RawTensor::DType::Int64;
    ints.shape = {2, 3};
    ints.i64 = {0, -1, 5, 1LL << 40, 7, 9};
    in["ints"] = ints;
    const std::string path = paddock::test::tempDir() + "/rt.pth";
    std::string err;
    REQUIRE(writeTorchSave(path, in, &err));
    TensorMap out;
    REQUIRE(readTorchSave(path, &out, &err));
    REQUIRE(out.size() == in.size());
    for (const auto &kv : in) {
        INFO(kv.first);
        CHECK(out[kv.first].shape == kv.second.shape);
        CHECK(out[kv.first].f32 == kv.second.f32);
        CHECK(out[kv.first].i64 == kv.second.i64);
    }
    CHECK(out["ints"].dtype == RawTensor::DType::Int64);
}

TEST_CASE("checkpoint reader reads the reference OrderedDict checkpoints", "[cotracker][checkpoint]")
{
    const std::string dir = fixtureDirOrSkip();
    if (dir.empty())
        return;
    for (const std::string base : {"ordered_dict_checkpoint", "ordered_dict_checkpoint_views"}) {
        INFO(base);
        TensorMap t;
        std::string err;
        REQUIRE(readTorchSave(dir + "/" + base + ".pth", &t, &err));
        checkAgainstJson(t, readJson(dir + "/" + base + ".json"));
    }
}

TEST_CASE("checkpoint reader refuses truncated, corrupted and foreign files without crashing", "[cotracker][checkpoint]")
{
    const std::string tmp = paddock::test::tempDir();
    std::mt19937 rng(3);
    TensorMap in;
    in["x"] = randomTensor({16, 16}, rng);
    in["y"] = randomTensor({5}, rng);
    const std::string good = tmp + "/good.pth";
    std::string err;
    REQUIRE(writeTorchSave(good, in, &err));
    const std::string bytes = readBytes(good);

    // every truncation is refused with a message naming the file
    for (size_t len : {size_t(0), size_t(10), size_t(100), bytes.size() / 2, bytes.size() - 30, bytes.size() - 1}) {
        const std::string p = tmp + "/trunc.pth";
        writeBytes(p, bytes.substr(0, len));
        TensorMap t;
        err.clear();
        INFO(len);
        CHECK_FALSE(readTorchSave(p, &t, &err));
        CHECK(err.find(p) != std::string::npos);
    }
    // a corrupted pickle: the data.pkl bytes overwritten with garbage
    {
        std::string bad = bytes;
        const size_t pos = bad.find("\x80\x02");
        REQUIRE(pos != std::string::npos);
        for (size_t i = pos + 2; i < pos + 60; ++i)
            bad[i] = static_cast<char>(0xFE);
        const std::string p = tmp + "/corrupt.pth";
        writeBytes(p, bad);
        TensorMap t;
        CHECK_FALSE(readTorchSave(p, &t, &err));
        CHECK(err.find("pickle") != std::string::npos);
    }
    // random byte flips anywhere never crash
    for (int k = 0; k < 200; ++k) {
        std::string bad = bytes;
        std::uniform_int_distribution<size_t> pos(0, bad.size() - 1);
        for (int f = 0; f < 4; ++f)
            bad[pos(rng)] = static_cast<char>(rng());
        const std::string p = tmp + "/flip.pth";
        writeBytes(p, bad);
        TensorMap t;
        readTorchSave(p, &t, &err);
    }
    // not a zip at all, and a missing file
    writeBytes(tmp + "/text.pth", "this is not a checkpoint at all, just some text\n");
    TensorMap t;
    CHECK_FALSE(readTorchSave(tmp + "/text.pth", &t, &err));
    CHECK(err.find("zip") != std::string::npos);
    CHECK_FALSE(readTorchSave(tmp + "/missing.pth", &t, &err));
    CHECK(err.find("missing.pth") != std::string::npos);
}

TEST_CASE("checkpoint reader refuses a deeply nested pickle instead of overflowing the stack", "[cotracker][checkpoint]")
{
    // A valid file with a long pickle, whose pickle is then replaced (same length) by 3000 nested lists.
    TensorMap in;
    for (int i = 0; i < 200; ++i) {
        RawTensor t;
        t.shape = {1};
        t.f32 = {float(i)};
        in["a_rather_long_tensor_name_to_make_the_pickle_long_enough_" + std::to_string(i)] = t;
    }
    const std::string path = paddock::test::tempDir() + "/deep.pth";
    std::string err;
    REQUIRE(writeTorchSave(path, in, &err));
    std::string bytes = readBytes(path);
    const size_t start = bytes.find("\x80\x02");
    const size_t end = bytes.find("u.", start);
    REQUIRE(end != std::string::npos);
    std::string evil = "\x80\x02]q";
    evil += '\0';
    for (int i = 0; i < 3000; ++i) {
        evil += "]h";
        evil += '\0';
        evil += "aq";
        evil += '\0';
    }
    evil += '.';
    REQUIRE(evil.size() <= end + 2 - start);
    evil.resize(end + 2 - start, '\0');
    bytes.replace(start, evil.size(), evil);
    writeBytes(path, bytes);
    TensorMap t;
    CHECK_FALSE(readTorchSave(path, &t, &err));
    CHECK(err.find("nested") != std::string::npos);
}

TEST_CASE("CoTracker3 layout has the reference parameter count", "[cotracker][checkpoint]")
{
    const auto layout = cotracker3Layout(60);
    REQUIRE(layout.size() == 188);
    int64_t params = 0;
    for (const auto &e : layout)
        if (!e.buffer) {
            int64_t n = 1;
            for (int64_t s : e.shape)
                n *= s;
            params += n;
        }
    CHECK(params == 25385700);
}

TEST_CASE("CoTracker3 layout matches the reference keys.json", "[cotracker][checkpoint][shared]")
{
    const std::string dir = fixtureDirOrSkip();
    if (dir.empty())
        return;
    const auto keys = readJson(dir + "/keys.json");
    for (const std::string model : {"offline", "online"}) {
        const auto &sd = keys[model]["state_dict"];
        const int window = sd[0][1][1];
        const auto ours = cotracker3Layout(window);
        REQUIRE(sd.size() == ours.size());
        for (size_t i = 0; i < ours.size(); ++i) {
            INFO(ours[i].name);
            CHECK(sd[i][0].get<std::string>() == ours[i].name);
            CHECK(sd[i][1].get<std::vector<int64_t>>() == ours[i].shape);
            CHECK(sd[i][2].get<bool>() == ours[i].buffer);
        }
    }
}

TEST_CASE("CoTracker3 state_dict check refuses wrong files with a clear message", "[cotracker][checkpoint]")
{
    TensorMap sd;
    for (const auto &e : cotracker3Layout(60)) {
        RawTensor t;
        t.shape = e.shape; // values are not needed for the key and shape check
        sd[e.name] = t;
    }
    std::string err;
    CHECK(checkCoTracker3StateDict(sd, "m.pth", &err));
    TensorMap wrongShape = sd;
    wrongShape["corr_mlp.fc1.weight"].shape = {384, 2400};
    CHECK_FALSE(checkCoTracker3StateDict(wrongShape, "m.pth", &err));
    CHECK(err.find("corr_mlp.fc1.weight") != std::string::npos);
    CHECK(err.find("CC BY-NC") != std::string::npos);
    TensorMap missing = sd;
    missing.erase("updateformer.virual_tracks");
    CHECK_FALSE(checkCoTracker3StateDict(missing, "m.pth", &err));
    CHECK(err.find("virual_tracks") != std::string::npos);
    TensorMap extra = sd;
    extra["module.extra"] = RawTensor();
    CHECK_FALSE(checkCoTracker3StateDict(extra, "m.pth", &err));

    // a real file on disk: a wrong-shape checkpoint and a valid torch file that is not CoTracker3
    const std::string tmp = paddock::test::tempDir();
    TensorMap small;
    std::mt19937 rng(1);
    small["time_emb"] = randomTensor({1, 2, 4}, rng);
    small["fnet.conv1.weight"] = randomTensor({2, 3, 3, 3}, rng);
    REQUIRE(writeTorchSave(tmp + "/wrong.pth", small, &err));
    TensorMap t;
    CHECK_FALSE(readCoTracker3Checkpoint(tmp + "/wrong.pth", &t, &err));
    CHECK(err.find("wrong.pth") != std::string::npos);
    CHECK(err.find("scaled_offline.pth") != std::string::npos);
    const std::string dir = fixtureDir();
    if (!dir.empty()) {
        CHECK_FALSE(readCoTracker3Checkpoint(dir + "/ordered_dict_checkpoint.pth", &t, &err));
        CHECK(err.find("time_emb") != std::string::npos);
    }
}

TEST_CASE("formula weights reproduce the reference generator", "[cotracker][weights]")
{
    const TensorMap w = formulaWeights(60);
    REQUIRE(w.size() == 188);
    CHECK(w.at("corr_mlp.fc1.bias").f32[0] == Approx(0.00960339326).epsilon(1e-7));
}

TEST_CASE("formula weights match the reference weights_check.pt", "[cotracker][weights][shared]")
{
    const TensorMap w = formulaWeights(60);
    const std::string dir = fixtureDirOrSkip();
    if (dir.empty())
        return;
    TensorMap check;
    std::string err;
    REQUIRE(readTorchSave(dir + "/weights_check.pt", &check, &err));
    REQUIRE(check.size() == 9);
    for (const auto &kv : check) {
        INFO(kv.first);
        const auto &ours = w.at(kv.first).f32;
        for (size_t i = 0; i < kv.second.f32.size(); ++i)
            CHECK(ours[i] == kv.second.f32[i]);
    }
    const auto j = readJson(dir + "/weights_check.json");
    const auto &entries = j.is_array() ? j : (j.contains("entries") ? j["entries"] : j["keys"]);
    int checked = 0;
    for (const auto &e : entries) {
        const std::string name = e["name"];
        INFO(name);
        const auto &v = w.at(name).f32;
        double sum = 0;
        for (float x : v)
            sum += x;
        CHECK(std::abs(sum - e["sum_f64"].get<double>()) <= 1e-5);
        const auto last8 = e["last8"].get<std::vector<double>>();
        for (size_t i = 0; i < last8.size(); ++i)
            CHECK(v[v.size() - last8.size() + i] == static_cast<float>(last8[i]));
        ++checked;
    }
    CHECK(checked == 188);
}

namespace {

void requireParity(const ParityReport &rep)
{
    INFO(rep.toString());
    REQUIRE(rep.ran);
    REQUIRE(!rep.entries.empty());
    for (const auto &e : rep.entries) {
        INFO(e.name << " max|diff| " << e.maxAbsDiff << " atol " << e.atol << " rtol " << e.rtol << " " << e.problem);
        CHECK(e.problem.empty());
        CHECK(e.pass);
    }
}

} // namespace

TEST_CASE("CoTracker3 forward matches the reference forward.pt", "[cotracker][parity]")
{
    const std::string dir = fixtureDirOrSkip();
    if (dir.empty())
        return;
    const ParityReport rep = runForwardParity(dir);
    requireParity(rep);
    CHECK(rep.entries.size() >= 24);
}

TEST_CASE("CoTracker3 test-time optimisation matches the reference tto.pt", "[cotracker][parity]")
{
    const std::string dir = fixtureDirOrSkip();
    if (dir.empty())
        return;
    const ParityReport rep = runTtoParity(dir);
    requireParity(rep);
}

// ------------------------------------------------------------------------------------------ tracker

namespace {

/** Synthetic frames: a textured background with a bright blob moving right by 2 px per frame. */
paddock::test::DrawnFrames syntheticFrames(int frames, int w, int h)
{
    return paddock::test::DrawnFrames(frames, w, h, [w, h](int index) {
        cv::Mat img(h, w, CV_8UC3);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const double bx = x - (40 + 2.0 * index), by = y - 30;
                const double blob = 120 * std::exp(-(bx * bx + by * by) / 50.0);
                for (int c = 0; c < 3; ++c) {
                    const double v = 100 + 40 * std::sin(0.3 * x + c) * std::cos(0.2 * y) + blob;
                    img.at<cv::Vec3b>(y, x)[c] = static_cast<uchar>(std::clamp(v, 0.0, 255.0));
                }
            }
        return img;
    });
}

paddock::core::Keypoint userPoint(double x, double y)
{
    paddock::core::Keypoint kp;
    kp.x = x;
    kp.y = y;
    kp.visibility = paddock::core::Visibility::Visible;
    kp.source = paddock::core::Source::Manual;
    kp.score = 1.f;
    return kp;
}

std::string formulaCheckpoint()
{
    static std::string path;
    if (path.empty()) {
        path = paddock::test::tempDir() + "/formula.pth";
        std::string err;
        REQUIRE(writeTorchSave(path, formulaWeights(60), &err));
    }
    return path;
}

} // namespace

TEST_CASE("CoTracker3 tracker fills every keypoint, keeps labels exact, reports progress", "[cotracker][tracker]")
{
    using namespace paddock;
    paddock::test::DrawnFrames frames = syntheticFrames(8, 160, 120);
    tracking::TrackingInput input;
    core::Category cat;
    cat.id = 1;
    cat.keypoints = {"a", "b", "c"};
    input.categories = {cat};
    input.clip.tracks = {core::Track{1, 1, "one"}};
    core::Instance i0;
    i0.trackId = 1;
    i0.keypoints = {userPoint(40, 30), userPoint(60, 50), core::Keypoint()};
    input.clip.setInstance(0, i0);
    core::Instance i3;
    i3.trackId = 1;
    i3.keypoints = {userPoint(46, 30), core::Keypoint(), core::Keypoint()};
    input.clip.setInstance(3, i3);
    core::Instance i6;
    i6.trackId = 1;
    i6.keypoints = {userPoint(52.5, 30.25), core::Keypoint(), userPoint(100, 80)}; // c: labelled late only
    input.clip.setInstance(6, i6);

    tracking::CoTracker3Params params;
    params.weights = formulaCheckpoint();
    params.device = "cpu";
    params.steps = 2;
    params.iters = 2;
    params.windowFrames = 5; // two windows, 0-4 and 4-7
    params.modelHeight = 96;
    params.modelWidth = 128;
    tracking::CoTracker3Tracker tracker(params);
    std::vector<tracking::Progress> seen;
    std::atomic_bool cancel{false};
    tracking::TrackingOutput out;
    std::string err;
    REQUIRE(tracker.track(frames, input, &out, [&](const tracking::Progress &p) { seen.push_back(p); }, cancel, &err));
    INFO(err);
    REQUIRE(out.size() == 7); // frames 0-6: the animal's labelled span; nothing on frame 7, after its last label
    CHECK(out.count(7) == 0);
    for (int f = 0; f < 7; ++f) {
        INFO("frame " << f);
        REQUIRE(out[f].size() == 1);
        const core::Instance &inst = out[f][0];
        REQUIRE(inst.keypoints.size() == 3);
        for (const core::Keypoint &kp : inst.keypoints) {
            CHECK(kp.isLabelled()); // c is tracked backwards from frame 6 to frame 0
            CHECK(kp.score >= 0.f);
            CHECK(kp.score <= 1.f);
            CHECK(kp.x >= 0);
            CHECK(kp.x <= 159);
        }
    }
    CHECK(out[0][0].keypoints[0] == i0.keypoints[0]);
    CHECK(out[0][0].keypoints[1] == i0.keypoints[1]);
    CHECK(out[3][0].keypoints[0] == i3.keypoints[0]);
    CHECK(out[6][0].keypoints[0] == i6.keypoints[0]);
    CHECK(out[6][0].keypoints[2] == i6.keypoints[2]);
    CHECK(out[2][0].keypoints[0].source == core::Source::Propagated);
    CHECK(out[3][0].keypoints[1].source == core::Source::Propagated);
    CHECK(tracker.stats().windows == 2); // 0-4 and 4-6
    CHECK(tracker.stats().queries == 3);
    CHECK(tracker.stats().ttoSteps > 0);
    CHECK(tracker.stats().lastLoss < tracker.stats().firstLoss); // TTO lowers the loss on the labels
    REQUIRE(!seen.empty());
    for (size_t k = 1; k < seen.size(); ++k)
        CHECK(seen[k].done >= seen[k - 1].done);
    CHECK(seen.back().done == seen.back().total);

    // cancel at the first progress report
    std::atomic_bool stop{false};
    CHECK_FALSE(tracker.track(frames, input, &out, [&](const tracking::Progress &) { stop = true; }, stop, &err));
    CHECK(err.find("cancel") != std::string::npos);
    CHECK(out.empty());
}

TEST_CASE("CoTracker3 tracker refuses a missing or wrong model file clearly", "[cotracker][tracker]")
{
    using namespace paddock;
    paddock::test::DrawnFrames frames = syntheticFrames(2, 64, 64);
    tracking::TrackingInput input;
    std::atomic_bool cancel{false};
    tracking::TrackingOutput out;
    std::string err;
    tracking::CoTracker3Params params;
    params.weights = paddock::test::tempDir() + "/nope.pth";
    tracking::CoTracker3Tracker missing(params);
    CHECK_FALSE(missing.track(frames, input, &out, {}, cancel, &err));
    CHECK(err.find("nope.pth") != std::string::npos);
    CHECK(err.find("CC BY-NC") != std::string::npos);
    params.weights.clear();
    tracking::CoTracker3Tracker none(params);
    CHECK_FALSE(none.track(frames, input, &out, {}, cancel, &err));
    CHECK(err.find("scaled_offline.pth") != std::string::npos);
}

TEST_CASE("A folder or a FIFO given as the model file is refused at once with a clear message",
          "[cotracker][checkpoint]")
{
    using namespace paddock;
    const std::string dir = test::tempDir() + "/weights-folder.pth";
    std::filesystem::create_directories(dir);
    const std::string fifo = test::tempDir() + "/weights-fifo.pth";
    std::filesystem::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto started = std::chrono::steady_clock::now();
    for (const std::string &path : {dir, fifo}) {
        INFO(path);
        TensorMap t;
        std::string err;
        CHECK_FALSE(readTorchSave(path, &t, &err)); // a FIFO with no writer would block in open() here
        CHECK(err.find(path) != std::string::npos);
        CHECK((err.find("folder") != std::string::npos || err.find("not a regular file") != std::string::npos));
        tracking::TrackerOptions o;
        o.tracker = "cotracker3";
        o.weights = path;
        CHECK_FALSE(tracking::makeTracker(o, &err)); // what `--weights DIR` runs first (it aborted before)
        CHECK(err.find(path) != std::string::npos);
        tracking::CoTracker3Params params;
        params.weights = path;
        tracking::CoTracker3Tracker tracker(params);
        CHECK_FALSE(tracker.loadModel(&err));
        CHECK(err.find("CC BY-NC") != std::string::npos);
    }
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    std::filesystem::remove(fifo);
}

TEST_CASE("Loading the model reports progress and can be cancelled", "[cotracker][tracker]")
{
    using namespace paddock;
    tracking::CoTracker3Params params;
    params.weights = formulaCheckpoint();
    params.device = "cpu";
    std::vector<tracking::Progress> seen;
    std::atomic_bool cancel{false};
    std::string err;
    {
        tracking::CoTracker3Tracker tracker(params);
        REQUIRE(tracker.prepare([&](const tracking::Progress &p) { seen.push_back(p); }, cancel, &err));
        REQUIRE(seen.size() >= 2);
        CHECK(seen.front().done == 0);
        CHECK(seen.back().done == seen.back().total);
        CHECK(seen.back().stage.find("model") != std::string::npos);
    }
    {
        tracking::CoTracker3Tracker tracker(params);
        std::atomic_bool stop{false};
        CHECK_FALSE(tracker.prepare([&](const tracking::Progress &p) { stop = p.done > 0; }, stop, &err));
        CHECK(err == "cancelled");
    }
}
