// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"

#include <QString>
#include <QStringList>

/// Splits a command line into program and arguments the way a POSIX shell (and Python's shlex.split(),
/// which the AWS CLI uses for credential_process) would, without running a shell: whitespace separates
/// words, single quotes keep everything literally, double quotes keep everything except that a backslash
/// escapes ", \, $, ` and newline, and a backslash outside quotes escapes the next character.
/// No variable expansion, globbing or redirection.
class CommandLineSplitter
{
public:
    /// The words of `commandLine`, or a Configuration error for an unterminated quote, a trailing
    /// backslash or an empty command. The error never repeats the command line.
    static AwsResult<QStringList> split(const QString &commandLine);
};
