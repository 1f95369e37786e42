// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/ListSessionsRequest.h"
#include "api/SessionSummary.h"
#include "aws/AwsResult.h"
#include "aws/transport/CallHandle.h"

#include <functional>

class QObject;

/// Anything that answers ListSessions one page at a time. WorkSpacesWebClient is the real one; the
/// session model and the export engine depend only on this, so unit tests can give them a fake.
class SessionLister
{
public:
    using PageCallback = std::function<void(const AwsResult<SessionPage> &)>;

    virtual ~SessionLister() = default;

    /// Requests one page. `callback` runs exactly once on the caller's thread (never before this returns),
    /// unless the returned handle is cancelled or `context` is destroyed first.
    virtual CallHandle listSessions(const ListSessionsRequest &request, QObject *context,
                                    PageCallback callback) = 0;
};
