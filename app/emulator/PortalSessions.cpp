// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/PortalSessions.h"

#include <algorithm>
#include <numeric>

void PortalSessions::reserve(qsizetype count)
{
    m_records.reserve(size_t(count));
}

void PortalSessions::appendUnindexed(const SessionRecord &record)
{
    m_records.push_back(record);
}

void PortalSessions::buildIndexes()
{
    // Sorting the records themselves makes slot order equal key order, so every list below is
    // filled already sorted.
    std::sort(m_records.begin(), m_records.end(),
              [](const SessionRecord &a, const SessionRecord &b) { return a.key() < b.key(); });
    for (SlotList &list : m_byStatus)
        list.clear();
    m_byUser.clear();
    for (quint32 slot = 0; slot < quint32(m_records.size()); ++slot) {
        const SessionRecord &record = m_records[slot];
        const int status = statusIndex(record);
        m_byStatus[status].push_back(slot);
        m_byUser[record.user].byStatus[status].push_back(slot);
    }
    m_byId.resize(m_records.size());
    std::iota(m_byId.begin(), m_byId.end(), quint32(0));
    std::sort(m_byId.begin(), m_byId.end(),
              [this](quint32 a, quint32 b) { return m_records[a].id < m_records[b].id; });
}

quint32 PortalSessions::insert(const SessionRecord &record)
{
    const auto slot = quint32(m_records.size());
    m_records.push_back(record);
    const int status = statusIndex(record);
    addToList(m_byStatus[status], slot);
    addToList(m_byUser[record.user].byStatus[status], slot);
    const auto pos = std::lower_bound(m_byId.begin(), m_byId.end(), record.id,
                                      [this](quint32 s, const Uuid128 &id) { return m_records[s].id < id; });
    m_byId.insert(pos, slot);
    return slot;
}

std::optional<quint32> PortalSessions::find(const Uuid128 &id) const
{
    const auto pos =
        std::lower_bound(m_byId.begin(), m_byId.end(), id,
                         [this](quint32 s, const Uuid128 &key) { return m_records[s].id < key; });
    if (pos == m_byId.end() || m_records[*pos].id != id)
        return std::nullopt;
    return *pos;
}

bool PortalSessions::expire(quint32 slot, qint64 endMs)
{
    SessionRecord &record = m_records[slot];
    if (!record.isActive())
        return false;
    UserLists &userLists = m_byUser[record.user];
    removeFromList(m_byStatus[0], slot);
    removeFromList(userLists.byStatus[0], slot);
    // A session cannot end before it started, whatever the caller's clock says.
    record.endMs = std::max(endMs, record.startMs + 1);
    addToList(m_byStatus[1], slot);
    addToList(userLists.byStatus[1], slot);
    return true;
}

qsizetype PortalSessions::count(StatusFilter status) const
{
    switch (status) {
    case StatusFilter::Any:
        return size();
    case StatusFilter::Active:
        return qsizetype(m_byStatus[0].size());
    case StatusFilter::Terminated:
        return qsizetype(m_byStatus[1].size());
    }
    return 0;
}

PortalSessions::SlotList::const_iterator PortalSessions::lowerBound(const SlotList &list,
                                                                    const SessionKey &key) const
{
    return std::lower_bound(list.begin(), list.end(), key,
                            [this](quint32 s, const SessionKey &k) { return m_records[s].key() < k; });
}

void PortalSessions::addToList(SlotList &list, quint32 slot)
{
    const SessionKey key = m_records[slot].key();
    // New sessions start "now", so they usually go at the end: check that before searching.
    if (list.empty() || m_records[list.back()].key() < key) {
        list.push_back(slot);
        return;
    }
    list.insert(lowerBound(list, key), slot);
}

void PortalSessions::removeFromList(SlotList &list, quint32 slot)
{
    const auto pos = lowerBound(list, m_records[slot].key());
    if (pos != list.end() && *pos == slot)
        list.erase(pos);
}

QList<quint32> PortalSessions::page(const Query &query, const std::optional<SessionKey> &after,
                                    qsizetype limit, bool *hasMore) const
{
    // The lists whose union is the answer: one or two, each sorted ascending by key.
    const SlotList *lists[2] = {nullptr, nullptr};
    int listCount = 0;
    const auto addStatusLists = [&](const SlotList(&byStatus)[2]) {
        if (query.status != StatusFilter::Terminated)
            lists[listCount++] = &byStatus[0];
        if (query.status != StatusFilter::Active)
            lists[listCount++] = &byStatus[1];
    };
    if (query.user) {
        const auto it = m_byUser.find(*query.user);
        if (it != m_byUser.end())
            addStatusLists(it->second.byStatus);
    } else {
        addStatusLists(m_byStatus);
    }

    // Cursor per list: for ascending order the next index to read; for descending order one past it.
    qsizetype cursor[2] = {0, 0};
    for (int i = 0; i < listCount; ++i) {
        const SlotList &list = *lists[i];
        if (!after) {
            cursor[i] = query.descending ? qsizetype(list.size()) : 0;
        } else {
            const auto lower = lowerBound(list, *after);
            qsizetype pos = lower - list.begin();
            if (!query.descending && lower != list.end() && m_records[*lower].key() == *after)
                ++pos; // strictly after the last key seen
            cursor[i] = pos;
        }
    }
    const auto hasNext = [&](int i) {
        return query.descending ? cursor[i] > 0 : cursor[i] < qsizetype(lists[i]->size());
    };
    const auto peek = [&](int i) {
        return (*lists[i])[size_t(query.descending ? cursor[i] - 1 : cursor[i])];
    };
    const auto advance = [&](int i) { cursor[i] += query.descending ? -1 : 1; };

    QList<quint32> out;
    out.reserve(std::min<qsizetype>(limit, 1024));
    *hasMore = false;
    for (;;) {
        int best = -1;
        for (int i = 0; i < listCount; ++i) {
            if (!hasNext(i))
                continue;
            if (best < 0) {
                best = i;
                continue;
            }
            const SessionKey a = m_records[peek(i)].key();
            const SessionKey b = m_records[peek(best)].key();
            if (query.descending ? a > b : a < b)
                best = i;
        }
        if (best < 0)
            break;
        if (out.size() == limit) {
            *hasMore = true;
            break;
        }
        out.append(peek(best));
        advance(best);
    }
    return out;
}

qsizetype PortalSessions::memoryBytes() const
{
    qsizetype bytes = qsizetype(m_records.capacity() * sizeof(SessionRecord));
    bytes += qsizetype((m_byStatus[0].capacity() + m_byStatus[1].capacity() + m_byId.capacity()) *
                       sizeof(quint32));
    for (const auto &entry : m_byUser) {
        bytes += qsizetype(sizeof(entry) + 16 +
                           (entry.second.byStatus[0].capacity() + entry.second.byStatus[1].capacity()) *
                               sizeof(quint32));
    }
    return bytes;
}
