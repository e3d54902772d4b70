// SPDX-License-Identifier: Apache-2.0
#include "ui/docks/animalsdock.h"

#include "ui/commands/animalcommands.h"
#include "ui/document/document.h"
#include "ui/views/colours.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace paddock::ui {

namespace {
QIcon swatch(const QColor &c)
{
    QPixmap pm(12, 12);
    pm.fill(c);
    return QIcon(pm);
}

QString animalLabel(const Document &doc, const core::Track &t)
{
    const core::Category *cat = doc.project().category(t.categoryId);
    const QString species = cat ? QString::fromStdString(cat->name) : AnimalsDock::tr("unknown species");
    QString text = t.name.empty() ? AnimalsDock::tr("#%1 %2").arg(t.id).arg(species)
                                  : AnimalsDock::tr("#%1 %2 (%3)").arg(t.id).arg(QString::fromStdString(t.name), species);
    const core::Instance *inst = doc.instance(doc.currentClipIndex(), doc.currentFrame(), t.id);
    const int total = cat ? cat->keypointCount() : 0;
    text += AnimalsDock::tr(" — %1/%2 here").arg(inst ? inst->labelledCount() : 0).arg(total);
    return text;
}
bool isTrackerSource(core::Source s)
{
    return s == core::Source::Propagated || s == core::Source::Refined || s == core::Source::Interpolated;
}
} // namespace

std::vector<FrameSuggestion> suggestFrames(const core::Clip &clip, int trackId, int count, int minGap)
{
    const int n = clip.effectiveFrameCount();
    std::set<int> labelled; // frames with a person's label of the animal(s)
    std::vector<double> sum(std::size_t(std::max(0, n)), 0.0);
    std::vector<int> tracked(std::size_t(std::max(0, n)), 0);
    for (const auto &[frame, list] : clip.frames) {
        if (frame < 0 || frame >= n)
            continue;
        for (const core::Instance &inst : list) {
            if (trackId != 0 && inst.trackId != trackId)
                continue;
            for (const core::Keypoint &k : inst.keypoints) {
                if (!k.isLabelled())
                    continue;
                if (core::isUserLabel(k.source)) {
                    labelled.insert(frame);
                } else if (isTrackerSource(k.source)) {
                    sum[std::size_t(frame)] += k.score;
                    ++tracked[std::size_t(frame)];
                }
            }
        }
    }
    struct Candidate
    {
        int frame;
        double score;
        int distance; // to the nearest labelled frame
    };
    std::vector<Candidate> candidates;
    for (int f = 0; f < n; ++f) {
        if (labelled.count(f))
            continue;
        int distance = n;
        auto it = labelled.lower_bound(f);
        if (it != labelled.end())
            distance = std::min(distance, *it - f);
        if (it != labelled.begin())
            distance = std::min(distance, f - *std::prev(it));
        if (distance < minGap)
            continue;
        const double score = tracked[std::size_t(f)] ? sum[std::size_t(f)] / tracked[std::size_t(f)] : 1.0;
        candidates.push_back({f, score, distance});
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.score != b.score ? a.score < b.score : a.distance > b.distance;
    });
    std::vector<FrameSuggestion> out;
    for (const Candidate &c : candidates) {
        if (int(out.size()) >= count)
            break;
        const bool near = std::any_of(out.begin(), out.end(),
                                      [&](const FrameSuggestion &s) { return std::abs(s.frame - c.frame) < minGap; });
        if (!near)
            out.push_back({c.frame, c.score});
    }
    return out;
}

