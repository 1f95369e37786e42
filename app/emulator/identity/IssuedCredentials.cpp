// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/identity/IssuedCredentials.h"

#include <QCryptographicHash>
#include <QMutexLocker>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {

// Entries of one key id kept at most (the oldest go first); bounds memory when a client assumes the same
// role in a loop.
constexpr qsizetype maxEntriesPerKey = 64;

QString base32Of(const QByteArray &bytes, int length)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5 && out.size() < length) {
            out += QLatin1Char(alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        if (out.size() == length)
            break;
    }
    return out;
}

QString randomText(int bytes, QByteArray::Base64Options options = QByteArray::Base64Encoding)
{
    QList<quint32> words((bytes + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray data(reinterpret_cast<const char *>(words.constData()), bytes);
    return QString::fromLatin1(data.toBase64(options));
}

} // namespace

QString IssuedCredentials::accessKeyIdFor(const QString &grant)
{
    return u"ASIA"_s + base32Of(QCryptographicHash::hash(grant.toUtf8(), QCryptographicHash::Sha256), 16);
}

QString IssuedCredentials::uniqueIdFor(const QString &prefix, const QString &what)
{
    return prefix + base32Of(QCryptographicHash::hash(what.toUtf8(), QCryptographicHash::Sha256), 17);
}

AwsCredentials IssuedCredentials::issue(const QString &grant, const Identity &identity,
                                        const QDateTime &expiration, const QDateTime &now)
{
    Entry entry;
    entry.credentials.accessKeyId = accessKeyIdFor(grant);
    entry.credentials.secretAccessKey = randomText(30); // 40 characters, like AWS secrets
    entry.credentials.sessionToken = u"IQoJb3JpZ2luX2VjE"_s + randomText(144);
    entry.credentials.expiration = expiration.toUTC();
    entry.credentials.source = u"sessionscope-emulator"_s;
    entry.identity = identity;

    const QDateTime forgetBefore = now.addDays(-1);
    QMutexLocker lock(&m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        it->removeIf([&](const Entry &e) { return e.credentials.expiration < forgetBefore; });
        it = it->isEmpty() ? m_entries.erase(it) : std::next(it);
    }
    QList<Entry> &entries = m_entries[entry.credentials.accessKeyId];
    if (entries.size() >= maxEntriesPerKey)
        entries.removeFirst();
    entries.append(entry);
    return entry.credentials;
}

std::optional<IssuedCredentials::Entry> IssuedCredentials::find(const QString &accessKeyId,
                                                                const QString &sessionToken) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(accessKeyId);
    if (it == m_entries.constEnd() || sessionToken.isEmpty())
        return std::nullopt;
    for (const Entry &entry : *it) {
        if (entry.credentials.sessionToken == sessionToken)
            return entry;
    }
    return std::nullopt;
}

bool IssuedCredentials::knowsKeyId(const QString &accessKeyId) const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.contains(accessKeyId);
}
