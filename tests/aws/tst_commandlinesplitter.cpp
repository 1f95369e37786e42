// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/CommandLineSplitter.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestCommandLineSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splits_data();
    void splits();
    void rejects_data();
    void rejects();
};

void TestCommandLineSplitter::splits_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("plain") << u"aws configure export-credentials --profile dev --format process"_s
                           << QStringList{u"aws"_s,       u"configure"_s, u"export-credentials"_s,
                                          u"--profile"_s, u"dev"_s,       u"--format"_s,
                                          u"process"_s};
    QTest::newRow("runs of whitespace") << u"  a \t b\n c  "_s << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("single quotes literal")
        << u"echo 'a \"b\" \\n $HOME'"_s << QStringList{u"echo"_s, u"a \"b\" \\n $HOME"_s};
    QTest::newRow("double quotes") << u"\"/opt/my tools/get creds\" --name \"x \\\"y\\\" \\\\ \\n\""_s
                                   << QStringList{u"/opt/my tools/get creds"_s, u"--name"_s,
                                                  u"x \"y\" \\ \\n"_s};
    QTest::newRow("adjacent parts join") << u"--opt='a b'\"c d\"e"_s << QStringList{u"--opt=a bc de"_s};
    QTest::newRow("empty quoted word") << u"cmd '' \"\""_s << QStringList{u"cmd"_s, QString(), QString()};
    QTest::newRow("backslash escapes") << u"a\\ b c\\'d"_s << QStringList{u"a b"_s, u"c'd"_s};
    QTest::newRow("line continuation") << u"a \\\n b"_s << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("no shell features")
        << u"tool > out; rm -rf $HOME | x"_s
        << QStringList{u"tool"_s, u">"_s, u"out;"_s, u"rm"_s, u"-rf"_s, u"$HOME"_s, u"|"_s, u"x"_s};
}

void TestCommandLineSplitter::splits()
{
    QFETCH(QString, commandLine);
    QFETCH(QStringList, words);
    const AwsResult<QStringList> result = CommandLineSplitter::split(commandLine);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value(), words);
}

void TestCommandLineSplitter::rejects_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("blank") << u"  \t "_s << u"empty"_s;
    QTest::newRow("open single quote") << u"tool 'secret-arg"_s << u"single quote"_s;
    QTest::newRow("open double quote") << u"tool \"secret-arg"_s << u"double quote"_s;
    QTest::newRow("trailing backslash") << u"tool secret-arg\\"_s << u"backslash"_s;
}

void TestCommandLineSplitter::rejects()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, reason);
    const AwsResult<QStringList> result = CommandLineSplitter::split(commandLine);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Configuration);
    QVERIFY2(result.error().message().contains(reason), qPrintable(result.error().message()));
    QVERIFY(!result.error().message().contains(u"secret-arg"_s));
}

QTEST_GUILESS_MAIN(TestCommandLineSplitter)
#include "tst_commandlinesplitter.moc"
