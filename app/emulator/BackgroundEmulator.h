// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/AwsCredentials.h"
#include "emulator/EmulatorConfig.h"

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QThread>
#include <QUrl>

class Emulator;

/// An Emulator on its own thread, for embedding (sessionscope --demo): start() blocks until it
/// listens (or failed), then the owner's thread talks to it over loopback like to any endpoint.
///
///     BackgroundEmulator demo;           // the demo defaults: 127.0.0.1, a free port, demo credentials
///     if (!demo.start(&error)) ...;
///     demo.endpoint(), demo.credentials(), demo.region(), demo.qappsInstanceId()
///     demo.stop();                       // or let the destructor do it
class BackgroundEmulator
{
public:
    explicit BackgroundEmulator(EmulatorConfig config = {});
    ~BackgroundEmulator();
    Q_DISABLE_COPY_MOVE(BackgroundEmulator)

    bool start(QString *errorMessage = nullptr);
    /// Stops the emulator and its thread; waits for both.
    void stop();
    bool isRunning() const { return m_port != 0; }

    quint16 port() const { return m_port; }
    QUrl endpoint() const { return m_endpoint; }
    AwsCredentials credentials() const { return m_config.credentials.value(0); }
    QString region() const { return m_config.region; }
    QString qappsInstanceId() const { return m_config.qappsInstanceId; }
    /// With config.tls.enabled and no certificate files: the throw-away CA a client must trust.
    QList<QSslCertificate> caCertificates() const { return m_caCertificates; }

private:
    EmulatorConfig m_config;
    QThread m_thread;
    Emulator *m_emulator = nullptr; ///< lives on m_thread; deleted there when the thread finishes
    quint16 m_port = 0;
    QUrl m_endpoint;
    QList<QSslCertificate> m_caCertificates;
};
