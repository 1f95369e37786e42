// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AppSettings.h"

#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{}

AppSettings::AppSettings(const QString &filePath)
    : m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QString AppSettings::keyName(Key key)
{
    switch (key) {
    case Key::WindowGeometry:
        return u"window/geometry"_s;
    case Key::WindowState:
        return u"window/state"_s;
    case Key::DetailSplitterState:
        return u"window/detailSplitter"_s;
    case Key::SessionHeaderState:
        return u"sessions/headerState"_s;
    case Key::StatusFilter:
        return u"sessions/statusFilter"_s;
    case Key::UsernameFilter:
        return u"sessions/usernameFilter"_s;
    case Key::SortNewestFirst:
        return u"sessions/newestFirst"_s;
    case Key::TimeModeUtc:
        return u"sessions/timesInUtc"_s;
    case Key::LastProfile:
        return u"connection/lastProfile"_s;
    case Key::LastRegion:
        return u"connection/lastRegion"_s;
    case Key::LastEndpointUrl:
        return u"connection/lastEndpointUrl"_s;
    case Key::ExportFolder:
        return u"export/lastFolder"_s;
    case Key::ExportFormat:
        return u"export/format"_s;
    case Key::ExportColumns:
        return u"export/columns"_s;
    case Key::ExportTimesInUtc:
        return u"export/timesInUtc"_s;
    case Key::ExportByteOrderMark:
        return u"export/csvByteOrderMark"_s;
    case Key::ExportSpreadsheetSafe:
        return u"export/spreadsheetSafe"_s;
    case Key::Language:
        return u"ui/language"_s;
    }
    return {};
}

QVariant AppSettings::value(Key key, const QVariant &defaultValue) const
{
    return m_settings->value(keyName(key), defaultValue);
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(keyName(key), value);
}

void AppSettings::remove(Key key)
{
    m_settings->remove(keyName(key));
}

QString AppSettings::profileKey(const QString &group, const QString &profileName)
{
    // Profile names may hold characters QSettings treats specially ('/', '\\'); percent-encode them.
    const QString name = profileName.isEmpty() ? u"default"_s : profileName;
    return group + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(name));
}

QString AppSettings::lastPortalId(const QString &profileName) const
{
    return m_settings->value(profileKey(u"lastPortal"_s, profileName)).toString();
}

void AppSettings::setLastPortalId(const QString &profileName, const QString &portalId)
{
    m_settings->setValue(profileKey(u"lastPortal"_s, profileName), portalId);
}

QString AppSettings::qBusinessInstanceId(const QString &profileName) const
{
    return m_settings->value(profileKey(u"qBusinessInstance"_s, profileName)).toString();
}

void AppSettings::setQBusinessInstanceId(const QString &profileName, const QString &instanceId)
{
    const QString key = profileKey(u"qBusinessInstance"_s, profileName);
    if (instanceId.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, instanceId);
}

void AppSettings::sync()
{
    m_settings->sync();
}
