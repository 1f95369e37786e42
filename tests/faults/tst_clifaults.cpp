// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `sessionscope-cli sessions` as a script runs it (a process, credentials and AWS_MAX_ATTEMPTS from the
// environment) against an emulator that misbehaves. It must print every session exactly once, in the
// service's order, or fail with its documented exit status and one line on stderr - and with --output,
// leave no file at all.
#include "CliProcess.h"
#include "ClientStack.h"
#include "CsvReader.h"
#include "FaultScenario.h"
#include "ListSessionsWalk.h"
#include "emulator/BackgroundEmulator.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// 240 sessions in pages of 30: eight pages. The CLI waits for real (Retry-After is 1 s in the emulator),
// so fewer pages than in the in-process tests keep the runtime modest.
constexpr int pageSize = 30;
constexpr int rideOutAttempts = 12;

enum class Output {
    StdoutJsonLines,
    CsvFile,
};

} // namespace

class TestCliFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exitCodesAreDocumented();
    void printsEverySessionOnceOrFailsClearly_data();
    void printsEverySessionOnceOrFailsClearly();

private:
    std::unique_ptr<BackgroundEmulator> m_reference;
    QString m_portal;
    QStringList m_expected;
    QTemporaryDir m_home;
};

void TestCliFaults::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_reference = std::make_unique<BackgroundEmulator>(FaultScenario::baseConfig());
    QString error;
    QVERIFY2(m_reference->start(&error), qPrintable(error));
    ClientStack stack(*m_reference, 1);
    m_portal = stack.firstActivePortal();
    QVERIFY(!m_portal.isEmpty());
    ListSessionsRequest all;
    all.portalId = m_portal;
    m_expected = ListSessionsWalk::sessionIds(stack.client(), all);
    QCOMPARE(m_expected.size(), FaultScenario::sessionCount());
}

void TestCliFaults::exitCodesAreDocumented()
{
    const CliProcess::Result help = CliProcess(m_home.path()).cli({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    const QString text = QString::fromUtf8(help.out);
    const QList<FaultScenario> scenarios = FaultScenario::all();
    for (const FaultScenario &scenario : scenarios) {
        if (scenario.outcome == FaultScenario::Outcome::Transparent)
            continue;
        const QRegularExpression entry(u"\\b%1 %2\\b"_s.arg(int(scenario.exitCode))
                                           .arg(QRegularExpression::escape(scenario.exitCodeLabel)));
        QVERIFY2(entry.match(text).hasMatch(), qPrintable(scenario.name + u": "_s + entry.pattern()));
    }
}

void TestCliFaults::printsEverySessionOnceOrFailsClearly_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<Output>("output");
    const QList<FaultScenario> scenarios = FaultScenario::all();
    for (const FaultScenario &scenario : scenarios) {
        for (const int attempts : {1, rideOutAttempts}) {
            QTest::addRow("%s, %d attempt(s), stdout", qPrintable(scenario.name), attempts)
                << scenario.name << attempts << Output::StdoutJsonLines;
            QTest::addRow("%s, %d attempt(s), --output", qPrintable(scenario.name), attempts)
                << scenario.name << attempts << Output::CsvFile;
        }
    }
}

void TestCliFaults::printsEverySessionOnceOrFailsClearly()
{
    QFETCH(QString, scenario);
    QFETCH(int, maxAttempts);
    QFETCH(Output, output);
    const FaultScenario fault = FaultScenario::byName(scenario);
    BackgroundEmulator emulator(fault.config());
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sessions.csv"_s);
    CliProcess cli(m_home.path());
    cli.setCredentials(emulator.credentials().accessKeyId, emulator.credentials().secretAccessKey);
    cli.setEnv(u"AWS_REGION"_s, emulator.region());
    cli.setEnv(u"AWS_MAX_ATTEMPTS"_s, QString::number(maxAttempts));
    QStringList arguments{
        u"--endpoint-url"_s, emulator.endpoint().toString(), u"sessions"_s, u"--portal"_s, m_portal,
        u"--page-size"_s,    QString::number(pageSize)};
    if (output == Output::StdoutJsonLines)
        arguments << u"--format"_s << u"jsonl"_s;
    else
        arguments << u"--output"_s << path;
    const CliProcess::Result result = cli.cli(arguments);
    const QList<QByteArray> errLines = result.errLines();

    // What reached stdout: every line one JSON object, never a session twice.
    QStringList printed;
    if (output == Output::StdoutJsonLines) {
        QVERIFY(result.out.isEmpty() || result.out.endsWith('\n'));
        const QList<QByteArray> lines = result.out.split('\n');
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QJsonParseError parseError;
            const QJsonObject object = QJsonDocument::fromJson(line, &parseError).object();
            QVERIFY2(parseError.error == QJsonParseError::NoError, line.constData());
            printed.append(object[u"sessionId"].toString());
        }
    } else {
        QVERIFY2(result.out.isEmpty(), result.out.left(200).constData());
    }

    const bool mustSucceed = fault.outcome == FaultScenario::Outcome::Transparent ||
                             (fault.outcome == FaultScenario::Outcome::Recoverable && maxAttempts > 1);
    if (mustSucceed) {
        QVERIFY2(result.exitCode == 0, result.err.constData());
        if (output == Output::StdoutJsonLines) {
            QCOMPARE(printed, m_expected);
            QVERIFY2(errLines.isEmpty(), result.err.constData()); // no --debug, not a terminal: quiet
        } else {
            QCOMPARE(errLines.size(), 1);
            QVERIFY2(
                errLines.first().contains("Exported " + QByteArray::number(m_expected.size()) + " session"),
                errLines.first().constData());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const std::optional<QList<QStringList>> records = CsvReader::parse(file.readAll(), &error);
            QVERIFY2(records, qPrintable(error));
            QStringList ids;
            for (qsizetype i = 1; i < records->size(); ++i)
                ids.append(records->at(i).value(0));
            QCOMPARE(records->first().value(0), u"sessionId"_s);
            QCOMPARE(ids, m_expected);
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"sessions.csv"_s});
        }
        return;
    }

    // A clear failure: the documented status, one line that says what happened and what became of the
    // output.
    QCOMPARE(result.exitCode, int(fault.exitCode));
    QVERIFY2(errLines.size() == 1, result.err.constData());
    const QString line = QString::fromUtf8(errLines.first());
    QVERIFY2(line.startsWith(u"sessionscope-cli: error: "_s), qPrintable(line));
    QVERIFY2(line.contains(fault.userMessageHint), qPrintable(line));
    // The CLI gave up: its last word must not promise another attempt.
    QVERIFY2(!line.contains(u"retrying"_s, Qt::CaseInsensitive), qPrintable(line));
    if (output == Output::StdoutJsonLines) {
        // Streamed pages stay written; they are the reference's beginning, each session once.
        // The seed makes the first fault strike mid-walk, after some pages went out.
        QVERIFY(!printed.isEmpty() && printed.size() < m_expected.size());
        QCOMPARE(printed, m_expected.mid(0, printed.size()));
        QVERIFY2(line.contains(u"after %1 sessions were written"_s.arg(printed.size())), qPrintable(line));
    } else {
        // Rows were written (the seed makes the fault strike mid-walk), then thrown away.
        static const QRegularExpression after(u"after ([0-9]+) sessions; no file was written"_s);
        const QRegularExpressionMatch match = after.match(line);
        QVERIFY2(match.hasMatch() && match.captured(1).toInt() > 0, qPrintable(line));
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_clifaults.moc"
