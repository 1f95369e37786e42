// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/ExportOptions.h"

#include <QCoreApplication>
#include <QString>

/// What the export dialog calls a file format, in every place it names one, from one switch: a new
/// format gets all of its texts at once.
class ExportFormatText
{
    Q_DECLARE_TR_FUNCTIONS(ExportFormatText)

public:
    /// The texts of `format`; `spreadsheetSafe` matters to the CSV summary only.
    static ExportFormatText of(ExportFormat format, bool spreadsheetSafe = true);

    QString choice;     ///< the format list's entry: "CSV (spreadsheets)"
    QString fileFilter; ///< the file chooser's filter: "CSV files (*.csv)"
    QString summary;    ///< the progress page's: "CSV, spreadsheet-safe"
};
