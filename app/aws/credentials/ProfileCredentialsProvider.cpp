// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/ProfileCredentialsProvider.h"

#include "aws/credentials/AssumeRoleProvider.h"
#include "aws/credentials/CredentialsCallback.h"
#include "aws/credentials/EnvironmentCredentialsProvider.h"
#include "aws/credentials/StaticCredentialsProvider.h"
#include "aws/credentials/WebIdentityProvider.h"
#include "aws/credentials/machine/ContainerCredentialsProvider.h"
#include "aws/credentials/machine/InstanceMetadataProvider.h"
#include "aws/credentials/sso/SsoCredentialsProvider.h"
#include "aws/credentials/sso/SsoProfile.h"
#include "aws/credentials/sts/RoleCredentialsCache.h"

#include <QCoreApplication>

#include <utility>

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

} // namespace

ProfileCredentialsProvider::Kind
ProfileCredentialsProvider::kindOf(const SharedConfigFile::Properties &profile)
{
    // botocore: AssumeRoleProvider skips a profile with web_identity_token_file, which the web identity
    // provider takes; then IAM Identity Center, the credentials file's keys, credential_process, the config
    // file's keys.
    if (hasAny(profile, {u"role_arn"}) && !hasAny(profile, {u"web_identity_token_file"}))
        return hasAny(profile, {u"mfa_serial"}) ? Kind::AssumeRoleWithMfa : Kind::AssumeRole;
    if (hasAny(profile, {u"web_identity_token_file"}))
        return Kind::WebIdentity;
    if (hasAny(profile, {u"sso_session", u"sso_start_url"}))
        return Kind::IdentityCenter;
    if (hasAny(profile, {u"aws_access_key_id", u"aws_secret_access_key"}))
        return Kind::StaticKeys;
    if (hasAny(profile, {u"credential_process"}))
        return Kind::Process;
    return Kind::None;
}

ProfileCredentialsProvider::Kind ProfileCredentialsProvider::kindOf(const SharedConfig &config,
                                                                    const QString &profileName)
{
    const SharedConfigFile::Properties merged = config.profile(profileName);
    const Kind kind = kindOf(merged);
    if (kind != Kind::StaticKeys || !hasAny(merged, {u"credential_process"}))
        return kind;
    const SharedConfigFile::Properties inCredentialsFile = config.credentialsFile().profile(profileName);
    return hasAny(inCredentialsFile, {u"aws_access_key_id", u"aws_secret_access_key"}) ? Kind::StaticKeys
                                                                                       : Kind::Process;
}

namespace {

AwsResult<AwsCredentials> staticCredentials(const SharedConfig &config, const QString &profileName)
{
    AwsCredentials credentials;
    credentials.accessKeyId = config.profileValue(profileName, u"aws_access_key_id"_s).trimmed();
    credentials.secretAccessKey = config.profileValue(profileName, u"aws_secret_access_key"_s).trimmed();
    credentials.sessionToken = config.profileValue(profileName, u"aws_session_token"_s).trimmed();
    credentials.source =
        QCoreApplication::translate("ProfileCredentialsProvider", "profile %1").arg(profileName);
    const QString where = config.profileLocation(profileName);
    if (credentials.accessKeyId.isEmpty()) {
        return AwsError(AwsError::Category::Credentials,
                        QCoreApplication::translate(
                            "ProfileCredentialsProvider",
                            "The profile \"%1\" (%2) has aws_secret_access_key but no aws_access_key_id.")
                            .arg(profileName, where));
    }
    if (credentials.secretAccessKey.isEmpty()) {
        return AwsError(AwsError::Category::Credentials,
                        QCoreApplication::translate(
                            "ProfileCredentialsProvider",
                            "The profile \"%1\" (%2) has aws_access_key_id but no aws_secret_access_key.")
                            .arg(profileName, where));
    }
    return credentials;
}

std::shared_ptr<RoleCredentialsCache> roleCache(const CredentialsContext &context)
{
    return std::make_shared<RoleCredentialsCache>(context.env);
}

} // namespace

