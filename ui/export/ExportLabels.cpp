// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ExportLabels.h"

#include "common/AccessKeyText.h"

#include <QFormLayout>
#include <QLabel>

QLabel *ExportLabels::selectable(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *ExportLabels::message(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    QLabel *label = selectable(objectName, accessibleName, parent);
    label->setWordWrap(true);
    return label;
}

QLabel *ExportLabels::note(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    // The palette's placeholder colour follows light and dark themes.
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void ExportLabels::setBold(QLabel *label)
{
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
}

QLabel *ExportLabels::addFormRow(QFormLayout *form, const QString &objectName, const QString &text,
                                 QWidget *field)
{
    QLabel *label = formLabel(objectName, text, field);
    form->addRow(label, field);
    return label;
}

QLabel *ExportLabels::addFormRow(QFormLayout *form, const QString &objectName, const QString &text,
                                 QLayout *field)
{
    QLabel *label = formLabel(objectName, text, nullptr);
    form->addRow(label, field);
    return label;
}

QLabel *ExportLabels::formLabel(const QString &objectName, const QString &text, QWidget *buddy)
{
    // Made as QFormLayout::addRow(text, ...) would make it; the form gives it its parent.
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    label->setObjectName(objectName);
    label->setAccessibleName(AccessKeyText::labelName(text));
    return label;
}
