// SPDX-License-Identifier: Apache-2.0
#include "ui/review/reviewdock.h"

#include "core/checks/imagechecks.h"
#include "core/io/reviewjson.h"
#include "core/video/clipframes.h"
#include "core/video/framesource.h"
#include "ui/document/document.h"
#include "ui/review/errorlistmodel.h"
#include "ui/review/flagdialog.h"
#include "ui/review/reviewoverlay.h"
#include "ui/review/rounddiffdialog.h"
#include "ui/views/frameview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFuture>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace paddock::ui {

namespace {
const char *kNameKey = "review/userName";
}

ReviewDock::ReviewDock(Document *document, QWidget *parent)
    : QDockWidget(tr("Review"), parent)
    , mDocument(document)
    , mModel(new ErrorListModel(document, this))
    , mOverlay(new ReviewOverlay(document, this))
{
    setObjectName(QStringLiteral("ReviewDock"));
    buildUi();
    if (mDocument->userName().isEmpty())
        mDocument->setUserName(storedUserName());

    connect(mDocument, &Document::changed, this, [this](const ChangeEvent &e) {
        if (e.type == ChangeEvent::Type::ProjectReset) {
            mFindings.clear();
            mFindingsList->clear();
        }
        refresh();
    });
    connect(mDocument, &Document::currentClipChanged, this, [this] {
        mFindings.clear();
        mFindingsList->clear();
        refresh();
    });
    connect(mDocument, &Document::roleChanged, this, &ReviewDock::refresh);
    connect(mDocument, &Document::userNameChanged, this, &ReviewDock::refresh);
    connect(mDocument, &Document::currentFrameChanged, this, [this](int frame) {
        if (mThisFrame->isChecked())
            mModel->setFrameFilter(frame);
    });
    connect(mDocument, &Document::labelEditRefused, this, [this](const QString &what) {
        showMessage(tr("Reviewer mode: labels are read-only (“%1” refused). Flag the point, or apply a "
                       "suggested position as a correction.").arg(what), true);
    });
    refresh();
}

QString ReviewDock::storedUserName()
{
    return QSettings().value(QLatin1String(kNameKey)).toString();
}

void ReviewDock::storeUserName(const QString &name)
{
    QSettings().setValue(QLatin1String(kNameKey), name);
}