AnimalsDock::AnimalsDock(Document *document, QWidget *parent)
    : QDockWidget(tr("Animals"), parent)
    , mDocument(document)
{
    setObjectName(QStringLiteral("AnimalsDock"));
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(4, 4, 4, 4);
    mList = new QListWidget(w);
    mList->setAccessibleName(tr("Animals"));
    layout->addWidget(mList, 1);
    auto *buttons = new QGridLayout;
    mAdd = new QPushButton(tr("Add…"), w);
    mAdd->setToolTip(tr("Add an animal (species from AP-10K or the project)"));
    mSpecies = new QPushButton(tr("Species…"), w);
    mSpecies->setToolTip(tr("Change this animal's species"));
    mRemove = new QPushButton(tr("Remove"), w);
    mChangeId = new QPushButton(tr("Track Id…"), w);
    mSwap = new QPushButton(tr("Swap…"), w);
    mSwap->setToolTip(tr("Swap this animal's labels with another animal's from the current frame on"));
    buttons->addWidget(mAdd, 0, 0);
    buttons->addWidget(mSpecies, 0, 1);
    buttons->addWidget(mRemove, 0, 2);
    buttons->addWidget(mChangeId, 1, 0);
    buttons->addWidget(mSwap, 1, 1);
    layout->addLayout(buttons);

    auto *kpLabel = new QLabel(tr("Keypoints (click one to place it next):"), w);
    layout->addWidget(kpLabel);
    mKeypoints = new QListWidget(w);
    mKeypoints->setObjectName(QStringLiteral("keypointList"));
    mKeypoints->setAccessibleName(tr("Keypoints"));
    layout->addWidget(mKeypoints, 4);
    auto *suggestRow = new QHBoxLayout;
    suggestRow->addWidget(new QLabel(tr("Label next (lowest tracker score first):"), w), 1);
    auto *suggest = new QPushButton(tr("Suggest"), w);
    suggest->setToolTip(tr("Frames far from the labelled ones where the tracker is least sure"));
    suggestRow->addWidget(suggest);
    layout->addLayout(suggestRow);
    mSuggestions = new QListWidget(w);
    mSuggestions->setObjectName(QStringLiteral("suggestionList"));
    layout->addWidget(mSuggestions, 1);
    setWidget(w);

    connect(mAdd, &QPushButton::clicked, this, [this] { addAnimalDialog(); });
    connect(mSpecies, &QPushButton::clicked, this, [this] { changeSpeciesDialog(); });
    connect(suggest, &QPushButton::clicked, this, &AnimalsDock::refreshSuggestions);
    connect(mKeypoints, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (!mUpdating)
            mDocument->setCurrentKeypoint(item->data(Qt::UserRole).toInt());
    });
    connect(mSuggestions, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        mDocument->setCurrentFrame(item->data(Qt::UserRole).toInt());
    });
    connect(document, &Document::currentKeypointChanged, this, &AnimalsDock::refreshKeypoints);
    connect(mRemove, &QPushButton::clicked, this, &AnimalsDock::removeCurrent);
    connect(mChangeId, &QPushButton::clicked, this, &AnimalsDock::changeIdDialog);
    connect(mSwap, &QPushButton::clicked, this, &AnimalsDock::swapFromHereDialog);
    connect(mList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (mUpdating || row < 0)
            return;
        mDocument->setCurrentTrack(mList->item(row)->data(Qt::UserRole).toInt());
    });
    connect(document, &Document::changed, this, &AnimalsDock::documentChanged);
    connect(document, &Document::currentTrackChanged, this, &AnimalsDock::refresh);
    connect(document, &Document::currentFrameChanged, this, &AnimalsDock::refresh);
    connect(document, &Document::currentClipChanged, this, &AnimalsDock::refresh);
    connect(document, &Document::roleChanged, this, &AnimalsDock::refresh);
    refresh();
}

void AnimalsDock::documentChanged(const ChangeEvent &event)
{
    refresh();
    if (event.type == ChangeEvent::Type::ProjectReset)
        mSuggestions->clear();
}

