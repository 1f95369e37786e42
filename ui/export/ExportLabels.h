// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QFormLayout;
class QLabel;
class QLayout;
class QWidget;

/// The kinds of label the export dialog's pages share, made in one place so that both pages look and read
/// alike: every label has an object name (tests find it) and an accessible name (screen readers say it).
class ExportLabels
{
public:
    /// A value or message the user may want to copy: selectable with the mouse.
    static QLabel *selectable(const QString &objectName, const QString &accessibleName, QWidget *parent);
    /// A sentence or more the user may want to copy: selectable, and word-wrapped to the page's width.
    static QLabel *message(const QString &objectName, const QString &accessibleName, QWidget *parent);
    /// A secondary line under a control: word-wrapped, in the palette's placeholder colour.
    static QLabel *note(const QString &objectName, const QString &accessibleName, QWidget *parent);
    static void setBold(QLabel *label);
    /// Adds a row to `form` whose label is `text` (with its access key to `field`), named `objectName`
    /// and, for screen readers, after its text without the access key and the colon.
    static QLabel *addFormRow(QFormLayout *form, const QString &objectName, const QString &text,
                              QWidget *field);
    /// The same for a row of several controls: the label has no buddy to take the focus.
    static QLabel *addFormRow(QFormLayout *form, const QString &objectName, const QString &text,
                              QLayout *field);

private:
    static QLabel *formLabel(const QString &objectName, const QString &text, QWidget *buddy);
};
