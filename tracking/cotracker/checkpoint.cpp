// SPDX-License-Identifier: Apache-2.0
// What a CoTracker3 checkpoint must hold: the 188 state_dict entries with their shapes, the check of a read
// state_dict against them, and the RawTensor basics. The file format itself: zipreader.cpp, pickle.cpp,
// torchsave.cpp (reading) and torchsavewriter.cpp.
#include "tracking/cotracker/checkpoint.h"

#include <set>

namespace paddock::tracking::cotracker {

int64_t RawTensor::numel() const
{
    int64_t n = 1;
    for (int64_t s : shape)
        n *= s;
    return n;
}

std::string RawTensor::shapeString() const
{
    std::string s = "(";
    for (size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + ")";
}

std::vector<ExpectedEntry> cotracker3Layout(int windowLen)
{
    std::vector<ExpectedEntry> e;
    auto add = [&](const std::string &n, std::vector<int64_t> s) { e.push_back({n, std::move(s), false}); };
    e.push_back({"time_emb", {1, windowLen, 1110}, true});
    add("fnet.conv1.weight", {64, 3, 7, 7});
    add("fnet.conv1.bias", {64});
    const int64_t chans[5] = {64, 64, 96, 128, 128};
    for (int l = 1; l <= 4; ++l) {
        const int64_t in = chans[l - 1], out = chans[l];
        for (int b = 0; b < 2; ++b) {
            const std::string p = "fnet.layer" + std::to_string(l) + "." + std::to_string(b) + ".";
            const int64_t cin = b == 0 ? in : out;
            add(p + "conv1.weight", {out, cin, 3, 3});
            add(p + "conv1.bias", {out});
            add(p + "conv2.weight", {out, out, 3, 3});
            add(p + "conv2.bias", {out});
            if (b == 0 && l > 1) {
                add(p + "downsample.0.weight", {out, in, 1, 1});
                add(p + "downsample.0.bias", {out});
            }
        }
    }
    add("fnet.conv2.weight", {256, 416, 3, 3});
    add("fnet.conv2.bias", {256});
    add("fnet.conv3.weight", {128, 256, 1, 1});
    add("fnet.conv3.bias", {128});
    const std::string u = "updateformer.";
    add(u + "virual_tracks", {1, 64, 1, 384});
    add(u + "input_transform.weight", {384, 1110});
    add(u + "input_transform.bias", {384});
    add(u + "flow_head.weight", {2, 384});
    add(u + "flow_head.bias", {2});
    add(u + "vis_conf_head.weight", {2, 384});
    add(u + "vis_conf_head.bias", {2});
    auto attnMlp = [&](const std::string &p, const std::string &attn) {
        add(p + attn + ".to_q.weight", {384, 384});
        add(p + attn + ".to_q.bias", {384});
        add(p + attn + ".to_kv.weight", {768, 384});
        add(p + attn + ".to_kv.bias", {768});
        add(p + attn + ".to_out.weight", {384, 384});
        add(p + attn + ".to_out.bias", {384});
        add(p + "mlp.fc1.weight", {1536, 384});
        add(p + "mlp.fc1.bias", {1536});
        add(p + "mlp.fc2.weight", {384, 1536});
        add(p + "mlp.fc2.bias", {384});
    };
    for (const char *group : {"time_blocks", "space_virtual_blocks"})
        for (int i = 0; i < 3; ++i)
            attnMlp(u + group + "." + std::to_string(i) + ".", "attn");
    for (const char *group : {"space_point2virtual_blocks", "space_virtual2point_blocks"})
        for (int i = 0; i < 3; ++i) {
            const std::string p = u + group + "." + std::to_string(i) + ".";
            add(p + "norm_context.weight", {384});
            add(p + "norm_context.bias", {384});
            attnMlp(p, "cross_attn");
        }
    add("corr_mlp.fc1.weight", {384, 2401});
    add("corr_mlp.fc1.bias", {384});
    add("corr_mlp.fc2.weight", {256, 384});
    add("corr_mlp.fc2.bias", {256});
    return e;
}

bool checkCoTracker3StateDict(const TensorMap &tensors, const std::string &what, std::string *error)
{
    auto fail = [&](const std::string &m) {
        if (error)
            *error = what + ": " + m
                     + " (expected the CoTracker3 checkpoint scaled_offline.pth, CC BY-NC 4.0, which you download "
                       "yourself from the CoTracker3 release; Paddock does not ship or download it)";
        return false;
    };
    auto te = tensors.find("time_emb");
    int window = 60;
    if (te != tensors.end() && te->second.shape.size() == 3 && te->second.shape[1] > 0)
        window = static_cast<int>(te->second.shape[1]);
    const auto layout = cotracker3Layout(window);
    std::set<std::string> expected;
    int missing = 0;
    std::string firstMissing;
    for (const auto &e : layout) {
        expected.insert(e.name);
        auto it = tensors.find(e.name);
        if (it == tensors.end()) {
            if (!missing++)
                firstMissing = e.name;
            continue;
        }
        if (it->second.shape != e.shape) {
            RawTensor want;
            want.shape = e.shape;
            return fail("'" + e.name + "' has shape " + it->second.shapeString() + ", expected "
                        + want.shapeString());
        }
        if (it->second.dtype != RawTensor::DType::Float32)
            return fail("'" + e.name + "' is not float32");
    }
    if (missing)
        return fail(std::to_string(missing) + " of " + std::to_string(layout.size()) + " tensors are missing, e.g. '"
                    + firstMissing + "'");
    for (const auto &kv : tensors)
        if (!expected.count(kv.first))
            return fail("unexpected tensor '" + kv.first + "'");
    return true;
}

bool readCoTracker3Checkpoint(const std::string &path, TensorMap *tensors, std::string *error,
                              const std::atomic_bool *cancel, const ReadProgress &progress)
{
    TensorMap t;
    std::string err;
    if (!readTorchSave(path, &t, &err, cancel, progress)) {
        if (cancel && cancel->load()) {
            if (error)
                *error = "cancelled";
            return false;
        }
        if (error)
            *error = err
                     + " (expected the CoTracker3 checkpoint scaled_offline.pth, CC BY-NC 4.0, which you download "
                       "yourself from the CoTracker3 release; Paddock does not ship or download it)";
        return false;
    }
    if (!checkCoTracker3StateDict(t, path, error))
        return false;
    *tensors = std::move(t);
    return true;
}

} // namespace paddock::tracking::cotracker
