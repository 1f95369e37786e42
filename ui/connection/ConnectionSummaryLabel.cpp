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
    m_connection = connection;
    m_instanceId = instanceId;
    update();
}

void ConnectionSummaryLabel::showIdentity(const CallerIdentity &identity)
{
    m_identity = identity;
    m_identityProblem.clear();
    update();
}

void ConnectionSummaryLabel::showIdentityUnavailable(const AwsError &error)
{
    m_identity = {};
    m_identityProblem = error.userMessage();
    update();
}

void ConnectionSummaryLabel::clearIdentity()
{
    m_identity = {};
    m_identityProblem.clear();
    update();
}

QString ConnectionSummaryLabel::identityName(const QString &arn)
{
    // arn:aws:sts::123456789012:assumed-role/Admin/session, arn:aws:iam::123456789012:user/ops/alice,
    // arn:aws:iam::123456789012:root
    const QString resource = arn.section(u':', 5);
    if (resource.isEmpty())
        return arn;
    if (resource.startsWith(u"assumed-role/"))
        return resource.section(u'/', 1, 1);
    if (resource.contains(u'/'))
        return resource.section(u'/', -1);
    return resource;
}

void ConnectionSummaryLabel::update()
{
    const ServiceGateway::Description &d = m_connection;
    const bool known = !m_identity.account.isEmpty();
    // At most about 40 characters, so the toolbar keeps every button at 1280 pixels in every language; the
    // tooltip and the accessible description say it all. The profile is in the window title.
    //: %1 who (a role or user name), %2 the AWS account, %3 the region
    const QString summary =
        known ? tr("%1 · %2 · %3").arg(identityName(m_identity.arn), m_identity.account, d.region)
              : tr("%1 · %2 · %3").arg(d.profileName, d.region, d.target);
    const QFontMetrics metrics = fontMetrics();
    setText(metrics.elidedText(summary, Qt::ElideRight, metrics.averageCharWidth() * 40));
    QString details = tr("Profile: %1\nRegion: %2\nRequests go to: %3\nCredentials: "
                         "%4\nAmazon Q Business "
                         "instance: %5")
                          .arg(d.profileName, d.region, d.target, d.credentialSource,
                               m_instanceId.isEmpty() ? tr("not set") : m_instanceId);
    if (known) {
        details += u'\n' + tr("Account: %1\nIdentity: %2\nUser ID: %3")
                               .arg(m_identity.account, m_identity.arn, m_identity.userId);
    } else if (!m_identityProblem.isEmpty()) {
        details += u'\n' + tr("Identity: not known (%1)").arg(m_identityProblem);
    }
    setToolTip(details);
    setAccessibleDescription(known ? summary + u'\n' + details : summary);
}

void ConnectionSummaryLabel::showDisconnected()
{
    m_identity = {};
    m_identityProblem.clear();
    setText(tr("Not connected"));
    setToolTip({});
    setAccessibleDescription({});
}
