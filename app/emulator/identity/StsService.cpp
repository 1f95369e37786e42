// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/identity/StsService.h"

#include "emulator/EmulatorServer.h"
#include "emulator/SignatureVerifier.h"
#include "emulator/identity/StsXml.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

constexpr int minDurationSeconds = 900;
constexpr int maxDurationSeconds = 43200;
constexpr int defaultDurationSeconds = 3600;

// arn:aws:iam::<account>:role/[path/]name
const QRegularExpression &roleArnPattern()
{
    static const QRegularExpression pattern(
        u"^arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})$"_s);
    return pattern;
}

QString stsCode(const QString &signatureCode)
{
    // The JSON services' names for signature failures, and what STS calls them.
    static const QHash<QString, QString> names = {
        {u"MissingAuthenticationTokenException"_s, u"MissingAuthenticationToken"_s},
        {u"IncompleteSignatureException"_s, u"IncompleteSignature"_s},
        {u"InvalidSignatureException"_s, u"SignatureDoesNotMatch"_s},
        {u"UnrecognizedClientException"_s, u"InvalidClientTokenId"_s},
        {u"ExpiredTokenException"_s, u"ExpiredToken"_s},
    };
    return names.value(signatureCode, signatureCode);
}

QString validationMessage(const QString &value, const QString &member, const QString &constraint)
{
    return u"1 validation error detected: Value %1 at '%2' failed to satisfy constraint: %3"_s.arg(
        value.isNull() ? u"null"_s : u"'%1'"_s.arg(value), member, constraint);
}

} // namespace

bool StsService::ownsRequest(const AwsRequest &request)
{
    if (request.encodedPath != "/")
        return false;
    // botocore and the AWS CLI POST a form; the GET form with the parameters in the query also exists.
    return request.method == "POST" ||
           std::any_of(request.query.begin(), request.query.end(),
                       [](const QPair<QString, QString> &p) { return p.first == u"Action"_s; });
}

StsService::StsService(const SignatureVerifier &verifier, IssuedCredentials &issued, IdentityConfig config)
    : m_verifier(verifier)
    , m_issued(issued)
    , m_config(std::move(config))
{}

EmulatorResponse StsService::xml(const QByteArray &body, int status)
{
    EmulatorResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/xml")});
    return response;
}

EmulatorResponse StsService::error(int status, const QString &code, const QString &message,
                                   const RequestContext &context)
{
    return xml(StsXml::error(code, message, context.requestId, status >= 500 ? u"Receiver"_s : u"Sender"_s),
               status);
}

IssuedCredentials::Identity StsService::userIdentity(const QString &accessKeyId) const
{
    IssuedCredentials::Identity identity;
    identity.account = m_config.account;
    identity.arn = u"arn:aws:iam::%1:user/sessionscope-demo"_s.arg(m_config.account);
    identity.userId = IssuedCredentials::uniqueIdFor(u"AIDA"_s, accessKeyId);
    return identity;
}

IssuedCredentials::Identity StsService::identityOf(const AwsCredentials &caller) const
{
    if (const auto entry = m_issued.find(caller.accessKeyId, caller.sessionToken))
        return entry->identity;
    return userIdentity(caller.accessKeyId);
}

EmulatorResponse StsService::handle(const AwsRequest &request, const RequestContext &context)
{
    Parameters parameters;
    for (const auto &[key, value] : request.query)
        parameters.insert(key, value);
    if (request.method == "POST") {
        const QList<QPair<QString, QString>> form = EmulatorServer::decodeQuery(request.body);
        for (const auto &[key, value] : form)
            parameters.insert(key, value);
    }
    const QString action = parameters.value(u"Action"_s);
    const QString version = parameters.value(u"Version"_s, apiVersion());
    const bool known = action == u"AssumeRole"_s || action == u"AssumeRoleWithWebIdentity"_s ||
                       action == u"GetCallerIdentity"_s;
    if (!known || version != apiVersion()) {
        return error(400, u"InvalidAction"_s,
                     u"Could not find operation %1 for version %2"_s.arg(action, version), context);
    }
    if (action == u"AssumeRoleWithWebIdentity"_s)
        return assumeRoleWithWebIdentity(parameters, context);

    const AwsResult<AwsCredentials> caller =
        m_verifier.verify(request, signingName(), QDateTime::fromMSecsSinceEpoch(context.nowMs, Qt::UTC));
    if (!caller)
        return error(caller.error().httpStatus(), stsCode(caller.error().code()), caller.error().message(),
                     context);
    if (action == u"AssumeRole"_s)
        return assumeRole(parameters, caller.value(), context);
    return getCallerIdentity(caller.value(), context);
}

std::optional<EmulatorResponse> StsService::checkRoleParameters(const Parameters &parameters,
                                                                const RequestContext &context) const
{
    const QString roleArn = parameters.value(u"RoleArn"_s);
    if (!parameters.contains(u"RoleArn"_s))
        return error(400, u"ValidationError"_s,
                     validationMessage({}, u"roleArn"_s, u"Member must not be null"_s), context);
    if (!roleArnPattern().match(roleArn).hasMatch()) {
        return error(
            400, u"ValidationError"_s,
            u"%1 is not a valid role ARN: expected arn:aws:iam::<12-digit account>:role/<name>"_s.arg(
                roleArn),
            context);
    }
    static const QRegularExpression sessionNamePattern(u"^[\\w+=,.@-]{2,64}$"_s);
    if (!parameters.contains(u"RoleSessionName"_s)) {
        return error(400, u"ValidationError"_s,
                     validationMessage({}, u"roleSessionName"_s, u"Member must not be null"_s), context);
    }
    const QString sessionName = parameters.value(u"RoleSessionName"_s);
    if (!sessionNamePattern.match(sessionName).hasMatch()) {
        return error(400, u"ValidationError"_s,
                     validationMessage(sessionName, u"roleSessionName"_s,
                                       u"Member must satisfy regular expression pattern: [\\w+=,.@-]* and "
                                       "have length between 2 and 64"_s),
                     context);
    }
    if (parameters.contains(u"DurationSeconds"_s)) {
        const QString text = parameters.value(u"DurationSeconds"_s);
        bool ok = false;
        const int duration = text.toInt(&ok);
        if (!ok || duration < minDurationSeconds || duration > maxDurationSeconds) {
            return error(
                400, u"ValidationError"_s,
                validationMessage(text, u"durationSeconds"_s,
                                  u"Member must have value between %1 and %2"_s.arg(minDurationSeconds)
                                      .arg(maxDurationSeconds)),
                context);
        }
    }
    return std::nullopt;
}

