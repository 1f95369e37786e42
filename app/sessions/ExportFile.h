// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"
#include "sessions/ExportOptions.h"
#include "sessions/ExportRow.h"

#include <QFile>
#include <QSaveFile>
#include <QString>

#include <memory>
#include <variant>

class SessionWriter;

/// An export file being written: a QSaveFile in the target's folder plus the format's writer. The
/// target appears (or is replaced) only when commit() succeeds; discard(), any failure, or destroying
/// the object first leaves no output file and no temporary file behind. A target that exists and is not
/// a regular file (a device such as /dev/stdout, a named pipe) is never replaced: it is written as a
/// stream, like stdout.
class ExportFile
{
public:
    ExportFile(const QString &targetPath, const ExportOptions &options);
    /// Streams through `writer` to `stream`, an open device such as stdout: rows go out as they come and
    /// cannot be taken back, so discard() only stops writing. `displayName` names it in errors.
    ExportFile(QIODevice *stream, std::unique_ptr<SessionWriter> writer, const QString &displayName);
    ~ExportFile();
    ExportFile(const ExportFile &) = delete;
    ExportFile &operator=(const ExportFile &) = delete;

    /// Validates the options, opens the temporary file and writes the format's start. An Io error names
    /// the path and the system's reason (permission denied, no such folder, ...).
    AwsResult<std::monostate> open();
    AwsResult<std::monostate> write(const ExportRow &row);
    /// The same for several rows at once (one write to the device).
    AwsResult<std::monostate> write(const QList<ExportRow> &rows);
    /// Writes the format's end, flushes and atomically moves the file into place.
    AwsResult<std::monostate> commit();
    /// Drops everything written so far. Safe to call at any time, also twice.
    void discard();

    /// Whether `path` is written as a stream rather than replaced: it exists and is neither a regular file
    /// nor a folder (after following links), e.g. /dev/stdout or a named pipe.
    static bool isStreamTarget(const QString &path);

    QString targetPath() const { return m_targetPath; }
    qint64 rowsWritten() const;
    bool isOpen() const { return device()->isOpen(); }

private:
    AwsError ioError(const QString &reason) const;
    AwsError writerError();
    QIODevice *device() const;
    AwsResult<std::monostate> beginStream();
    /// Pushes what the writer produced out to a streamed device, so that a full disk or a closed pipe
    /// stops the export at the page it happens rather than at the end.
    AwsResult<std::monostate> flushStream();

    QString m_targetPath;
    ExportOptions m_options;
    QSaveFile m_file;
    std::unique_ptr<SessionWriter> m_writer;
    QIODevice *m_stream = nullptr;
    std::unique_ptr<QFile> m_streamTarget; ///< the opened device when the target is one (isStreamTarget)
    qint64 m_rowsDelivered = 0;            ///< rows the stream took without an error
};
