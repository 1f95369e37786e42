// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranslationManager.h"
#include "TsCatalog.h"

#include "api/ApiJson.h"
#include "api/SessionSummary.h"
#include "aws/AwsError.h"
#include "aws/config/EndpointResolver.h"
#include "aws/config/RegionResolver.h"
#include "aws/config/SharedConfigFile.h"
#include "aws/credentials/CommandLineSplitter.h"
#include "aws/credentials/EnvironmentCredentialsProvider.h"
#include "cli/CliArguments.h"
#include "sessions/ExportOptions.h"
#include "sessions/TimeFormat.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonValue>
#include <QTest>
#include <QTranslator>

#include <functional>

using namespace Qt::StringLiterals;

using MessageFunction = std::function<QString()>;
Q_DECLARE_METATYPE(MessageFunction)

/// The catalogs embedded in the programs (:/i18n/*.qm, compiled by lrelease) say what the committed .ts
/// files say, keep their placeholders, and reach the code that asks for them, the core's file-local
/// translate() helpers included.
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLanguageIsEmbedded();
    void compiledCatalogMatchesSource_data();
    void compiledCatalogMatchesSource();
    void knownTexts_data();
    void knownTexts();
    void coreMessagesAreTranslated_data();
    void coreMessagesAreTranslated();

private:
    static QString catalogFor(const QString &language);
};

QString TestTranslations::catalogFor(const QString &language)
{
    for (const QString &path : TsCatalog::committedCatalogs()) {
        if (QFileInfo(path).completeBaseName() == u"sessionscope_"_s + language)
            return path;
    }
    return {};
}

void TestTranslations::everyLanguageIsEmbedded()
{
    QStringList expected;
    for (const QString &path : TsCatalog::committedCatalogs())
        expected << QFileInfo(path).completeBaseName().mid(int(qstrlen("sessionscope_")));
    expected.sort();
    QCOMPARE(TranslationManager::availableLanguages(), expected);
    QVERIFY(expected.contains(u"en"_s));
    QVERIFY(expected.size() >= 6);
    for (const QString &language : std::as_const(expected)) {
        QTranslator translator;
        QVERIFY2(translator.load(u"sessionscope_"_s + language, TranslationManager::catalogDirectory()),
                 qPrintable(language));
        QVERIFY(!translator.isEmpty());
    }
}

void TestTranslations::compiledCatalogMatchesSource_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : TranslationManager::availableLanguages())
        QTest::newRow(qPrintable(language)) << language;
}

void TestTranslations::compiledCatalogMatchesSource()
{
    QFETCH(QString, language);
    QString error;
    const std::optional<TsCatalog> catalog = TsCatalog::read(catalogFor(language), &error);
    QVERIFY2(catalog, qPrintable(error));
    QTranslator translator;
    QVERIFY(translator.load(u"sessionscope_"_s + language, TranslationManager::catalogDirectory()));

    const int forms = TsCatalog::pluralFormCount(catalog->language());
    int checked = 0;
    for (const TsMessage &m : catalog->messages()) {
        const QByteArray context = m.context.toUtf8();
        const QByteArray source = m.source.toUtf8();
        const QByteArray comment = m.comment.toUtf8();
        const char *disambiguation = m.comment.isEmpty() ? nullptr : comment.constData();
        if (!m.numerus) {
            const QString compiled =
                translator.translate(context.constData(), source.constData(), disambiguation);
            QVERIFY2(compiled == m.translations.value(0), qPrintable(m.label() + u" -> "_s + compiled));
            QCOMPARE(TsCatalog::placeholders(compiled), TsCatalog::placeholders(m.source));
            ++checked;
            continue;
        }
        // Counts that reach every plural form of the languages shipped (one form, or "one" and "other").
        QSet<QString> seen;
        for (const int n : {0, 1, 2, 5, 21, 101}) {
            const QString compiled =
                translator.translate(context.constData(), source.constData(), disambiguation, n);
            QVERIFY2(m.translations.contains(compiled), qPrintable(m.label() + u" -> "_s + compiled));
            QCOMPARE(TsCatalog::placeholders(compiled), TsCatalog::placeholders(m.source));
            seen.insert(compiled);
        }
        const QSet<QString> all(m.translations.cbegin(), m.translations.cend());
        QVERIFY2(seen == all || int(all.size()) < forms,
                 qPrintable(m.label() + u": a plural form is never used"_s));
        ++checked;
    }
    QCOMPARE(checked, int(catalog->messages().size()));
}

