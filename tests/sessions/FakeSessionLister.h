// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/SessionLister.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <map>

/// A SessionLister for unit tests: pages a list of sessions (filtered and sorted like the service) or
/// answers scripted pages per token, fails chosen requests, and counts requests, cancellations and
/// requests in flight. Answers are delivered either explicitly (deliver(), Manual) or from the event
/// loop (Queued), never before listSessions() returns.
class FakeSessionLister : public QObject, public SessionLister
{
    Q_OBJECT

public:
    enum class Delivery {
        Manual, ///< answers wait for deliver()
        Queued, ///< answers are delivered by a zero timer
    };

    struct Call
    {
        ListSessionsRequest request;
        bool cancelled = false;
        bool delivered = false;
    };

    explicit FakeSessionLister(QObject *parent = nullptr);
    ~FakeSessionLister() override;

    void setDelivery(Delivery delivery) { m_delivery = delivery; }
    /// The data set; requests page through it (filtered by status, username and sessionId, sorted by
    /// start time as asked, ties by sessionId).
    void setSessions(const QList<SessionSummary> &sessions) { m_sessions = sessions; }
    /// Drops the data set (and scripted pages), so only the callers' copies remain.
    void clear();
    /// Page size when a request has maxResults 0.
    void setDefaultPageSize(int size) { m_defaultPageSize = size; }
    /// A scripted answer for a token ("" is the first page); wins over the data set.
    void setPage(const QString &token, const SessionPage &page) { m_pages.insert(token, page); }
    /// The request with this 0-based number fails with `error`.
    void failRequest(int requestNumber, const AwsError &error)
    {
        m_failures.insert_or_assign(requestNumber, error);
    }
    /// Every request after `successfulPages` successful answers fails with `error`.
    void failAfterPages(int successfulPages, const AwsError &error);
    /// Delivers answers even after their call was cancelled (an answer that was already on its way):
    /// the caller must drop them itself.
    void setDeliverCancelled(bool deliver) { m_deliverCancelled = deliver; }

    int requestCount() const { return int(m_calls.size()); }
    int cancelCount() const { return m_cancelCount; }
    /// Requests neither answered nor cancelled.
    int inFlight() const;
    int maxInFlight() const { return m_maxInFlight; }
    QList<Call> calls() const { return m_calls; }
    ListSessionsRequest lastRequest() const
    {
        return m_calls.isEmpty() ? ListSessionsRequest() : m_calls.last().request;
    }

    /// Delivers the oldest waiting answer; false when none is waiting.
    bool deliver();
    /// Delivers until nothing waits (answers to requests made meanwhile included); the number delivered.
    int deliverAll();

    /// The opaque token of the page starting at `offset`; holds '+', '/' and '=' like real tokens.
    static QString tokenForOffset(int offset);

    CallHandle listSessions(const ListSessionsRequest &request, QObject *context,
                            PageCallback callback) override;

private:
    class Pending;
    struct Waiting
    {
        int callIndex = 0;
        QPointer<QObject> context;
        PageCallback callback;
        AwsResult<SessionPage> answer = AwsError();
        QPointer<Pending> handle;
    };

    AwsResult<SessionPage> answerFor(const ListSessionsRequest &request, int callIndex);
    void deliverWaiting(int callIndex);
    void cancelled(int callIndex);

    Delivery m_delivery = Delivery::Manual;
    QList<SessionSummary> m_sessions;
    QHash<QString, SessionPage> m_pages;
    std::map<int, AwsError> m_failures;
    int m_failAfterPages = -1;
    AwsError m_failAfterError;
    bool m_deliverCancelled = false;
    int m_defaultPageSize = 25;
    int m_pagesServed = 0;
    int m_cancelCount = 0;
    int m_maxInFlight = 0;
    QList<Call> m_calls;
    QList<Waiting> m_waiting;
};
