// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvReader.h"
#include "SessionFixtures.h"

#include "sessions/CsvSessionWriter.h"
#include "sessions/ExportOptions.h"
#include "sessions/JsonLinesSessionWriter.h"
#include "sessions/JsonSessionWriter.h"
#include "sessions/SessionWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ExportOptions)
Q_DECLARE_METATYPE(ExportFormat)
Q_DECLARE_METATYPE(ExportRow)

namespace {

// Accepts `limit` bytes, then fails every write the way a full disk does.
class FailingDevice : public QIODevice
{
public:
    explicit FailingDevice(qint64 limit)
        : m_limit(limit)
    {
        open(QIODevice::WriteOnly);
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        if (m_written + size > m_limit) {
            setErrorString(u"No space left on device"_s);
            return -1;
        }
        m_written += size;
        return size;
    }

private:
    qint64 m_limit;
    qint64 m_written = 0;
};

QByteArray render(const ExportOptions &options, const QList<ExportRow> &rows)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const std::unique_ptr<SessionWriter> writer = SessionWriter::create(options);
    if (!writer->begin(&buffer))
        return QByteArray("begin failed");
    for (const ExportRow &row : rows) {
        if (!writer->writeRow(row))
            return QByteArray("writeRow failed");
    }
    if (!writer->finish())
        return QByteArray("finish failed");
    return buffer.data();
}

QList<ExportRow> rowsOf(const QList<SessionSummary> &sessions)
{
    return QList<ExportRow>(sessions.begin(), sessions.end());
}

// Three sessions with every kind of enrichment: found (some sharing answers absent), no Q App session,
// nothing fetched.
QList<ExportRow> enrichedRows()
{
    const QList<SessionSummary> sessions = SessionFixtures::hostile();
    QList<ExportRow> rows;
    ExportRow found(sessions.at(1));
    found.portalName = u"Sales, EMEA \"prod\""_s;
    found.clientIpAddresses = QStringList{u"203.0.113.7"_s, u"2001:db8::1"_s};
    found.qAppState = ExportRow::QAppState::Found;
    found.qAppMetadata.sessionId = u"6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"_s;
    found.qAppMetadata.sessionName = u"=Quarterly, review"_s;
    found.qAppMetadata.sharingConfiguration.enabled = true;
    found.qAppMetadata.sharingConfiguration.acceptResponses = false;
    found.qAppMetadata.sessionOwner = true;
    rows.append(found);

    ExportRow none(sessions.at(3));
    none.portalName = u"Sales, EMEA \"prod\""_s;
    none.clientIpAddresses = QStringList();
    none.qAppState = ExportRow::QAppState::NoSession;
    rows.append(none);

    rows.append(ExportRow(sessions.at(4)));
    return rows;
}

QString goldenPath(const QString &name)
{
    return QStringLiteral(SESSIONS_GOLDEN_DIR) + u'/' + name;
}

} // namespace

class TestSessionWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void emptyExports_data();
    void emptyExports();
    void csvRoundTrip_data();
    void csvRoundTrip();
    void spreadsheetSafety_data();
    void spreadsheetSafety();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonEscapesEverythingItMust();
    void jsonLinesAreOneObjectPerLine();
    void enrichmentValues();
    void deviceFailureIsReported_data();
    void deviceFailureIsReported();
    void closedDeviceIsRefused();
    void columnNames();
    void parseColumns_data();
    void parseColumns();
    void formats();
    void validate();
    void suggestedFileName_data();
    void suggestedFileName();
};