AwsResult<std::shared_ptr<CredentialsProvider>>
ProfileCredentialsProvider::create(const std::shared_ptr<const CredentialsContext> &context,
                                   const QString &profileName)
{
    if (!context->config.hasProfile(profileName)) {
        return AwsError(AwsError::Category::Configuration,
                        tr("The profile \"%1\" was not found in %2.")
                            .arg(profileName, context->config.filesDescription()));
    }
    return build(context, profileName, {profileName}, true);
}

AwsResult<std::shared_ptr<CredentialsProvider>>
ProfileCredentialsProvider::build(const std::shared_ptr<const CredentialsContext> &context,
                                  const QString &profileName, QStringList visited, bool allowRole)
{
    using Result = AwsResult<std::shared_ptr<CredentialsProvider>>;
    const SharedConfig &config = context->config;
    Kind kind = kindOf(config, profileName);
    if (!allowRole && (kind == Kind::AssumeRole || kind == Kind::AssumeRoleWithMfa)) {
        // A source profile with both keys and role_arn gives its keys (botocore's profile providers).
        SharedConfigFile::Properties withoutRole = config.profile(profileName);
        withoutRole.remove(u"role_arn"_s);
        kind = kindOf(withoutRole);
        if (kind == Kind::StaticKeys && hasAny(withoutRole, {u"credential_process"}) &&
            !hasAny(config.credentialsFile().profile(profileName), {u"aws_access_key_id"}))
            kind = Kind::Process;
    }
    switch (kind) {
    case Kind::AssumeRole:
    case Kind::AssumeRoleWithMfa: {
        const Result source = roleSource(context, profileName, visited);
        if (!source)
            return source.error();
        return Result(std::make_shared<AssumeRoleProvider>(
            profileName, AssumeRoleProvider::roleConfig(config, profileName), source.value(), context,
            roleCache(*context)));
    }
    case Kind::WebIdentity:
        return Result(std::make_shared<WebIdentityProvider>(
            WebIdentityProvider::settings(*context, profileName, false), context, roleCache(*context)));
    case Kind::IdentityCenter:
        return identityCenterProvider(context, profileName);
    case Kind::StaticKeys: {
        const AwsResult<AwsCredentials> keys = staticCredentials(config, profileName);
        if (!keys)
            return keys.error();
        return Result(std::make_shared<StaticCredentialsProvider>(keys.value()));
    }
    case Kind::Process: {
        auto process = std::make_shared<CredentialProcessProvider>(
            config.profileValue(profileName, u"credential_process"_s), profileName, context->env,
            context->clock);
        process->setTimeout(context->processTimeoutMs);
        return Result(std::move(process));
    }
    case Kind::None:
        break;
    }
    return AwsError(AwsError::Category::Credentials,
                    tr("The profile \"%1\" (%2) has no credentials: set aws_access_key_id and "
                       "aws_secret_access_key, credential_process, role_arn with source_profile, "
                       "web_identity_token_file or an IAM Identity Center sign-in (sso_session).")
                        .arg(profileName, config.profileLocation(profileName)));
}

