// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SessionScope"));
    QApplication::setOrganizationName(QStringLiteral("SessionScope"));
    QApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse Amazon WorkSpaces Secure Browser sessions."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QApplication::translate("main", "Start on the built-in demo data."));
    parser.addOption(demoOption);
    parser.process(app);

    MainWindow window;
    window.show();
    return QApplication::exec();
}
