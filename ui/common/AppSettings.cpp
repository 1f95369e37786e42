// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AppSettings.h"

#include "api/ListSessionsRequest.h"
#include "sessions/ExportOptions.h"

#include <QSettings>
#include <QUrl>

#include <array>

using namespace Qt::StringLiterals;

namespace {

using Key = AppSettings::Key;
using Scope = AppSettings::Scope;

struct Row
{
    Key key;
    QString name;
    QMetaType type;
    QVariant defaultValue;
    Scope scope = Scope::Application;
};

constexpr std::size_t keyCount = std::size_t(Key::ReadTimeoutMs) + 1;

// The names are what existing users' settings files hold: never rename one. A new key is a new row, in the
// order of the enum (the unit test checks both).
const std::array<Row, keyCount> &table()
{
    static const std::array<Row, keyCount> rows{{
        {Key::WindowGeometry, u"window/geometry"_s, QMetaType::fromType<QByteArray>(), QByteArray()},
        {Key::WindowState, u"window/state"_s, QMetaType::fromType<QByteArray>(), QByteArray()},
        {Key::DetailSplitterState, u"window/detailSplitter"_s, QMetaType::fromType<QByteArray>(),
         QByteArray()},
        {Key::SessionHeaderState, u"sessions/headerState"_s, QMetaType::fromType<QByteArray>(), QByteArray()},
        {Key::StatusFilter, u"sessions/statusFilter"_s, QMetaType::fromType<int>(),
         int(ListSessionsRequest::StatusFilter::Any)},
        {Key::UsernameFilter, u"sessions/usernameFilter"_s, QMetaType::fromType<QString>(), QString()},
        {Key::SortNewestFirst, u"sessions/newestFirst"_s, QMetaType::fromType<bool>(), true},
        {Key::TimeModeUtc, u"sessions/timesInUtc"_s, QMetaType::fromType<bool>(), false},
        {Key::LastProfile, u"connection/lastProfile"_s, QMetaType::fromType<QString>(), QString()},
        {Key::LastRegion, u"connection/lastRegion"_s, QMetaType::fromType<QString>(), QString()},
        {Key::LastEndpointUrl, u"connection/lastEndpointUrl"_s, QMetaType::fromType<QString>(), QString()},
        {Key::ExportFolder, u"export/lastFolder"_s, QMetaType::fromType<QString>(), QString()},
        {Key::ExportFormat, u"export/format"_s, QMetaType::fromType<QString>(),
         ExportOptions::formatName(ExportFormat::Csv)},
        // Comma-separated column names; empty: the export dialog's own choice.
        {Key::ExportColumns, u"export/columns"_s, QMetaType::fromType<QString>(), QString()},
        {Key::ExportTimesInUtc, u"export/timesInUtc"_s, QMetaType::fromType<bool>(), true},
        {Key::ExportByteOrderMark, u"export/csvByteOrderMark"_s, QMetaType::fromType<bool>(), false},
        {Key::ExportSpreadsheetSafe, u"export/spreadsheetSafe"_s, QMetaType::fromType<bool>(), true},
        // No default: without the key, TranslationManager follows the system's languages.
        {Key::Language, u"ui/language"_s, QMetaType::fromType<QString>(), QVariant()},
        {Key::LastPortalId, u"lastPortal"_s, QMetaType::fromType<QString>(), QString(), Scope::Profile},
        {Key::QBusinessInstanceId, u"qBusinessInstance"_s, QMetaType::fromType<QString>(), QString(),
         Scope::Profile},
        {Key::ProxyMode, u"network/proxyMode"_s, QMetaType::fromType<QString>(), u"environment"_s},
        {Key::ProxyHttpsUrl, u"network/httpsProxy"_s, QMetaType::fromType<QString>(), QString()},
        {Key::ProxyHttpUrl, u"network/httpProxy"_s, QMetaType::fromType<QString>(), QString()},
        {Key::ProxyNoProxy, u"network/noProxy"_s, QMetaType::fromType<QString>(), QString()},
        {Key::CaBundle, u"network/caBundle"_s, QMetaType::fromType<QString>(), QString()},
        // No default: without the key, the profile's setting or the transport's default applies.
        {Key::ConnectTimeoutMs, u"network/connectTimeoutMs"_s, QMetaType::fromType<int>(), QVariant()},
        {Key::ReadTimeoutMs, u"network/readTimeoutMs"_s, QMetaType::fromType<int>(), QVariant()},
        // Also in the same file, but not here: "appProfiles/<name>" (AppProfileStore; see AppSettings.h).
    }};
    return rows;
}

const Row &row(Key key)
{
    const Row &r = table().at(std::size_t(key));
    Q_ASSERT(r.key == key);
    return r;
}

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{}

AppSettings::AppSettings(const QString &filePath)
    : m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QList<AppSettings::Key> AppSettings::keys()
{
    QList<Key> result;
    for (const Row &r : table())
        result.append(r.key);
    return result;
}

AppSettings::KeyInfo AppSettings::keyInfo(Key key)
{
    const Row &r = row(key);
    return {r.name, r.type, r.defaultValue, r.scope};
}

QString AppSettings::keyName(Key key)
{
    return row(key).name;
}

QVariant AppSettings::defaultValue(Key key)
{
    return row(key).defaultValue;
}

QVariant AppSettings::read(const QString &name, Key key) const
{
    const Row &r = row(key);
    QVariant stored = m_settings->value(name);
    // An INI file gives strings back ("true", "2"); a value that does not convert counts as absent.
    if (!stored.isValid() || (stored.metaType() != r.type && !stored.convert(r.type)))
        return r.defaultValue;
    return stored;
}

QVariant AppSettings::value(Key key) const
{
    Q_ASSERT(row(key).scope == Scope::Application);
    return read(keyName(key), key);
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    Q_ASSERT(row(key).scope == Scope::Application);
    m_settings->setValue(keyName(key), value);
}

void AppSettings::remove(Key key)
{
    m_settings->remove(keyName(key));
}

bool AppSettings::contains(Key key) const
{
    return m_settings->contains(keyName(key));
}

QString AppSettings::profileKey(Key key, const QString &profileName)
{
    Q_ASSERT(row(key).scope == Scope::Profile);
    // Profile names may hold characters QSettings treats specially ('/', '\\'); percent-encode them.
    const QString name = profileName.isEmpty() ? u"default"_s : profileName;
    return keyName(key) + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(name));
}

QString AppSettings::lastPortalId(const QString &profileName) const
{
    return read(profileKey(Key::LastPortalId, profileName), Key::LastPortalId).toString();
}

void AppSettings::setLastPortalId(const QString &profileName, const QString &portalId)
{
    m_settings->setValue(profileKey(Key::LastPortalId, profileName), portalId);
}

QString AppSettings::qBusinessInstanceId(const QString &profileName) const
{
    return read(profileKey(Key::QBusinessInstanceId, profileName), Key::QBusinessInstanceId).toString();
}

void AppSettings::setQBusinessInstanceId(const QString &profileName, const QString &instanceId)
{
    const QString key = profileKey(Key::QBusinessInstanceId, profileName);
    if (instanceId.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, instanceId);
}

void AppSettings::sync()
{
    m_settings->sync();
}
