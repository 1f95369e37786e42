// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/JsonLinesSessionWriter.h"

JsonLinesSessionWriter::JsonLinesSessionWriter(const ExportOptions &options)
    : JsonSessionWriter(options)
{}

QByteArray JsonLinesSessionWriter::encodeBegin()
{
    return QByteArray();
}

QByteArray JsonLinesSessionWriter::encodeRow(const ExportRow &row)
{
    return encodeObject(row) + '\n';
}

QByteArray JsonLinesSessionWriter::encodeFinish()
{
    return QByteArray();
}
