// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CountingNetworkAccessManager.h"
#include "api/QAppsClient.h"
#include "api/WorkSpacesWebClient.h"
#include "aws/credentials/AwsCredentials.h"
#include "aws/credentials/StaticCredentialsProvider.h"
#include "aws/transport/AwsTransport.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <optional>

class BackgroundEmulator;

/// The real client stack of the GUI (network access manager, credentials, AwsTransport, the two
/// clients) pointed at an emulator, with counters of what the transport did: requests sent, retries
/// announced, clock-skew corrections learnt.
class ClientStack : public QObject
{
    Q_OBJECT

public:
    /// `maxAttempts` as AWS_MAX_ATTEMPTS would set it. `fastRetries` caps Retry-After and the backoff
    /// at a few milliseconds, so a test rides out hundreds of faults in seconds (the emulator always
    /// asks for 1 s); the retry decisions themselves are the standard mode's.
    ClientStack(const BackgroundEmulator &emulator, int maxAttempts, bool fastRetries = true,
                std::optional<AwsCredentials> credentials = std::nullopt);

    AwsTransport &transport() { return m_transport; }
    WorkSpacesWebClient &client() { return m_client; }
    QAppsClient &qapps() { return m_qapps; }

    int requestsSent() const { return m_network.requestCount(); }
    int retries() const { return m_retries; }
    int skewCorrections() const { return m_skewCorrections; }

    /// The id of the first Active portal; empty on error.
    QString firstActivePortal();

private:
    CountingNetworkAccessManager m_network;
    StaticCredentialsProvider m_credentials;
    AwsTransport m_transport;
    WorkSpacesWebClient m_client;
    QAppsClient m_qapps;
    int m_retries = 0;
    int m_skewCorrections = 0;
};
