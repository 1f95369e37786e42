// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaultInjectingGateway.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

class FailedCall : public PendingCall
{
public:
    using PendingCall::PendingCall;
    void cancel() override
    {
        cancelled = true;
        deleteLater();
    }
    bool cancelled = false;
};

} // namespace

FaultInjectingGateway::FaultInjectingGateway(ServiceGateway *inner, QObject *parent)
    : ServiceGateway(parent)
    , m_inner(inner)
{
    m_inner->setParent(this);
    connect(m_inner, &ServiceGateway::retrying, this, &ServiceGateway::retrying);
}

template <typename T>
bool FaultInjectingGateway::failing(const QString &operation, QObject *context,
                                    const std::function<void(const AwsResult<T> &)> &callback,
                                    CallHandle *handle)
{
    if (!m_failures.contains(operation))
        return false;
    const AwsError error = m_failures.take(operation);
    auto *call = new FailedCall(this);
    QPointer<FailedCall> guard(call);
    QPointer<QObject> ctx(context);
    // Like the clients: never before the method returns.
    QTimer::singleShot(0, call, [guard, ctx, callback, error] {
        if (!guard || guard->cancelled || !ctx)
            return;
        guard->deleteLater();
        callback(AwsResult<T>(error));
    });
    *handle = CallHandle(call);
    return true;
}

CallHandle FaultInjectingGateway::listPortals(const QString &nextToken, QObject *context,
                                              Callback<PortalPage> callback)
{
    CallHandle handle;
    if (failing<PortalPage>(u"ListPortals"_s, context, callback, &handle))
        return handle;
    return m_inner->listPortals(nextToken, context, std::move(callback));
}

CallHandle FaultInjectingGateway::listSessions(const ListSessionsRequest &request, QObject *context,
                                               PageCallback callback)
{
    listRequests.append(request);
    CallHandle handle;
    if (failing<SessionPage>(u"ListSessions"_s, context, callback, &handle))
        return handle;
    return m_inner->sessionLister()->listSessions(request, context, std::move(callback));
}

CallHandle FaultInjectingGateway::getSession(const QString &portalId, const QString &sessionId,
                                             QObject *context, Callback<SessionDetail> callback)
{
    CallHandle handle;
    if (failing<SessionDetail>(u"GetSession"_s, context, callback, &handle))
        return handle;
    return m_inner->getSession(portalId, sessionId, context, std::move(callback));
}

CallHandle FaultInjectingGateway::expireSession(const QString &portalId, const QString &sessionId,
                                                QObject *context, Callback<std::monostate> callback)
{
    CallHandle handle;
    if (failing<std::monostate>(u"ExpireSession"_s, context, callback, &handle))
        return handle;
    return m_inner->expireSession(portalId, sessionId, context, std::move(callback));
}

CallHandle FaultInjectingGateway::getQAppSessionMetadata(const QString &instanceId, const QString &sessionId,
                                                         QObject *context,
                                                         Callback<QAppSessionMetadata> callback)
{
    CallHandle handle;
    if (failing<QAppSessionMetadata>(u"GetQAppSessionMetadata"_s, context, callback, &handle))
        return handle;
    return m_inner->getQAppSessionMetadata(instanceId, sessionId, context, std::move(callback));
}
