// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeServiceGateway.h"
#include "MainWindow.h"
#include "common/AppSettings.h"
#include "common/MessageBanner.h"
#include "details/ClientAddressesSection.h"
#include "details/QAppSharingSection.h"
#include "details/SessionDetailPane.h"
#include "help/AboutDialog.h"
#include "help/HelpMenu.h"
#include "help/ShortcutCatalog.h"
#include "help/ShortcutsDialog.h"
#include "portals/PortalSelector.h"
#include "sessions/SessionTableModel.h"
#include "sessions/SessionTableView.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

constexpr auto instanceId = "11111111-2222-4333-8444-555555555555";

/// The name a screen reader announces for `w`.
QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name) : QString();
}

QString describe(const QWidget *w)
{
    return u"%1 '%2'"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

/// Widgets that Tab can reach now: shown, enabled, and taking focus from the keyboard.
bool isTabStop(const QWidget *w, const QWidget *window)
{
    return w->window() == window && w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus);
}

} // namespace

/// Keyboard-only use and screen reader names of the main window, and the Help menu: the Tab order walked
/// with the real keys, every shortcut listed on the shortcuts page, the About box.
class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void tabWalksEveryControlInReadingOrder_data();
    void tabWalksEveryControlInReadingOrder();
    void iconOnlyControlsHaveToolTips();
    void everyCommandHasKeysAndNoKeyIsTaken();
    void shortcutsPageListsEveryAction();
    void shortcutsPageSearchesAndClosesWithEscape();
    void aboutBoxShowsVersionsAndLicence();
    void aboutQtOpens();
    void statusIsNeverColourAlone();
    void sortingWorksFromTheKeyboard();

private:
    void showWindow();
    void selectFirstSession();
    /// Presses `key` until the focus comes back to where it started; the widgets in the order reached.
    QList<QWidget *> walk(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    HelpMenu *helpMenu() const { return m_window->findChild<HelpMenu *>(); }
    QWidget *toolBarButton(const QString &actionName) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QPointer<FakeServiceGateway> m_gateway;
    QString m_portalId;
};

void TestAccessibility::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
    m_gateway = new FakeServiceGateway;
    ServiceGateway::Description d = m_gateway->description();
    d.qBusinessInstanceId = QString::fromLatin1(instanceId);
    m_gateway->setDescription(d);
    for (int i = 0; i < 3; ++i)
        m_gateway->portals.append(FakeServiceGateway::makePortal(u"Portal %1"_s.arg(i), i));
    m_portalId = m_gateway->portals.first().portalId();
    const QList<SessionSummary> sessions =
        FakeServiceGateway::makeSessions(m_gateway->portals.first().portalArn, 200);
    m_gateway->sessions.insert(m_portalId, sessions);
    m_gateway->clientAddresses.insert(sessions.first().sessionId, {u"198.51.100.7"_s});
    QAppSessionMetadata meta;
    meta.sessionId = sessions.first().sessionId;
    meta.sessionArn = u"arn:aws:qapps:eu-west-1:111122223333:application/x/qappsession/"_s + meta.sessionId;
    meta.sessionName = u"Quarterly review"_s;
    meta.sharingConfiguration.enabled = true;
    meta.sharingConfiguration.acceptResponses = false;
    meta.sessionOwner = true;
    m_gateway->qAppSessions.insert(meta.sessionId, meta);
    m_window = std::make_unique<MainWindow>(m_settings.get());
}

void TestAccessibility::cleanup()
{
    m_window.reset();
    if (m_gateway && !m_gateway->parent())
        delete m_gateway; // never given to the window
    m_settings.reset();
    m_dir.reset();
}

void TestAccessibility::showWindow()
{
    // Wide enough that no toolbar button is folded into the toolbar's overflow menu.
    m_window->resize(1400, 900);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->setGateway(m_gateway);
    QTRY_COMPARE(m_window->portalSelector()->comboBox()->count(), 3);
    QTRY_VERIFY(m_window->sessionModel() && m_window->sessionModel()->rowCount() > 0);
    QTRY_VERIFY(!m_window->sessionModel()->isLoading());
}

void TestAccessibility::selectFirstSession()
{
    m_window->sessionTableView()->selectRow(0);
    SessionDetailPane *pane = m_window->detailPane();
    QTRY_COMPARE(pane->clientAddressesSection()->state(), ClientAddressesSection::State::Loaded);
    QTRY_COMPARE(pane->qAppSharingSection()->state(), QAppSharingSection::State::Loaded);
}

