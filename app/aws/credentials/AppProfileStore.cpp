// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/AppProfileStore.h"

#include "aws/config/EndpointResolver.h"
#include "aws/config/RegionResolver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString group = u"appProfiles"_s;

QString profileGroup(const QString &name)
{
    return group + u'/' + name;
}

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(pattern).match(text).hasMatch();
}

} // namespace

AppProfileStore::AppProfileStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_keychain(this)
{}

QString AppProfileStore::keychainKey(const QString &name)
{
    return u"profile:"_s + name;
}

QStringList AppProfileStore::profileNames() const
{
    m_settings->beginGroup(group);
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        const int order = a.compare(b, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a < b;
    });
    return names;
}

bool AppProfileStore::contains(const QString &name) const
{
    return !name.isEmpty() && profileNames().contains(name);
}

std::optional<AppProfile> AppProfileStore::profile(const QString &name) const
{
    if (!contains(name))
        return std::nullopt;
    m_settings->beginGroup(profileGroup(name));
    AppProfile profile;
    profile.name = name;
    profile.accessKeyId = m_settings->value(u"accessKeyId"_s).toString();
    profile.region = m_settings->value(u"region"_s).toString();
    profile.endpointUrl = m_settings->value(u"endpointUrl"_s).toString();
    profile.qappsInstanceId = m_settings->value(u"qappsInstanceId"_s).toString();
    m_settings->endGroup();
    return profile;
}

AwsResult<std::monostate> AppProfileStore::validate(const AppProfile &profile)
{
    const auto fail = [](const QString &message) {
        return AwsError(AwsError::Category::Configuration, message);
    };
    if (!matches(u"^[A-Za-z0-9._@+-]{1,64}$"_s, profile.name))
        return fail(tr("A profile name has 1 to 64 letters, digits and . _ - @ + (no spaces or slashes)."));
    if (!matches(u"^\\w{16,128}$"_s, profile.accessKeyId))
        return fail(tr("An access key id has 16 to 128 letters and digits, like AKIAIOSFODNN7EXAMPLE."));
    if (!profile.region.isEmpty() && !RegionResolver::isValidRegion(profile.region))
        return fail(tr("\"%1\" is not an AWS region name such as us-east-1.").arg(profile.region));
    if (!profile.endpointUrl.isEmpty()) {
        const AwsResult<QUrl> url = EndpointResolver::validate(profile.endpointUrl, tr("the profile"));
        if (!url)
            return url.error();
    }
    if (!profile.qappsInstanceId.isEmpty() && !matches(u"^[A-Za-z0-9-]{1,128}$"_s, profile.qappsInstanceId))
        return fail(tr("A Q Apps instance id has letters, digits and dashes only."));
    return std::monostate();
}

AwsResult<std::monostate> AppProfileStore::validate(const Secret &secret)
{
    const auto fail = [](const QString &message) {
        return AwsError(AwsError::Category::Configuration, message);
    };
    static const QString noSpace = u"^\\S{1,4096}$"_s;
    if (!matches(noSpace, secret.secretAccessKey))
        return fail(tr("The secret access key is empty or contains spaces."));
    if (!secret.sessionToken.isEmpty() && !matches(noSpace, secret.sessionToken))
        return fail(tr("The session token contains spaces."));
    return std::monostate();
}

AwsResult<std::monostate> AppProfileStore::writeSettings(const AppProfile &profile)
{
    m_settings->beginGroup(profileGroup(profile.name));
    m_settings->remove(QString()); // drop keys of an older version of the profile
    m_settings->setValue(u"accessKeyId"_s, profile.accessKeyId);
    m_settings->setValue(u"region"_s, profile.region);
    m_settings->setValue(u"endpointUrl"_s, profile.endpointUrl);
    m_settings->setValue(u"qappsInstanceId"_s, profile.qappsInstanceId);
    m_settings->endGroup();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        return AwsError(AwsError::Category::Io,
                        tr("the profile settings could not be saved to %1.").arg(m_settings->fileName()));
    }
    Q_EMIT profilesChanged();
    return std::monostate();
}

void AppProfileStore::saveProfile(const AppProfile &profile, const Secret &secret, QObject *context,
                                  DoneCallback done)
{
    AwsResult<std::monostate> valid = validate(profile);
    if (valid)
        valid = validate(secret);
    if (!done)
        done = [](const AwsResult<std::monostate> &) {};
    if (!valid) {
        done(valid);
        return;
    }
    QJsonObject object{{u"secretAccessKey"_s, secret.secretAccessKey}};
    if (!secret.sessionToken.isEmpty())
        object.insert(u"sessionToken"_s, secret.sessionToken);
    QByteArray payload = QJsonDocument(object).toJson(QJsonDocument::Compact);
    const QPointer<AppProfileStore> self(this);
    m_keychain.write(
        keychainKey(profile.name), payload, tr("profile %1").arg(profile.name), context,
        [self, profile, done](const AwsResult<std::monostate> &written) {
            if (!written) {
                done(written);
                return;
            }
            if (!self) {
                done(AwsError(AwsError::Category::Cancelled, tr("The profile store was closed.")));
                return;
            }
            done(self->writeSettings(profile));
        });
    payload.fill('\0');
}

AwsResult<std::monostate> AppProfileStore::updateProfile(const AppProfile &profile)
{
    const AwsResult<std::monostate> valid = validate(profile);
    if (!valid)
        return valid;
    if (!contains(profile.name)) {
        return AwsError(AwsError::Category::Configuration,
                        tr("There is no SessionScope profile named \"%1\" to update.").arg(profile.name));
    }
    return writeSettings(profile);
}

void AppProfileStore::removeProfile(const QString &name, QObject *context, DoneCallback done)
{
    if (!done)
        done = [](const AwsResult<std::monostate> &) {};
    const QPointer<AppProfileStore> self(this);
    m_keychain.remove(keychainKey(name), tr("profile %1").arg(name), context,
                      [self, name, done](const AwsResult<std::monostate> &removed) {
                          if (!removed || !self) {
                              done(removed);
                              return;
                          }
                          self->m_settings->remove(profileGroup(name));
                          self->m_settings->sync();
                          Q_EMIT self->profilesChanged();
                          done(std::monostate());
                      });
}

void AppProfileStore::readSecret(const QString &name, QObject *context, SecretCallback callback)
{
    const QString what = tr("profile %1").arg(name);
    m_keychain.read(keychainKey(name), what, context, [callback, what](const AwsResult<QByteArray> &data) {
        if (!data) {
            callback(data.error());
            return;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(data.value());
        Secret secret;
        secret.secretAccessKey = doc.object().value(u"secretAccessKey").toString();
        secret.sessionToken = doc.object().value(u"sessionToken").toString();
        if (secret.secretAccessKey.isEmpty()) {
            callback(
                AwsError(AwsError::Category::Credentials,
                         tr("The keychain entry of %1 is not one SessionScope wrote. Enter the secret access "
                            "key again in the profile's settings.")
                             .arg(what)));
            return;
        }
        callback(secret);
    });
}
