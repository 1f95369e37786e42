// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ExportOptionsPage.h"

#include "common/AccessKeyText.h"
#include "export/ExportFormatText.h"
#include "export/ExportLabels.h"
#include "sessions/TimeFormat.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Check boxes two to a row, in reading order.
void addInTwoColumns(QGridLayout *grid, const QList<QCheckBox *> &boxes)
{
    for (int i = 0; i < boxes.size(); ++i)
        grid->addWidget(boxes.at(i), i / 2, i % 2);
}

// A group of options: `title` on screen, `accessibleName` for screen readers.
QGroupBox *groupBox(const QString &objectName, const QString &title, const QString &accessibleName,
                    QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    return box;
}

} // namespace

ExportOptionsPage::ExportOptionsPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"optionsPageWidget"_s);
    setAccessibleName(tr("Export options"));

    m_problemLabel = ExportLabels::message(u"problemLabel"_s, tr("Problem"), this);
    m_problemLabel->hide();

    auto *left = new QVBoxLayout;
    left->addWidget(createScopeBox());
    left->addWidget(createFormatBox());
    left->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addWidget(createColumnsBox(), 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problemLabel);
}

QWidget *ExportOptionsPage::createScopeBox()
{
    QGroupBox *box = groupBox(u"scopeGroupBox"_s, tr("Sessions"), tr("Sessions to export"), this);

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
    m_queryLabel = ExportLabels::note(u"queryLabel"_s, tr("Portal and filters"), box);
    // Its lines are short (long names are shortened): without word wrap its height is always right.
    m_queryLabel->setWordWrap(false);

    m_scopeButtonGroup = new QButtonGroup(this);
    m_scopeButtonGroup->addButton(m_selectedRadioButton, int(Scope::SelectedRows));
    m_scopeButtonGroup->addButton(m_loadedRadioButton, int(Scope::LoadedRows));
    m_scopeButtonGroup->addButton(m_allRadioButton, int(Scope::AllMatching));
    connect(m_scopeButtonGroup, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            onChoiceChanged();
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

QWidget *ExportOptionsPage::createFormatBox()
{
    QGroupBox *box = groupBox(u"formatGroupBox"_s, tr("Format"), tr("Format and options"), this);

    m_formatComboBox = new QComboBox(box);
    m_formatComboBox->setObjectName(u"formatComboBox"_s);
    m_formatComboBox->setAccessibleName(tr("File format"));
    for (ExportFormat format : {ExportFormat::Csv, ExportFormat::Json, ExportFormat::JsonLines})
        m_formatComboBox->addItem(ExportFormatText::of(format).choice, int(format));
    connect(m_formatComboBox, &QComboBox::currentIndexChanged, this, &ExportOptionsPage::onChoiceChanged);

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
    ExportLabels::addFormRow(layout, u"formatLabel"_s, tr("F&ile format:"), m_formatComboBox);
    ExportLabels::addFormRow(layout, u"timesLabel"_s, tr("Times:"), times);
    ExportLabels::addFormRow(layout, u"csvLabel"_s, tr("CSV:"), csv);
    return box;
}

QCheckBox *ExportOptionsPage::addColumnCheckBox(ExportColumn column, const QString &text,
                                                const QString &toolTip)
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
        onChoiceChanged();
    });
    m_columnCheckBoxes.insert(column, box);
    return box;
}

