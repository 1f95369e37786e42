// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The export engine (SessionExporter writing a file over a real WorkSpacesWebClient and AwsTransport)
// against an emulator that misbehaves: the file holds every session exactly once in the service's order,
// or there is no file at all (nor a temporary one) and a clear error.
#include "ClientStack.h"
#include "CsvReader.h"
#include "FaultScenario.h"
#include "ListSessionsWalk.h"
#include "emulator/BackgroundEmulator.h"
#include "sessions/SessionExporter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// 240 sessions in pages of 15: sixteen pages.
constexpr int pageSize = 15;
constexpr int rideOutAttempts = 12;
constexpr int exportTimeoutMs = 60'000;

// The session ids of an export file, in file order; nullopt with `error` set when it does not parse.
std::optional<QStringList> idsInFile(const QString &path, ExportFormat format, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    QStringList ids;
    if (format == ExportFormat::Csv) {
        const std::optional<QList<QStringList>> records = CsvReader::parse(data, error);
        if (!records)
            return std::nullopt;
        if (records->isEmpty() || records->first().value(0) != u"sessionId"_s) {
            *error = u"no header row"_s;
            return std::nullopt;
        }
        for (qsizetype i = 1; i < records->size(); ++i)
            ids.append(records->at(i).value(0));
        return ids;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        *error = parseError.errorString();
        return std::nullopt;
    }
    const QJsonArray rows = document.array();
    for (const QJsonValue &row : rows)
        ids.append(row[u"sessionId"].toString());
    return ids;
}

} // namespace

class TestExportFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportsEverySessionOnceOrNothing_data();
    void exportsEverySessionOnceOrNothing();

private:
    std::unique_ptr<BackgroundEmulator> m_reference;
    QString m_portal;
    QStringList m_expected;
};

void TestExportFaults::initTestCase()
{
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

void TestExportFaults::exportsEverySessionOnceOrNothing_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<ExportFormat>("format");
    const QList<FaultScenario> scenarios = FaultScenario::all();
    for (const FaultScenario &scenario : scenarios) {
        QTest::addRow("%s, 1 attempt, csv", qPrintable(scenario.name))
            << scenario.name << 1 << ExportFormat::Csv;
        QTest::addRow("%s, %d attempts, json", qPrintable(scenario.name), rideOutAttempts)
            << scenario.name << rideOutAttempts << ExportFormat::Json;
    }
}

void TestExportFaults::exportsEverySessionOnceOrNothing()
{
    QFETCH(QString, scenario);
    QFETCH(int, maxAttempts);
    QFETCH(ExportFormat, format);
    const FaultScenario fault = FaultScenario::byName(scenario);
    BackgroundEmulator emulator(fault.config());
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));
    ClientStack stack(emulator, maxAttempts);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sessions."_s + ExportOptions::fileExtension(format));
    ExportOptions options;
    options.format = format;
    SessionExporter exporter(&stack.client());
    exporter.setPageSize(pageSize);
    QSignalSpy finished(&exporter, &SessionExporter::finished);
    SessionQuery query;
    query.portalId = m_portal;
    QVERIFY(exporter.start(query, options, path));
    QVERIFY(finished.wait(exportTimeoutMs));
    QCOMPARE(finished.size(), 1);
    const bool ok = finished.first().at(0).toBool();
    const AwsError failure = finished.first().at(1).value<AwsError>();
    const qint64 rows = finished.first().at(2).toLongLong();
    const QString summary = SessionExporter::summary(ok, failure, rows, path);
    qInfo("%s after %d retries, %d requests: %s", ok ? "exported" : "failed", stack.retries(),
          stack.requestsSent(), qPrintable(summary));

    const bool mustSucceed = fault.outcome == FaultScenario::Outcome::Transparent ||
                             (fault.outcome == FaultScenario::Outcome::Recoverable && maxAttempts > 1);
    if (mustSucceed) {
        QVERIFY2(ok, qPrintable(failure.toLogLine()));
        QCOMPARE(rows, qint64(m_expected.size()));
        const std::optional<QStringList> ids = idsInFile(path, format, &error);
        QVERIFY2(ids, qPrintable(error));
        QCOMPARE(*ids, m_expected); // every session once, in the service's order
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QFileInfo(path).fileName()});
        QCOMPARE(exporter.progress().duplicatesSkipped, 0);
        if (fault.outcome == FaultScenario::Outcome::Recoverable)
            QVERIFY2(stack.retries() > 0, "no fault was met: the test proves nothing");
        else
            QCOMPARE(stack.skewCorrections(), 1);
        QVERIFY2(summary.contains(u"Exported %1 session"_s.arg(m_expected.size())), qPrintable(summary));
        return;
    }

    // A clear failure and nothing on disk: no file, no temporary file.
    QVERIFY(!ok);
    QCOMPARE(failure.category(), fault.category);
    QCOMPARE(failure.action(), u"workspaces-web:ListSessions"_s);
    QVERIFY2(failure.userMessage().contains(fault.userMessageHint), qPrintable(failure.userMessage()));
    // The seed makes the first fault strike mid-walk: rows were written, and thrown away.
    QVERIFY2(rows > 0 && rows < m_expected.size(), qPrintable(QString::number(rows)));
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).isEmpty());
    QVERIFY2(summary.contains(u"No file was written"_s), qPrintable(summary));
    QVERIFY(!exporter.isRunning());
    if (fault.outcome == FaultScenario::Outcome::Stops) {
        // It stopped at the first repeated token instead of walking round in circles.
        QVERIFY(stack.requestsSent() <= (m_expected.size() / pageSize + 1) * maxAttempts);
    } else {
        QCOMPARE(stack.retries(), 0);
    }
}

QTEST_GUILESS_MAIN(TestExportFaults)
#include "tst_exportfaults.moc"
