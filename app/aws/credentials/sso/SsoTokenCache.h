// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/sso/SsoToken.h"

#include <QProcessEnvironment>
#include <QString>

#include <optional>
#include <variant>

/// The AWS CLI v2's IAM Identity Center token cache, file for file: ~/.aws/sso/cache/<sha1 hex of the
/// cache key>.json (SsoProfile::cacheKey()). Reads tolerate unknown fields and keep them; writes are
/// atomic (a crash leaves the old file or the new one) and readable by the owner only.
class SsoTokenCache
{
public:
    explicit SsoTokenCache(QString folder);

    /// $HOME/.aws/sso/cache of `env`.
    static QString defaultFolder(const QProcessEnvironment &env);
    /// "<sha1 hex of key (UTF-8)>.json"
    static QString fileName(const QString &cacheKey);

    QString folder() const { return m_folder; }
    QString path(const QString &cacheKey) const;

    /// The cached token, nullopt when there is no file; a Credentials error naming the file when it cannot
    /// be read or is not such a token (never quoting its content).
    AwsResult<std::optional<SsoToken>> read(const QString &cacheKey) const;
    /// Writes (creating the folders) with owner-only permissions; an Io error when that fails.
    AwsResult<std::monostate> write(const QString &cacheKey, const SsoToken &token) const;

private:
    QString m_folder;
};
