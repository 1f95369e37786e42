// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionExporter.h"

#include "api/SessionLister.h"
#include "sessions/ExportFile.h"
#include "sessions/SessionWriter.h"
#include "sessions/TimeFormat.h"

#include <QDir>
#include <QTimer>

#include <limits>

using namespace Qt::StringLiterals;

SessionExporter::SessionExporter(SessionLister *lister, QObject *parent)
    : QObject(parent)
    , m_lister(lister)
{}

SessionExporter::~SessionExporter()
{
    m_call.cancel();
    // ExportFile's destructor discards an unfinished file.
}

void SessionExporter::setPageSize(int pageSize)
{
    m_pageSize = std::max(0, pageSize);
}

ExportProgress SessionExporter::progress() const
{
    ExportProgress progress = m_progress;
    if (m_running && m_clock.isValid())
        progress.elapsedMsec = m_clock.elapsed();
    return progress;
}

bool SessionExporter::start(const SessionQuery &query, const ExportOptions &options,
                            const QString &targetPath)
{
    if (m_running)
        return false;
    m_options = options;
    return begin(query, std::make_unique<ExportFile>(targetPath, options));
}

bool SessionExporter::startStream(const SessionQuery &query, std::unique_ptr<SessionWriter> writer,
                                  QIODevice *stream, const QString &displayName)
{
    if (m_running || !writer)
        return false;
    m_options = writer->options();
    return begin(query, std::make_unique<ExportFile>(stream, std::move(writer), displayName));
}

bool SessionExporter::begin(const SessionQuery &query, std::unique_ptr<ExportFile> file)
{
    m_running = true;
    ++m_serial;
    m_query = query;
    m_nextToken.clear();
    m_tokenGuard.reset();
    m_seenSessions.reset(query.sort);
    m_progress = ExportProgress();
    m_clock.start();

    m_pageRows.clear();
    m_writePending = false;
    m_tasks.clear();
    m_inFlight = 0;
    m_parked = 0;
    m_concurrency = std::max(1, m_enrichment.maxInFlight);
    m_successesSinceThrottle = 0;

    if (!query.isValid()) {
        failLater(AwsError(AwsError::Category::Validation, tr("Choose a portal to export its sessions.")));
        return true;
    }
    if (m_options.needsSessionDetails() && !m_enrichment.sessionDetails) {
        failLater(AwsError(AwsError::Category::Configuration,
                           tr("The client IP address column needs a connection to WorkSpaces Web.")));
        return true;
    }
    if (m_options.needsQAppMetadata() && !m_enrichment.qAppMetadata) {
        failLater(
            AwsError(AwsError::Category::Configuration,
                     tr("The Q App sharing columns need an Amazon Q Business instance id. Set it in the "
                        "connection settings (or with --instance-id).")));
        return true;
    }
    m_file = std::move(file);
    const AwsResult<std::monostate> opened = m_file->open();
    if (!opened) {
        failLater(opened.error());
        return true;
    }
    requestPage();
    return true;
}

void SessionExporter::failLater(const AwsError &error)
{
    // finished() never arrives before start() returns.
    QTimer::singleShot(0, this, [this, serial = m_serial, error] {
        if (serial == m_serial && m_running)
            finish(false, error);
    });
}

void SessionExporter::requestPage()
{
    const quint64 serial = m_serial;
    const QString token = m_nextToken;
    m_call = m_lister->listSessions(
        m_query.request(token, m_pageSize), this,
        [this, serial, token](const AwsResult<SessionPage> &result) { handlePage(serial, token, result); });
}

bool SessionExporter::markSeen(const SessionSummary &session)
{
    return m_seenSessions.firstTime(session.sessionId, TimeFormat::toMsecs(session.startTime));
}