void ReviewDock::buildUi()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(6, 6, 6, 6);

    mRoleLabel = new QLabel(w);
    mSummary = new QLabel(w);
    mSummary->setWordWrap(true);
    mSummary->setObjectName(QStringLiteral("reviewSummary"));
    layout->addWidget(mRoleLabel);
    layout->addWidget(mSummary);

    mRoundLabel = new QLabel(w);
    mRoundLabel->setObjectName(QStringLiteral("roundState"));
    layout->addWidget(mRoundLabel);
    auto *rounds = new QGridLayout;
    mSubmitButton = new QPushButton(RoundStep::actionText(RoundAction::SubmitForReview), w);
    mReturnButton = new QPushButton(RoundStep::actionText(RoundAction::ReturnToLabeller), w);
    mFixesButton = new QPushButton(RoundStep::actionText(RoundAction::SubmitFixes), w);
    mAcceptClipButton = new QPushButton(RoundStep::actionText(RoundAction::AcceptClip), w);
    rounds->addWidget(mSubmitButton, 0, 0);
    rounds->addWidget(mReturnButton, 0, 1);
    rounds->addWidget(mFixesButton, 1, 0);
    rounds->addWidget(mAcceptClipButton, 1, 1);
    layout->addLayout(rounds);
    mRequireApproval = new QCheckBox(tr("Accepting needs every tracker point approved"), w);
    mRequireApproval->setObjectName(QStringLiteral("requireApproval"));
    mRequireApproval->setToolTip(tr("Refuse Accept Clip while propagated or refined points are not approved (A)"));
    mRequireApproval->setChecked(QSettings().value(QStringLiteral("review/requireApproval"), false).toBool());
    layout->addWidget(mRequireApproval);
    connect(mRequireApproval, &QCheckBox::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("review/requireApproval"), on); });
    connect(mSubmitButton, &QPushButton::clicked, this, [this] { roundStep(RoundAction::SubmitForReview); });
    connect(mReturnButton, &QPushButton::clicked, this, [this] { roundStep(RoundAction::ReturnToLabeller); });
    connect(mFixesButton, &QPushButton::clicked, this, [this] { roundStep(RoundAction::SubmitFixes); });
    connect(mAcceptClipButton, &QPushButton::clicked, this, [this] { roundStep(RoundAction::AcceptClip); });

    auto *filters = new QHBoxLayout;
    mTypeCombo = new QComboBox(w);
    mTypeCombo->setObjectName(QStringLiteral("typeFilter"));
    mTypeCombo->addItem(tr("All errors"), -1);
    for (core::ErrorType t : core::allErrorTypes())
        mTypeCombo->addItem(ErrorListModel::typeText(t), int(t));
    mStateCombo = new QComboBox(w);
    mStateCombo->setObjectName(QStringLiteral("stateFilter"));
    mStateCombo->addItem(tr("Any state"), int(ErrorListModel::StateFilter::All));
    mStateCombo->addItem(tr("To do (open, reopened)"), int(ErrorListModel::StateFilter::Unresolved));
    for (auto [f, s] : {std::pair{ErrorListModel::StateFilter::Open, core::EntryState::Open},
                        std::pair{ErrorListModel::StateFilter::Fixed, core::EntryState::Fixed},
                        std::pair{ErrorListModel::StateFilter::Accepted, core::EntryState::Accepted},
                        std::pair{ErrorListModel::StateFilter::Reopened, core::EntryState::Reopened}})
        mStateCombo->addItem(ErrorListModel::stateText(s), int(f));
    mThisFrame = new QCheckBox(tr("This frame"), w);
    filters->addWidget(mTypeCombo, 1);
    filters->addWidget(mStateCombo, 1);
    filters->addWidget(mThisFrame);
    layout->addLayout(filters);
    connect(mTypeCombo, &QComboBox::currentIndexChanged, this,
            [this] { setTypeFilter(mTypeCombo->currentData().toInt()); });
    connect(mStateCombo, &QComboBox::currentIndexChanged, this,
            [this] { setStateFilter(mStateCombo->currentData().toInt()); });
    connect(mThisFrame, &QCheckBox::toggled, this, &ReviewDock::setThisFrameOnly);

    mTable = new QTableView(w);
    mTable->setModel(mModel);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 6);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    mTable->horizontalHeader()->setSectionResizeMode(ErrorListModel::CommentColumn, QHeaderView::Stretch);
    mTable->setTextElideMode(Qt::ElideRight);
    mTable->setWordWrap(false);
    mTable->setColumnHidden(ErrorListModel::AuthorColumn, true); // shown in the details line below
    layout->addWidget(mTable, 3);
    mDetails = new QLabel(w);
    mDetails->setWordWrap(true);
    mDetails->setObjectName(QStringLiteral("entryDetails"));
    // Three lines, whatever the comment's length, so the buttons below stay put (the tooltip has it all).
    mDetails->setFixedHeight(mDetails->fontMetrics().lineSpacing() * 3 + 4);
    mDetails->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    mDetails->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    layout->addWidget(mDetails);
    connect(mTable, &QTableView::clicked, this, [this](const QModelIndex &i) { activateRow(i.row()); });
    connect(mTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &i) {
                if (i.isValid() && !mRestoring)
                    activateRow(i.row());
                updateButtons();
            });
    // The selection survives list refreshes (edits, undo, filters) without moving the current frame.
    connect(mModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] { mKeepSelected = selectedId(); });
    connect(mModel, &QAbstractItemModel::modelReset, this, [this] {
        mRestoring = true;
        selectEntry(mKeepSelected);
        mRestoring = false;
        updateButtons();
    });

    auto *entry = new QGridLayout;
    mFlagButton = new QPushButton(tr("Flag…"), w);
    mFlagButton->setToolTip(tr("Flag the selected keypoint, animal or this frame (reviewer)"));
    mFixedButton = new QPushButton(tr("Fixed"), w);
    mFixedButton->setToolTip(tr("Mark the selected entry fixed (labeller)"));
    mAcceptButton = new QPushButton(tr("Accept"), w);
    mReopenButton = new QPushButton(tr("Reopen"), w);
    mApplyButton = new QPushButton(tr("Apply suggestion"), w);
    mApplyButton->setToolTip(tr("Move the point to the suggested position and accept (reviewer correction)"));
    mRemoveButton = new QPushButton(tr("Remove"), w);
    entry->addWidget(mFlagButton, 0, 0);
    entry->addWidget(mFixedButton, 0, 1);
    entry->addWidget(mAcceptButton, 0, 2);
    entry->addWidget(mReopenButton, 1, 0);
    entry->addWidget(mApplyButton, 1, 1);
    entry->addWidget(mRemoveButton, 1, 2);
    layout->addLayout(entry);
    connect(mFlagButton, &QPushButton::clicked, this, [this] { flagDialog(); });
    connect(mFixedButton, &QPushButton::clicked, this, [this] { markFixed(); });
    connect(mAcceptButton, &QPushButton::clicked, this, [this] { acceptSelected(); });
    connect(mReopenButton, &QPushButton::clicked, this, [this] { reopenSelected(); });
    connect(mApplyButton, &QPushButton::clicked, this, [this] { applySuggestion(); });
    connect(mRemoveButton, &QPushButton::clicked, this, [this] { removeSelected(); });

    auto *checks = new QHBoxLayout;
    auto *run = new QPushButton(tr("Run checks"), w);
    mAddFindingButton = new QPushButton(tr("Add to list"), w);
    mAddAllButton = new QPushButton(tr("Add all"), w);
    checks->addWidget(run);
    checks->addWidget(mAddFindingButton);
    checks->addWidget(mAddAllButton);
    layout->addLayout(checks);
    mFindingsList = new QListWidget(w);
    mFindingsList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mFindingsList->setWordWrap(true);
    mFindingsList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(mFindingsList, 1);
    connect(run, &QPushButton::clicked, this, &ReviewDock::runChecks);
    connect(mAddFindingButton, &QPushButton::clicked, this, [this] { addFindings(false); });
    connect(mAddAllButton, &QPushButton::clicked, this, [this] { addFindings(true); });
    connect(mFindingsList, &QListWidget::itemSelectionChanged, this, &ReviewDock::updateButtons);
    connect(mFindingsList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < int(mFindings.size())) {
            const core::Finding &f = mFindings[std::size_t(row)];
            mDocument->setCurrentFrame(f.frame);
            if (f.trackId != 0)
                mDocument->setCurrentTrack(f.trackId);
            mDocument->setCurrentKeypoint(f.keypoint);
        }
        updateButtons();
    });

    auto *files = new QHBoxLayout;
    auto *exportButton = new QPushButton(tr("Export…"), w);
    auto *importButton = new QPushButton(tr("Import…"), w);
    auto *diffButton = new QPushButton(tr("Compare rounds…"), w);
    files->addWidget(exportButton);
    files->addWidget(importButton);
    files->addWidget(diffButton);
    layout->addLayout(files);
    connect(exportButton, &QPushButton::clicked, this, &ReviewDock::exportDialog);
    connect(importButton, &QPushButton::clicked, this, &ReviewDock::importDialog);
    connect(diffButton, &QPushButton::clicked, this, &ReviewDock::showRoundDiff);

    mMessage = new QLabel(w);
    mMessage->setWordWrap(true);
    mMessage->setObjectName(QStringLiteral("reviewMessage"));
    mMessage->setFixedHeight(mMessage->fontMetrics().lineSpacing() * 3 + 4);
    mMessage->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    mMessage->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    layout->addWidget(mMessage);
    setWidget(w);
}

