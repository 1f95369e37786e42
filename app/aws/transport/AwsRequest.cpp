// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/AwsRequest.h"

#include "aws/signing/SigV4Signer.h"

#include <algorithm>

void AwsRequest::appendPathSegment(const QString &segment)
{
    if (!encodedPath.endsWith('/'))
        encodedPath.append('/');
    encodedPath.append(SigV4Signer::uriEncode(segment.toUtf8()));
}

void AwsRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    // Replace in place, so a re-signed request keeps its header order; drop any repeats.
    const auto same = [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; };
    const auto first = std::find_if(headers.begin(), headers.end(), same);
    if (first == headers.end()) {
        headers.append({name, value});
        return;
    }
    *first = {name, value};
    headers.erase(std::remove_if(first + 1, headers.end(), same), headers.end());
}

QByteArray AwsRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second.isNull() ? QByteArray("") : h.second; // present, so never null
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
    // Only http and https have a default port that the Host header leaves out (as botocore).
    const int port = endpoint.port();
    const QString scheme = endpoint.scheme().toLower();
    const int defaultPort = scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1;
    if (port != -1 && port != defaultPort)
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
