// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/AwsProxyFactory.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyQuery>

using namespace Qt::StringLiterals;

AwsProxyFactory::AwsProxyFactory(ProxySettings settings)
    : m_settings(std::move(settings))
{}

QList<QNetworkProxy> AwsProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    QUrl target = query.url();
    if (target.isEmpty()) {
        // A socket-level query: only its host and port are known.
        target.setScheme(query.protocolTag().isEmpty() ? u"https"_s : query.protocolTag());
        target.setHost(query.peerHostName());
        if (query.peerPort() >= 0)
            target.setPort(query.peerPort());
    }
    return {m_settings.proxyFor(target)};
}

void AwsProxyFactory::install(QNetworkAccessManager *network, const ProxySettings &settings)
{
    if (!network)
        return;
    // Replaces the previous factory and any proxy set with setProxy(): only the settings decide.
    network->setProxyFactory(new AwsProxyFactory(settings));
}
