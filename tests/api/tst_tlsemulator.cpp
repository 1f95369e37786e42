// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CountingNetworkAccessManager.h"
#include "api/WorkSpacesWebClient.h"
#include "aws/credentials/StaticCredentialsProvider.h"
#include "aws/transport/AwsTransport.h"
#include "aws/transport/TlsSettings.h"
#include "emulator/BackgroundEmulator.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

// The real client stack against the in-process emulator over https (a throw-away CA): with a CA bundle
// that holds the CA, sessions are listed; without it, the certificate is refused with a sentence that
// names the host, the certificate and AWS_CA_BUNDLE, after exactly one attempt.
class TestTlsEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsSessionsWithTheCaBundle();
    void refusesTheCertificateWithoutTheBundleInOneAttempt();
    void refusesTheCertificateWithAnotherBundle();
    void badBundlesAreConfigurationErrorsNamingTheFile_data();
    void badBundlesAreConfigurationErrorsNamingTheFile();
    void bundleWithSeveralCertificatesIsRead();

private:
    struct Outcome
    {
        std::optional<AwsResult<SessionPage>> page;
        int requests = 0;
    };
    Outcome listSessions(const TlsSettings &tls);
    QString writeFile(const QString &name, const QByteArray &content);

    EmulatorConfig m_config;
    std::unique_ptr<BackgroundEmulator> m_emulator;
    QString m_portalId;
    QTemporaryDir m_dir;
};

void TestTlsEmulator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_config.sessionsPerPortal = 30;
    m_config.tls.enabled = true;
    m_config.tls.caOutFile = m_dir.filePath(u"ca.pem"_s);
    m_emulator = std::make_unique<BackgroundEmulator>(m_config);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    QCOMPARE(m_emulator->endpoint().scheme(), u"https"_s);
    QCOMPARE(m_emulator->caCertificates().size(), 1);

    // The file the emulator wrote is the CA it reports.
    const AwsResult<TlsSettings> tls = TlsSettings::fromCaBundle(m_config.tls.caOutFile, u"test"_s);
    QVERIFY2(tls, qPrintable(tls ? QString() : tls.error().message()));
    QCOMPARE(tls.value().caCertificates(), m_emulator->caCertificates());

    // An Active portal, listed over https.
    CountingNetworkAccessManager network;
    StaticCredentialsProvider credentials(m_emulator->credentials());
    AwsTransport transport(&network, &credentials);
    AwsTransportOptions options;
    options.tls = tls.value();
    transport.setOptions(options);
    WorkSpacesWebClient client(&transport, m_emulator->endpoint(), m_emulator->region());
    std::optional<AwsResult<PortalPage>> portals;
    client.listPortals({}, 0, this, [&](const AwsResult<PortalPage> &result) { portals = result; });
    QTRY_VERIFY_WITH_TIMEOUT(portals.has_value(), 30000);
    QVERIFY2(portals->ok(), qPrintable(portals->ok() ? QString() : portals->error().toLogLine()));
    for (const Portal &portal : portals->value().portals) {
        if (portal.portalStatus == u"Active"_s) {
            m_portalId = portal.portalId();
            break;
        }
    }
    QVERIFY(!m_portalId.isEmpty());
}

void TestTlsEmulator::cleanupTestCase()
{
    m_emulator.reset();
}

QString TestTlsEmulator::writeFile(const QString &name, const QByteArray &content)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return file.fileName();
}

TestTlsEmulator::Outcome TestTlsEmulator::listSessions(const TlsSettings &tls)
{
    Outcome outcome;
    CountingNetworkAccessManager network;
    StaticCredentialsProvider credentials(m_emulator->credentials());
    AwsTransport transport(&network, &credentials);
    AwsTransportOptions options;
    options.tls = tls;
    options.maxAttempts = 3; // a refused certificate must not use them
    transport.setOptions(options);
    // Retries would run at once; count them instead of waiting.
    transport.setScheduler([](int, QObject *context, std::function<void()> task) {
        QMetaObject::invokeMethod(context, std::move(task), Qt::QueuedConnection);
    });
    QSignalSpy retries(&transport, &AwsTransport::retrying);
    WorkSpacesWebClient client(&transport, m_emulator->endpoint(), m_emulator->region());
    ListSessionsRequest request;
    request.portalId = m_portalId;
    request.maxResults = 100;
    client.listSessions(request, this, [&](const AwsResult<SessionPage> &result) { outcome.page = result; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.page.has_value(), 30000); }();
    outcome.requests = network.requestCount();
    if (!retries.isEmpty())
        outcome.requests = -outcome.requests; // makes any retry fail the comparisons below
    return outcome;
}

void TestTlsEmulator::listsSessionsWithTheCaBundle()
{
    const AwsResult<TlsSettings> tls = TlsSettings::fromCaBundle(m_config.tls.caOutFile, u"AWS_CA_BUNDLE"_s);
    QVERIFY(tls);
    const Outcome outcome = listSessions(tls.value());
    QVERIFY(outcome.page.has_value());
    QVERIFY2(outcome.page->ok(),
             qPrintable(outcome.page->ok() ? QString() : outcome.page->error().toLogLine()));
    QCOMPARE(outcome.page->value().sessions.size(), m_config.sessionsPerPortal);
    QCOMPARE(outcome.requests, 1);
}