void ReviewDock::attachFrameView(FrameView *view)
{
    mOverlay->attach(view);
    mView = view;
    view->installEventFilter(this);
}

bool ReviewDock::eventFilter(QObject *watched, QEvent *event)
{
    // The event type first: events arrive while the view is being destroyed, when mView must not be cast.
    if (event->type() == QEvent::ContextMenu && watched == mView && mDocument->role() == Role::Reviewer
        && mDocument->currentClip()) {
        const auto *e = static_cast<QContextMenuEvent *>(event);
        flagWithSuggestion(mView->widgetToImage(QPointF(e->pos())));
        return true;
    }
    return QDockWidget::eventFilter(watched, event);
}

void ReviewDock::setReviewerMode(bool on)
{
    if (on && mDocument->userName().isEmpty()) {
        QString name = storedUserName();
        if (name.isEmpty() && mInteractive)
            name = QInputDialog::getText(this, tr("Reviewer Mode"), tr("Your name (recorded on flags and rounds):"))
                       .trimmed();
        if (!name.isEmpty()) {
            storeUserName(name);
            mDocument->setUserName(name);
        }
    }
    mDocument->setRole(on ? Role::Reviewer : Role::Labeller);
    showMessage(on ? tr("Reviewer mode: labels are read-only; flag errors, accept or reopen fixes.")
                   : tr("Labeller mode: fix the open entries and mark them fixed."),
                false);
}

