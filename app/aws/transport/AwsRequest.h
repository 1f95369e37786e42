// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

/// An HTTP request to an AWS service, before and after signing. Every request SessionScope sends is
/// built as an AwsRequest, signed by SigV4Signer and sent by the transport; the emulator rebuilds one
/// from what it received to verify signatures.
struct AwsRequest
{
    QByteArray method = "GET";
    /// scheme://host[:port] of the service; its path and query are ignored.
    QUrl endpoint;
    /// The path exactly as it goes on the wire, already percent-encoded, starting with '/'.
    /// Build it with appendPathSegment() so reserved and non-ASCII characters are encoded.
    QByteArray encodedPath = "/";
    /// Query parameters, decoded (UTF-8 text). Order does not matter: the wire form is sorted.
    QList<QPair<QString, QString>> query;
    /// Header names as given (compared case-insensitively), values as given.
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /// Appends "/" + the RFC 3986 percent-encoding of `segment` (UTF-8) to encodedPath.
    void appendPathSegment(const QString &segment);
    void addQueryItem(const QString &key, const QString &value) { query.append({key, value}); }
    /// Replaces any header of that name (case-insensitive) with this one, in the place of the first;
    /// appends it when there is none.
    void setHeader(const QByteArray &name, const QByteArray &value);
    /// The value of the first header of that name (case-insensitive), or a null QByteArray when there is
    /// none (a present header with an empty value gives an empty, non-null one).
    QByteArray header(const QByteArray &name) const;
    void removeHeader(const QByteArray &name);

    /// The value for the Host header: host, plus ":port" when the port is not the scheme's default.
    QByteArray hostHeader() const;
    /// The full URL to send: endpoint + encodedPath + "?" + the canonical (RFC 3986, sorted) query.
    /// Built without QUrlQuery, whose encoding leaves '+' and '/' raw.
    QUrl url() const;
};
