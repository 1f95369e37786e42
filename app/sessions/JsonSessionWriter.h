// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/SessionWriter.h"

/// A JSON array of session objects, one object per line:
///
///     [
///     {"sessionId":"…","username":"…",…},
///     {"sessionId":"…",…}
///     ]
///
/// Keys are the API's field names in the order of ExportOptions::columns; absent values are omitted
/// (an active session has no "endTime", as in ListSessions' own answer). An empty export is "[]".
class JsonSessionWriter : public SessionWriter
{
public:
    explicit JsonSessionWriter(const ExportOptions &options);

    /// A JSON string literal, quotes included. Escapes what RFC 8259 requires plus U+2028, U+2029
    /// and unpaired surrogates, so any QString round-trips exactly.
    static void appendString(QString &out, const QString &text);

protected:
    /// appendString() of `text`, as UTF-8 onto `out`.
    static void appendUtf8(QByteArray &out, const QString &text);
    /// One row as a compact JSON object without a line break (the JSON Lines writer's line, too).
    QByteArray encodeObject(const ExportRow &row) const;

    QByteArray encodeBegin() override;
    QByteArray encodeRow(const ExportRow &row) override;
    QByteArray encodeFinish() override;

private:
    QList<QByteArray> m_keys; // "\"name\":" of each column, by ExportColumn
};
