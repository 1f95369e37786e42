// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliRunner.h"

#include "api/Portal.h"
#include "api/QAppsClient.h"
#include "api/WorkSpacesWebClient.h"
#include "aws/config/ConnectionResolver.h"
#include "aws/credentials/AppProfileStore.h"
#include "aws/transport/AwsTransport.h"
#include "cli/TableSessionWriter.h"
#include "cli/TextTable.h"
#include "sessions/ExportEnrichment.h"
#include "sessions/ExportFile.h"
#include "sessions/SessionExporter.h"
#include "sessions/SessionQuery.h"
#include "sessions/TimeFormat.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <limits>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

/// How stdout is named in messages.
QString standardOutputName()
{
    return CliRunner::tr("standard output");
}

/// A failed write or flush of stdout, with the system's reason.
AwsError outputFailure(const QIODevice *out, int systemError)
{
    return AwsError(AwsError::Category::Io,
                    u"%1: %2"_s.arg(standardOutputName(), SessionWriter::failureReason(out, systemError)));
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QJsonValue optionalBool(const std::optional<bool> &value)
{
    return value.has_value() ? QJsonValue(*value) : QJsonValue(QJsonValue::Undefined);
}

QString onOff(const std::optional<bool> &value)
{
    // Outside the class: spelled out, so lupdate files it under CliRunner too.
    if (!value.has_value())
        return QCoreApplication::translate("CliRunner", "not set");
    return *value ? QCoreApplication::translate("CliRunner", "yes")
                  : QCoreApplication::translate("CliRunner", "no");
}

ExportFormat sessionsFormat(const CliArguments &arguments, bool stdoutIsTerminal, bool *table)
{
    *table = false;
    if (!arguments.format.isEmpty()) {
        if (arguments.format == u"table") {
            *table = true;
            return ExportFormat::JsonLines;
        }
        return ExportOptions::formatFromName(arguments.format).value_or(ExportFormat::JsonLines);
    }
    if (!arguments.outputPath.isEmpty()) {
        // Follow the file's extension, as a user who types "--output audit.csv" expects.
        const QString suffix = QFileInfo(arguments.outputPath).suffix().toLower();
        return ExportOptions::formatFromName(suffix).value_or(ExportFormat::JsonLines);
    }
    *table = stdoutIsTerminal;
    return ExportFormat::JsonLines;
}

} // namespace

CliRunner::CliRunner(CliArguments arguments, QProcessEnvironment environment, QIODevice *out, QIODevice *err,
                     QObject *parent)
    : QObject(parent)
    , m_arguments(std::move(arguments))
    , m_environment(std::move(environment))
    , m_out(out)
    , m_err(err)
    , m_showProgress(::isatty(STDERR_FILENO) == 1)
{}

CliRunner::~CliRunner() = default;

void CliRunner::start()
{
    m_clock.start();
    QTimer::singleShot(0, this, [this] {
        m_settings = std::make_unique<QSettings>();
        m_appProfiles = std::make_unique<AppProfileStore>(m_settings.get());
        ConnectionOptions options;
        options.profile = m_arguments.profile;
        options.region = m_arguments.region;
        options.endpointUrl = m_arguments.endpointUrl;
        options.qappsInstanceId = m_arguments.qappsInstanceId;
        AwsResult<ResolvedConnection> resolved =
            ConnectionResolver::resolve(options, m_environment, m_appProfiles.get());
        if (!resolved) {
            fail(resolved.error());
            return;
        }
        m_connection = std::move(resolved).value();
        if (m_arguments.debug) {
            writeErr(tr("profile: %1; region: %2 (%3); WorkSpaces Web endpoint: %4 (%5); attempts: %6")
                         .arg(m_connection.profileName.isEmpty() ? tr("(none)") : m_connection.profileName,
                              m_connection.region, m_connection.regionSource,
                              m_connection.workspacesWebEndpoint.toDisplayString(),
                              m_connection.workspacesWebEndpointSource)
                         .arg(m_connection.maxAttempts));
        }
        m_transport = std::make_unique<AwsTransport>(&m_network, m_connection.credentials.get());
        AwsTransportOptions transportOptions;
        transportOptions.maxAttempts = m_connection.maxAttempts;
        m_transport->setOptions(transportOptions);
        connect(m_transport.get(), &AwsTransport::retrying, this,
                [this](const QString &action, int attempt, int delayMs, const AwsError &error) {
                    if (m_showProgress || m_arguments.debug) {
                        writeErr(tr("%1 failed (%2); retrying in %3 s (attempt %4)")
                                     .arg(action, error.code().isEmpty() ? error.userMessage() : error.code())
                                     .arg(delayMs / 1000.0, 0, 'f', 1)
                                     .arg(attempt));
                    }
                });
        m_web = std::make_unique<WorkSpacesWebClient>(m_transport.get(), m_connection.workspacesWebEndpoint,
                                                      m_connection.region);
        m_qapps =
            std::make_unique<QAppsClient>(m_transport.get(), m_connection.qappsEndpoint, m_connection.region);

        switch (m_arguments.command) {
        case CliArguments::Command::Portals:
            runPortals();
            break;
        case CliArguments::Command::Sessions:
            runSessions();
            break;
        case CliArguments::Command::Session:
            runSession();
            break;
        case CliArguments::Command::Sharing:
            runSharing();
            break;
        case CliArguments::Command::Expire:
            runExpire();
            break;
        case CliArguments::Command::None:
            done(CliExitCode::Usage);
            break;
        }
    });
}

