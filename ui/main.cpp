// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "common/AppSettings.h"
#include "common/TranslationManager.h"
#include "connection/ConnectionManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPalette>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace {

// A dark Fusion palette, for desktops whose dark theme Qt 6.4 cannot read. Every widget takes its colours
// from the palette, so nothing else changes.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x84, 0x8a);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9e, 0xa4));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::Disabled, QPalette::Text, disabledText);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabledText);
    return p;
}

// The options of sessionscope, added to `parser`; shared by the GUI start and the display-less path.
struct CommandLine
{
    QCommandLineOption demo{u"demo"_s,
                            QCoreApplication::translate("main", "Start on the built-in demo data.")};
    QCommandLineOption dark{
        u"dark"_s, QCoreApplication::translate(
                       "main", "Use a dark palette (when the desktop's dark theme is not picked up).")};
    QCommandLineOption profile{u"profile"_s,
                               QCoreApplication::translate("main", "Connect with this AWS profile."),
                               QCoreApplication::translate("main", "name")};
    QCommandLineOption region{u"region"_s, QCoreApplication::translate("main", "Use this AWS region."),
                              QCoreApplication::translate("main", "region")};
    QCommandLineOption endpoint{u"endpoint-url"_s,
                                QCoreApplication::translate("main", "Send requests to this endpoint."),
                                QCoreApplication::translate("main", "url")};
    QCommandLineOption language{
        u"language"_s,
        QCoreApplication::translate("main", "Show SessionScope in this language (%1) for this run.")
            .arg(TranslationManager::availableLanguages().join(u", "_s)),
        QCoreApplication::translate("main", "code")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Browse Amazon WorkSpaces Secure Browser sessions."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({demo, dark, profile, region, endpoint, language});
    }
};

void setApplicationNames()
{
    QCoreApplication::setApplicationName(u"SessionScope"_s);
    QCoreApplication::setOrganizationName(u"SessionScope"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));
}

bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // --help and --version must answer without a display (over ssh, in package checks): a QApplication
    // would abort there, so a QCoreApplication answers them.
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        setApplicationNames();
        QCommandLineParser parser;
        const CommandLine options;
        options.addTo(parser);
        parser.process(core); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QGuiApplication::setDesktopFileName(u"io.github.sessionscope.SessionScope"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/sessionscope.svg"_s));

    // Before any text is made, the --help text included: --language for this run, else the language chosen
    // in View > Language, else the system's.
    AppSettings settings;
    TranslationManager translations;
    QString language = TranslationManager::languageFromArguments(QApplication::arguments());
    if (language.isEmpty())
        language = settings.value(AppSettings::Key::Language).toString();
    translations.install(language);

    QCommandLineParser parser;
    const CommandLine commandLine;
    commandLine.addTo(parser);
    const QCommandLineOption &demoOption = commandLine.demo;
    const QCommandLineOption &darkOption = commandLine.dark;
    const QCommandLineOption &profileOption = commandLine.profile;
    const QCommandLineOption &regionOption = commandLine.region;
    const QCommandLineOption &endpointOption = commandLine.endpoint;
    parser.process(app);

    if (parser.isSet(darkOption)) {
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(darkPalette());
    }

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
