// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvReader.h"
#include "FakeSessionLister.h"
#include "SessionFixtures.h"

#include "sessions/ExportFile.h"
#include "sessions/SessionExporter.h"
#include "sessions/SessionWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ExportFormat)

namespace {

SessionQuery portalQuery()
{
    SessionQuery query;
    query.portalId = u"0f3c2a51-7d4e-4c69-9b1a-2f4e8d7c6b5a"_s;
    return query;
}

QList<SessionSummary> newestFirst(QList<SessionSummary> sessions)
{
    std::stable_sort(sessions.begin(), sessions.end(), [](const SessionSummary &a, const SessionSummary &b) {
        return b.startTime < a.startTime;
    });
    return sessions;
}

QStringList idsOf(const QList<SessionSummary> &sessions)
{
    QStringList ids;
    for (const SessionSummary &s : sessions)
        ids.append(s.sessionId);
    return ids;
}

// The sessionId column of an export file, in file order; nullopt when the file does not parse.
std::optional<QStringList> exportedIds(const QString &path, ExportFormat format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = file.readAll();
    QStringList ids;
    switch (format) {
    case ExportFormat::Csv: {
        const std::optional<QList<QStringList>> records = CsvReader::parse(bytes);
        if (!records || records->isEmpty() || records->first().first() != u"sessionId"_s)
            return std::nullopt;
        for (qsizetype i = 1; i < records->size(); ++i)
            ids.append(records->at(i).first());
        return ids;
    }
    case ExportFormat::Json: {
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        if (!doc.isArray())
            return std::nullopt;
        for (const QJsonValue &v : doc.array())
            ids.append(v.toObject().value(u"sessionId").toString());
        return ids;
    }
    case ExportFormat::JsonLines:
        for (const QByteArray &line : bytes.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (!doc.isObject())
                return std::nullopt;
            ids.append(doc.object().value(u"sessionId").toString());
        }
        return ids;
    }
    return std::nullopt;
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

struct Run
{
    Run() { lister.setDelivery(FakeSessionLister::Delivery::Queued); }

    QString target(const QString &name = u"sessions.csv"_s) const { return dir.filePath(name); }

    FakeSessionLister lister;
    SessionExporter exporter{&lister};
    QTemporaryDir dir;
};

} // namespace

class TestSessionExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullExportIsExactlyTheData_data();
    void fullExportIsExactlyTheData();
    void duplicatesAreWrittenOnce();
    void failureMidwayLeavesNoFile_data();
    void failureMidwayLeavesNoFile();
    void repeatedTokenFailsClearly();
    void cancelLeavesNoFile();
    void cancelBeforeTheFirstPage();
    void destroyingTheExporterLeavesNoFile();
    void unusableTarget_data();
    void unusableTarget();
    void fullDiskIsReported();
    void deviceTargetIsWrittenNotReplaced();
    void namedPipeTargetGetsEveryRow();
    void streamStopsAtTheFirstFailedPage();
    void startWhileRunningIsRefused();
    void invalidInputFailsWithoutRequests();
    void exportsAnInMemoryList();
    void inMemoryListFailureLeavesNothing();
};

void TestSessionExporter::fullExportIsExactlyTheData_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("pages");
    QTest::newRow("csv, no sessions") << ExportFormat::Csv << 0 << 10 << 1;
    QTest::newRow("csv, one session") << ExportFormat::Csv << 1 << 10 << 1;
    QTest::newRow("csv, exact pages") << ExportFormat::Csv << 90 << 10 << 9;
    QTest::newRow("csv, ragged last page") << ExportFormat::Csv << 95 << 10 << 10;
    QTest::newRow("csv, service page size") << ExportFormat::Csv << 95 << 0 << 4;
    QTest::newRow("json, page of 7") << ExportFormat::Json << 95 << 7 << 14;
    QTest::newRow("json lines, page of 1") << ExportFormat::JsonLines << 30 << 1 << 30;
}

