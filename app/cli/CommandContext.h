// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliArguments.h"

#include <QProcessEnvironment>

#include <memory>

class CliConnection;
class CredentialPrompts;
class QIODevice;
class QSettings;

/// What a command of sessionscope-cli works with. main() fills it from the real process (stdout, stderr,
/// stdin, isatty()); a test fills it with buffers and the terminal flags it wants to pretend. Nothing is
/// owned: the devices, the settings and the connection outlive the command.
struct CommandContext
{
    CliArguments arguments;
    QProcessEnvironment environment;
    QIODevice *out = nullptr; ///< the command's answer (stdout)
    QIODevice *err = nullptr; ///< messages and progress (stderr)
    QIODevice *in = nullptr;  ///< where answers to questions are read (stdin); may be null
    bool outIsTerminal = false;
    bool errIsTerminal = false; ///< progress lines are shown only on a terminal
    bool inIsTerminal = false;  ///< a question is asked only when someone can answer it
    /// Where the app-managed profiles are (the GUI's QSettings); may be null (then there are none).
    QSettings *settings = nullptr;
    /// Who is asked for an MFA code: main() gives a TerminalPrompts that knows whether a person is at a
    /// terminal; null: nobody can be asked (a profile with mfa_serial fails with a sentence saying so).
    std::shared_ptr<CredentialPrompts> prompts;
    /// The connection to use; null: the command resolves one from arguments, environment and settings.
    CliConnection *connection = nullptr;
};
