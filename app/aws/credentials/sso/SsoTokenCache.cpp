// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sso/SsoTokenCache.h"

#include "aws/credentials/AwsCliCacheFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SsoTokenCache", text);
}

// The fields the AWS CLI v2 writes, in its order.
const QStringList &knownFields()
{
    static const QStringList fields = {
        u"startUrl"_s, u"region"_s,       u"accessToken"_s,           u"expiresAt"_s,
        u"clientId"_s, u"clientSecret"_s, u"registrationExpiresAt"_s, u"refreshToken"_s,
    };
    return fields;
}

} // namespace

SsoTokenCache::SsoTokenCache(QString folder)
    : m_folder(std::move(folder))
{}

QString SsoTokenCache::defaultFolder(const QProcessEnvironment &env)
{
    QString home = env.value(u"HOME"_s);
    if (home.isEmpty())
        home = QDir::homePath();
    return QDir(home).filePath(u".aws/sso/cache"_s);
}

QString SsoTokenCache::fileName(const QString &cacheKey)
{
    return QString::fromLatin1(
               QCryptographicHash::hash(cacheKey.toUtf8(), QCryptographicHash::Sha1).toHex()) +
           u".json"_s;
}

QString SsoTokenCache::path(const QString &cacheKey) const
{
    return QDir(m_folder).filePath(fileName(cacheKey));
}

AwsResult<std::optional<SsoToken>> SsoTokenCache::read(const QString &cacheKey) const
{
    const QString file = path(cacheKey);
    const AwsResult<std::optional<QJsonObject>> object = AwsCliCacheFile::read(file);
    if (!object)
        return object.error();
    if (!object.value())
        return std::optional<SsoToken>();
    const QJsonObject &json = *object.value();

    const auto invalid = [&](const QString &field) {
        return AwsError(
            AwsError::Category::Credentials,
            tr("The IAM Identity Center token cache file %1 has no valid \"%2\". Sign in again to "
               "replace it.")
                .arg(QDir::toNativeSeparators(file), field));
    };
    const auto text = [&](const QString &field) { return json.value(field).toString(); };

    SsoToken token;
    token.accessToken = text(u"accessToken"_s);
    if (token.accessToken.isEmpty())
        return invalid(u"accessToken"_s);
    token.expiresAt = AwsCliCacheFile::parseTime(text(u"expiresAt"_s));
    if (!token.expiresAt.isValid())
        return invalid(u"expiresAt"_s);
    token.startUrl = text(u"startUrl"_s);
    token.region = text(u"region"_s);
    token.refreshToken = text(u"refreshToken"_s);
    token.clientId = text(u"clientId"_s);
    token.clientSecret = text(u"clientSecret"_s);
    if (json.contains(u"registrationExpiresAt"_s)) {
        token.registrationExpiresAt = AwsCliCacheFile::parseTime(text(u"registrationExpiresAt"_s));
        if (!token.registrationExpiresAt.isValid())
            return invalid(u"registrationExpiresAt"_s);
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!knownFields().contains(it.key()))
            token.otherFields.insert(it.key(), it.value());
    }
    return std::optional<SsoToken>(token);
}

AwsResult<std::monostate> SsoTokenCache::write(const QString &cacheKey, const SsoToken &token) const
{
    AwsCliCacheFile::Fields fields = {
        {u"startUrl"_s, token.startUrl},
        {u"region"_s, token.region},
        {u"accessToken"_s, token.accessToken},
        {u"expiresAt"_s, AwsCliCacheFile::formatTime(token.expiresAt)},
    };
    if (!token.clientId.isEmpty())
        fields.append({u"clientId"_s, token.clientId});
    if (!token.clientSecret.isEmpty())
        fields.append({u"clientSecret"_s, token.clientSecret});
    if (token.registrationExpiresAt.isValid())
        fields.append({u"registrationExpiresAt"_s, AwsCliCacheFile::formatTime(token.registrationExpiresAt)});
    if (!token.refreshToken.isEmpty())
        fields.append({u"refreshToken"_s, token.refreshToken});
    for (auto it = token.otherFields.begin(); it != token.otherFields.end(); ++it) {
        if (!knownFields().contains(it.key()))
            fields.append({it.key(), it.value()});
    }
    return AwsCliCacheFile::write(path(cacheKey), fields);
}
