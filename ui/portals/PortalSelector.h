// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/Portal.h"
#include "aws/AwsError.h"
#include "aws/transport/CallHandle.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QToolButton;
class ServiceGateway;

/// Chooses the portal: every portal of the account (ListPortals, paged through to the end), by display
/// name with its status; the portal id and ARN can be copied. Remembers nothing itself: the window
/// passes the portal to prefer after a reload.
class PortalSelector : public QWidget
{
    Q_OBJECT

public:
    explicit PortalSelector(QWidget *parent = nullptr);

    void setGateway(ServiceGateway *gateway);
    /// Loads every page of portals again. After loading, `preferredPortalId` is selected when present.
    void reload(const QString &preferredPortalId = {});

    QList<Portal> portals() const { return m_portals; }
    /// The selected portal; a default Portal when none.
    Portal currentPortal() const;
    bool isLoading() const { return m_call.isRunning(); }

    QComboBox *comboBox() const { return m_portalComboBox; }

public Q_SLOTS:
    void copyPortalId() const;
    void copyPortalArn() const;

Q_SIGNALS:
    void currentPortalChanged(const Portal &portal);
    void loadFailed(const AwsError &error);
    /// Every page arrived.
    void portalsLoaded(int count);

private:
    void requestPage(const QString &nextToken);
    void fillComboBox();
    /// The copy button, the tooltip and currentPortalChanged() for the combo box's current index.
    void currentIndexChanged(int index);
    static QString statusText(const QString &portalStatus);

    QPointer<ServiceGateway> m_gateway;
    QComboBox *m_portalComboBox;
    QToolButton *m_copyToolButton;
    QList<Portal> m_portals;
    QList<Portal> m_incoming;
    QString m_preferredPortalId;
    quint64 m_serial = 0;
    CallHandle m_call;
};
