// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/AwsCredentials.h"
#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorResponse.h"
#include "emulator/RequestContext.h"
#include "emulator/identity/IdentityConfig.h"
#include "emulator/identity/IssuedCredentials.h"

#include <QHash>

class SignatureVerifier;

/// AWS Security Token Service over the Query protocol (signing name "sts"): form-encoded POST to "/" whose
/// Action picks the operation, XML answers (StsXml).
/// - AssumeRole (signed): any arn:aws:iam::<12 digits>:role/<name> can be assumed; DurationSeconds
///   900..43200 (default 3600); SerialNumber + TokenCode are checked against the configured MFA code, and
///   roles in requireMfaRoles refuse callers without them (AccessDenied).
/// - AssumeRoleWithWebIdentity (unsigned): the token must be one of the configured ones
///   (InvalidIdentityToken otherwise).
/// - GetCallerIdentity (signed): the configured keys are the IAM user sessionscope-demo of the configured
///   account; issued credentials are their assumed role.
/// Signature failures are answered in STS's own words (SignatureDoesNotMatch, InvalidClientTokenId,
/// ExpiredToken, ...) as XML.
class StsService
{
public:
    static QString signingName() { return QStringLiteral("sts"); }
    static QString apiVersion() { return QStringLiteral("2011-06-15"); }
    /// The Query protocol's requests: POST "/" (the Action in the form body), or GET "/?Action=...".
    static bool ownsRequest(const AwsRequest &request);

    /// `verifier` and `issued` must outlive the service.
    StsService(const SignatureVerifier &verifier, IssuedCredentials &issued, IdentityConfig config);

    /// `now` is the emulator's clock.
    EmulatorResponse handle(const AwsRequest &request, const RequestContext &context);

    /// Who the configured (long-term) access key is.
    IssuedCredentials::Identity userIdentity(const QString &accessKeyId) const;

private:
    using Parameters = QHash<QString, QString>;

    EmulatorResponse assumeRole(const Parameters &parameters, const AwsCredentials &caller,
                                const RequestContext &context);
    EmulatorResponse assumeRoleWithWebIdentity(const Parameters &parameters, const RequestContext &context);
    EmulatorResponse getCallerIdentity(const AwsCredentials &caller, const RequestContext &context);
    IssuedCredentials::Identity identityOf(const AwsCredentials &caller) const;

    /// Checks RoleArn, RoleSessionName and DurationSeconds; an error answer when one is wrong.
    std::optional<EmulatorResponse> checkRoleParameters(const Parameters &parameters,
                                                        const RequestContext &context) const;
    static EmulatorResponse xml(const QByteArray &body, int status = 200);
    static EmulatorResponse error(int status, const QString &code, const QString &message,
                                  const RequestContext &context);

    const SignatureVerifier &m_verifier;
    IssuedCredentials &m_issued;
    IdentityConfig m_config;
};
