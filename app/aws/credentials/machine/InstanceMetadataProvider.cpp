// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/machine/InstanceMetadataProvider.h"

#include "aws/credentials/machine/MetadataHttp.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

constexpr auto credentialsPath = "/latest/meta-data/iam/security-credentials/";

QString setting(const CredentialsContext &context, const QString &profileName, const QString &variable,
                const QString &key)
{
    const QString fromEnv = context.env.value(variable).trimmed();
    return fromEnv.isEmpty() ? context.config.profileValue(profileName, key).trimmed() : fromEnv;
}

bool isTrue(const QString &value)
{
    return value.trimmed().compare(u"true", Qt::CaseInsensitive) == 0;
}

} // namespace

InstanceMetadataProvider::InstanceMetadataProvider(std::shared_ptr<const CredentialsContext> context,
                                                   QString profileName, QObject *parent)
    : RefreshingCredentialsProvider(context->clock, 300, parent)
    , m_context(std::move(context))
    , m_profileName(std::move(profileName))
{}

bool InstanceMetadataProvider::isEnabled(const QProcessEnvironment &env)
{
    return !isTrue(env.value(u"AWS_EC2_METADATA_DISABLED"_s));
}

AwsResult<QUrl> InstanceMetadataProvider::endpoint(const CredentialsContext &context,
                                                   const QString &profileName)
{
    const QString configured = setting(context, profileName, u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s,
                                       u"ec2_metadata_service_endpoint"_s);
    if (!configured.isEmpty()) {
        QUrl url(configured);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https")) {
            return AwsError(
                AwsError::Category::Configuration,
                tr("The instance metadata endpoint %1 is not a URL such as http://169.254.169.254.")
                    .arg(configured));
        }
        // botocore appends "/latest/..." to the endpoint as written: a path in it stays.
        QUrl base;
        base.setScheme(url.scheme());
        base.setHost(url.host());
        base.setPort(url.port());
        QString path = url.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        base.setPath(path);
        return base;
    }
    const QString mode = setting(context, profileName, u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"_s,
                                 u"ec2_metadata_service_endpoint_mode"_s);
    if (mode.isEmpty() || mode.compare(u"ipv4", Qt::CaseInsensitive) == 0)
        return QUrl(u"http://169.254.169.254"_s);
    if (mode.compare(u"ipv6", Qt::CaseInsensitive) == 0)
        return QUrl(u"http://[fd00:ec2::254]"_s);
    return AwsError(AwsError::Category::Configuration,
                    tr("The instance metadata endpoint mode must be IPv4 or IPv6, not \"%1\".").arg(mode));
}

QString InstanceMetadataProvider::description() const
{
    return tr("EC2 instance metadata");
}

void InstanceMetadataProvider::fail(const QString &reason)
{
    finish(AwsError(AwsError::Category::Credentials,
                    tr("No credentials from the EC2 instance metadata service (%1): %2")
                        .arg(m_endpoint.toString(), reason)));
}

QUrl InstanceMetadataProvider::urlFor(const QString &path) const
{
    QUrl url = m_endpoint;
    url.setPath(m_endpoint.path() + path);
    return url;
}

QList<QPair<QByteArray, QByteArray>> InstanceMetadataProvider::headers() const
{
    QList<QPair<QByteArray, QByteArray>> list;
    if (!m_token.isEmpty())
        list.append({"x-aws-ec2-metadata-token", m_token});
    return list;
}

void InstanceMetadataProvider::load()
{
    if (!isEnabled(m_context->env)) {
        finish(AwsError(AwsError::Category::Credentials,
                        tr("The EC2 instance metadata service is turned off (AWS_EC2_METADATA_DISABLED).")));
        return;
    }
    const AwsResult<QUrl> base = endpoint(*m_context, m_profileName);
    if (!base) {
        finish(base.error());
        return;
    }
    m_endpoint = base.value();
    m_v1Disabled = isTrue(
        setting(*m_context, m_profileName, u"AWS_EC2_METADATA_V1_DISABLED"_s, u"ec2_metadata_v1_disabled"_s));
    m_token.clear();
    m_roleName.clear();
    requestToken(1);
}

void InstanceMetadataProvider::requestToken(int attempt)
{
    const QUrl url = urlFor(u"/latest/api/token"_s);
    MetadataHttp::send(
        m_context->network.get(), "PUT", url, {{"x-aws-ec2-metadata-token-ttl-seconds", "21600"}},
        m_context->metadataTimeoutMs, this, [this, attempt](const MetadataHttp::Answer &answer) {
            const auto fallBack = [this] {
                if (m_v1Disabled) {
                    fail(tr("no IMDSv2 token, and IMDSv1 is turned off (ec2_metadata_v1_disabled)"));
                    return;
                }
                requestRoleName(1);
            };
            if (answer.status == 200) {
                m_token = answer.body.trimmed();
                requestRoleName(1);
            } else if (answer.status == 403 || answer.status == 404 || answer.status == 405 ||
                       answer.timedOut) {
                fallBack();
            } else if (answer.status == 400) {
                fail(tr("the token request was refused (HTTP 400)"));
            } else if (attempt < m_context->metadataAttempts) {
                requestToken(attempt + 1);
            } else {
                fallBack();
            }
        });
}

void InstanceMetadataProvider::requestRoleName(int attempt)
{
    const QUrl url = urlFor(QString::fromLatin1(credentialsPath));
    MetadataHttp::send(m_context->network.get(), "GET", url, headers(), m_context->metadataTimeoutMs, this,
                       [this, attempt](const MetadataHttp::Answer &answer) {
                           if (answer.status == 200) {
                               m_roleName = QString::fromUtf8(answer.body).section(u'\n', 0, 0).trimmed();
                               if (m_roleName.isEmpty()) {
                                   fail(tr("the instance has no IAM role"));
                                   return;
                               }
                               requestCredentials(1);
                           } else if (answer.status == 404) {
                               fail(tr("the instance has no IAM role"));
                           } else if (attempt < m_context->metadataAttempts) {
                               requestRoleName(attempt + 1);
                           } else if (answer.status == 0) {
                               fail(answer.timedOut ? tr("it did not answer in time") : answer.error);
                           } else {
                               fail(tr("it answered HTTP %1").arg(answer.status));
                           }
                       });
}

void InstanceMetadataProvider::requestCredentials(int attempt)
{
    const QUrl url = urlFor(QString::fromLatin1(credentialsPath) + m_roleName);
    MetadataHttp::send(
        m_context->network.get(), "GET", url, headers(), m_context->metadataTimeoutMs, this,
        [this, attempt](const MetadataHttp::Answer &answer) {
            if (answer.status != 200) {
                if (attempt < m_context->metadataAttempts) {
                    requestCredentials(attempt + 1);
                    return;
                }
                fail(answer.status == 0 ? (answer.timedOut ? tr("it did not answer in time") : answer.error)
                                        : tr("it answered HTTP %1").arg(answer.status));
                return;
            }
            const std::optional<AwsCredentials> credentials =
                MetadataHttp::parseCredentials(answer.body, tr("EC2 instance role %1").arg(m_roleName));
            if (!credentials) {
                // Never repeat the body: it may hold a secret.
                finish(AwsError(AwsError::Category::MalformedAnswer,
                                tr("The EC2 instance metadata service answered without complete credentials "
                                   "for the role %1.")
                                    .arg(m_roleName)));
                return;
            }
            finish(*credentials);
        });
}
