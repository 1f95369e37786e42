// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/ListSessionsRequest.h"

#include <QSet>
#include <QString>
#include <QUuid>

#include <deque>

/// Tells an export which sessions it has already written, in memory that does not grow with the length
/// of the export (SessionExporter writes millions of sessions in constant memory).
///
/// The service lists sessions sorted by start time (newest or oldest first). The ids of the last
/// `window` sessions are remembered exactly; older ones are forgotten a whole start-time group at a time,
/// and the start time of the last group forgotten becomes the horizon. A session that is not remembered
/// but lies on the far side of the horizon (starts at or after it, newest first; at or before it,
/// oldest first) would be out of the service's order if it were new, so it is a repeat of a session
/// already written. Hence, for a sorted list, every session is reported new exactly once.
///
/// As soon as a new session arrives out of order (the list is not sorted after all), nothing is forgotten
/// any more: from then on every id is remembered for the rest of the export, as is every session
/// without a start time (the service always sends one).
class ExportDeduplicator
{
public:
    static constexpr int defaultWindow = 5000;

    explicit ExportDeduplicator(ListSessionsRequest::Sort sort = ListSessionsRequest::Sort::NewestFirst,
                                int window = defaultWindow);

    /// Forgets everything; the next list is sorted as `sort`.
    void reset(ListSessionsRequest::Sort sort);
    /// True the first time a session is seen (write it), false for a repeat (skip it).
    /// `startMs` is its start time in epoch milliseconds, TimeFormat::NoTime when unknown.
    bool firstTime(const QString &sessionId, qint64 startMs);

    /// Sessions remembered exactly right now (for tests and the benchmarks).
    qsizetype remembered() const;

private:
    struct Entry
    {
        QUuid uuid;     // null when the id is not a lower-case UUID
        QString other;  // the id itself then
        qint64 startMs; // never NoTime
    };

    bool contains(const QUuid &uuid, const QString &id) const;
    void insert(const QUuid &uuid, const QString &id);
    void remove(const Entry &entry);
    bool beyondHorizon(qint64 startMs) const;
    /// True when a session starting at `startMs` comes after one starting at `previousMs` against the
    /// list's order.
    bool outOfOrder(qint64 startMs, qint64 previousMs) const;
    void forgetOldest();

    ListSessionsRequest::Sort m_sort;
    qsizetype m_window;
    std::deque<Entry> m_recent; // the dated sessions remembered, in arrival order
    QSet<QUuid> m_uuids;        // every session remembered, by id
    QSet<QString> m_otherIds;
    bool m_hasHorizon = false;
    qint64 m_horizonMs = 0;
    bool m_ordered = true; // every new session so far came in the list's order
    bool m_hasLast = false;
    qint64 m_lastMs = 0; // start time of the last new session
};
