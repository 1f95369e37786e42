// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliArguments.h"

#include "aws/config/TimeoutResolver.h"
#include "cli/PortalArn.h"
#include "sessions/ExportOptions.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <initializer_list>
#include <type_traits>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CliArguments", text);
}

struct CommandSpec
{
    CliArguments::Command command;
    QStringList options; ///< options with a value
    QStringList flags;   ///< options without a value
    QStringList required;
    QStringList formats;
};

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs = {
        {CliArguments::Command::Portals,
         {u"format"_s},
         {u"spreadsheet-safe"_s},
         {},
         {u"table"_s, u"json"_s, u"csv"_s, u"jsonl"_s}},
        {CliArguments::Command::Sessions,
         {u"portal"_s, u"status"_s, u"username"_s, u"session-id"_s, u"sort"_s, u"page-size"_s, u"max-items"_s,
          u"format"_s, u"output"_s, u"columns"_s, u"instance-id"_s},
         {u"spreadsheet-safe"_s, u"bom"_s, u"local-time"_s},
         {u"portal"_s},
         {u"table"_s, u"csv"_s, u"json"_s, u"jsonl"_s}},
        {CliArguments::Command::Session,
         {u"portal"_s, u"session-id"_s, u"format"_s},
         {},
         {u"portal"_s, u"session-id"_s},
         {u"table"_s, u"json"_s}},
        {CliArguments::Command::Sharing,
         {u"instance-id"_s, u"session-id"_s, u"format"_s},
         {},
         {u"instance-id"_s, u"session-id"_s},
         {u"table"_s, u"json"_s}},
        {CliArguments::Command::Expire,
         {u"portal"_s, u"session-id"_s},
         {u"yes"_s},
         {u"portal"_s, u"session-id"_s},
         {}},
        {CliArguments::Command::Whoami, {u"format"_s}, {}, {}, {u"json"_s, u"text"_s}},
        {CliArguments::Command::Login, {}, {}, {}, {}},
        {CliArguments::Command::Config, {u"format"_s}, {}, {}, {u"table"_s, u"json"_s}},
    };
    return specs;
}

const CommandSpec *specFor(CliArguments::Command command)
{
    for (const CommandSpec &spec : commandSpecs()) {
        if (spec.command == command)
            return &spec;
    }
    return nullptr;
}

const QStringList globalOptions = {
    u"profile"_s,         u"region"_s, u"endpoint-url"_s, u"ca-bundle"_s, u"cli-connect-timeout"_s,
    u"cli-read-timeout"_s};
const QStringList globalFlags = {u"debug"_s, u"help"_s, u"version"_s};

QString columnList()
{
    QString text;
    int lineLength = 0;
    for (const ExportColumn column : ExportOptions::allColumns()) {
        const QString name = ExportOptions::columnName(column);
        if (!text.isEmpty()) {
            text += u',';
            ++lineLength;
            if (lineLength + 1 + name.size() > 80) {
                text += u"\n  "_s;
                lineLength = 0;
            } else {
                text += u' ';
                ++lineLength;
            }
        }
        text += name;
        lineLength += int(name.size());
    }
    return text;
}

bool parsePositive(const QString &text, qint64 *value)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 1)
        return false;
    *value = v;
    return true;
}

// Sets `target` from the option's value, compared without case, when the option was given. Returns
// false for a value that is none of the choices.
template <typename T>
bool parseChoice(const QHash<QString, QString> &values, const QString &option,
                 std::initializer_list<std::pair<QStringView, std::type_identity_t<T>>> choices, T *target)
{
    if (!values.contains(option))
        return true;
    const QString value = values.value(option).toLower();
    for (const auto &[name, choice] : choices) {
        if (value == name) {
            *target = choice;
            return true;
        }
    }
    return false;
}

} // namespace

