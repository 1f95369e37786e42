// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/NetworkSettings.h"

#include "common/AppSettings.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {
// Qt's default port for an HTTP proxy without one.
constexpr int defaultProxyPort = 8080;

std::optional<int> storedTimeout(const AppSettings &settings, AppSettings::Key key)
{
    if (!settings.contains(key))
        return std::nullopt;
    const QVariant value = settings.value(key);
    if (!value.isValid() || value.toInt() < 0)
        return std::nullopt;
    return value.toInt();
}

void storeTimeout(AppSettings *settings, AppSettings::Key key, const std::optional<int> &milliseconds)
{
    if (milliseconds)
        settings->setValue(key, *milliseconds);
    else
        settings->remove(key);
}

QString storedUrl(const QUrl &url)
{
    return url.isEmpty() ? QString() : NetworkSettings::withoutPassword(url).toString(QUrl::FullyEncoded);
}
} // namespace

void NetworkSettings::read(const AppSettings &settings, ConnectionOptions *options)
{
    const std::optional<ProxySettings::Mode> mode =
        modeFromName(settings.value(AppSettings::Key::ProxyMode).toString());
    if (mode && *mode != ProxySettings::Mode::Environment) {
        ProxySettings proxy;
        proxy.mode = *mode;
        proxy.source = NetworkSettings::tr("connection settings");
        if (*mode == ProxySettings::Mode::Manual) {
            QString ignored;
            proxy.httpsProxy =
                parseProxyUrl(settings.value(AppSettings::Key::ProxyHttpsUrl).toString(), &ignored)
                    .value_or(QUrl());
            proxy.httpProxy =
                parseProxyUrl(settings.value(AppSettings::Key::ProxyHttpUrl).toString(), &ignored)
                    .value_or(QUrl());
            proxy.noProxy = splitNoProxy(settings.value(AppSettings::Key::ProxyNoProxy).toString());
        }
        options->proxy = proxy;
    } else {
        options->proxy.reset();
    }
    options->caBundle = settings.value(AppSettings::Key::CaBundle).toString();
    options->connectTimeoutMs = storedTimeout(settings, AppSettings::Key::ConnectTimeoutMs);
    options->readTimeoutMs = storedTimeout(settings, AppSettings::Key::ReadTimeoutMs);
}

QList<ProxyCredentials> NetworkSettings::write(AppSettings *settings, const ConnectionOptions &options)
{
    QList<ProxyCredentials> secrets;
    const ProxySettings proxy = options.proxy.value_or(ProxySettings{});
    settings->setValue(AppSettings::Key::ProxyMode, modeName(proxy.mode));
    if (proxy.mode == ProxySettings::Mode::Manual) {
        settings->setValue(AppSettings::Key::ProxyHttpsUrl, storedUrl(proxy.httpsProxy));
        settings->setValue(AppSettings::Key::ProxyHttpUrl, storedUrl(proxy.httpProxy));
        settings->setValue(AppSettings::Key::ProxyNoProxy, proxy.noProxy.join(u","_s));
        for (const QUrl &url : {proxy.httpsProxy, proxy.httpProxy}) {
            if (const std::optional<ProxyCredentials> c = credentialsOf(url); c && !c->password.isEmpty())
                secrets.append(*c);
        }
    }
    // The manual proxies of an earlier choice stay, so switching back to "manual" finds them again.
    if (options.caBundle.isEmpty())
        settings->remove(AppSettings::Key::CaBundle);
    else
        settings->setValue(AppSettings::Key::CaBundle, options.caBundle);
    storeTimeout(settings, AppSettings::Key::ConnectTimeoutMs, options.connectTimeoutMs);
    storeTimeout(settings, AppSettings::Key::ReadTimeoutMs, options.readTimeoutMs);
    return secrets;
}

QString NetworkSettings::modeName(ProxySettings::Mode mode)
{
    switch (mode) {
    case ProxySettings::Mode::Environment:
        break;
    case ProxySettings::Mode::System:
        return u"system"_s;
    case ProxySettings::Mode::None:
        return u"none"_s;
    case ProxySettings::Mode::Manual:
        return u"manual"_s;
    }
    return u"environment"_s;
}

std::optional<ProxySettings::Mode> NetworkSettings::modeFromName(const QString &name)
{
    if (name == u"environment")
        return ProxySettings::Mode::Environment;
    if (name == u"system")
        return ProxySettings::Mode::System;
    if (name == u"none")
        return ProxySettings::Mode::None;
    if (name == u"manual")
        return ProxySettings::Mode::Manual;
    return std::nullopt;
}

std::optional<QUrl> NetworkSettings::parseProxyUrl(const QString &text, QString *problem)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QUrl();
    // botocore's rule: a proxy without a scheme is an http:// one.
    QString withScheme = trimmed;
    if (trimmed.startsWith(u"//"))
        withScheme = u"http:"_s + trimmed;
    else if (!trimmed.contains(u"://"))
        withScheme = u"http://"_s + trimmed;
    const QUrl url(withScheme, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        // Not echoed: the text may hold a password.
        *problem = tr("this is not a proxy URL; write it as http://host:port.");
        return std::nullopt;
    }
    if (scheme != u"http" && scheme != u"https") {
        *problem = tr("proxies are reached over http:// or https://, not %1://.").arg(scheme);
        return std::nullopt;
    }
    if (!url.path().isEmpty() && url.path() != u"/") {
        *problem = tr("a proxy URL has no path; write it as http://host:port.");
        return std::nullopt;
    }
    if (url.hasQuery() || url.hasFragment()) {
        *problem = tr("a proxy URL has no query or fragment; write it as http://host:port.");
        return std::nullopt;
    }
    QUrl clean = url;
    clean.setPath(QString());
    return clean;
}

QUrl NetworkSettings::withoutPassword(const QUrl &url)
{
    QUrl out = url;
    out.setPassword(QString());
    return out;
}

std::optional<ProxyCredentials> NetworkSettings::credentialsOf(const QUrl &url)
{
    if (url.isEmpty() || url.userName().isEmpty())
        return std::nullopt;
    ProxyCredentials c;
    c.host = url.host();
    c.port = url.port(defaultProxyPort);
    c.user = url.userName();
    c.password = url.password();
    return c;
}

QStringList NetworkSettings::splitNoProxy(const QString &text)
{
    static const QRegularExpression separators(u"[,\\s]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

bool NetworkSettings::parseTimeout(const QString &text, std::optional<int> *milliseconds, QString *problem)
{
    milliseconds->reset();
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return true;
    bool ok = false;
    // Both "2.5" and the user's own decimal separator ("2,5").
    double seconds = trimmed.toDouble(&ok);
    if (!ok)
        seconds = QLocale().toDouble(trimmed, &ok);
    if (!ok || !std::isfinite(seconds)) {
        *problem = tr("“%1” is not a number of seconds.").arg(trimmed);
        return false;
    }
    if (seconds < 0) {
        *problem = tr("a timeout cannot be negative (0 means no limit).");
        return false;
    }
    if (seconds * 1000 > double(std::numeric_limits<int>::max())) {
        *problem = tr("%1 seconds is too long; write 0 for no limit.").arg(trimmed);
        return false;
    }
    *milliseconds = int(std::lround(seconds * 1000));
    return true;
}

QString NetworkSettings::timeoutText(const std::optional<int> &milliseconds)
{
    if (!milliseconds)
        return {};
    return QString::number(double(*milliseconds) / 1000.0, 'g', 10);
}