void TestSessionWriters::golden_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ExportOptions>("options");
    QTest::addColumn<QList<ExportRow>>("rows");

    const QList<ExportRow> hostile = rowsOf(SessionFixtures::hostile());
    ExportOptions csvSafe;
    QTest::newRow("csv, spreadsheet-safe") << u"hostile-safe.csv"_s << csvSafe << hostile;

    ExportOptions csvExact;
    csvExact.spreadsheetSafe = false;
    csvExact.csvByteOrderMark = true;
    QTest::newRow("csv, exact, BOM") << u"hostile-exact.csv"_s << csvExact << hostile;

    ExportOptions json;
    json.format = ExportFormat::Json;
    QTest::newRow("json") << u"hostile.json"_s << json << hostile;

    ExportOptions jsonLines;
    jsonLines.format = ExportFormat::JsonLines;
    QTest::newRow("json lines") << u"hostile.jsonl"_s << jsonLines << hostile;

    ExportOptions allCsv;
    allCsv.columns = ExportOptions::allColumns();
    QTest::newRow("all columns, csv") << u"enriched.csv"_s << allCsv << enrichedRows();

    ExportOptions allJson = allCsv;
    allJson.format = ExportFormat::Json;
    QTest::newRow("all columns, json") << u"enriched.json"_s << allJson << enrichedRows();

    ExportOptions local;
    local.columns = {ExportColumn::SessionId, ExportColumn::StartTime, ExportColumn::EndTime,
                     ExportColumn::DurationSeconds};
    local.timeMode = TimeFormat::Mode::Local;
    local.localZone = QTimeZone("America/St_Johns");
    QTest::newRow("local times, csv") << u"local-st-johns.csv"_s << local << hostile.mid(0, 6);
}

void TestSessionWriters::golden()
{
    QFETCH(QString, file);
    QFETCH(ExportOptions, options);
    QFETCH(QList<ExportRow>, rows);

    const QByteArray actual = render(options, rows);
    QFile golden(goldenPath(file));
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(golden.fileName()));
    const QByteArray expected = golden.readAll();
    if (actual != expected) {
        // Leave the output next to the build for a human to compare; the golden file is never rewritten.
        const QString actualPath = QStringLiteral(SESSIONSCOPE_BINARY_DIR) + u"/tests/sessions/"_s + file;
        QFile out(actualPath + u".actual"_s);
        if (out.open(QIODevice::WriteOnly))
            out.write(actual);
        qWarning("output differs from %s; written to %s.actual", qPrintable(golden.fileName()),
                 qPrintable(actualPath));
    }
    QCOMPARE(actual, expected);
}

void TestSessionWriters::emptyExports_data()
{
    QTest::addColumn<ExportOptions>("options");
    QTest::addColumn<QByteArray>("expected");
    ExportOptions csv;
    QTest::newRow("csv: the header") << csv
                                     << QByteArray(
                                            "sessionId,username,status,startTime,endTime,portalArn\r\n");
    csv.csvByteOrderMark = true;
    QTest::newRow("csv with BOM")
        << csv << QByteArray("\xEF\xBB\xBFsessionId,username,status,startTime,endTime,portalArn\r\n");
    ExportOptions json;
    json.format = ExportFormat::Json;
    QTest::newRow("json: an empty array") << json << QByteArray("[]\n");
    ExportOptions jsonLines;
    jsonLines.format = ExportFormat::JsonLines;
    QTest::newRow("json lines: nothing") << jsonLines << QByteArray();
}

void TestSessionWriters::emptyExports()
{
    QFETCH(ExportOptions, options);
    QFETCH(QByteArray, expected);
    QCOMPARE(render(options, {}), expected);
}

void TestSessionWriters::csvRoundTrip_data()
{
    QTest::addColumn<bool>("byteOrderMark");
    QTest::newRow("plain") << false;
    QTest::newRow("with BOM") << true;
}

void TestSessionWriters::csvRoundTrip()
{
    QFETCH(bool, byteOrderMark);
    ExportOptions options;
    options.spreadsheetSafe = false;
    options.csvByteOrderMark = byteOrderMark;
    const QList<SessionSummary> sessions = SessionFixtures::hostile();
    const QByteArray csv = render(options, rowsOf(sessions));

    QString error;
    const std::optional<QList<QStringList>> records = CsvReader::parse(csv, &error);
    QVERIFY2(records, qPrintable(error));
    QCOMPARE(records->size(), sessions.size() + 1);
    QCOMPARE(records->at(0), (QStringList{u"sessionId"_s, u"username"_s, u"status"_s, u"startTime"_s,
                                          u"endTime"_s, u"portalArn"_s}));
    const TimeFormat utc;
    for (int i = 0; i < sessions.size(); ++i) {
        const SessionSummary &s = sessions.at(i);
        const QStringList expected = {s.sessionId,          s.username,         s.statusText,
                                      utc.iso(s.startTime), utc.iso(s.endTime), s.portalArn};
        QCOMPARE(records->at(i + 1), expected);
        // The times read back as the same instants.
        QCOMPARE(QDateTime::fromString(records->at(i + 1).at(3), Qt::ISODateWithMs), s.startTime);
    }
    QVERIFY(sessions.last().username.size() == 256);
}

