// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;

/// Help → About SessionScope: the version, the Qt it was built with and runs on, the licence and the
/// application icon. "Copy details" puts the versions on the clipboard for a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The plain-text summary "Copy details" copies: versions of SessionScope, Qt and the system.
    static QString details();
    /// Every text the dialog shows, one per line (for tests and for people who cannot see it).
    QString text() const;

private:
    QLabel *m_iconLabel;
};