void CliRunner::cancel()
{
    if (m_finished)
        return;
    if (m_exporter && m_exporter->isRunning()) {
        m_exporter->cancel(); // finished() of the exporter reports
        return;
    }
    fail(AwsError(AwsError::Category::Cancelled, tr("Interrupted.")));
}

// --- portals ---------------------------------------------------------------------------------------

void CliRunner::runPortals()
{
    fetchPortals([this] {
        printPortals();
        succeed();
    });
}

void CliRunner::fetchPortals(std::function<void()> done)
{
    m_portals.clear();
    fetchPortalPage(QString(), std::move(done));
}

void CliRunner::fetchPortalPage(const QString &nextToken, std::function<void()> done)
{
    m_web->listPortals(nextToken, 0, this, [this, nextToken, done](const AwsResult<PortalPage> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        m_portals.append(result.value().portals);
        const QString next = result.value().nextToken;
        if (!next.isEmpty() && next != nextToken) {
            fetchPortalPage(next, done);
            return;
        }
        done();
    });
}

void CliRunner::printPortals()
{
    const TimeFormat time;
    const QString format = m_arguments.format.isEmpty() ? u"table"_s : m_arguments.format;
    if (format == u"json") {
        QJsonArray array;
        for (const Portal &portal : std::as_const(m_portals)) {
            QJsonObject object{{u"portalId"_s, portal.portalId()},
                               {u"portalArn"_s, portal.portalArn},
                               {u"displayName"_s, portal.displayName},
                               {u"portalStatus"_s, portal.portalStatus}};
            if (portal.creationDate.isValid())
                object.insert(u"creationDate"_s, time.iso(portal.creationDate));
            if (portal.maxConcurrentSessions > 0)
                object.insert(u"maxConcurrentSessions"_s, portal.maxConcurrentSessions);
            const QList<std::pair<QString, QString>> optional = {
                {u"portalEndpoint"_s, portal.portalEndpoint},
                {u"browserType"_s, portal.browserType},
                {u"rendererType"_s, portal.rendererType},
                {u"authenticationType"_s, portal.authenticationType},
                {u"instanceType"_s, portal.instanceType}};
            for (const auto &[key, value] : optional) {
                if (!value.isEmpty())
                    object.insert(key, value);
            }
            array.append(object);
        }
        writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return;
    }
    if (format == u"csv") {
        QString text =
            u"portalId,portalArn,displayName,portalStatus,creationDate,maxConcurrentSessions\r\n"_s;
        for (const Portal &portal : std::as_const(m_portals)) {
            text +=
                QStringList{csvField(portal.portalId()),
                            csvField(portal.portalArn),
                            csvField(portal.displayName),
                            csvField(portal.portalStatus),
                            time.iso(portal.creationDate),
                            portal.maxConcurrentSessions > 0 ? QString::number(portal.maxConcurrentSessions)
                                                             : QString()}
                    .join(u',') +
                u"\r\n"_s;
        }
        writeOut(text.toUtf8());
        return;
    }
    TextTable table({tr("PORTAL ID"), tr("STATUS"), tr("CREATED"), tr("MAX SESSIONS"), tr("NAME")});
    for (const Portal &portal : std::as_const(m_portals)) {
        table.addRow(
            {portal.portalId(), portal.portalStatus, time.iso(portal.creationDate),
             portal.maxConcurrentSessions > 0 ? QString::number(portal.maxConcurrentSessions) : QString(),
             portal.displayName});
    }
    writeOut(table.render().toUtf8());
}

