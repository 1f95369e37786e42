// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

/// Chooses the user interface language and installs SessionScope's catalog (embedded under :/i18n) and
/// Qt's own (qtbase_*.qm, for standard dialogs and buttons) on the application. Qt Core only: the GUI and
/// the CLI share it. Without a catalog for the language the English one is used, which only holds the
/// plural forms ("1 session", "5 sessions").
class TranslationManager
{
public:
    TranslationManager();
    /// Removes the translators it installed.
    ~TranslationManager();

    TranslationManager(const TranslationManager &) = delete;
    TranslationManager &operator=(const TranslationManager &) = delete;

    /// The languages SessionScope has catalogs for, e.g. {"de", "en", "es", "fr", "ja", "zh_CN"}.
    static QStringList availableLanguages();
    /// The name of a language in that language: "Deutsch", "日本語", "简体中文".
    static QString nativeName(const QString &language);

    /// The catalog that serves `language` ("de-AT" -> "de", "zh_Hans" -> "zh_CN", "zh_TW" -> none);
    /// empty when there is none.
    static QString catalogFor(const QString &language, const QStringList &available = availableLanguages());
    /// The user's languages, most preferred first, as the C library sees them on Unix: LC_ALL, LC_MESSAGES
    /// or LANG, preceded by the list in LANGUAGE unless that locale is C or POSIX. Elsewhere, the system's.
    static QStringList
    systemLanguages(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    /// The catalog for the first of `preferred` that has one, else "en".
    static QString chooseLanguage(const QStringList &preferred,
                                  const QStringList &available = availableLanguages());
    /// The value of --language in a command line ("--language ja" or "--language=ja"), empty when absent.
    static QString languageFromArguments(const QStringList &arguments);

    /// Installs the catalogs of `language` (one of availableLanguages(); empty or unknown: the system's
    /// languages) and returns the language installed. An explicit language also becomes QLocale's default.
    QString install(const QString &language = {},
                    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    /// The language installed, empty before install().
    QString language() const { return m_language; }
    /// The path of the Qt catalog installed, empty when Qt has none for the language or it is not installed.
    QString qtCatalogPath() const { return m_qtCatalogPath; }

    /// Where SessionScope's catalogs are embedded.
    static QString catalogDirectory();
    /// Where Qt's own catalogs are (QLibraryInfo::TranslationsPath).
    static QString qtCatalogDirectory();

private:
    void uninstall();

    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
    QString m_language;
    QString m_qtCatalogPath;
};
