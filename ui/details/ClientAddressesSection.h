// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionSummary.h"
#include "aws/AwsError.h"
#include "aws/transport/CallHandle.h"

#include <QGroupBox>
#include <QPointer>

class CopyableValue;
class SectionStatePanel;
class ServiceGateway;

/// The "Client IP addresses" part of the detail pane, from GetSession. A newer request always wins: the
/// previous call is cancelled and any late answer is recognised by its serial and dropped.
class ClientAddressesSection : public QGroupBox
{
    Q_OBJECT

public:
    enum class State {
        Empty,
        Loading,
        Loaded,
        NotFound,
        AccessDenied,
        Failed,
    };

    explicit ClientAddressesSection(QWidget *parent = nullptr);

    void setGateway(ServiceGateway *gateway);
    /// Starts GetSession for the session; an empty id clears the section.
    void load(const QString &portalId, const QString &sessionId);
    void clear();

    State state() const { return m_state; }
    QStringList addresses() const { return m_addresses; }

Q_SIGNALS:
    /// GetSession answered: the pane refreshes the summary from it.
    void detailLoaded(const SessionDetail &detail);

private:
    void request();
    void showPage(QWidget *page);
    void showError(const AwsError &error);

    QPointer<ServiceGateway> m_gateway;
    QString m_portalId;
    QString m_sessionId;
    quint64 m_serial = 0;
    CallHandle m_call;
    State m_state = State::Empty;
    QStringList m_addresses;
    SectionStatePanel *m_statePanel;
    CopyableValue *m_addressesValue;
};
