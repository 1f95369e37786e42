// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ExportDialog.h"

#include "common/AccessKeyText.h"
#include "common/AppSettings.h"
#include "common/ServiceGateway.h"
#include "export/ExportFileChooser.h"
#include "export/GatewayExportEnrichment.h"
#include "export/SessionListLister.h"
#include "sessions/SessionExporter.h"
#include "sessions/SessionTableModel.h"
#include "sessions/TimeFormat.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Rows of an in-memory export per page: small pages with lookups, so progress moves and a cancel is
// quick; large ones without, where a page is written in a moment.
constexpr int enrichedRowsPageSize = 25;
constexpr int plainRowsPageSize = 1000;
constexpr int progressRefreshMs = 250;

// A secondary line under a control: the palette's placeholder colour, so it follows light and dark themes.
QLabel *noteLabel(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString nativeName(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

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

    m_pagesStackedWidget = new QStackedWidget(this);
    m_pagesStackedWidget->setObjectName(u"exportPagesStackedWidget"_s);
    m_pagesStackedWidget->setAccessibleName(tr("Export"));
    m_pagesStackedWidget->addWidget(createOptionsPage());
    m_pagesStackedWidget->addWidget(createProgressPage());

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
    connect(m_backPushButton, &QPushButton::clicked, this, &ExportDialog::showOptionsPage);
    connect(m_closePushButton, &QPushButton::clicked, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pagesStackedWidget, 1);
    layout->addWidget(m_buttonBox);

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

    restoreChoices();
    updateScopeTexts();
    if (m_source.selectedSessions.size() > 1)
        setScope(Scope::SelectedRows);
    else if (m_source.query.isValid())
        setScope(Scope::AllMatching);
    else
        setScope(m_source.selectedSessions.isEmpty() ? Scope::LoadedRows : Scope::SelectedRows);
    updateQAppAvailability();
    showOptionsPage();
}

ExportDialog::~ExportDialog()
{
    // The exporter discards an unfinished file; it goes before the lister it reads.
    m_exporter.reset();
    m_rowsLister.reset();
}

// --- Pages -------------------------------------------------------------------------------------------

QWidget *ExportDialog::createOptionsPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"optionsPageWidget"_s);
    page->setAccessibleName(tr("Export options"));

    m_problemLabel = new QLabel(page);
    m_problemLabel->setObjectName(u"problemLabel"_s);
    m_problemLabel->setAccessibleName(tr("Problem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemLabel->hide();

    auto *left = new QVBoxLayout;
    left->addWidget(createScopeBox());
    left->addWidget(createFormatBox());
    left->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addWidget(createColumnsBox(), 1);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problemLabel);
    return page;
}

QWidget *ExportDialog::createScopeBox()
{
    auto *box = new QGroupBox(tr("Sessions"), this);
    box->setObjectName(u"scopeGroupBox"_s);
    box->setAccessibleName(tr("Sessions to export"));

    m_selectedRadioButton = new QRadioButton(box);
    m_selectedRadioButton->setObjectName(u"selectedRowsRadioButton"_s);
    m_loadedRadioButton = new QRadioButton(box);
    m_loadedRadioButton->setObjectName(u"loadedRowsRadioButton"_s);
    m_allRadioButton = new QRadioButton(box);
    m_allRadioButton->setObjectName(u"allMatchingRadioButton"_s);
    m_allRadioButton->setAccessibleName(tr("Every session that matches the portal, filters and sort"));
    m_allRadioButton->setText(tr("E&very session that matches the portal, filters and sort"));
    m_allRadioButton->setToolTip(tr("Fetched from the service page by page while the file is written; the "
                                    "table is not changed."));
    m_queryLabel = noteLabel(u"queryLabel"_s, tr("Portal and filters"), box);
    // Its lines are short (long names are shortened): without word wrap its height is always right.
    m_queryLabel->setWordWrap(false);

    m_scopeButtonGroup = new QButtonGroup(this);
    m_scopeButtonGroup->addButton(m_selectedRadioButton, int(Scope::SelectedRows));
    m_scopeButtonGroup->addButton(m_loadedRadioButton, int(Scope::LoadedRows));
    m_scopeButtonGroup->addButton(m_allRadioButton, int(Scope::AllMatching));
    connect(m_scopeButtonGroup, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            updateControls();
    });

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_selectedRadioButton);
    layout->addWidget(m_loadedRadioButton);
    layout->addWidget(m_allRadioButton);
    // The description belongs to the last choice: indent it to the radio button's text.
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) +
                       style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    m_queryLabel->setContentsMargins(indent, 0, 0, 0);
    layout->addWidget(m_queryLabel);
    return box;
}

