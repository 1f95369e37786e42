// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sts/RoleCredentialsCache.h"

#include "aws/credentials/Iso8601Timestamp.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QByteArray pythonString(const QString &text)
{
    QByteArray out = "\"";
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"')
            out += "\\\"";
        else if (u == u'\\')
            out += "\\\\";
        else if (u == u'\n')
            out += "\\n";
        else if (u == u'\r')
            out += "\\r";
        else if (u == u'\t')
            out += "\\t";
        else if (u == u'\b')
            out += "\\b";
        else if (u == u'\f')
            out += "\\f";
        else if (u < 0x20 || u > 0x7e)
            out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
        else
            out += char(u);
    }
    return out + '"';
}

} // namespace

RoleCredentialsCache::RoleCredentialsCache(const QProcessEnvironment &env, QString directory)
    : m_directory(std::move(directory))
{
    if (m_directory.isEmpty()) {
        const QString home = env.value(u"HOME"_s, QDir::homePath());
        m_directory = QDir(home).filePath(u".aws/cli/cache"_s);
    }
}

QByteArray RoleCredentialsCache::pythonJson(const Arguments &arguments)
{
    Arguments sorted = arguments;
    // Python sorts str keys by code point; these keys are ASCII.
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray out = "{";
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (i > 0)
            out += ", ";
        out += pythonString(sorted[i].first) + ": ";
        const QVariant &value = sorted[i].second;
        if (value.typeId() == QMetaType::Int)
            out += QByteArray::number(value.toInt());
        else
            out += pythonString(value.toString());
    }
    return out + '}';
}

QString RoleCredentialsCache::key(const Arguments &arguments)
{
    const QByteArray hash = QCryptographicHash::hash(pythonJson(arguments), QCryptographicHash::Sha1).toHex();
    // botocore makes the key file-safe (':' and '/' to '_'); a hex digest has neither.
    return QString::fromLatin1(hash);
}

std::optional<StsClient::AssumedRole> RoleCredentialsCache::load(const QString &key,
                                                                 const QDateTime &now) const
{
    QFile file(QDir(m_directory).filePath(key + u".json"_s));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1024 * 1024));
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject credentials = doc.object().value(u"Credentials").toObject();
    StsClient::AssumedRole role;
    role.credentials.accessKeyId = credentials.value(u"AccessKeyId").toString();
    role.credentials.secretAccessKey = credentials.value(u"SecretAccessKey").toString();
    role.credentials.sessionToken = credentials.value(u"SessionToken").toString();
    role.credentials.expiration = Iso8601Timestamp::parse(credentials.value(u"Expiration").toString());
    const QJsonObject user = doc.object().value(u"AssumedRoleUser").toObject();
    role.assumedRoleArn = user.value(u"Arn").toString();
    role.assumedRoleId = user.value(u"AssumedRoleId").toString();
    if (!role.credentials.isValid() || !role.credentials.expiration.isValid() ||
        role.credentials.expiresWithin(now, expiryWindowSeconds))
        return std::nullopt;
    return role;
}

void RoleCredentialsCache::store(const QString &key, const StsClient::AssumedRole &role) const
{
    if (!QDir().mkpath(m_directory))
        return;
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // As botocore writes it: datetime.isoformat() of the UTC expiration.
    const QString expiration =
        role.credentials.expiration.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u"+00:00"_s;
    QJsonObject credentials{
        {u"AccessKeyId"_s, role.credentials.accessKeyId},
        {u"SecretAccessKey"_s, role.credentials.secretAccessKey},
        {u"SessionToken"_s, role.credentials.sessionToken},
        {u"Expiration"_s, expiration},
    };
    QJsonObject answer{
        {u"Credentials"_s, credentials},
        {u"AssumedRoleUser"_s,
         QJsonObject{{u"AssumedRoleId"_s, role.assumedRoleId}, {u"Arn"_s, role.assumedRoleArn}}},
        {u"ResponseMetadata"_s, QJsonObject{{u"HTTPStatusCode"_s, 200}}},
    };
    QSaveFile file(QDir(m_directory).filePath(key + u".json"_s));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(answer).toJson(QJsonDocument::Compact));
    if (file.commit())
        QFile::setPermissions(file.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
