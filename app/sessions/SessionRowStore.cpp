// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionRowStore.h"

int SessionRowStore::rowOf(const QString &sessionId) const
{
    if (m_idSlots.isEmpty())
        return -1;
    const size_t mask = size_t(m_idSlots.size()) - 1;
    for (size_t slot = qHash(sessionId) & mask;; slot = (slot + 1) & mask) {
        const qint32 row = m_idSlots.at(slot);
        if (row < 0)
            return -1;
        if (m_rows.at(row).sessionId == sessionId)
            return row;
    }
}

SessionSummary SessionRowStore::session(int row) const
{
    SessionSummary session;
    if (row < 0 || row >= m_rows.size())
        return session;
    const Row &r = m_rows.at(row);
    session.sessionId = r.sessionId;
    session.username = r.username;
    session.status = r.sessionStatus();
    session.statusText = statusText(r);
    session.startTime = TimeFormat::fromMsecs(r.startMs);
    session.endTime = TimeFormat::fromMsecs(r.endMs);
    session.portalArn = portalArn(r);
    return session;
}

QString SessionRowStore::statusText(const Row &row) const
{
    if (row.statusText != noStatusText)
        return m_strings.at(row.statusText);
    return SessionSummary::statusName(row.sessionStatus());
}

QString SessionRowStore::statusDisplay(const Row &row) const
{
    // The service's text only matters for a status this version does not know; skip the lookup else.
    const SessionStatus status = row.sessionStatus();
    return SessionSummary::statusDisplay(status,
                                         status == SessionStatus::Unknown ? statusText(row) : QString());
}

void SessionRowStore::append(const SessionSummary &session)
{
    Q_ASSERT(!contains(session.sessionId));
    m_rows.append(makeRow(session));
    if (m_rows.constLast().isRunning())
        ++m_runningRows;
    indexRow(int(m_rows.size()) - 1);
}

void SessionRowStore::replace(int row, const SessionSummary &session)
{
    Q_ASSERT(m_rows.at(row).sessionId == session.sessionId);
    Row &r = m_rows[row];
    if (r.isRunning())
        --m_runningRows;
    r = makeRow(session);
    if (r.isRunning())
        ++m_runningRows;
}

void SessionRowStore::reorder(const QList<int> &permutation)
{
    Q_ASSERT(permutation.size() == m_rows.size());
    QList<Row> reordered;
    reordered.reserve(m_rows.size());
    for (int i : permutation)
        reordered.append(std::move(m_rows[i]));
    m_rows = std::move(reordered);
    rebuildIndex();
}

void SessionRowStore::clear()
{
    m_rows.clear();
    m_idSlots.clear();
    m_strings.clear();
    m_stringIndex.clear();
    m_runningRows = 0;
}

void SessionRowStore::squeeze()
{
    m_rows.squeeze();
}

SessionRowStore::Row SessionRowStore::makeRow(const SessionSummary &session)
{
    Row row;
    row.sessionId = session.sessionId;
    row.username = session.username;
    row.startMs = TimeFormat::toMsecs(session.startTime);
    row.endMs = TimeFormat::toMsecs(session.endTime);
    row.portalArn = intern(session.portalArn);
    const quint32 text = intern(session.statusText);
    row.statusText = text < noStatusText ? quint16(text) : noStatusText;
    row.status = quint8(session.status);
    return row;
}

quint32 SessionRowStore::intern(const QString &text)
{
    const auto it = m_stringIndex.constFind(text);
    if (it != m_stringIndex.constEnd())
        return it.value();
    const quint32 id = quint32(m_strings.size());
    m_strings.append(text);
    m_stringIndex.insert(text, id);
    return id;
}

void SessionRowStore::rebuildIndex()
{
    // At most half full, so probe runs stay short.
    qsizetype capacity = 64;
    while (capacity < 2 * m_rows.size())
        capacity *= 2;
    m_idSlots.fill(-1, capacity);
    for (int row = 0; row < m_rows.size(); ++row)
        indexRow(row);
}

void SessionRowStore::indexRow(int row)
{
    if (2 * m_rows.size() > m_idSlots.size()) {
        rebuildIndex(); // indexes every row, this one included
        return;
    }
    const size_t mask = size_t(m_idSlots.size()) - 1;
    size_t slot = qHash(m_rows.at(row).sessionId) & mask;
    while (m_idSlots.at(slot) >= 0)
        slot = (slot + 1) & mask;
    m_idSlots[slot] = row;
}
