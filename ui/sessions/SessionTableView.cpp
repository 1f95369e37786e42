// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionTableView.h"

#include "sessions/SessionStatusIconProxyModel.h"
#include "sessions/SessionTableModel.h"

#include <QActionGroup>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
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

SessionTableView::~SessionTableView()
{
    // Detach and delete the model while the view is still whole, rather than leave it to ~QObject.
    setSessionLister(nullptr);
}

void SessionTableView::setSessionLister(SessionLister *lister)
{
    if (m_model) {
        m_viewState = horizontalHeader()->saveState();
        setModel(nullptr);
        delete m_proxy;
        delete m_model;
        m_proxy = nullptr;
        m_model = nullptr;
    }
    if (!lister)
        return;
    m_model = new SessionTableModel(lister, this);
    m_model->setObjectName(u"sessionTableModel"_s);
    m_model->setTimeMode(m_timeMode);
    m_proxy = new SessionStatusIconProxyModel(int(SessionTableModel::Column::Status),
                                              SessionTableModel::StatusRole, this);
    m_proxy->setSourceModel(m_model);
    setModel(m_proxy);
    applyViewState();
    connect(m_model, &SessionTableModel::sortChanged, this, &SessionTableView::showSortIndicator);
    connect(m_model, &SessionTableModel::sortRefused, this, &SessionTableView::showModelSortIndicator);
}

void SessionTableView::setTimeMode(TimeFormat::Mode mode)
{
    m_timeMode = mode;
    if (m_model)
        m_model->setTimeMode(mode);
}

QByteArray SessionTableView::viewState() const
{
    return m_model ? horizontalHeader()->saveState() : m_viewState;
}

bool SessionTableView::setViewState(const QByteArray &state)
{
    m_viewState = state;
    if (!m_model)
        return true;
    return applyViewState();
}

bool SessionTableView::applyViewState()
{
    QHeaderView *header = horizontalHeader();
    const bool empty = m_viewState.isEmpty();
    const bool restored = !empty && header->restoreState(m_viewState);
    if (!restored)
        resetToDefaults();
    // The header's own state may carry a sort indicator; the model says what the rows really are.
    showModelSortIndicator();
    return restored || empty;
}

void SessionTableView::resetToDefaults()
{
    m_viewState.clear();
    QHeaderView *header = horizontalHeader();
    using Column = SessionTableModel::Column;
    for (int logical = 0; logical < header->count(); ++logical) {
        header->moveSection(header->visualIndex(logical), logical);
        header->showSection(logical);
    }
    // Wide enough for a session id, a typical user name, the status with its icon and a date and time; the
    // last column (duration) stretches.
    const QList<std::pair<Column, int>> widths{{Column::SessionId, 290},
                                               {Column::Username, 180},
                                               {Column::Status, 110},
                                               {Column::StartTime, 160},
                                               {Column::EndTime, 160}};
    for (const auto &[column, width] : widths)
        header->resizeSection(int(column), width);
}

void SessionTableView::showModelSortIndicator()
{
    if (m_model)
        showSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

QMenu *SessionTableView::createSortMenu(QWidget *parent)
{
    // The column headers sort with the mouse only; the same requests from the keyboard.
    auto *sortMenu = new QMenu(tr("Sort &by"), parent);
    sortMenu->setObjectName(u"sortMenu"_s);
    auto *sortGroup = new QActionGroup(sortMenu);
    using Column = SessionTableModel::Column;
    const QList<std::pair<Column, QString>> sortColumns{
        {Column::SessionId, tr("Session &ID")}, {Column::Username, tr("&Username")},
        {Column::Status, tr("&Status")},        {Column::StartTime, tr("Start &time")},
        {Column::EndTime, tr("&End time")},     {Column::Duration, tr("&Duration")}};
    for (const auto &[column, text] : sortColumns) {
        QAction *action = sortMenu->addAction(text);
        action->setObjectName(u"sortByColumn%1Action"_s.arg(int(column)));
        action->setCheckable(true);
        action->setData(int(column));
        sortGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, c = int(column)] { requestSort(c); });
    }
    connect(sortMenu, &QMenu::aboutToShow, this, [this, sortMenu] {
        for (QAction *action : sortMenu->actions()) {
            action->setEnabled(m_model && m_model->query().isValid());
            action->setChecked(m_model && action->data().toInt() == m_model->sortColumn());
        }
    });
    return sortMenu;
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
    if (m_model)
        m_model->sort(column, order);
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
