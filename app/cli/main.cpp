// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliArguments.h"
#include "cli/CommandFactory.h"
#include "cli/TerminalPrompts.h"

#include "TranslationManager.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QSettings>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here: the event loop reads the pipe and cancels cleanly.
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The same names as the GUI, so app-managed profiles created there are found here.
    QCoreApplication::setOrganizationName(QStringLiteral("SessionScope"));
    QCoreApplication::setApplicationName(QStringLiteral("SessionScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));
    // Messages follow the user's locale (LC_ALL=C gives English); data written (CSV, JSON) never changes.
    TranslationManager translations;
    translations.install();

    QFile out;
    QFile err;
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);

    QString error;
    const std::optional<CliArguments> arguments =
        CliArguments::parse(QCoreApplication::arguments().mid(1), &error);
    if (!arguments) {
        err.write("sessionscope-cli: " + error.toUtf8() + '\n' +
                  QCoreApplication::translate("main", "Run \"sessionscope-cli --help\" for usage.").toUtf8() +
                  '\n');
        return int(CliExitCode::Usage);
    }
    if (arguments->showVersion) {
        out.write("sessionscope-cli " SESSIONSCOPE_VERSION "\n");
        return 0;
    }
    if (arguments->showHelp) {
        out.write(CliArguments::helpText(arguments->command).toUtf8());
        return 0;
    }
    if (arguments->debug)
        QLoggingCategory::setFilterRules(QStringLiteral("sessionscope.*.debug=true"));

    // The only place that looks at the real process: commands see devices and flags, so tests can
    // pretend a terminal and type an answer.
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    QSettings settings; // the app-managed profiles, shared with the GUI
    CommandContext context;
    context.arguments = *arguments;
    context.environment = QProcessEnvironment::systemEnvironment();
    context.out = &out;
    context.err = &err;
    context.in = &in;
    context.outIsTerminal = ::isatty(STDOUT_FILENO) == 1;
    context.errIsTerminal = ::isatty(STDERR_FILENO) == 1;
    context.inIsTerminal = ::isatty(STDIN_FILENO) == 1;
    context.settings = &settings;
    // MFA codes are asked on the controlling terminal, and only when a person is there: a script whose
    // stdin is not a terminal fails at once instead of waiting for a code no one will type.
    context.prompts = std::make_shared<TerminalPrompts>(context.inIsTerminal);
    const std::unique_ptr<Command> command = CommandFactory::create(std::move(context));
    if (!command)
        return int(CliExitCode::Usage);
    Command &runner = *command;
    QObject::connect(&runner, &Command::finished, &app, [](int code) { QCoreApplication::exit(code); });

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &runner, [&runner] {
            char byte = 0;
            [[maybe_unused]] const ssize_t n = ::read(signalPipe[0], &byte, 1);
            runner.cancel();
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
    }
    // A closed pipe (| head) must end the program quietly, not kill it mid-write with a signal.
    std::signal(SIGPIPE, SIG_IGN);

    runner.start();
    return QCoreApplication::exec();
}
