// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/LanguageMenu.h"

#include "common/AppSettings.h"
#include "common/TranslationManager.h"

#include <QActionGroup>
#include <QMessageBox>

using namespace Qt::StringLiterals;

LanguageMenu::LanguageMenu(AppSettings *settings, QWidget *parent)
    : QMenu(tr("Lan&guage"), parent)
    , m_settings(settings)
    , m_group(new QActionGroup(this))
{
    setObjectName(u"languageMenu"_s);
    const QString chosen = chosenLanguage();

    const auto add = [this, &chosen](const QString &language, const QString &text) {
        QAction *action = addAction(text);
        action->setObjectName(u"languageAction_"_s + (language.isEmpty() ? u"system"_s : language));
        action->setCheckable(true);
        action->setChecked(language == chosen);
        action->setData(language);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] { choose(language); });
    };
    add(QString(), tr("&System language"));
    addSeparator();
    // Each language in its own name, so a reader of it finds it in any language; numbered access keys,
    // because the names' first letters collide (English, Español) and CJK names have none.
    int number = 0;
    for (const QString &language : TranslationManager::availableLanguages())
        add(language, u"&%1  %2"_s.arg(++number).arg(TranslationManager::nativeName(language)));
}

QString LanguageMenu::chosenLanguage() const
{
    return m_settings->value(AppSettings::Key::Language).toString();
}

void LanguageMenu::choose(const QString &language)
{
    if (language == chosenLanguage())
        return;
    if (language.isEmpty())
        m_settings->remove(AppSettings::Key::Language);
    else
        m_settings->setValue(AppSettings::Key::Language, language);
    m_settings->sync();
    Q_EMIT languageChosen(language);

    QString text;
    if (language.isEmpty()) {
        text = tr("SessionScope will follow the system language the next time it starts.");
    } else {
        //: %1 is the name of a language in that language, e.g. "Deutsch" or "日本語".
        text = tr("SessionScope will use %1 the next time it starts.")
                   .arg(TranslationManager::nativeName(language));
    }
    auto *box =
        new QMessageBox(QMessageBox::Information, tr("Language"), text, QMessageBox::Ok, parentWidget());
    box->setObjectName(u"languageChangedMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
