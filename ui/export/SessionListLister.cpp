// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/SessionListLister.h"

#include "aws/AwsError.h"

#include <QCoreApplication>
#include <QTimer>

namespace {

// One answer on its way; cancel() drops it.
class ListedPageCall : public PendingCall
{
public:
    using PendingCall::PendingCall;
    void cancel() override
    {
        m_cancelled = true;
        deleteLater();
    }
    bool isCancelled() const { return m_cancelled; }

private:
    bool m_cancelled = false;
};

} // namespace

SessionListLister::SessionListLister(QList<SessionSummary> sessions)
    : m_sessions(std::move(sessions))
{}

CallHandle SessionListLister::listSessions(const ListSessionsRequest &request, QObject *context,
                                           PageCallback callback)
{
    AwsResult<SessionPage> result = [&]() -> AwsResult<SessionPage> {
        qsizetype offset = 0;
        if (!request.nextToken.isEmpty()) {
            bool ok = false;
            offset = request.nextToken.toLongLong(&ok);
            if (!ok || offset <= 0 || offset > m_sessions.size())
                return AwsError(AwsError::Category::Validation,
                                QCoreApplication::translate("SessionListLister", "Invalid page token."));
        }
        const qsizetype size = request.maxResults > 0 ? request.maxResults : defaultPageSize;
        SessionPage page;
        page.sessions = m_sessions.mid(offset, size);
        if (offset + size < m_sessions.size())
            page.nextToken = QString::number(offset + size);
        return page;
    }();

    // The contract: the callback never runs before listSessions() returns, and not at all once the call
    // is cancelled or `context` is gone (the call is its child).
    auto *call = new ListedPageCall(context);
    QTimer::singleShot(0, call, [call, result = std::move(result), callback = std::move(callback)] {
        if (call->isCancelled())
            return;
        call->deleteLater();
        callback(result);
    });
    return CallHandle(call);
}
