// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The signer's canonicalisation (SigV4Signer::canonicalUri, canonicalQueryString, headersToSign,
// canonicalRequest) and signing on arbitrary requests. Input: a request as FuzzHttpMessage reads it
// ("METHOD /raw/path?k=v&k2 HTTP/1.1", headers, body); the path is taken as raw bytes, the query is
// percent-decoded into text. Checks the canonical forms' shape, that the query's encoding is lossless,
// that AwsRequest::url() carries exactly the canonical query, and that a signed request verifies with the
// emulator's SignatureVerifier (the signer and the verifier agree) and signs the same way twice.
#include "FuzzHttpMessage.h"
#include "FuzzSupport.h"

#include "aws/signing/SigV4Signer.h"
#include "emulator/EmulatorConfig.h"
#include "emulator/SignatureVerifier.h"

#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Query = QList<QPair<QString, QString>>;

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

bool isUpperHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

// Only unreserved characters, characters from `extra`, and %XX with upper-case hex digits.
bool isCanonicallyEncoded(QByteArrayView text, QByteArrayView extra)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size() || !isUpperHex(text[i + 1]) || !isUpperHex(text[i + 2]))
                return false;
            i += 2;
        } else if (!isUnreserved(c) && extra.indexOf(c) < 0) {
            return false;
        }
    }
    return true;
}

QString decodeQueryPart(const QByteArray &part)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}

Query queryFrom(const QByteArray &raw)
{
    Query query;
    if (raw.isNull())
        return query;
    const QList<QByteArray> pairs = raw.split('&');
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        query.append({decodeQueryPart(eq < 0 ? pair : pair.left(eq)),
                      eq < 0 ? QString() : decodeQueryPart(pair.mid(eq + 1))});
    }
    return query;
}

void checkUri(const QByteArray &encodedPath)
{
    const QByteArray uri = SigV4Signer::canonicalUri(encodedPath);
    FUZZ_CHECK(uri.startsWith('/'), QString::fromLatin1(uri));
    FUZZ_CHECK(isCanonicallyEncoded(uri, "/"), QString::fromLatin1(uri));
    const QList<QByteArray> segments = uri.split('/');
    for (qsizetype i = 1; i < segments.size(); ++i) {
        const QByteArray &segment = segments.at(i);
        const bool last = i == segments.size() - 1;
        FUZZ_CHECK(!segment.isEmpty() || last, u"an empty segment in %1"_s.arg(QString::fromLatin1(uri)));
        FUZZ_CHECK(segment != "." && segment != "..", QString::fromLatin1(uri));
    }
    // Encoding with '/' kept is lossless.
    const QByteArray encoded = SigV4Signer::uriEncode(encodedPath, true);
    FUZZ_CHECK(QByteArray::fromPercentEncoding(encoded) == encodedPath, QString::fromLatin1(encoded));
}

void checkQuery(const Query &query)
{
    const QByteArray canonical = SigV4Signer::canonicalQueryString(query);
    FUZZ_CHECK(isCanonicallyEncoded(canonical, "=&"), QString::fromLatin1(canonical));
    if (query.isEmpty()) {
        FUZZ_CHECK(canonical.isEmpty(), QString::fromLatin1(canonical));
        return;
    }
    const QList<QByteArray> pairs = canonical.split('&');
    FUZZ_CHECK(pairs.size() == query.size(), QString::fromLatin1(canonical));
    FUZZ_CHECK(std::is_sorted(pairs.begin(), pairs.end(),
                              [](const QByteArray &a, const QByteArray &b) {
                                  const qsizetype ea = a.indexOf('='), eb = b.indexOf('=');
                                  return std::pair(a.left(ea), a.mid(ea + 1)) <
                                         std::pair(b.left(eb), b.mid(eb + 1));
                              }),
               QString::fromLatin1(canonical));
    // Every pair decodes back to one of the items (as UTF-8: unpaired surrogates are not text).
    QList<QPair<QByteArray, QByteArray>> expected, decoded;
    for (const auto &item : query)
        expected.append({item.first.toUtf8(), item.second.toUtf8()});
    for (const QByteArray &pair : pairs) {
        const QList<QByteArray> parts = pair.split('=');
        FUZZ_CHECK(parts.size() == 2, QString::fromLatin1(pair));
        decoded.append(
            {QByteArray::fromPercentEncoding(parts[0]), QByteArray::fromPercentEncoding(parts[1])});
    }
    std::sort(expected.begin(), expected.end());
    std::sort(decoded.begin(), decoded.end());
    FUZZ_CHECK(expected == decoded, QString::fromLatin1(canonical));
}

AwsRequest requestFrom(const FuzzHttpMessage &message)
{
    const QList<QByteArray> words = message.startLine.split(' ');
    const QByteArray target = words.value(1, "/");
    const qsizetype question = target.indexOf('?');
    AwsRequest request;
    request.method = words.value(0);
    request.endpoint = QUrl(u"https://workspaces-web.us-east-1.amazonaws.com"_s);
    request.encodedPath = question < 0 ? target : target.left(question);
    request.query = queryFrom(question < 0 ? QByteArray() : target.mid(question + 1));
    for (const auto &header : message.headers) {
        if (!header.second.isNull())
            request.headers.append(header);
    }
    request.body = message.body;
    return request;
}

