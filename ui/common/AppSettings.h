// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

/// The GUI's remembered state, in one place: window geometry, splitter and column layout, filters,
/// time mode, the last portal and the Q Business instance id per profile. Never holds a secret.
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
        Language, ///< the catalog chosen in View > Language ("de", "ja", ...); absent: the system's
    };

    /// Uses the application's default QSettings.
    AppSettings();
    /// Reads and writes the INI file at `filePath` (tests use a temporary one).
    explicit AppSettings(const QString &filePath);
    ~AppSettings();

    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    QVariant value(Key key, const QVariant &defaultValue = {}) const;
    void setValue(Key key, const QVariant &value);
    void remove(Key key);

    /// The portal last shown for a profile, empty when none.
    QString lastPortalId(const QString &profileName) const;
    void setLastPortalId(const QString &profileName, const QString &portalId);

    /// The Amazon Q Business instance id the user set for a profile, empty when none.
    QString qBusinessInstanceId(const QString &profileName) const;
    void setQBusinessInstanceId(const QString &profileName, const QString &instanceId);

    void sync();

    static QString keyName(Key key);

private:
    static QString profileKey(const QString &group, const QString &profileName);

    std::unique_ptr<QSettings> m_settings;
};
