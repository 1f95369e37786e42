// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TableSessionWriter.h"

#include "cli/TextTable.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

constexpr int idWidth = 36;
constexpr int statusWidth = 10;
constexpr int timeWidth = 24;

QString line(const QString &id, const QString &status, const QString &start, const QString &end,
             const QString &user)
{
    return TextTable::fit(id, idWidth) + u"  "_s + TextTable::fit(status, statusWidth) + u"  "_s +
           TextTable::fit(start, timeWidth) + u"  "_s + TextTable::fit(end, timeWidth) + u"  "_s + user +
           u'\n';
}

} // namespace

TableSessionWriter::TableSessionWriter(const ExportOptions &options)
    : SessionWriter(options)
{}

QByteArray TableSessionWriter::encodeBegin()
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("TableSessionWriter", text); };
    return line(tr("SESSION ID"), tr("STATUS"), tr("START"), tr("END"), tr("USERNAME")).toUtf8();
}

QByteArray TableSessionWriter::encodeRow(const ExportRow &row)
{
    const auto text = [&](ExportColumn column) { return TextTable::sanitize(value(row, column).toString()); };
    return line(text(ExportColumn::SessionId), text(ExportColumn::Status), text(ExportColumn::StartTime),
                text(ExportColumn::EndTime), text(ExportColumn::Username))
        .toUtf8();
}

QByteArray TableSessionWriter::encodeFinish()
{
    return {};
}
