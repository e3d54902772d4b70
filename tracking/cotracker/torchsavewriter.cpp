// SPDX-License-Identifier: Apache-2.0
// The torch.save writer: an OrderedDict pickle of float32/int64 tensors in a stored zip, as torch.save
// writes a state_dict. For tests and for saving converted weights.
#include "tracking/cotracker/checkpoint.h"

#include "core/io/atomicfile.h"

#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace paddock::tracking::cotracker {

namespace {

uint32_t crc32(const char *data, size_t n)
{
    static uint32_t table[256] = {0};
    if (!table[1])
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i)
        c = table[(c ^ static_cast<unsigned char>(data[i])) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void putLe(std::string &out, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

} // namespace

bool writeTorchSave(const std::string &path, const TensorMap &tensors, std::string *error)
{
    const std::string archive = "archive/";
    std::string pk = "\x80\x02" "ccollections\nOrderedDict\n)R(";
    auto str = [&](const std::string &s) { pk += 'X'; putLe(pk, s.size(), 4); pk += s; };
    auto num = [&](int64_t v) {
        if (v >= INT32_MIN && v <= INT32_MAX) { pk += 'J'; putLe(pk, static_cast<uint64_t>(v), 4); }
        else { pk += '\x8a'; pk += '\x08'; putLe(pk, static_cast<uint64_t>(v), 8); }
    };
    std::vector<std::pair<std::string, std::string>> entries;
    int key = 0;
    for (const auto &kv : tensors) {
        const RawTensor &t = kv.second;
        const bool isFloat = t.dtype == RawTensor::DType::Float32;
        if (!isFloat && t.dtype != RawTensor::DType::Int64) {
            if (error)
                *error = path + ": only float32 and int64 tensors can be written";
            return false;
        }
        const int64_t n = t.numel();
        if ((isFloat ? static_cast<int64_t>(t.f32.size()) : static_cast<int64_t>(t.i64.size())) != n) {
            if (error)
                *error = path + ": tensor '" + kv.first + "' has " + t.shapeString() + " but a different value count";
            return false;
        }
        const std::string k = std::to_string(key++);
        str(kv.first);
        pk += "ctorch._utils\n_rebuild_tensor_v2\n((";
        str("storage");
        pk += isFloat ? "ctorch\nFloatStorage\n" : "ctorch\nLongStorage\n";
        str(k);
        str("cpu");
        num(n);
        pk += "tQ";
        num(0);
        pk += '(';
        for (int64_t s : t.shape)
            num(s);
        pk += "t(";
        int64_t stride = 1;
        std::vector<int64_t> strides(t.shape.size());
        for (size_t d = t.shape.size(); d-- > 0;) {
            strides[d] = stride;
            stride *= t.shape[d];
        }
        for (int64_t s : strides)
            num(s);
        pk += "t\x89" "ccollections\nOrderedDict\n)RtR";
        std::string data(isFloat ? reinterpret_cast<const char *>(t.f32.data())
                                 : reinterpret_cast<const char *>(t.i64.data()),
                         static_cast<size_t>(n) * (isFloat ? 4 : 8));
        entries.emplace_back(archive + "data/" + k, std::move(data));
    }
    pk += "u.";
    entries.insert(entries.begin(), {archive + "data.pkl", pk});
    entries.emplace_back(archive + "version", "3\n");

    // Through the one checked, atomic writer: a full disk is reported and an existing file stays whole.
    core::AtomicFile out;
    if (!out.open(path, error))
        return false;
    std::string central;
    uint64_t offset = 0;
    for (const auto &e : entries) {
        const uint32_t crc = crc32(e.second.data(), e.second.size());
        std::string h;
        putLe(h, 0x04034b50, 4);
        putLe(h, 20, 2); putLe(h, 0, 2); putLe(h, 0, 2); putLe(h, 0, 2); putLe(h, 0, 2);
        putLe(h, crc, 4); putLe(h, e.second.size(), 4); putLe(h, e.second.size(), 4);
        putLe(h, e.first.size(), 2); putLe(h, 0, 2);
        h += e.first;
        std::string c;
        putLe(c, 0x02014b50, 4);
        putLe(c, 20, 2); putLe(c, 20, 2); putLe(c, 0, 2); putLe(c, 0, 2); putLe(c, 0, 2); putLe(c, 0, 2);
        putLe(c, crc, 4); putLe(c, e.second.size(), 4); putLe(c, e.second.size(), 4);
        putLe(c, e.first.size(), 2); putLe(c, 0, 2); putLe(c, 0, 2); putLe(c, 0, 2); putLe(c, 0, 2);
        putLe(c, 0, 4); putLe(c, offset, 4);
        c += e.first;
        central += c;
        if (!out.write(h, error) || !out.write(e.second, error))
            return false;
        offset += h.size() + e.second.size();
    }
    std::string end;
    putLe(end, 0x06054b50, 4);
    putLe(end, 0, 2); putLe(end, 0, 2); putLe(end, entries.size(), 2); putLe(end, entries.size(), 2);
    putLe(end, central.size(), 4); putLe(end, offset, 4); putLe(end, 0, 2);
    return out.write(central, error) && out.write(end, error) && out.commit(error);
}

} // namespace paddock::tracking::cotracker
