// SPDX-FileCopyrightText: 2026 SessionScope contributors SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindowActions.h"

#include "common/AccessKeyText.h"
#include "common/LanguageMenu.h"
#include "help/HelpMenu.h"
#include "portals/PortalSelector.h"
#include "sessions/SessionTableView.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

MainWindowActions::MainWindowActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_connection = make(u"connectionAction"_s, tr("&Connection…"), QKeySequence(Qt::CTRL | Qt::Key_K));
    m_connection->setIcon(QIcon(u":/icons/connection.svg"_s));
    m_refresh = make(u"refreshAction"_s, tr("&Refresh"), QKeySequence::Refresh);
    m_refresh->setIcon(QIcon(u":/icons/view-refresh.svg"_s));
    m_loadAll =
        make(u"loadAllAction"_s, tr("Load &all pages"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_timesInUtc = make(u"utcAction"_s, tr("&Times in UTC"), QKeySequence(Qt::CTRL | Qt::Key_U));
    m_timesInUtc->setCheckable(true);
    m_copyRows = make(u"copyRowsAction"_s, tr("&Copy selected rows"), QKeySequence::Copy);
    m_copyRows->setIcon(QIcon(u":/icons/edit-copy.svg"_s));
    m_copySessionId = make(u"copySessionIdAction"_s, tr("Copy session &ID"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_expire =
        make(u"expireAction"_s, tr("&Expire selected sessions…"), QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_expire->setIcon(QIcon(u":/icons/session-expire.svg"_s));
    // The toolbar's label has its own entry, so a language whose menu text is long can shorten it there.
    m_expire->setIconText(tr("Expire selected sessions…", "toolbar button"));
    m_focusUsername = make(u"focusUsernameAction"_s, tr("Filter by &username"), QKeySequence::Find);
    m_clearFilters =
        make(u"clearFiltersAction"_s, tr("C&lear filters"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_focusTable = make(u"focusTableAction"_s, tr("Go to &sessions"), QKeySequence(Qt::CTRL | Qt::Key_1));
    m_focusDetails = make(u"focusDetailsAction"_s, tr("Go to &details"), QKeySequence(Qt::CTRL | Qt::Key_2));
    m_focusPortal = make(u"focusPortalAction"_s, tr("Choose &portal"), QKeySequence(Qt::CTRL | Qt::Key_P));
    m_focusQAppLookup =
        make(u"focusQAppLookupAction"_s, tr("Look up a &Q App session"), QKeySequence(Qt::CTRL | Qt::Key_G));
    m_instanceId = make(u"instanceIdAction"_s, tr("Amazon Q &Business instance…"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_export = make(u"exportAction"_s, tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    // Not QKeySequence::Quit: it is empty where the window manager closes windows (Windows, offscreen).
    m_quit = make(u"quitAction"_s, tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
}

QAction *MainWindowActions::make(const QString &objectName, const QString &text, const QKeySequence &shortcut)
{
    auto *action = new QAction(text, m_window);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    if (!shortcut.isEmpty())
        action->setToolTip(
            tr("%1 (%2)").arg(AccessKeyText::plain(text), shortcut.toString(QKeySequence::NativeText)));
    m_window->addAction(action);
    return action;
}

void MainWindowActions::addTableActions(SessionTableView *view)
{
    // Ctrl+C copies rows only while the table has focus; elsewhere it copies text as usual.
    m_copyRows->setShortcutContext(Qt::WidgetShortcut);
    m_window->removeAction(m_copyRows);
    view->addAction(m_copyRows);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(m_copySessionId);
    view->addAction(m_expire);
}

void MainWindowActions::createToolBar(QLabel *connectionLabel, PortalSelector *portalSelector)
{
    QToolBar *bar = m_window->addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setAccessibleName(tr("Main toolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_connection);
    bar->addWidget(connectionLabel);
    auto *demoLabel = new QLabel(tr("Demo data"), bar);
    demoLabel->setObjectName(u"demoDataLabel"_s);
    demoLabel->setAccessibleName(tr("Demo data"));
    demoLabel->setToolTip(tr("Connected to the built-in emulator with generated "
                             "data; nothing here is real."));
    QFont font = demoLabel->font();
    font.setBold(true);
    demoLabel->setFont(font);
    demoLabel->setFrameShape(QFrame::StyledPanel);
    demoLabel->setContentsMargins(6, 1, 6, 1);
    m_demoBadge = bar->addWidget(demoLabel);
    m_demoBadge->setVisible(false);
    bar->addSeparator();
    bar->addWidget(portalSelector);
    bar->addSeparator();
    bar->addAction(m_refresh);
    bar->addAction(m_export);
    bar->addAction(m_expire);
    // A toolbar's buttons take no focus by default; here they are in the Tab order like every control.
    for (QAction *action : bar->actions()) {
        if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action))) {
            button->setObjectName(QString(action->objectName()).replace(u"Action"_s, u"ToolButton"_s));
            button->setFocusPolicy(Qt::TabFocus);
        }
    }
}

void MainWindowActions::setDemoBadgeVisible(bool visible)
{
    if (m_demoBadge)
        m_demoBadge->setVisible(visible);
}

void MainWindowActions::createMenus(SessionTableView *table, AppSettings *settings)
{
    QMenuBar *bar = m_window->menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    file->addAction(m_connection);
    file->addAction(m_instanceId);
    file->addAction(m_export);
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *view = bar->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    view->addAction(m_refresh);
    view->addAction(m_loadAll);
    view->addAction(m_timesInUtc);
    view->addSeparator();
    view->addAction(m_focusPortal);
    view->addAction(m_focusUsername);
    view->addAction(m_clearFilters);
    view->addAction(m_focusTable);
    view->addAction(m_focusDetails);
    view->addAction(m_focusQAppLookup);
    view->addSeparator();
    view->addMenu(table->createSortMenu(view));
    view->addMenu(new LanguageMenu(settings, view));
    QMenu *session = bar->addMenu(tr("&Session"));
    session->setObjectName(u"sessionMenu"_s);
    session->addAction(m_copyRows);
    session->addAction(m_copySessionId);
    session->addSeparator();
    session->addAction(m_expire);
    bar->addMenu(new HelpMenu(m_window));
    bar->setObjectName(u"mainMenuBar"_s);
}
