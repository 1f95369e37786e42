// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionLister.h"

#include <QList>

/// A SessionLister over sessions already in memory (the table's selected or loaded rows), so they go
/// through the same export engine as a list fetched from the service: pages, per-session lookups for the
/// enrichment columns, progress, cancel, and a file that appears only when complete.
///
/// Pages are slices of the list in its order; the nextToken is the offset of the next slice. The
/// request's filters are ignored: the list is what the user chose.
class SessionListLister : public SessionLister
{
public:
    explicit SessionListLister(QList<SessionSummary> sessions);

    /// Slice size when the request does not say (maxResults 0).
    static constexpr int defaultPageSize = 100;

    CallHandle listSessions(const ListSessionsRequest &request, QObject *context,
                            PageCallback callback) override;

    qsizetype size() const { return m_sessions.size(); }

private:
    QList<SessionSummary> m_sessions;
};
