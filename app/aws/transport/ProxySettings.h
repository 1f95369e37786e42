// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

/// Which proxy requests go through, with the AWS CLI's semantics. Environment (the default, and the
/// CLI's only mode) reads HTTPS_PROXY/https_proxy, HTTP_PROXY/http_proxy and NO_PROXY/no_proxy; the GUI
/// can choose the system's settings, no proxy, or a proxy of its own. A proxy URL may carry credentials
/// (http://user:password@proxy:3128); they are never shown (see displayUrl()).
///
/// A proxy URL is http:// (https requests go through it with CONNECT, http requests are forwarded) or,
/// beyond the AWS CLI, socks5:// / socks5h://. A URL without a scheme is http:// as in botocore; the
/// port defaults to 80 (urllib3's) for http and 1080 for socks5. User name and password in the URL are
/// percent-decoded and answer the proxy's Basic (or other) authentication.
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

    /// The AWS CLI's proxy: botocore's reading of the environment (Python's getproxies_environment):
    /// https_proxy wins over HTTPS_PROXY - a lower-case variable that is set but empty even switches the
    /// upper-case one off -, the same for http_proxy and no_proxy; HTTP_PROXY (upper case only) is
    /// ignored when REQUEST_METHOD is set (CGI, CVE-2016-1000110). `source` names the variables used.
    static ProxySettings fromEnvironment(const QProcessEnvironment &env);

    /// How a request to `target` goes: NoProxy (direct), or the proxy for its scheme with the URL's
    /// credentials. System mode asks QNetworkProxyFactory::systemProxyForQuery.
    QNetworkProxy proxyFor(const QUrl &target) const;

    /// A sentence saying why a proxy URL cannot be used (not a URL, no host, a scheme other than http or
    /// socks5), naming the URL without its password; empty when both are usable.
    QString problem() const;

    /// One line for --debug, the config command and messages: "http://alice:***@proxy:3128", both
    /// proxies when they differ, "; not for: ..." with the NO_PROXY entries; "none" / "the system's
    /// proxy settings" for the other modes. Never contains a password.
    QString displayUrl() const;
    /// `proxy` as scheme://user:***@host:port (the password masked, the user shown); empty for an
    /// empty URL.
    static QString displayUrl(const QUrl &proxy);
    /// "host:port" of a proxy, for messages.
    static QString hostAndPort(const QNetworkProxy &proxy);

    /// A proxy URL as botocore reads it: "proxy:3128" and "//proxy:3128" become "http://proxy:3128".
    static QUrl parseProxyUrl(const QString &value);

    friend bool operator==(const ProxySettings &, const ProxySettings &) = default;
};
