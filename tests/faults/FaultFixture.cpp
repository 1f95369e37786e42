// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaultFixture.h"

#include "ClientStack.h"
#include "FaultScenario.h"
#include "ListSessionsWalk.h"
#include "emulator/BackgroundEmulator.h"

using namespace Qt::StringLiterals;

FaultFixture::FaultFixture() = default;

FaultFixture::~FaultFixture() = default;

bool FaultFixture::startReference(QString *error)
{
    m_reference = startEmulator(FaultScenario::baseConfig(), error);
    if (!m_reference)
        return false;
    // One attempt: the reference must come from a service that behaves.
    ClientStack stack(*m_reference, 1);
    m_portal = stack.firstActivePortal();
    if (m_portal.isEmpty()) {
        *error = u"the reference emulator has no Active portal"_s;
        return false;
    }
    ListSessionsRequest all;
    all.portalId = m_portal;
    m_expected = ListSessionsWalk::sessionIds(stack.client(), all);
    if (m_expected.isEmpty()) {
        *error = u"the reference walk of portal %1 failed"_s.arg(m_portal);
        return false;
    }
    return true;
}

std::unique_ptr<BackgroundEmulator> FaultFixture::startEmulator(const EmulatorConfig &config, QString *error)
{
    auto emulator = std::make_unique<BackgroundEmulator>(config);
    QString why;
    if (!emulator->start(&why)) {
        *error = u"the emulator did not start: %1"_s.arg(why);
        return nullptr;
    }
    return emulator;
}

QString FaultFixture::newTempDir()
{
    auto dir = std::make_unique<QTemporaryDir>();
    if (!dir->isValid())
        return {};
    const QString path = dir->path();
    m_tempDirs.push_back(std::move(dir));
    return path;
}

void FaultFixture::cleanup()
{
    m_tempDirs.clear();
}

CliProcess FaultFixture::cliFor(const BackgroundEmulator &emulator, const QString &home, int maxAttempts)
{
    CliProcess cli(home);
    cli.setCredentials(emulator.credentials().accessKeyId, emulator.credentials().secretAccessKey,
                       emulator.credentials().sessionToken);
    cli.setEnv(u"AWS_REGION"_s, emulator.region());
    if (maxAttempts > 0)
        cli.setEnv(u"AWS_MAX_ATTEMPTS"_s, QString::number(maxAttempts));
    return cli;
}
