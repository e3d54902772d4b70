// SPDX-License-Identifier: Apache-2.0
#include "ui/document/document.h"

#include <QTimer>
#include <QUndoCommand>

#include <algorithm>
#include <map>
#include <set>

namespace paddock::ui {

namespace {

/**
 * A command rebuilt from the journal on recovery: the data changes it made, with their before states.
 * Redo applies them forward, undo backward, through the Document's mutator path.
 */
class ReplayedCommand : public QUndoCommand
{
public:
    ReplayedCommand(Document *document, const QString &text, std::vector<core::Mutation> mutations)
        : QUndoCommand(text)
        , mDocument(document)
        , mMutations(std::move(mutations))
    {
    }

    void redo() override
    {
        for (const core::Mutation &m : mMutations)
            mDocument->applyMutation(m, true);
    }

    void undo() override
    {
        if (mDropped) { // merged into nothing in the recorded session: leaves the stack without a change
            setObsolete(true);
            return;
        }
        for (auto it = mMutations.rbegin(); it != mMutations.rend(); ++it)
            mDocument->applyMutation(*it, false);
    }

    void amend(const QString &text, const std::vector<core::Mutation> &mutations)
    {
        if (!text.isEmpty())
            setText(text);
        mMutations.insert(mMutations.end(), mutations.begin(), mutations.end());
    }
    void drop() { mDropped = true; }

private:
    Document *mDocument;
    std::vector<core::Mutation> mMutations;
    bool mDropped = false;
};

ReplayedCommand *replayedTop(UndoStack *stack)
{
    if (stack->index() <= 0)
        return nullptr;
    return dynamic_cast<ReplayedCommand *>(const_cast<QUndoCommand *>(stack->command(stack->index() - 1)));
}

} // namespace

UndoStack::UndoStack(Document *document)
    : QUndoStack(document)
    , mDocument(document)
{
}

void UndoStack::push(QUndoCommand *command)
{
    const int before = index();
    const QUndoCommand *top = before > 0 ? this->command(before - 1) : nullptr;
    if (!mDocument->mPending.empty())
        mDocument->journalStray(); // changes made outside any command come first, on their own
    mDocument->mPushing = true;
    QUndoStack::push(command);
    mDocument->mPushing = false;
    mDocument->journalPushed(before, top, command);
}

Document::Document(QObject *parent)
    : QObject(parent)
    , mUndoStack(new UndoStack(this))
{
    qRegisterMetaType<ChangeEvent>();
    connect(mUndoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    connect(mUndoStack, &QUndoStack::indexChanged, this, [this](int index) {
        if (!mPushing)
            journalIndexChanged(index);
    });
}

Document::~Document()
{
    // The undo stack is a child: left to ~QObject it would be cleared after this object is gone, and its
    // indexChanged would reach views that call back into a half-destroyed Document (UBSan, tst_recovery).
    mUndoStack->blockSignals(true);
    delete mUndoStack;
    mUndoStack = nullptr;
}

void Document::resetProject(core::Project project, const QString &fileName)
{
    // A new project needs a new journal: whoever opened it starts one (setJournal).
    mJournal = nullptr;
    mPending.clear();
    mUndoStack->clear();
    mProject = std::move(project);
    mUnsaved = store::StoreChanges::all(); // whoever knows it equals a store says so (markSaved)
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
    const core::Clip *c = clip(clipIndex);
    Q_ASSERT(c);
    if (!c || changes.empty())
        return;
    core::Mutation m;
    m.kind = core::Mutation::Kind::Instances;
    m.clip = clipIndex;
    m.instances.reserve(changes.size());
    std::map<InstanceKey, std::optional<core::Instance>> state; // a key listed twice: its second before is the first after
    for (const InstanceChange &ch : changes) {
        core::InstanceEdit e;
        e.frame = ch.key.frame;
        e.trackId = ch.key.trackId;
        const auto it = state.find(ch.key);
        e.before = it != state.end() ? it->second : instanceState(clipIndex, ch.key.frame, ch.key.trackId);
        e.after = ch.instance;
        if (e.after)
            e.after->trackId = ch.key.trackId;
        state[ch.key] = e.after;
        m.instances.push_back(std::move(e));
    }
    apply(std::move(m));
}

void Document::setTracks(int clipIndex, const std::vector<core::Track> &tracks)
{
    const core::Clip *c = clip(clipIndex);
    Q_ASSERT(c);
    if (!c)
        return;
    core::Mutation m;
    m.kind = core::Mutation::Kind::Tracks;
    m.clip = clipIndex;
    m.tracksBefore = c->tracks;
    m.tracksAfter = tracks;
    std::sort(m.tracksAfter.begin(), m.tracksAfter.end(),
              [](const core::Track &a, const core::Track &b) { return a.id < b.id; });
    apply(std::move(m));
}

void Document::setClipInfo(int clipIndex, int frameCount, int width, int height, double fps)
{
    const core::Clip *c = clip(clipIndex);
    if (!c)
        return;
    core::Mutation m;
    m.kind = core::Mutation::Kind::ClipInfo;
    m.clip = clipIndex;
    m.infoBefore = core::ClipInfo{c->frameCount, c->width, c->height, c->fps, c->setAside};
    m.infoAfter = core::ClipInfo{frameCount, width, height, fps, c->setAside};
    apply(std::move(m));
}

void Document::setClipSetAside(int clipIndex, bool setAside)
{
    const core::Clip *c = clip(clipIndex);
    if (!c || c->setAside == setAside)
        return;
    core::Mutation m;
    m.kind = core::Mutation::Kind::ClipInfo;
    m.clip = clipIndex;
    m.infoBefore = core::ClipInfo{c->frameCount, c->width, c->height, c->fps, c->setAside};
    m.infoAfter = m.infoBefore;
    m.infoAfter.setAside = setAside;
    apply(std::move(m));
}

void Document::setCategories(const std::vector<core::Category> &categories)
{
    core::Mutation m;
    m.kind = core::Mutation::Kind::Categories;
    m.clip = -1;
    m.categoriesBefore = mProject.categories;
    m.categoriesAfter = categories;
    apply(std::move(m));
}

void Document::setReview(int clipIndex, const core::ClipReview &review)
{
    const core::Clip *c = clip(clipIndex);
    if (!c)
        return;
    core::Mutation m;
    m.kind = core::Mutation::Kind::Review;
    m.clip = clipIndex;
    m.review = core::diffReview(c->review, review);
    apply(std::move(m));
}

void Document::setReviewDelta(int clipIndex, const core::ReviewDelta &delta, bool forward)
{
    if (!clip(clipIndex))
        return;
    core::Mutation m;
    m.kind = core::Mutation::Kind::Review;
    m.clip = clipIndex;
    m.review = delta;
    apply(forward ? std::move(m) : core::inverse(m));
}

void Document::applyMutation(const core::Mutation &mutation, bool forward)
{
    apply(forward ? mutation : core::inverse(mutation));
}

void Document::apply(core::Mutation m)
{
    if (!core::applyMutation(&mProject, m, true))
        return;
    if (m.kind == core::Mutation::Kind::Categories)
        mUnsaved.categories = true;
    else
        mUnsaved.clips.insert(m.clip);
    ChangeEvent e;
    e.clip = m.clip;
    switch (m.kind) {
    case core::Mutation::Kind::Instances: {
        std::set<int> frames;
        std::set<int> tracks;
        for (const core::InstanceEdit &ie : m.instances) {
            frames.insert(ie.frame);
            tracks.insert(ie.trackId);
        }
        e.type = ChangeEvent::Type::InstancesChanged;
        e.frames.assign(frames.begin(), frames.end());
        e.trackIds.assign(tracks.begin(), tracks.end());
        break;
    }
    case core::Mutation::Kind::Tracks: e.type = ChangeEvent::Type::TracksChanged; break;
    case core::Mutation::Kind::ClipInfo: e.type = ChangeEvent::Type::ClipChanged; break;
    case core::Mutation::Kind::Review: e.type = ChangeEvent::Type::ReviewChanged; break;
    case core::Mutation::Kind::Categories: e.type = ChangeEvent::Type::CategoriesChanged; break;
    }
    const int clipIndex = m.clip;
    const bool tracksChanged = m.kind == core::Mutation::Kind::Tracks;
    if (mJournal) {
        mPending.push_back(std::move(m));
        if (!mPushing && !mStrayQueued) {
            // Not inside a push: an undo/redo reports itself through indexChanged before control returns to the
            // event loop; whatever is left then was changed outside the undo stack.
            mStrayQueued = true;
            QTimer::singleShot(0, this, [this] {
                mStrayQueued = false;
                journalStray();
            });
        }
    }
    Q_EMIT changed(e);
    if (tracksChanged && clipIndex == mClip) {
        const core::Clip *c = clip(clipIndex);
        if (c && !c->track(mTrack))
            setCurrentTrack(c->tracks.empty() ? 0 : c->tracks.front().id);
    }
}

// ---- Journal ---------------------------------------------------------------------------------------------------

void Document::setJournal(core::JournalWriter *writer, bool historyInJournal)
{
    mJournal = writer;
    mPending.clear();
    mStackIndex = mUndoStack->index();
    mJournalFrom = historyInJournal ? 0 : mUndoStack->count();
    mJournaled = historyInJournal ? mUndoStack->count() : 0;
}

void Document::emitRecord(core::JournalRecord::Op op, const QString &text, int index)
{
    if (!mJournal)
        return;
    core::JournalRecord r;
    r.op = op;
    r.text = text.toStdString();
    r.index = index;
    r.mutations = std::move(mPending);
    mPending.clear();
    if (op == core::JournalRecord::Op::Index || op == core::JournalRecord::Op::Apply) {
        // Replay only applies these forward: their before states would double the record for nothing.
        for (core::Mutation &m : r.mutations) {
            for (core::InstanceEdit &e : m.instances)
                e.before.reset();
            m.tracksBefore.clear();
            for (core::ReviewEntryChange &c : m.review.entries)
                c.before.reset();
            for (core::ReviewRoundChange &c : m.review.rounds)
                c.before.reset();
        }
    }
    mJournal->append(std::move(r));
}

void Document::journalStray()
{
    if (!mJournal || mPending.empty())
        return;
    emitRecord(core::JournalRecord::Op::Apply, QString(),
               std::clamp(mStackIndex - mJournalFrom, 0, mJournaled));
}

void Document::journalIndexChanged(int index)
{
    if (!mJournal)
        return;
    mStackIndex = index;
    // Undo, redo or a jump: the replayed stack moves along as far as it holds the commands crossed.
    emitRecord(core::JournalRecord::Op::Index, QString(), std::clamp(index - mJournalFrom, 0, mJournaled));
}

void Document::journalPushed(int before, const QUndoCommand *top, const QUndoCommand *pushed)
{
    if (!mJournal)
        return;
    using Op = core::JournalRecord::Op;
    const int after = mUndoStack->index();
    mStackIndex = after;
    const auto inJournal = [this](int position) { return position >= mJournalFrom && position < mJournalFrom + mJournaled; };
    // Every push first drops the commands above the index (the redo tail).
    const auto cutTail = [this](int count) {
        if (mJournalFrom > count) {
            mJournalFrom = count;
            mJournaled = 0;
        } else {
            mJournaled = std::min(mJournaled, count - mJournalFrom);
        }
    };
    if (after == before + 1 && mUndoStack->command(after - 1) == pushed) {
        cutTail(before);
        if (mJournaled == 0)
            mJournalFrom = before;
        ++mJournaled;
        emitRecord(Op::Push, pushed->text(), mJournaled);
    } else if (after == before && before > 0 && mUndoStack->command(before - 1) == top) {
        // Merged into the top command (or an obsolete command that changed nothing).
        cutTail(before);
        if (mPending.empty())
            return;
        if (inJournal(before - 1))
            emitRecord(Op::Amend, top->text(), before - mJournalFrom);
        else
            emitRecord(Op::Apply, QString(), 0);
    } else if (after == before - 1) {
        // Merged into the top command, which then undid itself and was removed.
        const bool known = inJournal(before - 1);
        cutTail(after);
        emitRecord(known ? Op::Drop : Op::Apply, QString(), std::clamp(after - mJournalFrom, 0, mJournaled));
    } else if (after == before) {
        cutTail(before);
        if (!mPending.empty())
            emitRecord(Op::Apply, QString(), std::clamp(after - mJournalFrom, 0, mJournaled));
    } else {
        // Not a shape a push makes (a macro): keep the data, forget the history before this point.
        mJournalFrom = mUndoStack->count();
        mJournaled = 0;
        emitRecord(Op::Apply, QString(), 0);
    }
}

bool Document::replayJournal(const std::vector<core::JournalRecord> &records, QString *error)
{
    using Op = core::JournalRecord::Op;
    core::JournalWriter *journal = mJournal;
    mJournal = nullptr; // the records are on disk already
    // One change event at the end instead of one per recorded change (a long journal replays quickly).
    const int trackBefore = mTrack;
    struct Unblock
    {
        Document *doc;
        int track;
        ~Unblock()
        {
            doc->blockSignals(false);
            ChangeEvent e;
            e.type = ChangeEvent::Type::ProjectReset;
            Q_EMIT doc->changed(e);
            if (doc->mTrack != track)
                Q_EMIT doc->currentTrackChanged(doc->mTrack);
        }
    } unblock{this, trackBefore};
    blockSignals(true);
    for (const core::JournalRecord &r : records) {
        for (const core::Mutation &m : r.mutations)
            if (m.kind != core::Mutation::Kind::Categories && !clip(m.clip)) {
                if (error)
                    *error = tr("The journal changes clip %1, which the project does not have.").arg(m.clip);
                mJournal = journal;
                return false;
            }
        switch (r.op) {
        case Op::Push:
            mUndoStack->push(new ReplayedCommand(this, QString::fromStdString(r.text), r.mutations));
            continue;
        case Op::Amend:
            if (ReplayedCommand *top = replayedTop(mUndoStack))
                top->amend(QString::fromStdString(r.text), r.mutations);
            break;
        case Op::Drop:
            if (ReplayedCommand *top = replayedTop(mUndoStack)) {
                top->drop();
                mUndoStack->undo();
            }
            break;
        case Op::Index:
            if (r.index >= 0 && r.index <= mUndoStack->count())
                mUndoStack->setIndex(r.index);
            break;
        case Op::Apply:
            break;
        }
        // The recorded changes themselves, after the stack moved: the data ends exactly as recorded.
        for (const core::Mutation &m : r.mutations)
            applyMutation(m, true);
    }
    mJournal = journal;
    return true;
}

} // namespace paddock::ui
