// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClientStack.h"

#include "emulator/BackgroundEmulator.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

constexpr int walkTimeoutMs = 60'000;

} // namespace

ClientStack::ClientStack(const BackgroundEmulator &emulator, int maxAttempts, bool fastRetries,
                         std::optional<AwsCredentials> credentials)
    : m_credentials(credentials.value_or(emulator.credentials()))
    , m_transport(&m_network, &m_credentials)
    , m_client(&m_transport, emulator.endpoint(), emulator.region())
    , m_qapps(&m_transport, emulator.endpoint(), emulator.region())
{
    AwsTransportOptions options;
    options.maxAttempts = maxAttempts;
    if (fastRetries) {
        options.maxRetryAfterMs = 5;
        options.maxBackoffMs = 5;
    }
    m_transport.setOptions(options);
    connect(&m_transport, &AwsTransport::retrying, this, [this] { ++m_retries; });
    connect(&m_transport, &AwsTransport::clockSkewCorrected, this, [this] { ++m_skewCorrections; });
}

QStringList ClientStack::walk(ListSessionsRequest request)
{
    QStringList ids;
    bool done = false;
    bool failed = false;
    std::function<void()> next = [&] {
        m_client.listSessions(request, this, [&](const AwsResult<SessionPage> &page) {
            if (!page) {
                qWarning().noquote() << "reference walk failed:" << page.error().toLogLine();
                failed = done = true;
                return;
            }
            for (const SessionSummary &session : page.value().sessions)
                ids.append(session.sessionId);
            request.nextToken = page.value().nextToken;
            if (request.nextToken.isEmpty())
                done = true;
            else
                next();
        });
    };
    next();
    if (!QTest::qWaitFor([&] { return done; }, walkTimeoutMs) || failed)
        return {};
    return ids;
}

QString ClientStack::firstActivePortal()
{
    QString portalId;
    bool done = false;
    m_client.listPortals(QString(), 0, this, [&](const AwsResult<PortalPage> &page) {
        done = true;
        if (!page) {
            qWarning().noquote() << "ListPortals failed:" << page.error().toLogLine();
            return;
        }
        for (const Portal &portal : page.value().portals) {
            if (portal.portalStatus == u"Active"_s) {
                portalId = portal.portalId();
                return;
            }
        }
    });
    if (!QTest::qWaitFor([&] { return done; }, walkTimeoutMs))
        return {};
    return portalId;
}
