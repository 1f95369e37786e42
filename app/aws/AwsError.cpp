// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/AwsError.h"

#include "aws/transport/AwsResponse.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

AwsError::AwsError(Category category, QString message)
    : m_category(category)
    , m_message(std::move(message))
{}

AwsError &AwsError::setCode(const QString &code)
{
    m_code = code;
    return *this;
}

AwsError &AwsError::setHttpStatus(int status)
{
    m_httpStatus = status;
    return *this;
}

AwsError &AwsError::setRequestId(const QString &requestId)
{
    m_requestId = requestId;
    return *this;
}

AwsError &AwsError::setAction(const QString &action)
{
    m_action = action;
    return *this;
}

AwsError &AwsError::setRetryAfterSeconds(int seconds)
{
    m_retryAfterSeconds = seconds;
    return *this;
}

bool AwsError::isThrottlingCode(const QString &code)
{
    // The throttling codes of the SDKs' standard retry mode.
    static const QStringList codes = {
        u"Throttling"_s,
        u"ThrottlingException"_s,
        u"ThrottledException"_s,
        u"RequestThrottledException"_s,
        u"TooManyRequestsException"_s,
        u"ProvisionedThroughputExceededException"_s,
        u"TransactionInProgressException"_s,
        u"RequestLimitExceeded"_s,
        u"BandwidthLimitExceeded"_s,
        u"LimitExceededException"_s,
        u"RequestThrottled"_s,
        u"SlowDown"_s,
        u"PriorRequestNotComplete"_s,
        u"EC2ThrottledException"_s,
    };
    return codes.contains(code);
}

bool AwsError::isExpiredCredentials() const
{
    static const QStringList codes = {
        u"ExpiredToken"_s,         u"ExpiredTokenException"_s,       u"RequestExpired"_s,
        u"InvalidClientTokenId"_s, u"UnrecognizedClientException"_s,
    };
    return m_code == u"ExpiredToken"_s || m_code == u"ExpiredTokenException"_s ||
           (m_category == Category::Credentials && codes.contains(m_code));
}

bool AwsError::isRetryable() const
{
    switch (m_category) {
    case Category::Network:
        return !isCertificateError();
    case Category::Timeout:
    case Category::Throttled:
        return true;
    case Category::Server:
        return m_httpStatus == 500 || m_httpStatus == 502 || m_httpStatus == 503 || m_httpStatus == 504 ||
               m_code == u"InternalServerException"_s || m_code == u"ServiceUnavailable"_s;
    default:
        return false;
    }
}

std::optional<AwsError::Category> AwsError::categoryForCode(const QString &code)
{
    if (code.isEmpty())
        return std::nullopt;
    if (isThrottlingCode(code))
        return Category::Throttled;
    static const QStringList credentialCodes = {
        u"UnrecognizedClientException"_s,
        u"InvalidSignatureException"_s,
        u"IncompleteSignatureException"_s,
        u"MissingAuthenticationTokenException"_s,
        u"ExpiredToken"_s,
        u"ExpiredTokenException"_s,
        u"InvalidClientTokenId"_s,
        u"SignatureDoesNotMatch"_s,
        u"RequestExpired"_s,
        u"MissingAuthenticationToken"_s,
        u"AuthFailure"_s,
        u"RequestTimeTooSkewed"_s,
        // Q Apps: the caller is not signed in to Amazon Q Business (HTTP 401).
        u"UnauthorizedException"_s,
        // STS: a web identity token the identity provider did not vouch for, or could not be asked about.
        u"IDPCommunicationError"_s,
        u"InvalidIdentityToken"_s,
        u"IDPRejectedClaim"_s,
    };
    if (credentialCodes.contains(code))
        return Category::Credentials;
    if (code == u"AccessDeniedException"_s || code == u"AccessDenied"_s)
        return Category::AccessDenied;
    // STS is not enabled in the region (an opt-in region the account has not activated).
    if (code == u"RegionDisabledException"_s)
        return Category::Configuration;
    if (code == u"ResourceNotFoundException"_s || code == u"NotFoundException"_s)
        return Category::NotFound;
    // ContentTooLargeException (Q Apps, HTTP 413): the request itself is too big to be accepted.
    if (code == u"ValidationException"_s || code == u"BadRequestException"_s ||
        code == u"InvalidParameterException"_s || code == u"ContentTooLargeException"_s)
        return Category::Validation;
    if (code == u"ConflictException"_s)
        return Category::Conflict;
    // Limits of the account or the resource: retrying does not help, raising the quota (or freeing room)
    // does. HTTP 402 and 400, which a status-only reading would call an invalid request.
    if (code == u"ServiceQuotaExceededException"_s || code == u"TooManyTagsException"_s)
        return Category::QuotaExceeded;
    if (code == u"InternalServerException"_s || code == u"ServiceUnavailableException"_s ||
        code == u"ServiceUnavailable"_s || code == u"InternalFailure"_s)
        return Category::Server;
    return std::nullopt;
}

