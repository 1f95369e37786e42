// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

/// An inline, non-modal message above the content: an icon, one or two plain sentences, an optional
/// Retry (or other) action and a close button. Colours are derived from the current palette so it reads
/// well in light and dark themes.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Severity {
        Information,
        Warning,
        Error,
    };

    explicit MessageBanner(QWidget *parent = nullptr);

    /// Shows `text`. With a non-empty `actionText`, an action button is shown that emits actionTriggered().
    void showMessage(Severity severity, const QString &text, const QString &actionText = {});
    void clear();

    Severity severity() const { return m_severity; }
    QString text() const;
    QString actionText() const;

Q_SIGNALS:
    void actionTriggered();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    Severity m_severity = Severity::Information;
    QLabel *m_iconLabel;
    QLabel *m_textLabel;
    QPushButton *m_actionButton;
    QToolButton *m_closeButton;
};
