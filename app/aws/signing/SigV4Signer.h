// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/AwsCredentials.h"
#include "aws/transport/AwsRequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

/// AWS Signature Version 4 for REST-JSON services (not S3: paths are normalised and encoded again).
/// The one signer of SessionScope: every request the clients send and every request the emulator
/// verifies goes through it. Thread-safe.
class SigV4Signer
{
public:
    /// Percent-encodes every byte outside the RFC 3986 unreserved set (A-Z a-z 0-9 - . _ ~) as %XX with
    /// upper-case hex. With keepSlash, '/' stays as it is (for paths).
    static QByteArray uriEncode(QByteArrayView bytes, bool keepSlash = false);

    /// The canonical URI of a non-S3 service: `encodedPath` with dot segments removed and empty segments
    /// collapsed, then uriEncode()d again with '/' kept ("double encoding"); "/" when empty.
    static QByteArray canonicalUri(const QByteArray &encodedPath);

    /// The canonical query string: each key and value (UTF-8) uriEncode()d, pairs sorted by encoded key
    /// then encoded value, joined as k=v with '&'. Also the wire form of the query.
    static QByteArray canonicalQueryString(const QList<QPair<QString, QString>> &query);

    /// Lower-case names of the headers that sign() signs for this request, sorted: every header present
    /// except authorization and botocore's unsigned ones (connection, expect, keep-alive,
    /// proxy-authenticate, proxy-authorization, te, trailer, transfer-encoding, upgrade, user-agent,
    /// x-amzn-trace-id).
    static QList<QByteArray> headersToSign(const AwsRequest &request);

    /// The canonical request for the named headers (lower-case, sorted). Header values are trimmed and
    /// inner runs of whitespace collapsed to one space (Python's `' '.join(v.split())` on UTF-8 text);
    /// repeated headers are joined with ',' in request order. payloadHash as from payloadHash().
    static QByteArray canonicalRequest(const AwsRequest &request, const QList<QByteArray> &signedHeaders,
                                       const QByteArray &payloadHash);

    /// The payload hash of the canonical request: the value of an X-Amz-Content-SHA256 header when the
    /// request has one (as botocore), otherwise the lower-case hex SHA-256 of the body.
    static QByteArray payloadHash(const AwsRequest &request);

    /// The signing time of a request as "yyyyMMddTHHmmssZ": its X-Amz-Date header, or, without one, its
    /// Date header (RFC 2822 / HTTP date) converted. Null when absent or malformed.
    static QByteArray requestTimestamp(const AwsRequest &request);

    /// "yyyyMMddTHHmmssZ" (the X-Amz-Date form) of an instant, in UTC, whole seconds.
    static QByteArray amzDate(const QDateTime &time);
    /// The instant an X-Amz-Date names, strictly: 16 characters "yyyyMMddTHHmmssZ", plain digits, a real
    /// day and time. Invalid for anything else.
    static QDateTime parseAmzDate(QByteArrayView text);

    /// "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonicalRequest)).
    static QByteArray stringToSign(const QByteArray &amzDate, const QByteArray &scope,
                                   const QByteArray &canonicalRequest);

    /// "yyyyMMdd/region/service/aws4_request".
    static QByteArray credentialScope(const QByteArray &date, const QString &region, const QString &service);

    /// Compares two signatures (or any MACs) in time that does not depend on where they differ.
    static bool signaturesEqual(QByteArrayView a, QByteArrayView b);

    /// The derived signing key. Cached per (secret, date, region, service); the cache holds a keyed hash
    /// of the secret, never the secret itself.
    QByteArray signingKey(const QString &secretAccessKey, const QByteArray &date, const QString &region,
                          const QString &service) const;

    /// Signs in place: sets Host (when absent), X-Amz-Date (from `now`, UTC, whole seconds) and
    /// X-Amz-Security-Token (when the credentials have a session token; otherwise any such header is
    /// removed), then Authorization. An existing Authorization header is replaced. As botocore, a request
    /// that already carries a Date header keeps no X-Amz-Date: its Date is rewritten to `now`
    /// ("Sun, 30 Aug 2015 12:36:00 -0000") and signed instead.
    void sign(AwsRequest &request, const AwsCredentials &credentials, const QString &region,
              const QString &service, const QDateTime &now) const;

    /// The lower-case hex signature of a request whose X-Amz-Date (or Date) and other headers are already
    /// in place, for the named headers: what the emulator's verification compares with the client's.
    QByteArray signature(const AwsRequest &request, const QList<QByteArray> &signedHeaders,
                         const QString &secretAccessKey, const QString &region, const QString &service) const;

    /// The Authorization header value sign() would set for a request whose X-Amz-Date (or Date) and other
    /// headers are already in place.
    QByteArray authorization(const AwsRequest &request, const QList<QByteArray> &signedHeaders,
                             const QString &accessKeyId, const QString &secretAccessKey,
                             const QString &region, const QString &service) const;

private:
    mutable QMutex m_mutex;
    mutable QHash<QByteArray, QByteArray> m_keyCache;
};
