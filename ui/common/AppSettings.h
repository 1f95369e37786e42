// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

/// The GUI's remembered state, in one place: window geometry, splitter and column layout, filters,
/// time mode, the last connection, export choices, the language, and per profile the last portal and
/// the Q Business instance id. Never holds a secret.
///
/// Every key is a row of one table (AppSettings.cpp): its name in the settings file, its type and its
/// default. Call sites name a key and never a default; value() answers the table's default for a key that
/// is absent or holds something of the wrong type.
///
/// Not in the table, on purpose: the profiles created inside SessionScope (group "appProfiles/<name>",
/// written by AppProfileStore through the application's default QSettings), because the CLI reads the same
/// group from the same file and AppProfileStore, in app/, must not depend on the GUI.
class AppSettings
{
public:
    enum class Key {
        WindowGeometry,
        WindowState,
        DetailSplitterState,
        SessionHeaderState,
        StatusFilter,
        UsernameFilter,
        SortNewestFirst,
        TimeModeUtc,
        LastProfile,
        LastRegion,
        LastEndpointUrl,
        ExportFolder,
        ExportFormat,
        ExportColumns,
        ExportTimesInUtc,
        ExportByteOrderMark,
        ExportSpreadsheetSafe,
        /// The catalog chosen in View > Language ("de", "ja", ...); absent: the system's.
        Language,
        /// Per profile: the portal last shown.
        LastPortalId,
        /// Per profile: the Amazon Q Business instance id the user set.
        QBusinessInstanceId,
        /// The connection dialog's proxy choice: "environment" (absent), "system", "none" or "manual".
        ProxyMode,
        /// The manual proxies, never with a password (that is in the keychain); empty: direct.
        ProxyHttpsUrl,
        ProxyHttpUrl,
        /// The manual proxy's exceptions, NO_PROXY style, comma-separated.
        ProxyNoProxy,
        /// The CA bundle file chosen in the connection dialog; empty: AWS_CA_BUNDLE, the profile's, the
        /// system's.
        CaBundle,
        /// Timeouts in ms (0: no limit); absent: the profile's connect_timeout / read_timeout, else the
        /// defaults.
        ConnectTimeoutMs,
        ReadTimeoutMs,
    };

    /// Whether a key holds one value or one value per connection profile (a group of keys named after
    /// the percent-encoded profile name).
    enum class Scope {
        Application,
        Profile,
    };

    /// One row of the table.
    struct KeyInfo
    {
        QString name;
        QMetaType type;
        /// Invalid: no default, the key's absence means something ("the system's").
        QVariant defaultValue;
        Scope scope = Scope::Application;
    };

    /// Uses the application's default QSettings.
    AppSettings();
    /// Reads and writes the INI file at `filePath` (tests use a temporary one).
    explicit AppSettings(const QString &filePath);
    ~AppSettings();

    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    /// The stored value of an application-wide key, converted to the key's type; the table's default when
    /// the key is absent or its value does not convert.
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void remove(Key key);
    bool contains(Key key) const;

    /// The portal last shown for a profile, empty when none.
    QString lastPortalId(const QString &profileName) const;
    void setLastPortalId(const QString &profileName, const QString &portalId);

    /// The Amazon Q Business instance id the user set for a profile, empty when none.
    QString qBusinessInstanceId(const QString &profileName) const;
    void setQBusinessInstanceId(const QString &profileName, const QString &instanceId);

    void sync();

    /// Every key, in the order of the enum.
    static QList<Key> keys();
    static KeyInfo keyInfo(Key key);
    /// The key's name in the settings file; for a per-profile key, the name of its group.
    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

private:
    QVariant read(const QString &name, Key key) const;
    static QString profileKey(Key key, const QString &profileName);

    std::unique_ptr<QSettings> m_settings;
};
