// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "portals/PortalSelector.h"

#include "common/ServiceGateway.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

PortalSelector::PortalSelector(QWidget *parent)
    : QWidget(parent)
    , m_portalComboBox(new QComboBox(this))
    , m_copyToolButton(new QToolButton(this))
{
    setObjectName(u"portalSelectorWidget"_s);
    setAccessibleName(tr("Portal"));
    auto *label = new QLabel(tr("P&ortal:"), this);
    label->setObjectName(u"portalLabel"_s);
    label->setBuddy(m_portalComboBox);
    m_portalComboBox->setObjectName(u"portalComboBox"_s);
    m_portalComboBox->setAccessibleName(tr("Portal"));
    // A fixed width of about 26 characters, not the longest portal name: with long names (and the longer
    // button texts of de/fr/es/ja) the toolbar would push Expire into its overflow menu at 1280 pixels.
    // The tooltip and the open list show names in full.
    m_portalComboBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_portalComboBox->setMinimumContentsLength(26);
    m_portalComboBox->setEnabled(false);

    m_copyToolButton->setObjectName(u"copyPortalToolButton"_s);
    m_copyToolButton->setAccessibleName(tr("Copy portal ID or ARN"));
    m_copyToolButton->setToolTip(tr("Copy the portal's ID or ARN"));
    m_copyToolButton->setIcon(QIcon(u":/icons/edit-copy.svg"_s));
    m_copyToolButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_copyToolButton);
    menu->setObjectName(u"copyPortalMenu"_s);
    QAction *copyId = menu->addAction(tr("Copy portal &ID"));
    copyId->setObjectName(u"copyPortalIdAction"_s);
    QAction *copyArn = menu->addAction(tr("Copy portal &ARN"));
    copyArn->setObjectName(u"copyPortalArnAction"_s);
    connect(copyId, &QAction::triggered, this, &PortalSelector::copyPortalId);
    connect(copyArn, &QAction::triggered, this, &PortalSelector::copyPortalArn);
    m_copyToolButton->setMenu(menu);
    m_copyToolButton->setEnabled(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_portalComboBox, 1);
    layout->addWidget(m_copyToolButton);

    connect(m_portalComboBox, &QComboBox::currentIndexChanged, this, &PortalSelector::currentIndexChanged);
}

void PortalSelector::currentIndexChanged(int index)
{
    m_copyToolButton->setEnabled(index >= 0);
    if (index >= 0 && index < m_portals.size()) {
        const Portal &p = m_portals.at(index);
        m_portalComboBox->setToolTip(tr("%1\nID: %2\nARN: %3").arg(p.displayName, p.portalId(), p.portalArn));
    }
    Q_EMIT currentPortalChanged(currentPortal());
}

void PortalSelector::setGateway(ServiceGateway *gateway)
{
    m_call.cancel();
    ++m_serial;
    m_gateway = gateway;
    m_portals.clear();
    fillComboBox();
}

void PortalSelector::reload(const QString &preferredPortalId)
{
    m_call.cancel();
    ++m_serial;
    m_incoming.clear();
    m_preferredPortalId = preferredPortalId.isEmpty() ? currentPortal().portalId() : preferredPortalId;
    if (!m_gateway)
        return;
    m_portalComboBox->setEnabled(false);
    m_portalComboBox->setPlaceholderText(tr("Loading portals…"));
    requestPage({});
}

void PortalSelector::requestPage(const QString &nextToken)
{
    const quint64 serial = m_serial;
    m_call = m_gateway->listPortals(nextToken, this, [this, serial](const AwsResult<PortalPage> &result) {
        if (serial != m_serial)
            return;
        m_call = {};
        if (!result.ok()) {
            m_portalComboBox->setEnabled(!m_portals.isEmpty());
            m_portalComboBox->setPlaceholderText(tr("Portals could not be loaded"));
            Q_EMIT loadFailed(result.error());
            return;
        }
        m_incoming.append(result.value().portals);
        if (!result.value().nextToken.isEmpty()) {
            requestPage(result.value().nextToken);
            return;
        }
        m_portals = m_incoming;
        m_incoming.clear();
        fillComboBox();
        Q_EMIT portalsLoaded(static_cast<int>(m_portals.size()));
    });
}

void PortalSelector::fillComboBox()
{
    const QSignalBlocker blocker(m_portalComboBox);
    const QString previous = m_preferredPortalId;
    m_portalComboBox->clear();
    for (const Portal &p : std::as_const(m_portals)) {
        const QString name = p.displayName.isEmpty() ? p.portalId() : p.displayName;
        m_portalComboBox->addItem(tr("%1 — %2").arg(name, statusText(p.portalStatus)), p.portalId());
    }
    m_portalComboBox->view()->setMinimumWidth(
        m_portalComboBox->view()->sizeHintForColumn(0) +
        m_portalComboBox->view()->verticalScrollBar()->sizeHint().width());
    m_portalComboBox->setEnabled(!m_portals.isEmpty());
    m_portalComboBox->setPlaceholderText(m_portals.isEmpty() && m_gateway ? tr("No portals in this region")
                                                                          : QString());
    int index = previous.isEmpty() ? -1 : m_portalComboBox->findData(previous);
    // Without a remembered portal, the first active one: pending and incomplete portals have no sessions.
    for (int i = 0; index < 0 && i < m_portals.size(); ++i) {
        if (m_portals.at(i).portalStatus == u"Active"_s)
            index = i;
    }
    if (index < 0 && !m_portals.isEmpty())
        index = 0;
    m_portalComboBox->setCurrentIndex(index);
    // Signals were blocked while filling; say once which portal is now current.
    currentIndexChanged(index);
}

Portal PortalSelector::currentPortal() const
{
    const int index = m_portalComboBox->currentIndex();
    return index >= 0 && index < m_portals.size() ? m_portals.at(index) : Portal();
}

void PortalSelector::copyPortalId() const
{
    const Portal p = currentPortal();
    if (!p.portalArn.isEmpty())
        QApplication::clipboard()->setText(p.portalId());
}

void PortalSelector::copyPortalArn() const
{
    const Portal p = currentPortal();
    if (!p.portalArn.isEmpty())
        QApplication::clipboard()->setText(p.portalArn);
}

QString PortalSelector::statusText(const QString &portalStatus)
{
    if (portalStatus == u"Active"_s)
        return tr("active");
    if (portalStatus == u"Pending"_s)
        return tr("pending");
    if (portalStatus == u"Incomplete"_s)
        return tr("incomplete");
    return portalStatus.isEmpty() ? tr("status unknown") : portalStatus;
}
