// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsError.h"
#include "sessions/ExportOptions.h"
#include "sessions/ExportRow.h"
#include "sessions/TimeFormat.h"

#include <QByteArray>
#include <QVariant>

#include <memory>
#include <optional>

class QIODevice;

/// Writes sessions to a device in one export format, row by row, holding nothing but the current row:
/// begin(), writeRow() for each session, finish(). A failed write (disk full, closed device) makes that
/// call and every later one return false; error() then says why (category Io).
///
/// The writer never opens, commits or closes the device: ExportFile does that for files.
class SessionWriter
{
public:
    virtual ~SessionWriter();
    SessionWriter(const SessionWriter &) = delete;
    SessionWriter &operator=(const SessionWriter &) = delete;

    /// The writer for options.format.
    static std::unique_ptr<SessionWriter> create(const ExportOptions &options);

    const ExportOptions &options() const { return m_options; }

    /// Writes what comes before the first row (BOM, header, '['). `device` must be open for writing and
    /// outlive the writer's use.
    bool begin(QIODevice *device);
    bool writeRow(const ExportRow &row);
    /// Writes several rows with one write to the device (an export writes a page at a time: one system
    /// call instead of one per row on an unbuffered stdout). On failure rowsWritten() is as before.
    bool writeRows(const QList<ExportRow> &rows);
    /// Writes what comes after the last row (']'). Does not flush or close the device.
    bool finish();
    /// Pushes what is buffered out to the device (when it is a QFileDevice), so that a full disk or a
    /// closed pipe shows now; false on failure, with error() set as for a write.
    bool flush();

    qint64 rowsWritten() const { return m_rowsWritten; }
    bool hasError() const { return m_error.has_value(); }
    AwsError error() const { return m_error.value_or(AwsError()); }

    /// Why a write or flush of `device` failed, in words a person can act on. A QFileDevice says only
    /// "Unknown error" after a failed buffer flush while errno (`systemError`) still holds ENOSPC, EPIPE, ...
    static QString failureReason(const QIODevice *device, int systemError);

protected:
    explicit SessionWriter(const ExportOptions &options);

    virtual QByteArray encodeBegin() = 0;
    virtual QByteArray encodeRow(const ExportRow &row) = 0;
    virtual QByteArray encodeFinish() = 0;

    /// The value of one column of a row: an invalid QVariant when absent, else a QString (text and
    /// times, already formatted), a qint64, a bool or a QStringList.
    QVariant value(const ExportRow &row, ExportColumn column) const;

private:
    bool write(const QByteArray &bytes);
    /// Records the failure of the last write or flush; always false.
    bool fail(int systemError);

    ExportOptions m_options;
    TimeFormat m_timeFormat;
    QIODevice *m_device = nullptr;
    qint64 m_rowsWritten = 0;
    std::optional<AwsError> m_error;
};
