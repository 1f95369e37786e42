// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/Emulator.h"

#include "emulator/DataGenerator.h"
#include "emulator/EmulatorDispatcher.h"
#include "emulator/EmulatorServer.h"
#include "emulator/EmulatorStore.h"

#include <QElapsedTimer>
#include <QTcpServer>

using namespace Qt::StringLiterals;

Emulator::Emulator(EmulatorConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{}

Emulator::~Emulator()
{
    stop();
}

bool Emulator::start(QString *errorMessage)
{
    const auto fail = [&](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return false;
    };
    if (isRunning())
        return fail(u"the emulator is already running"_s);
    if (const auto problem = m_config.validate())
        return fail(*problem);

    if (!m_store) {
        QElapsedTimer timer;
        timer.start();
        const QDateTime realNow = m_config.clock ? m_config.clock() : QDateTime::currentDateTimeUtc();
        const QDateTime anchor = m_config.anchor.isValid() ? m_config.anchor : realNow;
        m_store = std::make_unique<EmulatorStore>(m_config.seed, m_config.region, m_config.qappsInstanceId);
        DataGenerator::generate(*m_store, m_config.portals, m_config.sessionsPerPortal,
                                anchor.toMSecsSinceEpoch());
        m_dispatcher = std::make_unique<EmulatorDispatcher>(*m_store, m_config);
        m_generationMs = timer.elapsed();
    }

    auto *tcpServer = new QTcpServer;
    if (!tcpServer->listen(m_config.host, m_config.port)) {
        const QString reason = tcpServer->errorString();
        delete tcpServer;
        return fail(u"cannot listen on %1 port %2: %3"_s.arg(m_config.host.toString())
                        .arg(m_config.port)
                        .arg(reason));
    }
    m_port = tcpServer->serverPort();
    EmulatorDispatcher *dispatcher = m_dispatcher.get();
    m_server =
        new EmulatorServer([dispatcher](const AwsRequest &request) { return dispatcher->handle(request); },
                           [dispatcher] { return dispatcher->faults().plan().latencyMs; }, this);
    m_server->bind(tcpServer); // takes ownership
    return true;
}

void Emulator::stop()
{
    delete m_server; // closes the listening socket and every connection
    m_server = nullptr;
    m_port = 0;
}

bool Emulator::isRunning() const
{
    return m_server != nullptr;
}

QUrl Emulator::endpoint() const
{
    if (!isRunning())
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_config.host.toString());
    url.setPort(m_port);
    return url;
}

AwsCredentials Emulator::credentials() const
{
    return m_config.credentials.value(0);
}

FaultInjector *Emulator::faults() const
{
    return m_dispatcher ? &m_dispatcher->faults() : nullptr;
}
