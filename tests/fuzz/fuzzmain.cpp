// SPDX-License-Identifier: Apache-2.0
// libFuzzer entry point; PADDOCK_FUZZ_TARGET names the reader (one executable per reader).
#include "tests/fuzz/fuzzreaders.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    paddock::fuzz::runTarget(PADDOCK_FUZZ_TARGET, data, size);
    return 0;
}
