// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsError.h"
#include "cli/CliExitCode.h"
#include "emulator/EmulatorConfig.h"

#include <QList>
#include <QString>

/// One misbehaviour of the service, as the end-to-end fault tests inject it into the emulator, and what
/// every path (model, CLI, export) must make of it. The same seed and anchor without faults give the
/// reference list the paths are compared with.
struct FaultScenario
{
    enum class Outcome {
        /// Retries ride it out: with enough attempts every session arrives exactly once, in order; with
        /// one attempt a page fails with `category` and (in the model) retry() resumes.
        Recoverable,
        /// Loading must stop with `category` whatever the attempts: a looping service.
        Stops,
        /// The transport handles it below the retry budget: every session arrives, also with one attempt.
        Transparent,
    };

    QString name;
    FaultInjector::Plan plan;
    Outcome outcome = Outcome::Recoverable;
    AwsError::Category category = AwsError::Category::Network;
    /// The CLI's exit status when it fails (documented in --help).
    CliExitCode exitCode = CliExitCode::Success;
    /// The word --help uses for that exit status ("throttled", "network", ...).
    QString exitCodeLabel;
    /// Words the user message of the failure must hold, so the person knows what happened.
    QString userMessageHint;

    /// Seed, portals, sessions and anchor shared by every fault test; no faults.
    static EmulatorConfig baseConfig();
    /// The ids of the tested portal's sessions in the emulator's data (sessionsPerPortal of them).
    static int sessionCount() { return baseConfig().sessionsPerPortal; }

    /// (a) to (f) of the issue: throttling, 5xx with latency, truncated bodies, connection resets, a
    /// repeated nextToken, a clock 20 minutes off (ahead and behind).
    static QList<FaultScenario> all();
    /// The scenario called `name`; a default one (empty name) when there is none.
    static FaultScenario byName(const QString &name);

    /// baseConfig() with this scenario's faults.
    EmulatorConfig config() const;
};