QWidget *TestAccessibility::toolBarButton(const QString &actionName) const
{
    auto *bar = m_window->findChild<QToolBar *>(u"mainToolBar"_s);
    auto *action = m_window->findChild<QAction *>(actionName);
    return bar && action ? bar->widgetForAction(action) : nullptr;
}

QList<QWidget *> TestAccessibility::walk(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QList<QWidget *> reached;
    QWidget *start = QApplication::focusWidget();
    if (!start)
        return reached;
    QWidget *current = start;
    // More presses than the window has widgets means the focus is going round without coming back.
    const qsizetype limit = m_window->findChildren<QWidget *>().size();
    do {
        reached.append(current);
        QTest::keyClick(current, key, modifiers);
        current = QApplication::focusWidget();
    } while (current && current != start && reached.size() <= limit);
    if (current != start)
        reached.append(current); // the caller sees where it went astray
    return reached;
}

void TestAccessibility::tabWalksEveryControlInReadingOrder_data()
{
    QTest::addColumn<bool>("connected");
    QTest::addColumn<bool>("selectSession");
    QTest::addColumn<bool>("showError");

    QTest::newRow("not connected") << false << false << false;
    QTest::newRow("session selected") << true << true << false;
    QTest::newRow("error banner") << true << true << true;
}

