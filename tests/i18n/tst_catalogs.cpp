// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TsCatalog.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

/// The committed catalogs are complete and careful: every text translated, no leftovers, and the
/// placeholders, accelerators, markup and names that must not change are still there.
class TestCatalogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCatalogIsBuilt();
    void complete_data() { catalogRows(); }
    void complete();
    void languageMatchesFileName_data() { catalogRows(); }
    void languageMatchesFileName();
    void placeholdersKept_data() { catalogRows(); }
    void placeholdersKept();
    void acceleratorsAndMarkupKept_data() { catalogRows(); }
    void acceleratorsAndMarkupKept();
    void namesAndTokensUntranslated_data() { catalogRows(); }
    void namesAndTokensUntranslated();

private:
    static QStringList catalogFiles();
    static void catalogRows();
    static TsCatalog load(const QString &path);
    static bool pluralOnly(const QString &path) { return path.endsWith(u"_en.ts"); }
    /// The finished texts of the catalog's messages that translate something.
    static QList<std::pair<const TsMessage *, QString>> texts(const TsCatalog &catalog);
    static void failWith(const QStringList &problems, const QString &path);
};

QStringList TestCatalogs::catalogFiles()
{
    return TsCatalog::committedCatalogs();
}

void TestCatalogs::catalogRows()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : catalogFiles())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

TsCatalog TestCatalogs::load(const QString &path)
{
    QString error;
    const std::optional<TsCatalog> catalog = TsCatalog::read(path, &error);
    if (!catalog)
        qFatal("cannot read %s: %s", qPrintable(path), qPrintable(error));
    return *catalog;
}

QList<std::pair<const TsMessage *, QString>> TestCatalogs::texts(const TsCatalog &catalog)
{
    QList<std::pair<const TsMessage *, QString>> result;
    for (const TsMessage &m : catalog.messages()) {
        if (!m.type.isEmpty())
            continue; // complete() reports those
        for (const QString &text : m.translations)
            result.append({&m, text});
    }
    return result;
}

void TestCatalogs::failWith(const QStringList &problems, const QString &path)
{
    if (problems.isEmpty())
        return;
    for (const QString &problem : problems)
        qWarning().noquote() << problem;
    QFAIL(qPrintable(
        u"%1: %2 problem(s), listed above"_s.arg(QFileInfo(path).fileName()).arg(problems.size())));
}

void TestCatalogs::everyCatalogIsBuilt()
{
    // A .ts file in translations/ that CMake does not list would be translated and never shipped.
    QStringList listed;
    for (const QString &path : catalogFiles())
        listed.append(QFileInfo(path).fileName());
    const QDir dir(QFileInfo(catalogFiles().value(0)).absolutePath());
    const QStringList present = dir.entryList({u"*.ts"_s}, QDir::Files);
    QVERIFY2(!present.isEmpty(), qPrintable(dir.path()));
    for (const QString &file : present)
        QVERIFY2(listed.contains(file),
                 qPrintable(file + u" is not listed in translations/CMakeLists.txt"_s));
    for (const QString &file : listed)
        QVERIFY2(present.contains(file), qPrintable(file + u" is listed but missing"_s));
}

void TestCatalogs::complete()
{
    QFETCH(QString, path);
    const TsCatalog catalog = load(path);
    QVERIFY(!catalog.messages().isEmpty());
    const int forms = TsCatalog::pluralFormCount(catalog.language());
    QStringList problems;
    for (const TsMessage &m : catalog.messages()) {
        if (m.type == u"unfinished")
            problems << u"unfinished: "_s + m.label();
        else if (m.type == u"vanished" || m.type == u"obsolete")
            problems << u"no longer in the code (run translations/update.sh): "_s + m.label();
        else if (!m.type.isEmpty())
            problems << u"translation type \"%1\": "_s.arg(m.type) + m.label();
        if (pluralOnly(path) && !m.numerus)
            problems << u"the English catalog holds plural forms only: "_s + m.label();
        if (m.numerus && m.translations.size() != forms)
            problems << u"%1 plural form(s) instead of %2: "_s.arg(m.translations.size()).arg(forms) +
                            m.label();
        if (!m.numerus && m.translations.size() != 1)
            problems << u"no translation element: "_s + m.label();
        for (const QString &text : m.translations) {
            if (text.trimmed().isEmpty())
                problems << u"empty translation: "_s + m.label();
        }
    }
    failWith(problems, path);
}

