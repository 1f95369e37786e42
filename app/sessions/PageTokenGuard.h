// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

/// Stops a walk through ListSessions pages that would never end: a service that repeats a nextToken it
/// already gave (a loop), or that keeps sending pages without a new session. The session model and the
/// exporter both walk pages through one; each says in its own words why it stopped.
class PageTokenGuard
{
public:
    enum class Verdict {
        Continue,      ///< ask for nextToken
        RepeatedToken, ///< nextToken was already requested in this walk
        EmptyPages,    ///< maxEmptyPagesInRow pages in a row added no session
    };

    static constexpr int maxEmptyPagesInRow = 100;

    /// Starts a new walk.
    void reset();
    /// Call once per answered page: the token it was asked with (empty for the first page), whether it
    /// added any session, and the token it gave for the next page (empty at the end). Remembers the token
    /// asked with, and says whether to follow `nextToken`.
    Verdict pageAnswered(const QString &requestedToken, bool addedAny, const QString &nextToken);
    int emptyPagesInRow() const { return m_emptyPagesInRow; }

private:
    /// 64 bits of SHA-256: tokens can be kilobytes long, and an accidental collision between two pages of
    /// one walk is out of reach (it would end the walk with an error, never lose a row).
    static quint64 fingerprint(const QString &token);

    QSet<quint64> m_requested;
    int m_emptyPagesInRow = 0;
};
