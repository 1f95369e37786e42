// SPDX-FileCopyrightText: 2026 SessionScope contributors SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsError.h"
#include "aws/credentials/sts/CallerIdentity.h"
#include "common/ServiceGateway.h"

#include <QLabel>

/// The toolbar's summary of the connection ("profile · region · endpoint", and once STS said who the
/// credentials belong to, "identity · account · region"), short enough for the toolbar in every
/// language, with all the details in its tooltip and accessible description.
class ConnectionSummaryLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionSummaryLabel(QWidget *parent = nullptr);

    /// Summarises `connection`, whose Amazon Q Business instance is `instanceId` (empty: not set). Keeps
    /// the identity shown for the same connection.
    void showConnection(const ServiceGateway::Description &connection, const QString &instanceId);
    /// Adds who the credentials belong to (STS GetCallerIdentity).
    void showIdentity(const CallerIdentity &identity);
    /// Says quietly, in the tooltip only, that the identity could not be asked.
    void showIdentityUnavailable(const AwsError &error);
    /// Forgets the identity (a new connection).
    void clearIdentity();
    void showDisconnected();

    /// The short name of an identity ARN: the role of an assumed role, the user's name, "root".
    static QString identityName(const QString &arn);

private:
    void update();

    ServiceGateway::Description m_connection;
    QString m_instanceId;
    CallerIdentity m_identity;
    QString m_identityProblem;
};
