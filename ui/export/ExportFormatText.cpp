// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ExportFormatText.h"

ExportFormatText ExportFormatText::of(ExportFormat format, bool spreadsheetSafe)
{
    switch (format) {
    case ExportFormat::Csv:
        return {tr("CSV (spreadsheets)"), tr("CSV files (*.csv)"),
                spreadsheetSafe ? tr("CSV, spreadsheet-safe") : tr("CSV, exact values")};
    case ExportFormat::Json:
        return {tr("JSON (one array)"), tr("JSON files (*.json)"), tr("JSON")};
    case ExportFormat::JsonLines:
        return {tr("JSON Lines (one object per line)"), tr("JSON Lines files (*.jsonl)"), tr("JSON Lines")};
    }
    return {};
}