QWidget *ExportDialog::createFormatBox()
{
    auto *box = new QGroupBox(tr("Format"), this);
    box->setObjectName(u"formatGroupBox"_s);
    box->setAccessibleName(tr("Format and options"));

    m_formatComboBox = new QComboBox(box);
    m_formatComboBox->setObjectName(u"formatComboBox"_s);
    m_formatComboBox->setAccessibleName(tr("File format"));
    m_formatComboBox->addItem(tr("CSV (spreadsheets)"), int(ExportFormat::Csv));
    m_formatComboBox->addItem(tr("JSON (one array)"), int(ExportFormat::Json));
    m_formatComboBox->addItem(tr("JSON Lines (one object per line)"), int(ExportFormat::JsonLines));
    connect(m_formatComboBox, &QComboBox::currentIndexChanged, this, &ExportDialog::updateControls);

    // Examples with a real instant, so the offset shown is the one this computer applies today.
    const qint64 now = QDateTime::currentSecsSinceEpoch() * 1000;
    m_utcRadioButton =
        new QRadioButton(tr("&UTC, e.g. %1").arg(TimeFormat(TimeFormat::Mode::Utc).iso(now)), box);
    m_utcRadioButton->setObjectName(u"utcRadioButton"_s);
    m_utcRadioButton->setAccessibleName(tr("Times in UTC"));
    m_localRadioButton = new QRadioButton(
        tr("&Local time with its offset, e.g. %1").arg(TimeFormat(TimeFormat::Mode::Local).iso(now)), box);
    m_localRadioButton->setObjectName(u"localTimeRadioButton"_s);
    m_localRadioButton->setAccessibleName(tr("Times in local time with the offset from UTC"));
    auto *timeGroup = new QButtonGroup(box);
    timeGroup->addButton(m_utcRadioButton);
    timeGroup->addButton(m_localRadioButton);
    auto *times = new QVBoxLayout;
    times->addWidget(m_utcRadioButton);
    times->addWidget(m_localRadioButton);

    m_bomCheckBox = new QCheckBox(tr("Start with a UTF-8 &byte order mark"), box);
    m_bomCheckBox->setObjectName(u"byteOrderMarkCheckBox"_s);
    m_bomCheckBox->setAccessibleName(tr("Start the file with a UTF-8 byte order mark"));
    m_bomCheckBox->setToolTip(tr("Some spreadsheet programs (Microsoft Excel among them) read a CSV file as "
                                 "UTF-8 only when it starts with this mark; without it, names with accents "
                                 "or other scripts can show garbled."));
    m_spreadsheetSafeCheckBox = new QCheckBox(tr("&Spreadsheet-safe values"), box);
    m_spreadsheetSafeCheckBox->setObjectName(u"spreadsheetSafeCheckBox"_s);
    m_spreadsheetSafeCheckBox->setAccessibleName(tr("Spreadsheet-safe values"));
    m_spreadsheetSafeCheckBox->setToolTip(
        tr("Spreadsheet programs run a cell that starts with =, +, -, @, a tab or a carriage return as a "
           "formula. A user name chosen by someone else could then run a command or send data away when "
           "the file is opened (\"CSV formula injection\"). With this on, such cells get a leading "
           "apostrophe so they show as text. Turn it off only when another program needs the exact "
           "values."));
    auto *csv = new QVBoxLayout;
    csv->addWidget(m_bomCheckBox);
    csv->addWidget(m_spreadsheetSafeCheckBox);

    auto *layout = new QFormLayout(box);
    layout->addRow(tr("F&ile format:"), m_formatComboBox);
    layout->addRow(tr("Times:"), times);
    layout->addRow(tr("CSV:"), csv);
    // Name the form's labels too (tests and screen readers find every widget by name).
    for (int row = 0; row < layout->rowCount(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(layout->itemAt(row, QFormLayout::LabelRole)->widget())) {
            static const QStringList names = {u"formatLabel"_s, u"timesLabel"_s, u"csvLabel"_s};
            label->setObjectName(names.value(row));
            label->setAccessibleName(AccessKeyText::labelName(label->text()));
        }
    }
    return box;
}