EmulatorResponse StsService::assumeRole(const Parameters &parameters, const AwsCredentials &caller,
                                        const RequestContext &context)
{
    if (auto problem = checkRoleParameters(parameters, context))
        return *problem;
    const QString roleArn = parameters.value(u"RoleArn"_s);
    const QRegularExpressionMatch arn = roleArnPattern().match(roleArn);
    const QString roleAccount = arn.captured(1);
    const QString roleName = arn.captured(2);
    const QString sessionName = parameters.value(u"RoleSessionName"_s);

    const QString serialNumber = parameters.value(u"SerialNumber"_s);
    const QString tokenCode = parameters.value(u"TokenCode"_s);
    if (serialNumber.isEmpty() != tokenCode.isEmpty()) {
        return error(
            403, u"AccessDenied"_s,
            u"MultiFactorAuthentication failed, must provide both MFA serial number and one time pass "
            "code."_s,
            context);
    }
    if (!tokenCode.isEmpty() && tokenCode != m_config.mfaCode) {
        return error(403, u"AccessDenied"_s,
                     u"MultiFactorAuthentication failed with invalid MFA one time pass code."_s, context);
    }
    if (serialNumber.isEmpty() && m_config.requireMfaRoles.contains(roleName)) {
        return error(403, u"AccessDenied"_s,
                     u"User: %1 is not authorized to perform: sts:AssumeRole on resource: %2 (the role "
                     "requires MFA)"_s.arg(identityOf(caller).arn, roleArn),
                     context);
    }

    const QDateTime now = QDateTime::fromMSecsSinceEpoch(context.nowMs, Qt::UTC);
    const int duration =
        parameters.value(u"DurationSeconds"_s, QString::number(defaultDurationSeconds)).toInt();
    const QString roleId = IssuedCredentials::uniqueIdFor(u"AROA"_s, roleArn);
    IssuedCredentials::Identity identity;
    identity.account = roleAccount;
    identity.arn = u"arn:aws:sts::%1:assumed-role/%2/%3"_s.arg(roleAccount, roleName, sessionName);
    identity.userId = roleId + u':' + sessionName;
    const AwsCredentials issued = m_issued.issue(u"assume-role|%1|%2"_s.arg(roleArn, caller.accessKeyId),
                                                 identity, now.addSecs(duration), now);
    return xml(StsXml::assumedRole(u"AssumeRole"_s, issued, identity, identity.userId, context.requestId));
}

EmulatorResponse StsService::assumeRoleWithWebIdentity(const Parameters &parameters,
                                                       const RequestContext &context)
{
    if (auto problem = checkRoleParameters(parameters, context))
        return *problem;
    if (!parameters.contains(u"WebIdentityToken"_s)) {
        return error(400, u"ValidationError"_s,
                     validationMessage({}, u"webIdentityToken"_s, u"Member must not be null"_s), context);
    }
    // Token files written with `echo` end in a newline, which botocore sends along; accept it.
    const QString token = parameters.value(u"WebIdentityToken"_s).trimmed();
    if (!m_config.webIdentityTokens.contains(token)) {
        // Never echo the token: it is a secret.
        return error(400, u"InvalidIdentityToken"_s,
                     u"The web identity token is not one sessionscope-emulator accepts "
                     "(see --web-identity-token)."_s,
                     context);
    }
    const QString roleArn = parameters.value(u"RoleArn"_s);
    const QRegularExpressionMatch arn = roleArnPattern().match(roleArn);
    const QString roleAccount = arn.captured(1);
    const QString roleName = arn.captured(2);
    const QString sessionName = parameters.value(u"RoleSessionName"_s);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(context.nowMs, Qt::UTC);
    const int duration =
        parameters.value(u"DurationSeconds"_s, QString::number(defaultDurationSeconds)).toInt();

    IssuedCredentials::Identity identity;
    identity.account = roleAccount;
    identity.arn = u"arn:aws:sts::%1:assumed-role/%2/%3"_s.arg(roleAccount, roleName, sessionName);
    identity.userId = IssuedCredentials::uniqueIdFor(u"AROA"_s, roleArn) + u':' + sessionName;
    const AwsCredentials issued =
        m_issued.issue(u"web-identity|"_s + roleArn, identity, now.addSecs(duration), now);
    const QString subject = IssuedCredentials::uniqueIdFor(u"sub-"_s, token).toLower();
    return xml(StsXml::assumedRole(u"AssumeRoleWithWebIdentity"_s, issued, identity, identity.userId,
                                   context.requestId,
                                   {{u"SubjectFromWebIdentityToken"_s, subject},
                                    {u"Audience"_s, u"sessionscope-emulator"_s},
                                    {u"Provider"_s, u"sessionscope-emulator"_s}}));
}

EmulatorResponse StsService::getCallerIdentity(const AwsCredentials &caller, const RequestContext &context)
{
    return xml(StsXml::callerIdentity(identityOf(caller), context.requestId));
}
