// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvReader.h"
#include "FakeServiceGateway.h"
#include "MainWindow.h"
#include "common/AppSettings.h"
#include "connection/DemoConnection.h"
#include "export/ExportDialog.h"
#include "export/ExportFileChooser.h"
#include "portals/PortalSelector.h"
#include "sessions/SessionFilterBar.h"
#include "sessions/SessionTableModel.h"
#include "sessions/SessionTableView.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolBar>

using namespace Qt::StringLiterals;

using Scope = ExportDialog::Scope;

namespace {

const QString instanceId = u"a1b2c3d4-5678-90ab-cdef-000000000001"_s;

// The UTC or local ISO 8601 text of an instant, built here without the export's own TimeFormat.
QString isoText(const QDateTime &utc, bool local)
{
    if (!local)
        return utc.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s);
    const int offset = QTimeZone::systemTimeZone().offsetFromUtc(utc);
    const QDateTime shifted = utc.toUTC().addSecs(offset);
    const int minutes = std::abs(offset) / 60;
    return shifted.toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) + u"%1%2:%3"_s.arg(offset < 0 ? u"-"_s : u"+"_s)
                                                              .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                                                              .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// Everything a test knows about one session, for the expected rows.
struct Known
{
    QString portalName;
    QHash<QString, QStringList> clientAddresses;
    QHash<QString, QAppSessionMetadata> qAppSessions;
};

// The object the JSON writers must produce for `s`: absent values are absent keys.
QJsonObject expectedObject(const SessionSummary &s, const QList<ExportColumn> &columns, bool local,
                           const Known &known)
{
    QJsonObject o;
    const QAppSessionMetadata *q =
        known.qAppSessions.contains(s.sessionId) ? &known.qAppSessions.find(s.sessionId).value() : nullptr;
    const auto optional = [&o](const QString &key, const std::optional<bool> &value) {
        if (value)
            o.insert(key, *value);
    };
    for (ExportColumn column : columns) {
        const QString key = ExportOptions::columnName(column);
        switch (column) {
        case ExportColumn::SessionId:
            o.insert(key, s.sessionId);
            break;
        case ExportColumn::Username:
            o.insert(key, s.username);
            break;
        case ExportColumn::Status:
            o.insert(key, s.statusText);
            break;
        case ExportColumn::StartTime:
            o.insert(key, isoText(s.startTime, local));
            break;
        case ExportColumn::EndTime:
            if (s.endTime.isValid())
                o.insert(key, isoText(s.endTime, local));
            break;
        case ExportColumn::PortalArn:
            o.insert(key, s.portalArn);
            break;
        case ExportColumn::DurationSeconds:
            if (s.endTime.isValid())
                o.insert(key, double(s.startTime.secsTo(s.endTime)));
            break;
        case ExportColumn::PortalName:
            o.insert(key, known.portalName);
            break;
        case ExportColumn::ClientIpAddresses:
            o.insert(key, QJsonArray::fromStringList(known.clientAddresses.value(s.sessionId)));
            break;
        case ExportColumn::QAppSession:
            o.insert(key, q ? u"present"_s : u"none"_s);
            break;
        case ExportColumn::QAppSessionName:
            if (q)
                o.insert(key, q->sessionName);
            break;
        case ExportColumn::QAppSharingEnabled:
            if (q)
                o.insert(key, q->sharingConfiguration.enabled);
            break;
        case ExportColumn::QAppAcceptResponses:
            if (q)
                optional(key, q->sharingConfiguration.acceptResponses);
            break;
        case ExportColumn::QAppRevealCards:
            if (q)
                optional(key, q->sharingConfiguration.revealCards);
            break;
        case ExportColumn::QAppSessionOwner:
            if (q)
                optional(key, q->sessionOwner);
            break;
        }
    }
    return o;
}

// The CSV record for an expected object: every column, absent values empty, lists joined with ';', and
// with spreadsheet-safe on, a leading apostrophe before what a spreadsheet would run as a formula.
QStringList csvRecord(const QJsonObject &o, const QList<ExportColumn> &columns, bool spreadsheetSafe)
{
    QStringList record;
    for (ExportColumn column : columns) {
        const QJsonValue v = o.value(ExportOptions::columnName(column));
        QString text;
        if (v.isBool())
            text = v.toBool() ? u"true"_s : u"false"_s;
        else if (v.isDouble())
            text = QString::number(qint64(v.toDouble()));
        else if (v.isArray())
            text = v.toVariant().toStringList().join(u';');
        else
            text = v.toString();
        static const QRegularExpression formula(u"^[=+\\-@\\t\\r]"_s);
        if (spreadsheetSafe && formula.match(text).hasMatch())
            text.prepend(u'\'');
        record.append(text);
    }
    return record;
}

QList<QJsonObject> readJson(const QByteArray &bytes, ExportFormat format, QString *error)
{
    QList<QJsonObject> objects;
    QJsonParseError parseError;
    if (format == ExportFormat::Json) {
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (!doc.isArray()) {
            *error = u"not a JSON array: "_s + parseError.errorString();
            return {};
        }
        for (const QJsonValue &v : doc.array())
            objects.append(v.toObject());
        return objects;
    }
    if (!bytes.isEmpty() && !bytes.endsWith('\n')) {
        *error = u"the last line has no line feed"_s;
        return {};
    }
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (!doc.isObject()) {
            *error = u"line is not an object: "_s + QString::fromUtf8(line);
            return {};
        }
        objects.append(doc.object());
    }
    return objects;
}

// A picture of `widget` after its pending layout requests (a label's new text) have been handled.
QPixmap grabLaidOut(QWidget *widget)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return widget->grab();
}

QStringList sessionIdsOf(const QList<SessionSummary> &sessions)
{
    QStringList ids;
    for (const SessionSummary &s : sessions)
        ids.append(s.sessionId);
    return ids;
}

} // namespace

