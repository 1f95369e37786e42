// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "help/HelpMenu.h"

#include "help/AboutDialog.h"
#include "help/ShortcutCatalog.h"
#include "help/ShortcutsDialog.h"

#include <QAction>
#include <QMessageBox>

using namespace Qt::StringLiterals;

HelpMenu::HelpMenu(QWidget *window)
    : QMenu(tr("&Help"), window)
    , m_window(window)
    , m_shortcutsAction(new QAction(tr("&Keyboard shortcuts…"), this))
    , m_aboutAction(new QAction(QIcon(u":/icons/sessionscope.svg"_s), tr("&About SessionScope"), this))
    , m_aboutQtAction(new QAction(tr("About &Qt"), this))
{
    setObjectName(u"helpMenu"_s);
    m_shortcutsAction->setObjectName(u"shortcutsAction"_s);
    // F1 is what Linux and Windows users press for help; Ctrl+? is the GNOME key for a shortcuts window.
    m_shortcutsAction->setShortcuts(
        {QKeySequence(QKeySequence::HelpContents), QKeySequence(Qt::CTRL | Qt::Key_Question)});
    m_shortcutsAction->setToolTip(
        tr("%1 (%2)").arg(ShortcutCatalog::plainText(m_shortcutsAction->text()),
                          m_shortcutsAction->shortcut().toString(QKeySequence::NativeText)));
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction->setObjectName(u"aboutQtAction"_s);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);

    addAction(m_shortcutsAction);
    addSeparator();
    addAction(m_aboutAction);
    addAction(m_aboutQtAction);
    window->addAction(m_shortcutsAction);

    connect(m_shortcutsAction, &QAction::triggered, this, &HelpMenu::showShortcuts);
    connect(m_aboutAction, &QAction::triggered, this, &HelpMenu::showAbout);
    connect(m_aboutQtAction, &QAction::triggered, this, &HelpMenu::showAboutQt);
}

ShortcutsDialog *HelpMenu::shortcutsDialog() const
{
    return m_shortcutsDialog;
}

AboutDialog *HelpMenu::aboutDialog() const
{
    return m_aboutDialog;
}

void HelpMenu::showShortcuts()
{
    if (m_shortcutsDialog) {
        // Read the window again: actions may have been added or changed since it was opened.
        m_shortcutsDialog->reload();
        m_shortcutsDialog->raise();
        m_shortcutsDialog->activateWindow();
        return;
    }
    m_shortcutsDialog = new ShortcutsDialog(m_window);
    m_shortcutsDialog->setAttribute(Qt::WA_DeleteOnClose);
    // Not modal: the page can stay open beside the window while the keys are tried.
    m_shortcutsDialog->show();
}

void HelpMenu::showAbout()
{
    if (m_aboutDialog) {
        m_aboutDialog->raise();
        m_aboutDialog->activateWindow();
        return;
    }
    m_aboutDialog = new AboutDialog(m_window);
    m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_aboutDialog->setWindowModality(Qt::WindowModal);
    m_aboutDialog->open();
}

void HelpMenu::showAboutQt()
{
    // Qt's own box runs its own event loop (exec). Started from the event queue rather than from inside
    // the menu's signal, nothing of ours is on the stack below that loop to be changed under it.
    QMetaObject::invokeMethod(
        this, [this] { QMessageBox::aboutQt(m_window, tr("About Qt")); }, Qt::QueuedConnection);
}
