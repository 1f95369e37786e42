// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>
#include <QPointer>

class AboutDialog;
class ShortcutsDialog;

/// The Help menu of a main window: Keyboard shortcuts (F1), About SessionScope and About Qt. The
/// dialogs are opened without a nested event loop (About Qt excepted, see showAboutQt) and only once:
/// asking again brings the open one to the front.
class HelpMenu : public QMenu
{
    Q_OBJECT

public:
    /// A menu for `window`, which owns it and whose shortcuts the shortcuts page lists. Its shortcut
    /// actions are also added to `window`, so they work while the menu bar is hidden.
    explicit HelpMenu(QWidget *window);

    QAction *shortcutsAction() const { return m_shortcutsAction; }
    QAction *aboutAction() const { return m_aboutAction; }
    QAction *aboutQtAction() const { return m_aboutQtAction; }

    /// The dialogs while they are open (null otherwise).
    ShortcutsDialog *shortcutsDialog() const;
    AboutDialog *aboutDialog() const;

public Q_SLOTS:
    void showShortcuts();
    void showAbout();
    void showAboutQt();

private:
    QWidget *m_window;
    QAction *m_shortcutsAction;
    QAction *m_aboutAction;
    QAction *m_aboutQtAction;
    QPointer<ShortcutsDialog> m_shortcutsDialog;
    QPointer<AboutDialog> m_aboutDialog;
};
