// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/config/ResolvedConnection.h"
#include "cli/CliArguments.h"
#include "cli/CliExitCode.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>
#include <optional>

class AppProfileStore;
class AwsTransport;
struct ExportProgress;
class QAppsClient;
class QSettings;
class SessionExporter;
class WorkSpacesWebClient;
struct ExportOptions;
struct Portal;
struct SessionQuery;

/// Runs one sessionscope-cli command asynchronously on the event loop and reports the exit status.
/// Output goes to `out` (stdout), messages and progress to `err` (stderr); both are injected so tests
/// can capture them.
class CliRunner : public QObject
{
    Q_OBJECT

public:
    CliRunner(CliArguments arguments, QProcessEnvironment environment, QIODevice *out, QIODevice *err,
              QObject *parent = nullptr);
    ~CliRunner() override;

    /// Starts the command; finished() follows, never before start() returns.
    void start();
    /// Stops what is running (Ctrl-C): an export in progress leaves no file. finished() follows.
    void cancel();

    /// Whether progress lines are written to `err` (by default: when stderr is a terminal).
    void setShowProgress(bool show) { m_showProgress = show; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void runPortals();
    void runSessions();
    void runSession();
    void runSharing();
    void runExpire();

    void fetchPortals(std::function<void()> done);
    void fetchPortalPage(const QString &nextToken, std::function<void()> done);
    void startExport(const SessionQuery &query, const ExportOptions &options, bool table);
    void printPortals();
    void printSessionProgress(const ExportProgress &progress, bool done);

    void fail(const AwsError &error);
    void succeed();
    void done(CliExitCode code);
    /// Writes to stdout and remembers the first failure (a full disk, a closed pipe) for succeed().
    void writeOut(const QByteArray &bytes);
    /// Flushes stdout; the error of the first write or flush that failed, if any.
    std::optional<AwsError> outputError();
    void writeErr(const QString &line);

    CliArguments m_arguments;
    QProcessEnvironment m_environment;
    QIODevice *m_out;
    std::optional<AwsError> m_outError;
    QIODevice *m_err;
    bool m_showProgress = false;
    bool m_finished = false;

    // The app-managed profiles; the connection's credentials read them on every fetch, so they live as
    // long as the runner (and are declared before m_connection, which refers to them).
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppProfileStore> m_appProfiles;
    ResolvedConnection m_connection;
    QNetworkAccessManager m_network;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<WorkSpacesWebClient> m_web;
    std::unique_ptr<QAppsClient> m_qapps;
    std::unique_ptr<SessionExporter> m_exporter;
    QList<Portal> m_portals;
    QElapsedTimer m_clock;
};
