// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeServiceGateway.h"

#include <QPointer>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

class FakePendingCall : public PendingCall
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

FakeServiceGateway::FakeServiceGateway(QObject *parent)
    : ServiceGateway(parent)
{
    m_description.profileName = u"test"_s;
    m_description.region = u"eu-west-1"_s;
    m_description.target = u"fake"_s;
    m_description.credentialSource = u"test"_s;
}

template <typename T>
CallHandle FakeServiceGateway::answer(const QString &operation, QObject *context,
                                      std::function<void(const AwsResult<T> &)> callback,
                                      std::function<AwsResult<T>()> compute)
{
    auto *call = new FakePendingCall(this);
    QPointer<FakePendingCall> guard(call);
    QPointer<QObject> ctx(context);
    std::optional<AwsError> failure;
    if (m_failures.contains(operation))
        failure = m_failures.take(operation);
    auto deliver = [guard, ctx, callback, compute, failure] {
        if (!guard || guard->cancelled || !ctx)
            return;
        guard->deleteLater();
        if (failure)
            callback(AwsResult<T>(*failure));
        else
            callback(compute());
    };
    if (m_held.value(operation))
        m_heldAnswers[operation].append(deliver);
    else
        QTimer::singleShot(0, call, deliver);
    return CallHandle(call);
}

void FakeServiceGateway::holdAnswers(const QString &operation, bool hold)
{
    m_held.insert(operation, hold);
}

void FakeServiceGateway::release(const QString &operation)
{
    const QList<std::function<void()>> held = m_heldAnswers.take(operation);
    for (const auto &deliver : held)
        deliver();
}

CallHandle FakeServiceGateway::listPortals(const QString &nextToken, QObject *context,
                                           Callback<PortalPage> callback)
{
    calls.append(u"ListPortals"_s);
    return answer<PortalPage>(u"ListPortals"_s, context, callback,
                              [this, nextToken]() -> AwsResult<PortalPage> {
                                  const int start = nextToken.isEmpty() ? 0 : nextToken.toInt();
                                  PortalPage page;
                                  page.portals = portals.mid(start, portalPageSize);
                                  if (start + portalPageSize < portals.size())
                                      page.nextToken = QString::number(start + portalPageSize);
                                  return page;
                              });
}

CallHandle FakeServiceGateway::listSessions(const ListSessionsRequest &request, QObject *context,
                                            PageCallback callback)
{
    calls.append(u"ListSessions"_s);
    listRequests.append(request);
    return answer<SessionPage>(
        u"ListSessions"_s, context, callback, [this, request]() -> AwsResult<SessionPage> {
            QList<SessionSummary> all;
            for (const SessionSummary &s : sessions.value(request.portalId)) {
                if (request.status == ListSessionsRequest::StatusFilter::Active &&
                    s.status != SessionStatus::Active)
                    continue;
                if (request.status == ListSessionsRequest::StatusFilter::Terminated &&
                    s.status != SessionStatus::Terminated)
                    continue;
                if (!request.username.isEmpty() && s.username != request.username)
                    continue;
                if (!request.sessionId.isEmpty() && s.sessionId != request.sessionId)
                    continue;
                all.append(s);
            }
            if (request.sort == ListSessionsRequest::Sort::OldestFirst)
                std::reverse(all.begin(), all.end());
            const int start = request.nextToken.isEmpty() ? 0 : request.nextToken.mid(4).toInt();
            const int size = request.maxResults > 0 ? request.maxResults : pageSize;
            SessionPage page;
            page.sessions = all.mid(start, size);
            if (start + size < all.size())
                page.nextToken = u"tok/"_s + QString::number(start + size);
            return page;
        });
}

CallHandle FakeServiceGateway::getSession(const QString &portalId, const QString &sessionId, QObject *context,
                                          Callback<SessionDetail> callback)
{
    calls.append(u"GetSession "_s + sessionId);
    return answer<SessionDetail>(u"GetSession"_s, context, callback,
                                 [this, portalId, sessionId]() -> AwsResult<SessionDetail> {
                                     for (const SessionSummary &s : sessions.value(portalId)) {
                                         if (s.sessionId == sessionId)
                                             return SessionDetail{s, clientAddresses.value(sessionId)};
                                     }
                                     return AwsError(AwsError::Category::NotFound, u"Session not found"_s)
                                         .setCode(u"ResourceNotFoundException"_s)
                                         .setHttpStatus(404);
                                 });
}

