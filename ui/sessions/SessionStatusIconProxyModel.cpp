// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionStatusIconProxyModel.h"

#include "api/SessionSummary.h"
#include "common/DisplayFormat.h"

SessionStatusIconProxyModel::SessionStatusIconProxyModel(int statusColumn, int statusRole, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_statusColumn(statusColumn)
    , m_statusRole(statusRole)
    , m_activeIcon(DisplayFormat::statusIconPath(SessionStatus::Active))
    , m_terminatedIcon(DisplayFormat::statusIconPath(SessionStatus::Terminated))
    , m_unknownIcon(DisplayFormat::statusIconPath(SessionStatus::Unknown))
{}

QVariant SessionStatusIconProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.column() == m_statusColumn) {
        const QVariant status = QIdentityProxyModel::data(index, m_statusRole);
        if (!status.isValid())
            return {};
        switch (status.value<SessionStatus>()) {
        case SessionStatus::Active:
            return m_activeIcon;
        case SessionStatus::Terminated:
            return m_terminatedIcon;
        case SessionStatus::Unknown:
            return m_unknownIcon;
        }
    }
    return QIdentityProxyModel::data(index, role);
}
