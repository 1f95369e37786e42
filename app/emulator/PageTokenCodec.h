// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/SessionKey.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/// The emulator's nextToken: an opaque, authenticated and encrypted position in a list.
///
/// A token remembers the last (time, id) key returned (keyset pagination, never an offset), so it stays
/// valid while sessions are added or expired and no row is skipped or repeated. It is bound to the
/// query it came from (a hash of the filters and sort order): used with another query it is rejected,
/// as are tampered or garbage tokens. The text is standard base64, so it contains '+', '/' and '='.
class PageTokenCodec
{
public:
    enum class Status {
        Ok,
        Invalid,    ///< not a token of this emulator (garbage, truncated, tampered with)
        OtherQuery, ///< a genuine token, but for other filters, sort order or portal
    };

    struct Decoded
    {
        Status status = Status::Invalid;
        SessionKey position;
    };

    /// Tokens are keyed by the seed: the same seed accepts the same tokens across restarts.
    explicit PageTokenCodec(quint64 seed);

    QString encode(quint64 queryHash, const SessionKey &position) const;
    Decoded decode(const QString &token, quint64 queryHash) const;

    /// A stable 64-bit hash of the parts that identify a query (operation, portal, filters, sort).
    static quint64 queryHash(const QStringList &parts);

private:
    QByteArray keystream(const QByteArray &mac, qsizetype length) const;

    QByteArray m_macKey;
    QByteArray m_encryptionKey;
};