void AnimalsDock::refreshKeypoints()
{
    mUpdating = true;
    mKeypoints->clear();
    const int clip = mDocument->currentClipIndex();
    const int track = mDocument->currentTrack();
    const core::Category *cat = mDocument->categoryOfTrack(clip, track);
    if (cat) {
        const core::Instance *inst = mDocument->instance(clip, mDocument->currentFrame(), track);
        // The row the next click places: the chosen keypoint, else the first gap (as the frame view).
        const int cur = mDocument->currentKeypoint();
        const int target = cur >= 0 ? cur : mDocument->nextUnlabelledKeypoint(mDocument->currentFrame(), track, -1);
        for (int k = 0; k < cat->keypointCount(); ++k) {
            const core::Keypoint *kp = inst && k < int(inst->keypoints.size()) ? &inst->keypoints[std::size_t(k)]
                                                                               : nullptr;
            QString state = tr("not placed");
            if (kp && kp->isLabelled())
                state = kp->visibility == core::Visibility::Occluded ? tr("occluded")
                    : isTrackerSource(kp->source)                    ? tr("tracker %1").arg(double(kp->score), 0, 'f', 2)
                                                                     : tr("placed");
            auto *item = new QListWidgetItem(swatch(colours::side(sideOf(*cat, k))),
                                             tr("%1. %2 — %3")
                                                 .arg(k + 1)
                                                 .arg(QString::fromStdString(cat->keypoints[std::size_t(k)]), state),
                                             mKeypoints);
            item->setData(Qt::UserRole, k);
            if (kp && kp->isLabelled()) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            if (k == target)
                mKeypoints->setCurrentItem(item);
        }
    }
    mKeypoints->setEnabled(cat && !mDocument->isReadOnly());
    mUpdating = false;
}

void AnimalsDock::refreshSuggestions()
{
    mSuggestions->clear();
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return;
    const int n = clip->effectiveFrameCount();
    for (const FrameSuggestion &s : suggestFrames(*clip, mDocument->currentTrack(), 10, std::max(5, n / 50))) {
        auto *item = new QListWidgetItem(s.meanScore < 1.0
                                             ? tr("Frame %1 — mean tracker score %2").arg(s.frame).arg(s.meanScore, 0, 'f', 2)
                                             : tr("Frame %1 — far from labelled frames").arg(s.frame),
                                         mSuggestions);
        item->setData(Qt::UserRole, s.frame);
    }
    if (mSuggestions->count() == 0)
        (new QListWidgetItem(tr("No frame to suggest"), mSuggestions))->setFlags(Qt::NoItemFlags);
}

void AnimalsDock::refresh()
{
    mUpdating = true;
    mList->clear();
    const core::Clip *clip = mDocument->currentClip();
    if (clip) {
        for (const core::Track &t : clip->tracks) {
            auto *item = new QListWidgetItem(swatch(colours::track(t.id)), animalLabel(*mDocument, t), mList);
            item->setData(Qt::UserRole, t.id);
            if (t.id == mDocument->currentTrack())
                mList->setCurrentItem(item);
        }
    }
    const bool editable = clip && !mDocument->isReadOnly();
    const bool hasCurrent = clip && clip->track(mDocument->currentTrack());
    // Reviewers do not add or change animals: the buttons say so instead of doing nothing.
    mAdd->setEnabled(editable);
    mAdd->setToolTip(mDocument->isReadOnly() ? tr("Reviewer mode: animals are read-only (switch to labeller mode to add one)")
                                             : tr("Add an animal (species from AP-10K or the project)"));
    mSpecies->setEnabled(editable && hasCurrent);
    mRemove->setEnabled(editable && hasCurrent);
    mChangeId->setEnabled(editable && hasCurrent);
    mSwap->setEnabled(editable && hasCurrent && clip->tracks.size() > 1);
    mUpdating = false;
    refreshKeypoints();
}

int AnimalsDock::addAnimal(int categoryId, const QString &name)
{
    if (!mDocument->currentClip() || mDocument->isReadOnly())
        return 0;
    auto *cmd = new AddAnimal(mDocument, mDocument->currentClipIndex(), categoryId, 0, name);
    const int id = cmd->trackId();
    mDocument->undoStack()->push(cmd);
    mDocument->setCurrentTrack(id);
    mDocument->setCurrentKeypoint(-1);
    return id;
}