QCheckBox *ExportDialog::addColumnCheckBox(ExportColumn column, const QString &text, const QString &toolTip)
{
    auto *box = new QCheckBox(text, this);
    const QString name = ExportOptions::columnName(column);
    box->setObjectName(name + u"CheckBox"_s);
    box->setAccessibleName(tr("Column %1").arg(AccessKeyText::plain(text)));
    box->setToolTip(toolTip.isEmpty() ? tr("Column “%1” in the file").arg(name)
                                      : tr("%1\nColumn “%2” in the file").arg(toolTip, name));
    connect(box, &QCheckBox::toggled, this, [this, column, box](bool checked) {
        // A Q App column ticked by the user is a wish kept while the instance id is missing.
        if (ExportOptions::qAppColumns().contains(column) && box->isEnabled()) {
            if (checked)
                m_wantedQAppColumns.insert(column);
            else
                m_wantedQAppColumns.remove(column);
        }
        updateControls();
    });
    m_columnCheckBoxes.insert(column, box);
    return box;
}

QWidget *ExportDialog::createColumnsBox()
{
    auto *box = new QGroupBox(tr("Columns"), this);
    box->setObjectName(u"columnsGroupBox"_s);
    box->setAccessibleName(tr("Columns to export"));

    auto *basic = new QGridLayout;
    const QList<QCheckBox *> basicBoxes = {
        addColumnCheckBox(ExportColumn::SessionId, tr("Session &ID"), {}),
        addColumnCheckBox(ExportColumn::Username, tr("User&name"), {}),
        addColumnCheckBox(ExportColumn::Status, tr("S&tatus"), {}),
        addColumnCheckBox(ExportColumn::StartTime, tr("Start ti&me"), {}),
        addColumnCheckBox(ExportColumn::EndTime, tr("En&d time"), tr("Empty while the session is active")),
        addColumnCheckBox(ExportColumn::PortalArn, tr("Portal &ARN"), {}),
        addColumnCheckBox(ExportColumn::DurationSeconds, tr("Duration (seconds)"),
                          tr("Whole seconds from start to end; empty while the session is active")),
        addColumnCheckBox(ExportColumn::PortalName, tr("Portal name"), {}),
    };
    for (int i = 0; i < basicBoxes.size(); ++i)
        basic->addWidget(basicBoxes.at(i), i / 2, i % 2);

    auto *lookupHeading = new QLabel(tr("Looked up for each session"), box);
    lookupHeading->setObjectName(u"lookupHeadingLabel"_s);
    lookupHeading->setAccessibleName(lookupHeading->text());
    {
        QFont font = lookupHeading->font();
        font.setBold(true);
        lookupHeading->setFont(font);
    }
    m_lookupNoteLabel = noteLabel(u"lookupNoteLabel"_s, tr("About looked-up columns"), box);
    m_lookupNoteLabel->setText(tr("Each of these needs one more request per session, so a large export "
                                  "takes longer."));

    QCheckBox *clientIps =
        addColumnCheckBox(ExportColumn::ClientIpAddresses, tr("&Client IP addresses"),
                          tr("One GetSession request per session; the addresses are joined with ';' in CSV"));

    auto *qAppHeading = new QLabel(tr("Amazon Q Apps sharing"), box);
    qAppHeading->setObjectName(u"qAppHeadingLabel"_s);
    qAppHeading->setAccessibleName(qAppHeading->text());
    const QString perSession = tr("One GetQAppSessionMetadata request per session");
    auto *qAppGrid = new QGridLayout;
    const QList<QCheckBox *> qAppBoxes = {
        addColumnCheckBox(ExportColumn::QAppSession, tr("Q App session"),
                          tr("%1; “present” or “none”").arg(perSession)),
        addColumnCheckBox(ExportColumn::QAppSessionName, tr("Q App session name"), perSession),
        addColumnCheckBox(ExportColumn::QAppSharingEnabled, tr("Sharing enabled"), perSession),
        addColumnCheckBox(ExportColumn::QAppAcceptResponses, tr("Accepts responses"), perSession),
        addColumnCheckBox(ExportColumn::QAppRevealCards, tr("Reveals cards"), perSession),
        addColumnCheckBox(ExportColumn::QAppSessionOwner, tr("You own the session"),
                          tr("%1; whether the caller's identity owns the Q App session").arg(perSession)),
    };
    for (int i = 0; i < qAppBoxes.size(); ++i)
        qAppGrid->addWidget(qAppBoxes.at(i), i / 2, i % 2);

    m_qAppNoteLabel = noteLabel(u"qAppNoteLabel"_s, tr("Why the Q App columns are unavailable"), box);
    m_qAppNoteLabel->setText(tr("Reading Q App sharing settings needs the ID of your Amazon Q Business "
                                "instance, which is not set for this connection."));
    m_setInstancePushButton = new QPushButton(tr("Set &instance ID…"), box);
    m_setInstancePushButton->setObjectName(u"setInstancePushButton"_s);
    m_setInstancePushButton->setAccessibleName(tr("Set the Amazon Q Business instance ID"));
    connect(m_setInstancePushButton, &QPushButton::clicked, this, &ExportDialog::configureInstanceRequested);
    auto *instanceRow = new QHBoxLayout;
    instanceRow->addWidget(m_setInstancePushButton);
    instanceRow->addStretch(1);

    auto *defaults = new QPushButton(tr("Default co&lumns"), box);
    defaults->setObjectName(u"defaultColumnsPushButton"_s);
    defaults->setAccessibleName(tr("Choose the default columns"));
    defaults->setToolTip(tr("Session ID, username, status, start time, end time and portal ARN: the fields "
                            "of the session list"));
    connect(defaults, &QPushButton::clicked, this, [this] { setColumns(ExportOptions::defaultColumns()); });
    auto *defaultsRow = new QHBoxLayout;
    defaultsRow->addStretch(1);
    defaultsRow->addWidget(defaults);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(basic);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    layout->addWidget(lookupHeading);
    layout->addWidget(m_lookupNoteLabel);
    layout->addWidget(clientIps);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    layout->addWidget(qAppHeading);
    layout->addLayout(qAppGrid);
    layout->addWidget(m_qAppNoteLabel);
    layout->addLayout(instanceRow);
    layout->addStretch(1);
    layout->addLayout(defaultsRow);
    return box;
}

