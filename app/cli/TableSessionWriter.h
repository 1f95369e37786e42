// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/SessionWriter.h"

/// `sessions --format table`: fixed-width columns so rows can be streamed page by page to a terminal;
/// the username comes last and is never cut. Control characters in values are made visible.
class TableSessionWriter : public SessionWriter
{
public:
    explicit TableSessionWriter(const ExportOptions &options);

protected:
    QByteArray encodeBegin() override;
    QByteArray encodeRow(const ExportRow &row) override;
    QByteArray encodeFinish() override;
};