AwsResult<std::shared_ptr<CredentialsProvider>>
ProfileCredentialsProvider::roleSource(const std::shared_ptr<const CredentialsContext> &context,
                                       const QString &profileName, QStringList visited)
{
    using Result = AwsResult<std::shared_ptr<CredentialsProvider>>;
    const SharedConfig &config = context->config;
    const QString sourceProfile = config.profileValue(profileName, u"source_profile"_s).trimmed();
    const QString credentialSource = config.profileValue(profileName, u"credential_source"_s).trimmed();
    const auto configError = [](const QString &message) {
        return AwsError(AwsError::Category::Configuration, message);
    };
    if (!sourceProfile.isEmpty() && !credentialSource.isEmpty()) {
        return configError(tr("The profile \"%1\" contains both source_profile and credential_source; keep "
                              "one of them.")
                               .arg(profileName));
    }
    if (sourceProfile.isEmpty() && credentialSource.isEmpty()) {
        return configError(
            tr("The profile \"%1\" has role_arn but neither source_profile nor credential_source "
               "to assume the role with.")
                .arg(profileName));
    }
    if (!credentialSource.isEmpty()) {
        if (credentialSource == u"Environment") {
            return Result(std::make_shared<EnvironmentCredentialsProvider>(context->env, context->clock));
        }
        if (credentialSource == u"Ec2InstanceMetadata")
            return Result(std::make_shared<InstanceMetadataProvider>(context, profileName));
        if (credentialSource == u"EcsContainer")
            return Result(std::make_shared<ContainerCredentialsProvider>(context));
        return configError(tr("The credential_source \"%1\" of the profile \"%2\" is not valid: use "
                              "Environment, Ec2InstanceMetadata or EcsContainer.")
                               .arg(credentialSource, profileName));
    }
    if (!config.hasProfile(sourceProfile)) {
        return configError(tr("The source_profile \"%1\" named in the profile \"%2\" does not exist.")
                               .arg(sourceProfile, profileName));
    }
    const SharedConfigFile::Properties source = config.profile(sourceProfile);
    const bool sourceHasKeys = hasAny(source, {u"aws_access_key_id", u"aws_secret_access_key"});
    if (visited.contains(sourceProfile)) {
        // botocore lets a profile be its own source when it holds the keys to assume its role with.
        if (sourceProfile != profileName || !sourceHasKeys) {
            return configError(tr("The profiles' source_profile settings form a loop: %1. Point one of "
                                  "them at a profile with credentials.")
                                   .arg((visited + QStringList{sourceProfile}).join(u" → "_s)));
        }
        const AwsResult<AwsCredentials> keys = staticCredentials(config, sourceProfile);
        if (!keys)
            return keys.error();
        return Result(std::make_shared<StaticCredentialsProvider>(keys.value()));
    }
    visited.append(sourceProfile);
    const bool sourceIsRole = hasAny(source, {u"role_arn"}) && !hasAny(source, {u"web_identity_token_file"});
    return build(context, sourceProfile, visited, sourceIsRole && !sourceHasKeys);
}

AwsResult<std::shared_ptr<CredentialsProvider>>
ProfileCredentialsProvider::identityCenterProvider(const std::shared_ptr<const CredentialsContext> &context,
                                                   const QString &profileName)
{
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(context->config, profileName);
    if (!profile)
        return profile.error();
    return std::shared_ptr<CredentialsProvider>(
        std::make_shared<SsoCredentialsProvider>(profile.value(), context));
}

ProfileCredentialsProvider::ProfileCredentialsProvider(SharedConfig config, QString profileName,
                                                       QProcessEnvironment env, AwsClock clock)
    : m_ownContext(std::make_shared<CredentialsContext>())
    , m_profileName(std::move(profileName))
{
    m_ownContext->config = std::move(config);
    m_ownContext->env = std::move(env);
    m_ownContext->clock = std::move(clock);
    m_context = m_ownContext;
}

ProfileCredentialsProvider::ProfileCredentialsProvider(std::shared_ptr<const CredentialsContext> context,
                                                       QString profileName)
    : m_context(std::move(context))
    , m_profileName(std::move(profileName))
{}

void ProfileCredentialsProvider::setProcessTimeout(int milliseconds)
{
    if (m_ownContext)
        m_ownContext->processTimeoutMs = milliseconds;
    if (auto *process = dynamic_cast<CredentialProcessProvider *>(m_inner.get()))
        process->setTimeout(milliseconds);
}

void ProfileCredentialsProvider::fetch(QObject *context, Callback callback)
{
    if (!m_inner) {
        if (m_ownContext && !m_ownContext->network)
            m_ownContext->network = std::make_shared<QNetworkAccessManager>();
        const AwsResult<std::shared_ptr<CredentialsProvider>> built = create(m_context, m_profileName);
        if (!built) {
            CredentialsCallback(context, std::move(callback)).invoke(built.error());
            return;
        }
        m_inner = built.value();
        if (std::exchange(m_invalidateWhenBuilt, false))
            m_inner->invalidate();
    }
    m_inner->fetch(context, std::move(callback));
}

void ProfileCredentialsProvider::invalidate()
{
    if (m_inner)
        m_inner->invalidate();
    else
        m_invalidateWhenBuilt = true; // the chain replaced a refused provider by this one: see there
}

QString ProfileCredentialsProvider::description() const
{
    return tr("profile %1 (%2)").arg(m_profileName, m_context->config.profileLocation(m_profileName));
}
