// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/PortalListEncoder.h"

#include "api/Portal.h"
#include "cli/JsonObjectBuilder.h"
#include "sessions/CsvSessionWriter.h"
#include "sessions/TimeFormat.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

// The API's field names (ListPortals' PortalSummary); portalArn is the export's column name too.
const QString idKey = u"portalId"_s;
const QString nameKey = u"displayName"_s;
const QString statusKey = u"portalStatus"_s;
const QString createdKey = u"creationDate"_s;
const QString maxSessionsKey = u"maxConcurrentSessions"_s;

QString arnKey()
{
    return ExportOptions::columnName(ExportColumn::PortalArn);
}

QString creationText(const Portal &portal)
{
    return portal.creationDate.isValid() ? TimeFormat().iso(portal.creationDate) : QString();
}

QString maxSessionsText(const Portal &portal)
{
    return portal.maxConcurrentSessions > 0 ? QString::number(portal.maxConcurrentSessions) : QString();
}

} // namespace

QByteArray PortalListEncoder::csvHeader()
{
    return QStringList{idKey, arnKey(), nameKey, statusKey, createdKey, maxSessionsKey}.join(u',').toUtf8() +
           "\r\n";
}

QByteArray PortalListEncoder::csvRecord(const Portal &portal, bool spreadsheetSafe)
{
    QStringList fields;
    for (const QString &text : {portal.portalId(), portal.portalArn, portal.displayName, portal.portalStatus,
                                creationText(portal), maxSessionsText(portal)})
        fields.append(CsvSessionWriter::encodeField(text, spreadsheetSafe));
    return fields.join(u',').toUtf8() + "\r\n";
}

QByteArray PortalListEncoder::jsonObject(const Portal &portal)
{
    JsonObjectBuilder object;
    object.addString(idKey, portal.portalId())
        .addString(arnKey(), portal.portalArn)
        .addString(nameKey, portal.displayName)
        .addString(statusKey, portal.portalStatus);
    if (portal.creationDate.isValid())
        object.addString(createdKey, creationText(portal));
    if (portal.maxConcurrentSessions > 0)
        object.addNumber(maxSessionsKey, portal.maxConcurrentSessions);
    // Details of GetPortal that ListPortals may carry too; only written when the service sent them.
    const QList<std::pair<QString, QString>> optional = {{u"portalEndpoint"_s, portal.portalEndpoint},
                                                         {u"browserType"_s, portal.browserType},
                                                         {u"rendererType"_s, portal.rendererType},
                                                         {u"authenticationType"_s, portal.authenticationType},
                                                         {u"instanceType"_s, portal.instanceType}};
    for (const auto &[key, value] : optional) {
        if (!value.isEmpty())
            object.addString(key, value);
    }
    return object.text().toUtf8();
}

QByteArray PortalListEncoder::encode(const QList<Portal> &portals, ExportFormat format, bool spreadsheetSafe)
{
    QByteArray bytes;
    switch (format) {
    case ExportFormat::Csv:
        bytes = csvHeader();
        for (const Portal &portal : portals)
            bytes += csvRecord(portal, spreadsheetSafe);
        break;
    case ExportFormat::Json:
        // The layout of JsonSessionWriter: "[", one object per line, "]".
        bytes = "[";
        for (qsizetype i = 0; i < portals.size(); ++i)
            bytes += (i == 0 ? "\n" : ",\n") + jsonObject(portals.at(i));
        bytes += portals.isEmpty() ? "]\n" : "\n]\n";
        break;
    case ExportFormat::JsonLines:
        for (const Portal &portal : portals)
            bytes += jsonObject(portal) + '\n';
        break;
    }
    return bytes;
}
