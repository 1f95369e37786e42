// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranslationManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcTranslations, "sessionscope.translations", QtWarningMsg)

const QString catalogPrefix = u"sessionscope_"_s;
const QString qtCatalogPrefix = u"qtbase_"_s;

// "ja_JP.UTF-8@mod" -> "ja_JP"; "zh-Hans-CN" -> "zh_Hans_CN".
QString bareLocaleName(const QString &name)
{
    QString bare = name.trimmed();
    if (const qsizetype at = bare.indexOf(u'@'); at >= 0)
        bare.truncate(at);
    if (const qsizetype dot = bare.indexOf(u'.'); dot >= 0)
        bare.truncate(dot);
    bare.replace(u'-', u'_');
    return bare;
}

bool isCLocale(const QString &name)
{
    const QString bare = bareLocaleName(name);
    return bare.isEmpty() || bare == u"C" || bare == u"POSIX";
}

} // namespace

TranslationManager::TranslationManager() = default;

TranslationManager::~TranslationManager()
{
    uninstall();
}

QString TranslationManager::catalogDirectory()
{
    return u":/i18n"_s;
}

QString TranslationManager::qtCatalogDirectory()
{
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
}

QStringList TranslationManager::availableLanguages()
{
    QStringList languages;
    const QStringList files =
        QDir(catalogDirectory()).entryList({catalogPrefix + u"*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages.append(file.mid(catalogPrefix.size()).chopped(3));
    return languages;
}

QString TranslationManager::nativeName(const QString &language)
{
    // Written out rather than taken from QLocale, which says "American English" and "español".
    static const QList<std::pair<QString, QString>> names = {
        {u"de"_s, u"Deutsch"_s},  {u"en"_s, u"English"_s}, {u"es"_s, u"Español"_s},
        {u"fr"_s, u"Français"_s}, {u"ja"_s, u"日本語"_s},  {u"zh_CN"_s, u"简体中文"_s},
    };
    for (const auto &[code, name] : names) {
        if (code == language)
            return name;
    }
    return QLocale(language).nativeLanguageName();
}

QString TranslationManager::catalogFor(const QString &language, const QStringList &available)
{
    const QString bare = bareLocaleName(language);
    if (isCLocale(bare))
        return {};
    for (const QString &code : available) {
        if (code.compare(bare, Qt::CaseInsensitive) == 0)
            return code;
    }
    const QLocale wanted(bare);
    if (wanted.language() == QLocale::C || wanted.language() == QLocale::AnyLanguage)
        return {};
    for (const QString &code : available) {
        const QLocale candidate(code);
        if (candidate.language() != wanted.language())
            continue;
        // Chinese is two written languages: a Traditional reader is not served by Simplified characters.
        if (wanted.language() == QLocale::Chinese && candidate.script() != wanted.script())
            continue;
        return code;
    }
    return {};
}

QStringList TranslationManager::systemLanguages(const QProcessEnvironment &env)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // As gettext does: the locale for messages decides, and LANGUAGE refines it unless that locale is C,
    // so LC_ALL=C gives English output whatever LANGUAGE says.
    QString messages;
    for (const QString &name : {u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANG"_s}) {
        messages = env.value(name);
        if (!messages.isEmpty())
            break;
    }
    if (isCLocale(messages))
        return {};
    QStringList languages = env.value(u"LANGUAGE"_s).split(u':', Qt::SkipEmptyParts);
    languages.append(messages);
    return languages;
#else
    Q_UNUSED(env);
    return QLocale::system().uiLanguages();
#endif
}

QString TranslationManager::chooseLanguage(const QStringList &preferred, const QStringList &available)
{
    for (const QString &language : preferred) {
        const QString code = catalogFor(language, available);
        if (!code.isEmpty())
            return code;
    }
    return u"en"_s;
}

QString TranslationManager::languageFromArguments(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--")
            break;
        if (argument.startsWith(u"--language="))
            return argument.mid(11);
        if (argument == u"--language" && i + 1 < arguments.size())
            return arguments.at(i + 1);
    }
    return {};
}

QString TranslationManager::install(const QString &language, const QProcessEnvironment &env)
{
    uninstall();
    const QString requested = language.isEmpty() ? QString() : catalogFor(language);
    if (!language.isEmpty() && requested.isEmpty())
        qCWarning(lcTranslations).noquote()
            << "No catalog for the language" << language << "- following the system's languages.";
    const QString chosen = requested.isEmpty() ? chooseLanguage(systemLanguages(env)) : requested;

    auto appTranslator = std::make_unique<QTranslator>();
    if (appTranslator->load(catalogPrefix + chosen, catalogDirectory())) {
        QCoreApplication::installTranslator(appTranslator.get());
        m_appTranslator = std::move(appTranslator);
    } else {
        qCWarning(lcTranslations).noquote() << "SessionScope's catalog for" << chosen << "is not embedded.";
    }

    // Qt's catalog in the same language, so standard buttons and dialogs match the rest of the window.
    auto qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load(qtCatalogPrefix + chosen, qtCatalogDirectory())) {
        QCoreApplication::installTranslator(qtTranslator.get());
        m_qtCatalogPath = qtTranslator->filePath();
        m_qtTranslator = std::move(qtTranslator);
    } else {
        qCDebug(lcTranslations).noquote() << "No Qt catalog for" << chosen << "in" << qtCatalogDirectory();
    }

    if (!requested.isEmpty() && QLocale().language() != QLocale(requested).language())
        QLocale::setDefault(QLocale(requested));
    m_language = chosen;
    return chosen;
}

void TranslationManager::uninstall()
{
    // After the application object is gone there is nothing to remove the translators from.
    if (QCoreApplication::instance()) {
        if (m_appTranslator)
            QCoreApplication::removeTranslator(m_appTranslator.get());
        if (m_qtTranslator)
            QCoreApplication::removeTranslator(m_qtTranslator.get());
    }
    m_appTranslator.reset();
    m_qtTranslator.reset();
    m_language.clear();
    m_qtCatalogPath.clear();
}
