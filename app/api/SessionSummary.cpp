// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/SessionSummary.h"

#include <QCoreApplication>

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

QString SessionSummary::statusDisplay(SessionStatus status, const QString &serviceText)
{
    switch (status) {
    case SessionStatus::Active:
        return QCoreApplication::translate("SessionSummary", "Active");
    case SessionStatus::Terminated:
        return QCoreApplication::translate("SessionSummary", "Terminated");
    case SessionStatus::Unknown:
        break;
    }
    // A status this version does not know: show what the service said.
    return serviceText.isEmpty() ? QCoreApplication::translate("SessionSummary", "Unknown") : serviceText;
}
