// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsError.h"

/// sessionscope-cli's exit status, one per failure kind (documented in --help and the man page).
enum class CliExitCode : int {
    Success = 0,
    Other = 1,
    Usage = 2,
    Configuration = 3,
    Credentials = 4,
    AccessDenied = 5,
    NotFound = 6,
    Validation = 7,
    Throttled = 8,
    Network = 9,
    Server = 10,
    MalformedAnswer = 11,
    Io = 12,
    Cancelled = 13,
    QuotaExceeded = 14,
};

inline CliExitCode exitCodeFor(const AwsError &error)
{
    switch (error.category()) {
    case AwsError::Category::Network:
    case AwsError::Category::Timeout:
        return CliExitCode::Network;
    case AwsError::Category::Throttled:
        return CliExitCode::Throttled;
    case AwsError::Category::AccessDenied:
        return CliExitCode::AccessDenied;
    case AwsError::Category::NotFound:
        return CliExitCode::NotFound;
    case AwsError::Category::Validation:
    case AwsError::Category::Conflict:
        return CliExitCode::Validation;
    case AwsError::Category::Credentials:
        return CliExitCode::Credentials;
    case AwsError::Category::Server:
        return CliExitCode::Server;
    case AwsError::Category::MalformedAnswer:
        return CliExitCode::MalformedAnswer;
    case AwsError::Category::Configuration:
        return CliExitCode::Configuration;
    case AwsError::Category::Io:
        return CliExitCode::Io;
    case AwsError::Category::Cancelled:
        return CliExitCode::Cancelled;
    case AwsError::Category::QuotaExceeded:
        return CliExitCode::QuotaExceeded;
    }
    return CliExitCode::Other;
}
