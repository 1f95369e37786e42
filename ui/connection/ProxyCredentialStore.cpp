// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/ProxyCredentialStore.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

ProxyCredentialStore::ProxyCredentialStore(QObject *parent)
    : QObject(parent)
    , m_keychain(this)
{}

QString ProxyCredentialStore::keychainKey(const QString &host, int port)
{
    return u"proxy:"_s + host.toLower() + u':' + QString::number(port);
}

void ProxyCredentialStore::read(const QString &host, int port, QObject *context, ReadCallback callback)
{
    m_keychain.read(keychainKey(host, port), tr("proxy %1:%2").arg(host).arg(port), context,
                    [callback, host, port](const AwsResult<QByteArray> &data) {
                        // No entry, a locked keychain or no keychain at all: the user is asked instead.
                        if (!data) {
                            callback(std::nullopt);
                            return;
                        }
                        const QJsonObject object = QJsonDocument::fromJson(data.value()).object();
                        ProxyCredentials credentials;
                        credentials.host = host;
                        credentials.port = port;
                        credentials.user = object.value(u"user").toString();
                        credentials.password = object.value(u"password").toString();
                        if (credentials.user.isEmpty())
                            callback(std::nullopt);
                        else
                            callback(credentials);
                    });
}

void ProxyCredentialStore::write(const ProxyCredentials &credentials, QObject *context,
                                 KeychainAccess::DoneCallback callback)
{
    QByteArray payload =
        QJsonDocument(QJsonObject{{u"user"_s, credentials.user}, {u"password"_s, credentials.password}})
            .toJson(QJsonDocument::Compact);
    m_keychain.write(keychainKey(credentials.host, credentials.port), payload,
                     tr("proxy %1").arg(credentials.hostAndPort()), context, std::move(callback));
    payload.fill('\0');
}

void ProxyCredentialStore::remove(const QString &host, int port, QObject *context,
                                  KeychainAccess::DoneCallback callback)
{
    m_keychain.remove(keychainKey(host, port), tr("proxy %1:%2").arg(host).arg(port), context,
                      std::move(callback));
}