void TestSessionWriters::spreadsheetSafety_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("safeField");  // as written with the option on
    QTest::addColumn<QString>("exactField"); // as written with the option off

    QTest::newRow("formula") << u"=1+1"_s << u"'=1+1"_s << u"=1+1"_s;
    QTest::newRow("formula with comma") << u"=SUM(A1,A2)"_s << u"\"'=SUM(A1,A2)\""_s << u"\"=SUM(A1,A2)\""_s;
    QTest::newRow("plus") << u"+49 30"_s << u"'+49 30"_s << u"+49 30"_s;
    QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s << u"-2+3"_s;
    QTest::newRow("at") << u"@cmd"_s << u"'@cmd"_s << u"@cmd"_s;
    QTest::newRow("tab") << u"\tx"_s << u"'\tx"_s << u"\"\tx\""_s;
    QTest::newRow("carriage return") << u"\rx"_s << u"\"'\rx\""_s << u"\"\rx\""_s;
    QTest::newRow("formula char later is fine") << u"a=b"_s << u"a=b"_s << u"a=b"_s;
    QTest::newRow("apostrophe is left alone") << u"'quoted"_s << u"'quoted"_s << u"'quoted"_s;
    QTest::newRow("empty") << QString() << QString() << QString();
    QTest::newRow("quotes doubled") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("leading space quoted") << u" x"_s << u"\" x\""_s << u"\" x\""_s;
    QTest::newRow("trailing space quoted") << u"x "_s << u"\"x \""_s << u"\"x \""_s;
    QTest::newRow("inner space plain") << u"a b"_s << u"a b"_s << u"a b"_s;
    QTest::newRow("line feed quoted") << u"a\nb"_s << u"\"a\nb\""_s << u"\"a\nb\""_s;
    QTest::newRow("non-ASCII plain") << u"山田, Ω"_s << u"\"山田, Ω\""_s << u"\"山田, Ω\""_s;
}

void TestSessionWriters::spreadsheetSafety()
{
    QFETCH(QString, value);
    QFETCH(QString, safeField);
    QFETCH(QString, exactField);
    QCOMPARE(CsvSessionWriter::encodeField(value, true), safeField);
    QCOMPARE(CsvSessionWriter::encodeField(value, false), exactField);

    // Through the whole writer and back: off is exact, on only ever adds the leading apostrophe.
    SessionSummary s = SessionFixtures::session(u"id"_s, value, u"Active"_s, u"2026-11-21T19:35:12Z"_s);
    for (const bool safe : {false, true}) {
        ExportOptions options;
        options.spreadsheetSafe = safe;
        options.columns = {ExportColumn::Username, ExportColumn::SessionId};
        const std::optional<QList<QStringList>> records = CsvReader::parse(render(options, {ExportRow(s)}));
        QVERIFY(records);
        QCOMPARE(records->size(), 2);
        const QString read = records->at(1).at(0);
        if (!safe)
            QCOMPARE(read, value);
        else
            QVERIFY(read == value || read == u'\'' + value);
        QCOMPARE(records->at(1).at(1), u"id"_s);
    }
}

void TestSessionWriters::jsonRoundTrip_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::newRow("json") << ExportFormat::Json;
    QTest::newRow("json lines") << ExportFormat::JsonLines;
}

