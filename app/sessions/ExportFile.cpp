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
    // The writer's error already names the file when the device knows it.
    AwsError error = m_writer->error();
    discard();
    return error;
}

AwsResult<std::monostate> ExportFile::open()
{
    if (const std::optional<AwsError> invalid = m_options.validate())
        return *invalid;
    if (m_stream) {
        if (!m_stream->isOpen() || !m_stream->isWritable())
            return ioError(QCoreApplication::translate("ExportFile", "the output is not open for writing"));
        if (!m_writer->begin(m_stream))
            return writerError();
        return std::monostate();
    }
    if (m_targetPath.isEmpty()) {
        return AwsError(AwsError::Category::Io,
                        QCoreApplication::translate("ExportFile", "no file name was given"));
    }
    if (QFileInfo(m_targetPath).isDir())
        return ioError(QCoreApplication::translate("ExportFile", "this is a folder, not a file"));
    if (!m_file.open(QIODevice::WriteOnly))
        return ioError(m_file.errorString());
    m_writer = SessionWriter::create(m_options);
    if (!m_writer->begin(&m_file))
        return writerError();
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
    return std::monostate();
}

AwsResult<std::monostate> ExportFile::commit()
{
    if (!m_writer || !isOpen())
        return ioError(QCoreApplication::translate("ExportFile", "the file is not open"));
    if (!m_writer->finish())
        return writerError();
    if (m_stream) {
        auto *file = qobject_cast<QFileDevice *>(m_stream);
        if (file && !file->flush())
            return ioError(file->errorString());
        return std::monostate();
    }
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
    return m_writer ? m_writer->rowsWritten() : 0;
}
