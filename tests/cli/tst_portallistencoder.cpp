// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `portals --format csv|json|jsonl` writes through the session export's encoders: a display name is
// quoted and neutralised exactly as a username in `sessions --format csv`.
#include "api/Portal.h"
#include "cli/PortalListEncoder.h"
#include "sessions/CsvSessionWriter.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Portal portalNamed(const QString &displayName)
{
    Portal portal;
    portal.portalArn =
        u"arn:aws:workspaces-web:us-east-1:123456789012:portal/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"_s;
    portal.displayName = displayName;
    portal.portalStatus = u"Active"_s;
    portal.creationDate = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    portal.maxConcurrentSessions = 25;
    return portal;
}

/// The field a sessions CSV export writes for `text` as a username (the second of two columns).
QString sessionsCsvField(const QString &text, bool spreadsheetSafe)
{
    ExportOptions options;
    options.format = ExportFormat::Csv;
    options.columns = {ExportColumn::SessionId, ExportColumn::Username};
    options.spreadsheetSafe = spreadsheetSafe;
    SessionSummary session;
    session.sessionId = u"s"_s;
    session.username = text;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvSessionWriter writer(options);
    writer.begin(&buffer);
    writer.writeRow(ExportRow(session));
    writer.finish();
    const QString record = QString::fromUtf8(buffer.data()).section(u"\r\n"_s, 1, 1);
    return record.mid(2); // after "s,"
}

} // namespace

class TestPortalListEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvDisplayNameLikeSessions_data();
    void csvDisplayNameLikeSessions();
    void csvHeaderAndRecord();
    void jsonAndJsonLines();
};

void TestPortalListEncoder::csvDisplayNameLikeSessions_data()
{
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<bool>("spreadsheetSafe");
    QTest::addColumn<QString>("field");

    QTest::newRow("plain") << u"Finance Contractors"_s << false << u"Finance Contractors"_s;
    QTest::newRow("comma") << u"Legal, Compliance & Audit"_s << false << u"\"Legal, Compliance & Audit\""_s;
    QTest::newRow("quotes") << u"The \"A\" team"_s << false << u"\"The \"\"A\"\" team\""_s;
    QTest::newRow("leading space") << u" Lobby"_s << false << u"\" Lobby\""_s;
    QTest::newRow("trailing tab") << u"Lobby\t"_s << false << u"\"Lobby\t\""_s;
    QTest::newRow("formula, exact") << u"=1+2"_s << false << u"=1+2"_s;
    QTest::newRow("formula, spreadsheet-safe") << u"=1+2"_s << true << u"'=1+2"_s;
    QTest::newRow("at sign, spreadsheet-safe") << u"@SUM(A1:A9)"_s << true << u"'@SUM(A1:A9)"_s;
    QTest::newRow("hyperlink, spreadsheet-safe")
        << u"=HYPERLINK(\"http://example.com\",\"x\")"_s << true
        << u"\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""_s;
}

void TestPortalListEncoder::csvDisplayNameLikeSessions()
{
    QFETCH(QString, displayName);
    QFETCH(bool, spreadsheetSafe);
    QFETCH(QString, field);

    const QString record =
        QString::fromUtf8(PortalListEncoder::csvRecord(portalNamed(displayName), spreadsheetSafe));
    // portalId,portalArn,displayName,...: the name is the third field; id and ARN hold no commas.
    const QString expected = u"0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d,"
                             u"arn:aws:workspaces-web:us-east-1:123456789012:portal/"
                             u"0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d,"_s +
                             field + u",Active,2026-01-02T03:04:05Z,25\r\n"_s;
    QCOMPARE(record, expected);
    QCOMPARE(field, sessionsCsvField(displayName, spreadsheetSafe));
}

void TestPortalListEncoder::csvHeaderAndRecord()
{
    const QByteArray csv =
        PortalListEncoder::encode({portalNamed(u"A"_s), Portal()}, ExportFormat::Csv, false);
    QVERIFY(
        csv.startsWith("portalId,portalArn,displayName,portalStatus,creationDate,maxConcurrentSessions\r\n"));
    // An unknown creation date and limit are empty cells, as absent values are in the session export.
    QVERIFY(csv.endsWith(",,,,,\r\n"));
    QCOMPARE(csv.count("\r\n"), 3);
}

void TestPortalListEncoder::jsonAndJsonLines()
{
    Portal odd = portalNamed(u"Line\nbreak \u2028 \"quoted\""_s);
    odd.maxConcurrentSessions = 0;
    const QList<Portal> portals = {portalNamed(u"研究開発ポータル"_s), odd};

    const QByteArray lines = PortalListEncoder::encode(portals, ExportFormat::JsonLines, false);
    const QList<QByteArray> records = lines.split('\n');
    QCOMPARE(records.size(), 3); // two records and the empty rest after the last line break
    QVERIFY(records.last().isEmpty());
    for (qsizetype i = 0; i < portals.size(); ++i) {
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(records.at(i), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object[u"displayName"].toString(), portals.at(i).displayName);
        QCOMPARE(object[u"portalId"].toString(), portals.at(i).portalId());
        QCOMPARE(object[u"creationDate"].toString(), u"2026-01-02T03:04:05Z"_s);
    }
    QCOMPARE(QJsonDocument::fromJson(records.at(0)).object()[u"maxConcurrentSessions"].toInt(), 25);
    QVERIFY(!QJsonDocument::fromJson(records.at(1)).object().contains(u"maxConcurrentSessions"));

    // json: the same objects in an array, one per line, as `sessions --format json` lays them out.
    const QByteArray json = PortalListEncoder::encode(portals, ExportFormat::Json, false);
    QCOMPARE(json, "[\n" + records.at(0) + ",\n" + records.at(1) + "\n]\n");
    QCOMPARE(PortalListEncoder::encode({}, ExportFormat::Json, false), QByteArray("[]\n"));
    QVERIFY(PortalListEncoder::encode({}, ExportFormat::JsonLines, false).isEmpty());
}

QTEST_GUILESS_MAIN(TestPortalListEncoder)
#include "tst_portallistencoder.moc"
