// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "help/ShortcutCatalog.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

/// Help → Keyboard shortcuts: a searchable table of every shortcut of a window, built from the window's
/// own actions, menus, labels and buttons (ShortcutCatalog) each time it is opened, so it is never out of
/// date. Esc closes it.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column {
        KeysColumn,
        CommandColumn,
        WhereColumn,
    };

    /// Lists the shortcuts of `window`, which is also the dialog's parent.
    explicit ShortcutsDialog(QWidget *window);

    /// Reads the window's shortcuts again (the dialog does this when it is built).
    void reload();
    const QList<ShortcutCatalog::Entry> &entries() const { return m_entries; }
    /// Shows only the rows whose keys, command or place contain `text` (case-insensitive).
    void setFilterText(const QString &text);
    /// The rows shown now, after the search.
    int visibleRowCount() const;

private:
    void updateEmptyLabel();

    QWidget *m_window;
    QList<ShortcutCatalog::Entry> m_entries;
    QLineEdit *m_searchLineEdit;
    QTableView *m_tableView;
    QLabel *m_emptyLabel;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
};
