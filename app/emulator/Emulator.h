// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/AwsCredentials.h"
#include "emulator/EmulatorConfig.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <memory>

class EmulatorDispatcher;
class EmulatorServer;
class EmulatorStore;
class FaultInjector;

/// A local emulator of the WorkSpaces Web and Amazon Q Apps operations SessionScope uses, on one
/// loopback port. Lives on the thread it was created on (or moved to) and does all its work there;
/// BackgroundEmulator runs one on its own thread.
///
///     Emulator emulator(config);
///     if (!emulator.start(&error)) ...;
///     client endpoint: emulator.endpoint(), credentials: emulator.credentials(), region: config.region
class Emulator : public QObject
{
    Q_OBJECT

public:
    explicit Emulator(EmulatorConfig config = {}, QObject *parent = nullptr);
    ~Emulator() override;

    /// Generates the data and starts listening. Returns false with a message when the configuration is
    /// invalid or the port cannot be opened. Call it on the emulator's thread.
    bool start(QString *errorMessage = nullptr);
    /// Stops listening and closes every connection; the data is kept until start() runs again.
    void stop();
    bool isRunning() const;

    /// The port it listens on (the one picked when the configuration said 0); 0 when not running.
    quint16 port() const { return m_port; }
    /// "http://127.0.0.1:PORT" (or "http://[::1]:PORT"); "https://..." with config().tls.enabled.
    QUrl endpoint() const;
    /// With TLS from a throw-away CA: that CA's certificate, what a client's CA bundle must hold. Empty
    /// without TLS or with a certificate from files.
    QList<QSslCertificate> caCertificates() const { return m_caCertificates; }
    /// The first accepted access key: what a client of this emulator should sign with.
    AwsCredentials credentials() const;
    const EmulatorConfig &config() const { return m_config; }

    /// The data, for tests and tools on the emulator's thread; null before start().
    EmulatorStore *store() const { return m_store.get(); }
    /// The fault injector, to change the plan while running; null before start().
    FaultInjector *faults() const;
    /// How long the last start() took to generate the data, in milliseconds.
    qint64 generationMs() const { return m_generationMs; }

private:
    EmulatorConfig m_config;
    std::unique_ptr<EmulatorStore> m_store;
    std::unique_ptr<EmulatorDispatcher> m_dispatcher;
    EmulatorServer *m_server = nullptr;
    quint16 m_port = 0;
    qint64 m_generationMs = 0;
    QList<QSslCertificate> m_caCertificates;
};
