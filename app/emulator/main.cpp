// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignalWatcher.h"
#include "emulator/Emulator.h"
#include "emulator/EmulatorStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int usageError = 2;

QString description()
{
    return uR"(A local emulator of the Amazon WorkSpaces Secure Browser (WorkSpaces Web) and Amazon Q Apps
operations SessionScope uses: ListPortals, GetPortal, ListSessions, GetSession, ExpireSession,
GetQAppSessionMetadata and UpdateQAppSessionMetadata, all on one loopback port, signed with
AWS Signature Version 4 like the real services.

The first line on standard output is "listening on http://127.0.0.1:PORT" ("https://" with --tls).
Ctrl-C or SIGTERM stops it.

Credentials: unless told otherwise it accepts only the published demo key
  access key id      AKIASESSIONSCOPEDEMO
  secret access key  SessionScope/Demo+Secret/NotForRealUse00
(the secret can also come from SESSIONSCOPE_EMULATOR_SECRET_ACCESS_KEY, to keep it off the command line).

Data: the same --seed gives the same portals, session ids, users, statuses and Q Apps metadata on every
machine; times are placed relative to the moment it starts (or --anchor): sessions over the last 35 days,
heavier on weekdays and UTC working hours, about 3% active. Portal 0 is always Active; Pending and
Incomplete portals have no sessions. Every third session id also has a Q Apps session.

Identity services on the same port, for every way of signing in (unsigned unless noted):
  STS (Query protocol, POST /)  AssumeRole (signed; any arn:aws:iam::<12 digits>:role/<name>; MFA code
                                checked), AssumeRoleWithWebIdentity, GetCallerIdentity (signed)
  IAM Identity Center           portal GET /federation/credentials (GetRoleCredentials); OIDC
                                POST /client/register, /device_authorization, /token
  container credentials         GET /_emulator/container-credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI)
  EC2 instance metadata         PUT /latest/api/token, GET /latest/meta-data/iam/security-credentials/
  emulator only                 POST /_emulator/sso/approve {"userCode": "ABCD-EFGH"} (or open the
                                verification page and press Approve), POST /_emulator/advance-clock
                                {"seconds": N} to expire tokens and credentials without waiting
Credentials these hand out are accepted by every signed operation until they expire.)"_s;
}

std::optional<qint64> parseInteger(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

std::optional<double> parseRate(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= 0.0 && value <= 1.0))
        return std::nullopt;
    return value;
}

std::optional<QHostAddress> parseHost(const QString &text)
{
    if (text.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(text))
        return std::nullopt;
    return address;
}

