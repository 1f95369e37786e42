// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"

#include <QString>
#include <QStringList>

class SharedConfig;

/// The IAM Identity Center settings of one profile, in either form the AWS CLI accepts:
/// - `sso_session = name` pointing at an `[sso-session name]` section (sso_start_url, sso_region,
///   sso_registration_scopes), the token cached under the session name;
/// - legacy: sso_start_url and sso_region in the profile itself, the token cached under the start URL.
/// Both need sso_account_id and sso_role_name to get role credentials (login alone does not).
struct SsoProfile
{
    QString profileName;
    QString sessionName; ///< empty for the legacy form
    QString startUrl;
    QString ssoRegion;
    /// sso_registration_scopes; "sso:account:access" when the session sets none; always empty for the
    /// legacy form, which the AWS CLI registers without scopes (so its tokens cannot be refreshed).
    QStringList registrationScopes;
    QString accountId; ///< sso_account_id
    QString roleName;  ///< sso_role_name

    /// Reads a profile's settings. Errors (Configuration) name the missing or conflicting key, e.g. a
    /// profile whose sso_start_url differs from its session's, or an sso_session that does not exist.
    static AwsResult<SsoProfile> fromConfig(const SharedConfig &config, const QString &profileName);

    /// What the token cache file is named after: the session name, else the start URL.
    QString cacheKey() const { return sessionName.isEmpty() ? startUrl : sessionName; }
    bool isLegacy() const { return sessionName.isEmpty(); }
};
