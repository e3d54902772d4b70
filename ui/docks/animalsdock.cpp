// SPDX-License-Identifier: Apache-2.0
#include "ui/docks/animalsdock.h"

#include "ui/commands/animalcommands.h"
#include "ui/document/document.h"
#include "ui/views/colours.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>

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
} // namespace

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
    layout->addWidget(mList);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add…"), w);
    add->setToolTip(tr("Add an animal (species from AP-10K or the project)"));
    mRemove = new QPushButton(tr("Remove"), w);
    mChangeId = new QPushButton(tr("Track Id…"), w);
    mSwap = new QPushButton(tr("Swap…"), w);
    mSwap->setToolTip(tr("Swap this animal's labels with another animal's from the current frame on"));
    for (QPushButton *b : {add, mRemove, mChangeId, mSwap})
        buttons->addWidget(b);
    layout->addLayout(buttons);
    setWidget(w);

    connect(add, &QPushButton::clicked, this, [this] { addAnimalDialog(); });
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

void AnimalsDock::documentChanged(const ChangeEvent &)
{
    refresh();
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
    mRemove->setEnabled(editable && hasCurrent);
    mChangeId->setEnabled(editable && hasCurrent);
    mSwap->setEnabled(editable && hasCurrent && clip->tracks.size() > 1);
    mUpdating = false;
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
    QSettings().setValue(QStringLiteral("animals/lastCategory"), dialog.categoryId());
    auto *cmd = new AddAnimal(mDocument, mDocument->currentClipIndex(), dialog.categoryId(), dialog.trackId(),
                              dialog.name());
    if (cmd->isNoOp()) {
        delete cmd;
        return 0;
    }
    const int id = cmd->trackId();
    mDocument->undoStack()->push(cmd);
    mDocument->setCurrentTrack(id);
    mDocument->setCurrentKeypoint(-1);
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
{
    setWindowTitle(tr("Add Animal"));
    auto *form = new QFormLayout(this);
    mSpecies = new QComboBox(this);
    mSpecies->setEditable(true); // type to search among the 54 AP-10K species
    mSpecies->setInsertPolicy(QComboBox::NoInsert);
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
    form->addRow(tr("Species:"), mSpecies);
    form->addRow(tr("Track id:"), mTrackId);
    form->addRow(tr("Name:"), mName);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(box);
}

int AddAnimalDialog::categoryId() const
{
    return mSpecies->currentData().toInt();
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
