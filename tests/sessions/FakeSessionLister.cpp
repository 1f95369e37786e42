// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeSessionLister.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

class FakeSessionLister::Pending : public PendingCall
{
public:
    Pending(FakeSessionLister *owner, int callIndex)
        : PendingCall(owner)
        , m_owner(owner)
        , m_callIndex(callIndex)
    {}

    void cancel() override
    {
        m_owner->cancelled(m_callIndex);
        deleteLater();
    }

private:
    FakeSessionLister *m_owner;
    int m_callIndex;
};

FakeSessionLister::FakeSessionLister(QObject *parent)
    : QObject(parent)
{}

FakeSessionLister::~FakeSessionLister() = default;

void FakeSessionLister::clear()
{
    m_sessions.clear();
    m_sessions.squeeze();
    m_pages.clear();
    m_pages.squeeze();
}

void FakeSessionLister::failAfterPages(int successfulPages, const AwsError &error)
{
    m_failAfterPages = successfulPages;
    m_failAfterError = error;
}

int FakeSessionLister::inFlight() const
{
    int count = 0;
    for (const Call &call : m_calls)
        count += (!call.cancelled && !call.delivered) ? 1 : 0;
    return count;
}

QString FakeSessionLister::tokenForOffset(int offset)
{
    return u"pg+/%1=="_s.arg(offset);
}

AwsResult<SessionPage> FakeSessionLister::answerFor(const ListSessionsRequest &request, int callIndex)
{
    if (const auto it = m_failures.find(callIndex); it != m_failures.end())
        return it->second;
    if (m_failAfterPages >= 0 && m_pagesServed >= m_failAfterPages)
        return m_failAfterError;
    if (const auto it = m_pages.constFind(request.nextToken); it != m_pages.constEnd()) {
        ++m_pagesServed;
        return it.value();
    }

    int offset = 0;
    if (!request.nextToken.isEmpty()) {
        bool ok = false;
        const QString token = request.nextToken;
        if (token.startsWith(u"pg+/") && token.endsWith(u"=="))
            offset = token.mid(4, token.size() - 6).toInt(&ok);
        if (!ok || offset < 0) {
            return AwsError(AwsError::Category::Validation, u"Invalid nextToken"_s)
                .setCode(u"ValidationException"_s)
                .setHttpStatus(400);
        }
    }

    QList<SessionSummary> matching;
    for (const SessionSummary &s : std::as_const(m_sessions)) {
        if (request.status == ListSessionsRequest::StatusFilter::Active && s.status != SessionStatus::Active)
            continue;
        if (request.status == ListSessionsRequest::StatusFilter::Terminated &&
            s.status != SessionStatus::Terminated)
            continue;
        if (!request.username.isEmpty() && s.username != request.username)
            continue;
        if (!request.sessionId.isEmpty() && s.sessionId != request.sessionId)
            continue;
        matching.append(s);
    }
    const bool newestFirst = request.sort == ListSessionsRequest::Sort::NewestFirst;
    std::stable_sort(matching.begin(), matching.end(),
                     [newestFirst](const SessionSummary &a, const SessionSummary &b) {
                         if (a.startTime != b.startTime)
                             return newestFirst ? b.startTime < a.startTime : a.startTime < b.startTime;
                         return a.sessionId < b.sessionId;
                     });

    const int size = request.maxResults > 0 ? request.maxResults : m_defaultPageSize;
    SessionPage page;
    page.sessions = matching.mid(offset, size);
    if (offset + size < matching.size())
        page.nextToken = tokenForOffset(offset + size);
    ++m_pagesServed;
    return page;
}

CallHandle FakeSessionLister::listSessions(const ListSessionsRequest &request, QObject *context,
                                           PageCallback callback)
{
    const int callIndex = int(m_calls.size());
    m_calls.append(Call{request, false, false});
    auto *handle = new Pending(this, callIndex);
    m_waiting.append(Waiting{callIndex, context, std::move(callback), answerFor(request, callIndex), handle});
    m_maxInFlight = std::max(m_maxInFlight, inFlight());
    if (m_delivery == Delivery::Queued)
        QTimer::singleShot(0, this, [this, callIndex] { deliverWaiting(callIndex); });
    return CallHandle(handle);
}

void FakeSessionLister::cancelled(int callIndex)
{
    Call &call = m_calls[callIndex];
    if (call.cancelled || call.delivered)
        return;
    call.cancelled = true;
    ++m_cancelCount;
    if (!m_deliverCancelled) {
        m_waiting.removeIf([callIndex](const Waiting &w) { return w.callIndex == callIndex; });
    }
}

void FakeSessionLister::deliverWaiting(int callIndex)
{
    const auto it = std::find_if(m_waiting.begin(), m_waiting.end(),
                                 [callIndex](const Waiting &w) { return w.callIndex == callIndex; });
    if (it == m_waiting.end())
        return;
    Waiting waiting = std::move(*it);
    m_waiting.erase(it);
    m_calls[callIndex].delivered = true;
    delete waiting.handle.data();
    // The contract: no callback once the context is gone.
    if (waiting.context)
        waiting.callback(waiting.answer);
}

bool FakeSessionLister::deliver()
{
    if (m_waiting.isEmpty())
        return false;
    deliverWaiting(m_waiting.first().callIndex);
    return true;
}

int FakeSessionLister::deliverAll()
{
    int count = 0;
    while (deliver())
        ++count;
    return count;
}
