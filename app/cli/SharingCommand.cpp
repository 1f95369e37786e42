// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SharingCommand.h"

#include "api/QAppsClient.h"
#include "cli/JsonObjectBuilder.h"
#include "cli/TextTable.h"
#include "sessions/ExportOptions.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

/// GetQAppSessionMetadata's answer in its own shape (sharingConfiguration nested), compact like the
/// export's JSON; a flag the service did not send is left out rather than guessed.
QString metadataJson(const QAppSessionMetadata &m)
{
    JsonObjectBuilder sharing;
    sharing.addBool(u"enabled"_s, m.sharingConfiguration.enabled)
        .addOptionalBool(u"acceptResponses"_s, m.sharingConfiguration.acceptResponses)
        .addOptionalBool(u"revealCards"_s, m.sharingConfiguration.revealCards);
    JsonObjectBuilder object;
    object.addString(ExportOptions::columnName(ExportColumn::SessionId), m.sessionId)
        .addString(u"sessionArn"_s, m.sessionArn)
        .addString(u"sessionName"_s, m.sessionName)
        .addObject(u"sharingConfiguration"_s, sharing)
        .addOptionalBool(u"sessionOwner"_s, m.sessionOwner);
    return object.text() + u'\n';
}

QString onOff(const std::optional<bool> &value)
{
    // Outside the class: spelled out, so lupdate files it under SharingCommand too.
    if (!value.has_value())
        return QCoreApplication::translate("SharingCommand", "not set");
    return *value ? QCoreApplication::translate("SharingCommand", "yes")
                  : QCoreApplication::translate("SharingCommand", "no");
}

} // namespace

void SharingCommand::run()
{
    qapps()->getQAppSessionMetadata(
        arguments().qappsInstanceId, arguments().sessionId, this,
        printAnswer<QAppSessionMetadata>([this](const QAppSessionMetadata &metadata) { print(metadata); }));
}

void SharingCommand::print(const QAppSessionMetadata &m)
{
    if (arguments().format == u"json") {
        writeOut(metadataJson(m).toUtf8());
        return;
    }
    TextTable table({tr("FIELD"), tr("VALUE")});
    table.addRow({ExportOptions::columnName(ExportColumn::SessionId), m.sessionId});
    table.addRow({u"sessionName"_s, m.sessionName});
    table.addRow({u"sessionArn"_s, m.sessionArn});
    table.addRow({tr("sharing enabled"), onOff(m.sharingConfiguration.enabled)});
    table.addRow({tr("accepts responses"), onOff(m.sharingConfiguration.acceptResponses)});
    table.addRow({tr("reveals cards"), onOff(m.sharingConfiguration.revealCards)});
    table.addRow({tr("you own it"), onOff(m.sessionOwner)});
    writeOut(table.render().toUtf8());
}
