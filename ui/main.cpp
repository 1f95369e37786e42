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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"SessionScope"_s);
    QApplication::setOrganizationName(u"SessionScope"_s);
    QApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));
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
    const QCommandLineOption darkOption(
        u"dark"_s, QApplication::translate(
                       "main", "Use a dark palette (when the desktop's dark theme is not picked up)."));
    const QCommandLineOption languageOption(
        u"language"_s,
        QApplication::translate("main", "Show SessionScope in this language (%1) for this run.")
            .arg(TranslationManager::availableLanguages().join(u", "_s)),
        QApplication::translate("main", "code"));
    parser.addOption(demoOption);
    parser.addOption(darkOption);
    parser.addOption(profileOption);
    parser.addOption(regionOption);
    parser.addOption(endpointOption);
    parser.addOption(languageOption);
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
