// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/JsonSessionWriter.h"

/// JSON Lines: each session is one compact JSON object followed by "\n" (the objects of
/// JsonSessionWriter, without the array). An empty export is an empty file.
class JsonLinesSessionWriter : public JsonSessionWriter
{
public:
    explicit JsonLinesSessionWriter(const ExportOptions &options);

protected:
    QByteArray encodeBegin() override;
    QByteArray encodeRow(const ExportRow &row) override;
    QByteArray encodeFinish() override;
};
