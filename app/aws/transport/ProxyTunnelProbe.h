// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkProxy>
#include <QString>

#include <functional>

class QObject;

/// Finds out why an http proxy refused a tunnel. Qt 6.4 reports most failures of a CONNECT as one
/// "Error communicating with HTTP proxy", whatever the proxy answered; after such a failure the transport
/// asks the proxy once more itself, with the same credentials, and reads the status line, so the error can
/// say what happened: 407 (or the 401 some proxies such as tinyproxy send for wrong credentials), 403 (the
/// proxy's policy), 502/504 (the proxy could not reach the host), or no answer at all.
class ProxyTunnelProbe
{
public:
    struct Result
    {
        int status = 0;             ///< the proxy's HTTP status; 0 when it gave none
        QString statusLine;         ///< "HTTP/1.0 401 Unauthorized", or why there was none
        bool authChallenge = false; ///< the answer carried Proxy-Authenticate or WWW-Authenticate
    };
    using Callback = std::function<void(const Result &result)>;

    /// Sends "CONNECT host:port" to `proxy` (an HttpProxy; its user and password as Basic credentials)
    /// and calls `callback` once with what came back, within `timeoutMs` (at most 10 s when 0 or less),
    /// unless `context` is destroyed first.
    static void probe(const QNetworkProxy &proxy, const QString &host, int port, int timeoutMs,
                      QObject *context, Callback callback);
};
