// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/machine/ContainerCredentialsProvider.h"

#include "aws/credentials/machine/MetadataHttp.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace {

const QString relativeVariable = u"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"_s;
const QString fullVariable = u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s;

} // namespace

ContainerCredentialsProvider::ContainerCredentialsProvider(std::shared_ptr<const CredentialsContext> context,
                                                           QObject *parent)
    : RefreshingCredentialsProvider(context->clock, 300, parent)
    , m_context(std::move(context))
{}

bool ContainerCredentialsProvider::isConfigured(const QProcessEnvironment &env)
{
    return env.contains(relativeVariable) || env.contains(fullVariable);
}

AwsResult<QUrl> ContainerCredentialsProvider::url(const QProcessEnvironment &env)
{
    if (env.contains(relativeVariable))
        return QUrl(u"http://169.254.170.2"_s + env.value(relativeVariable));
    const QString text = env.value(fullVariable).trimmed();
    const QUrl url(text);
    const auto refuse = [&] {
        return AwsError(AwsError::Category::Configuration,
                        tr("AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback address, "
                           "169.254.170.2, 169.254.170.23, fd00:ec2::23 or localhost; it is %1.")
                            .arg(url.toString(QUrl::RemoveUserInfo)));
    };
    if (!url.isValid() || url.host().isEmpty())
        return refuse();
    if (url.scheme() == u"https")
        return url;
    if (url.scheme() != u"http")
        return refuse();
    const QString host = url.host();
    const QHostAddress address(host);
    if (!address.isNull() && address.isLoopback())
        return url;
    static const QStringList allowed = {u"169.254.170.2"_s, u"169.254.170.23"_s, u"fd00:ec2::23"_s,
                                        u"localhost"_s};
    if (allowed.contains(host, Qt::CaseInsensitive))
        return url;
    return refuse();
}

QString ContainerCredentialsProvider::description() const
{
    return tr("container credentials");
}

void ContainerCredentialsProvider::load()
{
    const AwsResult<QUrl> target = url(m_context->env);
    if (!target) {
        finish(target.error());
        return;
    }
    QByteArray authorization;
    const QString tokenFile = m_context->env.value(u"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"_s);
    if (m_context->env.contains(u"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"_s)) {
        QFile file(tokenFile);
        if (!file.open(QIODevice::ReadOnly)) {
            finish(AwsError(AwsError::Category::Credentials,
                            tr("Could not read the container authorization token file %1 "
                               "(AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE): %2")
                                .arg(tokenFile, file.errorString())));
            return;
        }
        authorization = file.read(64 * 1024).trimmed();
    } else {
        authorization = m_context->env.value(u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s).toUtf8();
    }
    if (authorization.contains('\r') || authorization.contains('\n')) {
        finish(AwsError(
            AwsError::Category::Configuration,
            tr("The container authorization token is not a valid header value (it has a line break).")));
        return;
    }
    request(target.value(), authorization, 1);
}

void ContainerCredentialsProvider::request(const QUrl &url, const QByteArray &authorization, int attempt)
{
    QList<QPair<QByteArray, QByteArray>> headers = {{"Accept", "application/json"}};
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    QNetworkAccessManager *network = m_context->network.get();
    if (m_context->proxy.proxyFor(url).type() != QNetworkProxy::NoProxy) {
        if (!m_directNetwork) {
            m_directNetwork = std::make_unique<QNetworkAccessManager>();
            m_directNetwork->setProxy(QNetworkProxy::NoProxy);
        }
        network = m_directNetwork.get();
    }
    MetadataHttp::send(
        network, "GET", url, headers, timeoutMs, this,
        [this, url, authorization, attempt](const MetadataHttp::Answer &answer) {
            const QString shown = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
            if (answer.status != 200) {
                if (attempt < attempts) { // botocore retries any failure
                    request(url, authorization, attempt + 1);
                    return;
                }
                const QString reason =
                    answer.status == 0 ? (answer.timedOut ? tr("it did not answer in time") : answer.error)
                                       : tr("it answered HTTP %1").arg(answer.status);
                finish(AwsError(
                    AwsError::Category::Credentials,
                    tr("No credentials from the container credentials endpoint %1: %2").arg(shown, reason)));
                return;
            }
            const std::optional<AwsCredentials> credentials =
                MetadataHttp::parseCredentials(answer.body, tr("container credentials"));
            if (!credentials) {
                finish(AwsError(
                    AwsError::Category::MalformedAnswer,
                    tr("The container credentials endpoint %1 answered without complete credentials.")
                        .arg(shown)));
                return;
            }
            finish(*credentials);
        });
}
