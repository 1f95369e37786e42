// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

/// The status bar's account of the list: "N sessions loaded", whether more are available, a busy
/// indicator while a page is in flight, and "Load all" with progress and Cancel.
class SessionStatusLine : public QWidget
{
    Q_OBJECT

public:
    struct State
    {
        qint64 loaded = 0;
        bool moreAvailable = false;
        bool busy = false;
        bool loadingAll = false;
        bool active = false; ///< a list is shown at all (a portal is selected)

        /// Whether "Load all" is offered (the button and the View menu's action).
        bool canLoadAll() const { return active && moreAvailable && !loadingAll; }
    };

    explicit SessionStatusLine(QWidget *parent = nullptr);

    void setState(const State &state);
    State state() const { return m_state; }
    QString text() const;

Q_SIGNALS:
    void loadAllRequested();
    void cancelRequested();

private:
    State m_state;
    QLabel *m_countLabel;
    QProgressBar *m_busyProgressBar;
    QPushButton *m_loadAllButton;
    QPushButton *m_cancelButton;
};
