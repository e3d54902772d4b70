// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace paddock::test {

/** ../shared beside the checkout, or an empty string when it is not there (tests then skip). */
std::string sharedDir();

/** The exit code ctest reads as "skipped" (SKIP_RETURN_CODE of every test in tests/CMakeLists.txt). */
constexpr int kSkipExitCode = 77;
/**
 * Skips the running test, saying \a why on stdout. Under ctest, which runs one test per process and sets
 * PADDOCK_TEST_SKIP_EXIT, the process exits with kSkipExitCode so the test is listed as skipped, not passed.
 * Run by hand (several tests in one process) it returns, and the caller returns from its test.
 * Call it before the test checks anything: a skip is not a pass. In a Qt Test function, follow it with QSKIP
 * (reached only when run by hand; under ctest the whole executable is then reported as skipped).
 */
void skipTest(const std::string &why);
/** sharedDir(), or skipTest("no shared data ...") and an empty string when ../shared is not there. */
std::string sharedDirOrSkip();
/** A fresh temporary directory for one test, removed at exit. */
std::string tempDir();
/** The source tree root. */
std::string sourceDir();

} // namespace paddock::test
