// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/EnvironmentCredentialsProvider.h"

#include "aws/credentials/CredentialsCallback.h"
#include "aws/credentials/Iso8601Timestamp.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EnvironmentCredentialsProvider", text);
}

} // namespace

EnvironmentCredentialsProvider::EnvironmentCredentialsProvider(QProcessEnvironment env, AwsClock clock)
    : m_env(std::move(env))
    , m_clock(std::move(clock))
{}

bool EnvironmentCredentialsProvider::isConfigured(const QProcessEnvironment &env)
{
    return !env.value(u"AWS_ACCESS_KEY_ID"_s).isEmpty() || !env.value(u"AWS_SECRET_ACCESS_KEY"_s).isEmpty();
}

AwsResult<AwsCredentials> EnvironmentCredentialsProvider::read(const QProcessEnvironment &env,
                                                               const QDateTime &now)
{
    AwsCredentials credentials;
    credentials.accessKeyId = env.value(u"AWS_ACCESS_KEY_ID"_s).trimmed();
    credentials.secretAccessKey = env.value(u"AWS_SECRET_ACCESS_KEY"_s).trimmed();
    credentials.sessionToken = env.value(u"AWS_SESSION_TOKEN"_s).trimmed();
    credentials.source = tr("environment");

    if (credentials.accessKeyId.isEmpty() && credentials.secretAccessKey.isEmpty()) {
        return AwsError(AwsError::Category::Credentials,
                        tr("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set in the environment."));
    }
    if (credentials.accessKeyId.isEmpty()) {
        return AwsError(
            AwsError::Category::Credentials,
            tr("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not. Set both, or neither."));
    }
    if (credentials.secretAccessKey.isEmpty()) {
        return AwsError(
            AwsError::Category::Credentials,
            tr("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not. Set both, or neither."));
    }
    const QString expiration = env.value(u"AWS_CREDENTIAL_EXPIRATION"_s).trimmed();
    if (!expiration.isEmpty()) {
        credentials.expiration = Iso8601Timestamp::parse(expiration);
        if (!credentials.expiration.isValid()) {
            return AwsError(AwsError::Category::Credentials,
                            tr("AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 date-time such as "
                               "2030-01-31T12:00:00Z."));
        }
        if (credentials.expiration <= now) {
            return AwsError(
                AwsError::Category::Credentials,
                tr("The credentials in the environment expired at %1 (AWS_CREDENTIAL_EXPIRATION). "
                   "Set fresh ones.")
                    .arg(Iso8601Timestamp::format(credentials.expiration)));
        }
    }
    return credentials;
}

void EnvironmentCredentialsProvider::fetch(QObject *context, Callback callback)
{
    CredentialsCallback(context, std::move(callback)).invoke(read(m_env, m_clock()));
}

QString EnvironmentCredentialsProvider::description() const
{
    return tr("environment variables (AWS_ACCESS_KEY_ID)");
}
