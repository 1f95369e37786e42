// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QtGlobal>

/// How far an export got: what a progress bar or the CLI's status line shows.
struct ExportProgress
{
    qint64 rowsWritten = 0;
    int pagesFetched = 0;
    int duplicatesSkipped = 0; ///< sessions the service sent twice (written once)
    qint64 elapsedMsec = 0;
    qint64 enrichmentRequests = 0; ///< GetSession / GetQAppSessionMetadata calls answered
    int enrichmentInFlight = 0;    ///< those calls in flight now
    int enrichmentThrottled = 0;   ///< calls the service throttled and that were made again later

    /// Rows per second so far; 0 until a millisecond has passed.
    double rowsPerSecond() const
    {
        return elapsedMsec > 0 ? double(rowsWritten) * 1000.0 / double(elapsedMsec) : 0.0;
    }
};

Q_DECLARE_METATYPE(ExportProgress)
