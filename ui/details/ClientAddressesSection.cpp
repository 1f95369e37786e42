// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "details/ClientAddressesSection.h"

#include "common/CopyableValue.h"
#include "common/ServiceGateway.h"
#include "details/SectionStatePanel.h"

#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ClientAddressesSection::ClientAddressesSection(QWidget *parent)
    : QGroupBox(tr("Client IP addresses"), parent)
    , m_statePanel(new SectionStatePanel(this))
    , m_addressesValue(new CopyableValue(tr("Client IP addresses"), this))
{
    setObjectName(u"clientAddressesGroupBox"_s);
    setAccessibleName(tr("Client IP addresses"));
    m_statePanel->setObjectName(u"clientAddressesStatePanel"_s);
    m_addressesValue->setObjectName(u"clientAddressesCopyableValue"_s);
    auto *layout = new QVBoxLayout(this);
    // Shown one at a time; a plain layout (unlike a stacked widget) lets wrapped values take their height.
    layout->addWidget(m_statePanel);
    layout->addWidget(m_addressesValue);
    connect(m_statePanel, &SectionStatePanel::actionTriggered, this, &ClientAddressesSection::request);
    clear();
}

void ClientAddressesSection::setGateway(ServiceGateway *gateway)
{
    m_gateway = gateway;
    clear();
}

void ClientAddressesSection::load(const QString &portalId, const QString &sessionId)
{
    m_portalId = portalId;
    m_sessionId = sessionId;
    if (sessionId.isEmpty()) {
        clear();
        return;
    }
    request();
}

void ClientAddressesSection::clear()
{
    m_call.cancel();
    ++m_serial;
    m_sessionId.clear();
    m_addresses.clear();
    m_state = State::Empty;
    m_statePanel->showState(SectionStatePanel::Kind::Information, tr("No session selected."));
    showPage(m_statePanel);
}

void ClientAddressesSection::request()
{
    m_call.cancel();
    const quint64 serial = ++m_serial;
    m_addresses.clear();
    if (!m_gateway) {
        m_state = State::Failed;
        m_statePanel->showNotConnected();
        showPage(m_statePanel);
        return;
    }
    m_state = State::Loading;
    m_statePanel->showState(SectionStatePanel::Kind::Loading, tr("Loading the session's details…"));
    showPage(m_statePanel);
    m_call = m_gateway->getSession(
        m_portalId, m_sessionId, this, [this, serial](const AwsResult<SessionDetail> &result) {
            if (serial != m_serial)
                return; // an answer for a session no longer shown
            m_call = {};
            if (!result.ok()) {
                showError(result.error());
                return;
            }
            m_addresses = result.value().clientIpAddresses;
            m_state = State::Loaded;
            if (m_addresses.isEmpty()) {
                m_statePanel->showState(SectionStatePanel::Kind::Information,
                                        tr("The service reported no client IP "
                                           "address for this session."));
                showPage(m_statePanel);
            } else {
                m_addressesValue->setValue(m_addresses.join(u'\n'), m_addresses.join(u", "_s));
                showPage(m_addressesValue);
            }
            Q_EMIT detailLoaded(result.value());
        });
}

void ClientAddressesSection::showError(const AwsError &error)
{
    m_state = SectionStatePanel::stateFor<State>(m_statePanel->showError(
        error, tr("The service no longer knows this session (terminated sessions are kept "
                  "for about 35 days).")));
    showPage(m_statePanel);
}

void ClientAddressesSection::showPage(QWidget *page)
{
    m_statePanel->setVisible(page == m_statePanel);
    m_addressesValue->setVisible(page == m_addressesValue);
}