QWidget *ExportDialog::createProgressPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"progressPageWidget"_s);
    page->setAccessibleName(tr("Export progress"));

    m_progressTitleLabel = new QLabel(page);
    m_progressTitleLabel->setObjectName(u"progressTitleLabel"_s);
    m_progressTitleLabel->setAccessibleName(tr("What is exported"));
    m_progressTitleLabel->setWordWrap(true);
    m_progressTitleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_progressBar = new QProgressBar(page);
    m_progressBar->setObjectName(u"exportProgressBar"_s);
    m_progressBar->setAccessibleName(tr("Export progress"));

    const auto value = [page](const QString &objectName, const QString &accessibleName) {
        auto *label = new QLabel(page);
        label->setObjectName(objectName);
        label->setAccessibleName(accessibleName);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_rowsValueLabel = value(u"rowsWrittenLabel"_s, tr("Sessions written"));
    m_rateValueLabel = value(u"rateLabel"_s, tr("Rate"));
    m_elapsedValueLabel = value(u"elapsedLabel"_s, tr("Elapsed time"));
    m_lookupsValueLabel = value(u"lookupsLabel"_s, tr("Lookups"));
    m_lookupsValueLabel->setToolTip(tr("GetSession and GetQAppSessionMetadata requests for the looked-up "
                                       "columns"));

    auto *form = new QFormLayout;
    m_progressFormLayout = form;
    form->setObjectName(u"progressFormLayout"_s);
    form->addRow(tr("Sessions written:"), m_rowsValueLabel);
    form->addRow(tr("Rate:"), m_rateValueLabel);
    form->addRow(tr("Elapsed:"), m_elapsedValueLabel);
    form->addRow(tr("Lookups:"), m_lookupsValueLabel);
    static const QStringList names = {u"rowsWrittenCaptionLabel"_s, u"rateCaptionLabel"_s,
                                      u"elapsedCaptionLabel"_s, u"lookupsCaptionLabel"_s};
    for (int row = 0; row < form->rowCount(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)->widget())) {
            label->setObjectName(names.value(row));
            label->setAccessibleName(AccessKeyText::labelName(label->text()));
        }
    }

    m_throttleLabel = new QLabel(page);
    m_throttleLabel->setObjectName(u"throttleLabel"_s);
    m_throttleLabel->setAccessibleName(tr("Slowed down"));
    m_throttleLabel->setWordWrap(true);
    m_throttleLabel->setText(tr("Slowed down: AWS is limiting requests. The export goes on with fewer "
                                "requests at a time."));
    m_throttleLabel->hide();

    m_outcomeLabel = new QLabel(page);
    m_outcomeLabel->setObjectName(u"outcomeLabel"_s);
    m_outcomeLabel->setAccessibleName(tr("Outcome"));
    m_outcomeLabel->setWordWrap(true);
    m_outcomeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    {
        QFont font = m_outcomeLabel->font();
        font.setBold(true);
        m_outcomeLabel->setFont(font);
    }

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progressDetailsLabel = noteLabel(u"progressDetailsLabel"_s, tr("Format and columns"), page);
    m_progressDetailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const int gap = style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing) * 2;
    layout->addWidget(m_progressTitleLabel);
    layout->addWidget(m_progressDetailsLabel);
    layout->addSpacing(gap);
    layout->addWidget(m_progressBar);
    layout->addLayout(form);
    layout->addWidget(m_throttleLabel);
    layout->addSpacing(gap);
    layout->addWidget(m_outcomeLabel);
    layout->addStretch(1);
    return page;
}