/// The export dialog driven through its widgets in the real MainWindow, on the in-memory gateway (exact
/// control over pages, faults and held answers) and once on the embedded emulator (the real stack).
class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void actionOpensTheDialog();
    void exportWritesTheChosenRows_data();
    void exportWritesTheChosenRows();
    void lookupColumnsAreFetchedPerSession();
    void qAppColumnsNeedAnInstance();
    void serviceScopeShowsProgressAndCancels();
    void escapeCancelsARunningExport();
    void failedPageLeavesNoFileAndCountsRows();
    void failedLookupLeavesNoFile();
    void unwritableFolderLeavesNoFile();
    void throttledLookupsSayTheyAreSlowedDown();
    void choicesAreRemembered();
    void suggestedFileNameInTheLastFolder();
    void realFileDialogWritesTheChosenFile();
    void everyControlIsNamed();
    void emulatorExportMatchesTheService();
    void tabVisitsTheOptionsInReadingOrder();

private:
    void showWindow();
    void waitForTableToSettle();
    ExportDialog *openDialog();
    void setColumns(ExportDialog *dialog, const QList<ExportColumn> &columns);
    void setFormat(ExportDialog *dialog, ExportFormat format);
    bool exportTo(ExportDialog *dialog, const QString &path);
    QStringList exportFolderEntries() const;
    QList<SessionSummary> portalSessions(ListSessionsRequest::StatusFilter status) const;
    void verifyFile(const QString &path, const ExportOptions &options, const QList<SessionSummary> &expected,
                    const Known &known);
    SessionTableModel *model() const { return m_window->sessionModel(); }
    template <typename T>
    T *child(QObject *parent, const QString &name)
    {
        return parent->findChild<T *>(name);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_outDir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QPointer<FakeServiceGateway> m_gateway;
    QString m_portalId;
    QString m_portalName;
    std::unique_ptr<DemoConnection> m_demo;
};

void TestExportDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_outDir = m_dir->filePath(u"out"_s);
    QVERIFY(QDir().mkpath(m_outDir));
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
    m_gateway = new FakeServiceGateway;
    for (int i = 0; i < 3; ++i)
        m_gateway->portals.append(FakeServiceGateway::makePortal(u"Portal %1"_s.arg(i), i));
    m_portalId = m_gateway->portals.first().portalId();
    m_portalName = m_gateway->portals.first().displayName;
    QList<SessionSummary> sessions =
        FakeServiceGateway::makeSessions(m_gateway->portals.first().portalArn, 200);
    // Names a spreadsheet would run as formulas, and text that needs CSV quoting.
    sessions[1].username = u"=HYPERLINK(\"http://example.com\",\"x\")"_s;
    sessions[2].username = u"-2+3"_s;
    sessions[4].username = u"Zoë, \"the admin\""_s;
    m_gateway->sessions.insert(m_portalId, sessions);
    m_window = std::make_unique<MainWindow>(m_settings.get());
}

