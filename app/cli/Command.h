// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "cli/CliExitCode.h"
#include "cli/CommandContext.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QAppsClient;
class WorkSpacesWebClient;
struct Portal;

/// One command of sessionscope-cli (portals, sessions, ...), run asynchronously on the event loop.
///
/// The base does what every command shares: it connects (unless the context brings a connection), maps
/// an error to its line on stderr and its exit status, writes the answer to stdout while remembering the
/// first failed write (a full disk, a closed pipe), and shows retries and progress on a terminal. A
/// command implements run() and ends with succeed(), fail() or done().
class Command : public QObject
{
    Q_OBJECT

public:
    explicit Command(CommandContext context, QObject *parent = nullptr);
    ~Command() override;

    /// Connects, then runs the command; finished() follows, never before start() returns.
    void start();
    /// Stops what is running (Ctrl-C). finished() follows.
    virtual void cancel();

    /// How stdout is named in messages.
    static QString standardOutputName();

Q_SIGNALS:
    void finished(int exitCode);

protected:
    /// The command itself; the connection is ready (when needsConnection()).
    virtual void run() = 0;
    /// False for a command that works without a resolved connection (login needs no region).
    virtual bool needsConnection() const { return true; }

    const CommandContext &context() const { return m_context; }
    const CliArguments &arguments() const { return m_context.arguments; }
    const CliConnection &connection() const { return *m_context.connection; }
    WorkSpacesWebClient *web() const;
    QAppsClient *qapps() const;
    bool isFinished() const { return m_finished; }

    /// The callback for a client call whose answer is the command's output: a failure ends the command
    /// with its error; otherwise `print` writes the answer and the command succeeds.
    template <typename T>
    std::function<void(const AwsResult<T> &)> printAnswer(std::function<void(const T &answer)> print)
    {
        return [this, print = std::move(print)](const AwsResult<T> &result) {
            if (!result) {
                fail(result.error());
                return;
            }
            print(result.value());
            succeed();
        };
    }

    /// Lists every portal, page by page; a failed page ends the command with its error.
    void fetchPortals(std::function<void(const QList<Portal> &portals)> done);

    /// Ends with the error's line on stderr and its exit status.
    void fail(const AwsError &error);
    /// Ends successfully, unless the answer did not reach stdout (then a local file error).
    void succeed();
    void done(CliExitCode code);

    /// Writes to stdout and remembers the first failure for succeed().
    void writeOut(const QByteArray &bytes);
    /// The error of the first write or flush of stdout that failed, if any (flushes first).
    std::optional<AwsError> outputError();
    /// One line on stderr.
    void writeErr(const QString &line);
    /// Whether progress lines are shown (stderr is a terminal).
    bool showsProgress() const { return m_context.errIsTerminal; }
    /// Rewrites the progress line on stderr in place; `last` ends it with a line break.
    void writeProgress(const QString &text, bool last);
    /// Milliseconds since start(), at least 1.
    qint64 elapsedMs() const;

private:
    void connectAndRun();
    void fetchPortalPage(const QString &nextToken, std::shared_ptr<QList<Portal>> portals,
                         std::function<void(const QList<Portal> &portals)> done);

    CommandContext m_context;
    std::unique_ptr<CliConnection> m_ownConnection;
    std::optional<AwsError> m_outError;
    bool m_finished = false;
    QElapsedTimer m_clock;
};
