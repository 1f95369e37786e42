// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class AwsError;

class QLabel;
class QProgressBar;
class QPushButton;

/// What one part of the detail pane shows while it has no content: loading, a plain explanation
/// (not configured, not found, access denied, an error) and at most one action (Retry, Set …).
class SectionStatePanel : public QWidget
{
    Q_OBJECT

public:
    enum class Kind {
        Loading,
        Information,
        NotFound,
        AccessDenied,
        Error,
    };

    explicit SectionStatePanel(QWidget *parent = nullptr);

    /// Shows `text`; with a non-empty `actionText` an action button that emits actionTriggered().
    void showState(Kind kind, const QString &text, const QString &actionText = {});
    /// Shows why a request failed, the same way in every section: NotFound with `notFoundText` (and
    /// `notFoundActionText`, if any: asking again gives the same answer); AccessDenied and every other error
    /// with the error's own message and Retry (a policy can be fixed, a network comes back). Returns the
    /// kind shown.
    Kind showError(const AwsError &error, const QString &notFoundText,
                   const QString &notFoundActionText = {});
    /// Shows that there is no connection to ask (an Error, without an action).
    void showNotConnected();
    /// A section's state for the kind showError() showed; every section's State has NotFound,
    /// AccessDenied and Failed.
    template <typename State>
    static State stateFor(Kind kind)
    {
        switch (kind) {
        case Kind::NotFound:
            return State::NotFound;
        case Kind::AccessDenied:
            return State::AccessDenied;
        default:
            return State::Failed;
        }
    }

    Kind kind() const { return m_kind; }
    QString text() const;
    QString actionText() const;

Q_SIGNALS:
    void actionTriggered();

private:
    Kind m_kind = Kind::Information;
    QLabel *m_iconLabel;
    QLabel *m_textLabel;
    QProgressBar *m_busyProgressBar;
    QPushButton *m_actionButton;
};
