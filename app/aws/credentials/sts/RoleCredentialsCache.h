// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/sts/StsClient.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QVariant>

#include <optional>

/// The AWS CLI's cache of assumed roles, ~/.aws/cli/cache/<key>.json (botocore's JSONFileCache as the CLI
/// sets it up for assume-role and web identity). The key is the SHA-1 (hex) of the role's STS arguments as
/// Python's json.dumps(sort_keys=True) writes them: RoleArn, plus RoleSessionName when the profile names
/// one, ExternalId, SerialNumber (mfa_serial) and DurationSeconds (a number) when set - never the MFA code
/// or the web identity token. The file holds the STS answer: {"Credentials": {"AccessKeyId", ...,
/// "Expiration": ISO 8601}, "AssumedRoleUser": {...}, "ResponseMetadata": {...}}. A role assumed by `aws`
/// is thus reused by SessionScope, and the other way round.
class RoleCredentialsCache
{
public:
    /// Arguments in any order; a QVariant of type int is written as a JSON number, anything else as a string.
    using Arguments = QList<QPair<QString, QVariant>>;

    /// botocore's window: cached credentials expiring within 15 minutes are not used.
    static constexpr qint64 expiryWindowSeconds = 15 * 60;

    /// `directory` empty: ~/.aws/cli/cache under $HOME of `env`.
    explicit RoleCredentialsCache(const QProcessEnvironment &env, QString directory = {});

    /// The file name without ".json": sha1 of the sorted JSON of `arguments`.
    static QString key(const Arguments &arguments);
    /// Python's json.dumps(sort_keys=True) of `arguments` (", " and ": " separators, \uXXXX for non-ASCII).
    static QByteArray pythonJson(const Arguments &arguments);

    /// The cached role when the file exists, parses and does not expire within the window; nothing
    /// otherwise (a malformed file is ignored, as botocore's fetcher ignores what it cannot use).
    std::optional<StsClient::AssumedRole> load(const QString &key, const QDateTime &now) const;
    /// Writes the answer atomically with mode 0600 (the folder 0700). Failures are ignored: the cache
    /// only saves a call.
    void store(const QString &key, const StsClient::AssumedRole &role) const;

    QString directory() const { return m_directory; }

private:
    QString m_directory;
};
