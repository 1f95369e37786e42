// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/ListSessionsRequest.h"
#include "common/AppSettings.h"

#include <QFile>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using Key = AppSettings::Key;
Q_DECLARE_METATYPE(AppSettings::Key)
Q_DECLARE_METATYPE(AppSettings::Scope)

/// The table of the GUI's settings: every key once, with its name, type and default; values survive a
/// round trip; and files written by earlier versions still load.
class TestAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyKeyHasOneRowInEnumOrder();
    void keyNamesAreThoseOfExistingSettingsFiles_data();
    void keyNamesAreThoseOfExistingSettingsFiles();
    void defaultsAndTypes_data();
    void defaultsAndTypes();
    void absentKeysGiveTheTablesDefault();
    void valuesSurviveARoundTrip_data();
    void valuesSurviveARoundTrip();
    void aFileWrittenByAnEarlierVersionLoads();
    void aValueThatDoesNotConvertGivesTheDefault();
    void removeMakesTheKeyAbsent();
    void perProfileKeysAreGroupsOfEncodedProfileNames();

private:
    QString filePath() const { return m_dir->filePath(u"settings.ini"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAppSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAppSettings::cleanup()
{
    m_dir.reset();
}

void TestAppSettings::everyKeyHasOneRowInEnumOrder()
{
    const QList<Key> keys = AppSettings::keys();
    QCOMPARE(keys.size(), int(Key::ReadTimeoutMs) + 1);
    QSet<QString> names;
    for (int i = 0; i < keys.size(); ++i) {
        QCOMPARE(int(keys.at(i)), i);
        const AppSettings::KeyInfo info = AppSettings::keyInfo(keys.at(i));
        QVERIFY2(!info.name.isEmpty(), qPrintable(u"key %1 has no name"_s.arg(i)));
        QVERIFY2(info.type.isValid(), qPrintable(info.name));
        QVERIFY2(!names.contains(info.name), qPrintable(info.name));
        names.insert(info.name);
        // A default, where there is one, is of the key's type.
        if (info.defaultValue.isValid())
            QCOMPARE(info.defaultValue.metaType(), info.type);
    }
    // The app-profile store's group shares the file; no key of the table may fall into it.
    for (const QString &name : std::as_const(names))
        QVERIFY2(!name.startsWith(u"appProfiles"_s), qPrintable(name));
}

void TestAppSettings::keyNamesAreThoseOfExistingSettingsFiles_data()
{
    QTest::addColumn<Key>("key");
    QTest::addColumn<QString>("name");
    QTest::addColumn<AppSettings::Scope>("scope");

    const auto app = AppSettings::Scope::Application;
    QTest::newRow("WindowGeometry") << Key::WindowGeometry << u"window/geometry"_s << app;
    QTest::newRow("WindowState") << Key::WindowState << u"window/state"_s << app;
    QTest::newRow("DetailSplitterState") << Key::DetailSplitterState << u"window/detailSplitter"_s << app;
    QTest::newRow("SessionHeaderState") << Key::SessionHeaderState << u"sessions/headerState"_s << app;
    QTest::newRow("StatusFilter") << Key::StatusFilter << u"sessions/statusFilter"_s << app;
    QTest::newRow("UsernameFilter") << Key::UsernameFilter << u"sessions/usernameFilter"_s << app;
    QTest::newRow("SortNewestFirst") << Key::SortNewestFirst << u"sessions/newestFirst"_s << app;
    QTest::newRow("TimeModeUtc") << Key::TimeModeUtc << u"sessions/timesInUtc"_s << app;
    QTest::newRow("LastProfile") << Key::LastProfile << u"connection/lastProfile"_s << app;
    QTest::newRow("LastRegion") << Key::LastRegion << u"connection/lastRegion"_s << app;
    QTest::newRow("LastEndpointUrl") << Key::LastEndpointUrl << u"connection/lastEndpointUrl"_s << app;
    QTest::newRow("ExportFolder") << Key::ExportFolder << u"export/lastFolder"_s << app;
    QTest::newRow("ExportFormat") << Key::ExportFormat << u"export/format"_s << app;
    QTest::newRow("ExportColumns") << Key::ExportColumns << u"export/columns"_s << app;
    QTest::newRow("ExportTimesInUtc") << Key::ExportTimesInUtc << u"export/timesInUtc"_s << app;
    QTest::newRow("ExportByteOrderMark") << Key::ExportByteOrderMark << u"export/csvByteOrderMark"_s << app;
    QTest::newRow("ExportSpreadsheetSafe")
        << Key::ExportSpreadsheetSafe << u"export/spreadsheetSafe"_s << app;
    QTest::newRow("Language") << Key::Language << u"ui/language"_s << app;
    QTest::newRow("LastPortalId") << Key::LastPortalId << u"lastPortal"_s << AppSettings::Scope::Profile;
    QTest::newRow("QBusinessInstanceId")
        << Key::QBusinessInstanceId << u"qBusinessInstance"_s << AppSettings::Scope::Profile;
    QTest::newRow("ProxyMode") << Key::ProxyMode << u"network/proxyMode"_s << app;
    QTest::newRow("ProxyHttpsUrl") << Key::ProxyHttpsUrl << u"network/httpsProxy"_s << app;
    QTest::newRow("ProxyHttpUrl") << Key::ProxyHttpUrl << u"network/httpProxy"_s << app;
    QTest::newRow("ProxyNoProxy") << Key::ProxyNoProxy << u"network/noProxy"_s << app;
    QTest::newRow("CaBundle") << Key::CaBundle << u"network/caBundle"_s << app;
    QTest::newRow("ConnectTimeoutMs") << Key::ConnectTimeoutMs << u"network/connectTimeoutMs"_s << app;
    QTest::newRow("ReadTimeoutMs") << Key::ReadTimeoutMs << u"network/readTimeoutMs"_s << app;
}

void TestAppSettings::keyNamesAreThoseOfExistingSettingsFiles()
{
    QFETCH(Key, key);
    QFETCH(QString, name);
    QFETCH(AppSettings::Scope, scope);
    QCOMPARE(AppSettings::keyName(key), name);
    QCOMPARE(AppSettings::keyInfo(key).scope, scope);
}

void TestAppSettings::defaultsAndTypes_data()
{
    QTest::addColumn<Key>("key");
    QTest::addColumn<QVariant>("defaultValue");

    QTest::newRow("WindowGeometry") << Key::WindowGeometry << QVariant(QByteArray());
    QTest::newRow("SessionHeaderState") << Key::SessionHeaderState << QVariant(QByteArray());
    QTest::newRow("StatusFilter: any")
        << Key::StatusFilter << QVariant(int(ListSessionsRequest::StatusFilter::Any));
    QTest::newRow("UsernameFilter") << Key::UsernameFilter << QVariant(QString());
    QTest::newRow("SortNewestFirst") << Key::SortNewestFirst << QVariant(true);
    QTest::newRow("TimeModeUtc: local") << Key::TimeModeUtc << QVariant(false);
    QTest::newRow("LastProfile") << Key::LastProfile << QVariant(QString());
    QTest::newRow("ExportFormat: CSV") << Key::ExportFormat << QVariant(u"csv"_s);
    QTest::newRow("ExportColumns") << Key::ExportColumns << QVariant(QString());
    QTest::newRow("ExportTimesInUtc") << Key::ExportTimesInUtc << QVariant(true);
    QTest::newRow("ExportByteOrderMark") << Key::ExportByteOrderMark << QVariant(false);
    QTest::newRow("ExportSpreadsheetSafe") << Key::ExportSpreadsheetSafe << QVariant(true);
    // Absent means "the system's languages": no default at all.
    QTest::newRow("Language: none") << Key::Language << QVariant();
    QTest::newRow("ProxyMode: the environment's") << Key::ProxyMode << QVariant(u"environment"_s);
    // Absent means "the profile's, else the default": no default at all.
    QTest::newRow("ConnectTimeoutMs: none") << Key::ConnectTimeoutMs << QVariant();
    QTest::newRow("ReadTimeoutMs: none") << Key::ReadTimeoutMs << QVariant();
}

void TestAppSettings::defaultsAndTypes()
{
    QFETCH(Key, key);
    QFETCH(QVariant, defaultValue);
    const QVariant actual = AppSettings::defaultValue(key);
    QCOMPARE(actual.isValid(), defaultValue.isValid());
    if (defaultValue.isValid()) {
        QCOMPARE(actual.metaType(), defaultValue.metaType());
        QCOMPARE(actual, defaultValue);
    }
}

void TestAppSettings::absentKeysGiveTheTablesDefault()
{
    const AppSettings settings(filePath());
    for (Key key : AppSettings::keys()) {
        if (AppSettings::keyInfo(key).scope != AppSettings::Scope::Application)
            continue;
        QVERIFY(!settings.contains(key));
        const QVariant value = settings.value(key);
        QCOMPARE(value.isValid(), AppSettings::defaultValue(key).isValid());
        QCOMPARE(value, AppSettings::defaultValue(key));
    }
    QVERIFY(!settings.value(Key::Language).isValid());
    QCOMPARE(settings.lastPortalId(u"any"_s), QString());
    QCOMPARE(settings.qBusinessInstanceId(u"any"_s), QString());
}

void TestAppSettings::valuesSurviveARoundTrip_data()
{
    QTest::addColumn<Key>("key");
    QTest::addColumn<QVariant>("value");

    QTest::newRow("bytes") << Key::SessionHeaderState << QVariant(QByteArray("\x00\xff\x01header", 9));
    QTest::newRow("int") << Key::StatusFilter << QVariant(int(ListSessionsRequest::StatusFilter::Terminated));
    QTest::newRow("string") << Key::UsernameFilter << QVariant(u"alice, bob = \"x\""_s);
    QTest::newRow("bool false") << Key::SortNewestFirst << QVariant(false);
    QTest::newRow("bool true") << Key::TimeModeUtc << QVariant(true);
    QTest::newRow("url") << Key::LastEndpointUrl << QVariant(u"http://127.0.0.1:4566/"_s);
    QTest::newRow("columns") << Key::ExportColumns << QVariant(u"sessionId,username"_s);
    QTest::newRow("language") << Key::Language << QVariant(u"zh_CN"_s);
    QTest::newRow("timeout 0 (no limit)") << Key::ReadTimeoutMs << QVariant(0);
    QTest::newRow("no-proxy list") << Key::ProxyNoProxy << QVariant(u".corp.example,10.0.0.0/8"_s);
}

void TestAppSettings::valuesSurviveARoundTrip()
{
    QFETCH(Key, key);
    QFETCH(QVariant, value);
    {
        AppSettings settings(filePath());
        settings.setValue(key, value);
        settings.sync();
    }
    const AppSettings reread(filePath());
    QVERIFY(reread.contains(key));
    const QVariant actual = reread.value(key);
    QCOMPARE(actual.metaType(), AppSettings::keyInfo(key).type);
    QCOMPARE(actual, value);
}

void TestAppSettings::aFileWrittenByAnEarlierVersionLoads()
{
    // As QSettings wrote it before the table existed: INI values are text until read.
    QFile file(filePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[sessions]\n"
               "statusFilter=1\n"
               "usernameFilter=carol\n"
               "newestFirst=false\n"
               "timesInUtc=true\n"
               "[connection]\n"
               "lastProfile=work\n"
               "[export]\n"
               "format=jsonl\n"
               "csvByteOrderMark=true\n"
               "spreadsheetSafe=false\n"
               "[ui]\n"
               "language=ja\n");
    file.close();
    {
        // The per-profile groups, written with their encoded names as the earlier version did.
        QSettings raw(filePath(), QSettings::IniFormat);
        raw.setValue(u"lastPortal/team%2Fblue"_s, u"portal-1"_s);
        raw.setValue(u"qBusinessInstance/default"_s, u"instance-1"_s);
    }

    const AppSettings settings(filePath());
    QCOMPARE(settings.value(Key::StatusFilter), QVariant(int(ListSessionsRequest::StatusFilter::Active)));
    QCOMPARE(settings.value(Key::UsernameFilter), QVariant(u"carol"_s));
    QCOMPARE(settings.value(Key::SortNewestFirst), QVariant(false));
    QCOMPARE(settings.value(Key::TimeModeUtc), QVariant(true));
    QCOMPARE(settings.value(Key::LastProfile).toString(), u"work"_s);
    QCOMPARE(settings.value(Key::ExportFormat).toString(), u"jsonl"_s);
    QCOMPARE(settings.value(Key::ExportByteOrderMark), QVariant(true));
    QCOMPARE(settings.value(Key::ExportSpreadsheetSafe), QVariant(false));
    QCOMPARE(settings.value(Key::Language).toString(), u"ja"_s);
    QCOMPARE(settings.lastPortalId(u"team/blue"_s), u"portal-1"_s);
    QCOMPARE(settings.qBusinessInstanceId(QString()), u"instance-1"_s);
    // Not written: the table's defaults.
    QCOMPARE(settings.value(Key::ExportTimesInUtc), QVariant(true));
    QVERIFY(!settings.contains(Key::WindowGeometry));
}

void TestAppSettings::aValueThatDoesNotConvertGivesTheDefault()
{
    {
        QSettings raw(filePath(), QSettings::IniFormat);
        raw.setValue(AppSettings::keyName(Key::StatusFilter), u"not a number"_s);
    }
    const AppSettings settings(filePath());
    QCOMPARE(settings.value(Key::StatusFilter), AppSettings::defaultValue(Key::StatusFilter));
}

void TestAppSettings::removeMakesTheKeyAbsent()
{
    AppSettings settings(filePath());
    settings.setValue(Key::Language, u"fr"_s);
    QVERIFY(settings.contains(Key::Language));
    settings.remove(Key::Language);
    QVERIFY(!settings.contains(Key::Language));
    QVERIFY(!settings.value(Key::Language).isValid());
}

void TestAppSettings::perProfileKeysAreGroupsOfEncodedProfileNames()
{
    {
        AppSettings settings(filePath());
        settings.setLastPortalId(u"team/blue"_s, u"portal-2"_s);
        settings.setLastPortalId(QString(), u"portal-3"_s);
        settings.setQBusinessInstanceId(u"ops"_s, u"instance-2"_s);
        settings.setQBusinessInstanceId(u"gone"_s, u"instance-3"_s);
        settings.setQBusinessInstanceId(u"gone"_s, QString()); // empty removes
        settings.sync();
    }
    const QSettings raw(filePath(), QSettings::IniFormat);
    QCOMPARE(raw.value(u"lastPortal/team%2Fblue"_s).toString(), u"portal-2"_s);
    QCOMPARE(raw.value(u"lastPortal/default"_s).toString(), u"portal-3"_s);
    QCOMPARE(raw.value(u"qBusinessInstance/ops"_s).toString(), u"instance-2"_s);
    QVERIFY(!raw.contains(u"qBusinessInstance/gone"_s));

    const AppSettings settings(filePath());
    QCOMPARE(settings.lastPortalId(u"team/blue"_s), u"portal-2"_s);
    QCOMPARE(settings.lastPortalId(QString()), u"portal-3"_s);
    QCOMPARE(settings.qBusinessInstanceId(u"ops"_s), u"instance-2"_s);
    QCOMPARE(settings.qBusinessInstanceId(u"gone"_s), QString());
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
