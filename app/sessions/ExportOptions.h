// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "sessions/TimeFormat.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

/// The file formats of an export.
enum class ExportFormat {
    Csv,       ///< RFC 4180: UTF-8, CRLF, a header row of column names
    Json,      ///< one array of objects, one object per line
    JsonLines, ///< one object per line (JSON Lines / NDJSON)
};

/// The columns an export can hold; their names (columnName()) are the API's field names.
enum class ExportColumn {
    SessionId,
    Username,
    Status,
    StartTime,
    EndTime,
    PortalArn,
    DurationSeconds,   ///< whole seconds from start to end, rounded down; absent while active
    PortalName,        ///< the portal's displayName (from ExportRow::portalName)
    ClientIpAddresses, ///< GetSession's list (needs enrichment)
    QAppSession,       ///< "present" or "none": whether the session is an Amazon Q Apps session (enrichment)
    QAppSessionName,   ///< the Q Apps session's fields (need enrichment)
    QAppSharingEnabled,
    QAppAcceptResponses,
    QAppRevealCards,
    QAppSessionOwner,
};

/// How an export is written. The same options drive the GUI's and the CLI's exports.
///
/// Values that are absent (the end time of an active session, a field that was not fetched, a Q App
/// field of a session without a Q App session) are empty cells in CSV and omitted keys in JSON and
/// JSON Lines, as in the API's own answers. Booleans are true/false, lists (client IPs) are a JSON
/// array or, in CSV, the addresses joined with ';'.
struct ExportOptions
{
    ExportFormat format = ExportFormat::Csv;
    QList<ExportColumn> columns = defaultColumns();
    /// Utc: "2026-11-21T19:35:12.123Z" (milliseconds only when not zero); Local: "…T20:35:12.123+01:00".
    TimeFormat::Mode timeMode = TimeFormat::Mode::Utc;
    /// The zone of Local mode; the system's by default.
    QTimeZone localZone = QTimeZone::systemTimeZone();
    /// CSV only: start the file with a UTF-8 byte order mark (some spreadsheet programs need it to
    /// read UTF-8).
    bool csvByteOrderMark = false;
    /// CSV only: a cell that starts with '=', '+', '-', '@', a tab or a carriage return gets a leading
    /// apostrophe, so a spreadsheet shows it as text instead of running it as a formula ("CSV
    /// injection"). Off, every value round-trips exactly. JSON is never altered.
    bool spreadsheetSafe = true;

    /// sessionId, username, status, startTime, endTime, portalArn: the fields of ListSessions.
    static QList<ExportColumn> defaultColumns();
    static QList<ExportColumn> allColumns();
    /// The columns filled from GetQAppSessionMetadata.
    static const QList<ExportColumn> &qAppColumns();
    /// The API field name of a column ("sessionId", "qAppSharingEnabled", ...).
    static QString columnName(ExportColumn column);
    static std::optional<ExportColumn> columnFromName(const QString &name);
    /// Parses a comma-separated list of column names (for --columns); unknown or repeated names are a
    /// Validation error that lists the valid names.
    static AwsResult<QList<ExportColumn>> parseColumns(const QString &list);
    /// "csv", "json", "jsonl".
    static QString formatName(ExportFormat format);
    /// Accepts csv, json, jsonl (also jsonlines and ndjson), case-insensitive.
    static std::optional<ExportFormat> formatFromName(const QString &name);
    /// The file name extension without the dot: csv, json, jsonl.
    static QString fileExtension(ExportFormat format);
    /// "sessions-<portal>-<yyyy-MM-dd>.<ext>" with the portal name reduced to letters, digits, '.', '_'
    /// and '-' (other runs become one '-'; at most 64 characters; "portal" when nothing is left).
    static QString suggestedFileName(const QString &portalName, const QDate &date, ExportFormat format);

    /// A Validation error when the options cannot produce a file (no columns, a column twice).
    std::optional<AwsError> validate() const;
    /// True when a column needs GetSession (client IP addresses).
    bool needsSessionDetails() const;
    /// True when a column needs GetQAppSessionMetadata.
    bool needsQAppMetadata() const;
    /// True when any column needs a request per session (either of the above).
    bool needsLookups() const { return needsSessionDetails() || needsQAppMetadata(); }
};
