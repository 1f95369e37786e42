// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsError.h"
#include "aws/AwsResult.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

class QNetworkRequest;

/// Which certificate authorities a connection trusts: the system's (the default), or only those of a CA
/// bundle, as the AWS CLI does with AWS_CA_BUNDLE / ca_bundle / --ca-bundle (botocore hands the file to
/// urllib3 as its only trust store). A value, applied to every request: the service clients' transport
/// and the credential providers' own calls (STS, IAM Identity Center) get the same one.
class TlsSettings
{
public:
    /// The system's certificate authorities.
    TlsSettings() = default;

    /// The certificates of the CA bundle at `path` (a PEM file, possibly with many certificates, or a
    /// folder of them), read now. `source` says where the path came from ("--ca-bundle", "AWS_CA_BUNDLE",
    /// "profile dev"), for messages and `--debug`. A missing, unreadable, empty or non-PEM bundle, or one
    /// with a certificate that cannot be read, is a Configuration error naming the file and the source.
    static AwsResult<TlsSettings> fromCaBundle(const QString &path, const QString &source);

    bool usesCaBundle() const { return !m_caBundlePath.isEmpty(); }
    /// The bundle's path as it was given; empty for the system's CAs.
    QString caBundlePath() const { return m_caBundlePath; }
    QString caBundleSource() const { return m_caBundleSource; }
    QList<QSslCertificate> caCertificates() const { return m_caCertificates; }

    /// Makes `request` trust exactly the bundle's certificates (no change for the system's CAs).
    void applyTo(QNetworkRequest &request) const;

    /// The error for a server certificate that failed verification: Category::Network with the code
    /// AwsError::certificateErrorCode() (never retried), and a sentence naming `host`, the certificate's
    /// subject and issuer, what is wrong, the bundle in use, and AWS_CA_BUNDLE / --ca-bundle.
    AwsError certificateError(const QString &host, const QList<QSslError> &errors,
                              const QSslCertificate &peerCertificate) const;

    /// "CN=..., O=..." of a certificate's subject or issuer, for messages.
    static QString distinguishedName(const QSslCertificate &certificate, bool issuer);

    friend bool operator==(const TlsSettings &a, const TlsSettings &b)
    {
        return a.m_caBundlePath == b.m_caBundlePath && a.m_caBundleSource == b.m_caBundleSource &&
               a.m_caCertificates == b.m_caCertificates;
    }

private:
    QString m_caBundlePath;
    QString m_caBundleSource;
    QList<QSslCertificate> m_caCertificates;
};
