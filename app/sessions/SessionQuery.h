// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/ListSessionsRequest.h"

#include <QString>

/// What a session list shows: a portal, filters and the service-side order. Everything of a ListSessions
/// call except the paging (maxResults, nextToken). Two equal queries describe the same list.
struct SessionQuery
{
    using Sort = ListSessionsRequest::Sort;
    using StatusFilter = ListSessionsRequest::StatusFilter;

    QString portalId;
    StatusFilter status = StatusFilter::Any;
    QString username;  ///< exact match; empty for all users
    QString sessionId; ///< one session; empty for all
    Sort sort = Sort::NewestFirst;

    /// A query can run only once it names a portal.
    bool isValid() const { return !portalId.isEmpty(); }

    /// The ListSessions call for one page of this list. `maxResults` 0 lets the service choose.
    ListSessionsRequest request(const QString &nextToken = QString(), int maxResults = 0) const;

    friend bool operator==(const SessionQuery &, const SessionQuery &) = default;
};
