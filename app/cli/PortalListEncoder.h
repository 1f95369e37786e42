// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/ExportOptions.h"

#include <QByteArray>
#include <QList>

struct Portal;

/// `portals --format csv|json|jsonl`: the portal list in the encodings of the session export, so both
/// lists quote, escape and lay out alike. CSV fields go through CsvSessionWriter::encodeField (quoting,
/// and formula neutralisation when `spreadsheetSafe`), JSON strings through
/// JsonSessionWriter::appendString; `json` is an array with one object per line, `jsonl` one object per
/// line. Keys and CSV columns are the API's field names; absent values are omitted keys or empty cells.
class PortalListEncoder
{
public:
    static QByteArray encode(const QList<Portal> &portals, ExportFormat format, bool spreadsheetSafe);

    /// The CSV header record, CRLF included.
    static QByteArray csvHeader();
    /// One portal as a CSV record, CRLF included.
    static QByteArray csvRecord(const Portal &portal, bool spreadsheetSafe);
    /// One portal as a compact JSON object, without a line break.
    static QByteArray jsonObject(const Portal &portal);
};
