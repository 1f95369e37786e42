// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/CsvSessionWriter.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString cellText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QMetaType::QStringList:
        return value.toStringList().join(u';');
    default:
        return value.toString();
    }
}

bool startsFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
           first == u'\r';
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

} // namespace

CsvSessionWriter::CsvSessionWriter(const ExportOptions &options)
    : SessionWriter(options)
{}

QString CsvSessionWriter::encodeField(const QString &text, bool spreadsheetSafe)
{
    QString field = spreadsheetSafe && startsFormula(text) ? u'\'' + text : text;
    const bool needsQuotes = field.contains(u',') || field.contains(u'"') || field.contains(u'\r') ||
                             field.contains(u'\n') ||
                             (!field.isEmpty() && (isBlank(field.front()) || isBlank(field.back())));
    if (!needsQuotes)
        return field;
    field.replace(u'"', u"\"\""_s);
    return u'"' + field + u'"';
}

QByteArray CsvSessionWriter::encodeBegin()
{
    QStringList names;
    for (ExportColumn column : options().columns)
        names.append(ExportOptions::columnName(column));
    QByteArray bytes = options().csvByteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    bytes += names.join(u',').toUtf8();
    bytes += "\r\n";
    return bytes;
}

QByteArray CsvSessionWriter::encodeRow(const ExportRow &row)
{
    QString line;
    bool first = true;
    for (ExportColumn column : options().columns) {
        if (!first)
            line.append(u',');
        first = false;
        const QVariant v = value(row, column);
        if (v.isValid())
            line.append(encodeField(cellText(v), options().spreadsheetSafe));
    }
    line.append(u"\r\n");
    return line.toUtf8();
}

QByteArray CsvSessionWriter::encodeFinish()
{
    return QByteArray();
}
