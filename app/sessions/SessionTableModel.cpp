// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionTableModel.h"

#include "api/SessionLister.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

constexpr int defaultDurationRefreshMsec = 30'000;

template <typename T>
int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

SessionTableModel::SessionTableModel(SessionLister *lister, QObject *parent)
    : QAbstractTableModel(parent)
    , m_lister(lister)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_durationTimer.setInterval(defaultDurationRefreshMsec);
    connect(&m_durationTimer, &QTimer::timeout, this, &SessionTableModel::refreshDurations);
}

SessionTableModel::~SessionTableModel()
{
    m_call.cancel();
}

void SessionTableModel::setQuery(const SessionQuery &query)
{
    ++m_generation;
    cancelInFlight();
    const bool wasLoadingAll = m_loadingAll;
    m_loadingAll = false;

    beginResetModel();
    m_query = query;
    m_rows.clear();
    m_nextToken.clear();
    m_tokenGuard.reset();
    m_hasMore = query.isValid();
    m_complete = false;
    m_error.reset();
    m_errorRetryable = true;
    m_pagesLoaded = 0;
    m_duplicatesSkipped = 0;
    endResetModel();

    updateDurationTimer();
    if (wasLoadingAll)
        Q_EMIT loadingAllChanged(false);
    updateLoading();
    setSortState(int(Column::StartTime),
                 query.sort == SessionQuery::Sort::OldestFirst ? Qt::AscendingOrder : Qt::DescendingOrder);
}

void SessionTableModel::refresh()
{
    setQuery(m_query);
}

void SessionTableModel::setPageSize(int pageSize)
{
    m_pageSize = std::max(0, pageSize);
}

bool SessionTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_query.isValid() && m_hasMore && !m_inFlight && !m_error;
}

void SessionTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startRequest();
}

void SessionTableModel::startRequest()
{
    Q_ASSERT(!m_inFlight);
    m_inFlight = true;
    const quint64 serial = ++m_requestSerial;
    const QString token = m_nextToken;
    m_call = m_lister->listSessions(
        m_query.request(token, m_pageSize), this,
        [this, generation = m_generation, serial, token](const AwsResult<SessionPage> &result) {
            handlePage(generation, serial, token, result);
        });
    updateLoading();
}

void SessionTableModel::cancelInFlight()
{
    m_call.cancel();
    m_inFlight = false;
}

void SessionTableModel::updateLoading()
{
    if (m_loadingNotified == m_inFlight)
        return;
    m_loadingNotified = m_inFlight;
    Q_EMIT loadingChanged(m_inFlight);
}

void SessionTableModel::stopLoadAll()
{
    if (!m_loadingAll)
        return;
    m_loadingAll = false;
    Q_EMIT loadingAllChanged(false);
}

void SessionTableModel::fail(const AwsError &error, bool retryable)
{
    m_error = error;
    m_errorRetryable = retryable;
    stopLoadAll();
    updateLoading();
    Q_EMIT pageFailed(error);
}

void SessionTableModel::handlePage(quint64 generation, quint64 serial, const QString &requestedToken,
                                   const AwsResult<SessionPage> &result)
{
    // A late answer (older query, or a request we cancelled) must never touch the rows.
    if (generation != m_generation || serial != m_requestSerial || !m_inFlight) {
        ++m_staleAnswersDropped;
        return;
    }
    m_inFlight = false;
    m_call = CallHandle();

    PageOutcome outcome;
    if (result.ok()) {
        outcome = acceptPage(requestedToken, result.value());
    } else {
        // The rows stay; m_nextToken still names the failed page, so retry() asks for it again.
        outcome.error = result.error();
    }

    // Keep going before telling anyone, so loading stays true between the pages of loadAll() (and a
    // page that brought nothing new does not leave a view waiting for rows that never come).
    if (outcome.arrived && !outcome.error && m_hasMore && (m_loadingAll || outcome.rowsAdded == 0))
        startRequest();
    announce(outcome);
}

