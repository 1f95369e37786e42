// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/SessionRecord.h"

#include <QList>

#include <optional>
#include <unordered_map>
#include <vector>

/// The sessions of one portal with the indexes ListSessions needs: slots sorted by (startTime, id) per
/// status and per (username, status), and slots sorted by id. Every query is a merge of at most two
/// sorted lists started at a binary-searched position, so a page costs O(log n + page size) however
/// many sessions there are; no request scans the portal.
///
/// Slots (indexes into the record array) never move, so indexes stay valid while sessions are added
/// or expired. Not thread-safe: the emulator uses it from its own thread only.
class PortalSessions
{
public:
    enum class StatusFilter {
        Any,
        Active,
        Terminated,
    };

    struct Query
    {
        StatusFilter status = StatusFilter::Any;
        std::optional<quint32> user; ///< interned username to match exactly; nullopt for all users
        bool descending = true;      ///< newest first (the service's default)
    };

    void reserve(qsizetype count);
    /// Bulk loading: adds a record without indexing it; call buildIndexes() once after the last one.
    void appendUnindexed(const SessionRecord &record);
    /// Sorts the records and builds every index. Slots are renumbered; call it before handing out slots.
    void buildIndexes();

    /// Adds one session and indexes it; returns its slot.
    quint32 insert(const SessionRecord &record);
    /// The slot of the session with that id, if it belongs to this portal.
    std::optional<quint32> find(const Uuid128 &id) const;
    /// Terminates an active session at endMs. Returns false (and changes nothing) when it already ended.
    bool expire(quint32 slot, qint64 endMs);

    const SessionRecord &at(quint32 slot) const { return m_records[slot]; }
    qsizetype size() const { return qsizetype(m_records.size()); }
    qsizetype count(StatusFilter status) const;

    /// Up to `limit` slots matching `query`, in the query's order, starting strictly after `after`
    /// (or at the beginning). `hasMore` tells whether further matches exist.
    QList<quint32> page(const Query &query, const std::optional<SessionKey> &after, qsizetype limit,
                        bool *hasMore) const;

    /// Approximate heap use of the records and indexes, for reports.
    qsizetype memoryBytes() const;

private:
    using SlotList = std::vector<quint32>;
    struct UserLists
    {
        SlotList byStatus[2];
    };

    static int statusIndex(const SessionRecord &record) { return record.isActive() ? 0 : 1; }
    SlotList::const_iterator lowerBound(const SlotList &list, const SessionKey &key) const;
    void addToList(SlotList &list, quint32 slot);
    void removeFromList(SlotList &list, quint32 slot);

    std::vector<SessionRecord> m_records;
    SlotList m_byStatus[2];
    std::unordered_map<quint32, UserLists> m_byUser;
    SlotList m_byId;
};