void TestExportDialog::cleanup()
{
    ExportFileChooser::setNextFileName(QString());
    // Consume a left-over answer so the next test starts clean.
    ExportFileChooser::chooseSaveFile(nullptr, {}, {}, {}, {}, [](const QString &) {});
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestExportDialog::showWindow()
{
    m_window->resize(1200, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setGateway(m_gateway);
    QTRY_COMPARE(m_window->portalSelector()->comboBox()->count(), 3);
    QTRY_VERIFY(model() && model()->rowCount() > 0);
    waitForTableToSettle();
}

void TestExportDialog::waitForTableToSettle()
{
    // The view fetches pages until a screenful more than it shows is loaded; then the table grows only
    // when scrolled or asked.
    SessionTableView *view = m_window->sessionTableView();
    const auto filled = [view, this] {
        const int rows = model()->rowCount();
        const int visibleRows = view->viewport()->height() / view->verticalHeader()->defaultSectionSize() + 1;
        const int lastVisible = view->rowAt(view->viewport()->height() - 1);
        return rows > 0 && lastVisible >= 0 && lastVisible < rows - visibleRows;
    };
    QTRY_VERIFY(!model()->isLoading() && (model()->isComplete() || filled()));
}

ExportDialog *TestExportDialog::openDialog()
{
    auto *action = m_window->findChild<QAction *>(u"exportAction"_s);
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    for (ExportDialog *dialog : m_window->findChildren<ExportDialog *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

void TestExportDialog::setColumns(ExportDialog *dialog, const QList<ExportColumn> &columns)
{
    for (ExportColumn column : ExportOptions::allColumns()) {
        auto *box = child<QCheckBox>(dialog, ExportOptions::columnName(column) + u"CheckBox"_s);
        QVERIFY(box);
        box->setChecked(columns.contains(column));
    }
}

void TestExportDialog::setFormat(ExportDialog *dialog, ExportFormat format)
{
    auto *combo = child<QComboBox>(dialog, u"formatComboBox"_s);
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(int(format)));
    QCOMPARE(dialog->options().format, format);
}

bool TestExportDialog::exportTo(ExportDialog *dialog, const QString &path)
{
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    ExportFileChooser::setNextFileName(path);
    auto *button = child<QPushButton>(dialog, u"exportPushButton"_s);
    if (!button || !button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return finished.wait(20000) && finished.first().at(0).toBool();
}

QStringList TestExportDialog::exportFolderEntries() const
{
    return QDir(m_outDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

QList<SessionSummary> TestExportDialog::portalSessions(ListSessionsRequest::StatusFilter status) const
{
    QList<SessionSummary> list;
    for (const SessionSummary &s : m_gateway->sessions.value(m_portalId)) {
        if (status == ListSessionsRequest::StatusFilter::Any ||
            (status == ListSessionsRequest::StatusFilter::Active) == (s.status == SessionStatus::Active))
            list.append(s);
    }
    return list;
}

void TestExportDialog::verifyFile(const QString &path, const ExportOptions &options,
                                  const QList<SessionSummary> &expected, const Known &known)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = file.readAll();
    const bool local = options.timeMode == TimeFormat::Mode::Local;
    if (options.format == ExportFormat::Csv) {
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), options.csvByteOrderMark);
        QString error;
        const auto records = CsvReader::parse(bytes, &error);
        QVERIFY2(records, qPrintable(error));
        QCOMPARE(records->size(), expected.size() + 1);
        QStringList header;
        for (ExportColumn column : options.columns)
            header.append(ExportOptions::columnName(column));
        QCOMPARE(records->first(), header);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject o = expectedObject(expected.at(i), options.columns, local, known);
            QCOMPARE(records->at(i + 1), csvRecord(o, options.columns, options.spreadsheetSafe));
        }
        return;
    }
    QString error;
    const QList<QJsonObject> objects = readJson(bytes, options.format, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(objects.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(objects.at(i), expectedObject(expected.at(i), options.columns, local, known));
}

// --- Tests -------------------------------------------------------------------------------------------

void TestExportDialog::actionOpensTheDialog()
{
    auto *action = m_window->findChild<QAction *>(u"exportAction"_s);
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QVERIFY(!action->isEnabled()); // not connected yet
    auto *fileMenu = m_window->findChild<QMenu *>(u"fileMenu"_s);
    QVERIFY(fileMenu && fileMenu->actions().contains(action));
    auto *toolBar = m_window->findChild<QToolBar *>(u"mainToolBar"_s);
    QVERIFY(toolBar && toolBar->actions().contains(action));

    showWindow();
    QVERIFY(action->isEnabled());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->sessionTableView()->setFocus();
    QTest::keyClick(m_window->sessionTableView(), Qt::Key_E, Qt::ControlModifier);
    ExportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ExportDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    QCOMPARE(dialog->phase(), ExportDialog::Phase::Choosing);
    // One row is current and selected; the default is every matching session.
    QCOMPARE(dialog->scope(), Scope::AllMatching);
    const ExportOptions options = dialog->options();
    QCOMPARE(options.format, ExportFormat::Csv);
    QCOMPARE(options.columns, ExportOptions::defaultColumns());
    QCOMPARE(options.timeMode, TimeFormat::Mode::Utc);
    QVERIFY(!options.csvByteOrderMark);
    QVERIFY(options.spreadsheetSafe); // on in the GUI by default
    QVERIFY(!child<QCheckBox>(dialog, u"spreadsheetSafeCheckBox"_s)->toolTip().isEmpty());
    auto *query = child<QLabel>(dialog, u"queryLabel"_s);
    QVERIFY2(query->text().contains(m_portalName), qPrintable(query->text()));
    // The loaded rows are counted in their choice.
    auto *loaded = child<QRadioButton>(dialog, u"loadedRowsRadioButton"_s);
    QVERIFY2(loaded->text().contains(QString::number(model()->rowCount())), qPrintable(loaded->text()));
    // Cancel closes without a file.
    QTest::mouseClick(child<QPushButton>(dialog, u"cancelPushButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(exportFolderEntries().isEmpty());
}

void TestExportDialog::exportWritesTheChosenRows_data()
{
    QTest::addColumn<int>("scope");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("columns");
    QTest::addColumn<bool>("local");
    QTest::addColumn<bool>("bom");
    QTest::addColumn<bool>("spreadsheetSafe");

    const QString defaults = u"sessionId,username,status,startTime,endTime,portalArn"_s;
    const QString extra = u"username,sessionId,durationSeconds,portalName,endTime"_s;
    QTest::newRow("selected csv defaults")
        << int(Scope::SelectedRows) << int(ExportFormat::Csv) << defaults << false << false << true;
    QTest::newRow("selected csv exact values")
        << int(Scope::SelectedRows) << int(ExportFormat::Csv) << defaults << false << true << false;
    QTest::newRow("loaded json local")
        << int(Scope::LoadedRows) << int(ExportFormat::Json) << extra << true << false << true;
    QTest::newRow("loaded jsonl") << int(Scope::LoadedRows) << int(ExportFormat::JsonLines) << defaults
                                  << false << false << true;
    QTest::newRow("all csv extra local")
        << int(Scope::AllMatching) << int(ExportFormat::Csv) << extra << true << true << true;
    QTest::newRow("all json defaults")
        << int(Scope::AllMatching) << int(ExportFormat::Json) << defaults << false << false << true;
}

void TestExportDialog::exportWritesTheChosenRows()
{
    QFETCH(int, scope);
    QFETCH(int, format);
    QFETCH(QString, columns);
    QFETCH(bool, local);
    QFETCH(bool, bom);
    QFETCH(bool, spreadsheetSafe);

    m_gateway->pageSize = 5; // the table fills its viewport and stops well before the end of the list
    showWindow();
    // Terminated sessions only: the service scope must carry the filter.
    m_window->filterBar()->setFilters(ListSessionsRequest::StatusFilter::Terminated, {}, {});
    waitForTableToSettle();
    const int loadedRows = model()->rowCount();
    const int pagesLoaded = model()->pagesLoaded();
    QVERIFY(!model()->isComplete()); // the service scope must fetch more than the table holds

    QList<SessionSummary> expected;
    if (scope == int(Scope::SelectedRows)) {
        // Three rows, including the ones with hostile usernames, selected out of order.
        SessionTableView *view = m_window->sessionTableView();
        view->clearSelection();
        for (int row : {3, 0, 1}) {
            view->selectionModel()->select(view->model()->index(row, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        for (int row : {0, 1, 3})
            expected.append(model()->session(row));
    } else if (scope == int(Scope::LoadedRows)) {
        expected = model()->sessions();
    } else {
        expected = portalSessions(ListSessionsRequest::StatusFilter::Terminated);
    }
    QVERIFY(!expected.isEmpty());

    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    if (scope == int(Scope::SelectedRows))
        QCOMPARE(dialog->scope(), Scope::SelectedRows); // more than one row selected: the default
    dialog->setScope(Scope(scope));
    QCOMPARE(dialog->scope(), Scope(scope));
    setFormat(dialog, ExportFormat(format));
    const auto parsed = ExportOptions::parseColumns(columns);
    QVERIFY(parsed);
    setColumns(dialog, parsed.value());
    child<QRadioButton>(dialog, local ? u"localTimeRadioButton"_s : u"utcRadioButton"_s)->click();
    child<QCheckBox>(dialog, u"byteOrderMarkCheckBox"_s)->setChecked(bom);
    child<QCheckBox>(dialog, u"spreadsheetSafeCheckBox"_s)->setChecked(spreadsheetSafe);
    // CSV options are only for CSV.
    QCOMPARE(child<QCheckBox>(dialog, u"byteOrderMarkCheckBox"_s)->isEnabled(),
             format == int(ExportFormat::Csv));

    const int requestsBefore = static_cast<int>(m_gateway->listRequests.size());
    QSignalSpy started(dialog, &ExportDialog::exportStarted);
    const QString path = m_outDir + u"/export."_s + ExportOptions::fileExtension(ExportFormat(format));
    QVERIFY(exportTo(dialog, path));
    QCOMPARE(started.count(), 1);
    QCOMPARE(dialog->phase(), ExportDialog::Phase::Finished);
    QVERIFY(dialog->lastExportSucceeded());
    QVERIFY2(dialog->outcomeText().contains(QString::number(expected.size())),
             qPrintable(dialog->outcomeText()));
    QCOMPARE(child<QLabel>(dialog, u"outcomeLabel"_s)->text(), dialog->outcomeText());
    // The window says it too.
    QCOMPARE(m_window->statusBar()->currentMessage(), dialog->outcomeText());

    ExportOptions options = dialog->options();
    options.columns = parsed.value();
    // Columns come in the dialog's fixed order, whatever order they were ticked in.
    QList<ExportColumn> ordered;
    for (ExportColumn column : ExportOptions::allColumns()) {
        if (parsed.value().contains(column))
            ordered.append(column);
    }
    QCOMPARE(dialog->options().columns, ordered);
    options.columns = ordered;
    Known known;
    known.portalName = m_portalName;
    verifyFile(path, options, expected, known);
    QCOMPARE(exportFolderEntries(), QStringList{QFileInfo(path).fileName()});

    if (scope == int(Scope::AllMatching)) {
        // Paged through the service with the table's filter and sort, without touching the table.
        QVERIFY(m_gateway->listRequests.size() > requestsBefore + 1);
        for (qsizetype i = requestsBefore; i < m_gateway->listRequests.size(); ++i) {
            QCOMPARE(m_gateway->listRequests.at(i).status, ListSessionsRequest::StatusFilter::Terminated);
            QCOMPARE(m_gateway->listRequests.at(i).portalId, m_portalId);
        }
    } else {
        QCOMPARE(m_gateway->listRequests.size(), requestsBefore); // nothing asked of the service
    }
    QCOMPARE(model()->rowCount(), loadedRows);
    QCOMPARE(model()->pagesLoaded(), pagesLoaded);

    // Close, and the dialog goes away.
    QTest::mouseClick(child<QPushButton>(dialog, u"closePushButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
}

void TestExportDialog::lookupColumnsAreFetchedPerSession()
{
    auto description = m_gateway->description();
    description.qBusinessInstanceId = instanceId;
    m_gateway->setDescription(description);
    const QList<SessionSummary> all = m_gateway->sessions.value(m_portalId);
    Known known;
    known.portalName = m_portalName;
    for (int i = 0; i < all.size(); i += 2)
        known.clientAddresses.insert(all.at(i).sessionId,
                                     {u"198.51.100.%1"_s.arg(i), u"2001:db8::%1"_s.arg(i)});
    for (int i = 0; i < all.size(); i += 3) {
        QAppSessionMetadata q;
        q.sessionId = all.at(i).sessionId;
        q.sessionArn = u"arn:aws:qapps:eu-west-1:111122223333:session/"_s + q.sessionId;
        q.sessionName = i % 2 ? u"=SUM(A1)"_s : u"Weekly review %1"_s.arg(i);
        q.sharingConfiguration.enabled = i % 2 == 0;
        if (i % 4 == 0)
            q.sharingConfiguration.acceptResponses = true;
        q.sharingConfiguration.revealCards = i % 5 == 0;
        q.sessionOwner = i % 6 == 0;
        known.qAppSessions.insert(q.sessionId, q);
    }
    m_gateway->clientAddresses = known.clientAddresses;
    m_gateway->qAppSessions = known.qAppSessions;

    showWindow();
    m_window->loadAll();
    QTRY_VERIFY(model()->isComplete());
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setScope(Scope::LoadedRows);
    const QList<ExportColumn> columns = ExportOptions::allColumns();
    setColumns(dialog, columns);
    QCOMPARE(dialog->options().columns, columns);
    setFormat(dialog, ExportFormat::Json);
    m_gateway->calls.clear();
    const QString path = m_outDir + u"/enriched.json"_s;
    QVERIFY(exportTo(dialog, path));
    ExportOptions options = dialog->options();
    verifyFile(path, options, model()->sessions(), known);
    // Exactly one request of each kind per session.
    QCOMPARE(m_gateway->calls.filter(u"GetSession "_s).size(), all.size());
    QCOMPARE(m_gateway->calls.filter(u"GetQAppSessionMetadata "_s).size(), all.size());
    QCOMPARE(dialog->progress().enrichmentRequests, 2 * all.size());
    QVERIFY(child<QLabel>(dialog, u"lookupsLabel"_s)->text().contains(QString::number(2 * all.size())));

    // The same as CSV, spreadsheet-safe: the Q App name that looks like a formula is defused.
    dialog->findChild<QPushButton *>(u"backPushButton"_s)->click();
    QCOMPARE(dialog->phase(), ExportDialog::Phase::Choosing);
    setFormat(dialog, ExportFormat::Csv);
    const QString csvPath = m_outDir + u"/enriched.csv"_s;
    QVERIFY(exportTo(dialog, csvPath));
    verifyFile(csvPath, dialog->options(), model()->sessions(), known);
}

void TestExportDialog::qAppColumnsNeedAnInstance()
{
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    const QList<ExportColumn> qAppColumns = {
        ExportColumn::QAppSession,         ExportColumn::QAppSessionName, ExportColumn::QAppSharingEnabled,
        ExportColumn::QAppAcceptResponses, ExportColumn::QAppRevealCards, ExportColumn::QAppSessionOwner};
    for (ExportColumn column : qAppColumns) {
        auto *box = child<QCheckBox>(dialog, ExportOptions::columnName(column) + u"CheckBox"_s);
        QVERIFY(!box->isEnabled());
        QVERIFY(!box->isChecked());
    }
    auto *note = child<QLabel>(dialog, u"qAppNoteLabel"_s);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"Amazon Q Business instance"_s), qPrintable(note->text()));
    if (const QString dir = qEnvironmentVariable("SESSIONSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(grabLaidOut(dialog).save(dir + u"/tst_exportdialog-no-instance.png"_s));
    // The client IP column needs no instance.
    QVERIFY(child<QCheckBox>(dialog, u"clientIpAddressesCheckBox"_s)->isEnabled());

    // "Set instance ID…" asks through the window's own dialog; the columns then become available.
    auto *set = child<QPushButton>(dialog, u"setInstancePushButton"_s);
    QVERIFY(set->isVisible());
    QTest::mouseClick(set, Qt::LeftButton);
    QInputDialog *input = nullptr;
    QTRY_VERIFY((input = m_window->findChild<QInputDialog *>(u"instanceIdInputDialog"_s)) &&
                input->isVisible());
    input->setTextValue(instanceId);
    input->accept();
    QTRY_VERIFY(child<QCheckBox>(dialog, u"qAppSharingEnabledCheckBox"_s)->isEnabled());
    QVERIFY(!note->isVisible());
    QVERIFY(!set->isVisible());

    // A Q App column chosen now is exported with one lookup per session.
    child<QCheckBox>(dialog, u"qAppSharingEnabledCheckBox"_s)->setChecked(true);
    QVERIFY(dialog->options().needsQAppMetadata());
    dialog->setScope(Scope::LoadedRows);
    m_gateway->calls.clear();
    QVERIFY(exportTo(dialog, m_outDir + u"/sharing.csv"_s));
    QCOMPARE(m_gateway->calls.filter(u"GetQAppSessionMetadata "_s).size(), model()->rowCount());
    const QStringList lookups = m_gateway->calls.filter(u"GetQAppSessionMetadata "_s);
    for (const QString &call : lookups)
        QVERIFY(call.contains(u'-')); // a session id was asked, not an empty one
}

void TestExportDialog::serviceScopeShowsProgressAndCancels()
{
    // A large portal, paged in 50s.
    const QString arn = m_gateway->portals.first().portalArn;
    m_gateway->sessions.insert(m_portalId, FakeServiceGateway::makeSessions(arn, 1000));
    m_gateway->pageSize = 50;
    showWindow();
    const int loadedRows = model()->rowCount();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setScope(Scope::AllMatching);
    m_gateway->holdAnswers(u"ListSessions"_s, true);
    QSignalSpy progress(dialog, &ExportDialog::progressChanged);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    ExportFileChooser::setNextFileName(m_outDir + u"/big.csv"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"exportPushButton"_s), Qt::LeftButton);
    QTRY_COMPARE(dialog->phase(), ExportDialog::Phase::Running);

    // The progress page: a busy bar (the total is unknown), the counts, a Cancel.
    auto *bar = child<QProgressBar>(dialog, u"exportProgressBar"_s);
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->maximum(), 0);
    auto *cancel = child<QPushButton>(dialog, u"cancelExportPushButton"_s);
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, u"closePushButton"_s)->isVisible());
    QVERIFY(child<QLabel>(dialog, u"progressTitleLabel"_s)->text().contains(m_portalName));

    // Two pages arrive.
    for (int page = 1; page <= 2; ++page) {
        QTRY_VERIFY(m_gateway->heldAnswers(u"ListSessions"_s) > 0); // the exporter has asked
        m_gateway->release(u"ListSessions"_s);
        QTRY_COMPARE(dialog->progress().rowsWritten, qint64(50 * page));
    }
    QTRY_VERIFY(progress.count() >= 2);
    QCOMPARE(progress.last().at(0).value<ExportProgress>().pagesFetched, 2);
    QCOMPARE(child<QLabel>(dialog, u"rowsWrittenLabel"_s)->text(), QLocale().toString(100));
    QVERIFY(child<QLabel>(dialog, u"rateLabel"_s)->text().contains(u"per second"_s));
    QVERIFY(!child<QLabel>(dialog, u"elapsedLabel"_s)->text().isEmpty());
    QVERIFY(!child<QLabel>(dialog, u"throttleLabel"_s)->isVisible());
    const QString details = child<QLabel>(dialog, u"progressDetailsLabel"_s)->text();
    QVERIFY2(details.contains(u"CSV"_s) && details.contains(u"sessionId, username"_s), qPrintable(details));
    if (const QString dir = qEnvironmentVariable("SESSIONSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(grabLaidOut(dialog).save(dir + u"/tst_exportdialog-progress.png"_s));
    // The window was not frozen and the table did not grow.
    QCOMPARE(model()->rowCount(), loadedRows);
    QVERIFY(QFile::exists(m_outDir + u"/big.csv"_s) == false);

    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(dialog->phase(), ExportDialog::Phase::Finished);
    const QString outcome = dialog->outcomeText();
    QVERIFY2(outcome.contains(u"cancelled"_s) && outcome.contains(u"100"_s), qPrintable(outcome));
    QVERIFY(child<QLabel>(dialog, u"outcomeLabel"_s)->isVisible());
    // Nothing on disk, not even a temporary file; a late answer changes nothing.
    QVERIFY2(exportFolderEntries().isEmpty(), qPrintable(exportFolderEntries().join(u", "_s)));
    m_gateway->release(u"ListSessions"_s);
    QTest::qWait(50);
    QVERIFY(exportFolderEntries().isEmpty());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(model()->rowCount(), loadedRows);

    // Back: the options again, with what happened in sight; another export works.
    m_gateway->holdAnswers(u"ListSessions"_s, false);
    QTest::mouseClick(child<QPushButton>(dialog, u"backPushButton"_s), Qt::LeftButton);
    QCOMPARE(dialog->phase(), ExportDialog::Phase::Choosing);
    QCOMPARE(child<QLabel>(dialog, u"problemLabel"_s)->text(), outcome);
    QVERIFY(exportTo(dialog, m_outDir + u"/big.csv"_s));
    Known known;
    known.portalName = m_portalName;
    verifyFile(m_outDir + u"/big.csv"_s, dialog->options(), m_gateway->sessions.value(m_portalId), known);
    QCOMPARE(bar->value(), bar->maximum());
}

void TestExportDialog::escapeCancelsARunningExport()
{
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setScope(Scope::AllMatching);
    m_gateway->holdAnswers(u"ListSessions"_s, true);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    ExportFileChooser::setNextFileName(m_outDir + u"/escape.json"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"exportPushButton"_s), Qt::LeftButton);
    QTRY_COMPARE(dialog->phase(), ExportDialog::Phase::Running);
    // Esc cancels the export; the dialog stays to say so. A second Esc closes it.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QCOMPARE(finished.count(), 1);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->outcomeText().contains(u"cancelled"_s));
    QVERIFY(exportFolderEntries().isEmpty());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());
}

void TestExportDialog::failedPageLeavesNoFileAndCountsRows()
{
    m_gateway->pageSize = 20;
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setScope(Scope::AllMatching);
    m_gateway->holdAnswers(u"ListSessions"_s, true);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    ExportFileChooser::setNextFileName(m_outDir + u"/failed.jsonl"_s);
    setFormat(dialog, ExportFormat::JsonLines);
    QTest::mouseClick(child<QPushButton>(dialog, u"exportPushButton"_s), Qt::LeftButton);
    QTRY_COMPARE(dialog->phase(), ExportDialog::Phase::Running);
    QTRY_VERIFY(m_gateway->heldAnswers(u"ListSessions"_s) > 0);
    m_gateway->release(u"ListSessions"_s); // page 1
    QTRY_COMPARE(dialog->progress().rowsWritten, qint64(20));
    // Page 3 is refused.
    m_gateway->failNext(u"ListSessions"_s, AwsError(AwsError::Category::AccessDenied, u"denied"_s)
                                               .setCode(u"AccessDeniedException"_s)
                                               .setHttpStatus(403)
                                               .setAction(u"workspaces-web:ListSessions"_s));
    QTRY_VERIFY(m_gateway->heldAnswers(u"ListSessions"_s) > 0);
    m_gateway->release(u"ListSessions"_s); // page 2, which asks for page 3
    QTRY_COMPARE(dialog->progress().rowsWritten, qint64(40));
    QTRY_VERIFY(m_gateway->heldAnswers(u"ListSessions"_s) > 0);
    m_gateway->release(u"ListSessions"_s); // the refusal
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), false);
    const QString outcome = finished.first().at(1).toString();
    QVERIFY2(outcome.contains(u"40"_s), qPrintable(outcome));
    QVERIFY2(outcome.contains(u"workspaces-web:ListSessions"_s), qPrintable(outcome));
    QVERIFY2(outcome.contains(u"No file was written"_s), qPrintable(outcome));
    QCOMPARE(child<QLabel>(dialog, u"outcomeLabel"_s)->text(), outcome);
    QCOMPARE(m_window->statusBar()->currentMessage(), outcome);
    QVERIFY(!dialog->lastExportSucceeded());
    QVERIFY2(exportFolderEntries().isEmpty(), qPrintable(exportFolderEntries().join(u", "_s)));
}

void TestExportDialog::failedLookupLeavesNoFile()
{
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setScope(Scope::LoadedRows);
    child<QCheckBox>(dialog, u"clientIpAddressesCheckBox"_s)->setChecked(true);
    m_gateway->failNext(u"GetSession"_s, AwsError(AwsError::Category::AccessDenied, u"denied"_s)
                                             .setCode(u"AccessDeniedException"_s)
                                             .setHttpStatus(403)
                                             .setAction(u"workspaces-web:GetSession"_s));
    QVERIFY(!exportTo(dialog, m_outDir + u"/ips.csv"_s));
    QVERIFY2(dialog->outcomeText().contains(u"workspaces-web:GetSession"_s),
             qPrintable(dialog->outcomeText()));
    QVERIFY(dialog->outcomeText().contains(u"No file was written"_s));
    QVERIFY(exportFolderEntries().isEmpty());
}

void TestExportDialog::unwritableFolderLeavesNoFile()
{
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setScope(Scope::LoadedRows);
    const QString path = m_outDir + u"/missing/folder/x.csv"_s;
    QVERIFY(!exportTo(dialog, path));
    const QString outcome = dialog->outcomeText();
    QVERIFY2(outcome.contains(u"Could not write the file"_s), qPrintable(outcome));
    QVERIFY2(outcome.contains(u"after 0 session"_s), qPrintable(outcome));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(exportFolderEntries().isEmpty());
}

void TestExportDialog::throttledLookupsSayTheyAreSlowedDown()
{
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setScope(Scope::LoadedRows);
    child<QCheckBox>(dialog, u"clientIpAddressesCheckBox"_s)->setChecked(true);
    // The transport gave up retrying one lookup: the exporter slows down and asks again later.
    m_gateway->failNext(u"GetSession"_s, AwsError(AwsError::Category::Throttled, u"Rate exceeded"_s)
                                             .setCode(u"ThrottlingException"_s)
                                             .setHttpStatus(429));
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    ExportFileChooser::setNextFileName(m_outDir + u"/slow.csv"_s);
    const QList<SessionSummary> expected = model()->sessions(); // read when the export starts
    QTest::mouseClick(child<QPushButton>(dialog, u"exportPushButton"_s), Qt::LeftButton);
    auto *throttle = child<QLabel>(dialog, u"throttleLabel"_s);
    QTRY_VERIFY(throttle->isVisible());
    QVERIFY2(throttle->text().contains(u"AWS is limiting requests"_s), qPrintable(throttle->text()));
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().at(0).toBool());
    QCOMPARE(dialog->progress().enrichmentThrottled, 1);
    Known known;
    known.portalName = m_portalName;
    verifyFile(m_outDir + u"/slow.csv"_s, dialog->options(), expected, known);
}

void TestExportDialog::choicesAreRemembered()
{
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setScope(Scope::LoadedRows);
    setFormat(dialog, ExportFormat::JsonLines);
    const QList<ExportColumn> columns = {ExportColumn::SessionId, ExportColumn::DurationSeconds,
                                         ExportColumn::PortalName, ExportColumn::ClientIpAddresses};
    setColumns(dialog, columns);
    child<QRadioButton>(dialog, u"localTimeRadioButton"_s)->click();
    setFormat(dialog, ExportFormat::Csv);
    child<QCheckBox>(dialog, u"byteOrderMarkCheckBox"_s)->setChecked(true);
    child<QCheckBox>(dialog, u"spreadsheetSafeCheckBox"_s)->setChecked(false);
    setFormat(dialog, ExportFormat::JsonLines);
    const QString folder = m_outDir + u"/chosen"_s;
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(exportTo(dialog, folder + u"/a.jsonl"_s));
    dialog->close();
    QTRY_VERIFY(!dialog->isVisible());

    // The next dialog, even in a new window, starts from the same choices and folder.
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_settings.get());
    m_gateway = new FakeServiceGateway;
    for (int i = 0; i < 3; ++i)
        m_gateway->portals.append(FakeServiceGateway::makePortal(u"Portal %1"_s.arg(i), i));
    m_gateway->sessions.insert(m_portalId,
                               FakeServiceGateway::makeSessions(m_gateway->portals.first().portalArn, 9));
    showWindow();
    dialog = openDialog();
    QVERIFY(dialog);
    const ExportOptions options = dialog->options();
    QCOMPARE(options.format, ExportFormat::JsonLines);
    QCOMPARE(options.columns, columns);
    QCOMPARE(options.timeMode, TimeFormat::Mode::Local);
    QVERIFY(options.csvByteOrderMark);
    QVERIFY(!options.spreadsheetSafe);
    QCOMPARE(QFileInfo(dialog->suggestedPath()).absolutePath(), QFileInfo(folder).absoluteFilePath());
    QVERIFY(dialog->suggestedPath().endsWith(u".jsonl"_s));

    // A dialog closed without exporting remembers nothing.
    setFormat(dialog, ExportFormat::Json);
    dialog->reject();
    QTRY_VERIFY(!dialog->isVisible());
    dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->options().format, ExportFormat::JsonLines);
}

void TestExportDialog::suggestedFileNameInTheLastFolder()
{
    m_gateway->portals[0].displayName = u"Sales / EU (prod)"_s;
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    const QString date = QDate::currentDate().toString(u"yyyy-MM-dd"_s);
    // Before any export: the documents folder (or home).
    QCOMPARE(QFileInfo(dialog->suggestedPath()).fileName(), u"sessions-Sales-EU-prod-%1.csv"_s.arg(date));
    setFormat(dialog, ExportFormat::Json);
    QCOMPARE(QFileInfo(dialog->suggestedPath()).fileName(), u"sessions-Sales-EU-prod-%1.json"_s.arg(date));
    dialog->setScope(Scope::LoadedRows);
    QVERIFY(exportTo(dialog, m_outDir + u"/first.json"_s));
    // The Export… button offered exactly that name.
    QCOMPARE(QFileInfo(ExportFileChooser::lastSuggestedPath()).fileName(),
             u"sessions-Sales-EU-prod-%1.json"_s.arg(date));
    QTest::mouseClick(child<QPushButton>(dialog, u"backPushButton"_s), Qt::LeftButton);
    setFormat(dialog, ExportFormat::JsonLines);
    QCOMPARE(dialog->suggestedPath(),
             QDir(m_outDir).filePath(u"sessions-Sales-EU-prod-%1.jsonl"_s.arg(date)));
}

void TestExportDialog::realFileDialogWritesTheChosenFile()
{
    m_settings->setValue(AppSettings::Key::ExportFolder, m_outDir);
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setScope(Scope::LoadedRows);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    QTest::mouseClick(child<QPushButton>(dialog, u"exportPushButton"_s), Qt::LeftButton);
    QFileDialog *files = nullptr;
    QTRY_VERIFY((files = dialog->findChild<QFileDialog *>(u"exportFileDialog"_s)) && files->isVisible());
    QCOMPARE(files->windowModality(), Qt::WindowModal);
    QCOMPARE(files->acceptMode(), QFileDialog::AcceptSave);
    QCOMPARE(QDir(files->directory()).absolutePath(), QDir(m_outDir).absolutePath());
    const QString suggested =
        u"sessions-Portal-0-%1.csv"_s.arg(QDate::currentDate().toString(u"yyyy-MM-dd"_s));
    QVERIFY2(files->selectedFiles().value(0).endsWith(suggested),
             qPrintable(files->selectedFiles().value(0)));
    QCOMPARE(dialog->phase(), ExportDialog::Phase::Choosing); // nothing runs while the user chooses
    // The default suffix is added.
    files->selectFile(m_outDir + u"/picked"_s);
    const QList<SessionSummary> expected = model()->sessions(); // read when the export starts
    static_cast<QDialog *>(files)->accept(); // QFileDialog makes it protected; QDialog's is public
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().at(0).toBool());
    QCOMPARE(dialog->targetPath(), QDir(m_outDir).filePath(u"picked.csv"_s));
    Known known;
    known.portalName = m_portalName;
    verifyFile(dialog->targetPath(), dialog->options(), expected, known);
}

void TestExportDialog::everyControlIsNamed()
{
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    const auto check = [dialog]() -> QStringList {
        const auto isInternal = [](const QWidget *w) {
            if (w->objectName().startsWith(u"qt_"_s))
                return true;
            for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
                if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p) ||
                    qobject_cast<const QLineEdit *>(p) || qobject_cast<const QFileDialog *>(p))
                    return true;
            }
            return qobject_cast<const QScrollBar *>(w) != nullptr;
        };
        QStringList problems;
        for (QWidget *w : dialog->findChildren<QWidget *>()) {
            if (isInternal(w) || qobject_cast<QFileDialog *>(w))
                continue;
            const QMetaObject *qtClass = w->metaObject();
            while (!QString::fromLatin1(qtClass->className()).startsWith(u'Q'))
                qtClass = qtClass->superClass();
            const QString kind = QString::fromLatin1(qtClass->className()).mid(1);
            if (w->objectName().isEmpty() || w->accessibleName().isEmpty())
                problems.append(
                    u"%1 '%2' in %3"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                           w->parentWidget() ? w->parentWidget()->objectName() : QString()));
            else if (!w->objectName().endsWith(kind, Qt::CaseInsensitive))
                problems.append(u"%1 named '%2'"_s.arg(kind, w->objectName()));
        }
        return problems;
    };
    QStringList problems = check();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    // The progress page too.
    dialog->setScope(Scope::LoadedRows);
    QVERIFY(exportTo(dialog, m_outDir + u"/named.csv"_s));
    problems = check();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

