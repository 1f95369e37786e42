// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/AwsRequest.h"

#include "aws/SigV4Signer.h"

void AwsRequest::appendPathSegment(const QString &segment)
{
    if (!encodedPath.endsWith('/'))
        encodedPath.append('/');
    encodedPath.append(SigV4Signer::uriEncode(segment.toUtf8()));
}

void AwsRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    headers.append({name, value});
}

QByteArray AwsRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void AwsRequest::removeHeader(const QByteArray &name)
{
    headers.removeIf([&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray AwsRequest::hostHeader() const
{
    QByteArray host = endpoint.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':')) // IPv6 literal
        host = '[' + host + ']';
    const int port = endpoint.port();
    const bool https = endpoint.scheme().compare(u"https", Qt::CaseInsensitive) == 0;
    if (port != -1 && port != (https ? 443 : 80))
        host += ':' + QByteArray::number(port);
    return host;
}

QUrl AwsRequest::url() const
{
    QByteArray text = endpoint.scheme().toUtf8() + "://" + hostHeader() + encodedPath;
    const QByteArray queryString = SigV4Signer::canonicalQueryString(query);
    if (!queryString.isEmpty())
        text += '?' + queryString;
    return QUrl::fromEncoded(text, QUrl::StrictMode);
}
