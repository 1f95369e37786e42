// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// A user name and password for one proxy (host and port). Lives in memory and in the keychain only:
/// never in a settings file, a log or a message.
struct ProxyCredentials
{
    QString host{};
    int port = 0;
    QString user{};
    QString password{};

    /// "proxy.corp.example:3128", as messages name the proxy.
    QString hostAndPort() const { return host + u':' + QString::number(port); }
    bool isEmpty() const { return user.isEmpty() && password.isEmpty(); }
};
