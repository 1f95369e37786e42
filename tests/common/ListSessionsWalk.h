// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/ListSessionsRequest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class WorkSpacesWebClient;

/// Walks every page of a ListSessions list, following nextToken, for tests that compare something with
/// "every session of the list". One loop for every way a test reaches the emulator: raw signed HTTP (the
/// emulator's own tests), the dispatcher in process (the decoder's tests and benchmark), or
/// WorkSpacesWebClient (the CLI, model and export paths).
class ListSessionsWalk
{
public:
    /// One answer of ListSessions, as the walk saw it.
    struct Page
    {
        int status = 0; ///< HTTP status; anything but 200 stops the walk
        QByteArray body;
        QStringList sessionIds;
        QString nextToken; ///< empty on the last page
    };
    /// What the walk gathered: the pages that were answered with 200, in order.
    struct Result
    {
        QList<Page> pages;
        bool complete = false; ///< the last page had no nextToken (no error, no page limit reached)

        QStringList sessionIds() const;
    };
    /// Asks for the page of `nextToken` ("" for the first).
    using FetchPage = std::function<Page(const QString &nextToken)>;

    /// Follows nextToken from the first page until a page comes without one, an answer is not 200 (a
    /// warning says which) or `maxPages` pages were read.
    static Result walk(const FetchPage &fetch, int maxPages = 10'000);
    /// A Page from an HTTP answer: the session ids and nextToken of a 200 answer's JSON body.
    static Page fromAnswer(int status, const QByteArray &body);

    /// Every session id of `request`'s list (its nextToken is ignored) through `client`, waiting for each
    /// page. Empty, with a warning, on any error.
    static QStringList sessionIds(WorkSpacesWebClient &client, ListSessionsRequest request);

    /// The bodies of the first `maxPages` 100-session pages, newest first, of an emulator portal with
    /// `sessions` sessions, answered in process by the dispatcher (signed, no network), at a fixed
    /// instant (2026-11-30 17:00 UTC). The newest pages hold the emulator's hostile usernames.
    static QList<QByteArray> emulatorPages(int sessions, int maxPages);
};
