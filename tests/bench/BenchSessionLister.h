// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionLister.h"

#include <QObject>

/// A SessionLister for the benchmarks: `total` synthetic sessions, newest first, generated page by page
/// when asked (nothing is kept, so the lister adds no memory of its own to a measurement). Each string of
/// a session is a fresh allocation, as the JSON decoder makes them. Answers are queued on the event loop
/// (delivered as soon as the loop runs), never before listSessions() returns.
class BenchSessionLister : public QObject, public SessionLister
{
    Q_OBJECT

public:
    explicit BenchSessionLister(qint64 total, QObject *parent = nullptr);

    /// Page `offset / size` of the data set, as listSessions() would answer it; exposed so a benchmark can
    /// time the generation alone and subtract it.
    SessionPage page(qint64 offset, int size) const;
    /// One session of the data set (deterministic per index).
    SessionSummary session(qint64 index) const;

    CallHandle listSessions(const ListSessionsRequest &request, QObject *context,
                            PageCallback callback) override;
    int requestCount() const { return m_requests; }

private:
    qint64 m_total;
    qint64 m_newestStartMs;
    int m_requests = 0;
};
