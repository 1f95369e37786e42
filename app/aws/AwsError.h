// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <optional>

/// The one error type for every failure in SessionScope: transport, service, credentials, decoding, files.
/// It carries what a script needs (category, AWS error code, HTTP status, request id) and a sentence
/// fit to show a user (userMessage()).
class AwsError
{
public:
    enum class Category {
        Network,         ///< connection refused/reset, DNS, TLS
        Timeout,         ///< connect or read timeout
        Throttled,       ///< ThrottlingException and friends, HTTP 429
        AccessDenied,    ///< AccessDeniedException, HTTP 403 that is not a signature problem
        NotFound,        ///< ResourceNotFoundException, HTTP 404
        Validation,      ///< ValidationException, HTTP 400, or a request we refused to send
        Credentials,     ///< missing/expired/invalid credentials, signature rejected, keychain problems
        Server,          ///< InternalServerException, HTTP 5xx
        MalformedAnswer, ///< an answer we could not decode (truncated, wrong types, missing fields)
        Conflict,        ///< ConflictException, HTTP 409
        QuotaExceeded,   ///< ServiceQuotaExceededException (HTTP 402), TooManyTagsException: a limit of the
                         ///< account
        Configuration,   ///< bad region, endpoint, profile or option
        Io,              ///< local files: disk full, permission denied
        Cancelled,       ///< the caller cancelled
    };

    AwsError() = default;
    AwsError(Category category, QString message);

    Category category() const { return m_category; }
    /// AWS error code, e.g. "ThrottlingException"; empty when the failure did not come from the service.
    QString code() const { return m_code; }
    /// The technical message (the service's own message when there is one).
    QString message() const { return m_message; }
    /// HTTP status, 0 when no answer was received.
    int httpStatus() const { return m_httpStatus; }
    /// The x-amzn-RequestId of the failed answer, empty when there was none.
    QString requestId() const { return m_requestId; }
    /// The IAM action of the request, e.g. "workspaces-web:ListSessions", empty when unknown.
    QString action() const { return m_action; }
    /// Seconds the service asked us to wait (Retry-After), or -1.
    int retryAfterSeconds() const { return m_retryAfterSeconds; }

    AwsError &setCode(const QString &code);
    AwsError &setHttpStatus(int status);
    AwsError &setRequestId(const QString &requestId);
    AwsError &setAction(const QString &action);
    AwsError &setRetryAfterSeconds(int seconds);

    /// True for the error codes the SDKs' standard retry mode treats as throttling.
    static bool isThrottlingCode(const QString &code);
    /// The code of the error that says an IAM Identity Center sign-in is missing or expired and cannot be
    /// renewed without the person: the GUI answers it with a "Sign in again" banner, the CLI with a hint
    /// to run `sessionscope-cli login`.
    static QString signInRequiredCode() { return QStringLiteral("SsoSignInRequired"); }
    bool isSignInRequired() const { return m_code == signInRequiredCode(); }
    /// The code of a Network error whose cause is a server certificate that failed verification (untrusted
    /// issuer, wrong host name, expired): never retried, since the next attempt meets the same certificate.
    static QString certificateErrorCode() { return QStringLiteral("TlsCertificateNotTrusted"); }
    bool isCertificateError() const { return m_code == certificateErrorCode(); }
    /// The code of a Configuration error (HTTP status 407): the proxy asked for a user name and password,
    /// or refused those it was given. Never retried; the message names the proxy.
    static QString proxyAuthenticationCode() { return QStringLiteral("ProxyAuthenticationRequired"); }
    /// The code of a Network error whose cause is the proxy (refused, closed, not found, silent), not
    /// AWS: the message is a whole sentence naming the proxy. Retried like other network errors.
    static QString proxyConnectionCode() { return QStringLiteral("ProxyConnectionFailed"); }
    /// True when the error means the credentials are no longer valid (expired tokens and friends).
    bool isExpiredCredentials() const;
    /// True when the standard retry mode would retry this error (throttling, 500/502/503/504, network).
    bool isRetryable() const;

    /// A short, plain sentence for a person, without stack-like detail; names the action for access
    /// denied, says "AWS is limiting requests" for throttling, and so on.
    QString userMessage() const;
    /// One line for logs and the CLI's stderr: user message plus code, status and request id.
    QString toLogLine() const;

    /// Stable lower-case name of a category ("network", "access-denied", ...), for scripts and logs.
    static QString categoryName(Category category);

    /// Builds the error for a non-2xx answer of a REST-JSON service, following the AWS conventions:
    /// code from the x-amzn-ErrorType header (the part before any ':'), else the body's "__type" (the part
    /// after any '#'), else the body's "code", else an OAuth "error" ("slow_down" → "SlowDownException");
    /// message from "message", "Message" or an OAuth "error_description". An XML body (Query protocol,
    /// STS) gives the code and message of its first <Error> (<ErrorResponse><Error> or
    /// <Response><Errors><Error>) and its <RequestId>/<RequestID> when no header names one.
    static AwsError fromHttpResponse(int httpStatus, const QList<QPair<QByteArray, QByteArray>> &headers,
                                     const QByteArray &body);
    /// The category an AWS error code and HTTP status belong to.
    static Category categoryFor(const QString &code, int httpStatus);
    /// The category of an error code SessionScope knows (every error of the WorkSpaces Web and Q Apps
    /// models, the sign-in services' and the SDKs' throttling codes), or nothing for an unknown code,
    /// which categoryFor() then places by its HTTP status.
    static std::optional<Category> categoryForCode(const QString &code);

private:
    Category m_category = Category::Network;
    QString m_code;
    QString m_message;
    int m_httpStatus = 0;
    QString m_requestId;
    QString m_action;
    int m_retryAfterSeconds = -1;
};

Q_DECLARE_METATYPE(AwsError)
