// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ExportDialog.h"

#include "common/AppSettings.h"
#include "common/ServiceGateway.h"
#include "export/ExportFileChooser.h"
#include "export/ExportFormatText.h"
#include "export/ExportProgressPage.h"
#include "export/GatewayExportEnrichment.h"
#include "export/SessionListLister.h"
#include "sessions/SessionExporter.h"
#include "sessions/SessionTableModel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Rows of an in-memory export per page: small pages with lookups, so progress moves and a cancel is
// quick; large ones without, where a page is written in a moment.
constexpr int enrichedRowsPageSize = 25;
constexpr int plainRowsPageSize = 1000;
constexpr int progressRefreshMs = 250;

} // namespace

ExportDialog::ExportDialog(ServiceGateway *gateway, AppSettings *settings, const Source &source,
                           QWidget *parent)
    : QDialog(parent)
    , m_gateway(gateway)
    , m_settings(settings)
    , m_source(source)
{
    setObjectName(u"exportDialog"_s);
    setAccessibleName(tr("Export sessions"));
    setWindowTitle(tr("Export sessions"));
    setWindowModality(Qt::WindowModal);

    // The pages and buttons are made in Tab order: options, progress, then the buttons.
    m_pagesStackedWidget = new QStackedWidget(this);
    m_pagesStackedWidget->setObjectName(u"exportPagesStackedWidget"_s);
    m_pagesStackedWidget->setAccessibleName(tr("Export"));
    m_optionsPage = new ExportOptionsPage(m_pagesStackedWidget);
    m_pagesStackedWidget->addWidget(m_optionsPage);
    m_progressPage = new ExportProgressPage(m_pagesStackedWidget);
    m_pagesStackedWidget->addWidget(m_progressPage);

    m_buttonBox = new QDialogButtonBox(this);
    m_buttonBox->setObjectName(u"exportDialogButtonBox"_s);
    m_buttonBox->setAccessibleName(tr("Export actions"));
    m_exportPushButton = m_buttonBox->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    m_exportPushButton->setObjectName(u"exportPushButton"_s);
    m_exportPushButton->setAccessibleName(tr("Choose the file and export"));
    m_exportPushButton->setDefault(true);
    m_cancelPushButton = m_buttonBox->addButton(QDialogButtonBox::Cancel);
    m_cancelPushButton->setObjectName(u"cancelPushButton"_s);
    m_cancelPushButton->setAccessibleName(tr("Close without exporting"));
    m_stopPushButton = m_buttonBox->addButton(tr("&Cancel export"), QDialogButtonBox::RejectRole);
    m_stopPushButton->setObjectName(u"cancelExportPushButton"_s);
    m_stopPushButton->setAccessibleName(tr("Cancel the export"));
    m_stopPushButton->setToolTip(tr("Stop now; the file is not written"));
    m_backPushButton = m_buttonBox->addButton(tr("&Back"), QDialogButtonBox::ActionRole);
    m_backPushButton->setObjectName(u"backPushButton"_s);
    m_backPushButton->setAccessibleName(tr("Back to the export options"));
    m_closePushButton = m_buttonBox->addButton(QDialogButtonBox::Close);
    m_closePushButton->setObjectName(u"closePushButton"_s);
    m_closePushButton->setAccessibleName(tr("Close"));
    // The button box's own accepted/rejected are not used: each button says what it does.
    connect(m_exportPushButton, &QPushButton::clicked, this, &ExportDialog::chooseFileAndExport);
    connect(m_cancelPushButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(m_stopPushButton, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(m_backPushButton, &QPushButton::clicked, this, [this] {
        if (m_phase != Phase::Running)
            setPhase(Phase::Choosing);
    });
    connect(m_closePushButton, &QPushButton::clicked, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pagesStackedWidget, 1);
    layout->addWidget(m_buttonBox);

    connect(m_optionsPage, &ExportOptionsPage::choicesChanged, this, &ExportDialog::updateControls);
    connect(m_optionsPage, &ExportOptionsPage::configureInstanceRequested, this,
            &ExportDialog::configureInstanceRequested);

    m_progressTimer.setInterval(progressRefreshMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &ExportDialog::updateProgress);

    if (m_source.model) {
        // Pages may still arrive for the table while the dialog is open.
        connect(m_source.model, &QAbstractItemModel::rowsInserted, this, &ExportDialog::updateScopeTexts);
        connect(m_source.model, &QAbstractItemModel::modelReset, this, &ExportDialog::updateScopeTexts);
    }
    if (m_gateway) {
        connect(gateway, &QObject::destroyed, this, [this] {
            // The lister of a service export belonged to the gateway: stop before it is used again.
            if (m_exporter && m_exporter->isRunning() && m_runningScope == Scope::AllMatching)
                m_exporter->cancel();
        });
        connect(gateway, &ServiceGateway::retrying, this,
                [this](const QString &, int, int, const AwsError &error) {
                    if (m_phase == Phase::Running && error.category() == AwsError::Category::Throttled) {
                        m_throttleNoticed = true;
                        updateProgress();
                    }
                });
    }

    // The Q App columns are made available first, so that their remembered state sticks.
    updateQAppAvailability();
    restoreChoices();
    m_optionsPage->setQuery(m_source.query, portalLabel());
    updateScopeTexts();
    if (m_source.selectedSessions.size() > 1)
        setScope(Scope::SelectedRows);
    else if (m_source.query.isValid())
        setScope(Scope::AllMatching);
    else
        setScope(m_source.selectedSessions.isEmpty() ? Scope::LoadedRows : Scope::SelectedRows);
    setPhase(Phase::Choosing);
}

ExportDialog::~ExportDialog()
{
    // The exporter discards an unfinished file; it goes before the lister it reads.
    m_exporter.reset();
    m_rowsLister.reset();
}

// --- Phases ------------------------------------------------------------------------------------------

void ExportDialog::setPhase(Phase phase)
{
    // After a failure, Back keeps what went wrong in sight until the user changes a choice.
    const bool afterFailure = phase == Phase::Choosing && m_phase == Phase::Finished && !m_succeeded;
    m_phase = phase;
    m_pagesStackedWidget->setCurrentWidget(phase == Phase::Choosing ? static_cast<QWidget *>(m_optionsPage)
                                                                    : m_progressPage);
    const QList<std::pair<QPushButton *, bool>> buttons = {
        {m_exportPushButton, phase == Phase::Choosing}, {m_cancelPushButton, phase == Phase::Choosing},
        {m_stopPushButton, phase == Phase::Running},    {m_backPushButton, phase == Phase::Finished},
        {m_closePushButton, phase == Phase::Finished},
    };
    // Hidden before shown: the focus leaves a button that goes for the page, not for another button.
    for (const auto &[button, visible] : buttons) {
        if (!visible)
            button->hide();
    }
    for (const auto &[button, visible] : buttons) {
        if (visible)
            button->show();
    }
    updateControls();

    switch (phase) {
    case Phase::Choosing:
        m_exportPushButton->setDefault(true);
        if (afterFailure && !m_outcome.isEmpty())
            m_optionsPage->setProblem(m_outcome);
        break;
    case Phase::Running:
        m_progressPage->setOutcome(QString());
        m_stopPushButton->setFocus();
        break;
    case Phase::Finished:
        m_progressPage->setOutcome(m_outcome);
        m_closePushButton->setDefault(true);
        m_closePushButton->setFocus();
        break;
    }
}

// --- Choices -----------------------------------------------------------------------------------------

ExportDialog::Scope ExportDialog::scope() const
{
    return m_optionsPage->scope();
}

void ExportDialog::setScope(Scope scope)
{
    m_optionsPage->setScope(scope);
    updateControls();
}

ExportOptions ExportDialog::options() const
{
    return m_optionsPage->options();
}

void ExportDialog::restoreChoices()
{
    ExportOptions restored;
    restored.format =
        ExportOptions::formatFromName(m_settings->value(AppSettings::Key::ExportFormat).toString())
            .value_or(ExportFormat::Csv);
    restored.columns = ExportOptions::defaultColumns();
    const QString stored = m_settings->value(AppSettings::Key::ExportColumns).toString();
    if (!stored.isEmpty()) {
        // Columns a later version renamed or dropped are not an error here: fall back to the defaults.
        if (const AwsResult<QList<ExportColumn>> parsed = ExportOptions::parseColumns(stored); parsed)
            restored.columns = parsed.value();
    }
    const bool utc = m_settings->value(AppSettings::Key::ExportTimesInUtc).toBool();
    restored.timeMode = utc ? TimeFormat::Mode::Utc : TimeFormat::Mode::Local;
    restored.csvByteOrderMark = m_settings->value(AppSettings::Key::ExportByteOrderMark).toBool();
    // On in the GUI by default (AppSettings' table): files from here are mostly opened in a spreadsheet
    // program.
    restored.spreadsheetSafe = m_settings->value(AppSettings::Key::ExportSpreadsheetSafe).toBool();
    m_optionsPage->setOptions(restored);
}

void ExportDialog::saveChoices()
{
    const ExportOptions chosen = options();
    QStringList columns;
    // Q App columns wanted but unavailable (no instance id) stay remembered for when one is set.
    for (ExportColumn column : m_optionsPage->rememberedColumns())
        columns.append(ExportOptions::columnName(column));
    m_settings->setValue(AppSettings::Key::ExportFormat, ExportOptions::formatName(chosen.format));
    m_settings->setValue(AppSettings::Key::ExportColumns, columns.join(u','));
    m_settings->setValue(AppSettings::Key::ExportTimesInUtc, chosen.timeMode == TimeFormat::Mode::Utc);
    m_settings->setValue(AppSettings::Key::ExportByteOrderMark, chosen.csvByteOrderMark);
    m_settings->setValue(AppSettings::Key::ExportSpreadsheetSafe, chosen.spreadsheetSafe);
    m_settings->setValue(AppSettings::Key::ExportFolder, QFileInfo(m_targetPath).absolutePath());
    m_settings->sync();
}

void ExportDialog::setQBusinessInstanceId(const QString &instanceId)
{
    m_source.qBusinessInstanceId = instanceId;
    updateQAppAvailability();
}

void ExportDialog::updateQAppAvailability()
{
    m_optionsPage->setQAppAvailable(!m_source.qBusinessInstanceId.isEmpty(), m_gateway != nullptr);
}

QString ExportDialog::portalLabel() const
{
    return m_source.portalName.isEmpty() ? m_source.query.portalId : m_source.portalName;
}

void ExportDialog::updateScopeTexts()
{
    ExportOptionsPage::ScopeCounts counts;
    counts.selected = int(m_source.selectedSessions.size());
    counts.loaded = m_source.model ? m_source.model->rowCount() : 0;
    counts.loadedIsComplete = m_source.model && m_source.model->isComplete();
    counts.serviceReachable = m_source.query.isValid() && m_gateway;
    m_optionsPage->setScopeCounts(counts);
    updateControls();
}

QString ExportDialog::problem() const
{
    const ExportOptions chosen = options();
    if (const std::optional<AwsError> invalid = chosen.validate())
        return invalid->message();
    if (scope() == Scope::SelectedRows && m_source.selectedSessions.isEmpty())
        return tr("No rows are selected.");
    if (scope() == Scope::LoadedRows && (!m_source.model || m_source.model->rowCount() == 0))
        return tr("No rows are loaded.");
    if (scope() == Scope::AllMatching && !m_source.query.isValid())
        return tr("Choose a portal first.");
    if (scope() == Scope::AllMatching && !m_gateway)
        return tr("Not connected.");
    return {};
}

void ExportDialog::updateControls()
{
    const QString reason = problem();
    m_optionsPage->setProblem(reason);
    m_exportPushButton->setEnabled(reason.isEmpty() && m_phase == Phase::Choosing);
}

QString ExportDialog::suggestedPath() const
{
    QString folder = m_settings->value(AppSettings::Key::ExportFolder).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const QString name =
        ExportOptions::suggestedFileName(portalLabel(), QDate::currentDate(), options().format);
    return QDir(folder).filePath(name);
}

// --- Running -----------------------------------------------------------------------------------------

QList<SessionSummary> ExportDialog::sessionsInScope() const
{
    switch (scope()) {
    case Scope::SelectedRows:
        return m_source.selectedSessions;
    case Scope::LoadedRows:
        return m_source.model ? m_source.model->sessions() : QList<SessionSummary>();
    case Scope::AllMatching:
        break;
    }
    return {};
}

void ExportDialog::chooseFileAndExport()
{
    updateControls();
    if (!m_exportPushButton->isEnabled())
        return;
    const ExportFormat format = options().format;
    QPointer<ExportDialog> self(this);
    ExportFileChooser::chooseSaveFile(this, tr("Export sessions to"), suggestedPath(),
                                      ExportFormatText::of(format).fileFilter,
                                      ExportOptions::fileExtension(format), [self](const QString &path) {
                                          if (self)
                                              self->startExport(path);
                                      });
}

QString ExportDialog::progressTitle(Scope scope) const
{
    const QString file = QDir::toNativeSeparators(m_targetPath);
    switch (scope) {
    case Scope::SelectedRows:
        return tr("Exporting the selected rows (%1) to %2").arg(QLocale().toString(m_rowsTotal), file);
    case Scope::LoadedRows:
        return tr("Exporting the loaded rows (%1) to %2").arg(QLocale().toString(m_rowsTotal), file);
    case Scope::AllMatching:
        break;
    }
    return tr("Exporting every matching session of “%1” to %2").arg(portalLabel(), file);
}

bool ExportDialog::startExport(const QString &path)
{
    if (m_phase == Phase::Running || path.isEmpty())
        return false;
    if (const QString reason = problem(); !reason.isEmpty()) {
        setPhase(Phase::Choosing);
        m_optionsPage->setProblem(reason);
        return false;
    }

    const ExportOptions chosen = options();
    const Scope chosenScope = scope();
    m_targetPath = QFileInfo(path).absoluteFilePath();
    saveChoices();

    m_exporter.reset();
    m_rowsLister.reset();
    SessionLister *lister = nullptr;
    if (chosenScope == Scope::AllMatching) {
        lister = m_gateway->sessionLister();
        m_rowsTotal = -1;
    } else {
        auto rows = std::make_unique<SessionListLister>(sessionsInScope());
        m_rowsTotal = rows->size();
        lister = rows.get();
        m_rowsLister = std::move(rows);
    }
    m_exporter = std::make_unique<SessionExporter>(lister);
    m_exporter->setPortalName(m_source.portalName);
    m_exporter->setEnrichment(
        GatewayExportEnrichment::create(m_gateway, m_source.query.portalId, m_source.qBusinessInstanceId));
    if (chosenScope != Scope::AllMatching) {
        const bool lookups = chosen.needsLookups();
        m_exporter->setPageSize(lookups ? enrichedRowsPageSize : plainRowsPageSize);
    }
    connect(m_exporter.get(), &SessionExporter::progressChanged, this, &ExportDialog::updateProgress);
    connect(m_exporter.get(), &SessionExporter::finished, this, &ExportDialog::onExportFinished);

    m_runningScope = chosenScope;
    m_runningOptions = chosen;
    m_succeeded = false;
    m_outcome.clear();
    m_throttleNoticed = false;
    m_progressPage->start(progressTitle(chosenScope), chosen, m_rowsTotal);
    setPhase(Phase::Running);

    if (!m_exporter->start(m_source.query, chosen, m_targetPath))
        return false; // cannot happen: a fresh exporter is idle
    m_progressTimer.start();
    updateProgress();
    Q_EMIT exportStarted(m_targetPath);
    return true;
}

ExportProgress ExportDialog::progress() const
{
    return m_exporter ? m_exporter->progress() : ExportProgress();
}

void ExportDialog::updateProgress()
{
    const ExportProgress p = progress();
    m_progressPage->showProgress(p, m_runningOptions.needsLookups(),
                                 p.enrichmentThrottled > 0 || m_throttleNoticed);
    Q_EMIT progressChanged(p);
}

void ExportDialog::cancelExport()
{
    if (m_phase == Phase::Running && m_exporter)
        m_exporter->cancel(); // finished() follows at once
}

void ExportDialog::onExportFinished(bool ok, const AwsError &error, qint64 rows)
{
    m_progressTimer.stop();
    m_succeeded = ok;
    m_outcome = SessionExporter::summary(ok, error, rows, m_targetPath);
    updateProgress();
    m_progressPage->showEnd(ok);
    setPhase(Phase::Finished);
    Q_EMIT exportFinished(ok, m_outcome);
}

void ExportDialog::reject()
{
    if (m_phase == Phase::Running) {
        cancelExport();
        return;
    }
    QDialog::reject();
}
