// SPDX-License-Identifier: Apache-2.0
// Sanitizer options compiled into the Catch2 test executables of a PADDOCK_SANITIZE build, so they also apply
// when the build runs them to list their tests (before ctest can set ASAN_OPTIONS and friends).
#define PADDOCK_SANITIZER_EXPORT extern "C" __attribute__((visibility("default"), used))

PADDOCK_SANITIZER_EXPORT const char *__asan_default_options()
{
    return PADDOCK_ASAN_OPTIONS;
}

PADDOCK_SANITIZER_EXPORT const char *__lsan_default_options()
{
    return PADDOCK_LSAN_OPTIONS;
}

PADDOCK_SANITIZER_EXPORT const char *__ubsan_default_options()
{
    return PADDOCK_UBSAN_OPTIONS;
}