AwsError::Category AwsError::categoryFor(const QString &code, int httpStatus)
{
    if (httpStatus == 429)
        return Category::Throttled;
    if (const std::optional<Category> known = categoryForCode(code))
        return *known;
    if (httpStatus == 401)
        return Category::Credentials;
    if (httpStatus == 402)
        return Category::QuotaExceeded;
    if (httpStatus == 403)
        return Category::AccessDenied;
    if (httpStatus == 404)
        return Category::NotFound;
    if (httpStatus == 409)
        return Category::Conflict;
    if (httpStatus >= 500)
        return Category::Server;
    return Category::Validation;
}

namespace {

// An OAuth "error" ("authorization_pending") as the AWS code of the same error
// ("AuthorizationPendingException"), for answers that come without x-amzn-ErrorType.
QString oauthErrorCode(const QString &error)
{
    QString code;
    for (const QString &word : error.trimmed().split(u'_', Qt::SkipEmptyParts))
        code += word.left(1).toUpper() + word.mid(1);
    return code.isEmpty() ? code : code + u"Exception"_s;
}

} // namespace

AwsError AwsError::fromHttpResponse(int httpStatus, const QList<QPair<QByteArray, QByteArray>> &headers,
                                    const QByteArray &body)
{
    QString code;
    QString requestId;
    for (const auto &h : headers) {
        const QByteArray name = h.first.toLower();
        if (name == "x-amzn-errortype" && code.isEmpty()) {
            code = QString::fromUtf8(
                       h.second.left(h.second.indexOf(':') >= 0 ? h.second.indexOf(':') : h.second.size()))
                       .trimmed();
        } else if (name == "x-amzn-requestid" || (name == "x-amz-request-id" && requestId.isEmpty())) {
            requestId = QString::fromUtf8(h.second).trimmed();
        }
    }

    QString message;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QByteArray trimmedBody = body.trimmed();
    if (!doc.isObject() && trimmedBody.startsWith('<')) {
        // Query and EC2 protocols (STS): <ErrorResponse><Error><Code/><Message/></Error><RequestId/>, or
        // <Response><Errors><Error>...</Error></Errors><RequestID/></Response>. The first Error counts.
        QXmlStreamReader xml(trimmedBody);
        QString xmlCode;
        QString xmlMessage;
        QString xmlRequestId;
        int errorDepth = -1;
        int depth = 0;
        bool firstErrorDone = false;
        while (!xml.atEnd() && !xml.hasError()) {
            const QXmlStreamReader::TokenType token = xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                ++depth;
                const QStringView name = xml.name();
                if (name == u"Error" && errorDepth < 0 && !firstErrorDone) {
                    errorDepth = depth;
                } else if (errorDepth >= 0 && depth == errorDepth + 1 && name == u"Code") {
                    xmlCode = xml.readElementText().trimmed();
                    --depth;
                } else if (errorDepth >= 0 && depth == errorDepth + 1 && name == u"Message") {
                    xmlMessage = xml.readElementText().trimmed();
                    --depth;
                } else if (errorDepth < 0 && (name == u"RequestId" || name == u"RequestID")) {
                    xmlRequestId = xml.readElementText().trimmed();
                    --depth;
                }
            } else if (token == QXmlStreamReader::EndElement) {
                if (depth == errorDepth) {
                    errorDepth = -1;
                    firstErrorDone = true;
                }
                --depth;
            }
        }
        if (code.isEmpty())
            code = xmlCode;
        message = xmlMessage;
        if (requestId.isEmpty())
            requestId = xmlRequestId;
    }
    if (doc.isObject()) {
        const QJsonObject obj = doc.object();
        if (code.isEmpty()) {
            const QString type = obj.value(u"__type").toString();
            code = type.mid(type.lastIndexOf(u'#') + 1).trimmed();
        }
        if (code.isEmpty())
            code = obj.value(u"code").toString().trimmed();
        if (code.isEmpty())
            code = oauthErrorCode(obj.value(u"error").toString());
        message = obj.value(u"message").toString();
        if (message.isEmpty())
            message = obj.value(u"Message").toString();
        if (message.isEmpty()) // OAuth services (IAM Identity Center's SSO OIDC)
            message = obj.value(u"error_description").toString();
    }
    if (message.isEmpty()) {
        message = QCoreApplication::translate("AwsError", "The service answered with HTTP status %1.")
                      .arg(httpStatus);
    }

    AwsError error(categoryFor(code, httpStatus), message);
    error.setCode(code).setHttpStatus(httpStatus).setRequestId(requestId);
    // The delay-seconds form only: an HTTP date needs a clock, which the transport has (TransportCall).
    error.setRetryAfterSeconds(AwsResponse::retryAfterSeconds(headers));
    return error;
}