// --- Choices -----------------------------------------------------------------------------------------

ExportDialog::Scope ExportDialog::scope() const
{
    const int id = m_scopeButtonGroup->checkedId();
    return id < 0 ? Scope::AllMatching : Scope(id);
}

void ExportDialog::setScope(Scope scope)
{
    if (QAbstractButton *button = m_scopeButtonGroup->button(int(scope)))
        button->setChecked(true);
    updateControls();
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.format = ExportFormat(m_formatComboBox->currentData().toInt());
    options.columns.clear();
    for (ExportColumn column : ExportOptions::allColumns()) {
        const QCheckBox *box = m_columnCheckBoxes.value(column);
        if (box && box->isEnabled() && box->isChecked())
            options.columns.append(column);
    }
    options.timeMode = m_utcRadioButton->isChecked() ? TimeFormat::Mode::Utc : TimeFormat::Mode::Local;
    options.csvByteOrderMark = m_bomCheckBox->isChecked();
    options.spreadsheetSafe = m_spreadsheetSafeCheckBox->isChecked();
    return options;
}

void ExportDialog::setColumns(const QList<ExportColumn> &columns)
{
    m_wantedQAppColumns.clear();
    for (ExportColumn column : ExportOptions::qAppColumns()) {
        if (columns.contains(column))
            m_wantedQAppColumns.insert(column);
    }
    for (auto it = m_columnCheckBoxes.cbegin(); it != m_columnCheckBoxes.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->setChecked(columns.contains(it.key()) && it.value()->isEnabled());
    }
    updateControls();
}