QString CliArguments::commandName(Command command)
{
    switch (command) {
    case Command::None:
        return {};
    case Command::Portals:
        return u"portals"_s;
    case Command::Sessions:
        return u"sessions"_s;
    case Command::Session:
        return u"session"_s;
    case Command::Sharing:
        return u"sharing"_s;
    case Command::Expire:
        return u"expire"_s;
    case Command::Whoami:
        return u"whoami"_s;
    case Command::Login:
        return u"login"_s;
    case Command::Config:
        return u"config"_s;
    }
    return {};
}

std::optional<CliArguments> CliArguments::parse(const QStringList &arguments, QString *error)
{
    CliArguments result;
    QHash<QString, QString> values;
    QSet<QString> flags;
    const auto fail = [&](const QString &message) -> std::optional<CliArguments> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        // The short forms every other program of ours (and most tools) accept.
        if (arg == u"-h")
            arg = u"--help"_s;
        else if (arg == u"-v")
            arg = u"--version"_s;
        if (!arg.startsWith(u"--")) {
            if (result.command != Command::None)
                return fail(tr("unexpected argument \"%1\"").arg(arg));
            bool known = false;
            for (const CommandSpec &spec : commandSpecs()) {
                if (commandName(spec.command) == arg) {
                    result.command = spec.command;
                    known = true;
                }
            }
            if (arg == u"help") {
                result.showHelp = true;
                known = true;
            }
            if (!known)
                return fail(tr("unknown command \"%1\" (expected portals, sessions, session, sharing, "
                               "expire, whoami, "
                               "login or config)")
                                .arg(arg));
            continue;
        }
        QString name = arg.mid(2);
        std::optional<QString> inlineValue;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name = name.left(eq);
        }
        const CommandSpec *spec = specFor(result.command);
        const bool takesValue = globalOptions.contains(name) || (spec && spec->options.contains(name));
        const bool isFlag = globalFlags.contains(name) || (spec && spec->flags.contains(name));
        if (!takesValue && !isFlag) {
            if (result.command == Command::None)
                return fail(
                    tr("unknown option --%1 (options of a command come after the command)").arg(name));
            return fail(tr("unknown option --%1 for \"%2\"").arg(name, commandName(result.command)));
        }
        if (isFlag) {
            if (inlineValue)
                return fail(tr("option --%1 takes no value").arg(name));
            flags.insert(name);
            continue;
        }
        QString value;
        if (inlineValue) {
            value = *inlineValue;
        } else {
            if (i + 1 >= arguments.size())
                return fail(tr("option --%1 needs a value").arg(name));
            value = arguments.at(++i);
        }
        if (values.contains(name))
            return fail(tr("option --%1 given twice").arg(name));
        values.insert(name, value);
    }

    result.showHelp = result.showHelp || flags.contains(u"help"_s);
    result.showVersion = flags.contains(u"version"_s);
    result.debug = flags.contains(u"debug"_s);
    result.profile = values.value(u"profile"_s);
    result.region = values.value(u"region"_s);
    result.endpointUrl = values.value(u"endpoint-url"_s);
    result.caBundle = values.value(u"ca-bundle"_s);
    for (const auto &[option, target] : {std::pair{u"cli-connect-timeout"_s, &result.connectTimeoutMs},
                                         std::pair{u"cli-read-timeout"_s, &result.readTimeoutMs}}) {
        if (!values.contains(option))
            continue;
        *target = TimeoutResolver::parseSeconds(values.value(option));
        if (!*target)
            return fail(tr("--%1 must be a number of seconds of at least 0 (0: no limit)").arg(option));
    }
    if (result.showHelp || result.showVersion)
        return result;
    if (result.command == Command::None)
        return fail(
            tr("no command given (expected portals, sessions, session, sharing, expire, whoami, login or "
               "config)"));

    const CommandSpec *spec = specFor(result.command);
    for (const QString &name : spec->required) {
        if (values.value(name).isEmpty())
            return fail(tr("\"%1\" needs --%2").arg(commandName(result.command), name));
    }

    result.format = values.value(u"format"_s);
    if (values.contains(u"format"_s) && !spec->formats.contains(result.format)) {
        return fail(tr("--format must be one of: %1").arg(spec->formats.join(u", "_s)));
    }
    result.portalId = values.value(u"portal"_s);
    if (PortalArn::looksLikeArn(result.portalId)) {
        const std::optional<PortalArn> arn = PortalArn::parse(result.portalId);
        if (!arn)
            return fail(tr("--portal \"%1\" is not a portal ARN "
                           "(arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID)")
                            .arg(result.portalId.left(120)));
        result.portalId = arn->portalId;
        result.portalRegion = arn->region;
    }
    result.sessionId = values.value(u"session-id"_s);
    result.outputPath = values.value(u"output"_s);
    result.qappsInstanceId = values.value(u"instance-id"_s);
    if (values.contains(u"username"_s))
        result.username = values.value(u"username"_s);

    if (!parseChoice(values, u"status"_s,
                     {{u"active", ListSessionsRequest::StatusFilter::Active},
                      {u"terminated", ListSessionsRequest::StatusFilter::Terminated}},
                     &result.status))
        return fail(tr("--status must be active or terminated"));
    if (!parseChoice(values, u"sort"_s,
                     {{u"newest", ListSessionsRequest::Sort::NewestFirst},
                      {u"oldest", ListSessionsRequest::Sort::OldestFirst}},
                     &result.sort))
        return fail(tr("--sort must be newest or oldest"));
    if (values.contains(u"page-size"_s)) {
        qint64 pageSize = 0;
        if (!parsePositive(values.value(u"page-size"_s), &pageSize) || pageSize > 1000000)
            return fail(tr("--page-size must be a whole number of at least 1"));
        result.pageSize = int(pageSize);
    }
    if (values.contains(u"max-items"_s)) {
        if (!parsePositive(values.value(u"max-items"_s), &result.maxItems))
            return fail(tr("--max-items must be a whole number of at least 1"));
    }
    if (values.contains(u"columns"_s)) {
        for (const QString &column : values.value(u"columns"_s).split(u',')) {
            const QString trimmed = column.trimmed();
            if (trimmed.isEmpty())
                return fail(tr("--columns has an empty column name"));
            result.columns.append(trimmed);
        }
    }
    result.spreadsheetSafe = flags.contains(u"spreadsheet-safe"_s);
    result.byteOrderMark = flags.contains(u"bom"_s);
    result.localTime = flags.contains(u"local-time"_s);
    result.assumeYes = flags.contains(u"yes"_s);
    return result;
}

