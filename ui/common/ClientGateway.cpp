// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ClientGateway.h"

#include "api/QAppsClient.h"
#include "api/WorkSpacesWebClient.h"
#include "aws/credentials/CredentialsProvider.h"
#include "aws/credentials/sts/StsClient.h"
#include "aws/transport/AwsTransport.h"

#include <QAuthenticator>
#include <QNetworkAccessManager>

ClientGateway::ClientGateway(const Settings &settings, std::shared_ptr<CredentialsProvider> credentials,
                             QObject *parent)
    : ServiceGateway(parent)
    , m_settings(settings)
    , m_credentials(std::move(credentials))
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_transport(std::make_unique<AwsTransport>(m_network.get(), m_credentials.get()))
    , m_workSpacesWeb(std::make_unique<WorkSpacesWebClient>(m_transport.get(), settings.workSpacesWebEndpoint,
                                                            settings.description.region))
    , m_qApps(std::make_unique<QAppsClient>(m_transport.get(), settings.qAppsEndpoint,
                                            settings.description.region))
{
    m_transport->setOptions(settings.transport);
    if (!settings.stsEndpoint.isEmpty())
        m_sts =
            std::make_unique<StsClient>(m_transport.get(), settings.stsEndpoint, settings.description.region);
    if (m_settings.description.credentialSource.isEmpty() && m_credentials)
        m_settings.description.credentialSource = m_credentials->description();
    connect(m_transport.get(), &AwsTransport::retrying, this, &ServiceGateway::retrying);
    // Direct: the slot fills the authenticator before the network manager reads it.
    connect(m_transport.get(), &AwsTransport::proxyAuthenticationRequired, this,
            &ServiceGateway::proxyAuthenticationRequired, Qt::DirectConnection);
}

// The clients and the transport go first: they refer to the network manager and the credentials.
ClientGateway::~ClientGateway()
{
    m_sts.reset();
    m_qApps.reset();
    m_workSpacesWeb.reset();
    m_transport.reset();
    m_network.reset();
}

CallHandle ClientGateway::listPortals(const QString &nextToken, QObject *context,
                                      Callback<PortalPage> callback)
{
    return m_workSpacesWeb->listPortals(nextToken, 0, context, std::move(callback));
}

SessionLister *ClientGateway::sessionLister()
{
    return m_workSpacesWeb.get();
}

CallHandle ClientGateway::getSession(const QString &portalId, const QString &sessionId, QObject *context,
                                     Callback<SessionDetail> callback)
{
    return m_workSpacesWeb->getSession(portalId, sessionId, context, std::move(callback));
}

CallHandle ClientGateway::expireSession(const QString &portalId, const QString &sessionId, QObject *context,
                                        Callback<std::monostate> callback)
{
    return m_workSpacesWeb->expireSession(portalId, sessionId, context, std::move(callback));
}

CallHandle ClientGateway::getQAppSessionMetadata(const QString &instanceId, const QString &sessionId,
                                                 QObject *context, Callback<QAppSessionMetadata> callback)
{
    return m_qApps->getQAppSessionMetadata(instanceId, sessionId, context, std::move(callback));
}

CallHandle ClientGateway::getCallerIdentity(QObject *context, Callback<CallerIdentity> callback)
{
    if (!m_sts)
        return ServiceGateway::getCallerIdentity(context, std::move(callback));
    return m_sts->getCallerIdentity(context, std::move(callback));
}

bool ClientGateway::isValidQAppSessionId(const QString &sessionId) const
{
    return QAppsClient::isValidSessionId(sessionId);
}

bool ClientGateway::isValidQBusinessInstanceId(const QString &instanceId) const
{
    return QAppsClient::isValidInstanceId(instanceId);
}