void TestSessionExporter::fullExportIsExactlyTheData()
{
    QFETCH(ExportFormat, format);
    QFETCH(int, count);
    QFETCH(int, pageSize);
    QFETCH(int, pages);

    Run run;
    const QList<SessionSummary> data = SessionFixtures::generated(count);
    run.lister.setSessions(data);
    run.exporter.setPageSize(pageSize);
    ExportOptions options;
    options.format = format;
    const QString target = run.target(u"out."_s + ExportOptions::fileExtension(format));
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);
    QSignalSpy progress(&run.exporter, &SessionExporter::progressChanged);

    QVERIFY(run.exporter.start(portalQuery(), options, target));
    QVERIFY(run.exporter.isRunning());
    QVERIFY(finished.wait());
    QCOMPARE(finished.count(), 1);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).value<AwsError>().toLogLine()));
    QCOMPARE(finished.at(0).at(2).toLongLong(), qint64(count));
    QVERIFY(!run.exporter.isRunning());

    const std::optional<QStringList> ids = exportedIds(target, format);
    QVERIFY(ids);
    QCOMPARE(*ids, idsOf(newestFirst(data))); // in the service's order, each exactly once
    QCOMPARE(run.lister.requestCount(), pages);
    QCOMPARE(run.lister.maxInFlight(), 1);
    QCOMPARE(run.lister.lastRequest().maxResults, pageSize);
    QCOMPARE(progress.count(), pages);
    const auto last = progress.last().at(0).value<ExportProgress>();
    QCOMPARE(last.rowsWritten, qint64(count));
    QCOMPARE(last.pagesFetched, pages);
    QCOMPARE(last.duplicatesSkipped, 0);
    QVERIFY(last.elapsedMsec >= 0 && last.rowsPerSecond() >= 0.0);
    QCOMPARE(entries(run.dir.path()), QStringList{QFileInfo(target).fileName()}); // no temporary file

    // The in-memory path writes the same bytes for the same sessions.
    QVERIFY(
        SessionExporter::summary(true, AwsError(), count, target).contains(QDir::toNativeSeparators(target)));

    const QString copy = run.target(u"copy"_s);
    const AwsResult<qint64> written = SessionExporter::exportSessions(newestFirst(data), options, copy);
    QVERIFY(written.ok());
    QCOMPARE(written.value(), qint64(count));
    QFile a(target);
    QFile b(copy);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
}

void TestSessionExporter::duplicatesAreWrittenOnce()
{
    Run run;
    const QList<SessionSummary> data = SessionFixtures::generated(4);
    SessionSummary upper = data[0];
    upper.sessionId = data[0].sessionId.toUpper(); // a different id: kept as text, not folded into the UUID
    SessionSummary odd = data[1];
    odd.sessionId = u"not-a-uuid-but-36-characters-long-xx"_s;
    run.lister.setPage(QString(), SessionPage{{data[0], odd, upper}, u"A+/="_s});
    run.lister.setPage(u"A+/="_s, SessionPage{{data[0], data[2], odd}, u"B"_s});
    run.lister.setPage(u"B"_s, SessionPage{{upper, data[3], data[2]}, QString()});
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);

    ExportOptions options;
    QVERIFY(run.exporter.start(portalQuery(), options, run.target()));
    QVERIFY(finished.wait());
    QVERIFY(finished.at(0).at(0).toBool());
    QCOMPARE(finished.at(0).at(2).toLongLong(), qint64(5));
    QCOMPARE(*exportedIds(run.target(), ExportFormat::Csv),
             (QStringList{data[0].sessionId, odd.sessionId, upper.sessionId, data[2].sessionId,
                          data[3].sessionId}));
    QCOMPARE(run.exporter.progress().duplicatesSkipped, 4);
}

void TestSessionExporter::failureMidwayLeavesNoFile_data()
{
    QTest::addColumn<int>("failAfterPages");
    QTest::addColumn<bool>("targetExists");
    QTest::newRow("first page fails") << 0 << false;
    QTest::newRow("third page fails") << 2 << false;
    QTest::newRow("third page fails, old file kept") << 2 << true;
}

