// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

/// Which proxy requests go through, with the AWS CLI's semantics. Environment (the default, and the
/// CLI's only mode) reads HTTPS_PROXY/https_proxy, HTTP_PROXY/http_proxy and NO_PROXY/no_proxy; the GUI
/// can choose the system's settings, no proxy, or a proxy of its own. A proxy URL may carry credentials
/// (http://user:password@proxy:3128); they are never shown (see displayUrl()).
struct ProxySettings
{
    enum class Mode {
        Environment, ///< the variables above (the AWS CLI's behaviour)
        System,      ///< the desktop's proxy settings (QNetworkProxyFactory::systemProxyForQuery)
        None,        ///< always direct
        Manual,      ///< httpsProxy/httpProxy/noProxy as given in the connection settings
    };

    Mode mode = Mode::Environment;
    QUrl httpsProxy{};     ///< for https:// requests (CONNECT); empty: direct
    QUrl httpProxy{};      ///< for http:// requests; empty: direct
    QStringList noProxy{}; ///< NO_PROXY entries: host names (with or without a leading dot), "*", IPs,
                           ///< CIDR ranges, each optionally with ":port"
    QString source{};      ///< where the setting came from: "HTTPS_PROXY", "connection settings", ...
};