void SessionExporter::handlePage(quint64 serial, const QString &requestedToken,
                                 const AwsResult<SessionPage> &result)
{
    if (serial != m_serial || !m_running)
        return;
    m_call = CallHandle();
    // The previous page goes out first, whatever this answer is: rows stay in order, and the item limit
    // below counts them.
    if (!flushPendingWrite())
        return;
    if (!result.ok()) {
        finish(false, result.error());
        return;
    }

    const SessionPage &page = result.value();
    ++m_progress.pagesFetched;

    // Room left under --max-items; nothing is written while the page is gathered.
    const qint64 room =
        m_maxItems > 0 ? m_maxItems - m_file->rowsWritten() : std::numeric_limits<qint64>::max();
    qint64 added = 0;
    m_pageRows.clear();
    for (const SessionSummary &session : page.sessions) {
        if (added >= room)
            break;
        if (!markSeen(session)) {
            ++m_progress.duplicatesSkipped;
            continue;
        }
        ExportRow row(session);
        if (!m_portalName.isEmpty())
            row.portalName = m_portalName;
        m_pageRows.append(std::move(row));
        ++added;
    }
    const bool limitReached = added >= room;

    const PageTokenGuard::Verdict verdict =
        m_tokenGuard.pageAnswered(requestedToken, added > 0, page.nextToken);
    if (!page.nextToken.isEmpty() && !limitReached) {
        std::optional<AwsError> stop;
        if (verdict == PageTokenGuard::Verdict::RepeatedToken) {
            stop = AwsError(AwsError::Category::MalformedAnswer,
                            tr("The service sent a page token it had already sent for this list; the export "
                               "stopped to avoid an endless loop."))
                       .setAction(u"workspaces-web:ListSessions"_s);
        } else if (verdict == PageTokenGuard::Verdict::EmptyPages) {
            stop =
                AwsError(AwsError::Category::MalformedAnswer,
                         tr("The service sent %1 pages in a row without a new session; the export stopped.")
                             .arg(m_tokenGuard.emptyPagesInRow()))
                    .setAction(u"workspaces-web:ListSessions"_s);
        }
        if (stop) {
            finish(false, *stop);
            return;
        }
    }
    m_lastPage = page.nextToken.isEmpty() || limitReached;
    m_nextToken = page.nextToken;

    if (m_options.needsLookups()) {
        startEnrichment();
    } else if (m_lastPage) {
        writePage();
    } else {
        // Ask for the next page before writing this one, so the service prepares the next answer while
        // this page is encoded and written, instead of after. The request takes a few turns of the event
        // loop to reach Qt's network thread (the transport's queued start signs it; QNetworkAccessManager
        // starts it with queued calls of its own); strace of sessionscope-cli on Qt 6.4 showed the page
        // still written before the request left with two turns, after it with four. Only the order of
        // work depends on this; rows are never lost or reordered: they are marked pending before the
        // request, and every answer writes them first.
        m_writePending = true;
        requestPage();
        afterEventLoopTurns(4, [this, serial] {
            if (serial == m_serial && m_running)
                flushPendingWrite();
        });
    }
}

void SessionExporter::afterEventLoopTurns(int turns, const std::function<void()> &work)
{
    if (turns <= 0) {
        work();
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, turns, work] { afterEventLoopTurns(turns - 1, work); }, Qt::QueuedConnection);
}

bool SessionExporter::flushPendingWrite()
{
    if (!m_writePending)
        return true;
    m_writePending = false;
    const quint64 serial = m_serial;
    writeRows();
    return serial == m_serial && m_running;
}

void SessionExporter::startEnrichment()
{
    m_tasks.clear();
    for (int row = 0; row < m_pageRows.size(); ++row) {
        if (m_options.needsSessionDetails())
            m_tasks.append({row, false, 0});
        if (m_options.needsQAppMetadata())
            m_tasks.append({row, true, 0});
    }
    if (m_tasks.isEmpty()) {
        writePage();
        return;
    }
    pumpEnrichment();
}

void SessionExporter::pumpEnrichment()
{
    const quint64 serial = m_serial;
    while (m_running && serial == m_serial && m_inFlight < m_concurrency && !m_tasks.isEmpty()) {
        const EnrichmentTask task = m_tasks.takeFirst();
        ++m_inFlight;
        const QString sessionId = m_pageRows.at(task.row).session.sessionId;
        if (task.qAppLookup) {
            m_enrichmentCalls.append(m_enrichment.qAppMetadata(
                sessionId, this, [this, serial, task](const AwsResult<QAppSessionMetadata> &result) {
                    if (serial != m_serial || !m_running)
                        return;
                    --m_inFlight;
                    ExportRow &row = m_pageRows[task.row];
                    if (result.ok()) {
                        row.qAppState = ExportRow::QAppState::Found;
                        row.qAppMetadata = result.value();
                    } else if (result.error().category() == AwsError::Category::NotFound) {
                        row.qAppState = ExportRow::QAppState::NoSession; // not a Q App session: an answer
                    } else {
                        enrichmentFailed(serial, task, result.error());
                        return;
                    }
                    enrichmentSucceeded();
                }));
        } else {
            m_enrichmentCalls.append(m_enrichment.sessionDetails(
                sessionId, this, [this, serial, task](const AwsResult<SessionDetail> &result) {
                    if (serial != m_serial || !m_running)
                        return;
                    --m_inFlight;
                    if (!result.ok()) {
                        enrichmentFailed(serial, task, result.error());
                        return;
                    }
                    m_pageRows[task.row].clientIpAddresses = result.value().clientIpAddresses;
                    enrichmentSucceeded();
                }));
        }
    }
    m_progress.enrichmentInFlight = m_inFlight;
}

