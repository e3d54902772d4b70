// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace paddock::tracking::cotracker {

/** A tensor read from a torch.save file: shape and row-major values (floats or integers), no LibTorch. */
struct RawTensor
{
    enum class DType { Float32, Float64, Int64, Int32, UInt8, Bool };
    DType dtype = DType::Float32;
    std::vector<int64_t> shape;
    std::vector<float> f32;   ///< values of floating tensors (Float64 is narrowed), row-major
    std::vector<int64_t> i64; ///< values of integer and bool tensors, row-major

    int64_t numel() const;
    bool isFloating() const { return dtype == DType::Float32 || dtype == DType::Float64; }
    /** "(1, 60, 1110)". */
    std::string shapeString() const;
};

using TensorMap = std::map<std::string, RawTensor>;

/** Called while a file is read: bytes done of the file's size. */
using ReadProgress = std::function<void(int64_t done, int64_t total)>;

/**
 * Reads a torch.save zip file whose top-level object is a (Ordered)Dict of str to tensor, or a
 * {"model": state_dict} wrapper. Supports stored (uncompressed) zip entries and the pickle subset torch.save
 * writes (OrderedDict, _rebuild_tensor_v2, persistent storages, views with offsets and strides). Returns
 * false with a message naming the file and the problem; never throws. Reads with readRegularFile(): \a cancel
 * and \a progress (bytes read of the file's size) as there.
 */
bool readTorchSave(const std::string &path, TensorMap *tensors, std::string *error,
                   const std::atomic_bool *cancel = nullptr, const ReadProgress &progress = {});

/** Whether \a path is a regular file (not a folder, FIFO, socket or device); else false with a message. */
bool checkRegularFile(const std::string &path, std::string *error);

/**
 * Reads a whole file into \a bytes in chunks, reporting \a progress and stopping when \a cancel becomes true
 * ("cancelled"). Refuses a folder, a FIFO, a socket or a device before opening it (they would throw or block).
 */
bool readRegularFile(const std::string &path, std::string *bytes, const std::atomic_bool *cancel = nullptr,
                     const ReadProgress &progress = {}, std::string *error = nullptr);

/** One expected state_dict entry. */
struct ExpectedEntry
{
    std::string name;
    std::vector<int64_t> shape;
    bool buffer = false;
};

/** The 188 entries of a CoTracker3 state_dict in state_dict order; \a windowLen is time_emb's length. */
std::vector<ExpectedEntry> cotracker3Layout(int windowLen = 60);

/**
 * Reads and checks a CoTracker3 checkpoint (scaled_offline.pth / scaled_online.pth): every key present with
 * its exact shape, float32, no extra key. time_emb may have any window length. On failure the message names
 * the file and says the model is the user-supplied, CC BY-NC licensed CoTracker3 checkpoint.
 */
bool readCoTracker3Checkpoint(const std::string &path, TensorMap *tensors, std::string *error,
                              const std::atomic_bool *cancel = nullptr,
                              const ReadProgress &progress = {});

/**
 * Writes \a tensors (float32 or int64) as torch.save does for a state_dict: an OrderedDict pickle in a stored
 * zip, readable by torch.load and by readTorchSave. Used for tests and for saving converted weights.
 */
bool writeTorchSave(const std::string &path, const TensorMap &tensors, std::string *error);

/** Checks an in-memory state_dict against the layout; \a what names its origin in messages. */
bool checkCoTracker3StateDict(const TensorMap &tensors, const std::string &what, std::string *error);

} // namespace paddock::tracking::cotracker
