// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;
class QToolButton;

/// One value shown in the detail pane or toolbar: selectable text (mouse and keyboard), an optional
/// icon before it, a copy button and a "Copy" context menu. What is copied is the value itself, which
/// may differ from what is shown (e.g. a full ISO timestamp behind a friendly time).
class CopyableValue : public QWidget
{
    Q_OBJECT

public:
    /// `name` becomes the accessible name and is used for the copy button's tooltip ("Copy session ID").
    explicit CopyableValue(const QString &name, QWidget *parent = nullptr);

    /// Shows `text`; copies `copyText` (or `text` when empty). `toolTip` is shown on hover.
    void setValue(const QString &text, const QString &copyText = {}, const QString &toolTip = {});
    void setIcon(const QIcon &icon);
    void clear();

    QString text() const;

public Q_SLOTS:
    void copyToClipboard() const;

private:
    QLabel *m_iconLabel;
    QLabel *m_label;
    QToolButton *m_copyButton;
    QString m_copyText;
};
