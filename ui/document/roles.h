// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace paddock::ui {

/** Who is working on the project: a labeller edits, a reviewer flags and accepts. */
enum class Role { Labeller, Reviewer };

} // namespace paddock::ui
