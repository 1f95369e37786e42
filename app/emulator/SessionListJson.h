// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

class EmulatorStore;
struct PortalRecord;

/// The body of a ListSessions answer, written straight to bytes: the same bytes as a QJsonDocument of the
/// answer in compact form (keys in order, Qt's escaping and number format), a fraction of the work. Each
/// username is escaped once (through QJsonDocument itself) and kept, so a page costs little more than
/// copying. Not thread-safe: one per service.
class SessionListJson
{
public:
    explicit SessionListJson(const EmulatorStore &store);

    /// {"nextToken":…,"sessions":[{"endTime":…,"portalArn":…,"sessionId":…,"startTime":…,"status":…,
    /// "username":…},…]} for the sessions in `slots` of `portal`; no nextToken when it is nullopt.
    QByteArray body(const PortalRecord &portal, const QList<quint32> &slots,
                    const std::optional<QString> &nextToken);

    /// A JSON string literal, quotes included, exactly as QJsonDocument writes it.
    static QByteArray quoted(const QString &text);
    /// A JSON number of epoch seconds for epoch milliseconds, exactly as QJsonDocument writes the double.
    static QByteArray seconds(qint64 ms);

private:
    const QByteArray &username(quint32 index);

    const EmulatorStore &m_store;
    std::vector<QByteArray> m_usernames; // quoted(), filled as names are first used
};
