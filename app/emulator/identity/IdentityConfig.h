// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

/// How the emulator plays the identity services (STS, IAM Identity Center's portal and OIDC, container
/// credentials, EC2 instance metadata). The defaults are those of `sessionscope-emulator` without options.
struct IdentityConfig
{
    /// The web identity token accepted unless told otherwise; published on purpose, like the demo key.
    static QString demoWebIdentityToken() { return QStringLiteral("sessionscope-demo-web-identity-token"); }

    /// The account of the configured access keys, of IMDS and container roles (12 digits).
    QString account = QStringLiteral("123456789012");
    /// The one-time code every MFA device "shows" (6 digits).
    QString mfaCode = QStringLiteral("123456");
    /// Role names whose AssumeRole needs SerialNumber and TokenCode.
    QStringList requireMfaRoles;
    /// The tokens AssumeRoleWithWebIdentity accepts.
    QStringList webIdentityTokens{demoWebIdentityToken()};
    /// The polling interval StartDeviceAuthorization announces (0..60 seconds).
    int devicePollIntervalSeconds = 1;
    /// How long a device code stays usable, in seconds.
    int deviceCodeLifetimeSeconds = 600;
    /// How long an IAM Identity Center access token lives, in seconds.
    int ssoTokenLifetimeSeconds = 8 * 3600;
    /// The Authorization header the container credentials endpoint requires; empty: none required.
    QString containerAuthorizationToken;
    /// IMDS answers GETs without a session token (IMDSv1).
    bool imdsV1 = false;
    /// IMDS refuses to hand out session tokens (PUT /latest/api/token answers 403), so clients fall back to
    /// v1.
    bool imdsDisableV2 = false;
    /// The role the instance profile carries.
    QString imdsRole = QStringLiteral("sessionscope-demo-role");

    /// An error message when something is out of range; nullopt when usable.
    std::optional<QString> validate() const;
};