void TestExportDialog::emulatorExportMatchesTheService()
{
    // The real stack: SigV4 over loopback to the embedded emulator, with its Q Business instance.
    m_demo = std::make_unique<DemoConnection>(2, 250);
    QString error;
    QVERIFY2(m_demo->start(&error), qPrintable(error));
    delete m_gateway.data();
    m_window->resize(1200, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ServiceGateway *gateway = m_demo->createGateway(nullptr);
    QVERIFY(gateway);
    QVERIFY(!gateway->description().qBusinessInstanceId.isEmpty());
    m_window->setGateway(gateway);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->portalSelector()->comboBox()->count() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(model() && model()->rowCount() > 0 && !model()->isLoading(), 10000);
    const int loadedRows = model()->rowCount();
    const QString portalName = m_window->portalSelector()->currentPortal().displayName;

    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setScope(Scope::AllMatching);
    setFormat(dialog, ExportFormat::Json);
    setColumns(dialog, {ExportColumn::SessionId, ExportColumn::Status, ExportColumn::PortalName,
                        ExportColumn::ClientIpAddresses, ExportColumn::QAppSession,
                        ExportColumn::QAppSharingEnabled});
    const QString path = m_outDir + u"/emulator.json"_s;
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    ExportFileChooser::setNextFileName(path);
    QTest::mouseClick(child<QPushButton>(dialog, u"exportPushButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(model()->rowCount(), loadedRows); // the table did not load the list

    // The same list, loaded by the table, is what the file holds, in the same order.
    m_window->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(model()->isComplete(), 60000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString parseError;
    const QList<QJsonObject> objects = readJson(file.readAll(), ExportFormat::Json, &parseError);
    QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
    QCOMPARE(objects.size(), model()->rowCount());
    QStringList ids;
    int present = 0;
    int withAddresses = 0;
    for (const QJsonObject &o : objects) {
        ids.append(o.value(u"sessionId"_s).toString());
        QCOMPARE(o.value(u"portalName"_s).toString(), portalName);
        QVERIFY(o.value(u"clientIpAddresses"_s).isArray());
        withAddresses += o.value(u"clientIpAddresses"_s).toArray().isEmpty() ? 0 : 1;
        const QString q = o.value(u"qAppSession"_s).toString();
        QVERIFY2(q == u"present"_s || q == u"none"_s, qPrintable(q));
        if (q == u"present"_s) {
            ++present;
            QVERIFY(o.value(u"qAppSharingEnabled"_s).isBool());
        } else {
            QVERIFY(!o.contains(u"qAppSharingEnabled"_s));
        }
    }
    QCOMPARE(ids, sessionIdsOf(model()->sessions()));
    QVERIFY(present > 0);
    QVERIFY(withAddresses > 0);
    QCOMPARE(dialog->progress().enrichmentRequests, 2 * qint64(objects.size()));
    m_window.reset();
    m_demo.reset();
}

void TestExportDialog::tabVisitsTheOptionsInReadingOrder()
{
    showWindow();
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->activateWindow();
    QTRY_VERIFY(QApplication::focusWidget() && dialog->isAncestorOf(QApplication::focusWidget()));
    QWidget *start = QApplication::focusWidget();
    // Tab goes down the left column, then the columns, then the buttons, and comes back round.
    QStringList visited;
    do {
        visited.append(QApplication::focusWidget()->objectName());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    } while (QApplication::focusWidget() != start && visited.size() < 50);
    const QStringList expected = {
        u"loadedRowsRadioButton"_s,   u"formatComboBox"_s,
        u"utcRadioButton"_s,          u"byteOrderMarkCheckBox"_s,
        u"spreadsheetSafeCheckBox"_s, u"sessionIdCheckBox"_s,
        u"usernameCheckBox"_s,        u"statusCheckBox"_s,
        u"startTimeCheckBox"_s,       u"endTimeCheckBox"_s,
        u"portalArnCheckBox"_s,       u"durationSecondsCheckBox"_s,
        u"portalNameCheckBox"_s,      u"clientIpAddressesCheckBox"_s,
        u"setInstancePushButton"_s,   u"defaultColumnsPushButton"_s,
        u"exportPushButton"_s,        u"cancelPushButton"_s,
    };
    QCOMPARE(visited, expected);
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
