// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/review.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace paddock::ui {

class Document;

/**
 * Asks what is wrong where: a keypoint, an animal or the whole frame (preset from the current selection),
 * the error type, a comment and optionally the suggested position.
 */
class FlagDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FlagDialog(Document *document, QWidget *parent = nullptr);

    /** The entry to add (frame, animal, keypoint, type, comment, suggestion). */
    core::ReviewEntry entry() const;
    void setErrorType(core::ErrorType type);
    void setComment(const QString &comment);
    void setSuggested(double x, double y);

private:
    void fillKeypoints();
    void updateEnabled();

    Document *mDocument;
    QComboBox *mScope;
    QComboBox *mAnimal;
    QComboBox *mKeypoint;
    QComboBox *mType;
    QLineEdit *mComment;
    QCheckBox *mSuggest;
    QDoubleSpinBox *mX;
    QDoubleSpinBox *mY;
};

} // namespace paddock::ui
