// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMetaType>

#include <vector>

namespace paddock::ui {

/** A typed description of one change to the Document's data, sent through Document::changed. */
struct ChangeEvent
{
    enum class Type {
        ProjectReset,      ///< the whole project was replaced (open, new)
        ClipChanged,       ///< clip metadata (frame count, size) changed
        TracksChanged,     ///< the clip's animal list (ids, species, names) changed
        InstancesChanged,  ///< instances on \a frames changed (added, removed or edited)
        ReviewChanged,     ///< the clip's review data (error list, rounds) changed; labels did not
        CategoriesChanged, ///< the project's species list changed (added species); \a clip is -1
    };

    Type type = Type::ProjectReset;
    int clip = -1;
    std::vector<int> frames;   ///< sorted, unique; for InstancesChanged
    std::vector<int> trackIds; ///< sorted, unique; for InstancesChanged

    bool touchesFrame(int frame) const;
};

} // namespace paddock::ui

Q_DECLARE_METATYPE(paddock::ui::ChangeEvent)
