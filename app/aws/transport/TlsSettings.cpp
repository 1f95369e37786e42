// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/TlsSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkRequest>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TlsSettings", text);
}

constexpr qint64 maxBundleBytes = 64 * 1024 * 1024;

// The certificates of one PEM file; nullopt with `problem` set when the file is not a usable bundle.
std::optional<QList<QSslCertificate>> readPemFile(const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QCoreApplication::translate("TlsSettings", "cannot be read (%1)").arg(file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.read(maxBundleBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        *problem = QCoreApplication::translate("TlsSettings", "cannot be read (%1)").arg(file.errorString());
        return std::nullopt;
    }
    if (data.size() > maxBundleBytes) {
        *problem = QCoreApplication::translate("TlsSettings", "is larger than 64 MB, which no CA bundle is");
        return std::nullopt;
    }
    if (data.trimmed().isEmpty()) {
        *problem = QCoreApplication::translate("TlsSettings", "is empty");
        return std::nullopt;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    // Qt skips a PEM block it cannot decode; a bundle with a broken certificate is refused instead, as
    // OpenSSL (the AWS CLI) refuses it, rather than trusting fewer CAs than the file says.
    const qsizetype blocks = data.count("-----BEGIN CERTIFICATE-----") +
                             data.count("-----BEGIN X509 CERTIFICATE-----") +
                             data.count("-----BEGIN TRUSTED CERTIFICATE-----");
    if (certificates.isEmpty()) {
        *problem = blocks == 0
                       ? QCoreApplication::translate("TlsSettings",
                                                     "holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
                       : QCoreApplication::translate("TlsSettings", "holds no certificate that can be read");
        return std::nullopt;
    }
    if (certificates.size() < blocks) {
        *problem =
            QCoreApplication::translate("TlsSettings", "holds %1 certificates of which only %2 can be read")
                .arg(blocks)
                .arg(certificates.size());
        return std::nullopt;
    }
    return certificates;
}

} // namespace

AwsResult<TlsSettings> TlsSettings::fromCaBundle(const QString &path, const QString &source)
{
    const auto fail = [&](const QString &problem) {
        //: %1 the file, %2 where it was named ("AWS_CA_BUNDLE", "--ca-bundle", "profile dev"), %3 what is
        //: wrong with it ("is empty", "cannot be read (Permission denied)")
        return AwsError(AwsError::Category::Configuration,
                        tr("The CA bundle %1 (from %2) %3.").arg(path, source, problem));
    };
    const QFileInfo info(path);
    if (!info.exists())
        return fail(tr("does not exist"));

    QList<QSslCertificate> certificates;
    QString problem;
    if (info.isDir()) {
        // botocore passes a folder to OpenSSL as a CA path; every PEM file in it counts here.
        const QFileInfoList files = QDir(path).entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &file : files) {
            QString ignored;
            if (const auto read = readPemFile(file.filePath(), &ignored))
                certificates += *read;
        }
        if (certificates.isEmpty())
            return fail(tr("is a folder without a readable PEM certificate"));
    } else {
        const std::optional<QList<QSslCertificate>> read = readPemFile(path, &problem);
        if (!read)
            return fail(problem);
        certificates = *read;
    }

    TlsSettings settings;
    settings.m_caBundlePath = path;
    settings.m_caBundleSource = source;
    settings.m_caCertificates = certificates;
    return settings;
}

void TlsSettings::applyTo(QNetworkRequest &request) const
{
    if (!usesCaBundle())
        return;
    QSslConfiguration configuration = request.sslConfiguration();
    // setCaCertificates() also stops Qt from loading the system's roots on demand: the bundle replaces
    // them, as it does in the AWS CLI.
    configuration.setCaCertificates(m_caCertificates);
    request.setSslConfiguration(configuration);
}

QString TlsSettings::distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    if (certificate.isNull())
        return tr("(unknown)");
    const QList<QByteArray> attributes =
        issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    QStringList parts;
    for (const QByteArray &attribute : attributes) {
        const QStringList values =
            issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts << QString::fromLatin1(attribute) + u'=' + value;
    }
    return parts.isEmpty() ? tr("(empty)") : parts.join(u", "_s);
}

AwsError TlsSettings::certificateError(const QString &host, const QList<QSslError> &errors,
                                       const QSslCertificate &peerCertificate) const
{
    QSslCertificate certificate = peerCertificate;
    QString reason;
    for (const QSslError &error : errors) {
        if (reason.isEmpty())
            reason = error.errorString();
        if (certificate.isNull() && !error.certificate().isNull())
            certificate = error.certificate();
    }
    if (reason.isEmpty())
        reason = tr("it could not be verified");

    //: %1 host, %2 subject ("CN=..., O=..."), %3 issuer, %4 what is wrong (from Qt)
    QString message =
        tr("The TLS certificate of %1 (subject \"%2\", issued by \"%3\") is not trusted: %4.")
            .arg(host, distinguishedName(certificate, false), distinguishedName(certificate, true),
                 reason.endsWith(u'.') ? reason.chopped(1) : reason);
    if (usesCaBundle()) {
        //: %1 the CA bundle file, %2 where it was named
        message +=
            u' ' + tr("The CA bundle %1 (from %2) is the only trust used; if a company proxy or a "
                      "private CA issues this certificate, add that CA's certificate to the bundle, or "
                      "point AWS_CA_BUNDLE or --ca-bundle at one that has it.")
                       .arg(m_caBundlePath, m_caBundleSource);
    } else {
        message +=
            u' ' + tr("If a company proxy or a private CA issues this certificate, set AWS_CA_BUNDLE (or "
                      "--ca-bundle, or ca_bundle in the profile) to a PEM file with that CA's "
                      "certificate.");
    }
    AwsError error(AwsError::Category::Network, message);
    error.setCode(AwsError::certificateErrorCode());
    return error;
}
