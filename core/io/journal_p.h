// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private helpers shared by the journal's reader and writer (core/io/journal.cpp, journalwriter.cpp).

#include "core/io/journal.h"

#include <cstddef>
#include <string>

namespace paddock::core::detail {

constexpr char kMagic[] = "PDKJRNL1"; ///< the 8 bytes at the start of every journal
constexpr std::size_t kMagicSize = 8;

/** The framed header record naming the journal's base. */
std::string encodeHeader(const JournalBase &base);
/** strerror(errno). */
std::string errnoText();
/** fsyncs the folder holding \a file (so a rename in it survives a power cut). */
void syncDir(const std::string &file);

} // namespace paddock::core::detail
