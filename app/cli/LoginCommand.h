// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/config/SharedConfig.h"
#include "cli/Command.h"

#include <QPointer>

#include <memory>

class QNetworkAccessManager;
class SsoDeviceLogin;

/// `sessionscope-cli login [--profile P]`: signs an IAM Identity Center profile in with the device flow
/// (SsoDeviceLogin), the URL and code on stderr like `aws sso login --no-browser`, and prints on stdout
/// until when the sign-in is valid. Needs no region or WorkSpaces endpoint, so it does not connect.
class LoginCommand : public Command
{
    Q_OBJECT

public:
    explicit LoginCommand(CommandContext context, QObject *parent = nullptr);
    ~LoginCommand() override;

    /// Ctrl-C: stops waiting for the approval; nothing is written to the cache.
    void cancel() override;

protected:
    bool needsConnection() const override { return false; }
    void run() override;

private:
    SharedConfig m_config;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QPointer<SsoDeviceLogin> m_login;
};