SessionTableModel::PageOutcome SessionTableModel::acceptPage(const QString &requestedToken,
                                                             const SessionPage &page)
{
    PageOutcome outcome;
    outcome.arrived = true;
    ++m_pagesLoaded;

    QList<qsizetype> fresh; // indexes into page.sessions
    fresh.reserve(page.sessions.size());
    QSet<QString> freshIds;
    for (qsizetype i = 0; i < page.sessions.size(); ++i) {
        const QString &sessionId = page.sessions.at(i).sessionId;
        if (m_rows.contains(sessionId) || freshIds.contains(sessionId)) {
            outcome.duplicates.append(sessionId);
            continue;
        }
        freshIds.insert(sessionId);
        fresh.append(i);
    }
    m_duplicatesSkipped += int(outcome.duplicates.size());

    outcome.rowsAdded = int(fresh.size());
    if (outcome.rowsAdded > 0) {
        const int first = m_rows.size();
        beginInsertRows(QModelIndex(), first, first + outcome.rowsAdded - 1);
        for (const qsizetype i : std::as_const(fresh))
            m_rows.append(page.sessions.at(i));
        endInsertRows();
        updateDurationTimer();
    }

    // A page sequence that never ends stops the list for good: loading again would meet it again.
    const auto stopMalformed = [&](const QString &message) {
        m_hasMore = false;
        outcome.retryable = false;
        outcome.error = AwsError(AwsError::Category::MalformedAnswer, message)
                            .setAction(u"workspaces-web:ListSessions"_s);
    };
    const PageTokenGuard::Verdict verdict =
        m_tokenGuard.pageAnswered(requestedToken, outcome.rowsAdded > 0, page.nextToken);
    if (page.nextToken.isEmpty()) {
        m_hasMore = false;
        m_complete = true;
        outcome.complete = true;
        m_rows.squeeze(); // no more rows will come: give back the growth reserve
    } else if (verdict == PageTokenGuard::Verdict::RepeatedToken) {
        stopMalformed(tr("The service sent a page token it had already sent for this list, so loading "
                         "stopped to avoid an endless loop (%n session(s) loaded).",
                         nullptr, m_rows.size()));
    } else if (verdict == PageTokenGuard::Verdict::EmptyPages) {
        stopMalformed(tr("The service sent %1 pages in a row without a new session, so loading stopped "
                         "(%n session(s) loaded).",
                         nullptr, m_rows.size())
                          .arg(m_tokenGuard.emptyPagesInRow()));
    } else {
        m_nextToken = page.nextToken;
    }
    return outcome;
}

void SessionTableModel::announce(const PageOutcome &outcome)
{
    if (!outcome.arrived) {
        fail(*outcome.error, outcome.retryable);
        return;
    }
    updateLoading();
    // A slot may start over (setQuery()); what is left to say then belongs to a list that is gone.
    const quint64 generation = m_generation;
    const auto superseded = [this, generation] { return generation != m_generation; };
    Q_EMIT pageLoaded(outcome.rowsAdded);
    if (superseded())
        return;
    if (!outcome.duplicates.isEmpty()) {
        Q_EMIT duplicateSessionsSkipped(outcome.duplicates);
        if (superseded())
            return;
    }
    if (m_loadingAll) {
        Q_EMIT loadAllProgress(m_rows.size(), m_pagesLoaded);
        if (superseded())
            return;
    }
    if (outcome.error) {
        fail(*outcome.error, outcome.retryable);
        return;
    }
    if (outcome.complete) {
        stopLoadAll();
        if (superseded())
            return;
        Q_EMIT allLoaded();
    }
}

void SessionTableModel::retry()
{
    if (!canRetry() || m_inFlight)
        return;
    m_error.reset();
    startRequest();
}

void SessionTableModel::loadAll()
{
    if (!m_query.isValid() || m_complete || m_loadingAll)
        return;
    if (m_error) {
        if (!m_errorRetryable)
            return;
        m_error.reset();
    }
    if (!m_hasMore)
        return;
    m_loadingAll = true;
    Q_EMIT loadingAllChanged(true);
    if (!m_inFlight)
        startRequest();
}

void SessionTableModel::cancelLoadAll()
{
    if (!m_loadingAll)
        return;
    cancelInFlight();
    stopLoadAll();
    updateLoading();
}

void SessionTableModel::setTimeMode(TimeFormat::Mode mode)
{
    if (mode == m_timeFormat.mode())
        return;
    m_timeFormat.setMode(mode);
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, int(Column::StartTime)),
                           index(int(m_rows.size()) - 1, int(Column::EndTime)),
                           {Qt::DisplayRole, Qt::ToolTipRole});
    }
    Q_EMIT headerDataChanged(Qt::Horizontal, int(Column::StartTime), int(Column::EndTime));
}

