// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/commands/clipedit.h"

namespace paddock::ui {

/** Undo command that adds an animal (a track with a species) to a clip. */
class AddAnimal : public ClipEdit
{
public:
    /** \a trackId 0 picks the next free id. */
    AddAnimal(Document *document, int clip, int categoryId, int trackId = 0, const QString &name = QString());
    int trackId() const { return mTrackId; }

private:
    int mTrackId;
};

/** Undo command that adds a species (name, family, skeleton) to the project. */
class AddSpecies : public ClipEdit
{
public:
    /** \a category's id 0 picks the next free id; a name already in the project adds nothing. */
    AddSpecies(Document *document, int clip, core::Category category);
    int categoryId() const { return mCategoryId; }

private:
    int mCategoryId = 0;
};

/**
 * Undo command that gives an animal another species on every frame. Only between species with the same
 * keypoints (the labels keep their meaning); otherwise it does nothing and error() says why.
 */
class ChangeSpecies : public ClipEdit
{
public:
    ChangeSpecies(Document *document, int clip, int trackId, int categoryId);
    QString error() const { return mError; }

private:
    QString mError;
};

/** Undo command that removes an animal and all its labels from a clip. */
class RemoveAnimal : public ClipEdit
{
public:
    RemoveAnimal(Document *document, int clip, int trackId);
};

/** Undo command that gives an animal a new track id on every frame; an id in use is swapped. */
class ChangeTrackId : public ClipEdit
{
public:
    ChangeTrackId(Document *document, int clip, int oldId, int newId);
};

/** Undo command that swaps two animals' labels on every frame from \a fromFrame on (identity fix). */
class SwapTracksFromFrame : public ClipEdit
{
public:
    SwapTracksFromFrame(Document *document, int clip, int fromFrame, int trackA, int trackB);
};

} // namespace paddock::ui
