// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

/// What the window shows while it has no connection: a short explanation, "Try the demo" and
/// "Set up a connection…".
class WelcomePanel : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePanel(QWidget *parent = nullptr);

    /// Replaces the explanation, e.g. "No AWS credentials were found." or "Starting the demo…".
    void setMessage(const QString &text);

Q_SIGNALS:
    void demoRequested();
    void connectionDialogRequested();

private:
    QLabel *m_messageLabel;
    QPushButton *m_demoButton;
    QPushButton *m_connectButton;
};
