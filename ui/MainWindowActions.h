// SPDX-FileCopyrightText: 2026 SessionScope contributors SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class AppSettings;
class PortalSelector;
class QAction;
class QLabel;
class QMainWindow;
class SessionTableView;

/// The main window's commands: every QAction with its name, shortcut, icon and tooltip, and where each
/// appears (the toolbar, the menus, the session table's context menu). It builds and places them; the window
/// connects them to what they do.
class MainWindowActions : public QObject
{
    Q_OBJECT

public:
    /// Creates the actions as children of `window`, which takes their shortcuts.
    explicit MainWindowActions(QMainWindow *window);

    /// The toolbar: Connection, the connection summary, the demo badge, the portal selector, and the commands
    /// on the current portal.
    void createToolBar(QLabel *connectionLabel, PortalSelector *portalSelector);
    /// The menu bar; View holds the table's Sort menu, and View > Language keeps its choice in `settings`.
    void createMenus(SessionTableView *table, AppSettings *settings);
    /// The table's context menu and its Ctrl+C, which copies rows only while the table has the focus.
    void addTableActions(SessionTableView *view);

    /// Shows or hides the "Demo data" badge of the toolbar.
    void setDemoBadgeVisible(bool visible);

    QAction *connection() const { return m_connection; }
    QAction *refresh() const { return m_refresh; }
    QAction *loadAll() const { return m_loadAll; }
    QAction *timesInUtc() const { return m_timesInUtc; }
    QAction *copyRows() const { return m_copyRows; }
    QAction *copySessionId() const { return m_copySessionId; }
    QAction *expire() const { return m_expire; }
    QAction *focusUsername() const { return m_focusUsername; }
    QAction *clearFilters() const { return m_clearFilters; }
    QAction *focusTable() const { return m_focusTable; }
    QAction *focusDetails() const { return m_focusDetails; }
    QAction *focusPortal() const { return m_focusPortal; }
    QAction *focusQAppLookup() const { return m_focusQAppLookup; }
    QAction *instanceId() const { return m_instanceId; }
    QAction *exportSessions() const { return m_export; }
    QAction *quit() const { return m_quit; }

private:
    QAction *make(const QString &objectName, const QString &text, const QKeySequence &shortcut);

    QMainWindow *m_window;
    QAction *m_connection;
    QAction *m_refresh;
    QAction *m_loadAll;
    QAction *m_timesInUtc;
    QAction *m_copyRows;
    QAction *m_copySessionId;
    QAction *m_expire;
    QAction *m_focusUsername;
    QAction *m_clearFilters;
    QAction *m_focusTable;
    QAction *m_focusDetails;
    QAction *m_focusPortal;
    QAction *m_focusQAppLookup;
    QAction *m_instanceId;
    QAction *m_export;
    QAction *m_quit;
    QAction *m_demoBadge = nullptr;
};
