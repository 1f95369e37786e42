// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

#include <QJsonObject>

/// `sessionscope-cli config`: every setting the connection resolved and where it came from, like
/// `aws configure list`, without calling AWS: profile, credentials (their kind and source; an access key id
/// by its last four characters only), region, the endpoint of each service (WorkSpaces Web, Q Apps, STS,
/// the IAM Identity Center portal and OIDC), FIPS and dual-stack, proxy, CA bundle, timeouts, retry mode,
/// attempts and the user agent's app id. A table by default; `--format json` gives one object with the keys
/// profile, profileSource, credentialSource, accessKeyId, region, regionSource, endpoints (keyed by
/// workspaces-web, qapps, sts, sso, sso-oidc; each {url, source}), useFipsEndpoint, useDualStackEndpoint,
/// proxy, caBundle, connectTimeout, readTimeout (seconds, 0 = no limit), retryMode, maxAttempts, appId and
/// sources (where each of those came from).
class ConfigCommand : public Command
{
    Q_OBJECT

public:
    explicit ConfigCommand(CommandContext context, QObject *parent = nullptr);

    /// "****" and the last four characters of `accessKeyId`; empty for an empty one.
    static QString maskedAccessKeyId(const QString &accessKeyId);

protected:
    void run() override;

private:
    /// One row: what, its value, where it came from.
    struct Row
    {
        QString setting;
        QString value;
        QString source;
    };

    QString toTable() const;
    void collect();

    QList<Row> m_rows;
    QJsonObject m_json;
};
