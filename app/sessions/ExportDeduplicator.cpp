// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/ExportDeduplicator.h"

#include "sessions/TimeFormat.h"

#include <algorithm>

namespace {

// Session ids are lower-case UUIDs in practice: 16 bytes each. Anything else (upper case, other shapes)
// is kept as text, so two different ids can never be mistaken for one another.
QUuid uuidOf(const QString &sessionId)
{
    if (sessionId.size() != 36)
        return QUuid();
    const QUuid uuid = QUuid::fromString(sessionId);
    if (uuid.isNull() || uuid.toString(QUuid::WithoutBraces) != sessionId)
        return QUuid();
    return uuid;
}

} // namespace

ExportDeduplicator::ExportDeduplicator(ListSessionsRequest::Sort sort, int window)
    : m_sort(sort)
    , m_window(std::max(1, window))
{}

void ExportDeduplicator::reset(ListSessionsRequest::Sort sort)
{
    m_sort = sort;
    m_recent.clear();
    m_uuids.clear();
    m_otherIds.clear();
    m_hasHorizon = false;
    m_horizonMs = 0;
    m_ordered = true;
    m_hasLast = false;
    m_lastMs = 0;
}

qsizetype ExportDeduplicator::remembered() const
{
    return m_uuids.size() + m_otherIds.size();
}

bool ExportDeduplicator::contains(const QUuid &uuid, const QString &id) const
{
    return uuid.isNull() ? m_otherIds.contains(id) : m_uuids.contains(uuid);
}

void ExportDeduplicator::insert(const QUuid &uuid, const QString &id)
{
    if (uuid.isNull())
        m_otherIds.insert(id);
    else
        m_uuids.insert(uuid);
}

void ExportDeduplicator::remove(const Entry &entry)
{
    if (entry.uuid.isNull())
        m_otherIds.remove(entry.other);
    else
        m_uuids.remove(entry.uuid);
}

bool ExportDeduplicator::beyondHorizon(qint64 startMs) const
{
    if (!m_hasHorizon)
        return false;
    return m_sort == ListSessionsRequest::Sort::NewestFirst ? startMs >= m_horizonMs : startMs <= m_horizonMs;
}

bool ExportDeduplicator::outOfOrder(qint64 startMs, qint64 previousMs) const
{
    return m_sort == ListSessionsRequest::Sort::NewestFirst ? startMs > previousMs : startMs < previousMs;
}

bool ExportDeduplicator::firstTime(const QString &sessionId, qint64 startMs)
{
    const QUuid uuid = uuidOf(sessionId);
    if (contains(uuid, sessionId))
        return false;
    if (startMs == TimeFormat::NoTime) {
        insert(uuid, sessionId); // never forgotten: it has no place in the order
        return true;
    }
    if (beyondHorizon(startMs))
        return false;
    if (m_hasLast && outOfOrder(startMs, m_lastMs))
        m_ordered = false; // not sorted after all: from now on, remember everything
    m_hasLast = true;
    m_lastMs = startMs;
    insert(uuid, sessionId);
    m_recent.push_back(Entry{uuid, uuid.isNull() ? sessionId : QString(), startMs});
    if (m_ordered)
        forgetOldest();
    return true;
}

void ExportDeduplicator::forgetOldest()
{
    // Forget whole groups of equal start time only: a session of the group at the horizon that arrives
    // later is then recognisably out of order, never mistaken for a new one.
    while (qsizetype(m_recent.size()) > m_window) {
        const qint64 groupMs = m_recent.front().startMs;
        const auto groupEnd = std::find_if(m_recent.begin(), m_recent.end(),
                                           [groupMs](const Entry &e) { return e.startMs != groupMs; });
        if (groupEnd == m_recent.end())
            return; // the whole window is one group: keep it until a different start time arrives
        for (auto it = m_recent.begin(); it != groupEnd; ++it)
            remove(*it);
        m_recent.erase(m_recent.begin(), groupEnd);
        // The list is sorted so far, so the group forgotten last is the nearest one: the new horizon.
        m_horizonMs = groupMs;
        m_hasHorizon = true;
    }
}
