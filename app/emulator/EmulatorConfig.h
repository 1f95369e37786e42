// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/AwsCredentials.h"
#include "emulator/FaultInjector.h"
#include "emulator/RequestRateLimit.h"
#include "emulator/identity/IdentityConfig.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

/// Everything an Emulator is started with. The defaults are those of `sessionscope-emulator` without
/// options.
struct EmulatorConfig
{
    /// The fixed demo credentials every emulator accepts unless told otherwise. They are published
    /// here and in --help on purpose: they open nothing but a local emulator.
    static QString demoAccessKeyId() { return QStringLiteral("AKIASESSIONSCOPEDEMO"); }
    static QString demoSecretAccessKey()
    {
        return QStringLiteral("SessionScope/Demo+Secret/NotForRealUse00");
    }
    static AwsCredentials demoCredentials();
    /// The Amazon Q Business application id that serves as the demo Q Apps instance.
    static QString demoQAppsInstanceId() { return QStringLiteral("5e5510e5-c0de-4d3e-8a5b-0000000000d1"); }

    /// Loopback addresses only: 127.0.0.0/8 or ::1.
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; ///< 0 picks a free port
    quint64 seed = 1;
    int portals = 4;
    /// Sessions in each Active portal (Pending and Incomplete portals have none).
    int sessionsPerPortal = 1500;
    /// The access keys the emulator accepts. A key with a session token only accepts that token; a key
    /// without one accepts requests with any X-Amz-Security-Token or none.
    QList<AwsCredentials> credentials{demoCredentials()};
    QString region = QStringLiteral("us-east-1");
    /// The Q Apps instance id (header instance-id); empty for no Q Apps data at all.
    QString qappsInstanceId = demoQAppsInstanceId();
    /// Default and maximum page size of the list operations (larger maxResults are clamped).
    int maxPage = 100;
    FaultInjector::Plan faults;
    /// --throttle-rps: refuse signed requests above this rate with ThrottlingException; off by default.
    RequestRateLimit::Settings rateLimit;
    /// STS, IAM Identity Center, container credentials and IMDS.
    IdentityConfig identity;
    /// https instead of http on the same port.
    struct Tls
    {
        bool enabled = false;
        /// PEM files of the server certificate (its chain may follow it) and its private key; when both
        /// are empty, a throw-away CA issues a certificate for 127.0.0.1, ::1 and localhost at start.
        QString certificateFile{};
        QString keyFile{};
        /// Where the throw-away CA's certificate (PEM) is written, atomically, before start() returns;
        /// empty: nowhere (Emulator::caCertificates() still has it).
        QString caOutFile{};
    };
    Tls tls;
    /// "Now" for placing the generated data; invalid means the time start() runs.
    QDateTime anchor;
    /// The real clock (before faults.clockOffsetSeconds); null means QDateTime::currentDateTimeUtc.
    std::function<QDateTime()> clock;

    /// An error message when something is out of range; nullopt when the configuration is usable.
    std::optional<QString> validate() const;
    /// True for 127.0.0.0/8 and ::1 (also their IPv4-mapped forms).
    static bool isLoopback(const QHostAddress &address);
};
