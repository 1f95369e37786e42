// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/signing/SigV4Signer.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

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

// The code points Python's str.isspace() accepts: botocore trims and collapses header values with
// ' '.join(value.split()), so these are the characters that separate words in a canonical header value.
bool isPythonSpace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

// Decodes the code point starting at value[i] of valid UTF-8 and returns its length in bytes.
qsizetype decodeUtf8(QByteArrayView value, qsizetype i, char32_t &codePoint)
{
    const auto lead = static_cast<unsigned char>(value[i]);
    const qsizetype length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    codePoint = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (qsizetype k = 1; k < length; ++k)
        codePoint = (codePoint << 6) | (static_cast<unsigned char>(value[i + k]) & 0x3F);
    return length;
}

// Trims a header value and collapses inner runs of whitespace to one space, as botocore does. A value
// that is valid UTF-8 is read as text, so U+00A0, U+3000 ... separate words as they do in Python; any
// other value is read byte by byte, with only the ASCII members of that set.
QByteArray collapseWhitespace(const QByteArray &value)
{
    const bool utf8 = QByteArrayView(value).isValidUtf8();
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (qsizetype i = 0; i < value.size();) {
        char32_t codePoint = static_cast<unsigned char>(value[i]);
        const qsizetype length = utf8 ? decodeUtf8(value, i, codePoint) : 1;
        if (isPythonSpace(codePoint) && (utf8 || codePoint < 0x80)) {
            pendingSpace = true;
        } else {
            if (pendingSpace && !out.isEmpty())
                out.append(' ');
            pendingSpace = false;
            out.append(value.constData() + i, length);
        }
        i += length;
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
    // botocore's list of hop-by-hop and proxy-rewritten headers, plus authorization, which carries the
    // signature itself.
    static const QList<QByteArray> unsigned_ = {"authorization",
                                                "connection",
                                                "expect",
                                                "keep-alive",
                                                "proxy-authenticate",
                                                "proxy-authorization",
                                                "te",
                                                "trailer",
                                                "transfer-encoding",
                                                "upgrade",
                                                "user-agent",
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

QByteArray SigV4Signer::payloadHash(const AwsRequest &request)
{
    const QByteArray declared = request.header("x-amz-content-sha256");
    if (!declared.isNull())
        return declared;
    return sha256Hex(request.body);
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    // Without a date formatter for four-digit years (every real one): this runs for every request.
    if (date.year() < 1000 || date.year() > 9999)
        return utc.toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
    char text[17];
    std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d%02dZ", date.year(), date.month(), date.day(),
                  clock.hour(), clock.minute(), clock.second());
    return QByteArray(text, 16);
}

QDateTime SigV4Signer::parseAmzDate(QByteArrayView text)
{
    // By hand: QDateTime::fromString would go through local time, and this runs for every request.
    if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z')
        return {};
    int fields[6] = {};
    const int starts[6] = {0, 4, 6, 9, 11, 13};
    const int lengths[6] = {4, 2, 2, 2, 2, 2};
    for (int f = 0; f < 6; ++f) {
        for (int i = starts[f]; i < starts[f] + lengths[f]; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return {};
            fields[f] = fields[f] * 10 + (text[i] - '0');
        }
    }
    const QDate day(fields[0], fields[1], fields[2]);
    const QTime time(fields[3], fields[4], fields[5]);
    if (!day.isValid() || !time.isValid())
        return {};
    return QDateTime(day, time, QTimeZone::utc());
}

bool SigV4Signer::signaturesEqual(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray SigV4Signer::requestTimestamp(const AwsRequest &request)
{
    const QByteArray amzDate = request.header("x-amz-date");
    if (!amzDate.isNull()) {
        const bool shaped = amzDate.size() == 16 && amzDate[8] == 'T' && amzDate[15] == 'Z';
        // The usual case, every request: plain digits, checked without a date parser.
        if (parseAmzDate(amzDate).isValid())
            return amzDate;
        const QDate day = QDate::fromString(QString::fromLatin1(amzDate.left(8)), u"yyyyMMdd"_s);
        const QTime time = QTime::fromString(QString::fromLatin1(amzDate.mid(9, 6)), u"HHmmss"_s);
        return shaped && day.isValid() && time.isValid() ? amzDate : QByteArray();
    }
    QString date = QString::fromLatin1(request.header("date")).trimmed();
    // HTTP dates end in "GMT", which Qt's RFC 2822 parser does not accept; it means +0000.
    if (date.endsWith(u" GMT"_s) || date.endsWith(u" UTC"_s))
        date = date.chopped(3) + u"+0000"_s;
    const QDateTime parsed = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!parsed.isValid())
        return {};
    return parsed.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
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
    // The cache key identifies the secret by a digest, so the secret itself is never stored twice. Each
    // part is length-prefixed: region "a/b" with service "c" must not share a key with "a" and "b/c".
    QByteArray cacheKey =
        QCryptographicHash::hash("sessionscope-signing-key-cache:" + secret, QCryptographicHash::Sha256);
    for (const QByteArray &part : {date, region.toUtf8(), service.toUtf8()})
        cacheKey += QByteArray::number(part.size()) + ':' + part;
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

QByteArray SigV4Signer::signature(const AwsRequest &request, const QList<QByteArray> &signedHeaders,
                                  const QString &secretAccessKey, const QString &region,
                                  const QString &service) const
{
    const QByteArray timestamp = requestTimestamp(request);
    const QByteArray date = timestamp.left(8);
    const QByteArray scope = credentialScope(date, region, service);
    const QByteArray canonical = canonicalRequest(request, signedHeaders, payloadHash(request));
    const QByteArray toSign = stringToSign(timestamp, scope, canonical);
    return hmac(signingKey(secretAccessKey, date, region, service), toSign).toHex();
}

QByteArray SigV4Signer::authorization(const AwsRequest &request, const QList<QByteArray> &signedHeaders,
                                      const QString &accessKeyId, const QString &secretAccessKey,
                                      const QString &region, const QString &service) const
{
    const QByteArray scope = credentialScope(requestTimestamp(request).left(8), region, service);
    return "AWS4-HMAC-SHA256 Credential=" + accessKeyId.toUtf8() + '/' + scope +
           ", SignedHeaders=" + signedHeaders.join(';') +
           ", Signature=" + signature(request, signedHeaders, secretAccessKey, region, service);
}

void SigV4Signer::sign(AwsRequest &request, const AwsCredentials &credentials, const QString &region,
                       const QString &service, const QDateTime &now) const
{
    request.removeHeader("authorization");
    if (request.header("host").isNull())
        request.setHeader("Host", request.hostHeader());
    // Whole seconds: the timestamp is signed in that precision, so a Date header must say the same.
    const QDateTime utc = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    if (request.header("date").isNull()) {
        request.setHeader("X-Amz-Date", amzDate(utc));
    } else {
        // As botocore: a request that carries a Date header is dated by it (rewritten to now) alone.
        request.setHeader("Date",
                          QLocale::c().toString(utc, u"ddd, dd MMM yyyy HH:mm:ss '-0000'"_s).toLatin1());
        request.removeHeader("x-amz-date");
    }
    if (credentials.sessionToken.isEmpty())
        request.removeHeader("x-amz-security-token");
    else
        request.setHeader("X-Amz-Security-Token", credentials.sessionToken.toUtf8());
    const QList<QByteArray> signedHeaders = headersToSign(request);
    request.setHeader("Authorization", authorization(request, signedHeaders, credentials.accessKeyId,
                                                     credentials.secretAccessKey, region, service));
}