// --- sessions --------------------------------------------------------------------------------------

void CliRunner::runSessions()
{
    ExportOptions options;
    options.spreadsheetSafe = m_arguments.spreadsheetSafe; // off unless asked for: scripts get exact values
    options.csvByteOrderMark = m_arguments.byteOrderMark;
    options.timeMode = m_arguments.localTime ? TimeFormat::Mode::Local : TimeFormat::Mode::Utc;
    bool table = false;
    options.format =
        sessionsFormat(m_arguments, ::isatty(STDOUT_FILENO) == 1 && m_arguments.outputPath.isEmpty(), &table);
    if (!m_arguments.columns.isEmpty()) {
        const AwsResult<QList<ExportColumn>> columns =
            ExportOptions::parseColumns(m_arguments.columns.join(u','));
        if (!columns) {
            fail(columns.error());
            return;
        }
        options.columns = columns.value();
    }
    if (table && !m_arguments.outputPath.isEmpty()) {
        fail(AwsError(AwsError::Category::Validation,
                      tr("--format table writes to the terminal; use csv, json "
                         "or jsonl with --output")));
        return;
    }

    SessionQuery query;
    query.portalId = m_arguments.portalId;
    query.status = m_arguments.status;
    query.username = m_arguments.username.value_or(QString());
    query.sessionId = m_arguments.sessionId;
    query.sort = m_arguments.sort;

    m_exporter = std::make_unique<SessionExporter>(m_web.get());
    m_exporter->setPageSize(m_arguments.pageSize);
    m_exporter->setMaxItems(m_arguments.maxItems);
    m_exporter->setEnrichment(ExportEnrichment::fromClients(m_web.get(), query.portalId, m_qapps.get(),
                                                            m_connection.qappsInstanceId));
    connect(m_exporter.get(), &SessionExporter::progressChanged, this,
            [this](const ExportProgress &progress) { printSessionProgress(progress, false); });
    connect(m_exporter.get(), &SessionExporter::finished, this,
            [this](bool ok, const AwsError &error, qint64 rows) {
                printSessionProgress(m_exporter->progress(), true);
                if (ok) {
                    if (!m_arguments.outputPath.isEmpty())
                        writeErr(SessionExporter::summary(ok, error, rows, m_arguments.outputPath));
                    succeed();
                    return;
                }
                // One line: what went wrong (with code and request id), and what became of the output.
                const int written = int(std::min<qint64>(rows, std::numeric_limits<int>::max()));
                const QString outcome =
                    m_arguments.outputPath.isEmpty() || ExportFile::isStreamTarget(m_arguments.outputPath)
                        ? QCoreApplication::translate("CliRunner", "after %n session(s) were written",
                                                      nullptr, written)
                        : QCoreApplication::translate("CliRunner", "after %n session(s); no file was written",
                                                      nullptr, written);
                //: %1 is the error, %2 what became of the output ("after 5 sessions were written").
                writeErr(u"sessionscope-cli: "_s + tr("error: %1 (%2)").arg(error.toLogLine(), outcome));
                done(exitCodeFor(error));
            });

    if (options.columns.contains(ExportColumn::PortalName)) {
        // The portal's display name is not in ListSessions: look it up once before the export.
        fetchPortals([this, query, options, table] {
            for (const Portal &portal : std::as_const(m_portals)) {
                if (portal.portalId() == query.portalId)
                    m_exporter->setPortalName(portal.displayName);
            }
            startExport(query, options, table);
        });
        return;
    }
    startExport(query, options, table);
}

