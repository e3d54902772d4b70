// SPDX-License-Identifier: Apache-2.0
// Tensor assembly for torch.save files: reads the file (regular files only, in chunks, cancellable),
// finds data.pkl, unpickles it and turns each tensor record into a RawTensor from its storage, with every
// size, stride and offset checked against the storage.
#include "tracking/cotracker/checkpoint.h"
#include "tracking/cotracker/torchsaveparts.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include <sys/stat.h>

namespace paddock::tracking::cotracker {

using namespace detail;

namespace {

RawTensor materialize(const std::string &name, const Value &t, const std::string &file,
                      const std::map<std::string, ZipEntry> &zip, const std::string &prefix)
{
    struct TypeInfo { const char *name; RawTensor::DType dtype; int size; };
    static const TypeInfo kTypes[] = {
        {"FloatStorage", RawTensor::DType::Float32, 4}, {"DoubleStorage", RawTensor::DType::Float64, 8},
        {"LongStorage", RawTensor::DType::Int64, 8},    {"IntStorage", RawTensor::DType::Int32, 4},
        {"ByteStorage", RawTensor::DType::UInt8, 1},    {"BoolStorage", RawTensor::DType::Bool, 1},
    };
    const TypeInfo *type = nullptr;
    for (const auto &ti : kTypes)
        if (t.s2 == ti.name)
            type = &ti;
    if (!type)
        throw Fail("tensor '" + name + "' has an unsupported storage type " + t.s2);
    auto it = zip.find(prefix + "data/" + t.s);
    if (it == zip.end())
        throw Fail("storage '" + t.s + "' of tensor '" + name + "' is missing from the archive");
    if (!(t.f >= 0) || t.f > double(it->second.size / type->size))
        throw Fail("storage of tensor '" + name + "' is shorter than recorded (truncated file?)");
    const auto storageNumel = static_cast<uint64_t>(t.f);
    RawTensor r;
    r.dtype = type->dtype;
    r.shape = t.shape;
    if (r.shape.size() > 16)
        throw Fail("tensor '" + name + "' has too many dimensions");
    constexpr int64_t kLimit = int64_t(1) << 40;
    for (size_t d = 0; d < r.shape.size(); ++d)
        if (r.shape[d] < 0 || r.shape[d] > kLimit || t.stride[d] < 0 || t.stride[d] > kLimit)
            throw Fail("tensor '" + name + "' has an invalid size or stride");
    // validate the view's extent (128-bit: sizes and strides come from the file)
    __int128 count = 1, maxIndex = t.i;
    for (size_t d = 0; d < r.shape.size(); ++d) {
        count *= r.shape[d];
        if (count > kLimit)
            throw Fail("tensor '" + name + "' is too large");
        if (r.shape[d] > 0)
            maxIndex += __int128(r.shape[d] - 1) * t.stride[d];
    }
    const int64_t n = static_cast<int64_t>(count);
    if (n > 0 && (t.i < 0 || maxIndex < 0 || maxIndex >= static_cast<__int128>(storageNumel)))
        throw Fail("tensor '" + name + "' reaches outside its storage");
    const char *base = file.data() + it->second.offset;
    auto element = [&](int64_t idx, auto fn) {
        const char *p = base + idx * type->size;
        switch (type->dtype) {
        case RawTensor::DType::Float32: { float v; std::memcpy(&v, p, 4); fn(double(v), int64_t(0)); break; }
        case RawTensor::DType::Float64: { double v; std::memcpy(&v, p, 8); fn(v, int64_t(0)); break; }
        case RawTensor::DType::Int64: { int64_t v; std::memcpy(&v, p, 8); fn(0.0, v); break; }
        case RawTensor::DType::Int32: { int32_t v; std::memcpy(&v, p, 4); fn(0.0, int64_t(v)); break; }
        default: fn(0.0, int64_t(static_cast<unsigned char>(*p))); break;
        }
    };
    bool contiguous = true;
    int64_t expect = 1;
    for (size_t d = r.shape.size(); d-- > 0;) {
        if (r.shape[d] != 1 && t.stride[d] != expect)
            contiguous = false;
        expect *= r.shape[d];
    }
    if (r.isFloating())
        r.f32.resize(n);
    else
        r.i64.resize(n);
    if (contiguous && type->dtype == RawTensor::DType::Float32) {
        std::memcpy(r.f32.data(), base + t.i * 4, n * 4);
        return r;
    }
    std::vector<int64_t> idx(r.shape.size(), 0);
    for (int64_t k = 0; k < n; ++k) {
        int64_t off = t.i;
        for (size_t d = 0; d < idx.size(); ++d)
            off += idx[d] * t.stride[d];
        element(off, [&](double f, int64_t i) {
            if (r.isFloating())
                r.f32[k] = static_cast<float>(f);
            else
                r.i64[k] = i;
        });
        for (size_t d = idx.size(); d-- > 0;) {
            if (++idx[d] < r.shape[d])
                break;
            idx[d] = 0;
        }
    }
    return r;
}


} // namespace

bool checkRegularFile(const std::string &path, std::string *error)
{
    auto fail = [&](const std::string &m) {
        if (error)
            *error = path + ": " + m;
        return false;
    };
    // A folder would throw from the stream and a FIFO or device would block or never end: refuse them
    // before opening.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return fail(errno == ENOENT ? "no such file" : std::string("cannot open the file: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode))
        return fail("is a folder, not a model file");
    if (!S_ISREG(st.st_mode))
        return fail("is not a regular file (a pipe, socket or device cannot be a model file)");
    return true;
}

bool readRegularFile(const std::string &path, std::string *bytes, const std::atomic_bool *cancel,
                     const ReadProgress &progress, std::string *error)
{
    auto fail = [&](const std::string &m) {
        if (error)
            *error = path + ": " + m;
        return false;
    };
    struct stat st {};
    if (!checkRegularFile(path, error) || ::stat(path.c_str(), &st) != 0)
        return false;
    std::ifstream in;
    in.exceptions(std::ios::goodbit); // report, never throw
    in.open(path, std::ios::binary);
    if (!in)
        return fail(std::string("cannot open the file: ") + std::strerror(errno));
    const int64_t total = static_cast<int64_t>(st.st_size);
    bytes->clear();
    try {
        bytes->reserve(static_cast<size_t>(total));
        constexpr size_t kChunk = size_t(4) << 20;
        std::vector<char> buf(kChunk);
        for (;;) {
            if (cancel && cancel->load())
                return fail("cancelled");
            in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
            const std::streamsize got = in.gcount();
            bytes->append(buf.data(), static_cast<size_t>(got));
            if (progress)
                progress(static_cast<int64_t>(bytes->size()), total);
            if (got < static_cast<std::streamsize>(buf.size()))
                break;
        }
    } catch (const std::exception &e) {
        return fail(std::string("cannot read the file: ") + e.what());
    }
    if (in.bad())
        return fail(std::string("cannot read the file: ") + std::strerror(errno));
    return true;
}

bool readTorchSave(const std::string &path, TensorMap *tensors, std::string *error, const std::atomic_bool *cancel,
                   const ReadProgress &progress)
{
    auto fail = [&](const std::string &m) {
        if (error)
            *error = path + ": " + m;
        return false;
    };
    auto cancelled = [&] { return cancel && cancel->load(); };
    std::string file;
    if (!readRegularFile(path, &file, cancel, progress, error))
        return false;
    if (cancelled())
        return fail("cancelled");
    try {
        const auto zip = readZipDirectory(file);
        std::string pkl;
        for (const auto &e : zip) {
            const std::string &n = e.first;
            if (n.size() >= 8 && n.compare(n.size() - 8, 8, "data.pkl") == 0
                && (n.size() == 8 || n[n.size() - 9] == '/')) {
                pkl = n;
                break;
            }
        }
        if (pkl.empty())
            return fail("no data.pkl in the archive: not a torch.save file");
        const std::string prefix = pkl.substr(0, pkl.size() - 8);
        const ZipEntry &pe = zip.at(pkl);
        const std::string pickle = file.substr(pe.offset, pe.size);
        VPtr root = unpickle(pickle);
        if (root->kind != Value::Kind::Dict)
            return fail("the saved object is not a dict of tensors (not a state_dict)");
        for (const auto &kv : root->dict) {
            if (kv.first->kind == Value::Kind::Str && (kv.first->s == "model" || kv.first->s == "state_dict")
                && kv.second->kind == Value::Kind::Dict) {
                root = kv.second; // {"model": state_dict} wrapper
                break;
            }
        }
        TensorMap out;
        for (const auto &kv : root->dict) {
            if (kv.first->kind != Value::Kind::Str)
                return fail("a key of the saved dict is not a string");
            if (kv.second->kind != Value::Kind::Tensor)
                return fail("entry '" + kv.first->s + "' is not a tensor");
            if (cancelled())
                return fail("cancelled");
            out[kv.first->s] = materialize(kv.first->s, *kv.second, file, zip, prefix);
        }
        *tensors = std::move(out);
        return true;
    } catch (const std::exception &e) {
        return fail(e.what());
    }
}

} // namespace paddock::tracking::cotracker
