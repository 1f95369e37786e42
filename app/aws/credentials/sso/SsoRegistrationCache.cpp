// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/sso/SsoRegistrationCache.h"

#include "aws/credentials/AwsCliCacheFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SsoRegistrationCache", text);
}

const QStringList &knownFields()
{
    static const QStringList fields = {u"clientId"_s, u"clientSecret"_s, u"expiresAt"_s, u"scopes"_s};
    return fields;
}

} // namespace

SsoRegistrationCache::SsoRegistrationCache(QString folder)
    : m_folder(std::move(folder))
{}

QString SsoRegistrationCache::cacheKey(const QString &startUrl, const QString &region,
                                       const QStringList &scopes, const QString &sessionName)
{
    // json.dumps(args, sort_keys=True): keys in code point order, ", " and ": " separators.
    const AwsCliCacheFile::Fields args = {
        {u"region"_s, region},
        {u"scopes"_s,
         scopes.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonArray::fromStringList(scopes))},
        {u"session_name"_s, sessionName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(sessionName)},
        {u"startUrl"_s, startUrl},
        {u"tool"_s, u"botocore"_s},
    };
    return QString::fromLatin1(
        QCryptographicHash::hash(AwsCliCacheFile::toPythonJson(args), QCryptographicHash::Sha1).toHex());
}

QString SsoRegistrationCache::path(const QString &cacheKey) const
{
    return QDir(m_folder).filePath(cacheKey + u".json"_s);
}

AwsResult<std::optional<SsoClientRegistration>> SsoRegistrationCache::read(const QString &cacheKey) const
{
    const QString file = path(cacheKey);
    const AwsResult<std::optional<QJsonObject>> object = AwsCliCacheFile::read(file);
    if (!object)
        return object.error();
    if (!object.value())
        return std::optional<SsoClientRegistration>();
    const QJsonObject &json = *object.value();

    SsoClientRegistration registration;
    registration.clientId = json.value(u"clientId").toString();
    registration.clientSecret = json.value(u"clientSecret").toString();
    registration.expiresAt = AwsCliCacheFile::parseTime(json.value(u"expiresAt").toString());
    if (registration.clientId.isEmpty() || registration.clientSecret.isEmpty() ||
        !registration.expiresAt.isValid()) {
        return AwsError(AwsError::Category::Credentials,
                        tr("The IAM Identity Center client registration file %1 is not a registration.")
                            .arg(QDir::toNativeSeparators(file)));
    }
    for (const QJsonValue &scope : json.value(u"scopes").toArray())
        registration.scopes.append(scope.toString());
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!knownFields().contains(it.key()))
            registration.otherFields.insert(it.key(), it.value());
    }
    return std::optional<SsoClientRegistration>(registration);
}

AwsResult<std::monostate> SsoRegistrationCache::write(const QString &cacheKey,
                                                      const SsoClientRegistration &registration) const
{
    AwsCliCacheFile::Fields fields = {
        {u"clientId"_s, registration.clientId},
        {u"clientSecret"_s, registration.clientSecret},
        {u"expiresAt"_s, AwsCliCacheFile::formatTime(registration.expiresAt)},
    };
    if (!registration.scopes.isEmpty())
        fields.append({u"scopes"_s, QJsonArray::fromStringList(registration.scopes)});
    for (auto it = registration.otherFields.begin(); it != registration.otherFields.end(); ++it) {
        if (!knownFields().contains(it.key()))
            fields.append({it.key(), it.value()});
    }
    return AwsCliCacheFile::write(path(cacheKey), fields);
}