void TestAccessibility::tabWalksEveryControlInReadingOrder()
{
    QFETCH(bool, connected);
    QFETCH(bool, selectSession);
    QFETCH(bool, showError);

    if (connected) {
        showWindow();
    } else {
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    if (selectSession)
        selectFirstSession();
    if (showError) {
        m_gateway->failNext(u"ListSessions"_s, AwsError(AwsError::Category::Network, u"Connection refused"_s)
                                                   .setAction(u"workspaces-web:ListSessions"_s));
        m_window->sessionTableView()->scrollToBottom();
        QTRY_VERIFY(m_window->messageBanner()->isVisible());
    }
    // Filling the taller viewport may have asked for another page; walk once the list is quiet.
    if (connected)
        QTRY_VERIFY(!m_window->sessionModel()->isLoading());
    // The window starts with the focus somewhere; if not, the first Tab puts it on the first control.
    if (!QApplication::focusWidget())
        QTest::keyClick(m_window.get(), Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget());

    const QList<QWidget *> forward = walk(Qt::Key_Tab);
    QVERIFY(!forward.isEmpty());
    QStringList names;
    for (QWidget *w : forward)
        names.append(w ? describe(w) : u"(no focus)"_s);
    // Tab came back to where it started, through each control once (a trap would repeat some).
    const QSet<QWidget *> distinct(forward.cbegin(), forward.cend());
    QVERIFY2(!forward.contains(nullptr) && distinct.size() == forward.size(),
             qPrintable(u"Tab never came back to the start:\n"_s + names.join(u"\n"_s)));

    // Each stop is a visible control of this window, with a name a screen reader can say.
    for (QWidget *w : forward) {
        QVERIFY2(isTabStop(w, m_window.get()), qPrintable(describe(w)));
        QVERIFY2(!accessibleName(w).trimmed().isEmpty(), qPrintable(describe(w) + u" has no name"_s));
    }
    // No control is left out of the cycle.
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        if (isTabStop(w, m_window.get()))
            QVERIFY2(forward.contains(w),
                     qPrintable(describe(w) + u" in "_s + describe(w->parentWidget()) +
                                u" cannot be reached with Tab:\n"_s + names.join(u"\n"_s)));
    }

    if (!connected) {
        // The welcome panel's offers come after the toolbar's Connection button.
        const qsizetype connection = forward.indexOf(toolBarButton(u"connectionAction"_s));
        const qsizetype demo = forward.indexOf(m_window->findChild<QWidget *>(u"welcomeDemoPushButton"_s));
        const qsizetype setUp =
            forward.indexOf(m_window->findChild<QWidget *>(u"welcomeConnectPushButton"_s));
        QVERIFY2(connection >= 0 && demo >= 0 && setUp >= 0, qPrintable(names.join(u"\n"_s)));
        QVERIFY2(demo < setUp && (connection < demo || connection > setUp), qPrintable(names.join(u"\n"_s)));
        return;
    }

    // The order reads like the window: toolbar, filters, table, details, Q App lookup, status line.
    const QList<QWidget *> keyWidgets{
        toolBarButton(u"connectionAction"_s),
        m_window->findChild<QWidget *>(u"portalComboBox"_s),
        m_window->findChild<QWidget *>(u"copyPortalToolButton"_s),
        m_window->findChild<QWidget *>(u"statusFilterComboBox"_s),
        m_window->findChild<QWidget *>(u"usernameLineEdit"_s),
        m_window->findChild<QWidget *>(u"sessionIdLineEdit"_s),
        m_window->findChild<QWidget *>(u"clearFiltersToolButton"_s),
        m_window->sessionTableView(),
        selectSession ? m_window->findChild<QWidget *>(u"sessionIdCopyableValue"_s)
                            ->findChild<QWidget *>(u"copyValueToolButton"_s)
                      : nullptr,
        m_window->findChild<QWidget *>(u"qAppSessionIdLineEdit"_s),
        m_window->findChild<QWidget *>(u"loadAllPushButton"_s),
    };
    // Start the cycle at the toolbar's first button.
    QList<QWidget *> cycle = forward;
    const qsizetype first = cycle.indexOf(keyWidgets.first());
    QVERIFY2(first >= 0, qPrintable(names.join(u"\n"_s)));
    cycle = cycle.mid(first) + cycle.mid(0, first);
    qsizetype previous = -1;
    for (QWidget *w : keyWidgets) {
        if (!w)
            continue;
        const qsizetype at = cycle.indexOf(w);
        QVERIFY2(at >= 0,
                 qPrintable(describe(w) +
                            u" is not a Tab stop now (visible %1, enabled %2):\n"_s.arg(
                                w->isVisible() ? u"yes"_s : u"no"_s, w->isEnabled() ? u"yes"_s : u"no"_s) +
                            names.join(u"\n"_s)));
        QVERIFY2(at > previous, qPrintable(describe(w) + u" is out of order:\n"_s + names.join(u"\n"_s)));
        previous = at;
    }
    if (selectSession) {
        // A copy button tells a screen reader what it copies.
        auto *copyId = m_window->findChild<QWidget *>(u"sessionIdCopyableValue"_s)
                           ->findChild<QWidget *>(u"copyValueToolButton"_s);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(copyId);
        QCOMPARE(iface->text(QAccessible::Name), u"Copy Session ID"_s);
        QCOMPARE(iface->text(QAccessible::Description), m_window->sessionModel()->session(0).sessionId);
    }
    if (showError) {
        auto *retry = m_window->findChild<QWidget *>(u"bannerActionPushButton"_s);
        QVERIFY(cycle.indexOf(retry) >
                cycle.indexOf(m_window->findChild<QWidget *>(u"copyPortalToolButton"_s)));
        QVERIFY(cycle.indexOf(retry) <
                cycle.indexOf(m_window->findChild<QWidget *>(u"statusFilterComboBox"_s)));
    }

    // Shift+Tab goes the same way back.
    const QList<QWidget *> backward = walk(Qt::Key_Backtab, Qt::ShiftModifier);
    QList<QWidget *> reversed(backward.crbegin(), backward.crend());
    reversed.prepend(reversed.takeLast()); // both lists start at the same widget
    QCOMPARE(reversed, forward);
}

void TestAccessibility::iconOnlyControlsHaveToolTips()
{
    showWindow();
    selectFirstSession();
    QStringList problems;
    for (QAbstractButton *button : m_window->findChildren<QAbstractButton *>()) {
        if (!button->isVisible() || button->objectName().startsWith(u"qt_"_s))
            continue;
        // A line edit's clear button is Qt's, named by the line edit.
        if (qobject_cast<QLineEdit *>(button->parentWidget()))
            continue;
        const bool inToolBar = qobject_cast<QToolBar *>(button->parentWidget()) != nullptr;
        if ((button->text().isEmpty() || inToolBar) && button->toolTip().isEmpty())
            problems.append(describe(button));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(u"No tooltip: "_s + problems.join(u", "_s)));
}

