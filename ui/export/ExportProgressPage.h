// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/ExportOptions.h"
#include "sessions/ExportProgress.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QProgressBar;

/// The export dialog's second page: what is exported where, a bar, the rows written, their rate, the time
/// elapsed and the lookups so far, a note while AWS slows the export down, and at the end its outcome.
class ExportProgressPage : public QWidget
{
    Q_OBJECT

public:
    explicit ExportProgressPage(QWidget *parent = nullptr);

    /// A new export: `title` says what goes where; `rowsTotal` is the rows to write when known, else -1
    /// (the bar is then a busy indicator).
    void start(const QString &title, const ExportOptions &options, qint64 rowsTotal);
    /// The counts of the running export; `lookups` shows their row, `throttled` the slowed-down note.
    void showProgress(const ExportProgress &progress, bool lookups, bool throttled);
    /// The export ended: a full bar after success, an empty one after a failure of unknown length (a
    /// known length keeps how far it came).
    void showEnd(bool ok);
    /// The outcome in one sentence, in bold under the counts; empty hides it.
    void setOutcome(const QString &outcome);

private:
    qint64 m_rowsTotal = -1;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_detailsLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_rowsValueLabel = nullptr;
    QLabel *m_rateValueLabel = nullptr;
    QLabel *m_elapsedValueLabel = nullptr;
    QLabel *m_lookupsValueLabel = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QLabel *m_throttleLabel = nullptr;
    QLabel *m_outcomeLabel = nullptr;
};
