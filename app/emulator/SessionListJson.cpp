// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/SessionListJson.h"

#include "emulator/EmulatorStore.h"
#include "emulator/PortalRecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

SessionListJson::SessionListJson(const EmulatorStore &store)
    : m_store(store)
{}

QByteArray SessionListJson::quoted(const QString &text)
{
    // Qt's own escaping, taken from a one-element array: "[" + literal + "]".
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray SessionListJson::seconds(qint64 ms)
{
    // What QJsonDocument writes for a finite double: whole numbers as integers, the others in the
    // shortest form that reads back the same.
    if (ms % 1000 == 0)
        return QByteArray::number(ms / 1000);
    return QByteArray::number(double(ms) / 1000.0, 'g', QLocale::FloatingPointShortest);
}

const QByteArray &SessionListJson::username(quint32 index)
{
    if (index >= m_usernames.size())
        m_usernames.resize(size_t(index) + 1);
    QByteArray &cached = m_usernames[index];
    if (cached.isEmpty())
        cached = quoted(m_store.usernames().at(index));
    return cached;
}

QByteArray SessionListJson::body(const PortalRecord &portal, const QList<quint32> &slots,
                                 const std::optional<QString> &nextToken)
{
    const QByteArray portalArn = quoted(m_store.portalArn(portal));
    QByteArray out;
    out.reserve(64 + slots.size() * (200 + portalArn.size()));
    out.append('{');
    if (nextToken) {
        out.append("\"nextToken\":");
        out.append(quoted(*nextToken));
        out.append(',');
    }
    out.append("\"sessions\":[");
    bool first = true;
    for (const quint32 slot : slots) {
        const SessionRecord &session = portal.sessions.at(slot);
        if (!first)
            out.append(',');
        first = false;
        out.append('{');
        if (!session.isActive()) {
            out.append("\"endTime\":");
            out.append(seconds(session.endMs));
            out.append(',');
        }
        out.append("\"portalArn\":");
        out.append(portalArn);
        out.append(",\"sessionId\":\"");
        out.append(session.id.toString().toLatin1()); // hexadecimal and dashes: nothing to escape
        out.append("\",\"startTime\":");
        out.append(seconds(session.startMs));
        out.append(session.isActive() ? ",\"status\":\"Active\"" : ",\"status\":\"Terminated\"");
        out.append(",\"username\":");
        out.append(username(session.user));
        out.append('}');
    }
    out.append("]}");
    return out;
}
