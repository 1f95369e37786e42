// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/ListSessionsRequest.h"

#include <QString>
#include <QStringList>

#include <optional>

/// The command line of sessionscope-cli, parsed and checked. The names are a contract other tools
/// depend on (see `sessionscope-cli --help`); keep them.
struct CliArguments
{
    enum class Command {
        None, ///< --help / --version only
        Portals,
        Sessions,
        Session,
        Sharing,
        Expire,
        Whoami, ///< who the credentials belong to (STS GetCallerIdentity)
        Login,  ///< IAM Identity Center sign-in (device authorization)
        Config, ///< every resolved setting and where it came from, without calling AWS
    };

    // Global options (accepted before or after the command).
    QString profile;
    QString region;
    QString endpointUrl;
    QString caBundle; ///< --ca-bundle FILE
    /// --cli-connect-timeout / --cli-read-timeout SECONDS, in ms (0: no limit); unset: the profile's, else
    /// the default.
    std::optional<int> connectTimeoutMs;
    std::optional<int> readTimeoutMs;
    bool debug = false;
    bool showHelp = false;
    bool showVersion = false;

    Command command = Command::None;
    QString format; ///< validated per command; empty means the command's default

    // sessions / session / expire
    QString portalId;     ///< from --portal, which takes an id or a portal ARN
    QString portalRegion; ///< the region of a portal ARN given to --portal; empty for a bare id
    QString sessionId;
    ListSessionsRequest::StatusFilter status = ListSessionsRequest::StatusFilter::Any;
    std::optional<QString> username;
    ListSessionsRequest::Sort sort = ListSessionsRequest::Sort::NewestFirst;
    int pageSize = 0;             ///< 0: the service's default
    qint64 maxItems = 0;          ///< 0: no limit
    QString outputPath;           ///< empty: stdout
    QStringList columns;          ///< export columns by API name; empty: the default set
    bool spreadsheetSafe = false; ///< sessions and portals, CSV only
    bool byteOrderMark = false;
    bool localTime = false;
    QString qappsInstanceId; ///< sessions: Q App sharing columns; sharing: the instance to ask

    // expire
    bool assumeYes = false;

    /// Parses argv (without the program name). On failure returns std::nullopt and sets `error` to one
    /// line that names the problem.
    static std::optional<CliArguments> parse(const QStringList &arguments, QString *error);

    /// The full --help text, or the help of one command.
    static QString helpText(Command command = Command::None);
    static QString commandName(Command command);
};