QString AwsError::categoryName(Category category)
{
    switch (category) {
    case Category::Network:
        return u"network"_s;
    case Category::Timeout:
        return u"timeout"_s;
    case Category::Throttled:
        return u"throttled"_s;
    case Category::AccessDenied:
        return u"access-denied"_s;
    case Category::NotFound:
        return u"not-found"_s;
    case Category::Validation:
        return u"validation"_s;
    case Category::Credentials:
        return u"credentials"_s;
    case Category::Server:
        return u"server"_s;
    case Category::MalformedAnswer:
        return u"malformed-answer"_s;
    case Category::Conflict:
        return u"conflict"_s;
    case Category::QuotaExceeded:
        return u"quota-exceeded"_s;
    case Category::Configuration:
        return u"configuration"_s;
    case Category::Io:
        return u"io"_s;
    case Category::Cancelled:
        return u"cancelled"_s;
    }
    return u"unknown"_s;
}

QString AwsError::userMessage() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("AwsError", text); };
    switch (m_category) {
    case Category::Network:
        // Already whole sentences naming the host and certificate, or the proxy, and the remedy.
        if (isCertificateError() || m_code == proxyConnectionCode())
            return m_message;
        return tr("Could not reach AWS: %1. Check the network connection and the endpoint.").arg(m_message);
    case Category::Timeout:
        return tr("AWS did not answer in time. Check the network connection, then retry.");
    case Category::Throttled:
        // Said when a call has failed for good (the transport's own retries are over), so it must not
        // promise another attempt; the retrying() signal reports the waits in between.
        if (m_retryAfterSeconds >= 0)
            return tr("AWS is limiting requests (it asked to wait %1 s). Wait a moment, then retry.")
                .arg(m_retryAfterSeconds);
        return tr("AWS is limiting requests. Wait a moment, then retry.");
    case Category::AccessDenied:
        if (!m_action.isEmpty())
            return tr("Access denied: your credentials are not allowed to call %1. Ask your administrator "
                      "for this IAM permission.")
                .arg(m_action);
        return tr("Access denied: %1").arg(m_message);
    case Category::NotFound:
        return tr("Not found: %1").arg(m_message);
    case Category::Validation:
        if (m_code == u"ContentTooLargeException"_s)
            return tr("The request is too large for AWS to accept: %1").arg(m_message);
        return tr("The request was not valid: %1").arg(m_message);
    case Category::Credentials:
        if (isExpiredCredentials())
            return tr("Your AWS credentials have expired. Refresh them (for example with \"aws sso login\"), "
                      "then retry.");
        if (m_code == u"InvalidSignatureException"_s && m_message.contains(u"expired", Qt::CaseInsensitive))
            return tr("AWS rejected the request time. Check that this computer's clock is correct.");
        if (m_code == u"UnrecognizedClientException"_s || m_code == u"InvalidClientTokenId"_s)
            return tr("AWS does not recognise these credentials (access key id). Check the profile, or "
                      "whether the region is right.");
        return tr("There is a problem with the AWS credentials: %1").arg(m_message);
    case Category::Server:
        return tr("AWS had an internal problem (%1). Retry in a moment.")
            .arg(m_code.isEmpty() ? QString::number(m_httpStatus) : m_code);
    case Category::MalformedAnswer:
        return tr("AWS sent an answer SessionScope could not read: %1").arg(m_message);
    case Category::Conflict:
        return tr("The request conflicts with the current state: %1").arg(m_message);
    case Category::QuotaExceeded:
        if (m_code == u"TooManyTagsException"_s)
            return tr("The resource has as many tags as AWS allows (%1). Remove a tag first.").arg(m_message);
        return tr("An AWS service quota of the account has been reached (%1). Free some room, or ask for a "
                  "higher quota in the Service Quotas console.")
            .arg(m_message);
    case Category::Configuration:
        return tr("Configuration problem: %1").arg(m_message);
    case Category::Io:
        return tr("Could not write the file: %1").arg(m_message);
    case Category::Cancelled:
        // Whoever cancelled knows best what did not happen ("Not signed in: the MFA code was not entered.").
        return m_message.isEmpty() ? tr("Cancelled.") : m_message;
    }
    return m_message;
}

QString AwsError::toLogLine() const
{
    QString line = userMessage();
    QStringList details;
    if (!m_code.isEmpty())
        details << m_code;
    if (m_httpStatus > 0)
        details << u"HTTP %1"_s.arg(m_httpStatus);
    if (!m_requestId.isEmpty())
        details << QCoreApplication::translate("AwsError", "request id %1").arg(m_requestId);
    if (!details.isEmpty())
        line += u" ["_s + details.join(u", "_s) + u']';
    return line;
}
