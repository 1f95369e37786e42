// SPDX-FileCopyrightText: 2026 SessionScope contributors SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/ServiceGateway.h"

#include <QLabel>

/// The toolbar's summary of the connection ("profile · region · endpoint"), short enough for the toolbar in
/// every language, with all the details in its tooltip and accessible description.
class ConnectionSummaryLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionSummaryLabel(QWidget *parent = nullptr);

    /// Summarises `connection`, whose Amazon Q Business instance is `instanceId` (empty: not set).
    void showConnection(const ServiceGateway::Description &connection, const QString &instanceId);
    void showDisconnected();
};
