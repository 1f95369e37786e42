// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

class AppSettings;
class QActionGroup;

/// View > Language: the system's language or one of the embedded catalogs, remembered in AppSettings and
/// applied at the next start (widgets are built once, in the language of the start).
class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    /// `settings` must outlive the menu.
    explicit LanguageMenu(AppSettings *settings, QWidget *parent = nullptr);

    /// The language remembered, empty for the system's.
    QString chosenLanguage() const;

Q_SIGNALS:
    /// The user chose another language (empty: the system's); it applies after a restart.
    void languageChosen(const QString &language);

private:
    void choose(const QString &language);

    AppSettings *m_settings;
    QActionGroup *m_group;
};