int AnimalsDock::addAnimalDialog()
{
    if (!mDocument->currentClip() || mDocument->isReadOnly())
        return 0;
    AddAnimalDialog dialog(*mDocument, this);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    const int clip = mDocument->currentClipIndex();
    QUndoStack *stack = mDocument->undoStack();
    int categoryId = dialog.categoryId();
    // A new species and the animal of that species are one undo step.
    stack->beginMacro(tr("Add Animal"));
    if (dialog.newSpecies()) {
        auto *species = new AddSpecies(mDocument, clip, *dialog.newSpecies());
        categoryId = species->categoryId();
        stack->push(species);
    }
    auto *cmd = categoryId > 0 ? new AddAnimal(mDocument, clip, categoryId, dialog.trackId(), dialog.name()) : nullptr;
    int id = 0;
    if (cmd && !cmd->isNoOp()) {
        id = cmd->trackId();
        stack->push(cmd);
    } else {
        delete cmd;
    }
    stack->endMacro();
    if (id == 0)
        return 0;
    QSettings().setValue(QStringLiteral("animals/lastCategory"), categoryId);
    mDocument->setCurrentTrack(id);
    mDocument->setCurrentKeypoint(-1);
    return id;
}

QString AnimalsDock::changeSpecies(int categoryId)
{
    if (!mDocument->currentClip() || mDocument->isReadOnly())
        return tr("Reviewer mode: animals are read-only.");
    auto *cmd = new ChangeSpecies(mDocument, mDocument->currentClipIndex(), mDocument->currentTrack(), categoryId);
    const QString err = cmd->error();
    if (!err.isEmpty() || cmd->isNoOp()) {
        delete cmd;
        return err;
    }
    mDocument->undoStack()->push(cmd);
    return QString();
}

QString AnimalsDock::changeSpeciesDialog()
{
    const core::Clip *clip = mDocument->currentClip();
    const core::Track *t = clip ? clip->track(mDocument->currentTrack()) : nullptr;
    if (!t || mDocument->isReadOnly())
        return QString();
    QStringList names;
    int current = 0;
    const auto &cats = mDocument->project().categories;
    for (int i = 0; i < int(cats.size()); ++i) {
        names << tr("%1 (%2)").arg(QString::fromStdString(cats[std::size_t(i)].name),
                                   QString::fromStdString(cats[std::size_t(i)].supercategory));
        if (cats[std::size_t(i)].id == t->categoryId)
            current = i;
    }
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Change Species"),
                                                 tr("Species of animal #%1 (on every frame):").arg(t->id), names,
                                                 current, false, &ok);
    if (!ok)
        return QString();
    const int idx = int(names.indexOf(choice));
    if (idx < 0)
        return QString();
    const QString err = changeSpecies(cats[std::size_t(idx)].id);
    if (!err.isEmpty())
        QMessageBox::warning(this, tr("Change Species"), err);
    return err;
}

int AnimalsDock::newSpeciesDialog(const QString &name)
{
    if (!mDocument->currentClip() || mDocument->isReadOnly())
        return 0;
    NewSpeciesDialog dialog(*mDocument, name, this);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    auto *cmd = new AddSpecies(mDocument, mDocument->currentClipIndex(), dialog.species());
    const int id = cmd->categoryId();
    if (cmd->isNoOp()) {
        delete cmd;
        return 0;
    }
    mDocument->undoStack()->push(cmd);
    return id;
}

void AnimalsDock::removeCurrent()
{
    const int id = mDocument->currentTrack();
    if (!mDocument->currentClip() || !mDocument->currentClip()->track(id))
        return;
    mDocument->undoStack()->push(new RemoveAnimal(mDocument, mDocument->currentClipIndex(), id));
}

void AnimalsDock::changeIdDialog()
{
    const int id = mDocument->currentTrack();
    bool ok = false;
    const int newId = QInputDialog::getInt(this, tr("Change Track Id"),
                                           tr("New track id for animal #%1 (an id in use is swapped):").arg(id), id,
                                           1, 9999, 1, &ok);
    if (!ok || newId == id)
        return;
    mDocument->undoStack()->push(new ChangeTrackId(mDocument, mDocument->currentClipIndex(), id, newId));
    mDocument->setCurrentTrack(newId);
}

