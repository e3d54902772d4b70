// SPDX-License-Identifier: Apache-2.0
#include "ui/review/flagdialog.h"

#include "ui/document/document.h"
#include "ui/review/errorlistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>

namespace paddock::ui {

namespace {
enum Scope { KeypointScope = 0, AnimalScope, FrameScope };
}

FlagDialog::FlagDialog(Document *document, QWidget *parent)
    : QDialog(parent)
    , mDocument(document)
    , mScope(new QComboBox(this))
    , mAnimal(new QComboBox(this))
    , mKeypoint(new QComboBox(this))
    , mType(new QComboBox(this))
    , mComment(new QLineEdit(this))
    , mSuggest(new QCheckBox(tr("Suggest position"), this))
    , mX(new QDoubleSpinBox(this))
    , mY(new QDoubleSpinBox(this))
{
    setWindowTitle(tr("Flag Error on Frame %1").arg(document->currentFrame()));
    mScope->addItem(tr("Keypoint"), KeypointScope);
    mScope->addItem(tr("Animal"), AnimalScope);
    mScope->addItem(tr("Frame"), FrameScope);
    if (const core::Clip *clip = document->currentClip())
        for (const core::Track &t : clip->tracks) {
            const core::Category *cat = document->project().category(t.categoryId);
            mAnimal->addItem(QStringLiteral("%1 %2").arg(t.id).arg(QString::fromStdString(
                                 t.name.empty() && cat ? cat->name : t.name)),
                             t.id);
        }
    mAnimal->setCurrentIndex(std::max(0, mAnimal->findData(document->currentTrack())));
    for (core::ErrorType t : core::allErrorTypes())
        mType->addItem(ErrorListModel::typeText(t), int(t));
    const core::Clip *clip = document->currentClip();
    for (QDoubleSpinBox *s : {mX, mY}) {
        s->setDecimals(1);
        s->setRange(-100000.0, 100000.0);
    }
    mX->setValue(clip ? clip->width / 2.0 : 0.0);
    mY->setValue(clip ? clip->height / 2.0 : 0.0);
    fillKeypoints();
    mKeypoint->setCurrentIndex(std::max(0, document->currentKeypoint()));
    if (document->currentKeypoint() < 0)
        mScope->setCurrentIndex(mAnimal->count() > 0 ? AnimalScope : FrameScope);
    if (mAnimal->count() == 0)
        mScope->setCurrentIndex(FrameScope);
    // The suggestion starts at the point's current position, so a small nudge is all that is needed.
    if (const core::Instance *inst = document->instance(document->currentClipIndex(), document->currentFrame(),
                                                        document->currentTrack());
        inst && document->currentKeypoint() >= 0 && document->currentKeypoint() < int(inst->keypoints.size())) {
        const core::Keypoint &k = inst->keypoints[std::size_t(document->currentKeypoint())];
        if (k.isLabelled()) {
            mX->setValue(k.x);
            mY->setValue(k.y);
        }
    }

    auto *pos = new QHBoxLayout;
    pos->addWidget(mSuggest);
    pos->addWidget(mX);
    pos->addWidget(mY);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Flag:"), mScope);
    form->addRow(tr("Animal:"), mAnimal);
    form->addRow(tr("Keypoint:"), mKeypoint);
    form->addRow(tr("Error:"), mType);
    form->addRow(tr("Comment:"), mComment);
    form->addRow(pos);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);

    connect(mScope, &QComboBox::currentIndexChanged, this, &FlagDialog::updateEnabled);
    connect(mAnimal, &QComboBox::currentIndexChanged, this, &FlagDialog::fillKeypoints);
    connect(mSuggest, &QCheckBox::toggled, this, &FlagDialog::updateEnabled);
    updateEnabled();
    mComment->setFocus();
}

void FlagDialog::fillKeypoints()
{
    const int keep = mKeypoint->currentIndex();
    mKeypoint->clear();
    const core::Category *cat = mDocument->categoryOfTrack(mDocument->currentClipIndex(), mAnimal->currentData().toInt());
    for (int k = 0; cat && k < cat->keypointCount(); ++k)
        mKeypoint->addItem(QString::fromStdString(cat->keypoints[std::size_t(k)]), k);
    if (keep >= 0 && keep < mKeypoint->count())
        mKeypoint->setCurrentIndex(keep);
}

void FlagDialog::updateEnabled()
{
    const int scope = mScope->currentData().toInt();
    mAnimal->setEnabled(scope != FrameScope);
    mKeypoint->setEnabled(scope == KeypointScope);
    mSuggest->setEnabled(scope == KeypointScope);
    mX->setEnabled(scope == KeypointScope && mSuggest->isChecked());
    mY->setEnabled(mX->isEnabled());
}

void FlagDialog::setErrorType(core::ErrorType type)
{
    mType->setCurrentIndex(mType->findData(int(type)));
}

void FlagDialog::setComment(const QString &comment)
{
    mComment->setText(comment);
}

void FlagDialog::setSuggested(double x, double y)
{
    mScope->setCurrentIndex(KeypointScope);
    mSuggest->setChecked(true);
    mX->setValue(x);
    mY->setValue(y);
}

core::ReviewEntry FlagDialog::entry() const
{
    core::ReviewEntry e;
    const int scope = mScope->currentData().toInt();
    e.frame = mDocument->currentFrame();
    e.trackId = scope == FrameScope ? 0 : mAnimal->currentData().toInt();
    e.keypoint = scope == KeypointScope ? mKeypoint->currentData().toInt() : -1;
    e.type = core::ErrorType(mType->currentData().toInt());
    e.comment = mComment->text().trimmed().toStdString();
    if (scope == KeypointScope && mSuggest->isChecked())
        e.suggested = core::Point2{mX->value(), mY->value()};
    return e;
}

} // namespace paddock::ui
