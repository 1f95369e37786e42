// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

QString executable()
{
    return QStringLiteral(SESSIONSCOPE_EMULATOR_EXECUTABLE);
}

// Runs the emulator to completion (for options that exit at once).
struct Finished
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Finished runToEnd(const QStringList &arguments)
{
    QProcess process;
    process.start(executable(), arguments);
    Finished result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

class TestEmulatorCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void helpDocumentsTheOptions();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
    void listensAndStopsOnSignal_data();
    void listensAndStopsOnSignal();
};

void TestEmulatorCli::version()
{
    const Finished result = runToEnd({u"--version"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QByteArray("sessionscope-emulator " SESSIONSCOPE_VERSION));
}

void TestEmulatorCli::helpDocumentsTheOptions()
{
    const Finished result = runToEnd({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    const QString help = QString::fromUtf8(result.out);
    for (const QString &option :
         {u"--host"_s, u"--port"_s, u"--seed"_s, u"--portals"_s, u"--sessions"_s, u"--access-key-id"_s,
          u"--secret-access-key"_s, u"--region"_s, u"--qapps-instance-id"_s, u"--max-page"_s,
          u"--throttle-rate"_s, u"--error-rate"_s, u"--latency-ms"_s, u"AKIASESSIONSCOPEDEMO"_s,
          u"Sessions in each Active portal"_s}) {
        QVERIFY2(help.contains(option), qPrintable(option));
    }
}

void TestEmulatorCli::rejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("complaint");
    QTest::newRow("public host") << QStringList{u"--host"_s, u"0.0.0.0"_s} << u"loopback"_s;
    QTest::newRow("lan host") << QStringList{u"--host"_s, u"192.168.1.10"_s} << u"loopback"_s;
    QTest::newRow("host name") << QStringList{u"--host"_s, u"example.com"_s} << u"--host"_s;
    QTest::newRow("port") << QStringList{u"--port"_s, u"70000"_s} << u"--port"_s;
    QTest::newRow("seed") << QStringList{u"--seed"_s, u"-1"_s} << u"--seed"_s;
    QTest::newRow("portals") << QStringList{u"--portals"_s, u"0"_s} << u"--portals"_s;
    QTest::newRow("sessions") << QStringList{u"--sessions"_s, u"many"_s} << u"--sessions"_s;
    QTest::newRow("max page") << QStringList{u"--max-page"_s, u"0"_s} << u"--max-page"_s;
    QTest::newRow("throttle rate") << QStringList{u"--throttle-rate"_s, u"1.5"_s} << u"--throttle-rate"_s;
    QTest::newRow("error rate") << QStringList{u"--error-rate"_s, u"-0.1"_s} << u"--error-rate"_s;
    QTest::newRow("rates add up") << QStringList{u"--throttle-rate"_s, u"0.7"_s, u"--error-rate"_s, u"0.7"_s}
                                  << u"add up"_s;
    QTest::newRow("latency") << QStringList{u"--latency-ms"_s, u"-5"_s} << u"--latency-ms"_s;
    QTest::newRow("fault kind") << QStringList{u"--fault-rate"_s, u"meteor=0.1"_s} << u"--fault-rate"_s;
    QTest::newRow("anchor") << QStringList{u"--anchor"_s, u"yesterday"_s} << u"--anchor"_s;
    QTest::newRow("empty region") << QStringList{u"--region"_s, QString()} << u"region"_s;
    QTest::newRow("stray argument") << QStringList{u"now"_s} << u"unexpected argument"_s;
}

void TestEmulatorCli::rejectsBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, complaint);
    const Finished result = runToEnd(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(QString::fromUtf8(result.err).contains(complaint), result.err.constData());
}

void TestEmulatorCli::listensAndStopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestEmulatorCli::listensAndStopsOnSignal()
{
    QFETCH(int, signalNumber);
    QProcess process;
    const QString secret = u"a secret that must not be printed"_s;
    process.start(executable(), {u"--port"_s, u"0"_s, u"--portals"_s, u"2"_s, u"--sessions"_s, u"10"_s,
                                 u"--secret-access-key"_s, secret});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 30000);
    const QString firstLine = QString::fromUtf8(process.readLine());
    static const QRegularExpression listening(u"^listening on http://127\\.0\\.0\\.1:([0-9]+)\\n$"_s);
    const QRegularExpressionMatch match = listening.match(firstLine);
    QVERIFY2(match.hasMatch(), qPrintable(firstLine));
    const quint16 port = quint16(match.captured(1).toUInt());
    QVERIFY(port != 0);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(5000));
    socket.disconnectFromHost();

    QSignalSpy finished(&process, &QProcess::finished);
    ::kill(pid_t(process.processId()), signalNumber);
    QVERIFY(finished.wait(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QByteArray everything =
        firstLine.toUtf8() + process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY(!everything.contains(secret.toUtf8()));
    QVERIFY(everything.contains("AKIASESSIONSCOPEDEMO"));

    QTcpSocket after;
    after.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!after.waitForConnected(2000));
}

QTEST_GUILESS_MAIN(TestEmulatorCli)
#include "tst_emulatorcli.moc"
