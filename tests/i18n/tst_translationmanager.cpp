// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranslationManager.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

/// Which catalog a user gets: from the locale variables as gettext reads them, from --language, or from
/// the language chosen in the settings; and that installing it translates SessionScope and Qt alike.
class TestTranslationManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void catalogFor_data();
    void catalogFor();
    void systemLanguages_data();
    void systemLanguages();
    void chooseLanguage_data();
    void chooseLanguage();
    void languageFromArguments_data();
    void languageFromArguments();
    void nativeNames();
    void installFollowsTheEnvironment_data();
    void installFollowsTheEnvironment();
    void explicitLanguageWinsAndSetsTheLocale();
    void unknownLanguageFallsBackToTheSystem();
    void qtCatalogIsInstalledToo();
    void uninstallsOnDestruction();

private:
    static QStringList shipped() { return {u"de"_s, u"en"_s, u"es"_s, u"fr"_s, u"ja"_s, u"zh_CN"_s}; }
    static QProcessEnvironment environment(const QStringList &assignments);
};

void TestTranslationManager::init()
{
    // Whatever the machine's locale, each test starts from C formats; an explicit language changes them.
    QLocale::setDefault(QLocale::c());
}

void TestTranslationManager::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

QProcessEnvironment TestTranslationManager::environment(const QStringList &assignments)
{
    QProcessEnvironment env;
    for (const QString &assignment : assignments)
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    return env;
}

void TestTranslationManager::catalogFor_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("catalog");
    QTest::newRow("exact") << u"de"_s << u"de"_s;
    QTest::newRow("locale with codeset") << u"de_DE.UTF-8"_s << u"de"_s;
    QTest::newRow("BCP 47") << u"de-AT"_s << u"de"_s;
    QTest::newRow("modifier") << u"fr_FR.UTF-8@euro"_s << u"fr"_s;
    QTest::newRow("Canadian French") << u"fr_CA"_s << u"fr"_s;
    QTest::newRow("Mexican Spanish") << u"es_MX"_s << u"es"_s;
    QTest::newRow("Japanese") << u"ja_JP.UTF-8"_s << u"ja"_s;
    QTest::newRow("British English") << u"en_GB"_s << u"en"_s;
    QTest::newRow("Chinese, China") << u"zh_CN.UTF-8"_s << u"zh_CN"_s;
    QTest::newRow("Chinese, simplified script") << u"zh-Hans"_s << u"zh_CN"_s;
    QTest::newRow("Chinese, Singapore") << u"zh_SG"_s << u"zh_CN"_s;
    QTest::newRow("Chinese, plain") << u"zh"_s << u"zh_CN"_s;
    QTest::newRow("Chinese, Taiwan: traditional script") << u"zh_TW"_s << QString();
    QTest::newRow("Chinese, Hong Kong: traditional script") << u"zh_HK"_s << QString();
    QTest::newRow("Italian: none") << u"it_IT"_s << QString();
    QTest::newRow("Brazilian Portuguese: none") << u"pt_BR"_s << QString();
    QTest::newRow("C") << u"C"_s << QString();
    QTest::newRow("C.UTF-8") << u"C.UTF-8"_s << QString();
    QTest::newRow("POSIX") << u"POSIX"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("garbage") << u"xx_YY"_s << QString();
}

void TestTranslationManager::catalogFor()
{
    QFETCH(QString, language);
    QFETCH(QString, catalog);
    QCOMPARE(TranslationManager::catalogFor(language, shipped()), catalog);
}

void TestTranslationManager::systemLanguages_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QStringList>("languages");
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    QTest::newRow("nothing set") << QStringList() << QStringList();
    QTest::newRow("LANG") << QStringList{u"LANG=de_DE.UTF-8"_s} << QStringList{u"de_DE.UTF-8"_s};
    QTest::newRow("LC_MESSAGES before LANG")
        << QStringList{u"LANG=de_DE.UTF-8"_s, u"LC_MESSAGES=fr_FR.UTF-8"_s} << QStringList{u"fr_FR.UTF-8"_s};
    QTest::newRow("LC_ALL before all")
        << QStringList{u"LANG=de_DE.UTF-8"_s, u"LC_MESSAGES=fr_FR.UTF-8"_s, u"LC_ALL=ja_JP.UTF-8"_s}
        << QStringList{u"ja_JP.UTF-8"_s};
    QTest::newRow("LANGUAGE refines") << QStringList{u"LANG=en_US.UTF-8"_s, u"LANGUAGE=ja:de"_s}
                                      << QStringList{u"ja"_s, u"de"_s, u"en_US.UTF-8"_s};
    QTest::newRow("LANGUAGE ignored under C")
        << QStringList{u"LC_ALL=C.UTF-8"_s, u"LANGUAGE=ja"_s} << QStringList();
    QTest::newRow("LANGUAGE ignored without a locale") << QStringList{u"LANGUAGE=ja"_s} << QStringList();
#endif
}

void TestTranslationManager::systemLanguages()
{
#if !defined(Q_OS_UNIX) || defined(Q_OS_DARWIN)
    QSKIP("The locale variables decide only on Unix desktops.");
#endif
    QFETCH(QStringList, env);
    QFETCH(QStringList, languages);
    QCOMPARE(TranslationManager::systemLanguages(environment(env)), languages);
}

