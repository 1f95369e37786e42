// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ExportProgressPage.h"

#include "export/ExportFormatText.h"
#include "export/ExportLabels.h"
#include "sessions/TimeFormat.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

ExportProgressPage::ExportProgressPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"progressPageWidget"_s);
    setAccessibleName(tr("Export progress"));

    m_titleLabel = ExportLabels::message(u"progressTitleLabel"_s, tr("What is exported"), this);

    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(u"exportProgressBar"_s);
    m_progressBar->setAccessibleName(tr("Export progress"));

    m_rowsValueLabel = ExportLabels::selectable(u"rowsWrittenLabel"_s, tr("Sessions written"), this);
    m_rateValueLabel = ExportLabels::selectable(u"rateLabel"_s, tr("Rate"), this);
    m_elapsedValueLabel = ExportLabels::selectable(u"elapsedLabel"_s, tr("Elapsed time"), this);
    m_lookupsValueLabel = ExportLabels::selectable(u"lookupsLabel"_s, tr("Lookups"), this);
    m_lookupsValueLabel->setToolTip(tr("GetSession and GetQAppSessionMetadata requests for the looked-up "
                                       "columns"));

    m_formLayout = new QFormLayout;
    m_formLayout->setObjectName(u"progressFormLayout"_s);
    ExportLabels::addFormRow(m_formLayout, u"rowsWrittenCaptionLabel"_s, tr("Sessions written:"),
                             m_rowsValueLabel);
    ExportLabels::addFormRow(m_formLayout, u"rateCaptionLabel"_s, tr("Rate:"), m_rateValueLabel);
    ExportLabels::addFormRow(m_formLayout, u"elapsedCaptionLabel"_s, tr("Elapsed:"), m_elapsedValueLabel);
    ExportLabels::addFormRow(m_formLayout, u"lookupsCaptionLabel"_s, tr("Lookups:"), m_lookupsValueLabel);

    m_throttleLabel = new QLabel(this);
    m_throttleLabel->setObjectName(u"throttleLabel"_s);
    m_throttleLabel->setAccessibleName(tr("Slowed down"));
    m_throttleLabel->setWordWrap(true);
    m_throttleLabel->setText(tr("Slowed down: AWS is limiting requests. The export goes on with fewer "
                                "requests at a time."));
    m_throttleLabel->hide();

    m_outcomeLabel = ExportLabels::message(u"outcomeLabel"_s, tr("Outcome"), this);
    ExportLabels::setBold(m_outcomeLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_detailsLabel = ExportLabels::note(u"progressDetailsLabel"_s, tr("Format and columns"), this);
    m_detailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const int gap = style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing) * 2;
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_detailsLabel);
    layout->addSpacing(gap);
    layout->addWidget(m_progressBar);
    layout->addLayout(m_formLayout);
    layout->addWidget(m_throttleLabel);
    layout->addSpacing(gap);
    layout->addWidget(m_outcomeLabel);
    layout->addStretch(1);
}

void ExportProgressPage::start(const QString &title, const ExportOptions &options, qint64 rowsTotal)
{
    m_rowsTotal = rowsTotal;
    m_titleLabel->setText(title);
    QStringList columnNames;
    for (ExportColumn column : options.columns)
        columnNames.append(ExportOptions::columnName(column));
    m_detailsLabel->setText(
        tr("%1 · times in %2 · columns: %3")
            .arg(ExportFormatText::of(options.format, options.spreadsheetSafe).summary,
                 options.timeMode == TimeFormat::Mode::Utc ? tr("UTC") : tr("local time with offset"),
                 columnNames.join(u", "_s)));
    if (m_rowsTotal >= 0)
        m_progressBar->setRange(0, int(std::min<qint64>(m_rowsTotal, std::numeric_limits<int>::max())));
    else
        m_progressBar->setRange(0, 0); // unknown total: a busy indicator
    m_progressBar->setValue(0);
}

void ExportProgressPage::showProgress(const ExportProgress &progress, bool lookups, bool throttled)
{
    const QLocale locale;
    m_rowsValueLabel->setText(
        m_rowsTotal >= 0
            ? tr("%1 of %2").arg(locale.toString(progress.rowsWritten), locale.toString(m_rowsTotal))
            : locale.toString(progress.rowsWritten));
    const double rate = progress.rowsPerSecond();
    m_rateValueLabel->setText(
        tr("%1 sessions per second").arg(locale.toString(rate, 'f', rate > 0 && rate < 10 ? 1 : 0)));
    m_elapsedValueLabel->setText(TimeFormat::duration(progress.elapsedMsec / 1000));
    m_lookupsValueLabel->setText(tr("%1 answered, %2 in flight")
                                     .arg(locale.toString(progress.enrichmentRequests))
                                     .arg(progress.enrichmentInFlight));
    m_formLayout->setRowVisible(m_lookupsValueLabel, lookups);
    m_throttleLabel->setVisible(throttled);
    if (m_rowsTotal >= 0)
        m_progressBar->setValue(int(std::min<qint64>(progress.rowsWritten, m_progressBar->maximum())));
}

void ExportProgressPage::showEnd(bool ok)
{
    if (ok) {
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(1);
    } else if (m_rowsTotal < 0) {
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(0);
    }
}

void ExportProgressPage::setOutcome(const QString &outcome)
{
    m_outcomeLabel->setText(outcome);
    m_outcomeLabel->setVisible(!outcome.isEmpty());
}
