// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScriptedHttpServer.h"
#include "aws/transport/AwsTransport.h"

#include <QAuthenticator>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <unistd.h>

using namespace Qt::StringLiterals;

// AwsTransport through a real proxy with Basic authentication (tinyproxy, started here): the
// proxyAuthenticationRequired hook the GUI answers with a prompt gets the request through; left
// unanswered, or answered wrongly, the call ends with the proxy's own clear error.
class TestProxyAuthentication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void theHookSuppliesCredentials();
    void unansweredIsAClearError();
    void wrongCredentialsAreRefused();

private:
    AwsResult<AwsResponse> send();

    QTemporaryDir m_dir;
    QProcess m_proxy;
    quint16 m_proxyPort = 0;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<AwsTransport> m_transport;
};

void TestProxyAuthentication::initTestCase()
{
    const QString tinyproxy = QStandardPaths::findExecutable(u"tinyproxy"_s);
    if (tinyproxy.isEmpty())
        QSKIP("tinyproxy is not installed (packaging/bootstrap.sh test installs it)");
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    m_proxyPort = probe.serverPort();
    probe.close();
    QFile config(m_dir.filePath(u"tinyproxy.conf"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("Port " + QByteArray::number(m_proxyPort) +
                 "\nListen 127.0.0.1\nTimeout 30\nAllow 127.0.0.1\nLogLevel Error\n"
                 "BasicAuth alice s3cret\n");
    if (::geteuid() == 0)
        config.write("User nobody\nGroup nogroup\n");
    config.close();
    m_proxy.setProgram(tinyproxy);
    m_proxy.setArguments({u"-d"_s, u"-c"_s, config.fileName()});
    m_proxy.start();
    QVERIFY(m_proxy.waitForStarted(10'000));
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_proxyPort);
            return socket.waitForConnected(1000);
        }(),
        10'000);
}

void TestProxyAuthentication::cleanupTestCase()
{
    m_proxy.terminate();
    m_proxy.waitForFinished(10'000);
}

void TestProxyAuthentication::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    // Each test with a new network manager: Qt caches proxy credentials in it.
    m_network = std::make_unique<QNetworkAccessManager>();
    m_transport = std::make_unique<AwsTransport>(m_network.get(), nullptr);
    AwsTransportOptions options;
    options.maxAttempts = 1;
    options.proxy.httpProxy = QUrl(u"http://127.0.0.1:"_s + QString::number(m_proxyPort));
    m_transport->setOptions(options);
}

AwsResult<AwsResponse> TestProxyAuthentication::send()
{
    AwsRequest request;
    request.method = "GET";
    request.endpoint = m_server->url();
    request.encodedPath = "/ping";
    std::optional<AwsResult<AwsResponse>> result;
    m_transport->send(request, {}, u"us-east-1"_s, u"test:Ping"_s, this,
                      [&](const AwsResult<AwsResponse> &r) { result = r; });
    [[maybe_unused]] const bool answered = QTest::qWaitFor([&] { return result.has_value(); }, 30'000);
    return result.value_or(AwsError(AwsError::Category::Timeout, u"no answer"_s));
}

void TestProxyAuthentication::theHookSuppliesCredentials()
{
    m_server->enqueue(ScriptedHttpServer::Answer::json(200, "{}"));
    int asked = 0;
    connect(m_transport.get(), &AwsTransport::proxyAuthenticationRequired, this,
            [&](const QNetworkProxy &proxy, QAuthenticator *authenticator) {
                ++asked;
                QCOMPARE(proxy.port(), m_proxyPort);
                authenticator->setUser(u"alice"_s);
                authenticator->setPassword(u"s3cret"_s);
            });
    const AwsResult<AwsResponse> result = send();
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toLogLine()));
    QCOMPARE(asked, 1);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestProxyAuthentication::unansweredIsAClearError()
{
    const AwsResult<AwsResponse> result = send();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Configuration);
    QCOMPARE(result.error().code(), AwsError::proxyAuthenticationCode());
    QVERIFY2(result.error().message().contains(u"asked for a user name and password"_s),
             qPrintable(result.error().message()));
    QVERIFY(result.error().message().contains(QString::number(m_proxyPort)));
    QVERIFY(m_server->requests().isEmpty());
}

void TestProxyAuthentication::wrongCredentialsAreRefused()
{
    connect(m_transport.get(), &AwsTransport::proxyAuthenticationRequired, this,
            [](const QNetworkProxy &, QAuthenticator *authenticator) {
                authenticator->setUser(u"alice"_s);
                authenticator->setPassword(u"wrong"_s);
            });
    const AwsResult<AwsResponse> result = send();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), AwsError::proxyAuthenticationCode());
    QVERIFY2(result.error().message().contains(u"refused the user name and password"_s),
             qPrintable(result.error().message()));
    QVERIFY(!result.error().message().contains(u"wrong"_s));
    QVERIFY(m_server->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestProxyAuthentication)
#include "tst_proxyauthentication.moc"
