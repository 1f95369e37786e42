// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/identity/IdentityConfig.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

std::optional<QString> IdentityConfig::validate() const
{
    static const QRegularExpression accountPattern(u"^\\d{12}$"_s);
    static const QRegularExpression mfaPattern(u"^\\d{6}$"_s);
    static const QRegularExpression rolePattern(u"^[\\w+=,.@-]{1,64}$"_s);
    if (!accountPattern.match(account).hasMatch())
        return u"the account must be 12 digits"_s;
    if (!mfaPattern.match(mfaCode).hasMatch())
        return u"the MFA code must be 6 digits"_s;
    for (const QString &role : requireMfaRoles) {
        if (!rolePattern.match(role).hasMatch())
            return u"'%1' is not a role name"_s.arg(role);
    }
    if (!rolePattern.match(imdsRole).hasMatch())
        return u"the instance profile role '%1' is not a role name"_s.arg(imdsRole);
    for (const QString &token : webIdentityTokens) {
        if (token.size() < 4 || token.size() > 20000)
            return u"a web identity token must have 4 to 20000 characters"_s;
    }
    if (devicePollIntervalSeconds < 0 || devicePollIntervalSeconds > 60)
        return u"the device sign-in polling interval must be between 0 and 60 seconds"_s;
    if (deviceCodeLifetimeSeconds < 1)
        return u"the device code lifetime must be at least one second"_s;
    if (ssoTokenLifetimeSeconds < 60 || ssoTokenLifetimeSeconds > 7 * 86400)
        return u"the IAM Identity Center token lifetime must be between 60 seconds and 7 days"_s;
    return std::nullopt;
}
