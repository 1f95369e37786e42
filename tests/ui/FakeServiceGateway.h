// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/ServiceGateway.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

/// An in-memory ServiceGateway for widget tests that need exact control: answers arrive on the next
/// event-loop turn, every request is recorded, and the next answer of an operation can be replaced by an
/// error. Tests of the whole stack use the emulator instead.
class FakeServiceGateway : public ServiceGateway, public SessionLister
{
    Q_OBJECT

public:
    explicit FakeServiceGateway(QObject *parent = nullptr);

    Description description() const override { return m_description; }
    void setDescription(const Description &description) { m_description = description; }

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
    CallHandle getCallerIdentity(QObject *context, Callback<CallerIdentity> callback) override;
    bool isValidQAppSessionId(const QString &sessionId) const override;
    bool isValidQBusinessInstanceId(const QString &instanceId) const override;

    // --- Data -------------------------------------------------------------------------------------
    QList<Portal> portals;
    /// Sessions per portal id, newest first.
    QHash<QString, QList<SessionSummary>> sessions;
    QHash<QString, QStringList> clientAddresses;
    QHash<QString, QAppSessionMetadata> qAppSessions;
    /// What GetCallerIdentity answers; unset: "this connection cannot tell", as the base class says.
    std::optional<CallerIdentity> identity;
    int pageSize = 25;
    int portalPageSize = 2;

    // --- Fault injection and records -------------------------------------------------------------
    /// The next call of `operation` ("ListSessions", "GetSession", ...) fails with `error`.
    void failNext(const QString &operation, const AwsError &error) { m_failures.insert(operation, error); }
    /// Calls of `operation` stay unanswered until release() (for "loading" states and stale answers).
    void holdAnswers(const QString &operation, bool hold);
    /// Delivers every held answer of `operation` in the order they were asked.
    void release(const QString &operation);
    /// How many answers of `operation` are held (asked for, not yet released).
    qsizetype heldAnswers(const QString &operation) const { return m_heldAnswers.value(operation).size(); }
    QList<ListSessionsRequest> listRequests;
    QStringList calls; ///< "ListSessions", "GetSession <id>", ...

    /// Generates `count` sessions for portal `portalId`, every `activeEvery`-th one active.
    static QList<SessionSummary> makeSessions(const QString &portalArn, int count, int activeEvery = 3);
    static Portal makePortal(const QString &name, int index);

private:
    template <typename T>
    CallHandle answer(const QString &operation, QObject *context,
                      std::function<void(const AwsResult<T> &)> callback,
                      std::function<AwsResult<T>()> compute);

    Description m_description;
    QHash<QString, AwsError> m_failures;
    QHash<QString, bool> m_held;
    QHash<QString, QList<std::function<void()>>> m_heldAnswers;
};