void CliRunner::startExport(const SessionQuery &query, const ExportOptions &options, bool table)
{
    bool started = false;
    if (m_arguments.outputPath.isEmpty()) {
        std::unique_ptr<SessionWriter> writer;
        if (table)
            writer = std::make_unique<TableSessionWriter>(options);
        else
            writer = SessionWriter::create(options);
        started = m_exporter->startStream(query, std::move(writer), m_out, standardOutputName());
    } else {
        started = m_exporter->start(query, options, m_arguments.outputPath);
    }
    if (!started)
        fail(AwsError(AwsError::Category::Validation, tr("could not start the export")));
}

void CliRunner::printSessionProgress(const ExportProgress &progress, bool done)
{
    if (!m_showProgress)
        return;
    const double seconds = std::max<qint64>(1, m_clock.elapsed()) / 1000.0;
    const auto count = [](const char *text, qint64 n) {
        return QCoreApplication::translate("CliRunner", text, nullptr,
                                           int(std::min<qint64>(n, std::numeric_limits<int>::max())));
    };
    //: Progress on the terminal: %1 sessions written, %2 pages fetched, %3 seconds, %4 sessions per second.
    QString text = tr("%1, %2, %3 s, %4 sessions/s")
                       .arg(count(QT_TRANSLATE_N_NOOP("CliRunner", "%Ln session(s)"), progress.rowsWritten),
                            count(QT_TRANSLATE_N_NOOP("CliRunner", "%Ln page(s)"), progress.pagesFetched))
                       .arg(seconds, 0, 'f', 1)
                       .arg(qRound64(double(progress.rowsWritten) / seconds));
    if (progress.enrichmentRequests > 0)
        text += count(QT_TRANSLATE_N_NOOP("CliRunner", ", %Ln lookup(s)"), progress.enrichmentRequests);
    if (progress.enrichmentThrottled > 0)
        text += count(QT_TRANSLATE_N_NOOP("CliRunner", " (%Ln throttled, slowed down)"),
                      progress.enrichmentThrottled);
    m_err->write((u"\r\x1b[K"_s + text + (done ? u"\n"_s : QString())).toUtf8());
}

// --- session ---------------------------------------------------------------------------------------

void CliRunner::runSession()
{
    m_web->getSession(m_arguments.portalId, m_arguments.sessionId, this,
                      [this](const AwsResult<SessionDetail> &result) {
                          if (!result) {
                              fail(result.error());
                              return;
                          }
                          const SessionDetail &detail = result.value();
                          const SessionSummary &s = detail.summary;
                          const TimeFormat time;
                          if (m_arguments.format == u"json") {
                              QJsonObject object{{u"sessionId"_s, s.sessionId},
                                                 {u"username"_s, s.username},
                                                 {u"status"_s, s.statusText},
                                                 {u"portalArn"_s, s.portalArn},
                                                 {u"clientIpAddresses"_s,
                                                  QJsonArray::fromStringList(detail.clientIpAddresses)}};
                              if (s.startTime.isValid())
                                  object.insert(u"startTime"_s, time.iso(s.startTime));
                              if (s.endTime.isValid())
                                  object.insert(u"endTime"_s, time.iso(s.endTime));
                              writeOut(QJsonDocument(object).toJson(QJsonDocument::Indented));
                          } else {
                              TextTable table({tr("FIELD"), tr("VALUE")});
                              table.addRow({u"sessionId"_s, s.sessionId});
                              table.addRow({u"username"_s, s.username});
                              table.addRow({u"status"_s, s.statusText});
                              table.addRow({u"startTime"_s, time.iso(s.startTime)});
                              table.addRow({u"endTime"_s, time.iso(s.endTime)});
                              table.addRow({u"portalArn"_s, s.portalArn});
                              table.addRow({u"clientIpAddresses"_s, detail.clientIpAddresses.join(u", "_s)});
                              writeOut(table.render().toUtf8());
                          }
                          succeed();
                      });
}

// --- sharing ---------------------------------------------------------------------------------------

