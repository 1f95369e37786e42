// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliArguments.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestCliArguments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejects_data();
    void rejects();
    void sessionsCommand();
    void globalOptionsAnywhere();
    void timeouts();
    void helpAndVersion();
    void portalTakesAnArn_data();
    void portalTakesAnArn();
    void portalsFormats_data();
    void portalsFormats();
};

void TestCliArguments::rejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("no command") << QStringList{} << u"no command"_s;
    QTest::newRow("unknown command") << QStringList{u"list"_s} << u"unknown command"_s;
    QTest::newRow("missing portal") << QStringList{u"sessions"_s} << u"--portal"_s;
    QTest::newRow("bad status") << QStringList{u"sessions"_s, u"--portal"_s, u"p"_s, u"--status"_s, u"gone"_s}
                                << u"--status"_s;
    QTest::newRow("bad sort") << QStringList{u"sessions"_s, u"--portal=p"_s, u"--sort=random"_s}
                              << u"--sort"_s;
    QTest::newRow("zero page size") << QStringList{u"sessions"_s, u"--portal=p"_s, u"--page-size=0"_s}
                                    << u"--page-size"_s;
    QTest::newRow("text page size") << QStringList{u"sessions"_s, u"--portal=p"_s, u"--page-size"_s, u"ten"_s}
                                    << u"--page-size"_s;
    QTest::newRow("bad format") << QStringList{u"portals"_s, u"--format"_s, u"xml"_s} << u"--format"_s;
    QTest::newRow("option of other command")
        << QStringList{u"portals"_s, u"--portal"_s, u"x"_s} << u"unknown option --portal"_s;
    QTest::newRow("missing value") << QStringList{u"sessions"_s, u"--portal"_s} << u"needs a value"_s;
    QTest::newRow("twice") << QStringList{u"sessions"_s, u"--portal=a"_s, u"--portal=b"_s} << u"twice"_s;
    QTest::newRow("flag with value") << QStringList{u"expire"_s, u"--yes=1"_s} << u"takes no value"_s;
    QTest::newRow("sharing needs instance")
        << QStringList{u"sharing"_s, u"--session-id"_s, u"x"_s} << u"--instance-id"_s;
    QTest::newRow("ARN of another service")
        << QStringList{u"sessions"_s, u"--portal"_s, u"arn:aws:s3:::bucket"_s} << u"not a portal ARN"_s;
    QTest::newRow("ARN of another resource")
        << QStringList{u"session"_s, u"--portal"_s,
                       u"arn:aws:workspaces-web:us-east-1:123456789012:browserSettings/abc"_s,
                       u"--session-id"_s, u"x"_s}
        << u"not a portal ARN"_s;
    QTest::newRow("ARN without region")
        << QStringList{u"expire"_s, u"--portal"_s, u"arn:aws:workspaces-web::123456789012:portal/abc"_s,
                       u"--session-id"_s, u"x"_s}
        << u"not a portal ARN"_s;
    QTest::newRow("negative connect timeout")
        << QStringList{u"portals"_s, u"--cli-connect-timeout"_s, u"-1"_s}
        << u"--cli-connect-timeout must be"_s;
    QTest::newRow("word read timeout")
        << QStringList{u"--cli-read-timeout=soon"_s, u"portals"_s} << u"--cli-read-timeout must be"_s;
    QTest::newRow("empty read timeout")
        << QStringList{u"portals"_s, u"--cli-read-timeout="_s} << u"--cli-read-timeout must be"_s;
    QTest::newRow("stray argument") << QStringList{u"portals"_s, u"extra"_s} << u"unexpected argument"_s;
}

void TestCliArguments::rejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorContains);
    QString error;
    QVERIFY(!CliArguments::parse(arguments, &error).has_value());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestCliArguments::sessionsCommand()
{
    QString error;
    const auto args = CliArguments::parse({u"sessions"_s,
                                           u"--portal"_s,
                                           u"abc"_s,
                                           u"--status"_s,
                                           u"Active"_s,
                                           u"--username"_s,
                                           u"=cmd|' /C calc'!A0"_s,
                                           u"--sort"_s,
                                           u"oldest"_s,
                                           u"--page-size"_s,
                                           u"50"_s,
                                           u"--max-items"_s,
                                           u"1000"_s,
                                           u"--format"_s,
                                           u"csv"_s,
                                           u"--output"_s,
                                           u"out.csv"_s,
                                           u"--columns"_s,
                                           u"sessionId, username"_s,
                                           u"--spreadsheet-safe"_s},
                                          &error);
    QVERIFY2(args.has_value(), qPrintable(error));
    QCOMPARE(args->command, CliArguments::Command::Sessions);
    QCOMPARE(args->portalId, u"abc"_s);
    QCOMPARE(args->status, ListSessionsRequest::StatusFilter::Active);
    QCOMPARE(args->username.value(), u"=cmd|' /C calc'!A0"_s);
    QCOMPARE(args->sort, ListSessionsRequest::Sort::OldestFirst);
    QCOMPARE(args->pageSize, 50);
    QCOMPARE(args->maxItems, 1000);
    QCOMPARE(args->format, u"csv"_s);
    QCOMPARE(args->outputPath, u"out.csv"_s);
    QCOMPARE(args->columns, (QStringList{u"sessionId"_s, u"username"_s}));
    QVERIFY(args->spreadsheetSafe);
    QVERIFY(!args->byteOrderMark);
}