QString CliArguments::helpText(Command command)
{
    const QString global = tr(R"(Global options (before or after the command):
  --profile P         AWS profile (shared files or one created in SessionScope); default: AWS_PROFILE,
                      else the environment's credentials, else "default"
  --region R          AWS region; default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region
  --endpoint-url URL  use this endpoint for every service (http:// only for loopback addresses)
  --ca-bundle FILE    trust only the certificate authorities in this PEM file (for a TLS-inspecting
                      proxy or a private CA); default: AWS_CA_BUNDLE, the profile's ca_bundle
  --cli-connect-timeout S  seconds to wait for a connection (0: no limit); default: the profile's
                      connect_timeout, else 10
  --cli-read-timeout S  seconds to wait without data (0: no limit); default: the profile's
                      read_timeout, else 60
  --debug             log requests (never secrets) to stderr
  --help, --version
)");
    const QString exitCodes = tr(R"(Exit status:
  0 success            2 usage error         3 configuration (profile, region, endpoint)
  4 credentials        5 access denied       6 not found
  7 invalid request    8 throttled           9 network or timeout
  10 service error     11 unreadable answer  12 local file error
  13 cancelled         14 quota exceeded     1 anything else
)");
    // Appended to the help of every command with --portal.
    const QString portalNote = tr(
        R"(  --portal takes a portal id or its ARN (arn:aws:workspaces-web:REGION:ACCOUNT:portal/ID). With an
  ARN and no region set (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile), the ARN's region is
  used; a region set elsewhere that differs from the ARN's is an error (exit status 3).
)");
    switch (command) {
    case Command::Portals:
        return tr(R"(sessionscope-cli portals [--format table|json|csv|jsonl] [--spreadsheet-safe]
  Lists every web portal of the account and region (all pages).
)") + global;
    case Command::Sessions:
        return tr(R"(sessionscope-cli sessions --portal ID|ARN [options]
  Lists the sessions of a portal, page by page, streaming every page to stdout or --output.
  --status active|terminated   only sessions in this state
  --username NAME              only this user (exact match)
  --session-id ID              only this session
  --sort newest|oldest         by start time (default newest)
  --page-size N                sessions per request (default: the service's)
  --max-items N                stop after N sessions
  --format table|csv|json|jsonl   (default table on a terminal, jsonl otherwise)
  --output FILE                write to FILE (complete or not at all) instead of stdout
  --columns a,b,...            export columns (API names, listed below)
  --spreadsheet-safe           prefix cells starting with = + - @ tab CR with ' (CSV)
  --bom                        start CSV with a UTF-8 byte order mark
  --local-time                 times in local time with offset instead of UTC
  --instance-id ID             Amazon Q Business instance for the Q App sharing columns

Columns (default: sessionId,username,status,startTime,endTime,portalArn):
  %1
  clientIpAddresses needs one GetSession call per session; the qApp* columns one
  GetQAppSessionMetadata call per session (and --instance-id).
)")
                   .arg(columnList()) +
               portalNote + global;
    case Command::Session:
        return tr(R"(sessionscope-cli session --portal ID|ARN --session-id ID [--format table|json]
  Shows one session with its client IP addresses.
)") + portalNote +
               global;
    case Command::Sharing:
        return tr(R"(sessionscope-cli sharing --instance-id ID --session-id ID [--format table|json]
  Shows the Amazon Q Apps sharing configuration of a session.
)") + global;
    case Command::Expire:
        return tr(R"(sessionscope-cli expire --portal ID|ARN --session-id ID [--yes]
  Ends (expires) an active session. Asks for confirmation on a terminal unless --yes.
)") + portalNote +
               global;
    case Command::Whoami:
        return tr(R"(sessionscope-cli whoami [--format json|text]
  Says who the credentials belong to (STS GetCallerIdentity): the account, the ARN, the user ID and
  where the credentials came from. JSON: {"Account", "Arn", "UserId", "CredentialSource"}.
  A profile with mfa_serial asks for the code on the terminal ("Enter MFA code for ...: "); without a
  terminal it fails at once (exit status 4).
)") + global;
    case Command::Login:
        return tr(R"(sessionscope-cli login [--profile P]
  Signs an IAM Identity Center profile (sso_session or sso_start_url) in without the AWS CLI: prints a
  URL and a code on stderr, waits until you allow access in a browser (on any device), and stores the
  sign-in in the AWS CLI's cache (~/.aws/sso/cache), so `aws` shares it. Prints until when the sign-in
  is valid. Ctrl-C cancels (exit status 13).
)") + global;
    case Command::Config:
        return tr(R"(sessionscope-cli config [--format table|json]
  Shows every setting the other commands would use and where each came from, like
  `aws configure list`, without calling AWS: profile, credentials (an access key ID by its last four
  characters only), region, the endpoint of each service, FIPS and dual-stack, proxy, CA bundle,
  timeouts, retry mode, attempts and app ID. JSON: one object with the keys profile, credentialSource,
  region, regionSource, endpoints, proxy, caBundle, connectTimeout, readTimeout, retryMode,
  maxAttempts (and more; see the manual page).
)") + global;
    case Command::None:
        break;
    }
    return tr(R"(Usage: sessionscope-cli [global options] COMMAND [options]

Browse Amazon WorkSpaces Secure Browser sessions and their Amazon Q Apps sharing settings.

Commands:
  portals    list the web portals
  sessions   list or export the sessions of a portal
  session    show one session
  sharing    show the Q App sharing configuration of a session
  expire     end an active session
  whoami     show who the credentials belong to
  login      sign in to IAM Identity Center
  config     show every setting and where it came from

Run "sessionscope-cli COMMAND --help" for the options of a command.

)") + global +
           u'\n' + exitCodes;
}
