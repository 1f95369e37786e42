// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials/CredentialPrompts.h"

#include <QCoreApplication>
#include <QString>

/// sessionscope-cli's answer to what a sign-in asks of the person, like the AWS CLI: "Enter MFA code for
/// <serial>: " on the controlling terminal, the answer read from it (so stdin and stdout stay the
/// command's). The read waits on the event loop, so Ctrl-C still cancels. Without a person at a
/// terminal it fails at once with a sentence that says why and what to do instead.
class TerminalPrompts : public CredentialPrompts
{
    Q_DECLARE_TR_FUNCTIONS(TerminalPrompts)

public:
    /// `interactive`: whether main() found someone at a terminal (isatty); `terminalPath` is opened for
    /// the question and the answer (tests pass a pipe or a missing file).
    explicit TerminalPrompts(bool interactive, QString terminalPath = QStringLiteral("/dev/tty"));

    void askMfaCode(const MfaRequest &request, QObject *context, MfaCallback callback) override;

    /// The error when nobody can be asked for the code of `request`.
    static AwsError noTerminalError(const MfaRequest &request, const QString &reason);

private:
    bool m_interactive;
    QString m_terminalPath;
};