void TestSessionWriters::jsonRoundTrip()
{
    QFETCH(ExportFormat, format);
    ExportOptions options;
    options.format = format;
    const QList<SessionSummary> sessions = SessionFixtures::hostile();
    const QByteArray bytes = render(options, rowsOf(sessions));

    QList<QJsonObject> objects;
    if (format == ExportFormat::Json) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(doc.isArray(), qPrintable(error.errorString()));
        for (const QJsonValue &v : doc.array())
            objects.append(v.toObject());
    } else {
        QVERIFY(bytes.endsWith('\n'));
        const QList<QByteArray> lines = bytes.chopped(1).split('\n');
        for (const QByteArray &line : lines) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
            objects.append(doc.object());
        }
    }
    QCOMPARE(objects.size(), sessions.size());
    const TimeFormat utc;
    for (int i = 0; i < sessions.size(); ++i) {
        const SessionSummary &s = sessions.at(i);
        const QJsonObject &o = objects.at(i);
        QCOMPARE(o.value(u"sessionId").toString(), s.sessionId);
        QCOMPARE(o.value(u"username").toString(), s.username);
        QCOMPARE(o.value(u"status").toString(), s.statusText);
        QCOMPARE(o.value(u"portalArn").toString(), s.portalArn);
        QCOMPARE(o.value(u"startTime").toString(), utc.iso(s.startTime));
        QCOMPARE(QDateTime::fromString(o.value(u"startTime").toString(), Qt::ISODateWithMs), s.startTime);
        if (s.endTime.isValid()) {
            QCOMPARE(o.value(u"endTime").toString(), utc.iso(s.endTime));
            QCOMPARE(o.size(), 6);
        } else {
            QVERIFY(!o.contains(u"endTime")); // omitted, as ListSessions does
            QCOMPARE(o.size(), 5);
        }
    }
}

void TestSessionWriters::jsonEscapesEverythingItMust()
{
    QString out;
    JsonSessionWriter::appendString(out, u"q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f\u2028\u2029é山"_s);
    QCOMPARE(out, u"\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\\u2028\\u2029é山\""_s);

    // A surrogate pair stays as it is; half a pair is escaped instead of being mangled by UTF-8.
    out.clear();
    JsonSessionWriter::appendString(out, u"👩"_s);
    QCOMPARE(out, u"\"👩\""_s);
    out.clear();
    const QChar lone[] = {QChar(u'a'), QChar(char16_t(0xD800)), QChar(u'b')};
    JsonSessionWriter::appendString(out, QString(lone, 3));
    QCOMPARE(out, u"\"a\\ud800b\""_s);
}

void TestSessionWriters::jsonLinesAreOneObjectPerLine()
{
    ExportOptions options;
    options.format = ExportFormat::JsonLines;
    const QList<SessionSummary> sessions = SessionFixtures::hostile();
    const QByteArray bytes = render(options, rowsOf(sessions));
    QCOMPARE(bytes.count('\n'), sessions.size()); // no raw line break inside a value
    QVERIFY(!bytes.contains('\r'));
    // Keys come in the order of the columns.
    const QByteArray first = bytes.left(bytes.indexOf('\n'));
    QVERIFY(first.startsWith("{\"sessionId\":"));
    QVERIFY(first.indexOf("\"username\"") < first.indexOf("\"status\""));
    QVERIFY(first.indexOf("\"startTime\"") < first.indexOf("\"portalArn\""));
}

void TestSessionWriters::enrichmentValues()
{
    ExportOptions options;
    options.format = ExportFormat::JsonLines;
    options.columns = ExportOptions::allColumns();
    const QByteArray bytes = render(options, enrichedRows());
    const QList<QByteArray> lines = bytes.chopped(1).split('\n');
    QCOMPARE(lines.size(), 3);

    const QJsonObject found = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(found.value(u"portalName").toString(), u"Sales, EMEA \"prod\""_s);
    QCOMPARE(found.value(u"clientIpAddresses").toArray(), (QJsonArray{u"203.0.113.7"_s, u"2001:db8::1"_s}));
    QCOMPARE(found.value(u"qAppSessionName").toString(), u"=Quarterly, review"_s); // JSON is never altered
    QCOMPARE(found.value(u"qAppSharingEnabled"), QJsonValue(true));
    QCOMPARE(found.value(u"qAppAcceptResponses"), QJsonValue(false));
    QVERIFY(!found.contains(u"qAppRevealCards")); // the service did not say
    QCOMPARE(found.value(u"qAppSessionOwner"), QJsonValue(true));
    const SessionSummary s = enrichedRows().at(0).session;
    QCOMPARE(found.value(u"durationSeconds").toInteger(), s.startTime.msecsTo(s.endTime) / 1000);

    const QJsonObject none = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(none.value(u"clientIpAddresses").toArray(), QJsonArray());
    QVERIFY(!none.contains(u"qAppSharingEnabled"));
    QVERIFY(!none.contains(u"durationSeconds")); // still active

    const QJsonObject bare = QJsonDocument::fromJson(lines.at(2)).object();
    QVERIFY(!bare.contains(u"portalName"));
    QVERIFY(!bare.contains(u"clientIpAddresses"));
    QVERIFY(!bare.contains(u"qAppSessionName"));
}

