// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

#include <memory>

class SessionExporter;
struct ExportOptions;
struct ExportProgress;
struct SessionQuery;

/// `sessionscope-cli sessions`: the sessions of a portal through the export engine, streamed page by page
/// to stdout (a table on a terminal, JSON Lines otherwise) or written to --output complete or not at all.
class SessionsCommand : public Command
{
    Q_OBJECT

public:
    explicit SessionsCommand(CommandContext context, QObject *parent = nullptr);
    ~SessionsCommand() override;

    /// An export in progress is stopped and leaves no file.
    void cancel() override;

protected:
    void run() override;

private:
    void startExport(const SessionQuery &query, const ExportOptions &options, bool table);
    void exportFinished(bool ok, const AwsError &error, qint64 rows);
    void printProgress(const ExportProgress &progress, bool last);

    std::unique_ptr<SessionExporter> m_exporter;
};
