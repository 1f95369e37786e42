// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/SigV4Signer.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>

#include <algorithm>

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

bool isSpace(char c)
{
    // The characters Python's str.split() and the AWS services treat as whitespace in header values.
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

QByteArray collapseWhitespace(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (const char c : value) {
        if (isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out.append(' ');
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

// Removes "." and ".." segments and collapses empty segments, keeping a trailing slash, as AWS services
// (other than S3) and the SDKs do before signing.
QByteArray normalizePath(const QByteArray &path)
{
    if (path.isEmpty())
        return "/";
    QList<QByteArray> kept;
    const QList<QByteArray> segments = path.split('/');
    for (const QByteArray &segment : segments) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    QByteArray out = '/' + kept.join('/');
    if (path.endsWith('/') && !kept.isEmpty())
        out.append('/');
    return out;
}

} // namespace

QByteArray SigV4Signer::uriEncode(QByteArrayView bytes, bool keepSlash)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out.append(c);
        } else {
            const auto u = static_cast<unsigned char>(c);
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xF]);
        }
    }
    return out;
}

QByteArray SigV4Signer::canonicalUri(const QByteArray &encodedPath)
{
    return uriEncode(normalizePath(encodedPath), true);
}

QByteArray SigV4Signer::canonicalQueryString(const QList<QPair<QString, QString>> &query)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(query.size());
    for (const auto &item : query)
        encoded.append({uriEncode(item.first.toUtf8()), uriEncode(item.second.toUtf8())});
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &item : std::as_const(encoded)) {
        if (!out.isEmpty())
            out.append('&');
        out.append(item.first);
        out.append('=');
        out.append(item.second);
    }
    return out;
}

QList<QByteArray> SigV4Signer::headersToSign(const AwsRequest &request)
{
    static const QList<QByteArray> unsigned_ = {"authorization", "user-agent", "expect", "transfer-encoding",
                                                "x-amzn-trace-id"};
    QList<QByteArray> names;
    for (const auto &h : request.headers) {
        const QByteArray name = h.first.toLower();
        if (!unsigned_.contains(name) && !names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

QByteArray SigV4Signer::canonicalRequest(const AwsRequest &request, const QList<QByteArray> &signedHeaders,
                                         const QByteArray &payloadHash)
{
    QByteArray out = request.method.toUpper();
    out += '\n';
    out += canonicalUri(request.encodedPath);
    out += '\n';
    out += canonicalQueryString(request.query);
    out += '\n';
    for (const QByteArray &name : signedHeaders) {
        QList<QByteArray> values;
        for (const auto &h : request.headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                values.append(collapseWhitespace(h.second));
        }
        out += name;
        out += ':';
        out += values.join(',');
        out += '\n';
    }
    out += '\n';
    out += signedHeaders.join(';');
    out += '\n';
    out += payloadHash;
    return out;
}

QByteArray SigV4Signer::stringToSign(const QByteArray &amzDate, const QByteArray &scope,
                                     const QByteArray &canonicalRequest)
{
    return "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest);
}

QByteArray SigV4Signer::credentialScope(const QByteArray &date, const QString &region, const QString &service)
{
    return date + '/' + region.toUtf8() + '/' + service.toUtf8() + "/aws4_request";
}

QByteArray SigV4Signer::signingKey(const QString &secretAccessKey, const QByteArray &date,
                                   const QString &region, const QString &service) const
{
    const QByteArray secret = secretAccessKey.toUtf8();
    // The cache key identifies the secret by a keyed digest, so the secret itself is never stored twice.
    const QByteArray cacheKey =
        QCryptographicHash::hash("sessionscope-signing-key-cache:" + secret, QCryptographicHash::Sha256) +
        '\n' + credentialScope(date, region, service);
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_keyCache.constFind(cacheKey);
        if (it != m_keyCache.constEnd())
            return it.value();
    }
    const QByteArray kDate = hmac("AWS4" + secret, date);
    const QByteArray kRegion = hmac(kDate, region.toUtf8());
    const QByteArray kService = hmac(kRegion, service.toUtf8());
    const QByteArray kSigning = hmac(kService, "aws4_request");
    QMutexLocker lock(&m_mutex);
    if (m_keyCache.size() > 64) // a key lives a day; a handful of scopes are in use at any time
        m_keyCache.clear();
    m_keyCache.insert(cacheKey, kSigning);
    return kSigning;
}

QByteArray SigV4Signer::authorization(const AwsRequest &request, const QList<QByteArray> &signedHeaders,
                                      const QString &accessKeyId, const QString &secretAccessKey,
                                      const QString &region, const QString &service) const
{
    const QByteArray amzDate = request.header("x-amz-date");
    const QByteArray date = amzDate.left(8);
    const QByteArray scope = credentialScope(date, region, service);
    const QByteArray canonical = canonicalRequest(request, signedHeaders, sha256Hex(request.body));
    const QByteArray toSign = stringToSign(amzDate, scope, canonical);
    const QByteArray signature = hmac(signingKey(secretAccessKey, date, region, service), toSign).toHex();
    return "AWS4-HMAC-SHA256 Credential=" + accessKeyId.toUtf8() + '/' + scope +
           ", SignedHeaders=" + signedHeaders.join(';') + ", Signature=" + signature;
}

void SigV4Signer::sign(AwsRequest &request, const AwsCredentials &credentials, const QString &region,
                       const QString &service, const QDateTime &now) const
{
    request.removeHeader("authorization");
    if (request.header("host").isNull())
        request.setHeader("Host", request.hostHeader());
    request.setHeader("X-Amz-Date", now.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'").toLatin1());
    if (credentials.sessionToken.isEmpty())
        request.removeHeader("x-amz-security-token");
    else
        request.setHeader("X-Amz-Security-Token", credentials.sessionToken.toUtf8());
    const QList<QByteArray> signedHeaders = headersToSign(request);
    request.setHeader("Authorization", authorization(request, signedHeaders, credentials.accessKeyId,
                                                     credentials.secretAccessKey, region, service));
}
