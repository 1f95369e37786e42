// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/AssumeRoleProvider.h"

#include "aws/credentials/sts/StsClient.h"
#include "aws/credentials/sts/StsLocation.h"
#include "aws/transport/AwsTransport.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

AssumeRoleProvider::RoleConfig AssumeRoleProvider::roleConfig(const SharedConfig &config,
                                                              const QString &profileName)
{
    RoleConfig role;
    role.roleArn = config.profileValue(profileName, u"role_arn"_s).trimmed();
    role.roleSessionName = config.profileValue(profileName, u"role_session_name"_s).trimmed();
    role.externalId = config.profileValue(profileName, u"external_id"_s).trimmed();
    role.mfaSerial = config.profileValue(profileName, u"mfa_serial"_s).trimmed();
    bool ok = false;
    const int duration = config.profileValue(profileName, u"duration_seconds"_s).trimmed().toInt(&ok);
    role.durationSeconds = ok && duration > 0 ? duration : 0;
    return role;
}

AssumeRoleProvider::AssumeRoleProvider(QString profileName, RoleConfig role,
                                       std::shared_ptr<CredentialsProvider> source,
                                       std::shared_ptr<const CredentialsContext> context,
                                       std::shared_ptr<const RoleCredentialsCache> cache, QObject *parent)
    : RefreshingCredentialsProvider(context->clock, RoleCredentialsCache::expiryWindowSeconds, parent)
    , m_profileName(std::move(profileName))
    , m_role(std::move(role))
    , m_source(std::move(source))
    , m_context(std::move(context))
    , m_cache(std::move(cache))
{
    m_sessionName = m_role.roleSessionName.isEmpty() ? StsClient::defaultRoleSessionName(m_context->clock())
                                                     : m_role.roleSessionName;
}

AssumeRoleProvider::~AssumeRoleProvider() = default;

QString AssumeRoleProvider::cacheKey() const
{
    RoleCredentialsCache::Arguments arguments = {{u"RoleArn"_s, m_role.roleArn}};
    if (!m_role.roleSessionName.isEmpty())
        arguments.append({u"RoleSessionName"_s, m_role.roleSessionName});
    if (!m_role.externalId.isEmpty())
        arguments.append({u"ExternalId"_s, m_role.externalId});
    if (!m_role.mfaSerial.isEmpty())
        arguments.append({u"SerialNumber"_s, m_role.mfaSerial});
    if (m_role.durationSeconds > 0)
        arguments.append({u"DurationSeconds"_s, QVariant(m_role.durationSeconds)});
    return RoleCredentialsCache::key(arguments);
}

QString AssumeRoleProvider::description() const
{
    return tr("profile %1 (role %2)").arg(m_profileName, m_role.roleArn);
}

void AssumeRoleProvider::invalidate()
{
    RefreshingCredentialsProvider::invalidate();
    // Credentials the service refused may sit in the file cache too: the next load asks STS.
    m_skipFileCache = true;
}

AwsCredentials AssumeRoleProvider::fromRole(const StsClient::AssumedRole &role) const
{
    AwsCredentials credentials = role.credentials;
    credentials.source = tr("profile %1 (role %2)").arg(m_profileName, m_role.roleArn);
    return credentials;
}

void AssumeRoleProvider::load()
{
    if (m_cache && !std::exchange(m_skipFileCache, false)) {
        if (const std::optional<StsClient::AssumedRole> cached = m_cache->load(cacheKey(), now())) {
            finish(fromRole(*cached));
            return;
        }
    }
    if (m_role.mfaSerial.isEmpty()) {
        assume(QString());
        return;
    }
    if (!m_context->prompts) {
        finish(
            AwsError(AwsError::Category::Credentials,
                     tr("The profile \"%1\" needs an MFA code for %2, and nobody can be asked for one here. "
                        "Run it where a code can be typed, or use credentials without mfa_serial.")
                         .arg(m_profileName, m_role.mfaSerial)));
        return;
    }
    CredentialPrompts::MfaRequest request{m_profileName, m_role.roleArn, m_role.mfaSerial};
    m_context->prompts->askMfaCode(request, this, [this](const AwsResult<QString> &code) {
        if (!code) {
            if (code.error().category() == AwsError::Category::Cancelled) {
                finish(AwsError(
                    AwsError::Category::Cancelled,
                    tr("No MFA code was entered: the profile \"%1\" is not signed in.").arg(m_profileName)));
            } else {
                finish(code.error());
            }
            return;
        }
        assume(code.value().trimmed());
    });
}

void AssumeRoleProvider::assume(const QString &tokenCode)
{
    const AwsResult<StsLocation> location = StsLocation::resolve(*m_context, m_profileName);
    if (!location) {
        finish(location.error());
        return;
    }
    if (!m_transport) {
        m_transport = std::make_unique<AwsTransport>(m_context->network.get(), m_source.get());
        m_transport->setClock(m_context->clock);
        m_context->configure(*m_transport);
    }
    m_sts =
        std::make_unique<StsClient>(m_transport.get(), location.value().endpoint, location.value().region);
    StsClient::AssumeRoleRequest request;
    request.roleArn = m_role.roleArn;
    request.roleSessionName = m_sessionName;
    request.externalId = m_role.externalId;
    request.durationSeconds = m_role.durationSeconds;
    request.serialNumber = m_role.mfaSerial;
    request.tokenCode = tokenCode;
    m_sts->assumeRole(request, this, [this](const AwsResult<StsClient::AssumedRole> &role) {
        if (!role) {
            finish(role.error());
            return;
        }
        if (m_cache)
            m_cache->store(cacheKey(), role.value());
        finish(fromRole(role.value()));
    });
}
