// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/BackgroundEmulator.h"

#include "emulator/Emulator.h"

using namespace Qt::StringLiterals;

BackgroundEmulator::BackgroundEmulator(EmulatorConfig config)
    : m_config(std::move(config))
{
    m_thread.setObjectName(u"sessionscope-emulator"_s);
}

BackgroundEmulator::~BackgroundEmulator()
{
    stop();
}

bool BackgroundEmulator::start(QString *errorMessage)
{
    if (m_thread.isRunning()) {
        if (errorMessage)
            *errorMessage = u"the emulator is already running"_s;
        return false;
    }
    m_emulator = new Emulator(m_config);
    m_emulator->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_emulator, &QObject::deleteLater);
    m_thread.start();

    bool started = false;
    QString message;
    quint16 port = 0;
    QUrl endpoint;
    QList<QSslCertificate> caCertificates;
    Emulator *emulator = m_emulator;
    QMetaObject::invokeMethod(
        m_emulator,
        [&, emulator] {
            started = emulator->start(&message);
            port = emulator->port();
            endpoint = emulator->endpoint();
            caCertificates = emulator->caCertificates();
        },
        Qt::BlockingQueuedConnection);
    if (!started) {
        stop();
        if (errorMessage)
            *errorMessage = message;
        return false;
    }
    m_port = port;
    m_endpoint = endpoint;
    m_caCertificates = caCertificates;
    return true;
}

void BackgroundEmulator::stop()
{
    if (!m_thread.isRunning())
        return;
    // The emulator stops in its destructor, which runs on its thread when the thread finishes.
    m_thread.quit();
    m_thread.wait();
    m_emulator = nullptr;
    m_port = 0;
    m_endpoint.clear();
    m_caCertificates.clear();
}
