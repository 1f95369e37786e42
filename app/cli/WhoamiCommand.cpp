// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/WhoamiCommand.h"

#include "aws/credentials/CredentialsProvider.h"
#include "aws/credentials/sts/StsClient.h"
#include "cli/CliConnection.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

WhoamiCommand::WhoamiCommand(CommandContext context, QObject *parent)
    : Command(std::move(context), parent)
{}

WhoamiCommand::~WhoamiCommand() = default;

void WhoamiCommand::run()
{
    const ResolvedConnection &resolved = connection().resolved();
    // The credentials first: their source is part of the answer, and a profile that cannot give any
    // (no MFA code, an expired sign-in) says so before STS is called.
    resolved.credentials->fetch(this, [this](const AwsResult<AwsCredentials> &credentials) {
        if (!credentials) {
            fail(credentials.error());
            return;
        }
        const ResolvedConnection &r = connection().resolved();
        const QString source =
            credentials.value().source.isEmpty() ? r.credentials->description() : credentials.value().source;
        m_sts = std::make_unique<StsClient>(connection().transport(), r.stsEndpoint, r.region);
        m_sts->getCallerIdentity(this,
                                 printAnswer<CallerIdentity>([this, source](const CallerIdentity &identity) {
                                     print(identity, source);
                                 }));
    });
}

void WhoamiCommand::print(const CallerIdentity &identity, const QString &source)
{
    if (arguments().format == u"text") {
        writeOut(tr("Account: %1\nArn: %2\nUserId: %3\nCredentials from: %4\n")
                     .arg(identity.account, identity.arn, identity.userId, source)
                     .toUtf8());
        return;
    }
    // The keys of `aws sts get-caller-identity`, plus where the credentials came from.
    const QJsonObject object{{u"Account"_s, identity.account},
                             {u"Arn"_s, identity.arn},
                             {u"UserId"_s, identity.userId},
                             {u"CredentialSource"_s, source}};
    writeOut(QJsonDocument(object).toJson(QJsonDocument::Indented));
}