void TestAccessibility::everyCommandHasKeysAndNoKeyIsTaken()
{
    showWindow();
    selectFirstSession();
    const QList<ShortcutCatalog::Entry> entries = ShortcutCatalog::entries(m_window.get());
    QHash<QKeySequence, QString> owners;
    QStringList problems;
    int commands = 0;
    for (const ShortcutCatalog::Entry &e : entries) {
        if (e.kind == ShortcutCatalog::Kind::Command) {
            ++commands;
            // A command is reached with a shortcut, or at least through its menu's access keys.
            if (e.keys.isEmpty() && e.menuKeys.isEmpty())
                problems.append(u"no keys for %1"_s.arg(e.command));
            // Menu items people use often have a shortcut; only Help's About boxes and the sort choices
            // are left to the menu.
            const bool menuOnly = e.menuPath == QStringList{u"Help"_s} || e.menuPath.contains(u"Sort by"_s) ||
                                  e.menuPath.contains(u"Language"_s);
            if (e.keys.isEmpty() && !menuOnly)
                problems.append(u"no shortcut for %1"_s.arg(e.command));
        }
        if (e.kind == ShortcutCatalog::Kind::Navigation)
            continue;
        // A shortcut bound to one widget only fires there; everything else shares the window.
        if (e.action && (e.action->shortcutContext() == Qt::WidgetShortcut))
            continue;
        for (const QKeySequence &key : e.keys) {
            if (owners.contains(key))
                problems.append(
                    u"%1 is taken by both %2 and %3"_s.arg(key.toString(), owners.value(key), e.command));
            owners.insert(key, e.command);
        }
    }
    QVERIFY(commands >= 15);
    // Inside each menu, every item has its own access key.
    const std::function<void(QMenu *)> checkMenu = [&](QMenu *menu) {
        QHash<QString, QString> keys;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            const QString key = ShortcutCatalog::accessKey(action->text());
            if (key.isEmpty())
                problems.append(u"no access key: %1"_s.arg(action->text()));
            else if (keys.contains(key))
                problems.append(
                    u"%1 and %2 share %3 in %4"_s.arg(keys.value(key), action->text(), key, menu->title()));
            keys.insert(key, action->text());
            if (QMenu *submenu = QMenu::menuInAction(action))
                checkMenu(submenu);
        }
    };
    auto *bar = m_window->findChild<QMenuBar *>();
    QVERIFY(bar);
    for (QAction *action : bar->actions()) {
        if (QMenu *menu = QMenu::menuInAction(action))
            checkMenu(menu);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

void TestAccessibility::shortcutsPageListsEveryAction()
{
    showWindow();
    // An action added after the window was built is listed too: the page is read from the window.
    auto *extra = new QAction(u"Reticulate &splines"_s, m_window.get());
    extra->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Z));
    m_window->addAction(extra);

    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QTRY_VERIFY(helpMenu()->shortcutsDialog() && helpMenu()->shortcutsDialog()->isVisible());
    ShortcutsDialog *dialog = helpMenu()->shortcutsDialog();
    auto *table = dialog->findChild<QTableView *>(u"shortcutsTableView"_s);
    QVERIFY(table);
    const QAbstractItemModel *model = table->model();
    const auto listed = [model](const QString &command, const QString &keys) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, ShortcutsDialog::CommandColumn).data().toString() == command &&
                model->index(row, ShortcutsDialog::KeysColumn).data().toString().contains(keys))
                return true;
        }
        return false;
    };

    QList<QAction *> actions = m_window->actions();
    for (QWidget *w : m_window->findChildren<QWidget *>())
        actions += w->actions();
    int checked = 0;
    for (QAction *action : std::as_const(actions)) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString command = ShortcutCatalog::plainText(action->text());
            QVERIFY2(listed(command, key.toString(QKeySequence::NativeText)),
                     qPrintable(u"%1 (%2) is not on the page"_s.arg(command, key.toString())));
            ++checked;
        }
    }
    QVERIFY(checked >= 16);
    QVERIFY(listed(u"Reticulate splines"_s,
                   QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Z).toString(QKeySequence::NativeText)));
    // The menus and the About boxes, which have no shortcut, show how to reach them.
    QVERIFY(listed(u"Open the Help menu"_s, u"Alt+H"_s));
    QVERIFY(listed(u"About SessionScope"_s, u"Alt+H, then A"_s));
    // Field access keys from their labels.
    QVERIFY(listed(u"Go to Username filter"_s, u"Alt+U"_s));

    // Changed while open: asking again reads the window again.
    extra->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Y));
    helpMenu()->showShortcuts();
    QCOMPARE(helpMenu()->shortcutsDialog(), dialog);
    QVERIFY(listed(u"Reticulate splines"_s,
                   QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Y).toString(QKeySequence::NativeText)));
    if (const QString dir = qEnvironmentVariable("SESSIONSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog->grab().save(dir + u"/tst_accessibility-shortcuts.png"_s));
}

void TestAccessibility::shortcutsPageSearchesAndClosesWithEscape()
{
    showWindow();
    helpMenu()->shortcutsAction()->trigger();
    QTRY_VERIFY(helpMenu()->shortcutsDialog() && helpMenu()->shortcutsDialog()->isVisible());
    QPointer<ShortcutsDialog> dialog = helpMenu()->shortcutsDialog();
    QVERIFY(QTest::qWaitForWindowActive(dialog.data()));
    auto *search = dialog->findChild<QLineEdit *>(u"shortcutSearchLineEdit"_s);
    QVERIFY(search);
    QTRY_COMPARE(QApplication::focusWidget(), search);
    const int all = dialog->visibleRowCount();

    QTest::keyClicks(search, u"copy"_s);
    QVERIFY(dialog->visibleRowCount() > 0);
    QVERIFY(dialog->visibleRowCount() < all);
    auto *table = dialog->findChild<QTableView *>(u"shortcutsTableView"_s);
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        QString text;
        for (int column = 0; column < table->model()->columnCount(); ++column)
            text += table->model()->index(row, column).data().toString() + u' ';
        QVERIFY2(text.contains(u"copy"_s, Qt::CaseInsensitive), qPrintable(text));
    }
    // By key, too.
    search->clear();
    QTest::keyClicks(search, u"F5"_s);
    QCOMPARE(dialog->visibleRowCount(), 1);
    QCOMPARE(table->model()->index(0, ShortcutsDialog::CommandColumn).data().toString(), u"Refresh"_s);
    // Nothing matches: the page says so.
    search->clear();
    QTest::keyClicks(search, u"no such thing"_s);
    QCOMPARE(dialog->visibleRowCount(), 0);
    auto *empty = dialog->findChild<QLabel *>(u"shortcutsEmptyLabel"_s);
    QVERIFY(empty && empty->isVisible() && empty->text().contains(u"no such thing"_s));

    QTest::keyClick(search, Qt::Key_Escape);
    QTRY_VERIFY(!dialog);
}

