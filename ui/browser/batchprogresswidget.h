// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace paddock::ui {

class BatchPropagation;

/** Status-bar piece for "propagate all clips": progress over the whole batch, time left, Cancel. */
class BatchProgressWidget : public QWidget
{
    Q_OBJECT

public:
    explicit BatchProgressWidget(BatchPropagation *batch, QWidget *parent = nullptr);
    QString text() const;

private:
    QLabel *mLabel;
    QProgressBar *mBar;
    QToolButton *mCancel;
};

} // namespace paddock::ui
