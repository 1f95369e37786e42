// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/SessionWriter.h"

/// CSV as RFC 4180 describes it: UTF-8 (optionally with a byte order mark), CRLF after every record,
/// a header record of the column names. A field is quoted when it contains a comma, a double quote,
/// CR or LF, or starts or ends with a space or tab; quotes inside are doubled. See
/// ExportOptions::spreadsheetSafe for formula neutralisation.
class CsvSessionWriter : public SessionWriter
{
public:
    explicit CsvSessionWriter(const ExportOptions &options);

    /// One field as it appears in the file (quoted when needed, neutralised when `spreadsheetSafe`).
    static QString encodeField(const QString &text, bool spreadsheetSafe);

protected:
    QByteArray encodeBegin() override;
    QByteArray encodeRow(const ExportRow &row) override;
    QByteArray encodeFinish() override;
};
