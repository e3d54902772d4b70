// SPDX-License-Identifier: Apache-2.0
#include "ui/document/document.h"

#include <QUndoStack>

#include <algorithm>
#include <set>

namespace paddock::ui {

Document::Document(QObject *parent)
    : QObject(parent)
    , mUndoStack(new QUndoStack(this))
{
    qRegisterMetaType<ChangeEvent>();
    connect(mUndoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Document::~Document() = default;

void Document::resetProject(core::Project project, const QString &fileName)
{
    mUndoStack->clear();
    mProject = std::move(project);
    mFileName = fileName;
    mClip = mProject.clips.empty() ? -1 : 0;
    mFrame = 0;
    mTrack = 0;
    mKeypoint = -1;
    if (const core::Clip *c = currentClip(); c && !c->tracks.empty())
        mTrack = c->tracks.front().id;
    ChangeEvent e;
    e.type = ChangeEvent::Type::ProjectReset;
    Q_EMIT changed(e);
    Q_EMIT fileNameChanged(mFileName);
    Q_EMIT currentClipChanged(mClip);
    Q_EMIT currentFrameChanged(mFrame);
    Q_EMIT currentTrackChanged(mTrack);
    Q_EMIT currentKeypointChanged(mKeypoint);
    Q_EMIT modifiedChanged(false);
}

void Document::setFileName(const QString &fileName)
{
    if (fileName == mFileName)
        return;
    mFileName = fileName;
    Q_EMIT fileNameChanged(fileName);
}

bool Document::isModified() const
{
    return !mUndoStack->isClean();
}

void Document::setClean()
{
    mUndoStack->setClean();
}

const core::Clip *Document::currentClip() const
{
    return clip(mClip);
}

const core::Clip *Document::clip(int index) const
{
    if (index < 0 || index >= int(mProject.clips.size()))
        return nullptr;
    return &mProject.clips[std::size_t(index)];
}

core::Clip *Document::mutableClip(int index)
{
    return const_cast<core::Clip *>(clip(index));
}

void Document::setCurrentClip(int index)
{
    if (index == mClip || !clip(index))
        return;
    mClip = index;
    Q_EMIT currentClipChanged(index);
    setCurrentFrame(0);
}

int Document::frameCount() const
{
    const core::Clip *c = currentClip();
    return c ? c->effectiveFrameCount() : 0;
}

void Document::setCurrentFrame(int frame)
{
    const int n = frameCount();
    frame = std::clamp(frame, 0, std::max(0, n - 1));
    if (frame == mFrame)
        return;
    mFrame = frame;
    Q_EMIT currentFrameChanged(frame);
}

void Document::setCurrentTrack(int trackId)
{
    if (trackId == mTrack)
        return;
    mTrack = trackId;
    Q_EMIT currentTrackChanged(trackId);
}

void Document::setCurrentKeypoint(int index)
{
    if (index == mKeypoint)
        return;
    mKeypoint = index;
    Q_EMIT currentKeypointChanged(index);
}

void Document::setRole(Role role)
{
    if (role == mRole)
        return;
    mRole = role;
    Q_EMIT roleChanged(role);
}

void Document::setUserName(const QString &name)
{
    if (name == mUserName)
        return;
    mUserName = name;
    Q_EMIT userNameChanged(name);
}

bool Document::acceptLabelEdit(const QString &what)
{
    if (labelEditsAllowed())
        return true;
    Q_EMIT labelEditRefused(what);
    return false;
}

const core::Category *Document::categoryOfTrack(int clipIndex, int trackId) const
{
    const core::Clip *c = clip(clipIndex);
    if (!c)
        return nullptr;
    const core::Track *t = c->track(trackId);
    return t ? mProject.category(t->categoryId) : nullptr;
}

const core::Instance *Document::instance(int clipIndex, int frame, int trackId) const
{
    const core::Clip *c = clip(clipIndex);
    return c ? c->instance(frame, trackId) : nullptr;
}

std::optional<core::Instance> Document::instanceState(int clipIndex, int frame, int trackId) const
{
    if (const core::Instance *inst = instance(clipIndex, frame, trackId))
        return *inst;
    return std::nullopt;
}

int Document::nextUnlabelledKeypoint(int frame, int trackId, int from) const
{
    const core::Category *cat = categoryOfTrack(mClip, trackId);
    if (!cat)
        return -1;
    const int n = cat->keypointCount();
    const core::Instance *inst = instance(mClip, frame, trackId);
    for (int step = 1; step <= n; ++step) {
        const int k = ((from + step) % n + n) % n;
        if (!inst || k >= int(inst->keypoints.size()) || !inst->keypoints[std::size_t(k)].isLabelled())
            return k;
    }
    return -1;
}

void Document::setInstances(int clipIndex, const std::vector<InstanceChange> &changes)
{
    core::Clip *c = mutableClip(clipIndex);
    Q_ASSERT(c);
    if (!c || changes.empty())
        return;
    std::set<int> frames;
    std::set<int> tracks;
    for (const InstanceChange &ch : changes) {
        if (ch.instance) {
            core::Instance inst = *ch.instance;
            inst.trackId = ch.key.trackId;
            c->setInstance(ch.key.frame, inst);
        } else {
            c->removeInstance(ch.key.frame, ch.key.trackId);
        }
        frames.insert(ch.key.frame);
        tracks.insert(ch.key.trackId);
    }
    ChangeEvent e;
    e.type = ChangeEvent::Type::InstancesChanged;
    e.clip = clipIndex;
    e.frames.assign(frames.begin(), frames.end());
    e.trackIds.assign(tracks.begin(), tracks.end());
    Q_EMIT changed(e);
}

void Document::setTracks(int clipIndex, const std::vector<core::Track> &tracks)
{
    core::Clip *c = mutableClip(clipIndex);
    Q_ASSERT(c);
    if (!c)
        return;
    c->tracks = tracks;
    std::sort(c->tracks.begin(), c->tracks.end(), [](const core::Track &a, const core::Track &b) { return a.id < b.id; });
    ChangeEvent e;
    e.type = ChangeEvent::Type::TracksChanged;
    e.clip = clipIndex;
    Q_EMIT changed(e);
    if (clipIndex == mClip && !c->track(mTrack))
        setCurrentTrack(c->tracks.empty() ? 0 : c->tracks.front().id);
}

void Document::setClipInfo(int clipIndex, int frameCount, int width, int height, double fps)
{
    core::Clip *c = mutableClip(clipIndex);
    if (!c)
        return;
    c->frameCount = frameCount;
    c->width = width;
    c->height = height;
    c->fps = fps;
    ChangeEvent e;
    e.type = ChangeEvent::Type::ClipChanged;
    e.clip = clipIndex;
    Q_EMIT changed(e);
}

void Document::setCategories(const std::vector<core::Category> &categories)
{
    mProject.categories = categories;
    ChangeEvent e;
    e.type = ChangeEvent::Type::CategoriesChanged;
    Q_EMIT changed(e);
}

void Document::setReview(int clipIndex, const core::ClipReview &review)
{
    core::Clip *c = mutableClip(clipIndex);
    if (!c)
        return;
    c->review = review;
    ChangeEvent e;
    e.type = ChangeEvent::Type::ReviewChanged;
    e.clip = clipIndex;
    Q_EMIT changed(e);
}

} // namespace paddock::ui
