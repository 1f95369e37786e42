// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionWriter.h"

#include "sessions/CsvSessionWriter.h"
#include "sessions/JsonLinesSessionWriter.h"
#include "sessions/JsonSessionWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDevice>
#include <QIODevice>

#include <cerrno>

using namespace Qt::StringLiterals;

SessionWriter::SessionWriter(const ExportOptions &options)
    : m_options(options)
    , m_timeFormat(options.timeMode, options.localZone)
{}

SessionWriter::~SessionWriter() = default;

std::unique_ptr<SessionWriter> SessionWriter::create(const ExportOptions &options)
{
    switch (options.format) {
    case ExportFormat::Csv:
        return std::make_unique<CsvSessionWriter>(options);
    case ExportFormat::Json:
        return std::make_unique<JsonSessionWriter>(options);
    case ExportFormat::JsonLines:
        return std::make_unique<JsonLinesSessionWriter>(options);
    }
    return nullptr;
}

bool SessionWriter::begin(QIODevice *device)
{
    m_device = device;
    m_rowsWritten = 0;
    m_error.reset();
    if (!device || !device->isWritable()) {
        m_error =
            AwsError(AwsError::Category::Io,
                     QCoreApplication::translate("SessionWriter", "the output is not open for writing"));
        return false;
    }
    return write(encodeBegin());
}

bool SessionWriter::writeRow(const ExportRow &row)
{
    if (m_error || !m_device)
        return false;
    if (!write(encodeRow(row)))
        return false;
    ++m_rowsWritten;
    return true;
}

bool SessionWriter::writeRows(const QList<ExportRow> &rows)
{
    if (m_error || !m_device)
        return false;
    const qint64 before = m_rowsWritten;
    QByteArray bytes;
    for (const ExportRow &row : rows) {
        bytes += encodeRow(row);
        ++m_rowsWritten; // encodeRow() of the next row may depend on it (JSON's separators)
    }
    if (!write(bytes)) {
        m_rowsWritten = before;
        return false;
    }
    return true;
}

bool SessionWriter::finish()
{
    if (m_error || !m_device)
        return false;
    return write(encodeFinish());
}

bool SessionWriter::write(const QByteArray &bytes)
{
    if (m_error)
        return false;
    if (bytes.isEmpty())
        return true;
    errno = 0;
    if (m_device->write(bytes) == bytes.size())
        return true;
    return fail(errno);
}

bool SessionWriter::flush()
{
    if (m_error || !m_device)
        return false;
    auto *file = qobject_cast<QFileDevice *>(m_device);
    errno = 0;
    if (!file || file->flush())
        return true;
    return fail(errno);
}

bool SessionWriter::fail(int systemError)
{
    QString reason = failureReason(m_device, systemError);
    // Name the file when there is one: "Could not write the file: /path/x.csv: No space left on device".
    if (const auto *file = qobject_cast<const QFileDevice *>(m_device); file && !file->fileName().isEmpty())
        reason = u"%1: %2"_s.arg(QDir::toNativeSeparators(file->fileName()), reason);
    m_error = AwsError(AwsError::Category::Io, reason);
    return false;
}

QString SessionWriter::failureReason(const QIODevice *device, int systemError)
{
    const QString reason = device->errorString();
    if (!reason.isEmpty() && reason != u"Unknown error"_s)
        return reason;
    if (qobject_cast<const QFileDevice *>(device) && systemError != 0)
        return qt_error_string(systemError);
    return QCoreApplication::translate("SessionWriter", "the write failed");
}

QVariant SessionWriter::value(const ExportRow &row, ExportColumn column) const
{
    const SessionSummary &s = row.session;
    const bool hasQApp = row.qAppState == ExportRow::QAppState::Found;
    const auto optionalBool = [](const std::optional<bool> &b) { return b ? QVariant(*b) : QVariant(); };
    switch (column) {
    case ExportColumn::SessionId:
        return s.sessionId;
    case ExportColumn::Username:
        return s.username;
    case ExportColumn::Status:
        if (!s.statusText.isEmpty())
            return s.statusText;
        // A summary built in code rather than decoded: name the enum the way the API does.
        if (const QString name = SessionSummary::statusName(s.status); !name.isEmpty())
            return name;
        return QVariant();
    case ExportColumn::StartTime:
        return s.startTime.isValid() ? QVariant(m_timeFormat.iso(s.startTime)) : QVariant();
    case ExportColumn::EndTime:
        return s.endTime.isValid() ? QVariant(m_timeFormat.iso(s.endTime)) : QVariant();
    case ExportColumn::PortalArn:
        return s.portalArn;
    case ExportColumn::DurationSeconds: {
        // Ended sessions only: a file keeps no "so far" that is wrong by the time it is read.
        const qint64 seconds = TimeFormat::durationSeconds(TimeFormat::toMsecs(s.startTime),
                                                           TimeFormat::toMsecs(s.endTime), false, 0);
        return seconds < 0 ? QVariant() : QVariant(seconds);
    }
    case ExportColumn::PortalName:
        return row.portalName ? QVariant(*row.portalName) : QVariant();
    case ExportColumn::ClientIpAddresses:
        return row.clientIpAddresses ? QVariant(*row.clientIpAddresses) : QVariant();
    case ExportColumn::QAppSession:
        if (row.qAppState == ExportRow::QAppState::NotFetched)
            return QVariant();
        return hasQApp ? u"present"_s : u"none"_s;
    case ExportColumn::QAppSessionName:
        return hasQApp ? QVariant(row.qAppMetadata.sessionName) : QVariant();
    case ExportColumn::QAppSharingEnabled:
        return hasQApp ? QVariant(row.qAppMetadata.sharingConfiguration.enabled) : QVariant();
    case ExportColumn::QAppAcceptResponses:
        return hasQApp ? optionalBool(row.qAppMetadata.sharingConfiguration.acceptResponses) : QVariant();
    case ExportColumn::QAppRevealCards:
        return hasQApp ? optionalBool(row.qAppMetadata.sharingConfiguration.revealCards) : QVariant();
    case ExportColumn::QAppSessionOwner:
        return hasQApp ? optionalBool(row.qAppMetadata.sessionOwner) : QVariant();
    }
    return QVariant();
}
