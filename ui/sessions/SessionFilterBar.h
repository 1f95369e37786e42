// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/ListSessionsRequest.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

/// The filters above the session table: status, username (exact, server-side) and a session id lookup.
/// filtersChanged() fires once per real change: at once for the status, ~400 ms after typing stops or on
/// Enter for the text fields. An ill-formed session id is flagged and never applied.
class SessionFilterBar : public QWidget
{
    Q_OBJECT

public:
    /// How long the text fields wait after the last keystroke before applying.
    static constexpr int typingDelayMs = 400;

    explicit SessionFilterBar(QWidget *parent = nullptr);

    ListSessionsRequest::StatusFilter statusFilter() const { return m_applied.status; }
    QString username() const { return m_applied.username; }
    QString sessionId() const { return m_applied.sessionId; }

    /// Sets the filters without waiting (restoring settings, tests). Emits filtersChanged() on change.
    void setFilters(ListSessionsRequest::StatusFilter status, const QString &username,
                    const QString &sessionId);

public Q_SLOTS:
    void focusUsername();
    void clearFilters();

Q_SIGNALS:
    void filtersChanged();

private:
    struct Applied
    {
        ListSessionsRequest::StatusFilter status = ListSessionsRequest::StatusFilter::Any;
        QString username;
        QString sessionId;
    };

    void applyNow();
    void updateSessionIdHint();

    QComboBox *m_statusComboBox;
    QLineEdit *m_usernameLineEdit;
    QLineEdit *m_sessionIdLineEdit;
    QLabel *m_sessionIdHintLabel;
    QToolButton *m_clearToolButton;
    QTimer m_typingTimer;
    Applied m_applied;
};
