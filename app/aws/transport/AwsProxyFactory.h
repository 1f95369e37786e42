// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/ProxySettings.h"

#include <QNetworkProxyFactory>

class QNetworkAccessManager;

/// Chooses the proxy of every request a QNetworkAccessManager sends from a ProxySettings, with the AWS
/// CLI's semantics (ProxySettings::proxyFor) rather than Qt's own handling of the environment, which
/// depends on how Qt was built and ignores NO_PROXY entries without a leading dot.
class AwsProxyFactory : public QNetworkProxyFactory
{
public:
    explicit AwsProxyFactory(ProxySettings settings);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    const ProxySettings &settings() const { return m_settings; }

    /// Makes `network` (may be null) choose its proxies from `settings` from now on; the manager owns the
    /// factory. Every user of the manager gets the same settings: the last call wins.
    static void install(QNetworkAccessManager *network, const ProxySettings &settings);

private:
    ProxySettings m_settings;
};
