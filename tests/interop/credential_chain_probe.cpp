// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The credentials chain as SessionScope runs it, for the differential test against botocore
// (credential_chain_diff.py): resolves a connection from this process's environment and the shared files
// exactly as the app and the CLI do, fetches the credentials once, and prints one JSON line:
//   {"accessKeyId": "...", "source": "..."}            or
//   {"error": "<category>", "code": "...", "message": "..."}
// Never the secret key or the session token. Options: --profile NAME, --mfa-code CODE (answers an MFA
// prompt; without it nobody can be asked), --timeout-ms N (the whole fetch; default 30000).

#include "aws/AwsError.h"
#include "aws/config/ConnectionOptions.h"
#include "aws/config/ConnectionResolver.h"
#include "aws/credentials/CredentialPrompts.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

class FixedCodePrompts : public CredentialPrompts
{
public:
    explicit FixedCodePrompts(QString code)
        : m_code(std::move(code))
    {}

    void askMfaCode(const MfaRequest &, QObject *context, MfaCallback callback) override
    {
        QTimer::singleShot(0, context, [code = m_code, callback] { callback(code); });
    }

private:
    QString m_code;
};

void print(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    std::fflush(stdout);
}

void printError(const AwsError &error)
{
    print(QJsonObject{{u"error"_s, AwsError::categoryName(error.category())},
                      {u"code"_s, error.code()},
                      {u"message"_s, error.message()}});
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({u"profile"_s, u"The --profile of the app and the CLI."_s, u"name"_s});
    parser.addOption({u"mfa-code"_s, u"The code to answer an MFA prompt with."_s, u"code"_s});
    parser.addOption({u"timeout-ms"_s, u"How long the fetch may take."_s, u"ms"_s, u"30000"_s});
    parser.process(app);

    ConnectionOptions options;
    options.profile = parser.value(u"profile"_s);
    if (parser.isSet(u"mfa-code"_s))
        options.prompts = std::make_shared<FixedCodePrompts>(parser.value(u"mfa-code"_s));

    const AwsResult<ResolvedConnection> connection =
        ConnectionResolver::resolve(options, QProcessEnvironment::systemEnvironment());
    if (!connection) {
        printError(connection.error());
        return 0;
    }
    const std::shared_ptr<CredentialsProvider> provider = connection.value().credentials;
    // The callback may run before exec(): exit() is queued so it always ends the loop, and the timer is a
    // child of the guard that the answer deletes.
    auto *timeoutGuard = new QObject(&app);
    QTimer::singleShot(parser.value(u"timeout-ms"_s).toInt(), timeoutGuard, [] {
        print(QJsonObject{{u"error"_s, u"hang"_s}, {u"message"_s, u"the fetch did not end in time"_s}});
        QCoreApplication::exit(3);
    });
    provider->fetch(&app, [timeoutGuard](const AwsResult<AwsCredentials> &credentials) {
        delete timeoutGuard;
        if (credentials) {
            print(QJsonObject{{u"accessKeyId"_s, credentials.value().accessKeyId},
                              {u"source"_s, credentials.value().source}});
        } else {
            printError(credentials.error());
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    });
    return app.exec();
}
