// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/PortalsCommand.h"

#include "api/Portal.h"
#include "cli/PortalListEncoder.h"
#include "cli/TextTable.h"
#include "sessions/TimeFormat.h"

using namespace Qt::StringLiterals;

void PortalsCommand::run()
{
    fetchPortals([this](const QList<Portal> &portals) {
        print(portals);
        succeed();
    });
}

void PortalsCommand::print(const QList<Portal> &portals)
{
    const QString format = arguments().format.isEmpty() ? u"table"_s : arguments().format;
    if (const std::optional<ExportFormat> exportFormat = ExportOptions::formatFromName(format)) {
        writeOut(PortalListEncoder::encode(portals, *exportFormat, arguments().spreadsheetSafe));
        return;
    }
    const TimeFormat time;
    TextTable table({tr("PORTAL ID"), tr("STATUS"), tr("CREATED"), tr("MAX SESSIONS"), tr("NAME")});
    for (const Portal &portal : portals) {
        table.addRow(
            {portal.portalId(), portal.portalStatus, time.iso(portal.creationDate),
             portal.maxConcurrentSessions > 0 ? QString::number(portal.maxConcurrentSessions) : QString(),
             portal.displayName});
    }
    writeOut(table.render().toUtf8());
}
