// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>
#include <QTimer>

/// The session table: fixed row height (so a million rows scroll without measuring any), rows selected
/// whole, and lazy paging that also fills a viewport that is not full yet. Header clicks are reported
/// with sortRequested(); the window decides and sets the indicator with showSortIndicator().
class SessionTableView : public QTableView
{
    Q_OBJECT

public:
    explicit SessionTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    /// The selected rows as tab-separated values, with a header line, in the view's row order.
    QString selectedRowsAsTsv() const;
    /// The selected rows' indexes in column `column`, in the view's row order.
    QModelIndexList selectedRowIndexes(int column = 0) const;

    /// A sentence drawn in the empty table ("No sessions match these filters."); empty for none.
    void setEmptyText(const QString &text);

    /// Shows the order the rows are really in.
    void showSortIndicator(int column, Qt::SortOrder order);
    /// Asks for `column` to be sorted as a header click does (sortRequested()): the sorted column again
    /// reverses the order, another column sorts ascending.
    void requestSort(int column);

Q_SIGNALS:
    void sortRequested(int column, Qt::SortOrder order);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void scheduleFill();
    void fillViewport();

    QTimer m_fillTimer;
    QString m_emptyText;
    int m_shownSortColumn = -1;
    Qt::SortOrder m_shownSortOrder = Qt::DescendingOrder;
};
