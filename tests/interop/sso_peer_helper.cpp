// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/SharedConfig.h"
#include "aws/credentials/Iso8601Timestamp.h"
#include "aws/credentials/sso/SsoCredentialsProvider.h"
#include "aws/credentials/sso/SsoDeviceLogin.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

// SessionScope's side of sso_cache_interop.py, with the process environment (HOME, AWS_CONFIG_FILE,
// AWS_ENDPOINT_URL_SSO, AWS_ENDPOINT_URL_SSO_OIDC):
//   sso_peer_helper login PROFILE        device sign-in; prints "USER_CODE <code>", then "SIGNED_IN <expiry>"
//   sso_peer_helper credentials PROFILE  prints "ACCESS_KEY_ID <id>" and "EXPIRATION <time>" (never secrets)
// Failures print "ERROR <code> <message>" and exit 1.
namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int fail(const AwsError &error)
{
    say(u"ERROR "_s + (error.code().isEmpty() ? u"-"_s : error.code()) + u' ' + error.message());
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 || (args.at(1) != u"login" && args.at(1) != u"credentials")) {
        say(u"usage: sso_peer_helper login|credentials PROFILE"_s);
        return 2;
    }
    const QString profileName = args.at(2);
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const AwsResult<SharedConfig> config = SharedConfig::load(env);
    if (!config)
        return fail(config.error());
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(config.value(), profileName);
    if (!profile)
        return fail(profile.error());

    auto network = std::make_shared<QNetworkAccessManager>();
    int exitCode = 1;
    // Nothing here may wait forever.
    QTimer::singleShot(120'000, &app, [&] {
        say(u"ERROR - no answer within 120 s"_s);
        app.exit(1);
    });

    if (args.at(1) == u"login") {
        SsoDeviceLogin login(profile.value(), env, config.value(), network.get());
        QObject::connect(&login, &SsoDeviceLogin::verificationReady, &app,
                         [](const QUrl &, const QString &userCode, const QUrl &, const QDateTime &) {
                             say(u"USER_CODE "_s + userCode);
                         });
        QObject::connect(&login, &SsoDeviceLogin::finished, &app, [&](const AwsResult<QDateTime> &result) {
            if (result) {
                say(u"SIGNED_IN "_s + Iso8601Timestamp::format(result.value()));
                app.exit(0);
            } else {
                app.exit(fail(result.error()));
            }
        });
        login.start();
        exitCode = app.exec();
        return exitCode;
    }

    auto context = std::make_shared<CredentialsContext>();
    context->env = env;
    context->config = config.value();
    context->network = network;
    SsoCredentialsProvider provider(profile.value(), context);
    provider.fetch(&app, [&](const AwsResult<AwsCredentials> &result) {
        if (result) {
            say(u"ACCESS_KEY_ID "_s + result.value().accessKeyId);
            say(u"EXPIRATION "_s + Iso8601Timestamp::format(result.value().expiration));
            app.exit(0);
        } else {
            app.exit(fail(result.error()));
        }
    });
    exitCode = app.exec();
    return exitCode;
}
