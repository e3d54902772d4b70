// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>

namespace paddock::tracking {

/**
 * While alive, Ctrl-C (SIGINT) and SIGTERM set \a cancel instead of killing the process, so a command-line
 * job stops the way the GUI's Cancel does (within about 200 ms) and says so; a second signal, once the flag is
 * set, ends the process as usual. The previous handlers come back on destruction. One at a time per process.
 */
class CancelOnInterrupt
{
public:
    explicit CancelOnInterrupt(std::atomic_bool &cancel);
    ~CancelOnInterrupt();
    CancelOnInterrupt(const CancelOnInterrupt &) = delete;
    CancelOnInterrupt &operator=(const CancelOnInterrupt &) = delete;

    /** Whether a signal set the flag. */
    static bool interrupted();
};

} // namespace paddock::tracking