void ExportDialog::restoreChoices()
{
    const auto format = ExportOptions::formatFromName(
        m_settings->value(AppSettings::Key::ExportFormat, ExportOptions::formatName(ExportFormat::Csv))
            .toString());
    m_formatComboBox->setCurrentIndex(
        std::max(0, m_formatComboBox->findData(int(format.value_or(ExportFormat::Csv)))));

    QList<ExportColumn> columns = ExportOptions::defaultColumns();
    const QString stored = m_settings->value(AppSettings::Key::ExportColumns).toString();
    if (!stored.isEmpty()) {
        // Columns a later version renamed or dropped are not an error here: fall back to the defaults.
        if (const AwsResult<QList<ExportColumn>> parsed = ExportOptions::parseColumns(stored); parsed)
            columns = parsed.value();
    }
    const bool utc = m_settings->value(AppSettings::Key::ExportTimesInUtc, true).toBool();
    m_utcRadioButton->setChecked(utc);
    m_localRadioButton->setChecked(!utc);
    m_bomCheckBox->setChecked(m_settings->value(AppSettings::Key::ExportByteOrderMark, false).toBool());
    // On in the GUI by default: files from here are mostly opened in a spreadsheet program.
    m_spreadsheetSafeCheckBox->setChecked(
        m_settings->value(AppSettings::Key::ExportSpreadsheetSafe, true).toBool());
    // Enable the Q App boxes first when they can be used, so their remembered state sticks.
    for (ExportColumn column : ExportOptions::qAppColumns())
        m_columnCheckBoxes.value(column)->setEnabled(!m_source.qBusinessInstanceId.isEmpty());
    setColumns(columns);
}

void ExportDialog::saveChoices()
{
    const ExportOptions chosen = options();
    QStringList columns;
    for (ExportColumn column : ExportOptions::allColumns()) {
        // Q App columns wanted but unavailable (no instance id) stay remembered for when one is set.
        if (chosen.columns.contains(column) || m_wantedQAppColumns.contains(column))
            columns.append(ExportOptions::columnName(column));
    }
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
    const bool available = !m_source.qBusinessInstanceId.isEmpty();
    for (ExportColumn column : ExportOptions::qAppColumns()) {
        QCheckBox *box = m_columnCheckBoxes.value(column);
        const QSignalBlocker blocker(box);
        box->setEnabled(available);
        // Unavailable boxes show unchecked (nothing of them is exported); the wish is kept.
        box->setChecked(available && m_wantedQAppColumns.contains(column));
    }
    m_qAppNoteLabel->setVisible(!available);
    m_setInstancePushButton->setVisible(!available);
    m_setInstancePushButton->setEnabled(m_gateway != nullptr);
    updateControls();
}

QString ExportDialog::portalLabel() const
{
    return m_source.portalName.isEmpty() ? m_source.query.portalId : m_source.portalName;
}

QString ExportDialog::queryDescription() const
{
    if (!m_source.query.isValid())
        return tr("No portal is chosen.");
    QStringList parts;
    // Names can be long (a username up to 256 characters); the whole text is in the tooltip.
    const auto shortened = [](const QString &text) {
        constexpr int maxChars = 40;
        return text.size() > maxChars ? text.left(maxChars - 1) + u'…' : text;
    };
    parts.append(tr("Portal “%1”").arg(shortened(portalLabel())));
    switch (m_source.query.status) {
    case SessionQuery::StatusFilter::Any:
        parts.append(tr("any status"));
        break;
    case SessionQuery::StatusFilter::Active:
        parts.append(tr("active only"));
        break;
    case SessionQuery::StatusFilter::Terminated:
        parts.append(tr("terminated only"));
        break;
    }
    if (!m_source.query.username.isEmpty())
        parts.append(tr("user %1").arg(shortened(m_source.query.username)));
    if (!m_source.query.sessionId.isEmpty())
        parts.append(tr("session %1").arg(m_source.query.sessionId));
    parts.append(m_source.query.sort == SessionQuery::Sort::NewestFirst ? tr("newest first")
                                                                        : tr("oldest first"));
    return parts.join(tr(" · ")) + u'\n' + tr("Fetched from the service; the table is not changed.");
}

