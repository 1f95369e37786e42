// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/AppProfileCredentialsProvider.h"

#include "aws/credentials/AppProfileStore.h"

using namespace Qt::StringLiterals;

AppProfileCredentialsProvider::AppProfileCredentialsProvider(AppProfileStore *store, QString profileName,
                                                             QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_profileName(std::move(profileName))
{
    // Pending keychain reads die with the store; answer their fetches instead of leaving them waiting.
    if (store) {
        connect(store, &QObject::destroyed, this, [this] {
            if (!m_reading)
                return;
            m_reading = false;
            finish(AwsError(AwsError::Category::Configuration,
                            tr("SessionScope's profile list is no longer available.")));
        });
    }
}

void AppProfileCredentialsProvider::fetch(QObject *context, Callback callback)
{
    if (m_cached) {
        CredentialsCallback(context, std::move(callback)).invoke(*m_cached);
        return;
    }
    m_waiting.append(CredentialsCallback(context, std::move(callback)));
    if (m_reading)
        return;
    if (!m_store) {
        finish(AwsError(AwsError::Category::Configuration,
                        tr("SessionScope's profile list is no longer available.")));
        return;
    }
    const std::optional<AppProfile> profile = m_store->profile(m_profileName);
    if (!profile) {
        finish(AwsError(AwsError::Category::Configuration,
                        tr("There is no SessionScope profile named \"%1\".").arg(m_profileName)));
        return;
    }
    m_reading = true;
    const QString accessKeyId = profile->accessKeyId;
    m_store->readSecret(m_profileName, this,
                        [this, accessKeyId](const AwsResult<AppProfileStore::Secret> &secret) {
                            m_reading = false;
                            if (!secret) {
                                finish(secret.error());
                                return;
                            }
                            AwsCredentials credentials;
                            credentials.accessKeyId = accessKeyId;
                            credentials.secretAccessKey = secret.value().secretAccessKey;
                            credentials.sessionToken = secret.value().sessionToken;
                            credentials.source = tr("profile %1 (system keychain)").arg(m_profileName);
                            m_cached = credentials;
                            finish(credentials);
                        });
}

void AppProfileCredentialsProvider::finish(const AwsResult<AwsCredentials> &result)
{
    QList<CredentialsCallback> waiting = std::exchange(m_waiting, {});
    for (CredentialsCallback &callback : waiting)
        callback.invoke(result);
}

void AppProfileCredentialsProvider::invalidate()
{
    m_cached.reset();
}

QString AppProfileCredentialsProvider::description() const
{
    return tr("profile %1 (system keychain)").arg(m_profileName);
}
