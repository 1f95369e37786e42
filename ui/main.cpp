// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "common/AppSettings.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SessionScope"));
    QApplication::setOrganizationName(QStringLiteral("SessionScope"));
    QApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sessionscope.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse Amazon WorkSpaces Secure Browser sessions."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QApplication::translate("main", "Start on the built-in demo data."));
    parser.addOption(demoOption);
    parser.process(app);

    AppSettings settings;
    MainWindow window(&settings);
    window.show();
    return QApplication::exec();
}