void ExportDialog::updateScopeTexts()
{
    const int selected = int(m_source.selectedSessions.size());
    const int loaded = m_source.model ? m_source.model->rowCount() : 0;
    m_selectedRadioButton->setText(tr("&Selected rows (%1)").arg(QLocale().toString(selected)));
    m_selectedRadioButton->setAccessibleName(tr("Selected rows"));
    m_selectedRadioButton->setEnabled(selected > 0);
    const bool complete = m_source.model && m_source.model->isComplete();
    m_loadedRadioButton->setText(complete
                                     ? tr("&Loaded rows (%1, the whole list)").arg(QLocale().toString(loaded))
                                     : tr("&Loaded rows (%1)").arg(QLocale().toString(loaded)));
    m_loadedRadioButton->setAccessibleName(tr("Loaded rows"));
    m_loadedRadioButton->setToolTip(complete ? QString()
                                             : tr("Only the rows the table has loaded so far, in its order"));
    m_loadedRadioButton->setEnabled(loaded > 0);
    m_allRadioButton->setEnabled(m_source.query.isValid() && m_gateway);
    m_queryLabel->setText(queryDescription());
    QString fullNames = tr("Portal: %1").arg(portalLabel());
    if (!m_source.query.username.isEmpty())
        fullNames += u'\n' + tr("User: %1").arg(m_source.query.username);
    m_queryLabel->setToolTip(fullNames);
    updateControls();
}

void ExportDialog::updateControls()
{
    if (!m_formatComboBox || !m_exportPushButton)
        return; // still being built
    const ExportOptions chosen = options();
    const bool csv = chosen.format == ExportFormat::Csv;
    m_bomCheckBox->setEnabled(csv);
    m_spreadsheetSafeCheckBox->setEnabled(csv);

    QString problem;
    if (const std::optional<AwsError> invalid = chosen.validate())
        problem = invalid->message();
    else if (scope() == Scope::SelectedRows && m_source.selectedSessions.isEmpty())
        problem = tr("No rows are selected.");
    else if (scope() == Scope::LoadedRows && (!m_source.model || m_source.model->rowCount() == 0))
        problem = tr("No rows are loaded.");
    else if (scope() == Scope::AllMatching && !m_source.query.isValid())
        problem = tr("Choose a portal first.");
    else if (scope() == Scope::AllMatching && !m_gateway)
        problem = tr("Not connected.");
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
    m_exportPushButton->setEnabled(problem.isEmpty() && m_phase == Phase::Choosing);
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
    QString filter;
    switch (format) {
    case ExportFormat::Csv:
        filter = tr("CSV files (*.csv)");
        break;
    case ExportFormat::Json:
        filter = tr("JSON files (*.json)");
        break;
    case ExportFormat::JsonLines:
        filter = tr("JSON Lines files (*.jsonl)");
        break;
    }
    QPointer<ExportDialog> self(this);
    ExportFileChooser::chooseSaveFile(this, tr("Export sessions to"), suggestedPath(), filter,
                                      ExportOptions::fileExtension(format), [self](const QString &path) {
                                          if (self)
                                              self->startExport(path);
                                      });
}

