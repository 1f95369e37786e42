// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QIdentityProxyModel>

/// Adds an icon beside the status text of the session table, so a status never relies on colour (or
/// text) alone. Everything else, paging and sorting included, passes through to the source model.
class SessionStatusIconProxyModel : public QIdentityProxyModel
{
    Q_OBJECT

public:
    /// `statusColumn` gets the icons; `statusRole` of the source holds a SessionStatus.
    SessionStatusIconProxyModel(int statusColumn, int statusRole, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int m_statusColumn;
    int m_statusRole;
    QIcon m_activeIcon;
    QIcon m_terminatedIcon;
    QIcon m_unknownIcon;
};