void AnimalsDock::swapFromHereDialog()
{
    const core::Clip *clip = mDocument->currentClip();
    const int id = mDocument->currentTrack();
    if (!clip)
        return;
    QStringList others;
    for (const core::Track &t : clip->tracks)
        if (t.id != id)
            others << animalLabel(*mDocument, t);
    if (others.isEmpty())
        return;
    bool ok = false;
    const QString choice = QInputDialog::getItem(
        this, tr("Swap Animals"),
        tr("Swap animal #%1 with (from frame %2 on):").arg(id).arg(mDocument->currentFrame()), others, 0, false, &ok);
    if (!ok)
        return;
    for (const core::Track &t : clip->tracks) {
        if (t.id != id && animalLabel(*mDocument, t) == choice) {
            mDocument->undoStack()->push(new SwapTracksFromFrame(mDocument, mDocument->currentClipIndex(),
                                                                 mDocument->currentFrame(), id, t.id));
            return;
        }
    }
}

AddAnimalDialog::AddAnimalDialog(const Document &document, QWidget *parent)
    : QDialog(parent)
    , mDocument(document)
{
    setWindowTitle(tr("Add Animal"));
    auto *form = new QFormLayout(this);
    mSpecies = new QComboBox(this);
    mSpecies->setEditable(true); // type to search among the 54 AP-10K species
    mSpecies->setInsertPolicy(QComboBox::NoInsert);
    mSpecies->completer()->setCompletionMode(QCompleter::PopupCompletion);
    mSpecies->completer()->setFilterMode(Qt::MatchContains);
    for (const core::Category &c : document.project().categories)
        mSpecies->addItem(tr("%1 (%2, %3 keypoints)")
                              .arg(QString::fromStdString(c.name), QString::fromStdString(c.supercategory))
                              .arg(c.keypointCount()),
                          c.id);
    const int last = QSettings().value(QStringLiteral("animals/lastCategory"), 8).toInt();
    const int idx = mSpecies->findData(last);
    if (idx >= 0)
        mSpecies->setCurrentIndex(idx);
    mTrackId = new QSpinBox(this);
    mTrackId->setRange(1, 9999);
    const core::Clip *clip = document.currentClip();
    mTrackId->setValue(clip ? clip->nextTrackId() : 1);
    mName = new QLineEdit(this);
    mName->setPlaceholderText(tr("optional"));
    auto *speciesRow = new QHBoxLayout;
    speciesRow->addWidget(mSpecies, 1);
    auto *newSpecies = new QPushButton(tr("New Species…"), this);
    newSpecies->setToolTip(tr("Define a species that is not in the list (name, family, skeleton)"));
    speciesRow->addWidget(newSpecies);
    mProblem = new QLabel(this);
    mProblem->setObjectName(QStringLiteral("speciesProblem"));
    mProblem->setWordWrap(true);
    mProblem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    mProblem->hide();
    form->addRow(tr("Species:"), speciesRow);
    form->addRow(mProblem);
    form->addRow(tr("Track id:"), mTrackId);
    form->addRow(tr("Name:"), mName);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(newSpecies, &QPushButton::clicked, this, [this] {
        const QString typed = mSpecies->currentText().trimmed();
        NewSpeciesDialog dialog(mDocument, categoryId() > 0 ? QString() : typed, this);
        if (dialog.exec() == QDialog::Accepted)
            setNewSpecies(dialog.species());
    });
    connect(mSpecies, &QComboBox::editTextChanged, this, [this] {
        mProblem->hide();
        if (mNewSpecies && mSpecies->currentText() != QString::fromStdString(mNewSpecies->name))
            mNewSpecies.reset();
    });
    form->addRow(box);
}

int AddAnimalDialog::categoryId() const
{
    // The typed text decides, never a stale selection: "goat" must not become the dog still selected.
    const QString text = mSpecies->currentText().trimmed();
    if (mNewSpecies && text == QString::fromStdString(mNewSpecies->name))
        return 0;
    const int idx = mSpecies->findText(text, Qt::MatchFixedString);
    if (idx >= 0)
        return mSpecies->itemData(idx).toInt();
    if (const core::Category *c = core::findSpeciesByName(mDocument.project().categories, text.toStdString()))
        return c->id;
    return 0;
}