void TestSessionWriters::deviceFailureIsReported_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<qint64>("limit");
    QTest::newRow("csv, at the header") << ExportFormat::Csv << qint64(10);
    QTest::newRow("csv, mid-way") << ExportFormat::Csv << qint64(2000);
    QTest::newRow("json, mid-way") << ExportFormat::Json << qint64(2000);
    QTest::newRow("json lines, mid-way") << ExportFormat::JsonLines << qint64(2000);
}

void TestSessionWriters::deviceFailureIsReported()
{
    QFETCH(ExportFormat, format);
    QFETCH(qint64, limit);
    ExportOptions options;
    options.format = format;
    FailingDevice device(limit);
    const std::unique_ptr<SessionWriter> writer = SessionWriter::create(options);
    bool ok = writer->begin(&device);
    const QList<SessionSummary> sessions = SessionFixtures::generated(200);
    int i = 0;
    while (ok && i < sessions.size())
        ok = writer->writeRow(ExportRow(sessions.at(i++)));
    QVERIFY(!ok); // the writer noticed
    QVERIFY(writer->hasError());
    QCOMPARE(writer->error().category(), AwsError::Category::Io);
    QVERIFY2(writer->error().message().contains(u"No space left on device"_s),
             qPrintable(writer->error().message()));
    QVERIFY(writer->rowsWritten() < sessions.size());
    const qint64 written = writer->rowsWritten();
    QVERIFY(!writer->writeRow(ExportRow(sessions.first()))); // and stays failed
    QVERIFY(!writer->finish());
    QCOMPARE(writer->rowsWritten(), written);
}

void TestSessionWriters::closedDeviceIsRefused()
{
    QBuffer closed;
    const std::unique_ptr<SessionWriter> writer = SessionWriter::create(ExportOptions());
    QVERIFY(!writer->begin(&closed));
    QCOMPARE(writer->error().category(), AwsError::Category::Io);
    QVERIFY(!writer->writeRow(ExportRow(SessionFixtures::generated(1).first())));
    QVERIFY(!writer->begin(nullptr));
}

void TestSessionWriters::columnNames()
{
    QStringList names;
    for (ExportColumn column : ExportOptions::allColumns()) {
        names.append(ExportOptions::columnName(column));
        QCOMPARE(ExportOptions::columnFromName(names.last()), column);
    }
    QCOMPARE(names.join(u','),
             u"sessionId,username,status,startTime,endTime,portalArn,durationSeconds,portalName,"
             "clientIpAddresses,qAppSession,qAppSessionName,qAppSharingEnabled,qAppAcceptResponses,"
             "qAppRevealCards,"
             "qAppSessionOwner"_s);
    QCOMPARE(ExportOptions().columns, ExportOptions::defaultColumns());
    QCOMPARE(ExportOptions::defaultColumns().size(), 6);
    QVERIFY(!ExportOptions::columnFromName(u"SessionId"_s)); // names are case-sensitive, like the API's
    QVERIFY(!ExportOptions().needsSessionDetails());
    QVERIFY(!ExportOptions().needsQAppMetadata());
    ExportOptions all;
    all.columns = ExportOptions::allColumns();
    QVERIFY(all.needsSessionDetails());
    QVERIFY(all.needsQAppMetadata());
}

