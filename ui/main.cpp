// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "common/AppSettings.h"
#include "connection/ConnectionManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"SessionScope"_s);
    QApplication::setOrganizationName(u"SessionScope"_s);
    QApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));
    QApplication::setWindowIcon(QIcon(u":/icons/sessionscope.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse Amazon WorkSpaces Secure Browser sessions."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s,
                                        QApplication::translate("main", "Start on the built-in demo data."));
    const QCommandLineOption profileOption(u"profile"_s,
                                           QApplication::translate("main", "Connect with this AWS profile."),
                                           QApplication::translate("main", "name"));
    const QCommandLineOption regionOption(u"region"_s,
                                          QApplication::translate("main", "Use this AWS region."),
                                          QApplication::translate("main", "region"));
    const QCommandLineOption endpointOption(
        u"endpoint-url"_s, QApplication::translate("main", "Send requests to this endpoint."),
        QApplication::translate("main", "url"));
    parser.addOption(demoOption);
    parser.addOption(profileOption);
    parser.addOption(regionOption);
    parser.addOption(endpointOption);
    parser.process(app);

    AppSettings settings;
    MainWindow window(&settings);
    ConnectionManager connections(&window, &settings, QProcessEnvironment::systemEnvironment());
    window.show();
    if (parser.isSet(demoOption)) {
        connections.startDemo();
    } else if (parser.isSet(profileOption) || parser.isSet(regionOption) || parser.isSet(endpointOption)) {
        ConnectionOptions options;
        options.profile = parser.value(profileOption);
        options.region = parser.value(regionOption);
        options.endpointUrl = parser.value(endpointOption);
        connections.connectWith(options);
    } else {
        connections.connectAtStartup();
    }
    return QApplication::exec();
}
