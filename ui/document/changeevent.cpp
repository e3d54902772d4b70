// SPDX-License-Identifier: Apache-2.0
#include "ui/document/changeevent.h"

#include <algorithm>

namespace paddock::ui {

bool ChangeEvent::touchesFrame(int frame) const
{
    if (type != Type::InstancesChanged)
        return true;
    return std::binary_search(frames.begin(), frames.end(), frame);
}

} // namespace paddock::ui
