// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SessionCommand.h"

#include "api/WorkSpacesWebClient.h"
#include "cli/TextTable.h"
#include "sessions/ExportRow.h"
#include "sessions/SessionWriter.h"

#include <QBuffer>

using namespace Qt::StringLiterals;

namespace {

/// The fields shown, in order: the summary of ListSessions plus GetSession's client addresses.
QList<ExportColumn> sessionColumns()
{
    return ExportOptions::defaultColumns() << ExportColumn::ClientIpAddresses;
}

} // namespace

void SessionCommand::run()
{
    web()->getSession(arguments().portalId, arguments().sessionId, this,
                      printAnswer<SessionDetail>([this](const SessionDetail &detail) { print(detail); }));
}

void SessionCommand::print(const SessionDetail &detail)
{
    ExportRow row(detail.summary);
    row.clientIpAddresses = detail.clientIpAddresses; // always present, even as []
    if (arguments().format == u"json") {
        // One JSON Lines record is one JSON object: the same keys and values as `sessions --format jsonl`.
        ExportOptions options;
        options.format = ExportFormat::JsonLines;
        options.columns = sessionColumns();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const std::unique_ptr<SessionWriter> writer = SessionWriter::create(options);
        writer->begin(&buffer);
        writer->writeRow(row);
        writer->finish();
        writeOut(buffer.data());
        return;
    }
    const SessionSummary &s = detail.summary;
    const TimeFormat time;
    const auto name = [](ExportColumn column) { return ExportOptions::columnName(column); };
    TextTable table({tr("FIELD"), tr("VALUE")});
    table.addRow({name(ExportColumn::SessionId), s.sessionId});
    table.addRow({name(ExportColumn::Username), s.username});
    table.addRow({name(ExportColumn::Status), s.statusText});
    table.addRow({name(ExportColumn::StartTime), time.iso(s.startTime)});
    table.addRow({name(ExportColumn::EndTime), time.iso(s.endTime)});
    table.addRow({name(ExportColumn::PortalArn), s.portalArn});
    table.addRow({name(ExportColumn::ClientIpAddresses), detail.clientIpAddresses.join(u", "_s)});
    writeOut(table.render().toUtf8());
}
