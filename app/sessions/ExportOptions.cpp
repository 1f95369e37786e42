// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/ExportOptions.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringView>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportOptions", text);
}

// Each enum's wire names in one table, in the order the values are listed to users: the name, the
// value a name stands for and the list of values all read it.
template <typename Enum>
struct NamedValue
{
    Enum value;
    QStringView name;
};

constexpr NamedValue<ExportColumn> columnNames[] = {
    {ExportColumn::SessionId, u"sessionId"},
    {ExportColumn::Username, u"username"},
    {ExportColumn::Status, u"status"},
    {ExportColumn::StartTime, u"startTime"},
    {ExportColumn::EndTime, u"endTime"},
    {ExportColumn::PortalArn, u"portalArn"},
    {ExportColumn::DurationSeconds, u"durationSeconds"},
    {ExportColumn::PortalName, u"portalName"},
    {ExportColumn::ClientIpAddresses, u"clientIpAddresses"},
    {ExportColumn::QAppSession, u"qAppSession"},
    {ExportColumn::QAppSessionName, u"qAppSessionName"},
    {ExportColumn::QAppSharingEnabled, u"qAppSharingEnabled"},
    {ExportColumn::QAppAcceptResponses, u"qAppAcceptResponses"},
    {ExportColumn::QAppRevealCards, u"qAppRevealCards"},
    {ExportColumn::QAppSessionOwner, u"qAppSessionOwner"},
};

constexpr NamedValue<ExportFormat> formatNames[] = {
    {ExportFormat::Csv, u"csv"},
    {ExportFormat::Json, u"json"},
    {ExportFormat::JsonLines, u"jsonl"},
};

template <typename Enum, size_t N>
QString nameOf(const NamedValue<Enum> (&table)[N], Enum value)
{
    for (const NamedValue<Enum> &entry : table) {
        if (entry.value == value)
            return entry.name.toString();
    }
    return QString();
}

template <typename Enum, size_t N>
std::optional<Enum> valueNamed(const NamedValue<Enum> (&table)[N], QStringView name)
{
    for (const NamedValue<Enum> &entry : table) {
        if (entry.name == name)
            return entry.value;
    }
    return std::nullopt;
}

QStringList allColumnNames()
{
    QStringList names;
    for (const NamedValue<ExportColumn> &entry : columnNames)
        names.append(entry.name.toString());
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
    QList<ExportColumn> columns;
    for (const NamedValue<ExportColumn> &entry : columnNames)
        columns.append(entry.value);
    return columns;
}

QString ExportOptions::columnName(ExportColumn column)
{
    return nameOf(columnNames, column);
}

std::optional<ExportColumn> ExportOptions::columnFromName(const QString &name)
{
    return valueNamed(columnNames, QStringView(name));
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
    return nameOf(formatNames, format);
}

std::optional<ExportFormat> ExportOptions::formatFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    // Other names JSON Lines goes by, accepted besides the table's own.
    if (lower == u"jsonlines" || lower == u"ndjson")
        return ExportFormat::JsonLines;
    return valueNamed(formatNames, QStringView(lower));
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
