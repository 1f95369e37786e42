// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/SignatureVerifier.h"

#include "emulator/identity/IssuedCredentials.h"

using namespace Qt::StringLiterals;

namespace {

constexpr auto algorithm = "AWS4-HMAC-SHA256";

AwsError signatureError(const QString &code, const QString &message)
{
    AwsError error(AwsError::categoryFor(code, 403), message);
    error.setCode(code).setHttpStatus(403);
    return error;
}

AwsError incomplete(const QString &message)
{
    return signatureError(u"IncompleteSignatureException"_s, message);
}

AwsError invalid(const QString &message)
{
    return signatureError(u"InvalidSignatureException"_s, message);
}

// The X-Amz-Date form of a time, for the services' error messages.
QString amzDate(const QDateTime &time)
{
    return QString::fromLatin1(SigV4Signer::amzDate(time));
}

} // namespace

SignatureVerifier::SignatureVerifier(QList<AwsCredentials> credentials, QString region,
                                     const IssuedCredentials *issued)
    : m_credentials(std::move(credentials))
    , m_region(std::move(region))
    , m_issued(issued)
{}

AwsResult<AwsCredentials> SignatureVerifier::verify(const AwsRequest &request, const QString &service,
                                                    const QDateTime &now) const
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.isEmpty()) {
        return signatureError(u"MissingAuthenticationTokenException"_s, u"Missing Authentication Token"_s);
    }
    const QString quotedAuthorization = u"Authorization="_s + QString::fromUtf8(authorization);

    // "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..."
    const qsizetype space = authorization.indexOf(' ');
    const QByteArray givenAlgorithm = space < 0 ? authorization : authorization.left(space);
    if (givenAlgorithm != algorithm) {
        return incomplete(u"Unsupported AWS 'algorithm': '%1'. Use 'AWS4-HMAC-SHA256'. %2"_s.arg(
            QString::fromUtf8(givenAlgorithm), quotedAuthorization));
    }
    QByteArray credential, signedHeadersText, signature;
    bool seenCredential = false, seenSignedHeaders = false, seenSignature = false;
    const QList<QByteArray> parts = authorization.mid(space + 1).split(',');
    for (const QByteArray &rawPart : parts) {
        const QByteArray part = rawPart.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray name = part.left(eq).trimmed();
        const QByteArray value = part.mid(eq + 1).trimmed();
        if (name == "Credential") {
            credential = value;
            seenCredential = true;
        } else if (name == "SignedHeaders") {
            signedHeadersText = value;
            seenSignedHeaders = true;
        } else if (name == "Signature") {
            signature = value;
            seenSignature = true;
        }
    }
    QStringList missing;
    if (!seenCredential || credential.isEmpty())
        missing << u"Authorization header requires 'Credential' parameter."_s;
    if (!seenSignature || signature.isEmpty())
        missing << u"Authorization header requires 'Signature' parameter."_s;
    if (!seenSignedHeaders || signedHeadersText.isEmpty())
        missing << u"Authorization header requires 'SignedHeaders' parameter."_s;
    if (!missing.isEmpty())
        return incomplete(missing.join(u' ') + u' ' + quotedAuthorization);

    const QList<QByteArray> scope = credential.split('/');
    if (scope.size() != 5) {
        return incomplete(u"Credential should have exactly 5 slash-separated parts "
                          "(access key id/yyyyMMdd/region/service/aws4_request), got '%1'. %2"_s.arg(
                              QString::fromUtf8(credential), quotedAuthorization));
    }
    const QString accessKeyId = QString::fromUtf8(scope[0]);
    const QByteArray scopeDate = scope[1];
    const QString scopeRegion = QString::fromUtf8(scope[2]);
    const QString scopeService = QString::fromUtf8(scope[3]);
    const QByteArray terminator = scope[4];

    const QByteArray amzDateText = request.header("x-amz-date").trimmed();
    if (amzDateText.isNull()) {
        return incomplete(
            u"Authorization header requires existence of a 'X-Amz-Date' header "
            "(sessionscope-emulator does not accept 'Date' instead). %1"_s.arg(quotedAuthorization));
    }
    const QDateTime requestTime = SigV4Signer::parseAmzDate(amzDateText);
    if (!requestTime.isValid()) {
        return incomplete(u"Date must be in ISO-8601 'basic format'. Got '%1'. See "
                          "http://en.wikipedia.org/wiki/ISO_8601"_s.arg(QString::fromUtf8(amzDateText)));
    }

    const QList<QByteArray> signedHeaders = signedHeadersText.split(';');
    if (!signedHeaders.contains("host")) {
        return incomplete(
            u"'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization. %1"_s.arg(
                quotedAuthorization));
    }
    // Some services sign X-Amz-Security-Token, others let it be added after signing; accept both.
    const QByteArray securityToken = request.header("x-amz-security-token");

    if (terminator != "aws4_request") {
        return invalid(
            u"Credential should be scoped with a valid terminator: 'aws4_request', not '%1'."_s.arg(
                QString::fromUtf8(terminator)));
    }
    if (scopeDate != amzDateText.left(8)) {
        return invalid(u"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
                       "HTTP: '%1' != '%2', from '%3'."_s.arg(QString::fromUtf8(scopeDate),
                                                              QString::fromUtf8(amzDateText.left(8)),
                                                              QString::fromUtf8(amzDateText)));
    }
    if (scopeRegion != m_region)
        return invalid(u"Credential should be scoped to a valid region, not '%1'. "_s.arg(scopeRegion));
    if (scopeService != service)
        return invalid(u"Credential should be scoped to correct service: '%1'. "_s.arg(service));

    AwsCredentials known;
    const auto configured =
        std::find_if(m_credentials.begin(), m_credentials.end(),
                     [&](const AwsCredentials &c) { return c.accessKeyId == accessKeyId; });
    if (configured != m_credentials.end()) {
        known = *configured;
        if (!known.sessionToken.isEmpty() && known.sessionToken.toUtf8() != securityToken)
            known = {};
    } else if (m_issued) {
        if (const auto entry = m_issued->find(accessKeyId, QString::fromUtf8(securityToken))) {
            if (now >= entry->credentials.expiration) {
                return signatureError(u"ExpiredTokenException"_s,
                                      u"The security token included in the request is expired"_s);
            }
            known = entry->credentials;
        }
    }
    if (!known.isValid()) {
        return signatureError(u"UnrecognizedClientException"_s,
                              u"The security token included in the request is invalid."_s);
    }

    const qint64 skew = requestTime.secsTo(now);
    if (skew > maxClockSkewSeconds) {
        return invalid(u"Signature expired: %1 is now earlier than %2 (%3 - 15 min.)"_s.arg(
            QString::fromUtf8(amzDateText), amzDate(now.addSecs(-maxClockSkewSeconds)), amzDate(now)));
    }
    if (-skew > maxClockSkewSeconds) {
        return invalid(u"Signature not yet current: %1 is still later than %2 (%3 + 15 min.)"_s.arg(
            QString::fromUtf8(amzDateText), amzDate(now.addSecs(maxClockSkewSeconds)), amzDate(now)));
    }

    const QByteArray expected =
        m_signer.signature(request, signedHeaders, known.secretAccessKey, scopeRegion, scopeService);
    if (SigV4Signer::signaturesEqual(expected, signature))
        return known;

    // Like the services, show what was expected so a client's author can find the difference, but
    // never echo a session token.
    AwsRequest shown = request;
    if (!securityToken.isNull())
        shown.setHeader("X-Amz-Security-Token", "<redacted>");
    const QByteArray payloadHash = SigV4Signer::payloadHash(request);
    const QByteArray canonical = SigV4Signer::canonicalRequest(request, signedHeaders, payloadHash);
    const QByteArray shownCanonical = SigV4Signer::canonicalRequest(shown, signedHeaders, payloadHash);
    const QByteArray stringToSign = SigV4Signer::stringToSign(
        amzDateText, SigV4Signer::credentialScope(scopeDate, scopeRegion, scopeService), canonical);
    return invalid(u"The request signature we calculated does not match the signature you provided. Check "
                   "your AWS Secret Access Key and signing method. Consult the service documentation for "
                   "details.\n\nThe Canonical String for this request should have been\n'%1'\n\nThe "
                   "String-to-Sign should have been\n'%2'\n"_s.arg(QString::fromUtf8(shownCanonical),
                                                                   QString::fromUtf8(stringToSign)));
}
