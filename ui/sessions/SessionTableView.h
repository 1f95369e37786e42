// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/TimeFormat.h"

#include <QByteArray>
#include <QTableView>
#include <QTimer>

class QMenu;
class SessionLister;
class SessionStatusIconProxyModel;
class SessionTableModel;

/// The session table: fixed row height (so a million rows scroll without measuring any), rows selected whole,
/// and lazy paging that also fills a viewport that is not full yet.
///
/// The view owns its model wiring: given a SessionLister it creates the SessionTableModel and the proxy that
/// adds status icons, so the window never builds either and a different source of rows needs no change there.
/// It also owns its state: the column layout (viewState(), a QByteArray to keep in the settings) survives a
/// change of source, and the defaults live here. Header clicks and the Sort menu ask the model to sort
/// (sortRequested() tells the window); the indicator shows the order the rows are really in.
class SessionTableView : public QTableView
{
    Q_OBJECT

public:
    explicit SessionTableView(QWidget *parent = nullptr);
    ~SessionTableView() override;

    void setModel(QAbstractItemModel *model) override;

    /// Shows the sessions `lister` lists, through a new model (null: no model). The previous model and proxy
    /// are deleted; the column layout carries over.
    void setSessionLister(SessionLister *lister);
    /// The model behind the view, null without a source. It changes with setSessionLister().
    SessionTableModel *sessionModel() const { return m_model; }

    /// How times are shown, now and in every later model.
    void setTimeMode(TimeFormat::Mode mode);

    /// The column layout (order, widths, hidden columns), to keep in the settings.
    QByteArray viewState() const;
    /// Restores a layout from viewState(); an empty or unreadable one gives the defaults. Without a model the
    /// layout is kept and applied to the next one. False when a model is shown and `state` could not be read.
    bool setViewState(const QByteArray &state);
    /// The default layout: columns in their natural order, all shown, widths that fit their content.
    void resetToDefaults();

    /// A "Sort by" menu (objectName sortMenu) asking for the same sorts as the column headers, for the
    /// keyboard; `parent` owns it.
    QMenu *createSortMenu(QWidget *parent);

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
    /// A header click or the Sort menu asked for this order; the model has been asked to sort.
    void sortRequested(int column, Qt::SortOrder order);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    bool applyViewState();
    void showModelSortIndicator();
    void scheduleFill();
    void fillViewport();

    SessionTableModel *m_model = nullptr;
    SessionStatusIconProxyModel *m_proxy = nullptr;
    TimeFormat::Mode m_timeMode = TimeFormat::Mode::Local;
    /// The layout to apply to the next model, and what viewState() answers without one.
    QByteArray m_viewState;
    QTimer m_fillTimer;
    QString m_emptyText;
    int m_shownSortColumn = -1;
    Qt::SortOrder m_shownSortOrder = Qt::DescendingOrder;
};