void ReviewDock::setTypeFilter(int typeOrMinusOne)
{
    mModel->setTypeFilter(typeOrMinusOne < 0 ? std::nullopt : std::optional(core::ErrorType(typeOrMinusOne)));
}

void ReviewDock::setStateFilter(int stateFilter)
{
    mModel->setStateFilter(ErrorListModel::StateFilter(stateFilter));
}

void ReviewDock::setThisFrameOnly(bool on)
{
    if (mThisFrame->isChecked() != on) {
        mThisFrame->setChecked(on); // emits toggled, which comes back here
        return;
    }
    mModel->setFrameFilter(on ? mDocument->currentFrame() : -1);
}

std::int64_t ReviewDock::selectedId() const
{
    const QModelIndex i = mTable->currentIndex();
    return i.isValid() ? mModel->idAt(i.row()) : 0;
}

void ReviewDock::selectEntry(std::int64_t id)
{
    const int row = mModel->rowOf(id);
    if (row >= 0)
        mTable->setCurrentIndex(mModel->index(row, 0));
}

void ReviewDock::activateRow(int row)
{
    const core::ReviewEntry *e = mModel->entryAt(row);
    if (!e)
        return;
    mDocument->setCurrentFrame(e->frame);
    if (e->trackId != 0)
        mDocument->setCurrentTrack(e->trackId);
    mDocument->setCurrentKeypoint(e->keypoint);
}

template<typename Command>
QString ReviewDock::push(Command *command)
{
    const QString err = pushReviewCommand(mDocument, command);
    if (!err.isEmpty())
        showMessage(err, true);
    else
        mMessage->clear();
    return err;
}

QString ReviewDock::flagDialog()
{
    return flagWithSuggestion(QPointF(qQNaN(), qQNaN()));
}

QString ReviewDock::flagWithSuggestion(QPointF imagePos)
{
    if (!mDocument->currentClip())
        return tr("No clip is open.");
    FlagDialog dialog(mDocument, this);
    if (!qIsNaN(imagePos.x()) && mDocument->currentKeypoint() >= 0)
        dialog.setSuggested(imagePos.x(), imagePos.y());
    if (dialog.exec() != QDialog::Accepted)
        return QString();
    auto *cmd = new FlagError(mDocument, mDocument->currentClipIndex(), dialog.entry());
    const std::int64_t id = cmd->entryId();
    const QString err = push(cmd);
    if (err.isEmpty())
        selectEntry(id);
    return err;
}

QString ReviewDock::markFixed()
{
    return push(new MarkEntryFixed(mDocument, mDocument->currentClipIndex(), selectedId()));
}

QString ReviewDock::acceptSelected()
{
    return push(new AcceptEntry(mDocument, mDocument->currentClipIndex(), selectedId()));
}

QString ReviewDock::reopenSelected()
{
    QString comment;
    if (mInteractive) {
        bool ok = false;
        comment = QInputDialog::getText(this, tr("Reopen"), tr("What is still wrong (optional):"),
                                        QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return QString();
    }
    return push(new ReopenEntry(mDocument, mDocument->currentClipIndex(), selectedId(), comment));
}

QString ReviewDock::applySuggestion()
{
    return push(new ApplySuggestion(mDocument, mDocument->currentClipIndex(), selectedId()));
}

QString ReviewDock::removeSelected()
{
    return push(new RemoveEntry(mDocument, mDocument->currentClipIndex(), selectedId()));
}

QString ReviewDock::unreviewedText() const
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return QString();
    int points = 0;
    QStringList frames;
    int frameCount = 0;
    for (const auto &[frame, list] : clip->frames) {
        int here = 0;
        for (const core::Instance &inst : list)
            for (const core::Keypoint &k : inst.keypoints)
                if (k.isLabelled() && !core::isUserLabel(k.source))
                    ++here;
        if (here == 0)
            continue;
        points += here;
        if (++frameCount <= 8)
            frames << QString::number(frame);
    }
    if (points == 0)
        return QString();
    if (frameCount > 8)
        frames << QStringLiteral("…");
    return tr("%n tracker point(s) nobody approved", nullptr, points)
        + tr(" on %n frame(s) (%1)", nullptr, frameCount).arg(frames.join(QStringLiteral(", ")));
}

