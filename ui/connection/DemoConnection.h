// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

class BackgroundEmulator;
class QObject;
class ServiceGateway;

/// The built-in demo: the emulator on a background thread with a data set of realistic size, and a
/// gateway that reaches it through the real signing and network path with the emulator's throw-away
/// demo credentials.
class DemoConnection
{
    Q_DECLARE_TR_FUNCTIONS(DemoConnection)

public:
    /// Demo data: portals and sessions per active portal. Tests pass smaller numbers.
    explicit DemoConnection(int portals = 5, int sessionsPerPortal = 12000);
    ~DemoConnection();
    DemoConnection(const DemoConnection &) = delete;
    DemoConnection &operator=(const DemoConnection &) = delete;

    /// Starts the emulator (blocks until it listens: generating the data takes a moment). False with
    /// `errorMessage` set when it could not start.
    bool start(QString *errorMessage);
    /// A new gateway to the running emulator, owned by `parent`; null when not running.
    ServiceGateway *createGateway(QObject *parent) const;

private:
    std::unique_ptr<BackgroundEmulator> m_emulator;
};