void SessionTableModel::setLocalZone(const QTimeZone &zone)
{
    m_timeFormat.setLocalZone(zone);
    if (m_timeFormat.mode() == TimeFormat::Mode::Local && !m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, int(Column::StartTime)),
                           index(int(m_rows.size()) - 1, int(Column::EndTime)),
                           {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

void SessionTableModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void SessionTableModel::setDurationRefreshInterval(int msec)
{
    m_durationTimer.setInterval(std::max(0, msec));
    m_durationTimer.stop();
    updateDurationTimer();
}

void SessionTableModel::updateDurationTimer()
{
    const bool wanted = m_rows.runningCount() > 0 && m_durationTimer.interval() > 0;
    if (wanted && !m_durationTimer.isActive())
        m_durationTimer.start();
    else if (!wanted)
        m_durationTimer.stop();
}

void SessionTableModel::refreshDurations()
{
    const int column = int(Column::Duration);
    const QList<int> roles = {Qt::DisplayRole, Qt::ToolTipRole, DurationSecondsRole};
    // One signal per run of consecutive active rows rather than one per row.
    int runStart = -1;
    for (int row = 0; row <= m_rows.size(); ++row) {
        const bool running = row < m_rows.size() && m_rows.at(row).isRunning();
        if (running && runStart < 0) {
            runStart = row;
        } else if (!running && runStart >= 0) {
            Q_EMIT dataChanged(index(runStart, column), index(row - 1, column), roles);
            runStart = -1;
        }
    }
}

SessionSummary SessionTableModel::session(int row) const
{
    return m_rows.session(row);
}

QList<SessionSummary> SessionTableModel::sessions() const
{
    QList<SessionSummary> list;
    list.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        list.append(session(row));
    return list;
}

bool SessionTableModel::updateSession(const SessionSummary &session)
{
    const int row = rowOfSession(session.sessionId);
    if (row < 0)
        return false;
    m_rows.replace(row, session);
    updateDurationTimer();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    const auto column = Column(index.column());

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::SessionId:
            return row.sessionId;
        case Column::Username:
            return row.username;
        case Column::Status:
            return m_rows.statusDisplay(row);
        case Column::StartTime:
            return m_timeFormat.display(row.startMs);
        case Column::EndTime:
            return m_timeFormat.display(row.endMs);
        case Column::Duration: {
            const qint64 seconds = row.durationSeconds(m_clock());
            if (seconds < 0)
                return QString();
            return row.isRunning() ? TimeFormat::runningFor(seconds) : TimeFormat::duration(seconds);
        }
        }
        return QVariant();
    case Qt::ToolTipRole:
        switch (column) {
        case Column::SessionId:
        case Column::Username:
            // Nothing is shortened in these cells: the tooltip shows the cell's own text.
            return data(index, Qt::DisplayRole);
        case Column::Status:
            return m_rows.statusText(row);
        case Column::StartTime:
            return m_timeFormat.iso(row.startMs);
        case Column::EndTime:
            return row.isRunning() ? tr("Still active") : m_timeFormat.iso(row.endMs);
        case Column::Duration: {
            const qint64 seconds = row.durationSeconds(m_clock());
            if (seconds < 0)
                return QString();
            // The exact figure behind the rounded display.
            if (row.isRunning())
                return tr("%1 s so far, since %2").arg(seconds).arg(m_timeFormat.iso(row.startMs));
            return tr("%1 s, from %2 to %3")
                .arg(seconds)
                .arg(m_timeFormat.iso(row.startMs), m_timeFormat.iso(row.endMs));
        }
        }
        return QVariant();
    case SessionIdRole:
        return row.sessionId;
    case StatusRole:
        return QVariant::fromValue(row.sessionStatus());
    case StartTimeRole:
        return TimeFormat::fromMsecs(row.startMs);
    case EndTimeRole:
        return TimeFormat::fromMsecs(row.endMs);
    case DurationSecondsRole: {
        const qint64 seconds = row.durationSeconds(m_clock());
        return seconds < 0 ? QVariant() : QVariant(seconds);
    }
    case SessionRole:
        return QVariant::fromValue(session(index.row()));
    default:
        return QVariant();
    }
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = Column(section);
    const bool utc = m_timeFormat.mode() == TimeFormat::Mode::Utc;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Column::SessionId:
            return tr("Session ID");
        case Column::Username:
            return tr("Username");
        case Column::Status:
            return tr("Status");
        case Column::StartTime:
            return utc ? tr("Start time (UTC)") : tr("Start time");
        case Column::EndTime:
            return utc ? tr("End time (UTC)") : tr("End time");
        case Column::Duration:
            return tr("Duration");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Column::StartTime:
            return utc ? tr("Sorted by the service. Times in UTC.")
                       : tr("Sorted by the service. Times in local time (%1).")
                             .arg(QString::fromUtf8(m_timeFormat.localZone().id()));
        case Column::EndTime:
            return utc ? tr("Times in UTC.")
                       : tr("Times in local time (%1).")
                             .arg(QString::fromUtf8(m_timeFormat.localZone().id()));
        default:
            return canSortLocally() ? QVariant() : tr("Sortable once every page is loaded.");
        }
    }
    return QVariant();
}

