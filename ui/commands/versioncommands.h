// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/document/document.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <vector>

namespace paddock::ui {

/**
 * The reviewer's choice among the versions of one clip that paddock merge kept (core/model/versions.h): the
 * chosen version stays, every other one is set aside (core::Clip::setAside; its labels are kept). With
 * \a keep = -1 every version is brought back (the choice is taken back). One undo step; labels never change.
 */
class ChooseVersion : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(paddock::ui::ChooseVersion)
public:
    ChooseVersion(Document *document, int clip, bool restoreAll = false);

    void redo() override;
    void undo() override;

    /** Nothing to do (an ordinary clip, or the versions are already so). */
    bool isNoOp() const { return mChanges.empty(); }

private:
    struct Change
    {
        int clip;
        bool before;
        bool after;
    };
    Document *mDocument;
    std::vector<Change> mChanges;
};

} // namespace paddock::ui
