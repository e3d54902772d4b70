// SPDX-License-Identifier: Apache-2.0
// Private to the torch.save reader (zipreader.cpp, pickle.cpp, torchsave.cpp): the zip directory, the
// unpickled values and the error the parts throw. No LibTorch.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace paddock::tracking::cotracker::detail {

/** What the parts throw; readTorchSave() turns it into a message naming the file. */
struct Fail : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

/** A stored zip entry: where its data starts in the file and how long it is. */
struct ZipEntry
{
    uint64_t offset = 0; // of the data in the file
    uint64_t size = 0;
};

/** The central directory of the zip in \a bytes (stored entries only, zip64 included); throws Fail. */
std::map<std::string, ZipEntry> readZipDirectory(const std::string &bytes);

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

/** The object a pickle (protocol 2, the subset torch.save writes) builds; throws Fail. */
VPtr unpickle(const std::string &data);

} // namespace paddock::tracking::cotracker::detail
