// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/SessionSummary.h"

SessionStatus SessionSummary::statusFromText(const QString &text)
{
    if (text == u"Active")
        return SessionStatus::Active;
    if (text == u"Terminated")
        return SessionStatus::Terminated;
    return SessionStatus::Unknown;
}

QString SessionSummary::statusName(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Active:
        return QStringLiteral("Active");
    case SessionStatus::Terminated:
        return QStringLiteral("Terminated");
    case SessionStatus::Unknown:
        break;
    }
    return QString();
}