void TestSessionExporter::failureMidwayLeavesNoFile()
{
    QFETCH(int, failAfterPages);
    QFETCH(bool, targetExists);

    Run run;
    run.lister.setSessions(SessionFixtures::generated(100));
    // The transport has already given up retrying by the time the model sees an error.
    const AwsError serverError = AwsError(AwsError::Category::Server, u"We encountered an internal error."_s)
                                     .setCode(u"InternalServerException"_s)
                                     .setHttpStatus(500)
                                     .setRequestId(u"req-42"_s);
    run.lister.failAfterPages(failAfterPages, serverError);
    run.exporter.setPageSize(10);
    const QByteArray previous = "an earlier export\r\n";
    if (targetExists) {
        QFile old(run.target());
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(previous);
    }
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);

    QVERIFY(run.exporter.start(portalQuery(), ExportOptions(), run.target()));
    QVERIFY(finished.wait());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const auto error = finished.at(0).at(1).value<AwsError>();
    QCOMPARE(error.category(), AwsError::Category::Server);
    QCOMPARE(error.code(), u"InternalServerException"_s);
    QCOMPARE(error.requestId(), u"req-42"_s);
    QCOMPARE(finished.at(0).at(2).toLongLong(),
             qint64(failAfterPages * 10)); // rows fetched before the failure
    QCOMPARE(run.lister.requestCount(), failAfterPages + 1);
    const QString summary =
        SessionExporter::summary(false, error, finished.at(0).at(2).toLongLong(), run.target());
    QVERIFY2(summary.contains(u"failed after %1 session"_s.arg(failAfterPages * 10)) &&
                 summary.contains(error.userMessage()) && summary.contains(u"No file was written"_s),
             qPrintable(summary));
    if (targetExists) {
        QFile old(run.target());
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), previous); // untouched
        QCOMPARE(entries(run.dir.path()), QStringList{u"sessions.csv"_s});
    } else {
        QVERIFY(!QFile::exists(run.target()));
        QCOMPARE(entries(run.dir.path()), QStringList());
    }
}

void TestSessionExporter::repeatedTokenFailsClearly()
{
    Run run;
    const QList<SessionSummary> data = SessionFixtures::generated(3);
    run.lister.setPage(QString(), SessionPage{{data[0]}, u"A"_s});
    run.lister.setPage(u"A"_s, SessionPage{{data[1]}, u"B"_s});
    run.lister.setPage(u"B"_s, SessionPage{{data[2]}, u"A"_s});
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);
    QVERIFY(run.exporter.start(portalQuery(), ExportOptions(), run.target()));
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const auto error = finished.at(0).at(1).value<AwsError>();
    QCOMPARE(error.category(), AwsError::Category::MalformedAnswer);
    QVERIFY2(error.message().contains(u"page token"_s), qPrintable(error.message()));
    QCOMPARE(run.lister.requestCount(), 3);
    QTest::qWait(20);
    QCOMPARE(run.lister.requestCount(), 3); // stopped, not spinning
    QCOMPARE(entries(run.dir.path()), QStringList());
}

void TestSessionExporter::cancelLeavesNoFile()
{
    Run run;
    run.lister.setDelivery(FakeSessionLister::Delivery::Manual);
    run.lister.setSessions(SessionFixtures::generated(50));
    run.exporter.setPageSize(10);
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);
    QVERIFY(run.exporter.start(portalQuery(), ExportOptions(), run.target()));
    QVERIFY(run.lister.deliver());
    // The next page is asked for before this one is written; the write follows a few event-loop turns later.
    QCOMPARE(run.lister.requestCount(), 2);
    QTRY_COMPARE(run.exporter.progress().rowsWritten, qint64(10));

    run.exporter.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(finished.at(0).at(1).value<AwsError>().category(), AwsError::Category::Cancelled);
    QCOMPARE(finished.at(0).at(2).toLongLong(), qint64(10));
    QCOMPARE(run.lister.cancelCount(), 1);
    QVERIFY(!run.exporter.isRunning());
    QCOMPARE(run.lister.deliverAll(), 0);
    QVERIFY(SessionExporter::summary(false, finished.at(0).at(1).value<AwsError>(), 10, run.target())
                .contains(u"cancelled after 10 session"_s));
    run.exporter.cancel(); // a second cancel is harmless
    QCOMPARE(finished.count(), 1);
    QCOMPARE(entries(run.dir.path()), QStringList());
}

