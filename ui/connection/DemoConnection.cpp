// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/DemoConnection.h"

#include "aws/credentials/StaticCredentialsProvider.h"
#include "common/ClientGateway.h"
#include "emulator/BackgroundEmulator.h"

using namespace Qt::StringLiterals;

DemoConnection::DemoConnection(int portals, int sessionsPerPortal)
{
    EmulatorConfig config;
    config.portals = portals;
    config.sessionsPerPortal = sessionsPerPortal;
    m_emulator = std::make_unique<BackgroundEmulator>(config);
}

DemoConnection::~DemoConnection() = default;

bool DemoConnection::start(QString *errorMessage)
{
    return m_emulator->isRunning() || m_emulator->start(errorMessage);
}

ServiceGateway *DemoConnection::createGateway(QObject *parent) const
{
    if (!m_emulator->isRunning())
        return nullptr;
    ClientGateway::Settings settings;
    settings.description.profileName = u"demo"_s;
    settings.description.region = m_emulator->region();
    settings.description.target = tr("built-in emulator at %1").arg(m_emulator->endpoint().authority());
    settings.description.credentialSource = tr("the emulator's throw-away demo keys");
    settings.description.qBusinessInstanceId = m_emulator->qappsInstanceId();
    settings.description.demo = true;
    settings.workSpacesWebEndpoint = m_emulator->endpoint();
    settings.qAppsEndpoint = m_emulator->endpoint();
    // The emulator plays STS too, so the toolbar says which demo account the throw-away keys belong to.
    settings.stsEndpoint = m_emulator->endpoint();
    // The built-in emulator is on this computer: never through a proxy, whatever the environment says.
    settings.transport.proxy.mode = ProxySettings::Mode::None;
    return new ClientGateway(settings, std::make_shared<StaticCredentialsProvider>(m_emulator->credentials()),
                             parent);
}
