// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsTransportOptions.h"
#include "common/ServiceGateway.h"

#include <QAuthenticator>
#include <QNetworkProxy>
#include <QUrl>

#include <memory>

class AwsTransport;
class CredentialsProvider;
class QAppsClient;
class QNetworkAccessManager;
class StsClient;
class WorkSpacesWebClient;

/// The real ServiceGateway: one network access manager, one AwsTransport (signing, retries) and the
/// WorkSpaces Web and Amazon Q Apps clients over it, for one resolved connection.
class ClientGateway : public ServiceGateway
{
    Q_OBJECT

public:
    struct Settings
    {
        Description description;
        QUrl workSpacesWebEndpoint; ///< scheme://host[:port]
        QUrl qAppsEndpoint;
        QUrl stsEndpoint; ///< for getCallerIdentity(); empty: the connection cannot tell
        /// Attempts, timeouts, retry mode, CA bundle, proxy and app id
        /// (ResolvedConnection::transportOptions).
        AwsTransportOptions transport{};
    };

    /// Shares ownership of `credentials`.
    ClientGateway(const Settings &settings, std::shared_ptr<CredentialsProvider> credentials,
                  QObject *parent = nullptr);
    ~ClientGateway() override;

    Description description() const override { return m_settings.description; }

    CallHandle listPortals(const QString &nextToken, QObject *context,
                           Callback<PortalPage> callback) override;
    SessionLister *sessionLister() override;
    CallHandle getSession(const QString &portalId, const QString &sessionId, QObject *context,
                          Callback<SessionDetail> callback) override;
    CallHandle expireSession(const QString &portalId, const QString &sessionId, QObject *context,
                             Callback<std::monostate> callback) override;
    CallHandle getQAppSessionMetadata(const QString &instanceId, const QString &sessionId, QObject *context,
                                      Callback<QAppSessionMetadata> callback) override;
    CallHandle getCallerIdentity(QObject *context, Callback<CallerIdentity> callback) override;
    bool isValidQAppSessionId(const QString &sessionId) const override;
    bool isValidQBusinessInstanceId(const QString &instanceId) const override;

private:
    Settings m_settings;
    std::shared_ptr<CredentialsProvider> m_credentials;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<WorkSpacesWebClient> m_workSpacesWeb;
    std::unique_ptr<QAppsClient> m_qApps;
    std::unique_ptr<StsClient> m_sts;
};
