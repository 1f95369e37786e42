// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/ExportFile.h"

#include "sessions/SessionWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

ExportFile::ExportFile(const QString &targetPath, const ExportOptions &options)
    : m_targetPath(targetPath)
    , m_options(options)
    , m_file(targetPath)
{
    // Writing in place would leave a half-written file behind on failure; never fall back to it.
    m_file.setDirectWriteFallback(false);
}

ExportFile::ExportFile(QIODevice *stream, std::unique_ptr<SessionWriter> writer, const QString &displayName)
    : m_targetPath(displayName)
    , m_options(writer->options())
    , m_writer(std::move(writer))
    , m_stream(stream)
{}

QIODevice *ExportFile::device() const
{
    return m_stream ? m_stream : const_cast<QSaveFile *>(&m_file);
}

bool ExportFile::isStreamTarget(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() && !info.isFile() && !info.isDir();
}

ExportFile::~ExportFile()
{
    discard();
}

AwsError ExportFile::ioError(const QString &reason) const
{
    return AwsError(AwsError::Category::Io, u"%1: %2"_s.arg(QDir::toNativeSeparators(m_targetPath), reason));
}

AwsError ExportFile::writerError()
{
    // The writer's error already names the file when the device knows it; stdout has no file name, so
    // the stream's display name goes in front ("standard output: No space left on device").
    AwsError error = m_writer->error();
    const auto *file = qobject_cast<const QFileDevice *>(device());
    if (m_stream && (!file || file->fileName().isEmpty()))
        error = ioError(error.message());
    discard();
    return error;
}

AwsResult<std::monostate> ExportFile::open()
{
    if (const std::optional<AwsError> invalid = m_options.validate())
        return *invalid;
    if (m_stream)
        return beginStream();
    if (m_targetPath.isEmpty()) {
        return AwsError(AwsError::Category::Io,
                        QCoreApplication::translate("ExportFile", "no file name was given"));
    }
    if (QFileInfo(m_targetPath).isDir())
        return ioError(QCoreApplication::translate("ExportFile", "this is a folder, not a file"));
    if (isStreamTarget(m_targetPath)) {
        // QSaveFile would write a temporary file beside a device and rename it over the device node (as
        // root, /dev/full became a regular file). A device or pipe is written to as it is.
        m_streamTarget = std::make_unique<QFile>(m_targetPath);
        if (!m_streamTarget->open(QIODevice::WriteOnly))
            return ioError(m_streamTarget->errorString());
        m_stream = m_streamTarget.get();
        m_writer = SessionWriter::create(m_options);
        return beginStream();
    }
    if (!m_file.open(QIODevice::WriteOnly))
        return ioError(m_file.errorString());
    m_writer = SessionWriter::create(m_options);
    if (!m_writer->begin(&m_file))
        return writerError();
    return std::monostate();
}

AwsResult<std::monostate> ExportFile::beginStream()
{
    if (!m_stream->isOpen() || !m_stream->isWritable())
        return ioError(QCoreApplication::translate("ExportFile", "the output is not open for writing"));
    if (!m_writer->begin(m_stream))
        return writerError();
    return flushStream();
}

AwsResult<std::monostate> ExportFile::flushStream()
{
    if (!m_stream)
        return std::monostate();
    if (!m_writer->flush())
        return writerError();
    m_rowsDelivered = m_writer->rowsWritten();
    return std::monostate();
}

AwsResult<std::monostate> ExportFile::write(const ExportRow &row)
{
    if (!m_writer || !isOpen())
        return ioError(QCoreApplication::translate("ExportFile", "the file is not open"));
    if (!m_writer->writeRow(row))
        return writerError();
    return std::monostate();
}

AwsResult<std::monostate> ExportFile::write(const QList<ExportRow> &rows)
{
    if (!m_writer || !isOpen())
        return ioError(QCoreApplication::translate("ExportFile", "the file is not open"));
    if (!m_writer->writeRows(rows))
        return writerError();
    return flushStream();
}

AwsResult<std::monostate> ExportFile::commit()
{
    if (!m_writer || !isOpen())
        return ioError(QCoreApplication::translate("ExportFile", "the file is not open"));
    if (!m_writer->finish())
        return writerError();
    if (m_stream)
        return flushStream();
    // commit() flushes, syncs and renames; on failure it removes the temporary file itself.
    if (!m_file.commit())
        return ioError(m_file.errorString());
    return std::monostate();
}

void ExportFile::discard()
{
    if (m_stream || !m_file.isOpen())
        return;
    m_file.cancelWriting();
    // With the write cancelled, commit() only closes and removes the temporary file.
    m_file.commit();
}

qint64 ExportFile::rowsWritten() const
{
    // A stream counts what it took; a file counts what is in it, and appears whole or not at all.
    if (m_stream)
        return m_rowsDelivered;
    return m_writer ? m_writer->rowsWritten() : 0;
}