void ReviewDock::setRequireApproval(bool on)
{
    mRequireApproval->setChecked(on);
}

bool ReviewDock::requireApproval() const
{
    return mRequireApproval->isChecked();
}

QString ReviewDock::roundStep(RoundAction action)
{
    QString unreviewed;
    if (action == RoundAction::AcceptClip && mDocument->role() == Role::Reviewer)
        unreviewed = unreviewedText();
    if (!unreviewed.isEmpty()) {
        if (requireApproval()) {
            const QString msg = tr("Not accepted: %1. Approve them (A on each frame) or correct them first.")
                                    .arg(unreviewed);
            showMessage(msg, true);
            return msg;
        }
        if (mInteractive
            && QMessageBox::warning(this, tr("Accept Clip"),
                                    tr("%1. Accepting leaves them as the tracker placed them.\n\nAccept anyway?")
                                        .arg(unreviewed),
                                    QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
                != QMessageBox::Yes) {
            const QString msg = tr("Not accepted: %1.").arg(unreviewed);
            showMessage(msg, true);
            return msg;
        }
    }
    const QString err = push(new RoundStep(mDocument, mDocument->currentClipIndex(), action));
    if (err.isEmpty() && !unreviewed.isEmpty())
        showMessage(tr("Accepted with %1.").arg(unreviewed), false);
    return err;
}

struct ReviewDock::ImageCheckJob
{
    std::atomic_bool cancel{false};
    std::atomic_bool done{false};
    QFuture<void> future;
};

ReviewDock::~ReviewDock()
{
    if (mImageJob) {
        mImageJob->cancel = true;
        mImageJob->future.waitForFinished();
    }
}

bool ReviewDock::imageChecksRunning() const
{
    return mImageJob && !mImageJob->done.load();
}

void ReviewDock::waitForImageChecks()
{
    if (mImageJob)
        mImageJob->future.waitForFinished();
    QCoreApplication::sendPostedEvents(this);
}

void ReviewDock::listFindings()
{
    mFindingsList->clear();
    for (const core::Finding &f : mFindings)
        mFindingsList->addItem(QString::fromStdString(core::findingToText(f)));
}

void ReviewDock::runChecks()
{
    if (mImageJob)
        mImageJob->cancel = true;
    mImageJob.reset();
    mFindings.clear();
    mFindingsList->clear();
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return;
    mFindings = core::runChecks(*clip, mDocument->project().categories);
    listFindings();
    showMessage(mFindings.empty() ? tr("The checks found nothing.") : tr("%n finding(s).", nullptr, int(mFindings.size())),
                false);
    updateButtons();
    startImageChecks();
}

void ReviewDock::startImageChecks()
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip || clip->path.empty())
        return;
    // The worker gets a snapshot and opens its own frames; only a queued call comes back.
    auto job = std::make_shared<ImageCheckJob>();
    mImageJob = job;
    const int clipIndex = mDocument->currentClipIndex();
    const int labelFindings = int(mFindings.size());
    showMessage(tr("%n finding(s); checking the frames…", nullptr, labelFindings), false);
    job->future = QtConcurrent::run([this, job, clipIndex, snapshot = *clip,
                                     categories = mDocument->project().categories]() {
        std::vector<core::Finding> found;
        std::string error;
        bool ok = false;
        if (auto frames = core::openClipFrames(snapshot, &error)) {
            int lastPercent = -1;
            const core::CheckProgressFn progress = [&](int done, int total) {
                const int percent = total > 0 ? 100 * done / total : 0;
                if (percent / 10 == lastPercent / 10)
                    return;
                lastPercent = percent;
                QMetaObject::invokeMethod(this, [this, job, percent] {
                    if (job == mImageJob)
                        showMessage(tr("Checking the frames: %1%").arg(percent), false);
                }, Qt::QueuedConnection);
            };
            ok = core::runImageChecks(snapshot, categories, *frames, core::ImageCheckOptions(), &found, &error,
                                      progress, &job->cancel);
        }
        job->done = true;
        if (job->cancel.load())
            return;
        QMetaObject::invokeMethod(this, [this, job, ok, clipIndex, found = std::move(found), error] {
            if (job != mImageJob || clipIndex != mDocument->currentClipIndex())
                return;
            if (!ok) {
                showMessage(tr("%n finding(s). The image checks did not run: %1", nullptr, int(mFindings.size()))
                                .arg(QString::fromStdString(error)),
                            true);
                return;
            }
            mFindings.insert(mFindings.end(), found.begin(), found.end());
            core::sortFindings(&mFindings);
            listFindings();
            showMessage(mFindings.empty() ? tr("The checks found nothing.")
                                          : tr("%n finding(s), %1 from the frames.", nullptr, int(mFindings.size()))
                                                .arg(found.size()),
                        false);
            updateButtons();
        }, Qt::QueuedConnection);
    });
}