void TestTranslations::knownTexts_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");

    // The English catalog only spells out plurals; everything else reads as written.
    QTest::newRow("en one") << u"en"_s << u"ExpireSessionsDialog"_s << u"%n session(s)"_s << 1
                            << u"1 session"_s;
    QTest::newRow("en many") << u"en"_s << u"ExpireSessionsDialog"_s << u"%n session(s)"_s << 5
                             << u"5 sessions"_s;
    QTest::newRow("en zero") << u"en"_s << u"ExpireSessionsDialog"_s << u"%n session(s)"_s << 0
                             << u"0 sessions"_s;
    QTest::newRow("en button") << u"en"_s << u"ExpireSessionsDialog"_s << u"&Expire %n session(s)"_s << 1
                               << u"&Expire 1 session"_s;
    QTest::newRow("en singular text") << u"en"_s << u"MainWindowActions"_s << u"&File"_s << -1 << u"&File"_s;
    QTest::newRow("de menu") << u"de"_s << u"MainWindowActions"_s << u"&File"_s << -1 << u"&Datei"_s;
    QTest::newRow("de one") << u"de"_s << u"ExpireSessionsDialog"_s << u"%n session(s)"_s << 1
                            << u"1 Sitzung"_s;
    QTest::newRow("de many") << u"de"_s << u"ExpireSessionsDialog"_s << u"%n session(s)"_s << 3
                             << u"3 Sitzungen"_s;
    QTest::newRow("de status") << u"de"_s << u"SessionFilterBar"_s << u"Active"_s << -1 << u"Aktiv"_s;
    QTest::newRow("fr zero is singular")
        << u"fr"_s << u"ExpireSessionsDialog"_s << u"%n session(s)"_s << 0 << u"0 session"_s;
    QTest::newRow("fr many") << u"fr"_s << u"ExpireSessionsDialog"_s << u"%n session(s)"_s << 2
                             << u"2 sessions"_s;
    QTest::newRow("fr menu") << u"fr"_s << u"MainWindowActions"_s << u"&File"_s << -1 << u"&Fichier"_s;
    QTest::newRow("es many") << u"es"_s << u"ExpireSessionsDialog"_s << u"%n session(s)"_s << 7
                             << u"7 sesiones"_s;
    QTest::newRow("es menu") << u"es"_s << u"MainWindowActions"_s << u"&File"_s << -1 << u"&Archivo"_s;
    QTest::newRow("ja menu") << u"ja"_s << u"MainWindowActions"_s << u"&File"_s << -1 << u"ファイル(&F)"_s;
    QTest::newRow("ja count") << u"ja"_s << u"ExpireSessionsDialog"_s << u"%n session(s)"_s << 4
                              << u"4 件のセッション"_s;
    QTest::newRow("zh menu") << u"zh_CN"_s << u"MainWindowActions"_s << u"&File"_s << -1 << u"文件(&F)"_s;
    QTest::newRow("zh count") << u"zh_CN"_s << u"ExpireSessionsDialog"_s << u"%n session(s)"_s << 1
                              << u"1 个会话"_s;
    QTest::newRow("zh status") << u"zh_CN"_s << u"SessionFilterBar"_s << u"Terminated"_s << -1 << u"已终止"_s;
}

void TestTranslations::knownTexts()
{
    QFETCH(QString, language);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    TranslationManager translations;
    QCOMPARE(translations.install(language), language);
    const QByteArray c = context.toUtf8();
    const QByteArray s = source.toUtf8();
    QCOMPARE(QCoreApplication::translate(c.constData(), s.constData(), nullptr, n), expected);
}

void TestTranslations::coreMessagesAreTranslated_data()
{
    QTest::addColumn<MessageFunction>("message");

    // Each of these classes translates through a helper of its own rather than QObject::tr(); lupdate
    // guesses their context from the class name. A context that does not match would leave them English.
    QTest::newRow("AwsError") << MessageFunction(
        [] { return AwsError(AwsError::Category::Throttled, u"Rate exceeded"_s).userMessage(); });
    QTest::newRow("AwsError log line") << MessageFunction([] {
        return AwsError(AwsError::Category::Server, u"x"_s)
            .setCode(u"X"_s)
            .setRequestId(u"r-1"_s)
            .toLogLine();
    });
    QTest::newRow("CommandLineSplitter") << MessageFunction(
        [] { return CommandLineSplitter::split(u"aws 'unterminated"_s).error().message(); });
    QTest::newRow("ApiJson") << MessageFunction(
        [] { return ApiJson::decodeTimestamp(QJsonValue(true), u"startTime"_s).error().message(); });
    QTest::newRow("EndpointResolver") << MessageFunction([] {
        return EndpointResolver::validate(u"ftp://example.com"_s, u"--endpoint-url"_s).error().message();
    });
    QTest::newRow("RegionResolver") << MessageFunction([] {
        return RegionResolver::resolve(u"us-east-1a"_s, QProcessEnvironment(), {}, u"dev"_s,
                                       u"~/.aws/config"_s)
            .error()
            .message();
    });
    QTest::newRow("EnvironmentCredentialsProvider") << MessageFunction([] {
        QProcessEnvironment env;
        env.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIAIOSFODNN7EXAMPLE"_s);
        return EnvironmentCredentialsProvider::read(env, QDateTime::currentDateTimeUtc()).error().message();
    });
    QTest::newRow("SharedConfigFile") << MessageFunction([] {
        return SharedConfigFile::parse("[default\n", SharedConfigFile::Kind::Credentials, u"credentials"_s)
            .error()
            .message();
    });
    QTest::newRow("CliArguments") << MessageFunction([] {
        QString error;
        CliArguments::parse({u"frobnicate"_s}, &error);
        return error;
    });
    QTest::newRow("CliArguments help")
        << MessageFunction([] { return CliArguments::helpText(CliArguments::Command::None); });
    QTest::newRow("ExportOptions") << MessageFunction(
        [] { return ExportOptions::parseColumns(u"sessionId,nope"_s).error().message(); });
    QTest::newRow("TimeFormat") << MessageFunction([] { return TimeFormat::runningFor(3 * 3600 + 60); });
    QTest::newRow("SessionSummary") << MessageFunction(
        [] { return SessionSummary::statusDisplay(SessionStatus::Active, QString()); });
}

void TestTranslations::coreMessagesAreTranslated()
{
    QFETCH(MessageFunction, message);
    const QString english = message();
    QVERIFY(!english.isEmpty());
    for (const QString &language : {u"de"_s, u"ja"_s}) {
        TranslationManager translations;
        QCOMPARE(translations.install(language), language);
        const QString translated = message();
        QVERIFY2(translated != english, qPrintable(language + u": still English: "_s + translated));
        QVERIFY2(!translated.contains(u'%'), qPrintable(language + u": placeholder left: "_s + translated));
    }
    QCOMPARE(message(), english); // the translators are gone with the manager
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
