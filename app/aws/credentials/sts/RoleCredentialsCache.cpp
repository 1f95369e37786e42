// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sts/RoleCredentialsCache.h"

#include "aws/credentials/AwsCliCacheFile.h"
#include "aws/credentials/Iso8601Timestamp.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

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
    AwsCliCacheFile::Fields fields;
    for (const auto &[name, value] : sorted) {
        fields.append({name, value.typeId() == QMetaType::Int ? QJsonValue(value.toInt())
                                                              : QJsonValue(value.toString())});
    }
    return AwsCliCacheFile::toPythonJson(fields);
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
    // As botocore writes it: datetime.isoformat() of the UTC expiration. A cache that cannot be written
    // costs one more AssumeRole next time, nothing else, so a failure is not an error here.
    const QString expiration =
        role.credentials.expiration.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u"+00:00"_s;
    const QJsonObject credentials{
        {u"AccessKeyId"_s, role.credentials.accessKeyId},
        {u"SecretAccessKey"_s, role.credentials.secretAccessKey},
        {u"SessionToken"_s, role.credentials.sessionToken},
        {u"Expiration"_s, expiration},
    };
    AwsCliCacheFile::write(QDir(m_directory).filePath(key + u".json"_s),
                           {{u"Credentials"_s, credentials},
                            {u"AssumedRoleUser"_s, QJsonObject{{u"AssumedRoleId"_s, role.assumedRoleId},
                                                               {u"Arn"_s, role.assumedRoleArn}}},
                            {u"ResponseMetadata"_s, QJsonObject{{u"HTTPStatusCode"_s, 200}}}});
}
