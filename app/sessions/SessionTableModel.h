// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionSummary.h"
#include "aws/AwsError.h"
#include "aws/AwsResult.h"
#include "aws/transport/CallHandle.h"
#include "sessions/PageTokenGuard.h"
#include "sessions/SessionQuery.h"
#include "sessions/SessionRowStore.h"
#include "sessions/TimeFormat.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

class SessionLister;

/// The sessions of one portal as a lazily paged table. The rows themselves live in a SessionRowStore;
/// how a status, a time or a duration reads comes from SessionSummary and TimeFormat.
///
/// - rowCount() is the number of sessions loaded so far. canFetchMore() is true while the last answer
///   carried a nextToken, no request is in flight and no error is pending; fetchMore() only starts the
///   request, and the rows are inserted when the page arrives. setQuery() does not start a request: the
///   view (which calls fetchMore() when it needs rows) or the caller does.
/// - Changing the query resets the model and bumps generation(); the in-flight call is cancelled and any
///   answer for an older generation is dropped.
/// - A failed page keeps the loaded rows, emits pageFailed() and keeps lastError(); retry() asks again
///   for the same nextToken. A session id that arrives a second time is not inserted again and is
///   reported (duplicateSessionsSkipped()); a nextToken the service already gave in this generation stops
///   loading with a MalformedAnswer error that retry() does not clear.
///
/// Sorting: the service sorts by start time only. sort() on Column::StartTime re-queries with the other
/// sortBy (a reset). Every other column sorts locally, and only once every page is loaded
/// (canSortLocally()); before that sort() refuses, changes nothing and emits sortRefused(). Views
/// should call `header->setSortIndicator(model->sortColumn(), model->sortOrder())` before
/// `setSortingEnabled(true)`, and put the indicator back on sortChanged() and sortRefused(), so the header
/// never shows an order the rows do not have.
class SessionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        SessionId,
        Username,
        Status,
        StartTime,
        EndTime,
        Duration,
    };
    static constexpr int ColumnCount = 6;

    enum Role {
        SessionIdRole = Qt::UserRole + 1, ///< QString
        StatusRole,                       ///< SessionStatus (for the view's status icon)
        StartTimeRole,                    ///< QDateTime, UTC; invalid when unknown
        EndTimeRole,                      ///< QDateTime, UTC; invalid while active
        DurationSecondsRole,              ///< qint64: end − start, or now − start while active
        SessionRole,                      ///< SessionSummary (the whole row)
    };

    /// Milliseconds since the epoch; injectable so tests control "now" for running durations.
    using Clock = std::function<qint64()>;

    /// `lister` must outlive the model.
    explicit SessionTableModel(SessionLister *lister, QObject *parent = nullptr);
    ~SessionTableModel() override;

    // --- What is listed --------------------------------------------------------------------------
    SessionQuery query() const { return m_query; }
    /// Resets the model to an empty list of `query` (even when it equals the current one) and bumps the
    /// generation. An invalid query (no portal) leaves an empty model that cannot fetch.
    void setQuery(const SessionQuery &query);
    /// Starts over with the same query (setQuery(query())).
    void refresh();
    /// Bumped by every reset; answers of an older generation are dropped.
    quint64 generation() const { return m_generation; }
    int pageSize() const { return m_pageSize; }
    /// maxResults of each ListSessions call; 0 (the default) lets the service choose. Takes effect
    /// with the next request.
    void setPageSize(int pageSize);

    // --- Paging state ----------------------------------------------------------------------------
    bool isLoading() const { return m_inFlight; }
    /// True once the service answered without a nextToken: every session of the query is loaded.
    bool isComplete() const { return m_complete; }
    bool hasError() const { return m_error.has_value(); }
    /// The error that stopped loading; a default AwsError when there is none.
    AwsError lastError() const { return m_error.value_or(AwsError()); }
    /// True when an error is pending and asking again could help (not for a repeated nextToken).
    bool canRetry() const { return m_error.has_value() && m_errorRetryable; }
    int pagesLoaded() const { return m_pagesLoaded; }

    /// Sessions the service sent more than once in this generation (skipped, not inserted).
    int duplicatesSkipped() const { return m_duplicatesSkipped; }
    /// Answers dropped because they belonged to an older generation or a cancelled request.
    int staleAnswersDropped() const { return m_staleAnswersDropped; }

    /// Clears a retryable error and requests the page that failed (same nextToken).
    void retry();
    /// Keeps fetching pages, one request at a time, until the list is complete, an error occurs or
    /// cancelLoadAll() is called; emits loadAllProgress() after each page. Clears a retryable error first.
    void loadAll();
    /// Stops loadAll(): cancels the request in flight (its nextToken is kept, so fetchMore() resumes).
    void cancelLoadAll();
    bool isLoadingAll() const { return m_loadingAll; }

    // --- Sorting ---------------------------------------------------------------------------------
    /// True when every page is loaded, so a column the service cannot sort may be sorted here.
    bool canSortLocally() const { return m_complete; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // --- Presentation ----------------------------------------------------------------------------
    TimeFormat::Mode timeMode() const { return m_timeFormat.mode(); }
    /// UTC or local times in the Start/End columns and their tooltips (emits dataChanged).
    void setTimeMode(TimeFormat::Mode mode);
    /// The zone used in Local mode; the system's by default.
    void setLocalZone(const QTimeZone &zone);
    void setClock(Clock clock);
    /// How often the Duration of active sessions is refreshed (dataChanged on that column only);
    /// 30 s by default, 0 turns the timer off (refreshDurations() still works).
    void setDurationRefreshInterval(int msec);
    int durationRefreshInterval() const { return m_durationTimer.interval(); }

    // --- Rows ------------------------------------------------------------------------------------
    /// The session shown in `row` (a default SessionSummary for a row out of range).
    SessionSummary session(int row) const;
    /// Every loaded session in display order (for "export loaded rows").
    QList<SessionSummary> sessions() const;
    /// The row of a session id, -1 when it is not loaded.
    int rowOfSession(const QString &sessionId) const;
    /// Replaces the loaded row with the same sessionId (e.g. after ExpireSession) and emits dataChanged
    /// for it; the row keeps its place, even when its new state no longer matches the query's status
    /// filter (the user sees what happened; refresh() drops it). Returns false (and changes nothing)
    /// when that session is not loaded.
    bool updateSession(const SessionSummary &session);

    // --- QAbstractItemModel ----------------------------------------------------------------------
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    /// See the class comment: start time re-queries, other columns sort locally once complete, else
    /// refuse. Column -1 goes back to the service's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

public Q_SLOTS:
    /// Emits dataChanged for the Duration cells of active sessions, so "running for …" stays current.
    void refreshDurations();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded(int rowsAdded);
    void pageFailed(const AwsError &error);
    /// The service answered without a nextToken: every session is loaded.
    void allLoaded();
    void loadingAllChanged(bool active);
    void loadAllProgress(int rowsLoaded, int pagesLoaded);
    /// Sessions of a page that were already loaded (a service bug); they were not inserted again.
    void duplicateSessionsSkipped(const QStringList &sessionIds);
    void sortChanged(int column, Qt::SortOrder order);
    /// sort() was refused; `message` says why, for a status bar.
    void sortRefused(int column, const QString &message);

private:
    using Row = SessionRowStore::Row;

    // What one answer to ListSessions did, gathered while the rows and the paging state are updated and
    // announced afterwards, in one place (announce()).
    struct PageOutcome
    {
        std::optional<AwsError> error; // the request failed, or loading had to stop
        bool retryable = true;         // with `error`: retry() may ask again
        bool arrived = false;          // a page was answered (pageLoaded() is due)
        int rowsAdded = 0;
        QStringList duplicates; // session ids skipped because they were already loaded
        bool complete = false;  // the last page: allLoaded() is due
    };

    void startRequest();
    void handlePage(quint64 generation, quint64 serial, const QString &requestedToken,
                    const AwsResult<SessionPage> &result);
    PageOutcome acceptPage(const QString &requestedToken, const SessionPage &page);
    void announce(const PageOutcome &outcome);
    void stopLoadAll();
    void cancelInFlight();
    void updateLoading();
    void fail(const AwsError &error, bool retryable);
    void sortLocally(Column column, Qt::SortOrder order);
    void updateDurationTimer();
    void setSortState(int column, Qt::SortOrder order);

    SessionLister *m_lister;
    SessionQuery m_query;
    int m_pageSize = 0;
    quint64 m_generation = 0;
    quint64 m_requestSerial = 0;

    SessionRowStore m_rows;

    QString m_nextToken; // the token of the next page to request ("" for the first)
    PageTokenGuard m_tokenGuard;
    bool m_hasMore = false;  // there is a page we have not loaded yet
    bool m_complete = false; // an answer without nextToken arrived
    bool m_inFlight = false;
    bool m_loadingNotified = false;
    bool m_loadingAll = false;
    CallHandle m_call;
    std::optional<AwsError> m_error;
    bool m_errorRetryable = true;
    int m_pagesLoaded = 0;
    int m_duplicatesSkipped = 0;
    int m_staleAnswersDropped = 0;

    int m_sortColumn = int(Column::StartTime);
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;

    TimeFormat m_timeFormat;
    Clock m_clock;
    QTimer m_durationTimer;
};