void TestCatalogs::languageMatchesFileName()
{
    QFETCH(QString, path);
    const TsCatalog catalog = load(path);
    // sessionscope_zh_CN.ts -> zh_CN; the catalog may name the territory too (de -> de_DE).
    const QString fromName = QFileInfo(path).completeBaseName().section(u'_', 1);
    QVERIFY2(catalog.language() == fromName || catalog.language().startsWith(fromName + u'_'),
             qPrintable(catalog.language() + u" vs "_s + fromName));
}

void TestCatalogs::placeholdersKept()
{
    QFETCH(QString, path);
    const TsCatalog catalog = load(path);
    QStringList problems;
    for (const auto &[m, text] : texts(catalog)) {
        const QStringList expected = TsCatalog::placeholders(m->source);
        const QStringList actual = TsCatalog::placeholders(text);
        if (expected != actual) {
            problems << u"placeholders %1 became %2: "_s.arg(expected.join(u' '), actual.join(u' ')) +
                            m->label() + u" -> \""_s + text + u'"';
        }
    }
    failWith(problems, path);
}

void TestCatalogs::acceleratorsAndMarkupKept()
{
    QFETCH(QString, path);
    const TsCatalog catalog = load(path);
    QStringList problems;
    for (const auto &[m, text] : texts(catalog)) {
        if (TsCatalog::acceleratorCount(m->source) != TsCatalog::acceleratorCount(text))
            problems << u"accelerator (&) lost or added: "_s + m->label() + u" -> \""_s + text + u'"';
        if (TsCatalog::htmlTags(m->source) != TsCatalog::htmlTags(text))
            problems << u"HTML tags changed: "_s + m->label() + u" -> \""_s + text + u'"';
        // Tooltips, help texts and terminal output keep their line structure.
        if (m->source.count(u'\n') != text.count(u'\n'))
            problems
                << u"%1 line break(s) instead of %2: "_s.arg(text.count(u'\n')).arg(m->source.count(u'\n')) +
                       m->label();
        if (m->source.endsWith(u'\n') != text.endsWith(u'\n'))
            problems << u"final line break lost or added: "_s + m->label();
    }
    failWith(problems, path);
}

void TestCatalogs::namesAndTokensUntranslated()
{
    QFETCH(QString, path);
    const TsCatalog catalog = load(path);
    // Product and API names, command-line options, environment variables, key names and AWS terms stay
    // as they are in every language.
    static const QStringList names = {
        u"Amazon WorkSpaces Secure Browser"_s,
        u"WorkSpaces Secure Browser"_s,
        u"WorkSpaces Web"_s,
        u"Amazon Q Apps"_s,
        u"Amazon Q Business"_s,
        u"Q Business"_s,
        u"Q App"_s,
        u"AWS"_s,
        u"IAM"_s,
        u"ARN"_s,
        u"SessionScope"_s,
        u"UTC"_s,
        u"JSON"_s,
        u"CSV"_s,
        u"UUID"_s,
        u"credential_process"_s,
        u"~/.aws"_s,
    };
    static const QRegularExpression tokens(
        u"(?<![\\w-])--[a-z][a-z0-9-]*|\\bAWS_[A-Z_]+\\b|\\b(?:Ctrl|Shift|Alt)\\+\\w+|"
        u"\\baws_[a-z_]+\\b|\\barn:[\\w:/-]+(?:\\.[\\w:/-]+)*|https?://[\\w/:-]*(?:\\.[\\w/:-]+)*"_s);
    QStringList problems;
    for (const auto &[m, text] : texts(catalog)) {
        for (const QString &name : names) {
            if (m->source.contains(name) && !text.contains(name))
                problems << u"\"%1\" must stay as it is: "_s.arg(name) + m->label() + u" -> \""_s + text +
                                u'"';
        }
        for (auto it = tokens.globalMatch(m->source); it.hasNext();) {
            const QString token = it.next().captured();
            if (!text.contains(token))
                problems << u"\"%1\" must stay as it is: "_s.arg(token) + m->label() + u" -> \""_s + text +
                                u'"';
        }
    }
    failWith(problems, path);
}

QTEST_GUILESS_MAIN(TestCatalogs)
#include "tst_catalogs.moc"
