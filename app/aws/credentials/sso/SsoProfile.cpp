// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sso/SsoProfile.h"

#include "aws/config/RegionResolver.h"
#include "aws/config/SharedConfig.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SsoProfile", text);
}

AwsError configurationError(const QString &message)
{
    return AwsError(AwsError::Category::Configuration, message);
}

// sso_registration_scopes as the AWS CLI splits it: commas, surrounding spaces dropped, empty items skipped.
QStringList parseScopes(const QString &raw)
{
    QStringList scopes;
    for (const QString &item : raw.split(u',')) {
        const QString scope = item.trimmed();
        if (!scope.isEmpty())
            scopes.append(scope);
    }
    return scopes;
}

} // namespace

AwsResult<SsoProfile> SsoProfile::fromConfig(const SharedConfig &config, const QString &profileName)
{
    if (!config.hasProfile(profileName)) {
        return configurationError(tr("The config profile (%1) could not be found in %2.")
                                      .arg(profileName, config.filesDescription()));
    }
    SharedConfigFile::Properties settings = config.profile(profileName);

    SsoProfile profile;
    profile.profileName = profileName;
    profile.sessionName = settings.value(u"sso_session"_s).trimmed();

    if (!profile.sessionName.isEmpty()) {
        const SharedConfigFile &file = config.configFile();
        if (!file.ssoSessionNames().contains(profile.sessionName)) {
            return configurationError(
                tr("The specified sso-session does not exist: \"%1\" (profile %2 names it; "
                   "add an [sso-session %1] section to %3).")
                    .arg(profile.sessionName, profileName, file.displayPath()));
        }
        // As botocore: a key set in both the profile and its session must agree; the session fills the rest.
        const SharedConfigFile::Properties session = file.ssoSession(profile.sessionName);
        for (auto it = session.begin(); it != session.end(); ++it) {
            const auto own = settings.constFind(it.key());
            if (own != settings.constEnd() && own.value() != it.value()) {
                return configurationError(
                    tr("The value for %1 is inconsistent between profile (%2) and sso-session (%3).")
                        .arg(it.key(), own.value(), it.value()));
            }
            settings.insert(it.key(), it.value());
        }
    } else if (!settings.contains(u"sso_start_url"_s)) {
        return configurationError(
            tr("The profile \"%1\" is not configured for IAM Identity Center: it has neither "
               "sso_session nor sso_start_url.")
                .arg(profileName));
    }

    QStringList missing;
    for (const QString &key : {u"sso_start_url"_s, u"sso_region"_s}) {
        if (settings.value(key).trimmed().isEmpty())
            missing.append(key);
    }
    if (!missing.isEmpty()) {
        return configurationError(tr("The profile \"%1\" is configured to use SSO but is missing required "
                                     "configuration: %2")
                                      .arg(profileName, missing.join(u", "_s)));
    }

    profile.startUrl = settings.value(u"sso_start_url"_s).trimmed();
    profile.ssoRegion = settings.value(u"sso_region"_s).trimmed();
    if (!RegionResolver::isValidRegion(profile.ssoRegion)) {
        return configurationError(tr("The sso_region \"%1\" of profile \"%2\" is not a region name such as "
                                     "us-east-1.")
                                      .arg(profile.ssoRegion, profileName));
    }
    profile.accountId = settings.value(u"sso_account_id"_s).trimmed();
    profile.roleName = settings.value(u"sso_role_name"_s).trimmed();
    if (!profile.isLegacy()) {
        profile.registrationScopes = settings.contains(u"sso_registration_scopes"_s)
                                         ? parseScopes(settings.value(u"sso_registration_scopes"_s))
                                         : QStringList{u"sso:account:access"_s};
    }
    return profile;
}
