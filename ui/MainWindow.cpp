// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <QLabel>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("SessionScope"));
    auto *label = new QLabel(tr("<h2>SessionScope</h2><p>Coming next: the portal selector, the lazily paged "
                                "session table and the detail pane with Amazon Q Apps sharing settings, on "
                                "the built-in demo data.</p>"),
                             this);
    label->setObjectName(QStringLiteral("placeholderLabel"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(24);
    setCentralWidget(label);
    resize(900, 560);
}
