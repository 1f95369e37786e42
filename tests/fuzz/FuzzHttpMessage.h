// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

/// An HTTP/1.1 message as the structured fuzz targets read their input, so that seed files can be written
/// by hand: a start line ("GET /portals?maxResults=5 HTTP/1.1" or "429"), header lines, a blank line,
/// then the body. Lines end in LF or CRLF. A header line is "Name: value" (value trimmed); a line without
/// ':' is kept as a name with a null value (targets use such lines as switches, or drop them as the
/// HTTP layer would). With a valid Content-Length the body is that many bytes and another message may
/// follow (a pipelined stream); otherwise the body runs to the end of the input.
struct FuzzHttpMessage
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    QByteArray startLine;
    Headers headers;
    QByteArray body;

    /// Up to `maxMessages` messages from the start of `input`.
    static QList<FuzzHttpMessage> parseAll(QByteArrayView input, int maxMessages);

    /// The first header of that name (case-insensitive), null when absent.
    QByteArray header(QByteArrayView name) const;
    /// True for an RFC 9110 token (the characters an HTTP header name or method may have).
    static bool isToken(QByteArrayView text);
};