void TestCliArguments::globalOptionsAnywhere()
{
    QString error;
    const auto args = CliArguments::parse({u"--profile"_s, u"prod"_s, u"portals"_s, u"--region=eu-west-1"_s,
                                           u"--endpoint-url"_s, u"http://127.0.0.1:9"_s},
                                          &error);
    QVERIFY2(args.has_value(), qPrintable(error));
    QCOMPARE(args->profile, u"prod"_s);
    QCOMPARE(args->region, u"eu-west-1"_s);
    QCOMPARE(args->endpointUrl, u"http://127.0.0.1:9"_s);
    QVERIFY(args->format.isEmpty());
    QVERIFY(!args->username.has_value());
    QVERIFY(!args->connectTimeoutMs.has_value());
    QVERIFY(!args->readTimeoutMs.has_value());
}

void TestCliArguments::timeouts()
{
    // Seconds, as the AWS CLI names and reads them; 0 is no limit; before or after the command.
    QString error;
    auto args = CliArguments::parse(
        {u"--cli-connect-timeout"_s, u"5"_s, u"portals"_s, u"--cli-read-timeout=0"_s}, &error);
    QVERIFY2(args.has_value(), qPrintable(error));
    QCOMPARE(args->connectTimeoutMs, 5000);
    QCOMPARE(args->readTimeoutMs, 0);
    args = CliArguments::parse({u"whoami"_s, u"--cli-read-timeout"_s, u"2.5"_s}, &error);
    QVERIFY2(args.has_value(), qPrintable(error));
    QCOMPARE(args->readTimeoutMs, 2500);
    QVERIFY(!args->connectTimeoutMs.has_value());
    QVERIFY(CliArguments::helpText().contains(u"--cli-connect-timeout"_s));
    QVERIFY(CliArguments::helpText().contains(u"--cli-read-timeout"_s));
    QVERIFY(CliArguments::helpText().contains(u"14 quota exceeded"_s));
}

void TestCliArguments::helpAndVersion()
{
    QString error;
    QVERIFY(CliArguments::parse({u"--help"_s}, &error)->showHelp);
    QVERIFY(CliArguments::parse({u"sessions"_s, u"--help"_s}, &error)->showHelp);
    QVERIFY(CliArguments::parse({u"--version"_s}, &error)->showVersion);
    QVERIFY(CliArguments::parse({u"-v"_s}, &error)->showVersion);
    QVERIFY(CliArguments::parse({u"portals"_s, u"-h"_s}, &error)->showHelp);
    QVERIFY(CliArguments::helpText().contains(u"Exit status"_s));
    QVERIFY(CliArguments::helpText(CliArguments::Command::Sessions).contains(u"--max-items"_s));
}

void TestCliArguments::portalTakesAnArn_data()
{
    QTest::addColumn<QString>("portal");
    QTest::addColumn<QString>("portalId");
    QTest::addColumn<QString>("portalRegion");
    const QString id = u"0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"_s;
    QTest::newRow("bare id") << id << id << QString();
    QTest::newRow("ARN") << u"arn:aws:workspaces-web:eu-west-1:123456789012:portal/"_s + id << id
                         << u"eu-west-1"_s;
    QTest::newRow("ARN of another partition")
        << u"arn:aws-us-gov:workspaces-web:us-gov-west-1:123456789012:portal/"_s + id << id
        << u"us-gov-west-1"_s;
}

void TestCliArguments::portalTakesAnArn()
{
    QFETCH(QString, portal);
    QFETCH(QString, portalId);
    QFETCH(QString, portalRegion);
    for (const QStringList &command :
         {QStringList{u"sessions"_s}, QStringList{u"session"_s, u"--session-id"_s, u"s"_s},
          QStringList{u"expire"_s, u"--session-id"_s, u"s"_s}}) {
        QString error;
        const auto args = CliArguments::parse(command + QStringList{u"--portal"_s, portal}, &error);
        QVERIFY2(args.has_value(), qPrintable(error));
        QCOMPARE(args->portalId, portalId);
        QCOMPARE(args->portalRegion, portalRegion);
        // The option stays an explicit region: an ARN never fills it in.
        QVERIFY(args->region.isEmpty());
    }
    QVERIFY(CliArguments::helpText(CliArguments::Command::Sessions).contains(u"--portal ID|ARN"_s));
}

void TestCliArguments::portalsFormats_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("spreadsheetSafe");
    QTest::newRow("default") << QStringList{u"portals"_s} << QString() << false;
    QTest::newRow("jsonl, as sessions has")
        << QStringList{u"portals"_s, u"--format=jsonl"_s} << u"jsonl"_s << false;
    QTest::newRow("safe csv") << QStringList{u"portals"_s, u"--format"_s, u"csv"_s, u"--spreadsheet-safe"_s}
                              << u"csv"_s << true;
}

void TestCliArguments::portalsFormats()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, format);
    QFETCH(bool, spreadsheetSafe);
    QString error;
    const auto args = CliArguments::parse(arguments, &error);
    QVERIFY2(args.has_value(), qPrintable(error));
    QCOMPARE(args->format, format);
    QCOMPARE(args->spreadsheetSafe, spreadsheetSafe);
}

QTEST_GUILESS_MAIN(TestCliArguments)
#include "tst_cliarguments.moc"