Qt::ItemFlags SessionTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void SessionTableModel::setSortState(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT sortChanged(column, order);
}

void SessionTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0) {
        // "No sort column": go back to the service's order of the current query.
        if (m_sortColumn != int(Column::StartTime))
            refresh();
        return;
    }
    if (column >= ColumnCount)
        return;

    if (Column(column) == Column::StartTime) {
        const SessionQuery::Sort wanted =
            order == Qt::AscendingOrder ? SessionQuery::Sort::OldestFirst : SessionQuery::Sort::NewestFirst;
        if (m_sortColumn == column && m_query.sort == wanted)
            return;
        SessionQuery query = m_query;
        query.sort = wanted;
        setQuery(query);
        return;
    }

    if (!canSortLocally()) {
        const QString name = headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        Q_EMIT sortRefused(column, tr("Sorting by %1 needs every page loaded (%n session(s) loaded so far). "
                                      "Load all pages first; start time can always be sorted.",
                                      nullptr, m_rows.size())
                                       .arg(name));
        return;
    }
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    sortLocally(Column(column), order);
}

void SessionTableModel::sortLocally(Column column, Qt::SortOrder order)
{
    const qint64 now = m_clock();
    const auto compare = [this, column, now](const Row &a, const Row &b) -> int {
        switch (column) {
        case Column::SessionId:
            return QString::compare(a.sessionId, b.sessionId);
        case Column::Username: {
            const int folded = QString::compare(a.username, b.username, Qt::CaseInsensitive);
            return folded != 0 ? folded : QString::compare(a.username, b.username);
        }
        case Column::Status: {
            const int byStatus = compareValues(int(a.status), int(b.status));
            return byStatus != 0 ? byStatus : QString::compare(m_rows.statusText(a), m_rows.statusText(b));
        }
        case Column::StartTime:
            return compareValues(a.startMs, b.startMs);
        case Column::EndTime: {
            // A session that has not ended ends after every one that has.
            const auto end = [](const Row &r) {
                return r.endMs == TimeFormat::NoTime ? std::numeric_limits<qint64>::max() : r.endMs;
            };
            return compareValues(end(a), end(b));
        }
        case Column::Duration:
            return compareValues(a.durationSeconds(now), b.durationSeconds(now));
        }
        return 0;
    };

    QList<int> permutation(m_rows.size());
    std::iota(permutation.begin(), permutation.end(), 0);
    // Stable in both directions: equal rows keep their current relative order.
    if (order == Qt::AscendingOrder) {
        std::stable_sort(permutation.begin(), permutation.end(),
                         [&](int a, int b) { return compare(m_rows.at(a), m_rows.at(b)) < 0; });
    } else {
        std::stable_sort(permutation.begin(), permutation.end(),
                         [&](int a, int b) { return compare(m_rows.at(a), m_rows.at(b)) > 0; });
    }

    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QList<int> newRowOf(m_rows.size());
    for (int i = 0; i < permutation.size(); ++i)
        newRowOf[permutation.at(i)] = i;
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &idx : from)
        to.append(index(newRowOf.at(idx.row()), idx.column()));
    changePersistentIndexList(from, to);

    m_rows.reorder(permutation);
    m_sortColumn = int(column);
    m_sortOrder = order;
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    Q_EMIT sortChanged(int(column), order);
}

int SessionTableModel::rowOfSession(const QString &sessionId) const
{
    return m_rows.rowOf(sessionId);
}
