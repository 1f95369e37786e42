// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionSummary.h"
#include "aws/AwsError.h"
#include "aws/AwsResult.h"
#include "aws/transport/CallHandle.h"

#include <QDialog>
#include <QPointer>

#include <variant>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class ServiceGateway;

/// Asks before expiring (terminating) sessions, listing each one, then expires them and shows the result
/// of each: expired, or why not. Opened window-modal with open(); never runs its own event loop.
class ExpireSessionsDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Phase {
        Confirming,
        Running,
        Done,
    };

    ExpireSessionsDialog(ServiceGateway *gateway, const QString &portalId,
                         const QList<SessionSummary> &sessions, QWidget *parent = nullptr);

    Phase phase() const { return m_phase; }
    int expiredCount() const { return m_expired; }
    int failedCount() const { return m_failed; }
    /// The text of the result column for a session ("Expired", the error, "Waiting").
    QString resultText(const QString &sessionId) const;

public Q_SLOTS:
    /// What the confirm button does.
    void startExpiring();

Q_SIGNALS:
    /// The service expired `sessionId`.
    void sessionExpired(const QString &sessionId);
    /// Every session has its result.
    void allFinished();

protected:
    void reject() override;

private:
    void startNext();
    void finishOne(int row, const AwsResult<std::monostate> &result);

    static constexpr int maxInFlight = 4;

    QPointer<ServiceGateway> m_gateway;
    QString m_portalId;
    QList<SessionSummary> m_sessions;
    Phase m_phase = Phase::Confirming;
    int m_next = 0;
    int m_inFlight = 0;
    int m_expired = 0;
    int m_failed = 0;
    QList<CallHandle> m_calls;
    QLabel *m_questionLabel;
    QTreeWidget *m_sessionTreeWidget;
    QDialogButtonBox *m_buttonBox;
    QPushButton *m_confirmButton;
    QPushButton *m_cancelButton;
};