void TestAccessibility::aboutBoxShowsVersionsAndLicence()
{
    showWindow();
    helpMenu()->aboutAction()->trigger();
    QTRY_VERIFY(helpMenu()->aboutDialog() && helpMenu()->aboutDialog()->isVisible());
    QPointer<AboutDialog> about = helpMenu()->aboutDialog();
    const QString text = about->text();
    QVERIFY2(text.contains(QStringLiteral(SESSIONSCOPE_VERSION)), qPrintable(text));
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(QT_VERSION_STR)), qPrintable(text));
    QVERIFY2(text.contains(u"GPL-3.0-or-later"_s), qPrintable(text));
    QVERIFY(text.contains(u"GNU General Public License"_s));
    // The window's icon is shown.
    auto *icon = about->findChild<QLabel *>(u"aboutIconLabel"_s);
    QVERIFY(icon && icon->isVisible());
    QVERIFY(!icon->pixmap().isNull());
    // Every label can be read out.
    for (QLabel *label : about->findChildren<QLabel *>())
        QVERIFY2(!accessibleName(label).isEmpty(), qPrintable(describe(label)));
    if (const QString dir = qEnvironmentVariable("SESSIONSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(about->grab().save(dir + u"/tst_accessibility-about.png"_s));

    auto *copy = about->findChild<QPushButton *>(u"aboutCopyPushButton"_s);
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton);
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral(SESSIONSCOPE_VERSION)));
    QVERIFY(QApplication::clipboard()->text().contains(QString::fromLatin1(qVersion())));

    QTest::keyClick(about.data(), Qt::Key_Escape);
    QTRY_VERIFY(!about);

    // Without any icon set, no empty space is left for one.
    AboutDialog bare;
    bare.show();
    QVERIFY(QApplication::windowIcon().isNull());
    QVERIFY(!bare.findChild<QLabel *>(u"aboutIconLabel"_s)->isVisible());
}

