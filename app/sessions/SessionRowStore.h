// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionSummary.h"
#include "sessions/TimeFormat.h"

#include <QHash>
#include <QList>
#include <QString>

/// The loaded sessions behind SessionTableModel, in display order, kept small for lists of a million
/// rows: times as epoch milliseconds, portal ARNs and status texts interned, and the sessionId -> row
/// index as an open-addressing table of row numbers rather than a QHash of strings.
///
/// It knows nothing of Qt's item models: the model says when rows change (begin/endInsertRows and
/// friends) around the calls that change them here.
class SessionRowStore
{
    // Status texts are few; a (broken) service sending more distinct ones than fit in 16 bits gets
    // them shown by the SessionStatus name instead.
    static constexpr quint16 noStatusText = 0xFFFF;

public:
    /// One loaded session (72 bytes plus the two strings' shared data).
    struct Row
    {
        QString sessionId;
        QString username;
        qint64 startMs = TimeFormat::NoTime;
        qint64 endMs = TimeFormat::NoTime;
        quint32 portalArn = 0;                          // index into the interned strings
        quint16 statusText = noStatusText;              // index into the interned strings
        quint8 status = quint8(SessionStatus::Unknown); // a SessionStatus

        SessionStatus sessionStatus() const { return SessionStatus(status); }
        bool isRunning() const
        {
            return SessionSummary::isRunning(sessionStatus(), endMs != TimeFormat::NoTime);
        }
        /// TimeFormat::durationSeconds() of this session; -1 when there is none to show.
        qint64 durationSeconds(qint64 nowMs) const
        {
            return TimeFormat::durationSeconds(startMs, endMs, isRunning(), nowMs);
        }
    };

    int size() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    /// The row at `row`, which must be in range.
    const Row &at(int row) const { return m_rows.at(row); }
    /// The row of a session id, -1 when it is not stored.
    int rowOf(const QString &sessionId) const;
    bool contains(const QString &sessionId) const { return rowOf(sessionId) >= 0; }
    /// The whole session shown in `row` (a default SessionSummary for a row out of range).
    SessionSummary session(int row) const;

    /// What the service said the status was: its own text, or the API's word for the status when that
    /// text was not kept.
    QString statusText(const Row &row) const;
    /// SessionSummary::statusDisplay() of the row.
    QString statusDisplay(const Row &row) const;
    QString portalArn(const Row &row) const { return m_strings.at(row.portalArn); }
    /// How many rows are running (SessionSummary::isRunning()).
    int runningCount() const { return m_runningRows; }

    /// Adds a session at the end. Its sessionId must not be stored yet (contains()).
    void append(const SessionSummary &session);
    /// Replaces the session in `row` (which must be in range) with one of the same sessionId.
    void replace(int row, const SessionSummary &session);
    /// Puts the rows in a new order: new row i is the old row `permutation[i]`.
    void reorder(const QList<int> &permutation);
    void clear();
    /// Gives back the growth reserve, once no more rows will come.
    void squeeze();

private:
    Row makeRow(const SessionSummary &session);
    quint32 intern(const QString &text);
    void rebuildIndex();
    void indexRow(int row);

    QList<Row> m_rows;
    // sessionId -> row, as an open-addressing table of row numbers (-1 = empty) that compares against
    // m_rows: 8-16 bytes per row instead of a QHash node holding another QString.
    QList<qint32> m_idSlots;
    QList<QString> m_strings;
    QHash<QString, quint32> m_stringIndex;
    int m_runningRows = 0;
};
