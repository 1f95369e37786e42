// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/config/ConnectionOptions.h"
#include "connection/ProxyCredentials.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class AppSettings;

/// The connection dialog's network choices (proxy, CA bundle, timeouts) in ConnectionOptions and in the
/// settings file. A proxy URL is written without its password: write() hands the passwords back for the
/// keychain. Also the checks the dialog shows inline.
class NetworkSettings
{
    Q_DECLARE_TR_FUNCTIONS(NetworkSettings)

public:
    /// Sets options' proxy (unset for "as the environment says"), CA bundle and timeouts from `settings`.
    static void read(const AppSettings &settings, ConnectionOptions *options);
    /// Writes options' network choices; returns the credentials of the manual proxy URLs that carry a
    /// password (for the keychain), none of which reaches `settings`.
    static QList<ProxyCredentials> write(AppSettings *settings, const ConnectionOptions &options);

    /// The mode's name in the settings file: "environment", "system", "none", "manual".
    static QString modeName(ProxySettings::Mode mode);
    static std::optional<ProxySettings::Mode> modeFromName(const QString &name);

    /// A proxy as typed ("proxy:3128", "http://user:pw@proxy:3128") as a URL; "http://" is assumed as
    /// botocore does. Empty text: an empty URL. Null with `problem` set when it cannot be a proxy.
    static std::optional<QUrl> parseProxyUrl(const QString &text, QString *problem);
    /// `url` without its password (the user name stays: it is not a secret).
    static QUrl withoutPassword(const QUrl &url);
    /// The credentials a proxy URL carries (with its password), if any; the port defaults to 8080 as Qt's.
    static std::optional<ProxyCredentials> credentialsOf(const QUrl &url);
    /// "10.0.0.0/8, .corp.example localhost" → its entries; separated by commas and/or white space.
    static QStringList splitNoProxy(const QString &text);

    /// A timeout as typed, in seconds ("30", "2.5", "0" = no limit, empty = unset) → `milliseconds`. False
    /// with `problem` set (and `milliseconds` unset) when it is not a number of seconds ≥ 0.
    static bool parseTimeout(const QString &text, std::optional<int> *milliseconds, QString *problem);
    /// ms → the seconds the dialog shows ("30", "2.5"); unset → empty.
    static QString timeoutText(const std::optional<int> &milliseconds);
};
