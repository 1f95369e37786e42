// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// A strict RFC 4180 reader for checking what the CSV writer produced: records end with CRLF (the last
/// one too), a field is either plain (no '"', CR or LF) or quoted with '"' doubled inside. Anything else
/// is an error, so a test that parses back also checks the framing.
class CsvReader
{
public:
    /// The records of a UTF-8 document (a leading BOM is skipped), or nullopt with `error` set.
    static std::optional<QList<QStringList>> parse(const QByteArray &utf8, QString *error = nullptr);
};
