// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaultScenario.h"

using namespace Qt::StringLiterals;

EmulatorConfig FaultScenario::baseConfig()
{
    EmulatorConfig config;
    // With this seed the fault injector's first three draws are all above 0.5, so under every plan here
    // the first pages go through and the first fault strikes mid-walk: a failing export then has rows
    // to throw away, which is what "no partial file" is about. (The tests check that rows were written.)
    config.seed = 23;
    config.portals = 2;
    // Hundreds of sessions: with the page sizes of the tests, many pages and so many faults per walk.
    config.sessionsPerPortal = 240;
    config.anchor = QDateTime(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC);
    config.maxPage = 100;
    return config;
}

QList<FaultScenario> FaultScenario::all()
{
    using Fault = FaultInjector::Fault;
    QList<FaultScenario> scenarios;

    FaultScenario throttled;
    throttled.name = u"throttled half the time"_s;
    throttled.plan.setRate(Fault::Throttling, 0.5);
    throttled.category = AwsError::Category::Throttled;
    throttled.exitCode = CliExitCode::Throttled;
    throttled.exitCodeLabel = u"throttled"_s;
    throttled.userMessageHint = u"AWS is limiting requests"_s;
    scenarios.append(throttled);

    FaultScenario serverErrors;
    serverErrors.name = u"5xx and latency"_s;
    serverErrors.plan.setServerErrorRate(0.3);
    serverErrors.plan.latencyMs = 25;
    serverErrors.category = AwsError::Category::Server;
    serverErrors.exitCode = CliExitCode::Server;
    serverErrors.exitCodeLabel = u"service error"_s;
    serverErrors.userMessageHint = u"AWS had an internal problem"_s;
    scenarios.append(serverErrors);

    FaultScenario truncated;
    truncated.name = u"truncated body"_s;
    truncated.plan.setRate(Fault::TruncatedBody, 0.3);
    truncated.category = AwsError::Category::Network;
    truncated.exitCode = CliExitCode::Network;
    truncated.exitCodeLabel = u"network"_s;
    truncated.userMessageHint = u"Could not reach AWS"_s;
    scenarios.append(truncated);

    FaultScenario reset;
    reset.name = u"connection reset"_s;
    reset.plan.setRate(Fault::ConnectionReset, 0.3);
    reset.category = AwsError::Category::Network;
    reset.exitCode = CliExitCode::Network;
    reset.exitCodeLabel = u"network"_s;
    reset.userMessageHint = u"Could not reach AWS"_s;
    scenarios.append(reset);

    FaultScenario looping;
    looping.name = u"repeated nextToken"_s;
    // High enough that the walk surely meets it after its first page (the first request has no token
    // to repeat).
    looping.plan.setRate(Fault::RepeatedNextToken, 0.5);
    looping.outcome = Outcome::Stops;
    looping.category = AwsError::Category::MalformedAnswer;
    looping.exitCode = CliExitCode::MalformedAnswer;
    looping.exitCodeLabel = u"unreadable answer"_s;
    looping.userMessageHint = u"page token"_s;
    scenarios.append(looping);

    FaultScenario ahead;
    ahead.name = u"clock 20 min ahead"_s;
    ahead.plan.clockOffsetSeconds = 20 * 60;
    ahead.outcome = Outcome::Transparent;
    scenarios.append(ahead);

    FaultScenario behind;
    behind.name = u"clock 20 min behind"_s;
    behind.plan.clockOffsetSeconds = -20 * 60;
    behind.outcome = Outcome::Transparent;
    scenarios.append(behind);

    return scenarios;
}

FaultScenario FaultScenario::byName(const QString &name)
{
    const QList<FaultScenario> scenarios = all();
    for (const FaultScenario &scenario : scenarios) {
        if (scenario.name == name)
            return scenario;
    }
    return {};
}

EmulatorConfig FaultScenario::config() const
{
    EmulatorConfig config = baseConfig();
    config.faults = plan;
    return config;
}