int ReviewDock::addFindings(bool all)
{
    std::vector<core::Finding> pick;
    for (int i = 0; i < int(mFindings.size()); ++i)
        if (all || mFindingsList->item(i)->isSelected())
            pick.push_back(mFindings[std::size_t(i)]);
    if (pick.empty())
        return 0;
    auto *cmd = new FindingsToEntries(mDocument, mDocument->currentClipIndex(), pick);
    const int added = cmd->isValid() ? cmd->addedCount() : 0;
    const QString err = push(cmd);
    if (err.isEmpty())
        showMessage(tr("%n entry(ies) added to the error list.", nullptr, added), false);
    return err.isEmpty() ? added : 0;
}

bool ReviewDock::exportErrorList(const QString &path, QString *error)
{
    const core::Clip *clip = mDocument->currentClip();
    std::string err;
    if (!clip)
        err = tr("No clip is open.").toStdString();
    else if (core::exportErrorList(*clip, path.toStdString(), mDocument->userName().toStdString(), &err)) {
        showMessage(tr("Exported %n entry(ies) to %1.", nullptr, int(clip->review.entries.size())).arg(path), false);
        return true;
    }
    const QString msg = QString::fromStdString(err);
    showMessage(msg, true);
    if (error)
        *error = msg;
    return false;
}

bool ReviewDock::importErrorList(const QString &path, QString *error)
{
    std::string err;
    const std::optional<core::ErrorList> list = core::readErrorList(path.toStdString(), &err);
    QString msg;
    if (!list)
        msg = QString::fromStdString(err);
    else if (!mDocument->currentClip())
        msg = tr("No clip is open.");
    if (msg.isEmpty()) {
        auto *cmd = new ImportErrorList(mDocument, mDocument->currentClipIndex(), *list);
        const core::MergeReport report = cmd->report();
        msg = push(cmd);
        if (msg.isEmpty()) {
            QString text = tr("Imported: %1 new, %2 updated, %3 unchanged, %4 kept local.")
                               .arg(report.added).arg(report.updated).arg(report.unchanged).arg(report.keptLocal);
            for (const std::string &line : report.conflicts)
                text += QLatin1Char('\n') + QString::fromStdString(line);
            for (const std::string &line : report.warnings)
                text += QLatin1Char('\n') + QString::fromStdString(line);
            showMessage(text, !report.conflicts.empty());
            return true;
        }
    }
    showMessage(msg, true);
    if (error)
        *error = msg;
    return false;
}

void ReviewDock::exportDialog()
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Error List"), QString::fromStdString(clip->name) + QStringLiteral(".errors.json"),
        tr("Error lists (*.json)"));
    if (!path.isEmpty())
        exportErrorList(path, nullptr);
}

void ReviewDock::importDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Error List"), QString(),
                                                      tr("Error lists (*.json)"));
    if (!path.isEmpty())
        importErrorList(path, nullptr);
}