void checkCanonicalRequest(const AwsRequest &request)
{
    const QList<QByteArray> names = SigV4Signer::headersToSign(request);
    for (qsizetype i = 0; i < names.size(); ++i) {
        FUZZ_CHECK(names[i] == names[i].toLower(), QString::fromLatin1(names[i]));
        FUZZ_CHECK(i == 0 || names[i - 1] < names[i], u"names not sorted or repeated"_s);
        FUZZ_CHECK(names[i] != "authorization" && names[i] != "user-agent", QString::fromLatin1(names[i]));
    }
    const QByteArray payloadHash = SigV4Signer::payloadHash(request);
    if (request.header("x-amz-content-sha256").isNull())
        FUZZ_CHECK(payloadHash.size() == 64 && payloadHash == payloadHash.toLower(),
                   QString::fromLatin1(payloadHash));
    const QByteArray canonical = SigV4Signer::canonicalRequest(request, names, payloadHash);
    // method, URI, query, one line per header, an empty line, signed headers, payload hash.
    const QList<QByteArray> lines = canonical.split('\n');
    if (!request.method.contains('\n') && !payloadHash.contains('\n')) {
        bool namesPlain = true;
        for (const QByteArray &name : names)
            namesPlain = namesPlain && !name.contains('\n');
        if (namesPlain) {
            FUZZ_CHECK(lines.size() == names.size() + 6, QString::fromUtf8(canonical));
            FUZZ_CHECK(lines[1] == SigV4Signer::canonicalUri(request.encodedPath),
                       QString::fromUtf8(canonical));
            FUZZ_CHECK(lines[2] == SigV4Signer::canonicalQueryString(request.query),
                       QString::fromUtf8(canonical));
            for (qsizetype i = 0; i < names.size(); ++i)
                FUZZ_CHECK(lines[3 + i].startsWith(names[i] + ':'), QString::fromUtf8(lines[3 + i]));
            FUZZ_CHECK(lines[3 + names.size()].isEmpty(), QString::fromUtf8(canonical));
        }
    }
    const QByteArray timestamp = SigV4Signer::requestTimestamp(request);
    FUZZ_CHECK(timestamp.isNull() || (timestamp.size() == 16 && timestamp[8] == 'T' && timestamp[15] == 'Z'),
               QString::fromLatin1(timestamp));
}

// A request built the supported way (appendPathSegment, decoded query) has a URL that carries exactly
// its path and canonical query.
void checkUrl(const AwsRequest &fuzzed)
{
    AwsRequest request;
    request.endpoint = fuzzed.endpoint;
    request.encodedPath.clear();
    const QList<QByteArray> segments = fuzzed.encodedPath.split('/');
    for (const QByteArray &segment : segments)
        request.appendPathSegment(QString::fromUtf8(QByteArray::fromPercentEncoding(segment)));
    request.query = fuzzed.query;
    const QUrl url = request.url();
    FUZZ_CHECK(url.isValid(), url.errorString());
    FUZZ_CHECK(url.path(QUrl::FullyEncoded).toUtf8() == request.encodedPath,
               url.path(QUrl::FullyEncoded) + u" != "_s + QString::fromLatin1(request.encodedPath));
    FUZZ_CHECK(url.query(QUrl::FullyEncoded).toUtf8() == SigV4Signer::canonicalQueryString(request.query),
               url.query(QUrl::FullyEncoded));
}

void checkSignature(AwsRequest request)
{
    // The verifier accepts what real HTTP can carry: token header names, X-Amz-Date rather than Date.
    for (const auto &header : std::as_const(request.headers)) {
        if (!FuzzHttpMessage::isToken(header.first) || header.first.compare("date", Qt::CaseInsensitive) == 0)
            return;
    }
    static const SigV4Signer signer;
    static const SignatureVerifier verifier({EmulatorConfig::demoCredentials()}, u"us-east-1"_s);
    const QDateTime now(QDate(2026, 3, 1), QTime(12, 0, 7), QTimeZone::utc());
    signer.sign(request, EmulatorConfig::demoCredentials(), u"us-east-1"_s, u"workspaces-web"_s, now);
    const QByteArray authorization = request.header("authorization");
    const AwsResult<AwsCredentials> verified = verifier.verify(request, u"workspaces-web"_s, now);
    FUZZ_CHECK(verified.ok(), verified.error().message());
    signer.sign(request, EmulatorConfig::demoCredentials(), u"us-east-1"_s, u"workspaces-web"_s, now);
    FUZZ_CHECK(request.header("authorization") == authorization, u"signing twice differs"_s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<FuzzHttpMessage> messages = FuzzHttpMessage::parseAll(FuzzSupport::bytes(data, size), 1);
    if (messages.isEmpty())
        return 0;
    const AwsRequest request = requestFrom(messages.first());
    checkUri(request.encodedPath);
    checkQuery(request.query);
    checkCanonicalRequest(request);
    checkUrl(request);
    checkSignature(request);
    return 0;
}
