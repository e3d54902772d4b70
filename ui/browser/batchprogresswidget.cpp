// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/batchprogresswidget.h"

#include "ui/browser/batchpropagation.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include <cmath>

namespace paddock::ui {

BatchProgressWidget::BatchProgressWidget(BatchPropagation *batch, QWidget *parent)
    : QWidget(parent)
    , mLabel(new QLabel(this))
    , mBar(new QProgressBar(this))
    , mCancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("BatchProgress"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mBar->setRange(0, 1000);
    mBar->setMaximumWidth(160);
    mBar->setTextVisible(false);
    mCancel->setText(tr("Cancel"));
    mCancel->setToolTip(tr("Cancel the propagation of all clips (clips already done keep their results)"));
    layout->addWidget(mLabel);
    layout->addWidget(mBar);
    layout->addWidget(mCancel);
    hide();
    connect(mCancel, &QToolButton::clicked, batch, &BatchPropagation::cancel);
    connect(batch, &BatchPropagation::progress, this,
            [this](int done, int total, double fraction, double secondsLeft, const QString &clip) {
                show();
                mBar->setValue(int(std::lround(fraction * 1000)));
                QString eta = secondsLeft < 0    ? tr("estimating…")
                              : secondsLeft < 60 ? tr("%1 s left").arg(int(secondsLeft + 0.5))
                                                 : tr("%1 min left").arg(secondsLeft / 60.0, 0, 'f', 1);
                mLabel->setText(clip.isEmpty() ? tr("All clips: %1 / %2 — %3").arg(done).arg(total).arg(eta)
                                               : tr("All clips: %1 / %2 (%3) — %4").arg(done).arg(total).arg(clip, eta));
            });
    connect(batch, &BatchPropagation::finished, this, [this] { hide(); });
}

QString BatchProgressWidget::text() const
{
    return mLabel->text();
}

} // namespace paddock::ui