CallHandle FakeServiceGateway::expireSession(const QString &portalId, const QString &sessionId,
                                             QObject *context, Callback<std::monostate> callback)
{
    calls.append(u"ExpireSession "_s + sessionId);
    return answer<std::monostate>(
        u"ExpireSession"_s, context, callback, [this, portalId, sessionId]() -> AwsResult<std::monostate> {
            for (SessionSummary &s : sessions[portalId]) {
                if (s.sessionId == sessionId) {
                    s.status = SessionStatus::Terminated;
                    s.statusText = u"Terminated"_s;
                    s.endTime = QDateTime::currentDateTimeUtc();
                    return std::monostate{};
                }
            }
            return AwsError(AwsError::Category::NotFound, u"Session not found"_s).setHttpStatus(404);
        });
}

CallHandle FakeServiceGateway::getQAppSessionMetadata(const QString &instanceId, const QString &sessionId,
                                                      QObject *context,
                                                      Callback<QAppSessionMetadata> callback)
{
    calls.append(u"GetQAppSessionMetadata "_s + sessionId);
    return answer<QAppSessionMetadata>(u"GetQAppSessionMetadata"_s, context, callback,
                                       [this, instanceId, sessionId]() -> AwsResult<QAppSessionMetadata> {
                                           Q_UNUSED(instanceId);
                                           if (qAppSessions.contains(sessionId))
                                               return qAppSessions.value(sessionId);
                                           return AwsError(AwsError::Category::NotFound, u"No such session"_s)
                                               .setCode(u"ResourceNotFoundException"_s)
                                               .setHttpStatus(404);
                                       });
}

CallHandle FakeServiceGateway::getCallerIdentity(QObject *context, Callback<CallerIdentity> callback)
{
    if (!identity)
        return ServiceGateway::getCallerIdentity(context, std::move(callback));
    return answer<CallerIdentity>(u"GetCallerIdentity"_s, context, callback,
                                  [this]() -> AwsResult<CallerIdentity> { return *identity; });
}

bool FakeServiceGateway::isValidQAppSessionId(const QString &sessionId) const
{
    static const QRegularExpression re(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    return re.match(sessionId).hasMatch();
}

bool FakeServiceGateway::isValidQBusinessInstanceId(const QString &instanceId) const
{
    static const QRegularExpression re(u"^[a-zA-Z0-9][a-zA-Z0-9-]{35}$"_s);
    return re.match(instanceId).hasMatch();
}

QList<SessionSummary> FakeServiceGateway::makeSessions(const QString &portalArn, int count, int activeEvery)
{
    QList<SessionSummary> list;
    const QDateTime base = QDateTime(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        SessionSummary s;
        // Lower-case UUID v4 shape, so the same id can name a Q App session.
        s.sessionId =
            u"%1-0000-4000-8000-%2"_s.arg(i, 8, 16, QLatin1Char('0')).arg(i, 12, 16, QLatin1Char('0'));
        s.username = u"user%1@example.com"_s.arg(i % 7);
        const bool active = activeEvery > 0 && i % activeEvery == 0;
        s.status = active ? SessionStatus::Active : SessionStatus::Terminated;
        s.statusText = active ? u"Active"_s : u"Terminated"_s;
        s.startTime = base.addSecs(-600LL * i);
        if (!active)
            s.endTime = s.startTime.addSecs(300 + 7 * i);
        s.portalArn = portalArn;
        list.append(s);
    }
    return list;
}

Portal FakeServiceGateway::makePortal(const QString &name, int index)
{
    Portal p;
    p.displayName = name;
    p.portalStatus = u"Active"_s;
    p.portalArn = u"arn:aws:workspaces-web:eu-west-1:111122223333:portal/%1"_s.arg(
        u"%1-aaaa-4bbb-8ccc-dddddddddddd"_s.arg(index, 8, 16, QLatin1Char('0')));
    return p;
}
