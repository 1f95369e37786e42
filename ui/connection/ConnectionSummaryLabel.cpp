// SPDX-FileCopyrightText: 2026 SessionScope contributors SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/ConnectionSummaryLabel.h"

using namespace Qt::StringLiterals;

ConnectionSummaryLabel::ConnectionSummaryLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(u"connectionLabel"_s);
    setAccessibleName(tr("Connection"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setContentsMargins(4, 0, 8, 0);
}

void ConnectionSummaryLabel::showConnection(const ServiceGateway::Description &connection,
                                            const QString &instanceId)
{
    const ServiceGateway::Description &d = connection;
    // At most about 40 characters, so the toolbar keeps every button at 1280 pixels in every language; the
    // tooltip and the accessible description say it all.
    const QString summary = tr("%1 · %2 · %3").arg(d.profileName, d.region, d.target);
    const QFontMetrics metrics = fontMetrics();
    setText(metrics.elidedText(summary, Qt::ElideRight, metrics.averageCharWidth() * 40));
    setAccessibleDescription(summary);
    setToolTip(tr("Profile: %1\nRegion: %2\nRequests go to: %3\nCredentials: "
                  "%4\nAmazon Q Business "
                  "instance: %5")
                   .arg(d.profileName, d.region, d.target, d.credentialSource,
                        instanceId.isEmpty() ? tr("not set") : instanceId));
}

void ConnectionSummaryLabel::showDisconnected()
{
    setText(tr("Not connected"));
    setToolTip({});
    setAccessibleDescription({});
}
