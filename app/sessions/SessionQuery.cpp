// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionQuery.h"

ListSessionsRequest SessionQuery::request(const QString &nextToken, int maxResults) const
{
    ListSessionsRequest request;
    request.portalId = portalId;
    request.status = status;
    request.username = username;
    request.sessionId = sessionId;
    request.sort = sort;
    request.maxResults = maxResults;
    request.nextToken = nextToken;
    return request;
}
