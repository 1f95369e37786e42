// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/ProxySettings.h"

#include "aws/transport/NoProxyMatcher.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QNetworkProxyQuery>

using namespace Qt::StringLiterals;

namespace {

// One of urllib's <scheme>_proxy values and the variable it came from. The lower-case variable is read
// last by urllib and so wins whenever it is set; set but empty, it removes what the upper-case one said.
struct EnvironmentValue
{
    QString value;
    QString variable;
};

EnvironmentValue environmentValue(const QProcessEnvironment &env, const QString &lowerName)
{
    if (env.contains(lowerName)) {
        const QString value = env.value(lowerName);
        return {value, value.isEmpty() ? QString() : lowerName};
    }
    const QString upperName = lowerName.toUpper();
    if (upperName == u"HTTP_PROXY"_s && env.contains(u"REQUEST_METHOD"_s))
        return {};
    const QString value = env.value(upperName);
    return {value, value.isEmpty() ? QString() : upperName};
}

int defaultPort(const QString &scheme)
{
    return scheme.startsWith(u"socks"_s) ? 1080 : 80;
}

QNetworkProxy toNetworkProxy(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const auto type = scheme.startsWith(u"socks"_s) ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy;
    QNetworkProxy proxy(type, url.host(), quint16(url.port(defaultPort(scheme))),
                        url.userName(QUrl::FullyDecoded), url.password(QUrl::FullyDecoded));
    if (type == QNetworkProxy::Socks5Proxy && scheme == u"socks5h"_s)
        proxy.setCapabilities(proxy.capabilities() | QNetworkProxy::HostNameLookupCapability);
    return proxy;
}

} // namespace

QUrl ProxySettings::parseProxyUrl(const QString &value)
{
    QString text = value.trimmed();
    if (text.isEmpty())
        return {};
    // botocore's _fix_proxy_url: http: and https: stay, "//host" and "host:port" become http://. Another
    // explicit scheme (socks5://) stays too, so that problem() can name it rather than mangle it.
    if (text.startsWith(u"//"_s))
        text.prepend(u"http:"_s);
    else if (!text.contains(u"://"_s) && !text.startsWith(u"http:"_s, Qt::CaseInsensitive) &&
             !text.startsWith(u"https:"_s, Qt::CaseInsensitive))
        text.prepend(u"http://"_s);
    return QUrl(text, QUrl::TolerantMode);
}

ProxySettings ProxySettings::fromEnvironment(const QProcessEnvironment &env)
{
    ProxySettings settings;
    settings.mode = Mode::Environment;
    const EnvironmentValue https = environmentValue(env, u"https_proxy"_s);
    const EnvironmentValue http = environmentValue(env, u"http_proxy"_s);
    const EnvironmentValue no = environmentValue(env, u"no_proxy"_s);
    settings.httpsProxy = parseProxyUrl(https.value);
    settings.httpProxy = parseProxyUrl(http.value);
    settings.noProxy = NoProxyMatcher::split(no.value);
    QStringList sources;
    for (const QString &variable : {https.variable, http.variable, no.variable}) {
        if (!variable.isEmpty())
            sources.append(variable);
    }
    settings.source = sources.join(u", "_s);
    return settings;
}

QNetworkProxy ProxySettings::proxyFor(const QUrl &target) const
{
    switch (mode) {
    case Mode::None:
        return QNetworkProxy(QNetworkProxy::NoProxy);
    case Mode::System: {
        const QList<QNetworkProxy> proxies =
            QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(target));
        return proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : proxies.first();
    }
    case Mode::Environment:
    case Mode::Manual:
        break;
    }
    const QString scheme = target.scheme().toLower();
    const QUrl &proxyUrl = scheme == u"https"_s ? httpsProxy : scheme == u"http"_s ? httpProxy : QUrl();
    if (proxyUrl.isEmpty() || NoProxyMatcher(noProxy).bypasses(target))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    return toNetworkProxy(proxyUrl);
}

QString ProxySettings::problem() const
{
    if (mode != Mode::Environment && mode != Mode::Manual)
        return {};
    for (const QUrl *url : {&httpsProxy, &httpProxy}) {
        if (url->isEmpty())
            continue;
        const QString scheme = url->scheme().toLower();
        const QString where = source.isEmpty() ? QString() : u" ("_s + source + u')';
        if (!url->isValid() || url->host().isEmpty()) {
            //: %1 the proxy URL (without its password), %2 where it was set, e.g. " (HTTPS_PROXY)"
            return QCoreApplication::translate(
                       "ProxySettings",
                       "The proxy \"%1\"%2 is not a URL with a host, such as http://proxy.example.com:3128.")
                .arg(url->isValid() ? displayUrl(*url) : url->toString(QUrl::RemoveUserInfo), where);
        }
        if (scheme == u"https"_s) {
            return QCoreApplication::translate(
                       "ProxySettings",
                       "The proxy \"%1\"%2 is reached over https, which SessionScope cannot do; use "
                       "http://, through which https requests are still encrypted end to end.")
                .arg(displayUrl(*url), where);
        }
        if (scheme != u"http"_s && scheme != u"socks5"_s && scheme != u"socks5h"_s) {
            return QCoreApplication::translate(
                       "ProxySettings",
                       "The proxy \"%1\"%2 has the scheme \"%3\"; SessionScope speaks to http:// and "
                       "socks5:// proxies.")
                .arg(displayUrl(*url), where, scheme);
        }
    }
    return {};
}

QString ProxySettings::displayUrl(const QUrl &proxy)
{
    if (proxy.isEmpty())
        return {};
    QString text = proxy.scheme().toLower() + u"://"_s;
    const QString user = proxy.userName(QUrl::FullyDecoded);
    if (!user.isEmpty() || !proxy.password().isEmpty())
        text += user + (proxy.password().isEmpty() ? QString() : u":***"_s) + u'@';
    const QString host = proxy.host(QUrl::FullyDecoded);
    text += host.contains(u':') ? u'[' + host + u']' : host;
    if (proxy.port() >= 0)
        text += u':' + QString::number(proxy.port());
    return text;
}

QString ProxySettings::hostAndPort(const QNetworkProxy &proxy)
{
    const QString host = proxy.hostName();
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(proxy.port());
}

QString ProxySettings::displayUrl() const
{
    switch (mode) {
    case Mode::None:
        return QCoreApplication::translate("ProxySettings", "none");
    case Mode::System:
        return QCoreApplication::translate("ProxySettings", "the system's proxy settings");
    case Mode::Environment:
    case Mode::Manual:
        break;
    }
    if (httpsProxy.isEmpty() && httpProxy.isEmpty())
        return QCoreApplication::translate("ProxySettings", "none");
    QString text;
    if (httpsProxy == httpProxy) {
        text = displayUrl(httpsProxy);
    } else {
        const QString direct = QCoreApplication::translate("ProxySettings", "direct");
        //: %1 the proxy of https requests, %2 the one of http requests (a URL or "direct")
        text = QCoreApplication::translate("ProxySettings", "https: %1, http: %2")
                   .arg(httpsProxy.isEmpty() ? direct : displayUrl(httpsProxy),
                        httpProxy.isEmpty() ? direct : displayUrl(httpProxy));
    }
    if (!noProxy.isEmpty())
        //: %1 the NO_PROXY entries, comma-separated
        text += QCoreApplication::translate("ProxySettings", "; not for: %1").arg(noProxy.join(u", "_s));
    return text;
}
