// SPDX-License-Identifier: Apache-2.0
// The pickle layer of torch.save files: the opcodes torch.save writes for a state_dict (dicts, lists,
// tuples, globals, persistent storage ids, _rebuild_tensor_v2), with bounded nesting. Builds Values only.
#include "tracking/cotracker/torchsaveparts.h"

#include <algorithm>
#include <cstring>
#include <sstream>

namespace paddock::tracking::cotracker::detail {

namespace {

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

} // namespace

VPtr unpickle(const std::string &data)
{
    Unpickler up(data);
    return up.run();
}

} // namespace paddock::tracking::cotracker::detail
