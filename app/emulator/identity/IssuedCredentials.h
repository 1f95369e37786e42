// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/AwsCredentials.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

/// The temporary credentials the emulator's identity services handed out (STS, the IAM Identity Center
/// portal, container credentials, IMDS), so the signature check accepts them on every route. Thread-safe.
///
/// Access key ids are deterministic: "ASIA" + 16 characters derived from what identifies the grant (the role
/// ARN and source key of an AssumeRole, the role of IMDS, ...), so two clients assuming the same role get the
/// same key id. Secret and session token are fresh each time; one key id therefore has several (secret,
/// token) pairs, told apart by the token.
class IssuedCredentials
{
public:
    /// Who the credentials belong to, as GetCallerIdentity reports it.
    struct Identity
    {
        QString account;
        QString arn;
        QString userId;
    };
    struct Entry
    {
        AwsCredentials credentials; ///< with sessionToken and expiration
        Identity identity;
    };

    /// "ASIA" + 16 characters of [A-Z2-7] from a hash of `grant`.
    static QString accessKeyIdFor(const QString &grant);
    /// A 17-character unique id with `prefix` ("AROA", "AIDA") from a hash of `what`.
    static QString uniqueIdFor(const QString &prefix, const QString &what);

    /// Issues credentials with the key id for `grant`, a fresh secret and token, valid until `expiration`.
    /// Entries that expired more than a day before `now` are forgotten.
    AwsCredentials issue(const QString &grant, const Identity &identity, const QDateTime &expiration,
                         const QDateTime &now);
    /// The entry with that key id and session token; nullopt when there is none (expired ones included).
    std::optional<Entry> find(const QString &accessKeyId, const QString &sessionToken) const;
    bool knowsKeyId(const QString &accessKeyId) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QList<Entry>> m_entries;
};