void TestSessionExporter::cancelBeforeTheFirstPage()
{
    Run run;
    run.lister.setSessions(SessionFixtures::generated(5));
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);
    QVERIFY(run.exporter.start(portalQuery(), ExportOptions(), run.target()));
    run.exporter.cancel();
    QCOMPARE(finished.count(), 1);
    QTest::qWait(20); // the queued answer must not revive it
    QCOMPARE(finished.count(), 1);
    QCOMPARE(entries(run.dir.path()), QStringList());
}

void TestSessionExporter::destroyingTheExporterLeavesNoFile()
{
    FakeSessionLister lister;
    lister.setSessions(SessionFixtures::generated(30));
    QTemporaryDir dir;
    {
        SessionExporter exporter(&lister);
        exporter.setPageSize(10);
        QVERIFY(exporter.start(portalQuery(), ExportOptions(), dir.filePath(u"x.csv"_s)));
        lister.deliver();
    }
    QCOMPARE(lister.cancelCount(), 1);
    QCOMPARE(entries(dir.path()), QStringList());
}

void TestSessionExporter::unusableTarget_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("folder does not exist") << u"missing"_s;
    QTest::newRow("parent is a file") << u"file-parent"_s;
    QTest::newRow("target is a folder") << u"folder"_s;
    QTest::newRow("folder not writable") << u"read-only"_s;
}