void AddAnimalDialog::setNewSpecies(const core::Category &category)
{
    mNewSpecies = category;
    mSpecies->setEditText(QString::fromStdString(category.name));
    mNewSpecies = category; // setEditText cleared it
    mProblem->setStyleSheet(QString());
    mProblem->setText(tr("New species “%1” (%2, %3 keypoints) will be added with the animal.")
                          .arg(QString::fromStdString(category.name), QString::fromStdString(category.supercategory))
                          .arg(category.keypointCount()));
    mProblem->show();
    adjustSize();
}

QString AddAnimalDialog::problem() const
{
    return mProblem->isHidden() ? QString() : mProblem->text();
}

void AddAnimalDialog::accept()
{
    if (categoryId() == 0 && !mNewSpecies) {
        const QString typed = mSpecies->currentText().trimmed();
        mProblem->setStyleSheet(QStringLiteral("color: #c0392b;"));
        mProblem->setText(typed.isEmpty() ? tr("Choose a species.")
                                          : tr("No species “%1” in this project. Choose one from the list, or "
                                               "press New Species… to add it.")
                                                .arg(typed));
        mProblem->show();
        adjustSize(); // room for the wrapped message
        return;
    }
    QDialog::accept();
}

NewSpeciesDialog::NewSpeciesDialog(const Document &document, const QString &name, QWidget *parent)
    : QDialog(parent)
    , mDocument(document)
{
    setWindowTitle(tr("New Species"));
    auto *form = new QFormLayout(this);
    mName = new QLineEdit(name, this);
    mName->setObjectName(QStringLiteral("speciesName"));
    mFamily = new QComboBox(this);
    mFamily->setEditable(true);
    QStringList families;
    for (const core::Category &c : document.project().categories)
        if (!c.supercategory.empty() && !families.contains(QString::fromStdString(c.supercategory)))
            families << QString::fromStdString(c.supercategory);
    families.sort();
    mFamily->addItems(families);
    mFamily->setCurrentIndex(families.indexOf(QStringLiteral("Bovidae")));
    mLayout = new QComboBox(this);
    mLayout->addItem(tr("AP-10K (17 keypoints)"), 0);
    for (const core::Category &c : document.project().categories)
        if (c.keypoints != core::ap10kKeypointNames())
            mLayout->addItem(tr("As %1 (%2 keypoints)").arg(QString::fromStdString(c.name)).arg(c.keypointCount()), c.id);
    mProblem = new QLabel(this);
    mProblem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    mProblem->setWordWrap(true);
    mProblem->hide();
    form->addRow(tr("Name:"), mName);
    form->addRow(tr("Family:"), mFamily);
    form->addRow(tr("Skeleton:"), mLayout);
    form->addRow(mProblem);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setText(tr("Add Species"));
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(box);
}

core::Category NewSpeciesDialog::species() const
{
    const core::Category *layout = mDocument.project().category(mLayout->currentData().toInt());
    return core::newSpecies(0, mName->text().trimmed().toStdString(), mFamily->currentText().trimmed().toStdString(),
                            mLayout->currentData().toInt() > 0 ? layout : nullptr);
}

QString NewSpeciesDialog::problem() const
{
    return mProblem->isHidden() ? QString() : mProblem->text();
}

void NewSpeciesDialog::accept()
{
    const QString name = mName->text().trimmed();
    QString problem;
    if (name.isEmpty())
        problem = tr("Give the species a name.");
    else if (core::findSpeciesByName(mDocument.project().categories, name.toStdString()))
        problem = tr("The project already has a species “%1”.").arg(name);
    if (!problem.isEmpty()) {
        mProblem->setText(problem);
        mProblem->show();
        return;
    }
    QDialog::accept();
}

int AddAnimalDialog::trackId() const
{
    return mTrackId->value();
}

QString AddAnimalDialog::name() const
{
    return mName->text().trimmed();
}

} // namespace paddock::ui