QWidget *ExportOptionsPage::createColumnsBox()
{
    QGroupBox *box = groupBox(u"columnsGroupBox"_s, tr("Columns"), tr("Columns to export"), this);

    auto *basic = new QGridLayout;
    addInTwoColumns(basic, {
                               addColumnCheckBox(ExportColumn::SessionId, tr("Session &ID"), {}),
                               addColumnCheckBox(ExportColumn::Username, tr("User&name"), {}),
                               addColumnCheckBox(ExportColumn::Status, tr("S&tatus"), {}),
                               addColumnCheckBox(ExportColumn::StartTime, tr("Start ti&me"), {}),
                               addColumnCheckBox(ExportColumn::EndTime, tr("En&d time"),
                                                 tr("Empty while the session is active")),
                               addColumnCheckBox(ExportColumn::PortalArn, tr("Portal &ARN"), {}),
                               addColumnCheckBox(
                                   ExportColumn::DurationSeconds, tr("Duration (seconds)"),
                                   tr("Whole seconds from start to end; empty while the session is active")),
                               addColumnCheckBox(ExportColumn::PortalName, tr("Portal name"), {}),
                           });

    auto *lookupHeading = new QLabel(tr("Looked up for each session"), box);
    lookupHeading->setObjectName(u"lookupHeadingLabel"_s);
    lookupHeading->setAccessibleName(lookupHeading->text());
    ExportLabels::setBold(lookupHeading);
    QLabel *lookupNote = ExportLabels::note(u"lookupNoteLabel"_s, tr("About looked-up columns"), box);
    lookupNote->setText(
        tr("Each of these needs one more request per session, so a large export takes longer."));

    QCheckBox *clientIps =
        addColumnCheckBox(ExportColumn::ClientIpAddresses, tr("&Client IP addresses"),
                          tr("One GetSession request per session; the addresses are joined with ';' in CSV"));

    auto *qAppHeading = new QLabel(tr("Amazon Q Apps sharing"), box);
    qAppHeading->setObjectName(u"qAppHeadingLabel"_s);
    qAppHeading->setAccessibleName(qAppHeading->text());
    const QString perSession = tr("One GetQAppSessionMetadata request per session");
    auto *qAppGrid = new QGridLayout;
    addInTwoColumns(
        qAppGrid,
        {
            addColumnCheckBox(ExportColumn::QAppSession, tr("Q App session"),
                              tr("%1; “present” or “none”").arg(perSession)),
            addColumnCheckBox(ExportColumn::QAppSessionName, tr("Q App session name"), perSession),
            addColumnCheckBox(ExportColumn::QAppSharingEnabled, tr("Sharing enabled"), perSession),
            addColumnCheckBox(ExportColumn::QAppAcceptResponses, tr("Accepts responses"), perSession),
            addColumnCheckBox(ExportColumn::QAppRevealCards, tr("Reveals cards"), perSession),
            addColumnCheckBox(ExportColumn::QAppSessionOwner, tr("You own the session"),
                              tr("%1; whether the caller's identity owns the Q App session").arg(perSession)),
        });

    m_qAppNoteLabel =
        ExportLabels::note(u"qAppNoteLabel"_s, tr("Why the Q App columns are unavailable"), box);
    m_qAppNoteLabel->setText(tr("Reading Q App sharing settings needs the ID of your Amazon Q Business "
                                "instance, which is not set for this connection."));
    m_setInstancePushButton = new QPushButton(tr("Set &instance ID…"), box);
    m_setInstancePushButton->setObjectName(u"setInstancePushButton"_s);
    m_setInstancePushButton->setAccessibleName(tr("Set the Amazon Q Business instance ID"));
    connect(m_setInstancePushButton, &QPushButton::clicked, this,
            &ExportOptionsPage::configureInstanceRequested);
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
    layout->addWidget(lookupNote);
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

ExportOptionsPage::Scope ExportOptionsPage::scope() const
{
    const int id = m_scopeButtonGroup->checkedId();
    return id < 0 ? Scope::AllMatching : Scope(id);
}

void ExportOptionsPage::setScope(Scope scope)
{
    if (QAbstractButton *button = m_scopeButtonGroup->button(int(scope)))
        button->setChecked(true);
}

ExportOptions ExportOptionsPage::options() const
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

void ExportOptionsPage::setOptions(const ExportOptions &options)
{
    m_formatComboBox->setCurrentIndex(std::max(0, m_formatComboBox->findData(int(options.format))));
    const bool utc = options.timeMode == TimeFormat::Mode::Utc;
    m_utcRadioButton->setChecked(utc);
    m_localRadioButton->setChecked(!utc);
    m_bomCheckBox->setChecked(options.csvByteOrderMark);
    m_spreadsheetSafeCheckBox->setChecked(options.spreadsheetSafe);
    setColumns(options.columns);
}

QList<ExportColumn> ExportOptionsPage::rememberedColumns() const
{
    const ExportOptions chosen = options();
    QList<ExportColumn> columns;
    for (ExportColumn column : ExportOptions::allColumns()) {
        if (chosen.columns.contains(column) || m_wantedQAppColumns.contains(column))
            columns.append(column);
    }
    return columns;
}

void ExportOptionsPage::setColumns(const QList<ExportColumn> &columns)
{
    m_wantedQAppColumns.clear();
    for (ExportColumn column : ExportOptions::qAppColumns()) {
        if (columns.contains(column))
            m_wantedQAppColumns.insert(column);
    }
    for (auto it = m_columnCheckBoxes.cbegin(); it != m_columnCheckBoxes.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        // An unavailable Q App column stays unchecked; the wish above brings it back with an instance.
        it.value()->setChecked(columns.contains(it.key()) && it.value()->isEnabled());
    }
    onChoiceChanged();
}

void ExportOptionsPage::setScopeCounts(const ScopeCounts &counts)
{
    const QLocale locale;
    m_selectedRadioButton->setText(tr("&Selected rows (%1)").arg(locale.toString(counts.selected)));
    m_selectedRadioButton->setAccessibleName(tr("Selected rows"));
    m_selectedRadioButton->setEnabled(counts.selected > 0);
    m_loadedRadioButton->setText(
        counts.loadedIsComplete ? tr("&Loaded rows (%1, the whole list)").arg(locale.toString(counts.loaded))
                                : tr("&Loaded rows (%1)").arg(locale.toString(counts.loaded)));
    m_loadedRadioButton->setAccessibleName(tr("Loaded rows"));
    m_loadedRadioButton->setToolTip(
        counts.loadedIsComplete ? QString() : tr("Only the rows the table has loaded so far, in its order"));
    m_loadedRadioButton->setEnabled(counts.loaded > 0);
    m_allRadioButton->setEnabled(counts.serviceReachable);
}

void ExportOptionsPage::setQuery(const SessionQuery &query, const QString &portalLabel)
{
    QString description;
    if (!query.isValid()) {
        description = tr("No portal is chosen.");
    } else {
        QStringList parts;
        // Names can be long (a username up to 256 characters); the whole text is in the tooltip.
        const auto shortened = [](const QString &text) {
            constexpr int maxChars = 40;
            return text.size() > maxChars ? text.left(maxChars - 1) + u'…' : text;
        };
        parts.append(tr("Portal “%1”").arg(shortened(portalLabel)));
        switch (query.status) {
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
        if (!query.username.isEmpty())
            parts.append(tr("user %1").arg(shortened(query.username)));
        if (!query.sessionId.isEmpty())
            parts.append(tr("session %1").arg(query.sessionId));
        parts.append(query.sort == SessionQuery::Sort::NewestFirst ? tr("newest first") : tr("oldest first"));
        description =
            parts.join(tr(" · ")) + u'\n' + tr("Fetched from the service; the table is not changed.");
    }
    m_queryLabel->setText(description);
    QString fullNames = tr("Portal: %1").arg(portalLabel);
    if (!query.username.isEmpty())
        fullNames += u'\n' + tr("User: %1").arg(query.username);
    m_queryLabel->setToolTip(fullNames);
}

void ExportOptionsPage::setQAppAvailable(bool available, bool canSetInstance)
{
    for (ExportColumn column : ExportOptions::qAppColumns()) {
        QCheckBox *box = m_columnCheckBoxes.value(column);
        const QSignalBlocker blocker(box);
        box->setEnabled(available);
        // Unavailable boxes show unchecked (nothing of them is exported); the wish is kept.
        box->setChecked(available && m_wantedQAppColumns.contains(column));
    }
    m_qAppNoteLabel->setVisible(!available);
    m_setInstancePushButton->setVisible(!available);
    m_setInstancePushButton->setEnabled(canSetInstance);
    onChoiceChanged();
}

void ExportOptionsPage::setProblem(const QString &problem)
{
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
}

void ExportOptionsPage::onChoiceChanged()
{
    const bool csv = options().format == ExportFormat::Csv;
    m_bomCheckBox->setEnabled(csv);
    m_spreadsheetSafeCheckBox->setEnabled(csv);
    Q_EMIT choicesChanged();
}
