// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/ExportOptions.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportOptions", text);
}

QStringList allColumnNames()
{
    QStringList names;
    for (ExportColumn column : ExportOptions::allColumns())
        names.append(ExportOptions::columnName(column));
    return names;
}

} // namespace

QList<ExportColumn> ExportOptions::defaultColumns()
{
    return {ExportColumn::SessionId, ExportColumn::Username, ExportColumn::Status,
            ExportColumn::StartTime, ExportColumn::EndTime,  ExportColumn::PortalArn};
}

QList<ExportColumn> ExportOptions::allColumns()
{
    return {
        ExportColumn::SessionId,           ExportColumn::Username,        ExportColumn::Status,
        ExportColumn::StartTime,           ExportColumn::EndTime,         ExportColumn::PortalArn,
        ExportColumn::DurationSeconds,     ExportColumn::PortalName,      ExportColumn::ClientIpAddresses,
        ExportColumn::QAppSession,         ExportColumn::QAppSessionName, ExportColumn::QAppSharingEnabled,
        ExportColumn::QAppAcceptResponses, ExportColumn::QAppRevealCards, ExportColumn::QAppSessionOwner};
}

QString ExportOptions::columnName(ExportColumn column)
{
    switch (column) {
    case ExportColumn::SessionId:
        return u"sessionId"_s;
    case ExportColumn::Username:
        return u"username"_s;
    case ExportColumn::Status:
        return u"status"_s;
    case ExportColumn::StartTime:
        return u"startTime"_s;
    case ExportColumn::EndTime:
        return u"endTime"_s;
    case ExportColumn::PortalArn:
        return u"portalArn"_s;
    case ExportColumn::DurationSeconds:
        return u"durationSeconds"_s;
    case ExportColumn::PortalName:
        return u"portalName"_s;
    case ExportColumn::ClientIpAddresses:
        return u"clientIpAddresses"_s;
    case ExportColumn::QAppSession:
        return u"qAppSession"_s;
    case ExportColumn::QAppSessionName:
        return u"qAppSessionName"_s;
    case ExportColumn::QAppSharingEnabled:
        return u"qAppSharingEnabled"_s;
    case ExportColumn::QAppAcceptResponses:
        return u"qAppAcceptResponses"_s;
    case ExportColumn::QAppRevealCards:
        return u"qAppRevealCards"_s;
    case ExportColumn::QAppSessionOwner:
        return u"qAppSessionOwner"_s;
    }
    return QString();
}

std::optional<ExportColumn> ExportOptions::columnFromName(const QString &name)
{
    for (ExportColumn column : allColumns()) {
        if (columnName(column) == name)
            return column;
    }
    return std::nullopt;
}

AwsResult<QList<ExportColumn>> ExportOptions::parseColumns(const QString &list)
{
    QList<ExportColumn> columns;
    for (const QString &part : list.split(u',')) {
        const QString name = part.trimmed();
        const std::optional<ExportColumn> column = columnFromName(name);
        if (!column) {
            return AwsError(
                AwsError::Category::Validation,
                tr("Unknown column \"%1\". Valid columns: %2.").arg(name, allColumnNames().join(u", ")));
        }
        if (columns.contains(*column))
            return AwsError(AwsError::Category::Validation,
                            tr("The column \"%1\" is listed twice.").arg(name));
        columns.append(*column);
    }
    return columns;
}

QString ExportOptions::formatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return u"csv"_s;
    case ExportFormat::Json:
        return u"json"_s;
    case ExportFormat::JsonLines:
        return u"jsonl"_s;
    }
    return QString();
}

std::optional<ExportFormat> ExportOptions::formatFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == u"csv")
        return ExportFormat::Csv;
    if (lower == u"json")
        return ExportFormat::Json;
    if (lower == u"jsonl" || lower == u"jsonlines" || lower == u"ndjson")
        return ExportFormat::JsonLines;
    return std::nullopt;
}

QString ExportOptions::fileExtension(ExportFormat format)
{
    return formatName(format);
}

QString ExportOptions::suggestedFileName(const QString &portalName, const QDate &date, ExportFormat format)
{
    // Letters and digits of any script are fine in file names; everything that could be a separator,
    // a reserved character on some system, or invisible becomes a single '-'.
    QString name;
    bool pendingDash = false;
    for (const QChar c : portalName) {
        if (c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-') {
            if (pendingDash && !name.isEmpty())
                name.append(u'-');
            pendingDash = false;
            name.append(c);
        } else {
            pendingDash = true;
        }
    }
    // No leading dots (hidden files) and no trailing dots (Windows drops them).
    while (name.startsWith(u'.') || name.startsWith(u'-'))
        name.remove(0, 1);
    if (name.size() > 64)
        name.truncate(64);
    while (name.endsWith(u'.') || name.endsWith(u'-'))
        name.chop(1);
    if (name.isEmpty())
        name = u"portal"_s;
    return u"sessions-%1-%2.%3"_s.arg(name, date.toString(u"yyyy-MM-dd"), fileExtension(format));
}

std::optional<AwsError> ExportOptions::validate() const
{
    if (columns.isEmpty())
        return AwsError(AwsError::Category::Validation, tr("Choose at least one column to export."));
    QSet<ExportColumn> seen;
    for (ExportColumn column : columns) {
        if (seen.contains(column)) {
            return AwsError(AwsError::Category::Validation,
                            tr("The column \"%1\" is listed twice.").arg(columnName(column)));
        }
        seen.insert(column);
    }
    return std::nullopt;
}

bool ExportOptions::needsSessionDetails() const
{
    return columns.contains(ExportColumn::ClientIpAddresses);
}

const QList<ExportColumn> &ExportOptions::qAppColumns()
{
    static const QList<ExportColumn> list = {
        ExportColumn::QAppSession,         ExportColumn::QAppSessionName, ExportColumn::QAppSharingEnabled,
        ExportColumn::QAppAcceptResponses, ExportColumn::QAppRevealCards, ExportColumn::QAppSessionOwner};
    return list;
}

bool ExportOptions::needsQAppMetadata() const
{
    return std::any_of(columns.cbegin(), columns.cend(),
                       [](ExportColumn column) { return qAppColumns().contains(column); });
}
