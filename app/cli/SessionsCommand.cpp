// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SessionsCommand.h"

#include "api/Portal.h"
#include "api/WorkSpacesWebClient.h"
#include "cli/CliConnection.h"
#include "cli/TableSessionWriter.h"
#include "sessions/ExportEnrichment.h"
#include "sessions/ExportFile.h"
#include "sessions/SessionExporter.h"
#include "sessions/SessionQuery.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

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

int clampedCount(qint64 n)
{
    return int(std::min<qint64>(n, std::numeric_limits<int>::max()));
}

} // namespace

SessionsCommand::SessionsCommand(CommandContext context, QObject *parent)
    : Command(std::move(context), parent)
{}

SessionsCommand::~SessionsCommand() = default;

void SessionsCommand::cancel()
{
    if (!isFinished() && m_exporter && m_exporter->isRunning()) {
        m_exporter->cancel(); // the exporter's finished() reports
        return;
    }
    Command::cancel();
}

void SessionsCommand::run()
{
    const CliArguments &args = arguments();
    ExportOptions options;
    options.spreadsheetSafe = args.spreadsheetSafe; // off unless asked for: scripts get exact values
    options.csvByteOrderMark = args.byteOrderMark;
    options.timeMode = args.localTime ? TimeFormat::Mode::Local : TimeFormat::Mode::Utc;
    bool table = false;
    options.format = sessionsFormat(args, context().outIsTerminal && args.outputPath.isEmpty(), &table);
    if (!args.columns.isEmpty()) {
        const AwsResult<QList<ExportColumn>> columns = ExportOptions::parseColumns(args.columns.join(u','));
        if (!columns) {
            fail(columns.error());
            return;
        }
        options.columns = columns.value();
    }
    if (table && !args.outputPath.isEmpty()) {
        fail(AwsError(AwsError::Category::Validation,
                      tr("--format table writes to the terminal; use csv, json "
                         "or jsonl with --output")));
        return;
    }

    SessionQuery query;
    query.portalId = args.portalId;
    query.status = args.status;
    query.username = args.username.value_or(QString());
    query.sessionId = args.sessionId;
    query.sort = args.sort;

    m_exporter = std::make_unique<SessionExporter>(web());
    m_exporter->setPageSize(args.pageSize);
    m_exporter->setMaxItems(args.maxItems);
    m_exporter->setEnrichment(ExportEnrichment::fromClients(web(), query.portalId, qapps(),
                                                            connection().resolved().qappsInstanceId));
    connect(m_exporter.get(), &SessionExporter::progressChanged, this,
            [this](const ExportProgress &progress) { printProgress(progress, false); });
    connect(m_exporter.get(), &SessionExporter::finished, this, &SessionsCommand::exportFinished);

    if (options.columns.contains(ExportColumn::PortalName)) {
        // The portal's display name is not in ListSessions: look it up once before the export.
        fetchPortals([this, query, options, table](const QList<Portal> &portals) {
            for (const Portal &portal : portals) {
                if (portal.portalId() == query.portalId)
                    m_exporter->setPortalName(portal.displayName);
            }
            startExport(query, options, table);
        });
        return;
    }
    startExport(query, options, table);
}

void SessionsCommand::startExport(const SessionQuery &query, const ExportOptions &options, bool table)
{
    bool started = false;
    if (arguments().outputPath.isEmpty()) {
        std::unique_ptr<SessionWriter> writer;
        if (table)
            writer = std::make_unique<TableSessionWriter>(options);
        else
            writer = SessionWriter::create(options);
        started = m_exporter->startStream(query, std::move(writer), context().out, standardOutputName());
    } else {
        started = m_exporter->start(query, options, arguments().outputPath);
    }
    if (!started)
        fail(AwsError(AwsError::Category::Validation, tr("could not start the export")));
}

void SessionsCommand::exportFinished(bool ok, const AwsError &error, qint64 rows)
{
    printProgress(m_exporter->progress(), true);
    const QString &outputPath = arguments().outputPath;
    if (ok) {
        if (!outputPath.isEmpty())
            writeErr(SessionExporter::summary(ok, error, rows, outputPath));
        succeed();
        return;
    }
    // One line: what went wrong (with code and request id), and what became of the output.
    const QString outcome = outputPath.isEmpty() || ExportFile::isStreamTarget(outputPath)
                                ? tr("after %n session(s) were written", nullptr, clampedCount(rows))
                                : tr("after %n session(s); no file was written", nullptr, clampedCount(rows));
    //: %1 is the error, %2 what became of the output ("after 5 sessions were written").
    writeErr(u"sessionscope-cli: "_s + tr("error: %1 (%2)").arg(error.toLogLine(), outcome));
    done(exitCodeFor(error));
}

void SessionsCommand::printProgress(const ExportProgress &progress, bool last)
{
    if (!showsProgress())
        return;
    const double seconds = elapsedMs() / 1000.0;
    const auto count = [](const char *text, qint64 n) {
        return QCoreApplication::translate("SessionsCommand", text, nullptr, clampedCount(n));
    };
    //: Progress on the terminal: %1 sessions written, %2 pages fetched, %3 seconds, %4 sessions per second.
    QString text =
        tr("%1, %2, %3 s, %4 sessions/s")
            .arg(count(QT_TRANSLATE_N_NOOP("SessionsCommand", "%Ln session(s)"), progress.rowsWritten),
                 count(QT_TRANSLATE_N_NOOP("SessionsCommand", "%Ln page(s)"), progress.pagesFetched))
            .arg(seconds, 0, 'f', 1)
            .arg(qRound64(double(progress.rowsWritten) / seconds));
    if (progress.enrichmentRequests > 0)
        text += count(QT_TRANSLATE_N_NOOP("SessionsCommand", ", %Ln lookup(s)"), progress.enrichmentRequests);
    if (progress.enrichmentThrottled > 0)
        text += count(QT_TRANSLATE_N_NOOP("SessionsCommand", " (%Ln throttled, slowed down)"),
                      progress.enrichmentThrottled);
    writeProgress(text, last);
}