void TestSessionExporter::unusableTarget()
{
    QFETCH(QString, kind);
    Run run;
    run.lister.setSessions(SessionFixtures::generated(5));
    QString target;
    QString lockedFolder;
    auto restore = qScopeGuard([&lockedFolder] {
        if (!lockedFolder.isEmpty())
            QFile::setPermissions(lockedFolder,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });
    if (kind == u"missing") {
        target = run.dir.filePath(u"missing/out.csv"_s);
    } else if (kind == u"file-parent") {
        QFile file(run.dir.filePath(u"plain.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        target = run.dir.filePath(u"plain.txt/out.csv"_s);
    } else if (kind == u"folder") {
        QVERIFY(QDir(run.dir.path()).mkdir(u"sub"_s));
        target = run.dir.filePath(u"sub"_s);
    } else {
        const QString folder = run.dir.filePath(u"locked"_s);
        QVERIFY(QDir(run.dir.path()).mkdir(u"locked"_s));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        lockedFolder = folder;
        QFile probe(folder + u"/probe"_s);
        if (probe.open(QIODevice::WriteOnly)) {
            probe.remove();
            QSKIP(
                "This user (root?) can write into a read-only folder; permission errors cannot be provoked.");
        }
        target = folder + u"/out.csv"_s;
    }
    const QStringList before = entries(run.dir.path());
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);

    QVERIFY(run.exporter.start(portalQuery(), ExportOptions(), target));
    QCOMPARE(finished.count(), 0); // never before start() returns
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const auto error = finished.at(0).at(1).value<AwsError>();
    QCOMPARE(error.category(), AwsError::Category::Io);
    QVERIFY2(error.message().contains(QDir::toNativeSeparators(target)), qPrintable(error.message()));
    QVERIFY2(error.userMessage().startsWith(u"Could not write the file"_s), qPrintable(error.userMessage()));
    QCOMPARE(run.lister.requestCount(), 0); // the file is checked before AWS is asked anything
    QCOMPARE(entries(run.dir.path()), before);
    if (kind == u"folder")
        QVERIFY(QFileInfo(target).isDir());
}

void TestSessionExporter::fullDiskIsReported()
{
    // A real full disk: a 64 KiB tmpfs. Needs the right to mount; otherwise the writer-level test in
    // tst_sessionwriters (a device that fails like a full disk) still covers the error path.
    QTemporaryDir mountPoint;
    QProcess mount;
    mount.start(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=64k,mode=0700"_s, u"sessionscope-test"_s,
                             mountPoint.path()});
    if (!mount.waitForFinished(10'000) || mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0)
        QSKIP("Cannot mount a small tmpfs here (needs root); a full disk is covered at the device level.");
    auto unmount = qScopeGuard([&mountPoint] { QProcess::execute(u"umount"_s, {mountPoint.path()}); });

    FakeSessionLister lister;
    lister.setDelivery(FakeSessionLister::Delivery::Queued);
    lister.setSessions(SessionFixtures::generated(3000)); // about 500 KiB of CSV
    SessionExporter exporter(&lister);
    exporter.setPageSize(100);
    QSignalSpy finished(&exporter, &SessionExporter::finished);
    const QString target = mountPoint.filePath(u"sessions.csv"_s);
    QVERIFY(exporter.start(portalQuery(), ExportOptions(), target));
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const auto error = finished.at(0).at(1).value<AwsError>();
    QCOMPARE(error.category(), AwsError::Category::Io);
    QVERIFY2(error.message().contains(u"No space left on device"_s), qPrintable(error.message()));
    QVERIFY(lister.requestCount() < 30); // it stopped at the failure rather than fetching everything
    QCOMPARE(entries(mountPoint.path()), QStringList());
}

void TestSessionExporter::deviceTargetIsWrittenNotReplaced()
{
    // QSaveFile would write a temporary file beside the device and rename it over the device node; as
    // root that turned /dev/full into a regular file. A device is written to, never replaced. (The
    // device-node checks can only catch that as root; the error and row count catch it for anyone.)
    if (!QFileInfo::exists(u"/dev/full"_s) || !QFileInfo::exists(u"/dev/null"_s))
        QSKIP("needs /dev/full and /dev/null");
    const auto isCharacterDevice = [](const char *path) {
        struct stat st
        {};
        return ::stat(path, &st) == 0 && S_ISCHR(st.st_mode);
    };
    QVERIFY(isCharacterDevice("/dev/full") && isCharacterDevice("/dev/null"));
    QVERIFY(ExportFile::isStreamTarget(u"/dev/full"_s));
    QVERIFY(!ExportFile::isStreamTarget(QDir::tempPath()));

    Run run;
    run.lister.setSessions(SessionFixtures::generated(500));
    run.exporter.setPageSize(100);
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);

    // A full device: a clear Io error at the first page, nothing fetched after it.
    QVERIFY(run.exporter.start(portalQuery(), ExportOptions(), u"/dev/full"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const auto error = finished.at(0).at(1).value<AwsError>();
    QCOMPARE(error.category(), AwsError::Category::Io);
    QVERIFY2(error.message().contains(u"/dev/full"_s) &&
                 error.message().contains(u"No space left on device"_s),
             qPrintable(error.message()));
    QCOMPARE(finished.at(0).at(2).toLongLong(), 0);
    QVERIFY(run.lister.requestCount() <= 1);
    QVERIFY(isCharacterDevice("/dev/full"));

    // A device that takes everything.
    QVERIFY(run.exporter.start(portalQuery(), ExportOptions(), u"/dev/null"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QVERIFY(finished.at(1).at(0).toBool());
    QCOMPARE(finished.at(1).at(2).toLongLong(), 500);
    QVERIFY(isCharacterDevice("/dev/null"));
    QVERIFY(!QFileInfo::exists(u"/dev/null.csv"_s));
}

void TestSessionExporter::namedPipeTargetGetsEveryRow()
{
    Run run;
    QVERIFY(run.dir.isValid());
    const QByteArray fifo = QFile::encodeName(run.target(u"sessions.fifo"_s));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    // The reader drains the pipe on its own thread, as `cat fifo | wc -l` would.
    QByteArray received;
    std::thread reader([&fifo, &received] {
        QFile in(QString::fromLocal8Bit(fifo));
        if (in.open(QIODevice::ReadOnly))
            received = in.readAll();
    });
    auto join = qScopeGuard([&reader, &fifo] {
        // If the export never opened the pipe, the reader still waits in open(): let it through.
        if (const int fd = ::open(fifo.constData(), O_WRONLY | O_NONBLOCK); fd >= 0)
            ::close(fd);
        reader.join();
    });

    run.lister.setSessions(SessionFixtures::generated(250));
    run.exporter.setPageSize(100);
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);
    QVERIFY(run.exporter.start(portalQuery(), ExportOptions(), QString::fromLocal8Bit(fifo)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).value<AwsError>().message()));
    join.dismiss();
    reader.join();
    QCOMPARE(received.count('\n'), 251); // the header and every row, through the pipe
    struct stat st
    {};
    QVERIFY(::stat(fifo.constData(), &st) == 0 && S_ISFIFO(st.st_mode)); // still the pipe
}

void TestSessionExporter::streamStopsAtTheFirstFailedPage()
{
    // stdout on a full disk (or a closed pipe): the stream stops at the page that failed and says how
    // many sessions really got out, instead of fetching everything into a dead end.
    QFile full(u"/dev/full"_s);
    if (!full.open(QIODevice::WriteOnly))
        QSKIP("needs /dev/full");
    Run run;
    run.lister.setSessions(SessionFixtures::generated(1000));
    run.exporter.setPageSize(100);
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);
    ExportOptions options;
    QVERIFY(
        run.exporter.startStream(portalQuery(), SessionWriter::create(options), &full, u"standard output"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const auto error = finished.at(0).at(1).value<AwsError>();
    QCOMPARE(error.category(), AwsError::Category::Io);
    // The device has a name, so the error uses it; stdout (no file name) is called by the display name.
    QVERIFY2(error.message().startsWith(u"/dev/full: No space left on device"_s),
             qPrintable(error.message()));
    QCOMPARE(finished.at(0).at(2).toLongLong(), 0);
    QVERIFY(run.lister.requestCount() <= 1);
}

void TestSessionExporter::startWhileRunningIsRefused()
{
    Run run;
    run.lister.setSessions(SessionFixtures::generated(5));
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);
    QVERIFY(run.exporter.start(portalQuery(), ExportOptions(), run.target()));
    QVERIFY(!run.exporter.start(portalQuery(), ExportOptions(), run.target(u"other.csv"_s)));
    QVERIFY(finished.wait());
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY(!QFile::exists(run.target(u"other.csv"_s)));
    // Once finished, the exporter can run again.
    QVERIFY(run.exporter.start(portalQuery(), ExportOptions(), run.target(u"again.csv"_s)));
    QVERIFY(finished.wait());
    QVERIFY(finished.at(1).at(0).toBool());
}

void TestSessionExporter::invalidInputFailsWithoutRequests()
{
    Run run;
    QSignalSpy finished(&run.exporter, &SessionExporter::finished);
    QVERIFY(run.exporter.start(SessionQuery(), ExportOptions(), run.target()));
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(1).value<AwsError>().category(), AwsError::Category::Validation);

    ExportOptions noColumns;
    noColumns.columns.clear();
    QVERIFY(run.exporter.start(portalQuery(), noColumns, run.target()));
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(1).at(0).toBool(), false);
    QCOMPARE(finished.at(1).at(1).value<AwsError>().category(), AwsError::Category::Validation);
    QCOMPARE(run.lister.requestCount(), 0);
    QCOMPARE(entries(run.dir.path()), QStringList());
}

void TestSessionExporter::exportsAnInMemoryList()
{
    QTemporaryDir dir;
    const QList<SessionSummary> selected = SessionFixtures::hostile().mid(2, 5);
    ExportOptions options;
    options.format = ExportFormat::JsonLines;
    options.columns = {ExportColumn::SessionId, ExportColumn::PortalName};
    const QString target = dir.filePath(u"selected.jsonl"_s);
    const AwsResult<qint64> result =
        SessionExporter::exportSessions(selected, options, target, u"Sales EMEA"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.value(), qint64(5));
    QCOMPARE(*exportedIds(target, ExportFormat::JsonLines), idsOf(selected));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count("\"portalName\":\"Sales EMEA\""), 5);
    QCOMPARE(entries(dir.path()), QStringList{u"selected.jsonl"_s});
}

void TestSessionExporter::inMemoryListFailureLeavesNothing()
{
    QTemporaryDir dir;
    const AwsResult<qint64> result = SessionExporter::exportSessions(
        SessionFixtures::generated(3), ExportOptions(), dir.filePath(u"missing/selected.csv"_s));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category(), AwsError::Category::Io);
    QCOMPARE(entries(dir.path()), QStringList());
}

QTEST_GUILESS_MAIN(TestSessionExporter)
#include "tst_sessionexporter.moc"