void printLine(FILE *stream, const QString &line)
{
    std::fputs((line + u'\n').toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"sessionscope-emulator"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));

    const EmulatorConfig defaults;
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(u"host"_s,
                                        u"Address to listen on; loopback only (default 127.0.0.1)."_s,
                                        u"address"_s, u"127.0.0.1"_s);
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on; 0 picks a free one (default 0)."_s,
                                        u"port"_s, u"0"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed of the generated data (default 1)."_s, u"N"_s,
                                        QString::number(defaults.seed));
    const QCommandLineOption portalsOption(u"portals"_s,
                                           u"Number of portals (default %1)."_s.arg(defaults.portals), u"N"_s,
                                           QString::number(defaults.portals));
    const QCommandLineOption sessionsOption(
        u"sessions"_s, u"Sessions in each Active portal (default %1)."_s.arg(defaults.sessionsPerPortal),
        u"N"_s, QString::number(defaults.sessionsPerPortal));
    const QCommandLineOption keyIdOption(u"access-key-id"_s,
                                         u"Access key id clients must sign with (default the demo key)."_s,
                                         u"ID"_s, EmulatorConfig::demoAccessKeyId());
    const QCommandLineOption secretOption(u"secret-access-key"_s,
                                          u"Secret access key clients must sign with (default "
                                          u"$SESSIONSCOPE_EMULATOR_SECRET_ACCESS_KEY, else the "
                                          "demo secret)."_s,
                                          u"KEY"_s);
    const QCommandLineOption regionOption(u"region"_s,
                                          u"Region of the credential scope and ARNs (default us-east-1)."_s,
                                          u"region"_s, defaults.region);
    const QCommandLineOption instanceOption(
        u"qapps-instance-id"_s,
        u"Q Apps instance id (header instance-id); empty for none (default %1)."_s.arg(
            EmulatorConfig::demoQAppsInstanceId()),
        u"ID"_s, EmulatorConfig::demoQAppsInstanceId());
    const QCommandLineOption maxPageOption(
        u"max-page"_s, u"Default and maximum page size of the list operations (default 100)."_s, u"N"_s,
        QString::number(defaults.maxPage));
    const QCommandLineOption throttleOption(
        u"throttle-rate"_s,
        u"Share of requests answered 429 ThrottlingException with Retry-After: 1 (default 0)."_s, u"P"_s,
        u"0"_s);
    const QCommandLineOption throttleRpsOption(
        u"throttle-rps"_s,
        u"Refuse signed requests above R per second with 429 ThrottlingException (no Retry-After), like a "
        "service's rate limit: a token bucket of BURST tokens (default R, at least 1) refilled at R per "
        "second. GET /_emulator/stats counts the requests let through and refused (default: no limit)."_s,
        u"R[:BURST]"_s);
    const QCommandLineOption errorOption(
        u"error-rate"_s,
        u"Share of requests answered 500 InternalServerException or 503 ServiceUnavailableException (default 0)."_s,
        u"P"_s, u"0"_s);
    const QCommandLineOption latencyOption(
        u"latency-ms"_s, u"Delay before every answer, in milliseconds (default 0)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption faultOption(
        u"fault-rate"_s,
        u"Share of requests with another fault: connection-reset, truncated-body or repeated-next-token "
        "(repeatable, e.g. truncated-body=0.05)."_s,
        u"KIND=P"_s);
    const QCommandLineOption clockOption(
        u"clock-offset-seconds"_s,
        u"Run the emulator's clock this far ahead of the real one (negative: behind), to test skew correction."_s,
        u"N"_s, u"0"_s);
    const QCommandLineOption anchorOption(
        u"anchor"_s, u"The \"now\" the data is placed around, as ISO 8601 UTC (default: when it starts)."_s,
        u"time"_s);
    const IdentityConfig identityDefaults;
    const QCommandLineOption accountOption(
        u"account"_s,
        u"AWS account of the access key, IMDS and container roles (default %1)."_s.arg(
            identityDefaults.account),
        u"ID"_s, identityDefaults.account);
    const QCommandLineOption mfaCodeOption(
        u"mfa-code"_s,
        u"The one-time code STS accepts from any MFA device (default %1)."_s.arg(identityDefaults.mfaCode),
        u"CODE"_s, identityDefaults.mfaCode);
    const QCommandLineOption requireMfaOption(
        u"require-mfa"_s, u"A role name whose AssumeRole needs an MFA code (repeatable)."_s, u"ROLE_NAME"_s);
    const QCommandLineOption webIdentityOption(
        u"web-identity-token"_s,
        u"A token AssumeRoleWithWebIdentity accepts (repeatable; default %1)."_s.arg(
            IdentityConfig::demoWebIdentityToken()),
        u"TOKEN"_s);
    const QCommandLineOption pollIntervalOption(
        u"sso-poll-interval"_s,
        u"Seconds between CreateToken polls that StartDeviceAuthorization asks for (default %1)."_s.arg(
            identityDefaults.devicePollIntervalSeconds),
        u"N"_s, QString::number(identityDefaults.devicePollIntervalSeconds));
    const QCommandLineOption tokenLifetimeOption(
        u"sso-token-lifetime"_s,
        u"Lifetime of IAM Identity Center access tokens, in seconds (default %1)."_s.arg(
            identityDefaults.ssoTokenLifetimeSeconds),
        u"N"_s, QString::number(identityDefaults.ssoTokenLifetimeSeconds));
    const QCommandLineOption containerTokenOption(
        u"container-authorization-token"_s,
        u"The Authorization header the container credentials endpoint requires (default: none)."_s,
        u"TOKEN"_s);
    const QCommandLineOption imdsV1Option(u"imds-v1"_s,
                                          u"Let instance metadata GETs through without an IMDSv2 token."_s);
    const QCommandLineOption imdsDisableV2Option(
        u"imds-disable-v2"_s, u"Answer 403 to IMDSv2 token requests, so clients fall back to v1."_s);
    const QCommandLineOption imdsRoleOption(
        u"imds-role"_s, u"Role name of the instance profile (default %1)."_s.arg(identityDefaults.imdsRole),
        u"NAME"_s, identityDefaults.imdsRole);
    const QCommandLineOption tlsOption(
        u"tls"_s, u"Serve https instead of http on the same port. Without --tls-cert/--tls-key, a throw-away "
                  "CA made at start issues a certificate for 127.0.0.1, ::1 and localhost."_s);
    const QCommandLineOption tlsCertOption(
        u"tls-cert"_s, u"With --tls: the server certificate (PEM; its chain may follow it)."_s, u"FILE"_s);
    const QCommandLineOption tlsKeyOption(
        u"tls-key"_s, u"With --tls: the private key of --tls-cert (PEM, unencrypted)."_s, u"FILE"_s);
    const QCommandLineOption tlsCaOutOption(
        u"tls-ca-out"_s,
        u"With --tls: write the throw-away CA's certificate (PEM) to FILE, complete before the first line "
        "on standard output; use it as the client's CA bundle (AWS_CA_BUNDLE)."_s,
        u"FILE"_s);
    parser.addOptions({tlsOption, tlsCertOption, tlsKeyOption, tlsCaOutOption});
    parser.addOptions({hostOption,        portOption,          seedOption,          portalsOption,
                       sessionsOption,    keyIdOption,         secretOption,        regionOption,
                       instanceOption,    maxPageOption,       throttleOption,      errorOption,
                       latencyOption,     faultOption,         throttleRpsOption,   clockOption,
                       anchorOption,      accountOption,       mfaCodeOption,       requireMfaOption,
                       webIdentityOption, pollIntervalOption,  tokenLifetimeOption, containerTokenOption,
                       imdsV1Option,      imdsDisableV2Option, imdsRoleOption});
    parser.process(app);

    const auto usage = [](const QString &message) {
        printLine(stderr, u"sessionscope-emulator: error: "_s + message);
        printLine(stderr, u"Try 'sessionscope-emulator --help'."_s);
        return usageError;
    };
    if (!parser.positionalArguments().isEmpty())
        return usage(u"unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()));

    EmulatorConfig config;
    const auto host = parseHost(parser.value(hostOption));
    if (!host)
        return usage(u"--host: '%1' is not an IP address"_s.arg(parser.value(hostOption)));
    if (!EmulatorConfig::isLoopback(*host))
        return usage(
            u"--host: only loopback addresses (127.0.0.1, ::1) are allowed, not %1"_s.arg(host->toString()));
    config.host = *host;

    const auto port = parseInteger(parser.value(portOption), 0, 65535);
    if (!port)
        return usage(u"--port must be between 0 and 65535"_s);
    config.port = quint16(*port);
    bool seedOk = false;
    config.seed = parser.value(seedOption).toULongLong(&seedOk);
    if (!seedOk)
        return usage(u"--seed must be a non-negative integer"_s);
    const auto portals = parseInteger(parser.value(portalsOption), 1, 1000);
    if (!portals)
        return usage(u"--portals must be between 1 and 1000"_s);
    config.portals = int(*portals);
    const auto sessions = parseInteger(parser.value(sessionsOption), 0, 20'000'000);
    if (!sessions)
        return usage(u"--sessions must be between 0 and 20000000"_s);
    config.sessionsPerPortal = int(*sessions);

    AwsCredentials credentials = EmulatorConfig::demoCredentials();
    credentials.accessKeyId = parser.value(keyIdOption);
    const QString secretFromEnv =
        QProcessEnvironment::systemEnvironment().value(u"SESSIONSCOPE_EMULATOR_SECRET_ACCESS_KEY"_s);
    if (parser.isSet(secretOption))
        credentials.secretAccessKey = parser.value(secretOption);
    else if (!secretFromEnv.isEmpty())
        credentials.secretAccessKey = secretFromEnv;
    credentials.source = u"command line"_s;
    config.credentials = {credentials};

    config.region = parser.value(regionOption);
    config.qappsInstanceId = parser.value(instanceOption);
    const auto maxPage = parseInteger(parser.value(maxPageOption), 1, 100000);
    if (!maxPage)
        return usage(u"--max-page must be between 1 and 100000"_s);
    config.maxPage = int(*maxPage);

    const auto throttle = parseRate(parser.value(throttleOption));
    if (!throttle)
        return usage(u"--throttle-rate must be a number between 0 and 1"_s);
    config.faults.setRate(FaultInjector::Fault::Throttling, *throttle);
    if (parser.isSet(throttleRpsOption)) {
        QString error;
        const auto limit = RequestRateLimit::parse(parser.value(throttleRpsOption), &error);
        if (!limit)
            return usage(error);
        config.rateLimit = *limit;
    }
    const auto errors = parseRate(parser.value(errorOption));
    if (!errors)
        return usage(u"--error-rate must be a number between 0 and 1"_s);
    config.faults.setServerErrorRate(*errors);
    const auto latency = parseInteger(parser.value(latencyOption), 0, 600000);
    if (!latency)
        return usage(u"--latency-ms must be between 0 and 600000"_s);
    config.faults.latencyMs = int(*latency);
    const QStringList faultRates = parser.values(faultOption);
    for (const QString &entry : faultRates) {
        const qsizetype eq = entry.indexOf(u'=');
        const QString kind = entry.left(eq);
        const auto rate = eq < 0 ? std::nullopt : parseRate(entry.mid(eq + 1));
        const QList<FaultInjector::Fault> extra = {FaultInjector::Fault::ConnectionReset,
                                                   FaultInjector::Fault::TruncatedBody,
                                                   FaultInjector::Fault::RepeatedNextToken};
        const auto it = std::find_if(extra.begin(), extra.end(), [&](FaultInjector::Fault f) {
            return FaultInjector::faultName(f) == kind;
        });
        if (it == extra.end() || !rate)
            return usage(
                u"--fault-rate: expected connection-reset=P, truncated-body=P or repeated-next-token=P "
                "with P between 0 and 1, not '%1'"_s.arg(entry));
        config.faults.setRate(*it, *rate);
    }
    const auto offset = parseInteger(parser.value(clockOption), -10LL * 365 * 86400, 10LL * 365 * 86400);
    if (!offset)
        return usage(u"--clock-offset-seconds must be an integer number of seconds"_s);
    config.faults.clockOffsetSeconds = *offset;
    if (parser.isSet(anchorOption)) {
        QDateTime anchor = QDateTime::fromString(parser.value(anchorOption), Qt::ISODateWithMs);
        if (!anchor.isValid())
            return usage(u"--anchor must be an ISO 8601 time such as 2025-01-31T12:00:00Z"_s);
        config.anchor = anchor.toUTC();
    }

    IdentityConfig &identity = config.identity;
    identity.account = parser.value(accountOption);
    identity.mfaCode = parser.value(mfaCodeOption);
    identity.requireMfaRoles = parser.values(requireMfaOption);
    if (parser.isSet(webIdentityOption))
        identity.webIdentityTokens = parser.values(webIdentityOption);
    const auto interval = parseInteger(parser.value(pollIntervalOption), 0, 60);
    if (!interval)
        return usage(u"--sso-poll-interval must be between 0 and 60"_s);
    identity.devicePollIntervalSeconds = int(*interval);
    const auto lifetime = parseInteger(parser.value(tokenLifetimeOption), 60, 7 * 86400);
    if (!lifetime)
        return usage(u"--sso-token-lifetime must be between 60 and 604800"_s);
    identity.ssoTokenLifetimeSeconds = int(*lifetime);
    identity.containerAuthorizationToken = parser.value(containerTokenOption);
    identity.imdsV1 = parser.isSet(imdsV1Option);
    identity.imdsDisableV2 = parser.isSet(imdsDisableV2Option);
    identity.imdsRole = parser.value(imdsRoleOption);

    config.tls.enabled = parser.isSet(tlsOption);
    config.tls.certificateFile = parser.value(tlsCertOption);
    config.tls.keyFile = parser.value(tlsKeyOption);
    config.tls.caOutFile = parser.value(tlsCaOutOption);

    if (const auto problem = config.validate())
        return usage(*problem);

    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);

    Emulator emulator(config);
    QString error;
    if (!emulator.start(&error)) {
        printLine(stderr, u"sessionscope-emulator: error: "_s + error);
        return 1;
    }
    printLine(stdout, u"listening on "_s + emulator.endpoint().toString());
    printLine(stderr,
              u"sessionscope-emulator: %1 portals, %2 sessions (seed %3, generated in %4 ms); region %5; "
              "access key id %6; Q Apps instance %7; account %8"_s.arg(emulator.store()->portals().size())
                  .arg(emulator.store()->sessionCount())
                  .arg(config.seed)
                  .arg(emulator.generationMs())
                  .arg(config.region, credentials.accessKeyId,
                       config.qappsInstanceId.isEmpty() ? u"(none)"_s : config.qappsInstanceId,
                       identity.account));

    const int status = app.exec();
    emulator.stop();
    return status;
}
