// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "common/AppSettings.h"
#include "common/LanguageMenu.h"
#include "common/TranslationManager.h"
#include "help/ShortcutCatalog.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;

/// View > Language: lists the system's language and every embedded catalog by its own name, remembers
/// the choice for the next start, and says when it applies.
class TestLanguageMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsEveryLanguage();
    void choiceIsRememberedForTheNextStart_data();
    void choiceIsRememberedForTheNextStart();
    void mainWindowOffersIt();
    void accessKeyMarkersNeverShow_data();
    void accessKeyMarkersNeverShow();

private:
    static QMessageBox *takeNotice();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestLanguageMenu::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
}

void TestLanguageMenu::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

QMessageBox *TestLanguageMenu::takeNotice()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QMessageBox *>(widget);
            box && box->objectName() == u"languageChangedMessageBox" && box->isVisible())
            return box;
    }
    return nullptr;
}

void TestLanguageMenu::listsEveryLanguage()
{
    LanguageMenu menu(m_settings.get());
    QCOMPARE(menu.objectName(), u"languageMenu"_s);
    auto *system = menu.findChild<QAction *>(u"languageAction_system"_s);
    QVERIFY(system);
    QVERIFY(system->isChecked());
    const QStringList languages = TranslationManager::availableLanguages();
    QVERIFY(languages.size() >= 6);
    for (const QString &language : languages) {
        auto *action = menu.findChild<QAction *>(u"languageAction_"_s + language);
        QVERIFY2(action, qPrintable(language));
        QVERIFY(
            action->text().endsWith(TranslationManager::nativeName(language))); // after a numbered access key
        QVERIFY(action->isCheckable());
        QVERIFY(!action->isChecked());
    }
}

void TestLanguageMenu::choiceIsRememberedForTheNextStart_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Japanese") << u"ja"_s;
    QTest::newRow("German") << u"de"_s;
}

void TestLanguageMenu::choiceIsRememberedForTheNextStart()
{
    QFETCH(QString, language);
    {
        LanguageMenu menu(m_settings.get());
        QSignalSpy chosen(&menu, &LanguageMenu::languageChosen);
        menu.findChild<QAction *>(u"languageAction_"_s + language)->trigger();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), language);
        QCOMPARE(m_settings->value(AppSettings::Key::Language).toString(), language);
        QMessageBox *notice = nullptr;
        QTRY_VERIFY((notice = takeNotice()) != nullptr);
        QVERIFY(notice->text().contains(TranslationManager::nativeName(language)));
        notice->close();
        // Choosing it again changes nothing and says nothing.
        menu.findChild<QAction *>(u"languageAction_"_s + language)->trigger();
        QCOMPARE(chosen.count(), 1);
    }

    // The next start: the menu shows the choice; choosing the system's language forgets it.
    LanguageMenu menu(m_settings.get());
    QVERIFY(menu.findChild<QAction *>(u"languageAction_"_s + language)->isChecked());
    QVERIFY(!menu.findChild<QAction *>(u"languageAction_system"_s)->isChecked());
    menu.findChild<QAction *>(u"languageAction_system"_s)->trigger();
    QVERIFY(!m_settings->value(AppSettings::Key::Language).isValid());
    QMessageBox *notice = nullptr;
    QTRY_VERIFY((notice = takeNotice()) != nullptr);
    notice->close();
}

void TestLanguageMenu::mainWindowOffersIt()
{
    MainWindow window(m_settings.get());
    auto *view = window.findChild<QMenu *>(u"viewMenu"_s);
    QVERIFY(view);
    auto *language = window.findChild<LanguageMenu *>(u"languageMenu"_s);
    QVERIFY(language);
    QVERIFY(view->actions().contains(language->menuAction()));
}

void TestLanguageMenu::accessKeyMarkersNeverShow_data()
{
    QTest::addColumn<QString>("language");
    // Japanese and Chinese put the key in brackets, "更新(&R)"; the others mark a letter, "&Aktualisieren".
    for (const QString &language : TranslationManager::availableLanguages())
        QTest::newRow(qPrintable(language)) << language;
}

void TestLanguageMenu::accessKeyMarkersNeverShow()
{
    QFETCH(QString, language);
    TranslationManager translations;
    QCOMPARE(translations.install(language), language);
    MainWindow window(m_settings.get());
    // Neither "&" nor the bracketed key letter "(R)" of the CJK form in what is read rather than pressed.
    static const QRegularExpression leftover(u"&|[(（][A-Za-z0-9][)）]"_s);
    int checked = 0;
    for (const ShortcutCatalog::Entry &entry : ShortcutCatalog::entries(&window)) {
        QVERIFY2(!entry.command.contains(leftover), qPrintable(entry.command));
        for (const QString &menu : entry.menuPath)
            QVERIFY2(!menu.contains(leftover), qPrintable(menu));
        ++checked;
    }
    QVERIFY(checked > 10);
    auto *bar = window.findChild<QToolBar *>(u"mainToolBar"_s);
    QVERIFY(bar);
    for (QAction *action : bar->actions()) {
        if (!action->toolTip().isEmpty())
            QVERIFY2(!action->toolTip().contains(leftover), qPrintable(action->toolTip()));
    }
}

QTEST_MAIN(TestLanguageMenu)
#include "tst_languagemenu.moc"
