// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliProcess.h"
#include "emulator/EmulatorConfig.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

class BackgroundEmulator;

/// The set-up every end-to-end fault test repeated: the reference emulator and the session list the
/// paths are compared with, an emulator started with a scenario's faults (or any other configuration),
/// temporary folders for HOME and output files, and sessionscope-cli's environment for an emulator.
/// A test class holds one as a member; helpers return what failed instead of asserting, so the test
/// says what it checks:
///
///     QString error;
///     QVERIFY2(m_fixture.startReference(&error), qPrintable(error));     // initTestCase()
///     const auto emulator = FaultFixture::startEmulator(fault.config(), &error);
///     QVERIFY2(emulator, qPrintable(error));
///     m_fixture.cleanup();                                                // cleanup()
class FaultFixture
{
public:
    FaultFixture();
    ~FaultFixture();
    Q_DISABLE_COPY_MOVE(FaultFixture)

    // --- Once per test case ----------------------------------------------------------------------
    /// Starts the reference emulator (FaultScenario::baseConfig(), no faults), finds its first Active
    /// portal and walks that portal's sessions with nothing but the client. False with `error` set when
    /// the emulator does not start, there is no Active portal or the walk fails.
    bool startReference(QString *error);
    /// The reference's first Active portal: the portal every fault test lists.
    QString portal() const { return m_portal; }
    /// Every session id of portal() in the service's order.
    QStringList expected() const { return m_expected; }
    /// A folder that lives as long as the fixture (HOME for runs that need no fresh one); empty when it
    /// could not be made.
    QString home() const { return m_home.isValid() ? m_home.path() : QString(); }

    // --- Per test function -----------------------------------------------------------------------
    /// Starts an emulator with `config` on its own thread; it stops when the returned object goes. Null
    /// with `error` set when it could not start.
    static std::unique_ptr<BackgroundEmulator> startEmulator(const EmulatorConfig &config, QString *error);
    /// A new empty folder that lives until cleanup(); empty when it could not be made.
    QString newTempDir();
    /// Removes every folder of newTempDir(). Call it from the test's cleanup().
    void cleanup();

    /// sessionscope-cli as a script runs it against `emulator` (HOME `home`): the emulator's
    /// credentials and region from the environment, and AWS_MAX_ATTEMPTS when `maxAttempts` > 0.
    static CliProcess cliFor(const BackgroundEmulator &emulator, const QString &home, int maxAttempts = 0);

private:
    std::unique_ptr<BackgroundEmulator> m_reference;
    QString m_portal;
    QStringList m_expected;
    QTemporaryDir m_home;
    std::vector<std::unique_ptr<QTemporaryDir>> m_tempDirs;
};
