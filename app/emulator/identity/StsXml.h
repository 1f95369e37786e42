// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/AwsCredentials.h"
#include "emulator/identity/IssuedCredentials.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

/// Writes STS's Query-protocol answers as the service does: <ActionResponse xmlns="https://sts.amazonaws.com/
/// doc/2011-06-15/"><ActionResult>...</ActionResult><ResponseMetadata><RequestId>, and errors as
/// <ErrorResponse><Error><Type><Code><Message></Error><RequestId>.
class StsXml
{
public:
    static QString xmlNamespace() { return QStringLiteral("https://sts.amazonaws.com/doc/2011-06-15/"); }

    /// AssumeRole / AssumeRoleWithWebIdentity: Credentials and AssumedRoleUser, then `extra` elements
    /// (SubjectFromWebIdentityToken, Audience, Provider) in order.
    static QByteArray assumedRole(const QString &action, const AwsCredentials &credentials,
                                  const IssuedCredentials::Identity &user, const QString &assumedRoleId,
                                  const QString &requestId, const QList<QPair<QString, QString>> &extra = {});
    static QByteArray callerIdentity(const IssuedCredentials::Identity &identity, const QString &requestId);
    /// `type` is "Sender" for the caller's mistakes, "Receiver" for the service's.
    static QByteArray error(const QString &code, const QString &message, const QString &requestId,
                            const QString &type = QStringLiteral("Sender"));
    /// "2011-07-15T23:28:33Z".
    static QString timestamp(const QDateTime &time);
};
