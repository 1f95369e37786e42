// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "help/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
    , m_window(window)
    , m_searchLineEdit(new QLineEdit(this))
    , m_tableView(new QTableView(this))
    , m_emptyLabel(new QLabel(this))
    , m_model(new QStandardItemModel(0, 3, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(u"shortcutsDialog"_s);
    setAccessibleName(tr("Keyboard shortcuts"));
    setWindowTitle(tr("Keyboard shortcuts"));

    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setObjectName(u"shortcutSearchLabel"_s);
    searchLabel->setBuddy(m_searchLineEdit);
    m_searchLineEdit->setObjectName(u"shortcutSearchLineEdit"_s);
    m_searchLineEdit->setAccessibleName(tr("Search shortcuts"));
    m_searchLineEdit->setPlaceholderText(tr("A command, a key or a menu, e.g. “copy” or “Ctrl”"));
    m_searchLineEdit->setClearButtonEnabled(true);

    m_model->setHorizontalHeaderLabels({tr("Keys"), tr("Command"), tr("Where")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_tableView->setObjectName(u"shortcutsTableView"_s);
    m_tableView->setAccessibleName(tr("Keyboard shortcuts"));
    m_tableView->setModel(m_proxy);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    // Tab leaves the table rather than walking its cells.
    m_tableView->setTabKeyNavigation(false);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->setWordWrap(false);
    m_tableView->setCornerButtonEnabled(false);
    m_tableView->verticalHeader()->hide();
    m_tableView->horizontalHeader()->setObjectName(u"shortcutsHeaderView"_s);
    m_tableView->horizontalHeader()->setHighlightSections(false);
    // Sized to the whole list once, so that the columns stay put while the search narrows it.
    m_tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_tableView->horizontalHeader()->setStretchLastSection(true);

    m_emptyLabel->setObjectName(u"shortcutsEmptyLabel"_s);
    m_emptyLabel->setAccessibleName(tr("No matching shortcut"));
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"shortcutsButtonBox"_s);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(u"shortcutsClosePushButton"_s);
    close->setAccessibleName(tr("Close"));

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_searchLineEdit, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(m_tableView, 1);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(buttons);

    connect(m_searchLineEdit, &QLineEdit::textChanged, this, &ShortcutsDialog::setFilterText);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    reload();
    resize(820, 600);
    m_searchLineEdit->setFocus();
}

void ShortcutsDialog::reload()
{
    m_entries = ShortcutCatalog::entries(m_window);
    m_model->removeRows(0, m_model->rowCount());
    for (const ShortcutCatalog::Entry &e : std::as_const(m_entries)) {
        QList<QStandardItem *> row;
        for (const QString &text : {e.keysText, e.command, e.where}) {
            auto *item = new QStandardItem(text);
            item->setToolTip(text);
            item->setEditable(false);
            row.append(item);
        }
        // The menus head the commands in them.
        if (e.kind == ShortcutCatalog::Kind::Menu) {
            QFont font = row.at(CommandColumn)->font();
            font.setBold(true);
            for (QStandardItem *item : std::as_const(row))
                item->setFont(font);
        }
        // A menu item without a shortcut is reached through the menu; say so where its keys would be.
        if (e.keys.isEmpty() && !e.menuKeys.isEmpty())
            row.at(KeysColumn)->setToolTip(tr("No shortcut; reach it through the menu: %1").arg(e.menuKeys));
        m_model->appendRow(row);
    }
    m_tableView->resizeColumnToContents(KeysColumn);
    m_tableView->resizeColumnToContents(CommandColumn);
    updateEmptyLabel();
}

void ShortcutsDialog::setFilterText(const QString &text)
{
    if (m_searchLineEdit->text() != text)
        m_searchLineEdit->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text.trimmed());
    updateEmptyLabel();
}

int ShortcutsDialog::visibleRowCount() const
{
    return m_proxy->rowCount();
}

void ShortcutsDialog::updateEmptyLabel()
{
    const bool empty = m_proxy->rowCount() == 0;
    m_emptyLabel->setText(empty ? tr("No command, key or place matches “%1”.").arg(m_searchLineEdit->text())
                                : QString());
    m_emptyLabel->setVisible(empty);
}
