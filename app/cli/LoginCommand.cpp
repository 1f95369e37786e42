// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/LoginCommand.h"

#include "aws/credentials/ProfileCredentialsProvider.h"
#include "aws/credentials/sso/SsoDeviceLogin.h"
#include "aws/credentials/sso/SsoProfile.h"

#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

LoginCommand::LoginCommand(CommandContext context, QObject *parent)
    : Command(std::move(context), parent)
{}

LoginCommand::~LoginCommand()
{
    // The login polls over the network manager: it goes first.
    delete m_login.data();
}

void LoginCommand::run()
{
    const QProcessEnvironment &env = context().environment;
    AwsResult<SharedConfig> config = SharedConfig::load(env);
    if (!config) {
        fail(config.error());
        return;
    }
    m_config = std::move(config).value();
    const QString name = SharedConfig::selectedProfileName(arguments().profile, env);
    if (!m_config.hasProfile(name)) {
        fail(AwsError(AwsError::Category::Configuration,
                      tr("There is no profile %1 in %2.").arg(name, m_config.filesDescription())));
        return;
    }
    if (ProfileCredentialsProvider::kindOf(m_config, name) !=
        ProfileCredentialsProvider::Kind::IdentityCenter) {
        fail(AwsError(AwsError::Category::Configuration,
                      tr("Profile %1 does not use IAM Identity Center, so there is nothing to sign in to: "
                         "\"login\" is for profiles with sso_session or sso_start_url.")
                          .arg(name)));
        return;
    }
    const AwsResult<SsoProfile> profile = SsoProfile::fromConfig(m_config, name);
    if (!profile) {
        fail(profile.error());
        return;
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    m_login = new SsoDeviceLogin(profile.value(), env, m_config, m_network.get(), systemAwsClock(), this);
    connect(m_login, &SsoDeviceLogin::verificationReady, this,
            [this](const QUrl &complete, const QString &userCode, const QUrl &uri, const QDateTime &) {
                // The AWS CLI's words (aws sso login --no-browser), so the steps read the same.
                writeErr(
                    tr("To sign in, open this URL in a browser on any device:\n\n%1\n\nand check that it "
                       "shows the code:\n\n%2\n\n(Or open %3 and enter the code.) Waiting for the "
                       "approval; Ctrl-C cancels.")
                        .arg(complete.toString(), userCode, uri.toString()));
            });
    connect(m_login, &SsoDeviceLogin::finished, this, [this, name](const AwsResult<QDateTime> &until) {
        if (isFinished())
            return;
        if (!until) {
            fail(until.error());
            return;
        }
        writeOut(tr("Signed in to IAM Identity Center with profile %1 until %2.\n")
                     .arg(name, until.value().toUTC().toString(Qt::ISODate))
                     .toUtf8());
        succeed();
    });
    m_login->start();
}

void LoginCommand::cancel()
{
    if (m_login)
        m_login->cancel();
    Command::cancel();
}
