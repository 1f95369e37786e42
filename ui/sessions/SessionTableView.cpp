// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionTableView.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

using namespace Qt::StringLiterals;

SessionTableView::SessionTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(u"sessionTableView"_s);
    setAccessibleName(tr("Sessions"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setSortingEnabled(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Tab moves on to the next control; the arrow keys move between rows (a table's default would walk
    // every cell of a list that keeps growing, trapping keyboard users).
    setTabKeyNavigation(false);

    QHeaderView *vertical = verticalHeader();
    vertical->setObjectName(u"sessionRowHeaderView"_s);
    vertical->setAccessibleName(tr("Session rows"));
    vertical->setSectionResizeMode(QHeaderView::Fixed);
    vertical->setDefaultSectionSize(fontMetrics().height() + 8);
    vertical->hide();

    QHeaderView *horizontal = horizontalHeader();
    horizontal->setObjectName(u"sessionHeaderView"_s);
    horizontal->setAccessibleName(tr("Session columns"));
    horizontal->setSectionsMovable(true);
    horizontal->setSectionsClickable(true);
    horizontal->setSortIndicatorShown(true);
    horizontal->setHighlightSections(false);
    horizontal->setStretchLastSection(true);
    horizontal->setSectionResizeMode(QHeaderView::Interactive);
    connect(horizontal, &QHeaderView::sectionClicked, this, &SessionTableView::requestSort);

    // A short delay coalesces the bursts of signals one page causes.
    m_fillTimer.setSingleShot(true);
    m_fillTimer.setInterval(0);
    connect(&m_fillTimer, &QTimer::timeout, this, &SessionTableView::fillViewport);
}

void SessionTableView::setModel(QAbstractItemModel *newModel)
{
    if (model())
        disconnect(model(), nullptr, this, nullptr);
    QTableView::setModel(newModel);
    if (!newModel)
        return;
    connect(newModel, &QAbstractItemModel::rowsInserted, this, &SessionTableView::scheduleFill);
    connect(newModel, &QAbstractItemModel::modelReset, this, &SessionTableView::scheduleFill);
    connect(newModel, &QAbstractItemModel::layoutChanged, this, &SessionTableView::scheduleFill);
    scheduleFill();
}

void SessionTableView::requestSort(int column)
{
    // The sorted column again reverses the order; another column sorts ascending.
    const Qt::SortOrder order = column == m_shownSortColumn && m_shownSortOrder == Qt::AscendingOrder
                                    ? Qt::DescendingOrder
                                    : Qt::AscendingOrder;
    Q_EMIT sortRequested(column, order);
    // A header click flipped the indicator already; it shows what the window decided.
    showSortIndicator(m_shownSortColumn, m_shownSortOrder);
}

void SessionTableView::showSortIndicator(int column, Qt::SortOrder order)
{
    m_shownSortColumn = column;
    m_shownSortOrder = order;
    const QSignalBlocker blocker(horizontalHeader());
    horizontalHeader()->setSortIndicator(column, order);
}

QModelIndexList SessionTableView::selectedRowIndexes(int column) const
{
    if (!selectionModel())
        return {};
    QModelIndexList rows = selectionModel()->selectedRows(column);
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    return rows;
}

QString SessionTableView::selectedRowsAsTsv() const
{
    const QAbstractItemModel *m = model();
    const QModelIndexList rows = selectedRowIndexes();
    if (!m || rows.isEmpty())
        return {};
    // Columns in the order the user arranged them.
    QList<int> columns;
    const QHeaderView *h = horizontalHeader();
    for (int visual = 0; visual < h->count(); ++visual) {
        const int logical = h->logicalIndex(visual);
        if (!h->isSectionHidden(logical))
            columns.append(logical);
    }
    const auto clean = [](QString text) {
        // A tab or line break inside a value would shift every following cell.
        text.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
        return text;
    };
    QStringList lines;
    QStringList cells;
    for (int c : std::as_const(columns))
        cells.append(clean(m->headerData(c, Qt::Horizontal).toString()));
    lines.append(cells.join(u'\t'));
    for (const QModelIndex &row : rows) {
        cells.clear();
        for (int c : std::as_const(columns))
            cells.append(clean(m->index(row.row(), c).data(Qt::DisplayRole).toString()));
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

void SessionTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    scheduleFill();
}

void SessionTableView::scrollContentsBy(int dx, int dy)
{
    QTableView::scrollContentsBy(dx, dy);
    if (dy != 0)
        scheduleFill();
}

void SessionTableView::scheduleFill()
{
    m_fillTimer.start();
}

void SessionTableView::fillViewport()
{
    QAbstractItemModel *m = model();
    if (!m || !m->canFetchMore(rootIndex()))
        return;
    const int rows = m->rowCount(rootIndex());
    // Fetch when the last loaded row is visible (or near it): the viewport is not full, or the user has
    // scrolled to within a screenful of the end.
    const int rowHeight = std::max(1, verticalHeader()->defaultSectionSize());
    const int visibleRows = viewport()->height() / rowHeight + 1;
    const int lastVisible = rowAt(viewport()->height() - 1);
    if (rows == 0 || lastVisible < 0 || lastVisible >= rows - visibleRows)
        m->fetchMore(rootIndex());
}

void SessionTableView::setEmptyText(const QString &text)
{
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    viewport()->update();
}

void SessionTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_emptyText.isEmpty() || (model() && model()->rowCount(rootIndex()) > 0))
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(16, 16, -16, -16),
                     Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_emptyText);
}
