// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/PageTokenGuard.h"

#include <QCryptographicHash>

void PageTokenGuard::reset()
{
    m_requested.clear();
    m_emptyPagesInRow = 0;
}

PageTokenGuard::Verdict PageTokenGuard::pageAnswered(const QString &requestedToken, bool addedAny,
                                                     const QString &nextToken)
{
    if (!requestedToken.isEmpty())
        m_requested.insert(fingerprint(requestedToken));
    m_emptyPagesInRow = addedAny ? 0 : m_emptyPagesInRow + 1;
    if (nextToken.isEmpty())
        return Verdict::Continue; // the last page: nothing to follow
    if (m_requested.contains(fingerprint(nextToken)))
        return Verdict::RepeatedToken;
    if (m_emptyPagesInRow >= maxEmptyPagesInRow)
        return Verdict::EmptyPages;
    return Verdict::Continue;
}

quint64 PageTokenGuard::fingerprint(const QString &token)
{
    const QByteArray digest = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | quint8(digest.at(i));
    return value;
}
