// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include <optional>

/// A certificate authority that lives as long as one emulator run: it makes a fresh CA (its key never
/// leaves memory) and one server certificate it signs for the names and addresses given, so a client can
/// check the emulator's https the way it checks AWS's, against a CA bundle holding only that CA.
///
/// Qt cannot make certificates, so this is the one place that calls OpenSSL's libcrypto; every OpenSSL
/// object is owned by a std::unique_ptr with its free function, whatever way a function returns.
///
///     const auto authority = ThrowawayCertificateAuthority::create({u"localhost"_s},
///                                                                  {QHostAddress::LocalHost}, &error);
///     sslConfiguration.setLocalCertificate(authority->serverCertificate());
///     sslConfiguration.setPrivateKey(authority->serverKey());
///     caFile.write(authority->caCertificate().toPem());
class ThrowawayCertificateAuthority
{
public:
    /// A CA and an ECDSA P-256 server certificate for `dnsNames` and `addresses` (subjectAltName), valid
    /// from an hour ago for `validDays` days. nullopt with `errorMessage` set when OpenSSL fails.
    static std::optional<ThrowawayCertificateAuthority> create(const QStringList &dnsNames,
                                                               const QList<QHostAddress> &addresses,
                                                               QString *errorMessage = nullptr,
                                                               int validDays = 7);

    /// The CA's self-signed certificate: what a client's CA bundle holds.
    QSslCertificate caCertificate() const { return m_caCertificate; }
    /// The server certificate, issued by caCertificate().
    QSslCertificate serverCertificate() const { return m_serverCertificate; }
    /// The server certificate's private key.
    QSslKey serverKey() const { return m_serverKey; }

private:
    ThrowawayCertificateAuthority() = default;

    QSslCertificate m_caCertificate;
    QSslCertificate m_serverCertificate;
    QSslKey m_serverKey;
};
