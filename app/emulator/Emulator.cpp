// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/Emulator.h"

#include "emulator/DataGenerator.h"
#include "emulator/EmulatorDispatcher.h"
#include "emulator/EmulatorServer.h"
#include "emulator/EmulatorStore.h"
#include "emulator/tls/ThrowawayCertificateAuthority.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

std::optional<QSslKey> readKey(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the TLS key %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray pem = file.readAll();
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            return key;
    }
    *error = u"%1 holds no PEM private key (RSA, EC or DSA, unencrypted)"_s.arg(path);
    return std::nullopt;
}

// The server side of TLS: a certificate from files, or one from a throw-away CA (whose certificate goes to
// `caCertificates` and, when asked, atomically to tls.caOutFile).
std::optional<QSslConfiguration>
serverTlsConfiguration(const EmulatorConfig::Tls &tls, QList<QSslCertificate> *caCertificates, QString *error)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients show no certificate
    if (!tls.certificateFile.isEmpty()) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(tls.certificateFile, QSsl::Pem);
        if (chain.isEmpty()) {
            *error = u"%1 holds no PEM certificate (or cannot be read)"_s.arg(tls.certificateFile);
            return std::nullopt;
        }
        const std::optional<QSslKey> key = readKey(tls.keyFile, error);
        if (!key)
            return std::nullopt;
        configuration.setLocalCertificateChain(chain);
        configuration.setPrivateKey(*key);
        return configuration;
    }

    const std::optional<ThrowawayCertificateAuthority> authority = ThrowawayCertificateAuthority::create(
        {u"localhost"_s}, {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)},
        error);
    if (!authority)
        return std::nullopt;
    if (!tls.caOutFile.isEmpty()) {
        // QSaveFile writes beside the target and renames: whoever sees the file sees all of it.
        QSaveFile file(tls.caOutFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(authority->caCertificate().toPem()) < 0 ||
            !file.commit()) {
            *error = u"cannot write the CA certificate to %1: %2"_s.arg(tls.caOutFile, file.errorString());
            return std::nullopt;
        }
    }
    *caCertificates = {authority->caCertificate()};
    configuration.setLocalCertificate(authority->serverCertificate());
    configuration.setPrivateKey(authority->serverKey());
    return configuration;
}

} // namespace

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

    QTcpServer *tcpServer = nullptr;
    if (m_config.tls.enabled) {
        QString problem;
        QList<QSslCertificate> caCertificates;
        const std::optional<QSslConfiguration> tls =
            serverTlsConfiguration(m_config.tls, &caCertificates, &problem);
        if (!tls)
            return fail(problem);
        m_caCertificates = caCertificates;
        // QSslServer hands a connection to the HTTP server once its handshake is done; a client that never
        // finishes one only costs its own socket.
        auto *sslServer = new QSslServer;
        sslServer->setSslConfiguration(*tls);
        tcpServer = sslServer;
    } else {
        tcpServer = new QTcpServer;
    }
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
    url.setScheme(m_config.tls.enabled ? u"https"_s : u"http"_s);
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
