// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/PageTokenCodec.h"

#include "aws/signing/SigV4Signer.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QtEndian>

namespace {

constexpr char tokenVersion = 1;
constexpr qsizetype macLength = 16;
constexpr qsizetype plainLength = 1 + 8 + 8 + 16;

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

void appendBigEndian(QByteArray &out, quint64 value)
{
    char bytes[8];
    qToBigEndian(value, bytes);
    out.append(bytes, 8);
}

quint64 readBigEndian(const char *data)
{
    return qFromBigEndian<quint64>(data);
}

QByteArray derivedKey(quint64 seed, const char *purpose)
{
    QByteArray material(purpose);
    appendBigEndian(material, seed);
    return QCryptographicHash::hash(material, QCryptographicHash::Sha256);
}

} // namespace

PageTokenCodec::PageTokenCodec(quint64 seed)
    : m_macKey(derivedKey(seed, "sessionscope-emulator/page-token/mac"))
    , m_encryptionKey(derivedKey(seed, "sessionscope-emulator/page-token/encryption"))
{}

QByteArray PageTokenCodec::keystream(const QByteArray &mac, qsizetype length) const
{
    QByteArray stream;
    for (char block = 1; stream.size() < length; ++block)
        stream += hmacSha256(m_encryptionKey, mac + block);
    return stream.left(length);
}

QString PageTokenCodec::encode(quint64 queryHash, const SessionKey &position) const
{
    QByteArray plain;
    plain.reserve(plainLength);
    plain.append(tokenVersion);
    appendBigEndian(plain, queryHash);
    appendBigEndian(plain, quint64(position.startMs));
    appendBigEndian(plain, position.id.hi);
    appendBigEndian(plain, position.id.lo);

    // Authenticate, then encrypt with a keystream derived from the tag (a synthetic IV), so the token
    // reveals nothing and any change to any byte is detected.
    const QByteArray mac = hmacSha256(m_macKey, plain).left(macLength);
    const QByteArray stream = keystream(mac, plain.size());
    QByteArray sealed = mac;
    for (qsizetype i = 0; i < plain.size(); ++i)
        sealed.append(char(plain[i] ^ stream[i]));
    return QString::fromLatin1(sealed.toBase64());
}

PageTokenCodec::Decoded PageTokenCodec::decode(const QString &token, quint64 queryHash) const
{
    Decoded result;
    if (token.size() > 2048)
        return result;
    const QByteArray latin1 = token.toLatin1();
    if (QString::fromLatin1(latin1) != token)
        return result; // non-Latin-1 characters cannot be base64
    const auto decoded = QByteArray::fromBase64Encoding(latin1, QByteArray::Base64Encoding |
                                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != macLength + plainLength)
        return result;
    // Reject non-canonical spellings (missing padding, stray bits) so a token has exactly one form.
    if (decoded.decoded.toBase64() != latin1)
        return result;

    const QByteArray mac = decoded.decoded.left(macLength);
    const QByteArray stream = keystream(mac, plainLength);
    QByteArray plain;
    plain.reserve(plainLength);
    for (qsizetype i = 0; i < plainLength; ++i)
        plain.append(char(decoded.decoded[macLength + i] ^ stream[i]));
    if (!SigV4Signer::signaturesEqual(hmacSha256(m_macKey, plain).left(macLength), mac) ||
        plain[0] != tokenVersion)
        return result;

    const char *data = plain.constData() + 1;
    if (readBigEndian(data) != queryHash) {
        result.status = Status::OtherQuery;
        return result;
    }
    result.status = Status::Ok;
    result.position.startMs = qint64(readBigEndian(data + 8));
    result.position.id.hi = readBigEndian(data + 16);
    result.position.id.lo = readBigEndian(data + 24);
    return result;
}

quint64 PageTokenCodec::queryHash(const QStringList &parts)
{
    QByteArray material;
    for (const QString &part : parts) {
        const QByteArray utf8 = part.toUtf8();
        appendBigEndian(material, quint64(utf8.size())); // length-prefixed: ("ab","c") != ("a","bc")
        material += utf8;
    }
    return readBigEndian(QCryptographicHash::hash(material, QCryptographicHash::Sha256).constData());
}
