// SPDX-License-Identifier: Apache-2.0
// A reader for the subset of torch.save files CoTracker3 checkpoints and the parity fixtures use: a zip with
// stored entries, a pickle of a (Ordered)Dict of tensors, and raw little-endian storages. No LibTorch.
#include "tracking/cotracker/checkpoint.h"

#include "core/io/atomicfile.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

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

namespace {

struct Fail : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------------------------------------------- zip

uint64_t le(const std::string &b, size_t pos, int bytes)
{
    if (pos > b.size() || static_cast<uint64_t>(bytes) > b.size() - pos)
        throw Fail("zip structure points past the end of the file (truncated?)");
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(b[pos + i]);
    return v;
}

struct ZipEntry
{
    uint64_t offset = 0; // of the data in the file
    uint64_t size = 0;
};

std::map<std::string, ZipEntry> readZipDirectory(const std::string &b)
{
    if (b.size() < 22)
        throw Fail("too small to be a torch.save zip file");
    if (le(b, 0, 4) != 0x04034b50)
        throw Fail("not a zip file (a torch.save checkpoint is a zip; old non-zip pickles are not supported)");
    size_t eocd = std::string::npos;
    const size_t stop = b.size() > 65557 ? b.size() - 65557 : 0;
    for (size_t p = b.size() - 22 + 1; p-- > stop;) {
        if (le(b, p, 4) == 0x06054b50) {
            eocd = p;
            break;
        }
    }
    if (eocd == std::string::npos)
        throw Fail("no zip end-of-directory record (truncated or corrupted file)");
    uint64_t count = le(b, eocd + 10, 2);
    uint64_t cdOffset = le(b, eocd + 16, 4);
    if (count == 0xFFFF || cdOffset == 0xFFFFFFFF) {
        if (eocd < 20 || le(b, eocd - 20, 4) != 0x07064b50)
            throw Fail("zip64 locator missing");
        const uint64_t z = le(b, eocd - 20 + 8, 8);
        if (le(b, z, 4) != 0x06064b50)
            throw Fail("zip64 end-of-directory record missing");
        count = le(b, z + 32, 8);
        cdOffset = le(b, z + 48, 8);
    }
    std::map<std::string, ZipEntry> out;
    uint64_t p = cdOffset;
    for (uint64_t i = 0; i < count; ++i) {
        if (le(b, p, 4) != 0x02014b50)
            throw Fail("corrupted zip central directory");
        const uint64_t method = le(b, p + 10, 2);
        uint64_t csize = le(b, p + 20, 4);
        uint64_t usize = le(b, p + 24, 4);
        const uint64_t nlen = le(b, p + 28, 2), xlen = le(b, p + 30, 2), clen = le(b, p + 32, 2);
        uint64_t local = le(b, p + 42, 4);
        if (p + 46 + nlen > b.size())
            throw Fail("corrupted zip central directory");
        const std::string name = b.substr(p + 46, nlen);
        // zip64 extra field: the 0xFFFFFFFF fields, in the order usize, csize, offset
        for (uint64_t x = p + 46 + nlen; x + 4 <= p + 46 + nlen + xlen;) {
            const uint64_t id = le(b, x, 2), len = le(b, x + 2, 2);
            if (id == 1) {
                uint64_t q = x + 4;
                if (usize == 0xFFFFFFFF) { usize = le(b, q, 8); q += 8; }
                if (csize == 0xFFFFFFFF) { csize = le(b, q, 8); q += 8; }
                if (local == 0xFFFFFFFF) { local = le(b, q, 8); }
            }
            x += 4 + len;
        }
        if (method != 0)
            throw Fail("zip entry '" + name + "' is compressed; torch.save writes stored entries only");
        if (csize != usize)
            throw Fail("zip entry '" + name + "' has inconsistent sizes");
        if (le(b, local, 4) != 0x04034b50)
            throw Fail("zip entry '" + name + "' has no local header (corrupted file)");
        const uint64_t data = local + 30 + le(b, local + 26, 2) + le(b, local + 28, 2);
        if (usize > b.size() || data > b.size() - usize)
            throw Fail("zip entry '" + name + "' runs past the end of the file (truncated download?)");
        out[name] = ZipEntry{data, usize};
        p += 46 + nlen + xlen + clen;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------- pickle

struct Value;
using VPtr = std::shared_ptr<Value>;

struct Value
{
    enum class Kind { None, Bool, Int, Float, Str, Tuple, List, Dict, Global, Storage, Tensor, Object };
    Kind kind = Kind::None;
    int64_t i = 0;
    double f = 0;
    std::string s, s2;                    // Str / Global (module, name) / Storage (key, type name)
    std::vector<VPtr> items;              // Tuple / List
    std::vector<std::pair<VPtr, VPtr>> dict;
    // Tensor: storage key/type in s/s2, offset in i, shape/stride
    std::vector<int64_t> shape, stride;
    int depth = 0; // nesting depth, bounded so that destruction cannot overflow the stack
};

constexpr int kMaxDepth = 200;

void adopt(Value &parent, const VPtr &child)
{
    parent.depth = std::max(parent.depth, child->depth + 1);
    if (parent.depth > kMaxDepth)
        throw Fail("malformed pickle (nested too deeply)");
}

VPtr make(Value::Kind k)
{
    auto v = std::make_shared<Value>();
    v->kind = k;
    return v;
}

class Unpickler
{
public:
    explicit Unpickler(const std::string &data) : mData(data) {}

    VPtr run()
    {
        for (;;) {
            const unsigned char op = byte();
            switch (op) {
            case 0x80: byte(); break;             // PROTO
            case 0x95: bytes(8); break;           // FRAME
            case '.': return pop();               // STOP
            case '(': mMarks.push_back(mStack.size()); break;
            case '}': push(make(Value::Kind::Dict)); break;
            case ']': push(make(Value::Kind::List)); break;
            case ')': push(make(Value::Kind::Tuple)); break;
            case 't': case 'l': {
                auto t = make(op == 't' ? Value::Kind::Tuple : Value::Kind::List);
                t->items = popMark();
                for (const auto &c : t->items)
                    adopt(*t, c);
                push(t);
                break;
            }
            case 'd': {
                auto d = make(Value::Kind::Dict);
                auto it = popMark();
                for (size_t k = 0; k + 1 < it.size(); k += 2) {
                    adopt(*d, it[k + 1]);
                    d->dict.emplace_back(it[k], it[k + 1]);
                }
                push(d);
                break;
            }
            case 0x85: case 0x86: case 0x87: {
                auto t = make(Value::Kind::Tuple);
                t->items.resize(op - 0x84);
                for (size_t k = t->items.size(); k-- > 0;) {
                    t->items[k] = pop();
                    adopt(*t, t->items[k]);
                }
                push(t);
                break;
            }
            case 's': {
                auto v = pop();
                auto k = pop();
                auto d = dictOf(top());
                adopt(*d, v);
                d->dict.emplace_back(k, v);
                break;
            }
            case 'u': {
                auto it = popMark();
                auto d = dictOf(top());
                for (size_t k = 0; k + 1 < it.size(); k += 2) {
                    adopt(*d, it[k + 1]);
                    d->dict.emplace_back(it[k], it[k + 1]);
                }
                break;
            }
            case 'a': {
                auto v = pop();
                auto l = listOf(top());
                adopt(*l, v);
                l->items.push_back(v);
                break;
            }
            case 'e': {
                auto it = popMark();
                auto l = listOf(top());
                for (const auto &c : it)
                    adopt(*l, c);
                l->items.insert(l->items.end(), it.begin(), it.end());
                break;
            }
            case 'J': pushInt(static_cast<int32_t>(uint(4))); break;
            case 'K': pushInt(uint(1)); break;
            case 'M': pushInt(uint(2)); break;
            case 0x8a: {
                const int n = byte();
                if (n > 8)
                    throw Fail("integer too large in pickle");
                uint64_t v = 0;
                for (int k = 0; k < n; ++k)
                    v |= static_cast<uint64_t>(byte()) << (8 * k);
                if (n > 0 && n < 8 && (v >> (8 * n - 1)) & 1)
                    v |= ~uint64_t(0) << (8 * n);
                pushInt(static_cast<int64_t>(v));
                break;
            }
            case 'G': {
                uint64_t v = 0;
                for (int k = 0; k < 8; ++k)
                    v = (v << 8) | byte();
                auto x = make(Value::Kind::Float);
                std::memcpy(&x->f, &v, 8);
                push(x);
                break;
            }
            case 'N': push(make(Value::Kind::None)); break;
            case 0x88: case 0x89: { auto x = make(Value::Kind::Bool); x->i = op == 0x88; push(x); break; }
            case 'X': case 'T': case 'B': pushStr(bytes(uint(4))); break;
            case 0x8c: case 'U': case 'C': pushStr(bytes(uint(1))); break;
            case 0x8d: case 0x8e: pushStr(bytes(uint(8))); break;
            case 'c': {
                auto g = make(Value::Kind::Global);
                g->s = line();
                g->s2 = line();
                push(g);
                break;
            }
            case 0x93: {
                auto name = pop(), mod = pop();
                auto g = make(Value::Kind::Global);
                g->s = mod->s;
                g->s2 = name->s;
                push(g);
                break;
            }
            case 'R': { auto args = pop(); auto fn = pop(); push(reduce(fn, args)); break; }
            case 0x81: { auto args = pop(); pop(); push(make(Value::Kind::Object)); break; } // NEWOBJ
            case 'b': pop(); break;                                                          // BUILD: state ignored
            case 'Q': push(persistent(pop())); break;
            case 'q': memo(uint(1)) = top(); break;
            case 'r': memo(uint(4)) = top(); break;
            case 0x94: mMemo.push_back(top()); break;
            case 'h': push(memoGet(uint(1))); break;
            case 'j': push(memoGet(uint(4))); break;
            case '0': pop(); break;
            case '1': popMark(); break;
            case '2': push(top()); break;
            default: {
                std::ostringstream m;
                m << "unsupported pickle opcode 0x" << std::hex << int(op) << " at byte " << std::dec << mPos - 1;
                throw Fail(m.str());
            }
            }
        }
    }

private:
    unsigned char byte()
    {
        if (mPos >= mData.size())
            throw Fail("pickle ends unexpectedly (truncated file?)");
        return static_cast<unsigned char>(mData[mPos++]);
    }
    std::string bytes(uint64_t n)
    {
        if (n > mData.size() - mPos)
            throw Fail("pickle ends unexpectedly (truncated file?)");
        std::string s = mData.substr(mPos, n);
        mPos += n;
        return s;
    }
    uint64_t uint(int n)
    {
        uint64_t v = 0;
        for (int k = 0; k < n; ++k)
            v |= static_cast<uint64_t>(byte()) << (8 * k);
        return v;
    }
    std::string line()
    {
        const size_t e = mData.find('\n', mPos);
        if (e == std::string::npos)
            throw Fail("pickle ends unexpectedly (truncated file?)");
        std::string s = mData.substr(mPos, e - mPos);
        mPos = e + 1;
        return s;
    }
    void push(VPtr v) { mStack.push_back(std::move(v)); }
    void pushInt(int64_t i) { auto v = make(Value::Kind::Int); v->i = i; push(v); }
    void pushStr(std::string s) { auto v = make(Value::Kind::Str); v->s = std::move(s); push(v); }
    VPtr pop()
    {
        if (mStack.empty() || (!mMarks.empty() && mStack.size() <= mMarks.back()))
            throw Fail("malformed pickle (stack underflow)");
        VPtr v = mStack.back();
        mStack.pop_back();
        return v;
    }
    VPtr top()
    {
        if (mStack.empty())
            throw Fail("malformed pickle (empty stack)");
        return mStack.back();
    }
    std::vector<VPtr> popMark()
    {
        if (mMarks.empty())
            throw Fail("malformed pickle (no mark)");
        const size_t m = mMarks.back();
        mMarks.pop_back();
        std::vector<VPtr> out(mStack.begin() + m, mStack.end());
        mStack.resize(m);
        return out;
    }
    VPtr &memo(uint64_t idx)
    {
        if (idx > (1u << 20))
            throw Fail("malformed pickle (memo index)");
        if (mMemo.size() <= idx)
            mMemo.resize(idx + 1);
        return mMemo[idx];
    }
    VPtr memoGet(uint64_t idx)
    {
        if (idx >= mMemo.size() || !mMemo[idx])
            throw Fail("malformed pickle (unknown memo entry)");
        return mMemo[idx];
    }
    static VPtr dictOf(const VPtr &v)
    {
        if (v->kind != Value::Kind::Dict)
            throw Fail("malformed pickle (SETITEM on a non-dict)");
        return v;
    }
    static VPtr listOf(const VPtr &v)
    {
        if (v->kind != Value::Kind::List)
            throw Fail("malformed pickle (APPEND on a non-list)");
        return v;
    }
    static std::vector<int64_t> ints(const VPtr &t)
    {
        if (t->kind != Value::Kind::Tuple && t->kind != Value::Kind::List)
            throw Fail("malformed tensor record (expected a tuple of ints)");
        std::vector<int64_t> out;
        for (const auto &x : t->items) {
            if (x->kind != Value::Kind::Int)
                throw Fail("malformed tensor record (expected an int)");
            out.push_back(x->i);
        }
        return out;
    }
    VPtr persistent(const VPtr &pid)
    {
        // ('storage', <GLOBAL torch FloatStorage>, key, location, numel)
        if (pid->kind != Value::Kind::Tuple || pid->items.size() < 5 || pid->items[0]->s != "storage"
            || pid->items[1]->kind != Value::Kind::Global)
            throw Fail("unsupported persistent id in pickle (not a torch storage)");
        auto st = make(Value::Kind::Storage);
        st->s = pid->items[2]->s;
        st->s2 = pid->items[1]->s2;
        st->i = pid->items[4]->i;
        return st;
    }
    VPtr reduce(const VPtr &fn, const VPtr &args)
    {
        if (fn->kind != Value::Kind::Global)
            return make(Value::Kind::Object);
        const std::string g = fn->s + "." + fn->s2;
        if (g == "collections.OrderedDict" || g == "builtins.dict" || g == "__builtin__.dict")
            return make(Value::Kind::Dict);
        if (g == "torch._utils._rebuild_tensor_v2" || g == "torch._utils._rebuild_tensor") {
            const auto &a = args->items;
            if (a.size() < 4 || a[0]->kind != Value::Kind::Storage || a[1]->kind != Value::Kind::Int)
                throw Fail("malformed _rebuild_tensor record");
            auto t = make(Value::Kind::Tensor);
            t->s = a[0]->s;
            t->s2 = a[0]->s2;
            t->f = static_cast<double>(a[0]->i); // storage numel
            t->i = a[1]->i;
            t->shape = ints(a[2]);
            t->stride = ints(a[3]);
            if (t->shape.size() != t->stride.size())
                throw Fail("malformed tensor record (size and stride differ in rank)");
            return t;
        }
        if (g == "torch._utils._rebuild_parameter" && !args->items.empty())
            return args->items[0];
        return make(Value::Kind::Object);
    }

    const std::string &mData;
    size_t mPos = 0;
    std::vector<VPtr> mStack;
    std::vector<size_t> mMarks;
    std::vector<VPtr> mMemo;
};

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

bool readTorchSave(const std::string &path, TensorMap *tensors, std::string *error)
{
    auto fail = [&](const std::string &m) {
        if (error)
            *error = path + ": " + m;
        return false;
    };
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail("cannot open the file");
    std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
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
        Unpickler up(pickle);
        VPtr root = up.run();
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
            out[kv.first->s] = materialize(kv.first->s, *kv.second, file, zip, prefix);
        }
        *tensors = std::move(out);
        return true;
    } catch (const std::exception &e) {
        return fail(e.what());
    }
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

bool readCoTracker3Checkpoint(const std::string &path, TensorMap *tensors, std::string *error)
{
    TensorMap t;
    std::string err;
    if (!readTorchSave(path, &t, &err)) {
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
