// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// Aligned plain-text tables for the CLI's `--format table`, measured in terminal cells: East Asian
/// wide characters take two cells, combining marks none, control characters are made visible.
class TextTable
{
public:
    explicit TextTable(QStringList headers);

    void addRow(QStringList cells);
    /// The whole table, a header line, a rule and one line per row, each ending in '\n'.
    QString render() const;

    /// Width of `text` in terminal cells.
    static int displayWidth(const QString &text);
    /// `text` cut with "…" to at most `width` cells, then padded with spaces to exactly `width`.
    static QString fit(const QString &text, int width);
    /// Replaces control characters (newlines, tabs, escapes) with visible stand-ins so one record is
    /// one line and nothing can drive the terminal.
    static QString sanitize(const QString &text);

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};
