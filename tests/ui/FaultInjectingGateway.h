// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/ServiceGateway.h"

#include <QHash>
#include <QPointer>

/// Wraps a real gateway and fails the next call of a chosen operation with a given error, so a GUI test
/// on the emulator can break exactly one page and watch the retry.
class FaultInjectingGateway : public ServiceGateway, public SessionLister
{
    Q_OBJECT

public:
    /// Takes ownership of `inner`.
    explicit FaultInjectingGateway(ServiceGateway *inner, QObject *parent = nullptr);

    /// The next call of `operation` ("ListSessions", "GetSession", ...) fails with `error`, unsent.
    void failNext(const QString &operation, const AwsError &error) { m_failures.insert(operation, error); }
    QList<ListSessionsRequest> listRequests;

    Description description() const override { return m_inner->description(); }
    CallHandle listPortals(const QString &nextToken, QObject *context,
                           Callback<PortalPage> callback) override;
    SessionLister *sessionLister() override { return this; }
    CallHandle listSessions(const ListSessionsRequest &request, QObject *context,
                            PageCallback callback) override;
    CallHandle getSession(const QString &portalId, const QString &sessionId, QObject *context,
                          Callback<SessionDetail> callback) override;
    CallHandle expireSession(const QString &portalId, const QString &sessionId, QObject *context,
                             Callback<std::monostate> callback) override;
    CallHandle getQAppSessionMetadata(const QString &instanceId, const QString &sessionId, QObject *context,
                                      Callback<QAppSessionMetadata> callback) override;
    bool isValidQAppSessionId(const QString &sessionId) const override
    {
        return m_inner->isValidQAppSessionId(sessionId);
    }
    bool isValidQBusinessInstanceId(const QString &id) const override
    {
        return m_inner->isValidQBusinessInstanceId(id);
    }

private:
    template <typename T>
    bool failing(const QString &operation, QObject *context,
                 const std::function<void(const AwsResult<T> &)> &callback, CallHandle *handle);

    ServiceGateway *m_inner;
    QHash<QString, AwsError> m_failures;
};