void TestTranslationManager::chooseLanguage_data()
{
    QTest::addColumn<QStringList>("preferred");
    QTest::addColumn<QString>("chosen");
    QTest::newRow("first with a catalog") << QStringList{u"it"_s, u"de"_s} << u"de"_s;
    QTest::newRow("first wins") << QStringList{u"fr_CA"_s, u"de"_s} << u"fr"_s;
    QTest::newRow("traditional Chinese skipped") << QStringList{u"zh_TW"_s, u"ja"_s} << u"ja"_s;
    QTest::newRow("none: English") << QStringList{u"it"_s, u"pt"_s} << u"en"_s;
    QTest::newRow("nothing: English") << QStringList() << u"en"_s;
}

void TestTranslationManager::chooseLanguage()
{
    QFETCH(QStringList, preferred);
    QFETCH(QString, chosen);
    QCOMPARE(TranslationManager::chooseLanguage(preferred, shipped()), chosen);
}

void TestTranslationManager::languageFromArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("language");
    QTest::newRow("separate") << QStringList{u"sessionscope"_s, u"--demo"_s, u"--language"_s, u"ja"_s}
                              << u"ja"_s;
    QTest::newRow("joined") << QStringList{u"sessionscope"_s, u"--language=zh_CN"_s} << u"zh_CN"_s;
    QTest::newRow("absent") << QStringList{u"sessionscope"_s, u"--demo"_s} << QString();
    QTest::newRow("no value") << QStringList{u"sessionscope"_s, u"--language"_s} << QString();
    QTest::newRow("after --") << QStringList{u"sessionscope"_s, u"--"_s, u"--language"_s, u"de"_s}
                              << QString();
}

void TestTranslationManager::languageFromArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, language);
    QCOMPARE(TranslationManager::languageFromArguments(arguments), language);
}

void TestTranslationManager::nativeNames()
{
    QCOMPARE(TranslationManager::nativeName(u"de"_s), u"Deutsch"_s);
    QCOMPARE(TranslationManager::nativeName(u"ja"_s), u"日本語"_s);
    QCOMPARE(TranslationManager::nativeName(u"zh_CN"_s), u"简体中文"_s);
    for (const QString &language : TranslationManager::availableLanguages())
        QVERIFY2(!TranslationManager::nativeName(language).isEmpty(), qPrintable(language));
}

void TestTranslationManager::installFollowsTheEnvironment_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    QTest::newRow("Japanese") << QStringList{u"LANG=ja_JP.UTF-8"_s} << u"ja"_s << u"ファイル(&F)"_s;
    QTest::newRow("German by LANGUAGE")
        << QStringList{u"LANG=en_US.UTF-8"_s, u"LANGUAGE=it:de"_s} << u"de"_s << u"&Datei"_s;
    QTest::newRow("C locale") << QStringList{u"LC_ALL=C.UTF-8"_s, u"LANGUAGE=ja"_s} << u"en"_s << u"&File"_s;
    QTest::newRow("Italian: English") << QStringList{u"LANG=it_IT.UTF-8"_s} << u"en"_s << u"&File"_s;
#endif
}

void TestTranslationManager::installFollowsTheEnvironment()
{
#if !defined(Q_OS_UNIX) || defined(Q_OS_DARWIN)
    QSKIP("The locale variables decide only on Unix desktops.");
#endif
    QFETCH(QStringList, env);
    QFETCH(QString, language);
    QFETCH(QString, file);
    TranslationManager translations;
    QCOMPARE(translations.install({}, environment(env)), language);
    QCOMPARE(translations.language(), language);
    QCOMPARE(QCoreApplication::translate("MainWindowActions", "&File"), file);
    // Following the system leaves number and date formats to the system.
    QCOMPARE(QLocale().language(), QLocale::C);
}

void TestTranslationManager::explicitLanguageWinsAndSetsTheLocale()
{
    TranslationManager translations;
    QCOMPARE(translations.install(u"fr"_s, environment({u"LANG=ja_JP.UTF-8"_s})), u"fr"_s);
    QCOMPARE(QCoreApplication::translate("MainWindowActions", "&File"), u"&Fichier"_s);
    QCOMPARE(QLocale().language(), QLocale::French);
    // Installing again replaces the catalog rather than stacking a second one.
    QCOMPARE(translations.install(u"es"_s), u"es"_s);
    QCOMPARE(QCoreApplication::translate("MainWindowActions", "&File"), u"&Archivo"_s);
}

void TestTranslationManager::unknownLanguageFallsBackToTheSystem()
{
    TranslationManager translations;
    QTest::ignoreMessage(QtWarningMsg,
                         "No catalog for the language klingon - following the system's languages.");
    QCOMPARE(translations.install(u"klingon"_s, environment({u"LANG=de_DE.UTF-8"_s})), u"de"_s);
    QCOMPARE(QLocale().language(), QLocale::C);
}

void TestTranslationManager::qtCatalogIsInstalledToo()
{
    const QString qtCatalog = TranslationManager::qtCatalogDirectory() + u"/qtbase_de.qm"_s;
    if (!QFile::exists(qtCatalog))
        QSKIP(qPrintable(
            u"Qt's own catalogs are not installed (%1; Debian: qt6-translations-l10n)"_s.arg(qtCatalog)));
    TranslationManager translations;
    translations.install(u"de"_s);
    QCOMPARE(translations.qtCatalogPath(), qtCatalog);
    // The standard buttons of Qt's dialogs.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
}

void TestTranslationManager::uninstallsOnDestruction()
{
    {
        TranslationManager translations;
        translations.install(u"ja"_s);
        QCOMPARE(QCoreApplication::translate("MainWindowActions", "&File"), u"ファイル(&F)"_s);
    }
    QCOMPARE(QCoreApplication::translate("MainWindowActions", "&File"), u"&File"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
}

QTEST_GUILESS_MAIN(TestTranslationManager)
#include "tst_translationmanager.moc"
