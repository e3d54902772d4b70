// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace paddock::test {

/** ../shared beside the checkout, or an empty string when it is not there (tests then skip). */
std::string sharedDir();
/** A fresh temporary directory for one test, removed at exit. */
std::string tempDir();
/** The source tree root. */
std::string sourceDir();

} // namespace paddock::test