void ReviewDock::showRoundDiff()
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip || clip->review.rounds.empty()) {
        showMessage(tr("No review round yet: submit the clip for review first."), true);
        return;
    }
    auto *dialog = new RoundDiffDialog(mDocument, mOverlay, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

QString ReviewDock::summaryText() const
{
    const core::Clip *clip = mDocument->currentClip();
    if (!clip)
        return tr("No clip.");
    const core::ClipReviewSummary s = core::summarizeReview(*clip);
    return tr("Labelled %1 · propagated, not reviewed %2 · open errors %3 · fixed %4 · accepted %5")
        .arg(s.userLabelledPoints).arg(s.propagatedUnreviewed).arg(s.openErrors).arg(s.fixedErrors)
        .arg(s.acceptedErrors);
}

QString ReviewDock::roundText() const
{
    const core::Clip *clip = mDocument->currentClip();
    const core::ReviewRound *r = clip ? clip->review.currentRound() : nullptr;
    if (!r)
        return tr("Not yet submitted for review (labelling).");
    QString text = tr("Round %1: %2").arg(r->number).arg(ErrorListModel::roundStateText(r->state));
    if (!r->reviewer.empty())
        text += tr(" · reviewer %1").arg(QString::fromStdString(r->reviewer));
    return text;
}

QString ReviewDock::message() const
{
    return mMessage->text();
}

void ReviewDock::showMessage(const QString &text, bool error)
{
    mMessage->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
    mMessage->setText(text);
    mMessage->setToolTip(text);
}

void ReviewDock::refresh()
{
    const bool reviewer = mDocument->role() == Role::Reviewer;
    const QString name = mDocument->userName().isEmpty() ? tr("unnamed") : mDocument->userName();
    mRoleLabel->setText(reviewer ? tr("<b>Reviewer</b> mode (%1): labels read-only").arg(name.toHtmlEscaped())
                                 : tr("<b>Labeller</b> mode (%1)").arg(name.toHtmlEscaped()));
    mSummary->setText(summaryText());
    mRoundLabel->setText(roundText());
    updateButtons();
}

void ReviewDock::updateButtons()
{
    const core::Clip *clip = mDocument->currentClip();
    const bool reviewer = mDocument->role() == Role::Reviewer;
    const core::RoundState state = clip ? clip->review.state() : core::RoundState::Labelling;
    const bool anyRound = clip && !clip->review.rounds.empty();
    mSubmitButton->setEnabled(clip && (!anyRound || state == core::RoundState::Labelling
                                       || state == core::RoundState::Fixed || state == core::RoundState::Accepted));
    mReturnButton->setEnabled(clip && reviewer && state == core::RoundState::InReview);
    mFixesButton->setEnabled(clip && !reviewer && state == core::RoundState::Returned);
    mAcceptClipButton->setEnabled(clip && reviewer
                                  && (state == core::RoundState::InReview || state == core::RoundState::Fixed));

    const QModelIndex i = mTable->currentIndex();
    const core::ReviewEntry *e = i.isValid() ? mModel->entryAt(i.row()) : nullptr;
    if (e) {
        QString text = tr("#%1 by %2").arg(e->id).arg(QString::fromStdString(e->author).toHtmlEscaped());
        if (!e->updatedBy.empty() && e->updatedBy != e->author)
            text += tr(", %1 by %2").arg(ErrorListModel::stateText(e->state).toLower(),
                                          QString::fromStdString(e->updatedBy).toHtmlEscaped());
        if (!e->comment.empty())
            text += QStringLiteral(": <i>%1</i>").arg(QString::fromStdString(e->comment).toHtmlEscaped());
        if (e->suggested)
            text += tr(" · suggested (%1, %2)").arg(e->suggested->x, 0, 'f', 1).arg(e->suggested->y, 0, 'f', 1);
        mDetails->setText(text);
        mDetails->setToolTip(text);
    } else {
        mDetails->setText(tr("Select an entry to see its comment; a click jumps to it."));
        mDetails->setToolTip(QString());
    }
    mFlagButton->setEnabled(clip && reviewer);
    mFixedButton->setEnabled(e && !reviewer && core::isUnresolved(e->state));
    mAcceptButton->setEnabled(e && reviewer && e->state != core::EntryState::Accepted);
    mReopenButton->setEnabled(e && reviewer
                              && (e->state == core::EntryState::Fixed || e->state == core::EntryState::Accepted));
    mApplyButton->setEnabled(e && reviewer && e->suggested && e->keypoint >= 0
                             && e->state != core::EntryState::Accepted);
    mRemoveButton->setEnabled(e && reviewer);
    mAddFindingButton->setEnabled(!mFindingsList->selectedItems().isEmpty());
    mAddAllButton->setEnabled(!mFindings.empty());
}

} // namespace paddock::ui
