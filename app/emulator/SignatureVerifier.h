// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "aws/credentials/AwsCredentials.h"
#include "aws/signing/SigV4Signer.h"
#include "aws/transport/AwsRequest.h"

#include <QDateTime>
#include <QList>
#include <QString>

class IssuedCredentials;

/// Checks the AWS Signature Version 4 of a request the way the services do, with the project's own
/// signer recomputing the signature from the request as it arrived. Failures are AwsErrors carrying the
/// services' codes and messages (HTTP 403):
/// - no Authorization header: MissingAuthenticationTokenException;
/// - a malformed or incomplete one (algorithm, Credential/SignedHeaders/Signature, a 5-part scope,
///   X-Amz-Date present and well-formed, host signed): IncompleteSignatureException;
/// - scope terminator, date, region or service wrong, X-Amz-Date more than 15 minutes away from now,
///   or a signature that does not match: InvalidSignatureException;
/// - an access key id (or session token) the emulator does not know: UnrecognizedClientException;
/// - credentials the emulator issued (IssuedCredentials) past their expiry: ExpiredTokenException.
/// X-Amz-Security-Token may be signed or not (services differ); credentials configured with a session
/// token require exactly that token. Query-string (presigned) authentication and the Date header
/// instead of X-Amz-Date are not accepted. The key is looked up before the request time is checked, so
/// expired credentials are reported as such even when the clock was moved forward to expire them.
class SignatureVerifier
{
public:
    static constexpr qint64 maxClockSkewSeconds = 15 * 60;

    /// `issued` (may be null) are accepted besides `credentials`; it must outlive the verifier.
    SignatureVerifier(QList<AwsCredentials> credentials, QString region,
                      const IssuedCredentials *issued = nullptr);

    /// Verifies `request` (method, raw encoded path, decoded query, headers as received, body) for the
    /// signing name `service` at time `now`. Returns the matching credentials.
    AwsResult<AwsCredentials> verify(const AwsRequest &request, const QString &service,
                                     const QDateTime &now) const;

private:
    QList<AwsCredentials> m_credentials;
    QString m_region;
    const IssuedCredentials *m_issued = nullptr;
    SigV4Signer m_signer;
};