bool ExportDialog::startExport(const QString &path)
{
    if (m_phase == Phase::Running || path.isEmpty())
        return false;
    m_phase = Phase::Choosing;
    updateControls();
    if (!m_exportPushButton->isEnabled())
        return false; // the problem label says why

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
    m_phase = Phase::Running;
    m_succeeded = false;
    m_outcome.clear();
    m_throttleNoticed = false;

    const QString file = nativeName(m_targetPath);
    switch (chosenScope) {
    case Scope::SelectedRows:
        m_progressTitleLabel->setText(
            tr("Exporting the selected rows (%1) to %2").arg(QLocale().toString(m_rowsTotal), file));
        break;
    case Scope::LoadedRows:
        m_progressTitleLabel->setText(
            tr("Exporting the loaded rows (%1) to %2").arg(QLocale().toString(m_rowsTotal), file));
        break;
    case Scope::AllMatching:
        m_progressTitleLabel->setText(
            tr("Exporting every matching session of “%1” to %2").arg(portalLabel(), file));
        break;
    }
    QStringList columnNames;
    for (ExportColumn column : chosen.columns)
        columnNames.append(ExportOptions::columnName(column));
    QString format;
    switch (chosen.format) {
    case ExportFormat::Csv:
        format = chosen.spreadsheetSafe ? tr("CSV, spreadsheet-safe") : tr("CSV, exact values");
        break;
    case ExportFormat::Json:
        format = tr("JSON");
        break;
    case ExportFormat::JsonLines:
        format = tr("JSON Lines");
        break;
    }
    m_progressDetailsLabel->setText(
        tr("%1 · times in %2 · columns: %3")
            .arg(format, chosen.timeMode == TimeFormat::Mode::Utc ? tr("UTC") : tr("local time with offset"),
                 columnNames.join(u", "_s)));
    if (m_rowsTotal >= 0)
        m_progressBar->setRange(0, int(std::min<qint64>(m_rowsTotal, std::numeric_limits<int>::max())));
    else
        m_progressBar->setRange(0, 0); // unknown total: a busy indicator
    m_progressBar->setValue(0);
    m_outcomeLabel->clear();
    m_outcomeLabel->hide();
    m_pagesStackedWidget->setCurrentIndex(1);
    m_exportPushButton->hide();
    m_cancelPushButton->hide();
    m_backPushButton->hide();
    m_closePushButton->hide();
    m_stopPushButton->show();
    m_stopPushButton->setEnabled(true);
    m_stopPushButton->setFocus();

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
    const QLocale locale;
    m_rowsValueLabel->setText(
        m_rowsTotal >= 0 ? tr("%1 of %2").arg(locale.toString(p.rowsWritten), locale.toString(m_rowsTotal))
                         : locale.toString(p.rowsWritten));
    const double rate = p.rowsPerSecond();
    m_rateValueLabel->setText(
        tr("%1 sessions per second").arg(locale.toString(rate, 'f', rate > 0 && rate < 10 ? 1 : 0)));
    m_elapsedValueLabel->setText(TimeFormat::duration(p.elapsedMsec / 1000));
    const bool lookups = m_runningOptions.needsLookups();
    m_lookupsValueLabel->setText(
        tr("%1 answered, %2 in flight").arg(locale.toString(p.enrichmentRequests)).arg(p.enrichmentInFlight));
    m_progressFormLayout->setRowVisible(m_lookupsValueLabel, lookups);
    m_throttleLabel->setVisible(p.enrichmentThrottled > 0 || m_throttleNoticed);
    if (m_rowsTotal >= 0)
        m_progressBar->setValue(int(std::min<qint64>(p.rowsWritten, m_progressBar->maximum())));
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
    m_phase = Phase::Finished;
    m_succeeded = ok;
    m_outcome = SessionExporter::summary(ok, error, rows, m_targetPath);
    updateProgress();
    if (ok) {
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(1);
    } else if (m_rowsTotal < 0) {
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(0);
    }
    m_outcomeLabel->setText(m_outcome);
    m_outcomeLabel->show();
    m_stopPushButton->hide();
    m_backPushButton->show();
    m_closePushButton->show();
    m_closePushButton->setDefault(true);
    m_closePushButton->setFocus();
    Q_EMIT exportFinished(ok, m_outcome);
}

void ExportDialog::showOptionsPage()
{
    if (m_phase == Phase::Running)
        return;
    const bool afterFailure = m_phase == Phase::Finished && !m_succeeded;
    m_phase = Phase::Choosing;
    m_pagesStackedWidget->setCurrentIndex(0);
    m_stopPushButton->hide();
    m_backPushButton->hide();
    m_closePushButton->hide();
    m_exportPushButton->show();
    m_cancelPushButton->show();
    m_exportPushButton->setDefault(true);
    updateControls();
    if (afterFailure && !m_outcome.isEmpty()) {
        // Keep what went wrong in sight until the user changes a choice.
        m_problemLabel->setText(m_outcome);
        m_problemLabel->show();
    }
}

void ExportDialog::reject()
{
    if (m_phase == Phase::Running) {
        cancelExport();
        return;
    }
    QDialog::reject();
}
