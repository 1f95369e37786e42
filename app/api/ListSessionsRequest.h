// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// The parameters of one ListSessions call. A "query" (everything but nextToken) identifies a list;
/// nextToken walks it.
struct ListSessionsRequest
{
    enum class Sort {
        NewestFirst, ///< StartTimeDescending (the service's default)
        OldestFirst, ///< StartTimeAscending
    };
    enum class StatusFilter {
        Any,
        Active,
        Terminated,
    };

    QString portalId;
    StatusFilter status = StatusFilter::Any;
    QString username;  ///< exact match; empty for all users
    QString sessionId; ///< look up one session; empty for all
    Sort sort = Sort::NewestFirst;
    int maxResults = 0; ///< 0 lets the service choose
    QString nextToken;

    bool sameQuery(const ListSessionsRequest &other) const
    {
        return portalId == other.portalId && status == other.status && username == other.username &&
               sessionId == other.sessionId && sort == other.sort;
    }
};
