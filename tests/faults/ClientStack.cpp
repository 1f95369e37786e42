// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClientStack.h"

#include "emulator/BackgroundEmulator.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int answerTimeoutMs = 60'000;

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
    if (!QTest::qWaitFor([&] { return done; }, answerTimeoutMs))
        return {};
    return portalId;
}
