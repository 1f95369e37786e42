// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/sso/SsoClientRegistration.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

/// The AWS CLI v2's cache of SSO OIDC client registrations, in the token cache's folder: one file per
/// registration, named after the SHA-1 of the JSON (sorted keys, Python's separators) of
/// {"region", "scopes", "session_name", "startUrl", "tool": "botocore"}, so that SessionScope and `aws sso
/// login` reuse each other's registrations.
class SsoRegistrationCache
{
public:
    explicit SsoRegistrationCache(QString folder);

    /// The hex SHA-1 the file is named after. `scopes` and `sessionName` empty are JSON null, as the
    /// AWS CLI writes them for a legacy profile or a session without sso_registration_scopes.
    static QString cacheKey(const QString &startUrl, const QString &region, const QStringList &scopes,
                            const QString &sessionName);
    QString path(const QString &cacheKey) const;

    /// The cached registration; nullopt when there is no file; a Credentials error naming the file when
    /// it is not such a registration.
    AwsResult<std::optional<SsoClientRegistration>> read(const QString &cacheKey) const;
    AwsResult<std::monostate> write(const QString &cacheKey, const SsoClientRegistration &registration) const;

private:
    QString m_folder;
};
