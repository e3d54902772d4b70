// SPDX-License-Identifier: Apache-2.0
#include "ui/commands/versioncommands.h"

#include "core/model/versions.h"

namespace paddock::ui {

ChooseVersion::ChooseVersion(Document *document, int clip, bool restoreAll)
    : mDocument(document)
{
    const core::Project &p = document->project();
    const std::vector<int> versions = core::clipVersions(p, clip);
    for (int v : versions) {
        const bool before = p.clips[std::size_t(v)].setAside;
        const bool after = restoreAll ? false : v != clip;
        if (before != after)
            mChanges.push_back(Change{v, before, after});
    }
    if (versions.empty())
        return;
    const core::Clip &c = p.clips[std::size_t(clip)];
    setText(restoreAll ? tr("Bring back every version of %1").arg(QString::fromStdString(c.name))
                       : tr("Keep the version of %1 from %2")
                             .arg(QString::fromStdString(c.name),
                                  QString::fromStdString(core::originLabel(c.origin))));
}

void ChooseVersion::redo()
{
    for (const Change &c : mChanges)
        mDocument->setClipSetAside(c.clip, c.after);
}

void ChooseVersion::undo()
{
    for (auto it = mChanges.rbegin(); it != mChanges.rend(); ++it)
        mDocument->setClipSetAside(it->clip, it->before);
}

} // namespace paddock::ui
