// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Command.h"

#include "api/Portal.h"
#include "api/WorkSpacesWebClient.h"
#include "aws/config/RetryModeResolver.h"
#include "aws/transport/AwsTransport.h"
#include "cli/CliConnection.h"
#include "sessions/SessionWriter.h"

#include <QFileDevice>
#include <QTimer>

#include <algorithm>
#include <cerrno>

using namespace Qt::StringLiterals;

namespace {

/// A failed write or flush of stdout, with the system's reason.
AwsError outputFailure(const QIODevice *out, int systemError)
{
    return AwsError(AwsError::Category::Io, u"%1: %2"_s.arg(Command::standardOutputName(),
                                                            SessionWriter::failureReason(out, systemError)));
}

} // namespace

Command::Command(CommandContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{}

Command::~Command() = default;

QString Command::standardOutputName()
{
    return tr("standard output");
}

WorkSpacesWebClient *Command::web() const
{
    return m_context.connection->web();
}

QAppsClient *Command::qapps() const
{
    return m_context.connection->qapps();
}

void Command::start()
{
    m_clock.start();
    QTimer::singleShot(0, this, &Command::connectAndRun);
}

void Command::connectAndRun()
{
    if (m_finished) // cancelled before the event loop got here
        return;
    if (!needsConnection()) {
        run();
        return;
    }
    if (!m_context.connection) {
        AwsResult<std::unique_ptr<CliConnection>> opened = CliConnection::open(
            m_context.arguments, m_context.environment, m_context.settings, m_context.prompts);
        if (!opened) {
            fail(opened.error());
            return;
        }
        m_ownConnection = std::move(opened).value();
        m_context.connection = m_ownConnection.get();
    }
    const ResolvedConnection &resolved = connection().resolved();
    if (arguments().debug) {
        writeErr(tr("profile: %1; region: %2 (%3); WorkSpaces Web endpoint: %4 (%5); attempts: %6")
                     .arg(resolved.profileName.isEmpty() ? tr("(none)") : resolved.profileName,
                          resolved.region, resolved.regionSource,
                          resolved.workspacesWebEndpoint.toDisplayString(),
                          resolved.workspacesWebEndpointSource)
                     .arg(resolved.maxAttempts));
        //: %1 the file, %2 where it was named ("--ca-bundle", "AWS_CA_BUNDLE", "profile dev")
        writeErr(resolved.tls.usesCaBundle()
                     ? tr("CA bundle: %1 (%2), %n certificate(s)", nullptr,
                          int(resolved.tls.caCertificates().size()))
                           .arg(resolved.tls.caBundlePath(), resolved.tls.caBundleSource())
                     : tr("CA bundle: none (the system's certificate authorities)"));
        const auto seconds = [](int ms) { return ms > 0 ? QString::number(ms / 1000.0) : tr("no limit"); };
        //: %1 legacy/standard/adaptive, %3 and %5 seconds or "no limit", the others where each came from
        writeErr(tr("retry mode: %1 (%2); connect timeout: %3 (%4); read timeout: %5 (%6)")
                     .arg(RetryModeResolver::modeName(resolved.retryMode), resolved.retryModeSource,
                          seconds(resolved.connectTimeoutMs), resolved.connectTimeoutSource,
                          seconds(resolved.readTimeoutMs), resolved.readTimeoutSource));
        //: %1 the proxy URL(s) without password and the NO_PROXY entries, %2 where they were set
        //: ("HTTPS_PROXY, NO_PROXY", "connection settings")
        writeErr(resolved.proxy.source.isEmpty()
                     ? tr("proxy: %1 (no proxy variable in the environment)").arg(resolved.proxy.displayUrl())
                     : tr("proxy: %1 (%2)").arg(resolved.proxy.displayUrl(), resolved.proxy.source));
    }
    connect(connection().transport(), &AwsTransport::retrying, this,
            [this](const QString &action, int attempt, int delayMs, const AwsError &error) {
                if (showsProgress() || arguments().debug) {
                    writeErr(tr("%1 failed (%2); retrying in %3 s (attempt %4)")
                                 .arg(action, error.code().isEmpty() ? error.userMessage() : error.code())
                                 .arg(delayMs / 1000.0, 0, 'f', 1)
                                 .arg(attempt));
                }
            });
    run();
}

void Command::cancel()
{
    if (m_finished)
        return;
    fail(AwsError(AwsError::Category::Cancelled, tr("Interrupted.")));
}

void Command::fetchPortals(std::function<void(const QList<Portal> &portals)> done)
{
    fetchPortalPage(QString(), std::make_shared<QList<Portal>>(), std::move(done));
}

void Command::fetchPortalPage(const QString &nextToken, std::shared_ptr<QList<Portal>> portals,
                              std::function<void(const QList<Portal> &portals)> done)
{
    web()->listPortals(nextToken, 0, this,
                       [this, nextToken, portals, done](const AwsResult<PortalPage> &result) {
                           if (!result) {
                               fail(result.error());
                               return;
                           }
                           portals->append(result.value().portals);
                           const QString next = result.value().nextToken;
                           // A service that repeats its token would page forever: stop there.
                           if (!next.isEmpty() && next != nextToken) {
                               fetchPortalPage(next, portals, done);
                               return;
                           }
                           done(*portals);
                       });
}

void Command::fail(const AwsError &error)
{
    writeErr(u"sessionscope-cli: "_s + tr("error: %1").arg(error.toLogLine()));
    done(exitCodeFor(error));
}

void Command::succeed()
{
    // Success means the answer reached stdout: a full disk or a closed pipe is a local file error.
    if (const std::optional<AwsError> error = outputError()) {
        fail(*error);
        return;
    }
    done(CliExitCode::Success);
}

void Command::done(CliExitCode code)
{
    if (m_finished)
        return;
    m_finished = true;
    if (auto *file = qobject_cast<QFileDevice *>(m_context.out))
        file->flush();
    Q_EMIT finished(int(code));
}

std::optional<AwsError> Command::outputError()
{
    if (!m_outError) {
        errno = 0;
        auto *file = qobject_cast<QFileDevice *>(m_context.out);
        if (file && !file->flush())
            m_outError = outputFailure(file, errno);
    }
    return m_outError;
}

void Command::writeOut(const QByteArray &bytes)
{
    if (m_outError)
        return;
    errno = 0;
    if (m_context.out->write(bytes) != bytes.size())
        m_outError = outputFailure(m_context.out, errno);
}

void Command::writeErr(const QString &line)
{
    m_context.err->write(line.toUtf8() + '\n');
    if (auto *file = qobject_cast<QFileDevice *>(m_context.err))
        file->flush();
}

void Command::writeProgress(const QString &text, bool last)
{
    if (!showsProgress())
        return;
    // Carriage return and "erase line": each update replaces the previous one on the terminal.
    m_context.err->write((u"\r\x1b[K"_s + text + (last ? u"\n"_s : QString())).toUtf8());
}

qint64 Command::elapsedMs() const
{
    return std::max<qint64>(1, m_clock.elapsed());
}