void TestSessionWriters::parseColumns_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("defaults") << u"sessionId,username,status,startTime,endTime,portalArn"_s << true << 6
                              << QString();
    QTest::newRow("spaces around names") << u" sessionId , qAppSharingEnabled"_s << true << 2 << QString();
    QTest::newRow("unknown") << u"sessionId,ip"_s << false << 0 << u"Unknown column \"ip\""_s;
    QTest::newRow("twice") << u"sessionId,sessionId"_s << false << 0 << u"twice"_s;
    QTest::newRow("empty") << QString() << false << 0 << u"Valid columns: sessionId"_s;
}

void TestSessionWriters::parseColumns()
{
    QFETCH(QString, list);
    QFETCH(bool, ok);
    QFETCH(int, count);
    QFETCH(QString, errorPart);
    const AwsResult<QList<ExportColumn>> result = ExportOptions::parseColumns(list);
    QCOMPARE(result.ok(), ok);
    if (ok) {
        QCOMPARE(result.value().size(), count);
    } else {
        QCOMPARE(result.error().category(), AwsError::Category::Validation);
        QVERIFY2(result.error().message().contains(errorPart), qPrintable(result.error().message()));
    }
}

void TestSessionWriters::formats()
{
    QCOMPARE(ExportOptions::formatFromName(u"CSV"_s), ExportFormat::Csv);
    QCOMPARE(ExportOptions::formatFromName(u"json"_s), ExportFormat::Json);
    QCOMPARE(ExportOptions::formatFromName(u"jsonl"_s), ExportFormat::JsonLines);
    QCOMPARE(ExportOptions::formatFromName(u"ndjson"_s), ExportFormat::JsonLines);
    QVERIFY(!ExportOptions::formatFromName(u"xlsx"_s));
    QCOMPARE(ExportOptions::fileExtension(ExportFormat::JsonLines), u"jsonl"_s);
    QCOMPARE(ExportOptions::formatName(ExportFormat::Json), u"json"_s);
}

void TestSessionWriters::validate()
{
    ExportOptions options;
    QVERIFY(!options.validate());
    options.columns.clear();
    QCOMPARE(options.validate()->category(), AwsError::Category::Validation);
    options.columns = {ExportColumn::Username, ExportColumn::Username};
    QVERIFY(options.validate()->message().contains(u"username"_s));
}

void TestSessionWriters::suggestedFileName_data()
{
    QTest::addColumn<QString>("portal");
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"Sales"_s << ExportFormat::Csv << u"sessions-Sales-2026-11-21.csv"_s;
    QTest::newRow("spaces and slashes")
        << u"Sales / EMEA: prod"_s << ExportFormat::Json << u"sessions-Sales-EMEA-prod-2026-11-21.json"_s;
    QTest::newRow("reserved characters") << u"a<b>c|d?e*f\"g\\h"_s << ExportFormat::JsonLines
                                         << u"sessions-a-b-c-d-e-f-g-h-2026-11-21.jsonl"_s;
    QTest::newRow("hidden-file dot and trailing dot")
        << u"..portal.."_s << ExportFormat::Csv << u"sessions-portal-2026-11-21.csv"_s;
    QTest::newRow("letters of any script")
        << u"営業 portál"_s << ExportFormat::Csv << u"sessions-営業-portál-2026-11-21.csv"_s;
    QTest::newRow("nothing usable") << u"///"_s << ExportFormat::Csv << u"sessions-portal-2026-11-21.csv"_s;
    QTest::newRow("empty") << QString() << ExportFormat::Csv << u"sessions-portal-2026-11-21.csv"_s;
    QTest::newRow("long names are cut") << QString(100, u'x') << ExportFormat::Csv
                                        << u"sessions-"_s + QString(64, u'x') + u"-2026-11-21.csv"_s;
}

void TestSessionWriters::suggestedFileName()
{
    QFETCH(QString, portal);
    QFETCH(ExportFormat, format);
    QFETCH(QString, expected);
    QCOMPARE(ExportOptions::suggestedFileName(portal, QDate(2026, 11, 21), format), expected);
}

QTEST_GUILESS_MAIN(TestSessionWriters)
#include "tst_sessionwriters.moc"
