// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace paddock::ui {

/** Merge ids of undo commands (QUndoCommand::id()); only commands that merge need one. */
enum class CommandId : int {
    None = -1,
    MoveKeypoint = 1, ///< consecutive moves of one keypoint during a drag merge until committed
};

} // namespace paddock::ui