void CliRunner::runSharing()
{
    m_qapps->getQAppSessionMetadata(
        m_arguments.qappsInstanceId, m_arguments.sessionId, this,
        [this](const AwsResult<QAppSessionMetadata> &result) {
            if (!result) {
                fail(result.error());
                return;
            }
            const QAppSessionMetadata &m = result.value();
            if (m_arguments.format == u"json") {
                QJsonObject sharing{{u"enabled"_s, m.sharingConfiguration.enabled}};
                if (m.sharingConfiguration.acceptResponses)
                    sharing.insert(u"acceptResponses"_s, *m.sharingConfiguration.acceptResponses);
                if (m.sharingConfiguration.revealCards)
                    sharing.insert(u"revealCards"_s, *m.sharingConfiguration.revealCards);
                QJsonObject object{{u"sessionId"_s, m.sessionId},
                                   {u"sessionArn"_s, m.sessionArn},
                                   {u"sessionName"_s, m.sessionName},
                                   {u"sharingConfiguration"_s, sharing}};
                if (m.sessionOwner)
                    object.insert(u"sessionOwner"_s, optionalBool(m.sessionOwner));
                writeOut(QJsonDocument(object).toJson(QJsonDocument::Indented));
            } else {
                TextTable table({tr("FIELD"), tr("VALUE")});
                table.addRow({u"sessionId"_s, m.sessionId});
                table.addRow({u"sessionName"_s, m.sessionName});
                table.addRow({u"sessionArn"_s, m.sessionArn});
                table.addRow({tr("sharing enabled"), onOff(m.sharingConfiguration.enabled)});
                table.addRow({tr("accepts responses"), onOff(m.sharingConfiguration.acceptResponses)});
                table.addRow({tr("reveals cards"), onOff(m.sharingConfiguration.revealCards)});
                table.addRow({tr("you own it"), onOff(m.sessionOwner)});
                writeOut(table.render().toUtf8());
            }
            succeed();
        });
}

// --- expire ----------------------------------------------------------------------------------------

void CliRunner::runExpire()
{
    if (!m_arguments.assumeYes) {
        if (::isatty(STDIN_FILENO) != 1) {
            writeErr(tr("sessionscope-cli: expire needs --yes when not run from a terminal"));
            done(CliExitCode::Usage);
            return;
        }
        //: The answers read are always y or yes (in English), whatever the language.
        m_err->write(tr("End session %1 of portal %2? The user is disconnected. [y/N] ")
                         .arg(m_arguments.sessionId, m_arguments.portalId)
                         .toUtf8());
        // A blocking read is fine here: nothing else runs before the user answers.
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != u"y" && answer != u"yes") {
            writeErr(tr("Not expired."));
            done(CliExitCode::Cancelled);
            return;
        }
    }
    m_web->expireSession(m_arguments.portalId, m_arguments.sessionId, this,
                         [this](const AwsResult<std::monostate> &result) {
                             if (!result) {
                                 fail(result.error());
                                 return;
                             }
                             writeOut(tr("Session %1 expired.\n").arg(m_arguments.sessionId).toUtf8());
                             succeed();
                         });
}

// --- outcome ---------------------------------------------------------------------------------------

void CliRunner::fail(const AwsError &error)
{
    writeErr(u"sessionscope-cli: "_s + tr("error: %1").arg(error.toLogLine()));
    done(exitCodeFor(error));
}

void CliRunner::succeed()
{
    // Success means the answer reached stdout: a full disk or a closed pipe is a local file error.
    if (const std::optional<AwsError> error = outputError()) {
        fail(*error);
        return;
    }
    done(CliExitCode::Success);
}

std::optional<AwsError> CliRunner::outputError()
{
    if (!m_outError) {
        errno = 0;
        auto *file = qobject_cast<QFileDevice *>(m_out);
        if (file && !file->flush())
            m_outError = outputFailure(file, errno);
    }
    return m_outError;
}

void CliRunner::done(CliExitCode code)
{
    if (m_finished)
        return;
    m_finished = true;
    if (auto *file = qobject_cast<QFileDevice *>(m_out))
        file->flush();
    Q_EMIT finished(int(code));
}

void CliRunner::writeOut(const QByteArray &bytes)
{
    if (m_outError)
        return;
    errno = 0;
    if (m_out->write(bytes) != bytes.size())
        m_outError = outputFailure(m_out, errno);
}

void CliRunner::writeErr(const QString &line)
{
    m_err->write(line.toUtf8() + '\n');
    if (auto *file = qobject_cast<QFileDevice *>(m_err))
        file->flush();
}