void SessionExporter::enrichmentFailed(quint64 serial, EnrichmentTask task, const AwsError &error)
{
    // The transport has already retried with backoff. If the service still throttles, slow down (halve
    // the requests in flight) and come back to this row later instead of failing the whole export.
    constexpr int maxThrottledRounds = 6;
    if (error.category() == AwsError::Category::Throttled && task.attempts < maxThrottledRounds) {
        ++task.attempts;
        ++m_parked;
        ++m_progress.enrichmentThrottled;
        m_concurrency = std::max(1, m_concurrency / 2);
        m_successesSinceThrottle = 0;
        const int delayMs = std::min(20'000, 500 * (1 << task.attempts));
        QTimer::singleShot(delayMs, this, [this, serial, task] {
            if (serial != m_serial || !m_running)
                return;
            --m_parked;
            m_tasks.append(task);
            pumpEnrichment();
        });
        pumpEnrichment();
        return;
    }
    finish(false, error);
}

void SessionExporter::enrichmentSucceeded()
{
    ++m_progress.enrichmentRequests;
    if (m_concurrency < std::max(1, m_enrichment.maxInFlight) && ++m_successesSinceThrottle >= 20) {
        ++m_concurrency;
        m_successesSinceThrottle = 0;
    }
    if (m_tasks.isEmpty() && m_inFlight == 0 && m_parked == 0) {
        m_enrichmentCalls.clear();
        writePage();
        return;
    }
    pumpEnrichment();
}

void SessionExporter::writeRows()
{
    if (const AwsResult<std::monostate> written = m_file->write(m_pageRows); !written) {
        finish(false, written.error());
        return;
    }
    m_pageRows.clear();
    m_progress.rowsWritten = m_file->rowsWritten();
    m_progress.elapsedMsec = m_clock.elapsed();
    m_progress.enrichmentInFlight = 0;
    Q_EMIT progressChanged(m_progress);
}

void SessionExporter::writePage()
{
    const quint64 current = m_serial;
    writeRows();
    if (current != m_serial || !m_running)
        return; // the write failed, or a slot cancelled

    if (m_lastPage) {
        const AwsResult<std::monostate> committed = m_file->commit();
        finish(committed.ok(), committed.ok() ? AwsError() : committed.error());
        return;
    }
    requestPage();
}

void SessionExporter::cancel()
{
    if (!m_running)
        return;
    finish(false, AwsError(AwsError::Category::Cancelled, tr("The export was cancelled.")));
}

void SessionExporter::finish(bool ok, const AwsError &error)
{
    m_call.cancel();
    for (CallHandle &call : m_enrichmentCalls)
        call.cancel();
    m_enrichmentCalls.clear();
    m_tasks.clear();
    m_pageRows.clear();
    m_writePending = false;
    m_inFlight = 0;
    m_parked = 0;
    const qint64 rows = m_file ? m_file->rowsWritten() : 0;
    if (m_file) {
        m_file->discard(); // does nothing after a successful commit
        m_file.reset();
    }
    m_running = false;
    ++m_serial;
    m_progress.rowsWritten = rows;
    m_progress.elapsedMsec = m_clock.isValid() ? m_clock.elapsed() : 0;
    Q_EMIT finished(ok, error, rows);
}

QString SessionExporter::summary(bool ok, const AwsError &error, qint64 rowsWritten,
                                 const QString &targetPath)
{
    const int rows = int(std::min<qint64>(rowsWritten, std::numeric_limits<int>::max()));
    if (ok)
        return tr("Exported %n session(s) to %1.", nullptr, rows).arg(QDir::toNativeSeparators(targetPath));
    if (error.category() == AwsError::Category::Cancelled)
        return tr("The export was cancelled after %n session(s); no file was written.", nullptr, rows);
    return tr("The export failed after %n session(s): %1 No file was written.", nullptr, rows)
        .arg(error.userMessage());
}

AwsResult<qint64> SessionExporter::exportRows(const QList<ExportRow> &rows, const ExportOptions &options,
                                              const QString &targetPath)
{
    ExportFile file(targetPath, options);
    if (const AwsResult<std::monostate> opened = file.open(); !opened)
        return opened.error();
    for (const ExportRow &row : rows) {
        if (const AwsResult<std::monostate> written = file.write(row); !written)
            return written.error();
    }
    if (const AwsResult<std::monostate> committed = file.commit(); !committed)
        return committed.error();
    return file.rowsWritten();
}

AwsResult<qint64> SessionExporter::exportSessions(const QList<SessionSummary> &sessions,
                                                  const ExportOptions &options, const QString &targetPath,
                                                  const QString &portalName)
{
    QList<ExportRow> rows;
    rows.reserve(sessions.size());
    for (const SessionSummary &session : sessions) {
        ExportRow row(session);
        if (!portalName.isEmpty())
            row.portalName = portalName;
        rows.append(std::move(row));
    }
    return exportRows(rows, options, targetPath);
}