void TestAccessibility::aboutQtOpens()
{
    showWindow();
    // Qt's box runs its own event loop; this timer looks at it and closes it from inside that loop.
    QString seen;
    QTimer closer;
    closer.setInterval(20);
    connect(&closer, &QTimer::timeout, this, [&seen] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (box && box->isVisible()) {
                seen = box->windowTitle() + u'\n' + box->text();
                box->close();
            }
        }
    });
    closer.start();
    helpMenu()->aboutQtAction()->trigger();
    QTRY_VERIFY(!seen.isEmpty());
    QVERIFY2(seen.contains(u"About Qt"_s), qPrintable(seen));
    QVERIFY2(seen.contains(QStringLiteral(QT_VERSION_STR)), qPrintable(seen));
}

void TestAccessibility::statusIsNeverColourAlone()
{
    showWindow();
    selectFirstSession();
    // The table: a word and an icon whose shape differs, for every status.
    const QAbstractItemModel *model = m_window->sessionTableView()->model();
    const int status = int(SessionTableModel::Column::Status);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, status);
        const QString word = index.data().toString();
        QVERIFY2(word == u"Active"_s || word == u"Terminated"_s, qPrintable(word));
        QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
    }
    // The Q App switches: "On: …" / "Off: …" beside their icons.
    QStringList switches;
    for (const char *name : {"qAppSharingCopyableValue", "qAppAcceptResponsesCopyableValue"}) {
        auto *value = m_window->findChild<QWidget *>(QString::fromLatin1(name));
        QVERIFY(value);
        switches.append(value->findChild<QLabel *>(u"valueLabel"_s)->text());
        auto *icon = value->findChild<QLabel *>(u"valueIconLabel"_s);
        QVERIFY(icon->isVisible() && !icon->pixmap().isNull());
    }
    QCOMPARE(switches, QStringList({u"On: the session is shared"_s, u"Off: does not accept responses"_s}));
    // The banner: its severity in words for those who cannot see the tint or the icon.
    m_gateway->failNext(u"ListSessions"_s, AwsError(AwsError::Category::Network, u"Connection refused"_s)
                                               .setAction(u"workspaces-web:ListSessions"_s));
    m_window->sessionTableView()->scrollToBottom();
    MessageBanner *banner = m_window->messageBanner();
    QTRY_VERIFY(banner->isVisible());
    auto *bannerIcon = banner->findChild<QLabel *>(u"bannerIconLabel"_s);
    QCOMPARE(accessibleName(bannerIcon), u"Error"_s);
    QCOMPARE(bannerIcon->toolTip(), u"Error"_s);
    QVERIFY(!bannerIcon->pixmap().isNull());
    QVERIFY(!banner->text().isEmpty());
}

void TestAccessibility::sortingWorksFromTheKeyboard()
{
    showWindow();
    auto *sortMenu = m_window->findChild<QMenu *>(u"sortMenu"_s);
    QVERIFY(sortMenu);
    Q_EMIT sortMenu->aboutToShow();
    QAction *byStart = nullptr;
    QAction *byUsername = nullptr;
    for (QAction *action : sortMenu->actions()) {
        if (action->data().toInt() == int(SessionTableModel::Column::StartTime))
            byStart = action;
        if (action->data().toInt() == int(SessionTableModel::Column::Username))
            byUsername = action;
    }
    QVERIFY(byStart && byUsername);
    QVERIFY(byStart->isChecked());
    // Start time is sorted newest first; choosing it again reverses, as a click on its header does.
    byStart->trigger();
    QTRY_COMPARE(m_gateway->listRequests.last().sort, ListSessionsRequest::Sort::OldestFirst);
    byStart->trigger();
    QTRY_COMPARE(m_gateway->listRequests.last().sort, ListSessionsRequest::Sort::NewestFirst);
    // Another column only once everything is loaded; before that the status bar says why.
    QTRY_VERIFY(!m_window->sessionModel()->isLoading());
    byUsername->trigger();
    QCOMPARE(m_window->sessionModel()->sortColumn(), int(SessionTableModel::Column::StartTime));
    QVERIFY(!m_window->statusBar()->currentMessage().isEmpty());
    m_window->loadAll();
    QTRY_VERIFY(m_window->sessionModel()->isComplete());
    byUsername->trigger();
    QTRY_COMPARE(m_window->sessionModel()->sortColumn(), int(SessionTableModel::Column::Username));
    Q_EMIT sortMenu->aboutToShow();
    QVERIFY(byUsername->isChecked());
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