void TestTlsEmulator::refusesTheCertificateWithoutTheBundleInOneAttempt()
{
    const Outcome outcome = listSessions(TlsSettings());
    QVERIFY(outcome.page.has_value());
    QVERIFY(!outcome.page->ok());
    const AwsError error = outcome.page->error();
    QCOMPARE(error.category(), AwsError::Category::Network);
    QVERIFY(error.isCertificateError());
    QVERIFY(!error.isRetryable());
    QCOMPARE(outcome.requests, 1);
    const QString message = error.userMessage();
    QVERIFY2(message.contains(u"127.0.0.1"_s), qPrintable(message));
    QVERIFY2(message.contains(u"CN=localhost"_s), qPrintable(message)); // the subject
    QVERIFY2(message.contains(u"CN=SessionScope emulator throw-away CA"_s), qPrintable(message)); // issuer
    QVERIFY2(message.contains(u"AWS_CA_BUNDLE"_s), qPrintable(message));
    QCOMPARE(error.action(), u"workspaces-web:ListSessions"_s);
}

void TestTlsEmulator::refusesTheCertificateWithAnotherBundle()
{
    // A bundle of another CA (a second emulator's) replaces the system's CAs and does not vouch for ours.
    EmulatorConfig other;
    other.sessionsPerPortal = 0;
    other.portals = 1;
    other.tls.enabled = true;
    BackgroundEmulator second(other);
    QString startError;
    QVERIFY2(second.start(&startError), qPrintable(startError));
    const QString path = writeFile(u"other.pem"_s, second.caCertificates().constFirst().toPem());
    const AwsResult<TlsSettings> tls = TlsSettings::fromCaBundle(path, u"--ca-bundle"_s);
    QVERIFY(tls);
    const Outcome outcome = listSessions(tls.value());
    QVERIFY(outcome.page.has_value() && !outcome.page->ok());
    QVERIFY(outcome.page->error().isCertificateError());
    QCOMPARE(outcome.requests, 1);
    QVERIFY2(outcome.page->error().userMessage().contains(path),
             qPrintable(outcome.page->error().userMessage()));
}

void TestTlsEmulator::badBundlesAreConfigurationErrorsNamingTheFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty") << u"empty.pem"_s << QByteArray() << u"is empty"_s;
    QTest::newRow("blank") << u"blank.pem"_s << QByteArray("\n  \n") << u"is empty"_s;
    QTest::newRow("not PEM") << u"der.pem"_s << QByteArray("\x30\x82\x01\x0a garbage")
                             << u"no PEM certificate"_s;
    QTest::newRow("a key, not a certificate")
        << u"key.pem"_s << QByteArray("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        << u"no PEM certificate"_s;
    QTest::newRow("broken certificate")
        << u"broken.pem"_s
        << QByteArray("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n")
        << u"no certificate that can be read"_s;
    QTest::newRow("missing") << u"missing.pem"_s << QByteArray() << u"does not exist"_s;
}

void TestTlsEmulator::badBundlesAreConfigurationErrorsNamingTheFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    const QString path = name == u"missing.pem"_s ? m_dir.filePath(name) : writeFile(name, content);
    QVERIFY(!path.isEmpty());
    const AwsResult<TlsSettings> tls = TlsSettings::fromCaBundle(path, u"AWS_CA_BUNDLE"_s);
    QVERIFY(!tls);
    QCOMPARE(tls.error().category(), AwsError::Category::Configuration);
    QVERIFY2(tls.error().message().contains(path), qPrintable(tls.error().message()));
    QVERIFY2(tls.error().message().contains(u"AWS_CA_BUNDLE"_s), qPrintable(tls.error().message()));
    QVERIFY2(tls.error().message().contains(problem), qPrintable(tls.error().message()));
}

void TestTlsEmulator::bundleWithSeveralCertificatesIsRead()
{
    // A company bundle: other CAs, then ours, with text between the blocks as in Debian's bundle.
    EmulatorConfig other;
    other.sessionsPerPortal = 0;
    other.portals = 1;
    other.tls.enabled = true;
    BackgroundEmulator second(other);
    QString startError;
    QVERIFY2(second.start(&startError), qPrintable(startError));
    const QByteArray bundle = "# another CA\n" + second.caCertificates().constFirst().toPem() + "# ours\n" +
                              m_emulator->caCertificates().constFirst().toPem();
    const AwsResult<TlsSettings> tls = TlsSettings::fromCaBundle(writeFile(u"several.pem"_s, bundle), u"x"_s);
    QVERIFY(tls);
    QCOMPARE(tls.value().caCertificates().size(), 2);
    const Outcome outcome = listSessions(tls.value());
    QVERIFY2(outcome.page->ok(),
             qPrintable(outcome.page->ok() ? QString() : outcome.page->error().toLogLine()));
    QCOMPARE(outcome.requests, 1);
}

QTEST_GUILESS_MAIN(TestTlsEmulator)
#include "tst_tlsemulator.moc"
