// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/tls/ThrowawayCertificateAuthority.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

template <auto FreeFunction>
struct OpenSslDeleter
{
    template <typename T>
    void operator()(T *object) const
    {
        FreeFunction(object);
    }
};

using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using CertificatePtr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;

// The reason of the last OpenSSL failure, for the error message; empties OpenSSL's error queue.
QString openSslReason(const char *step)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    if (code != 0)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return code != 0 ? u"%1: %2"_s.arg(QString::fromLatin1(step), QString::fromLatin1(text))
                     : QString::fromLatin1(step);
}

KeyPtr makeKey()
{
    return KeyPtr(EVP_EC_gen("P-256"));
}

bool setName(X509_NAME *name, const char *commonName)
{
    return X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>("SessionScope emulator"), -1,
                                      -1, 0) == 1 &&
           X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0) == 1;
}

// Adds one v3 extension given in OpenSSL's configuration syntax ("critical,CA:TRUE").
bool addExtension(X509 *certificate, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    const ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

// A certificate for `key` named `commonName`, without extensions or signature yet. The serial number is
// random (63 bits), so a client that caches certificates never confuses two runs.
CertificatePtr makeCertificate(EVP_PKEY *key, const char *commonName, int validDays)
{
    CertificatePtr certificate(X509_new());
    if (!certificate)
        return nullptr;
    quint64 serial = 0;
    if (RAND_bytes(reinterpret_cast<unsigned char *>(&serial), sizeof serial) != 1)
        return nullptr;
    serial = (serial >> 1) | 1; // positive and never zero
    if (X509_set_version(certificate.get(), X509_VERSION_3) != 1 ||
        ASN1_INTEGER_set_uint64(X509_get_serialNumber(certificate.get()), serial) != 1 ||
        !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) ||
        !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(validDays) * 86400) ||
        X509_set_pubkey(certificate.get(), key) != 1 ||
        !setName(X509_get_subject_name(certificate.get()), commonName))
        return nullptr;
    return certificate;
}

QByteArray toPem(X509 *certificate)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

QByteArray toPem(EVP_PKEY *key)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

} // namespace

std::optional<ThrowawayCertificateAuthority>
ThrowawayCertificateAuthority::create(const QStringList &dnsNames, const QList<QHostAddress> &addresses,
                                      QString *errorMessage, int validDays)
{
    const auto fail = [errorMessage](const char *step) -> std::optional<ThrowawayCertificateAuthority> {
        if (errorMessage)
            *errorMessage = u"cannot make the throw-away TLS certificate (%1)"_s.arg(openSslReason(step));
        return std::nullopt;
    };

    const KeyPtr caKey = makeKey();
    if (!caKey)
        return fail("CA key");
    const CertificatePtr ca = makeCertificate(caKey.get(), "SessionScope emulator throw-away CA", validDays);
    if (!ca || X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get())) != 1)
        return fail("CA certificate");
    if (!addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0") ||
        !addExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign") ||
        !addExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash") ||
        !addExtension(ca.get(), ca.get(), NID_authority_key_identifier, "keyid:always"))
        return fail("CA extensions");
    if (X509_sign(ca.get(), caKey.get(), EVP_sha256()) <= 0)
        return fail("signing the CA certificate");

    QStringList altNames;
    for (const QString &name : dnsNames)
        altNames << u"DNS:"_s + name;
    for (const QHostAddress &address : addresses)
        altNames << u"IP:"_s + address.toString();
    if (altNames.isEmpty())
        return fail("no name or address for the server certificate");
    const QByteArray commonName =
        (dnsNames.isEmpty() ? addresses.constFirst().toString() : dnsNames.first()).toUtf8();

    const KeyPtr serverKey = makeKey();
    if (!serverKey)
        return fail("server key");
    const CertificatePtr server = makeCertificate(serverKey.get(), commonName.constData(), validDays);
    if (!server || X509_set_issuer_name(server.get(), X509_get_subject_name(ca.get())) != 1)
        return fail("server certificate");
    if (!addExtension(server.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(server.get(), ca.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(server.get(), ca.get(), NID_ext_key_usage, "serverAuth") ||
        !addExtension(server.get(), ca.get(), NID_subject_key_identifier, "hash") ||
        !addExtension(server.get(), ca.get(), NID_authority_key_identifier, "keyid:always") ||
        !addExtension(server.get(), ca.get(), NID_subject_alt_name, altNames.join(u',').toUtf8()))
        return fail("server certificate extensions");
    if (X509_sign(server.get(), caKey.get(), EVP_sha256()) <= 0)
        return fail("signing the server certificate");

    ThrowawayCertificateAuthority authority;
    authority.m_caCertificate = QSslCertificate(toPem(ca.get()), QSsl::Pem);
    authority.m_serverCertificate = QSslCertificate(toPem(server.get()), QSsl::Pem);
    authority.m_serverKey = QSslKey(toPem(serverKey.get()), QSsl::Ec, QSsl::Pem);
    if (authority.m_caCertificate.isNull() || authority.m_serverCertificate.isNull() ||
        authority.m_serverKey.isNull())
        return fail("handing the certificates to Qt");
    return authority;
}
