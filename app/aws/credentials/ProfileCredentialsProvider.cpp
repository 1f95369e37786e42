// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/ProfileCredentialsProvider.h"

#include "aws/credentials/CredentialsCallback.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProfileCredentialsProvider", text);
}

bool hasAny(const SharedConfigFile::Properties &profile, std::initializer_list<const char16_t *> keys)
{
    for (const char16_t *key : keys) {
        if (!profile.value(QString::fromUtf16(key)).trimmed().isEmpty())
            return true;
    }
    return false;
}

// The name as a shell word, for commands the user copies.
QString shellWord(const QString &word)
{
    static const QString safe = u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.@:+/-"_s;
    bool plain = !word.isEmpty();
    for (const QChar c : word)
        plain = plain && safe.contains(c);
    if (plain)
        return word;
    QString quoted = word;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + quoted + u"'"_s;
}

} // namespace

ProfileCredentialsProvider::Kind
ProfileCredentialsProvider::kindOf(const SharedConfigFile::Properties &profile)
{
    const bool hasProcess = hasAny(profile, {u"credential_process"});
    // Checked first: with role_arn or SSO settings the AWS CLI would not use the static keys either, and
    // signing with them would silently act as another identity.
    // Interim order until the assume-role, web identity and SSO providers land (issue 13).
    if (hasAny(profile, {u"role_arn"}) && !hasAny(profile, {u"web_identity_token_file"}))
        return hasAny(profile, {u"mfa_serial"}) ? Kind::AssumeRoleWithMfa : Kind::AssumeRole;
    if (hasAny(profile, {u"web_identity_token_file"}))
        return Kind::WebIdentity;
    if (hasAny(profile, {u"sso_session", u"sso_start_url"}))
        return Kind::IdentityCenter;
    if (hasAny(profile, {u"aws_access_key_id", u"aws_secret_access_key"}))
        return Kind::StaticKeys;
    if (hasProcess)
        return Kind::Process;
    return Kind::None;
}

ProfileCredentialsProvider::ProfileCredentialsProvider(SharedConfig config, QString profileName,
                                                       QProcessEnvironment env, AwsClock clock)
    : m_config(std::move(config))
    , m_profileName(std::move(profileName))
    , m_env(std::move(env))
    , m_clock(std::move(clock))
{}

void ProfileCredentialsProvider::setProcessTimeout(int milliseconds)
{
    m_processTimeoutMs = milliseconds;
    if (m_process)
        m_process->setTimeout(milliseconds);
}

void ProfileCredentialsProvider::fetch(QObject *context, Callback callback)
{
    if (!m_config.hasProfile(m_profileName)) {
        CredentialsCallback(context, std::move(callback))
            .invoke(AwsError(AwsError::Category::Configuration,
                             tr("The profile \"%1\" was not found in %2.")
                                 .arg(m_profileName, m_config.filesDescription())));
        return;
    }
    const SharedConfigFile::Properties profile = m_config.profile(m_profileName);
    switch (kindOf(profile)) {
    case Kind::StaticKeys:
        CredentialsCallback(context, std::move(callback)).invoke(staticCredentials(profile));
        return;
    case Kind::Process:
        if (!m_process) {
            m_process = std::make_unique<CredentialProcessProvider>(profile.value(u"credential_process"_s),
                                                                    m_profileName, m_env, m_clock);
            m_process->setTimeout(m_processTimeoutMs);
        }
        m_process->fetch(context, std::move(callback));
        return;
    case Kind::AssumeRole:
    case Kind::AssumeRoleWithMfa:
    case Kind::IdentityCenter:
    case Kind::WebIdentity:
        CredentialsCallback(context, std::move(callback)).invoke(unsupportedError(profile));
        return;
    case Kind::None:
        CredentialsCallback(context, std::move(callback))
            .invoke(AwsError(AwsError::Category::Credentials,
                             tr("The profile \"%1\" (%2) has no credentials: set aws_access_key_id and "
                                "aws_secret_access_key, or credential_process.")
                                 .arg(m_profileName, m_config.profileLocation(m_profileName))));
        return;
    }
}

AwsResult<AwsCredentials>
ProfileCredentialsProvider::staticCredentials(const SharedConfigFile::Properties &profile) const
{
    AwsCredentials credentials;
    credentials.accessKeyId = profile.value(u"aws_access_key_id"_s).trimmed();
    credentials.secretAccessKey = profile.value(u"aws_secret_access_key"_s).trimmed();
    credentials.sessionToken = profile.value(u"aws_session_token"_s).trimmed();
    credentials.source = tr("profile %1").arg(m_profileName);
    const QString where = m_config.profileLocation(m_profileName);
    if (credentials.accessKeyId.isEmpty()) {
        return AwsError(AwsError::Category::Credentials,
                        tr("The profile \"%1\" (%2) has aws_secret_access_key but no aws_access_key_id.")
                            .arg(m_profileName, where));
    }
    if (credentials.secretAccessKey.isEmpty()) {
        return AwsError(AwsError::Category::Credentials,
                        tr("The profile \"%1\" (%2) has aws_access_key_id but no aws_secret_access_key.")
                            .arg(m_profileName, where));
    }
    return credentials;
}

AwsError ProfileCredentialsProvider::unsupportedError(const SharedConfigFile::Properties &profile) const
{
    QString what;
    if (hasAny(profile, {u"sso_session", u"sso_start_url"}))
        what = tr("signs in through AWS IAM Identity Center (SSO)");
    else if (hasAny(profile, {u"role_arn"}))
        what = tr("assumes a role (role_arn)");
    else
        what = tr("gets credentials from a web identity or credential_source");
    const QString processName = m_profileName + u"-process"_s;
    // A section header needs quotes around a name with spaces, as the AWS CLI splits it like a shell.
    const bool needsQuotes =
        std::any_of(processName.cbegin(), processName.cend(), [](QChar c) { return c.isSpace(); });
    const QString headerName = needsQuotes ? u'"' + processName + u'"' : processName;
    return AwsError(AwsError::Category::Credentials,
                    tr("The profile \"%1\" %2, which SessionScope does not do itself. Let the AWS CLI do it: "
                       "add a profile to %6 such as\n"
                       "[profile %3]\n"
                       "credential_process = aws configure export-credentials --profile %4 --format process\n"
                       "and use --profile %5 (for SSO, run \"aws sso login --profile %4\" first).")
                        .arg(m_profileName, what, headerName, shellWord(m_profileName),
                             shellWord(processName), m_config.configFile().displayPath()));
}

void ProfileCredentialsProvider::invalidate()
{
    if (m_process)
        m_process->invalidate();
}

QString ProfileCredentialsProvider::description() const
{
    return tr("profile %1 (%2)").arg(m_profileName, m_config.profileLocation(m_profileName));
}
