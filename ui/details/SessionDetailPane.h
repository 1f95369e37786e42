// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionSummary.h"

#include <QScrollArea>

class ClientAddressesSection;
class QAppSharingSection;
class QLabel;
class ServiceGateway;
class SessionSummarySection;

/// The pane beside the session table: the selected session's summary, its client IP addresses
/// (GetSession) and its Q App sharing configuration, each part with its own loading and error state.
class SessionDetailPane : public QScrollArea
{
    Q_OBJECT

public:
    explicit SessionDetailPane(QWidget *parent = nullptr);

    void setGateway(ServiceGateway *gateway);
    void setQBusinessInstanceId(const QString &instanceId);
    void setTimesInUtc(bool inUtc);

    /// Shows `session` of `portalId` and starts its requests; previous requests are cancelled.
    void showSession(const QString &portalId, const SessionSummary &session);
    void clearSession();

    QString sessionId() const;

    /// Moves the focus to the pane's first control (a copy button or the lookup field), or to the pane.
    void focusFirstControl(Qt::FocusReason reason);
    /// Scrolls to the Q App session lookup field, focuses it and selects its text.
    void focusQAppLookup(Qt::FocusReason reason);

    SessionSummarySection *summarySection() const { return m_summarySection; }
    ClientAddressesSection *clientAddressesSection() const { return m_clientAddressesSection; }
    QAppSharingSection *qAppSharingSection() const { return m_qAppSharingSection; }

Q_SIGNALS:
    void configureInstanceRequested();
    /// GetSession brought fresher data for the shown session (e.g. it ended meanwhile).
    void sessionRefreshed(const SessionSummary &session);

private:
    QLabel *m_placeholderLabel;
    SessionSummarySection *m_summarySection;
    ClientAddressesSection *m_clientAddressesSection;
    QAppSharingSection *m_qAppSharingSection;
};
