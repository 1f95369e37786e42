// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsError.h"
#include "aws/AwsResult.h"
#include "aws/transport/CallHandle.h"
#include "sessions/ExportDeduplicator.h"
#include "sessions/ExportEnrichment.h"
#include "sessions/ExportOptions.h"
#include "sessions/ExportProgress.h"
#include "sessions/ExportRow.h"
#include "sessions/PageTokenGuard.h"
#include "sessions/SessionQuery.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

class ExportFile;
class QIODevice;
class SessionWriter;
class SessionLister;

/// The export engine of the GUI and the CLI.
///
/// start() pages through every session of a query (one ListSessions request in flight at a time) and
/// writes each page as it arrives, so memory does not grow with the number of rows: ExportDeduplicator
/// writes every session exactly once while remembering only the most recent ids, and the page tokens
/// seen are kept as 8-byte fingerprints (one per page) to stop a service that repeats them. The file is a
/// QSaveFile in the target's folder and appears only after the last row; a failed page (retries are the
/// transport's business), cancel(), a repeated nextToken or a write error (disk full, permission) discard it:
/// no output file, no temporary file.
///
/// exportRows()/exportSessions() write an in-memory list (the GUI's "selected rows" and "loaded rows")
/// through the same writers and the same file handling, synchronously.
class SessionExporter : public QObject
{
    Q_OBJECT

public:
    /// `lister` must outlive the exporter.
    explicit SessionExporter(SessionLister *lister, QObject *parent = nullptr);
    /// Stops a running export without signals; its file is discarded.
    ~SessionExporter() override;

    int pageSize() const { return m_pageSize; }
    /// maxResults of each request; 0 (the default) lets the service choose.
    void setPageSize(int pageSize);
    /// The portal's display name, written in the portalName column.
    void setPortalName(const QString &portalName) { m_portalName = portalName; }
    /// Where the client-IP and Q App columns come from. Without it, exporting those columns fails at
    /// start with a clear error.
    void setEnrichment(ExportEnrichment enrichment) { m_enrichment = std::move(enrichment); }

    /// Starts exporting every session of `query` to `targetPath`. Returns false (and does nothing) while
    /// an export is running. Otherwise the outcome arrives through finished(), never before start()
    /// returns: the target file is opened first, so a bad folder fails before any request is sent.
    bool start(const SessionQuery &query, const ExportOptions &options, const QString &targetPath);
    /// The same, streaming through `writer` to `stream` (an open device such as stdout) as pages arrive.
    /// What was written before a failure stays written; finished() says how it ended.
    bool startStream(const SessionQuery &query, std::unique_ptr<SessionWriter> writer, QIODevice *stream,
                     const QString &displayName);
    /// Stop after this many sessions (0, the default: no limit). The export then ends successfully.
    void setMaxItems(qint64 maxItems) { m_maxItems = std::max<qint64>(0, maxItems); }
    /// Stops the running export: cancels the request in flight, discards the file and emits
    /// finished(false, a Cancelled error, rows written so far).
    void cancel();
    bool isRunning() const { return m_running; }
    ExportProgress progress() const;

    /// Writes `rows` to `targetPath` (same writers, same QSaveFile handling); the number of rows written
    /// or the error (nothing is left on disk then).
    static AwsResult<qint64> exportRows(const QList<ExportRow> &rows, const ExportOptions &options,
                                        const QString &targetPath);
    /// The same for bare summaries; `portalName` fills the portalName column when not empty.
    static AwsResult<qint64> exportSessions(const QList<SessionSummary> &sessions,
                                            const ExportOptions &options, const QString &targetPath,
                                            const QString &portalName = QString());

    /// One sentence about an export's outcome for a status bar or the CLI's stderr, e.g. "Exported 95
    /// sessions to /x/y.csv." or "The export failed after 20 sessions: <reason> No file was written."
    static QString summary(bool ok, const AwsError &error, qint64 rowsWritten, const QString &targetPath);

Q_SIGNALS:
    /// After each page has been written.
    void progressChanged(const ExportProgress &progress);
    /// Exactly once per successful start(). `rowsWritten` counts the rows fetched and written before the
    /// end; when `ok` is false the file was discarded all the same.
    void finished(bool ok, const AwsError &error, qint64 rowsWritten);

private:
    bool begin(const SessionQuery &query, std::unique_ptr<ExportFile> file);
    void requestPage();
    void handlePage(quint64 serial, const QString &requestedToken, const AwsResult<SessionPage> &result);
    void finish(bool ok, const AwsError &error);
    void failLater(const AwsError &error);
    bool markSeen(const SessionSummary &session);
    void startEnrichment();
    void pumpEnrichment();
    void enrichmentSucceeded();
    void writePage();
    void writeRows();
    bool flushPendingWrite();
    void afterEventLoopTurns(int turns, const std::function<void()> &work);

    /// One enrichment request still to make: row `row` of the current page, which kind.
    struct EnrichmentTask
    {
        int row = 0;
        bool qAppLookup = false;
        int attempts = 0;
    };
    void enrichmentFailed(quint64 serial, EnrichmentTask task, const AwsError &error);

    SessionLister *m_lister;
    int m_pageSize = 0;
    qint64 m_maxItems = 0;
    QString m_portalName;

    SessionQuery m_query;
    std::unique_ptr<ExportFile> m_file;
    bool m_running = false;
    quint64 m_serial = 0;
    CallHandle m_call;
    QString m_nextToken;
    PageTokenGuard m_tokenGuard;
    ExportDeduplicator m_seenSessions;
    ExportProgress m_progress;
    QElapsedTimer m_clock;

    // The page being enriched and written; one page is held at a time, so memory stays flat.
    ExportOptions m_options;
    ExportEnrichment m_enrichment;
    QList<ExportRow> m_pageRows;
    bool m_lastPage = false;
    bool m_writePending = false; ///< m_pageRows wait for a queued write while the next page is requested
    QList<EnrichmentTask> m_tasks;
    QList<CallHandle> m_enrichmentCalls;
    int m_inFlight = 0;
    int m_parked = 0; ///< throttled tasks waiting for their timer
    int m_concurrency = 1;
    int m_successesSinceThrottle = 0;
};
