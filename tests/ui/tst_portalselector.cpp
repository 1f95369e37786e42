// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The portal selector on its own, on an in-memory gateway: every page of portals, which portal it
// picks, what it shows while loading and after a failure, answers that come too late, and the copy
// menu.
#include "FakeServiceGateway.h"
#include "portals/PortalSelector.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

Portal portalWithStatus(const QString &name, int index, const QString &status)
{
    Portal p = FakeServiceGateway::makePortal(name, index);
    p.portalStatus = status;
    return p;
}

} // namespace

class TestPortalSelector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void withoutAGatewayNothingCanBeChosen();
    void everyPageOfPortalsIsLoaded_data();
    void everyPageOfPortalsIsLoaded();
    void itemsShowNameAndStatus_data();
    void itemsShowNameAndStatus();
    void theFirstActivePortalIsChosen_data();
    void theFirstActivePortalIsChosen();
    void thePreferredPortalIsKeptAcrossReloads();
    void choosingAPortalEmitsIt();
    void whileLoadingTheListCannotBeUsed();
    void aFailureSaysSoAndKeepsThePreviousList();
    void anAnswerForAnOlderReloadIsDropped();
    void copyMenuCopiesIdAndArn();

private:
    void addPortals(int count);
    /// Sets the gateway, reloads and waits for the last page; false when it did not arrive.
    bool load(const QString &preferredPortalId = {});

    std::unique_ptr<PortalSelector> m_selector;
    std::unique_ptr<FakeServiceGateway> m_gateway;
    QComboBox *m_combo = nullptr;
    QToolButton *m_copy = nullptr;
};

void TestPortalSelector::init()
{
    m_gateway = std::make_unique<FakeServiceGateway>();
    m_selector = std::make_unique<PortalSelector>();
    m_selector->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_selector.get()));
    m_combo = m_selector->findChild<QComboBox *>(u"portalComboBox"_s);
    m_copy = m_selector->findChild<QToolButton *>(u"copyPortalToolButton"_s);
    QVERIFY(m_combo && m_copy);
    QCOMPARE(m_combo, m_selector->comboBox());
}

void TestPortalSelector::cleanup()
{
    m_selector.reset();
    m_gateway.reset();
}

void TestPortalSelector::addPortals(int count)
{
    for (int i = 0; i < count; ++i)
        m_gateway->portals.append(FakeServiceGateway::makePortal(u"Portal %1"_s.arg(i), i));
}

bool TestPortalSelector::load(const QString &preferredPortalId)
{
    QSignalSpy loaded(m_selector.get(), &PortalSelector::portalsLoaded);
    m_selector->setGateway(m_gateway.get());
    m_selector->reload(preferredPortalId);
    return loaded.wait(5000) && loaded.count() == 1;
}

void TestPortalSelector::withoutAGatewayNothingCanBeChosen()
{
    QVERIFY(!m_combo->isEnabled());
    QVERIFY(!m_copy->isEnabled());
    QCOMPARE(m_combo->count(), 0);
    QVERIFY(m_selector->currentPortal().portalArn.isEmpty());
    m_selector->reload();
    QVERIFY(!m_selector->isLoading());
    QVERIFY(!m_combo->isEnabled());
}

void TestPortalSelector::everyPageOfPortalsIsLoaded_data()
{
    QTest::addColumn<int>("portals");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("requests");

    QTest::newRow("none") << 0 << 2 << 1;
    QTest::newRow("one") << 1 << 2 << 1;
    QTest::newRow("two full pages") << 4 << 2 << 2;
    QTest::newRow("three pages, the last short") << 5 << 2 << 3;
    QTest::newRow("seven pages of one") << 7 << 1 << 7;
}

void TestPortalSelector::everyPageOfPortalsIsLoaded()
{
    QFETCH(int, portals);
    QFETCH(int, pageSize);
    QFETCH(int, requests);

    addPortals(portals);
    m_gateway->portalPageSize = pageSize;
    QSignalSpy loaded(m_selector.get(), &PortalSelector::portalsLoaded);
    QVERIFY(load());
    QCOMPARE(loaded.first().first().toInt(), portals);
    QCOMPARE(m_gateway->calls.count(u"ListPortals"_s), requests);
    QCOMPARE(m_combo->count(), portals);
    QCOMPARE(m_selector->portals().size(), portals);
    for (int i = 0; i < portals; ++i)
        QCOMPARE(m_combo->itemData(i).toString(), m_gateway->portals.at(i).portalId());
    QVERIFY(!m_selector->isLoading());
    QCOMPARE(m_combo->isEnabled(), portals > 0);
    QCOMPARE(m_copy->isEnabled(), portals > 0);
    if (portals == 0)
        QCOMPARE(m_combo->placeholderText(), u"No portals in this region"_s);
    else
        QCOMPARE(m_combo->placeholderText(), QString());
}

void TestPortalSelector::itemsShowNameAndStatus_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("shownName");
    QTest::addColumn<QString>("shownStatus");

    QTest::newRow("active") << u"Sales"_s << u"Active"_s << u"Sales"_s << u"active"_s;
    QTest::newRow("pending") << u"Sales"_s << u"Pending"_s << u"Sales"_s << u"pending"_s;
    QTest::newRow("incomplete") << u"Sales"_s << u"Incomplete"_s << u"Sales"_s << u"incomplete"_s;
    QTest::newRow("no status") << u"Sales"_s << QString() << u"Sales"_s << u"status unknown"_s;
    QTest::newRow("a status not known to us") << u"Sales"_s << u"Deleting"_s << u"Sales"_s << u"Deleting"_s;
    QTest::newRow("no name: the portal id") << QString() << u"Active"_s << QString() << u"active"_s;
}

void TestPortalSelector::itemsShowNameAndStatus()
{
    QFETCH(QString, name);
    QFETCH(QString, status);
    QFETCH(QString, shownName);
    QFETCH(QString, shownStatus);

    m_gateway->portals.append(portalWithStatus(name, 3, status));
    if (shownName.isEmpty())
        shownName = m_gateway->portals.first().portalId();
    QVERIFY(load());
    QCOMPARE(m_combo->itemText(0), u"%1 — %2"_s.arg(shownName, shownStatus));
    // The tooltip has what the narrow box may cut off.
    const Portal &p = m_gateway->portals.first();
    QVERIFY2(m_combo->toolTip().contains(p.portalId()), qPrintable(m_combo->toolTip()));
    QVERIFY2(m_combo->toolTip().contains(p.portalArn), qPrintable(m_combo->toolTip()));
}

void TestPortalSelector::theFirstActivePortalIsChosen_data()
{
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<int>("chosen");

    QTest::newRow("the first is active") << QStringList{u"Active"_s, u"Active"_s} << 0;
    QTest::newRow("after pending and incomplete")
        << QStringList{u"Pending"_s, u"Incomplete"_s, u"Active"_s, u"Active"_s} << 2;
    QTest::newRow("none active: the first") << QStringList{u"Pending"_s, u"Incomplete"_s} << 0;
}

void TestPortalSelector::theFirstActivePortalIsChosen()
{
    QFETCH(QStringList, statuses);
    QFETCH(int, chosen);

    for (int i = 0; i < statuses.size(); ++i)
        m_gateway->portals.append(portalWithStatus(u"Portal %1"_s.arg(i), i, statuses.at(i)));
    QSignalSpy changed(m_selector.get(), &PortalSelector::currentPortalChanged);
    QVERIFY(load());
    QCOMPARE(m_combo->currentIndex(), chosen);
    const QString expected = m_gateway->portals.at(chosen).portalId();
    QCOMPARE(m_selector->currentPortal().portalId(), expected);
    // Said once, with the portal chosen; never once per portal while filling.
    QCOMPARE(changed.last().first().value<Portal>().portalId(), expected);
    QCOMPARE(changed.count(), 2); // none (setGateway), then the chosen one
    QVERIFY(changed.first().first().value<Portal>().portalArn.isEmpty());
}

void TestPortalSelector::thePreferredPortalIsKeptAcrossReloads()
{
    addPortals(5);
    const QString third = m_gateway->portals.at(3).portalId();
    QVERIFY(load(third));
    QCOMPARE(m_selector->currentPortal().portalId(), third);

    // Without a preference, a reload keeps the portal shown.
    QSignalSpy loaded(m_selector.get(), &PortalSelector::portalsLoaded);
    m_selector->reload();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(m_selector->currentPortal().portalId(), third);

    // A preferred portal that is gone: the first active one.
    m_gateway->portals.removeAt(3);
    m_selector->reload(third);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(m_selector->currentPortal().portalId(), m_gateway->portals.first().portalId());
}

void TestPortalSelector::choosingAPortalEmitsIt()
{
    addPortals(3);
    QVERIFY(load());
    QSignalSpy changed(m_selector.get(), &PortalSelector::currentPortalChanged);
    m_combo->setCurrentIndex(2);
    QCOMPARE(changed.count(), 1);
    const Portal chosen = changed.first().first().value<Portal>();
    QCOMPARE(chosen.portalId(), m_gateway->portals.at(2).portalId());
    QCOMPARE(chosen.displayName, u"Portal 2"_s);
    QCOMPARE(m_selector->currentPortal().portalArn, m_gateway->portals.at(2).portalArn);
    QVERIFY(m_combo->toolTip().contains(m_gateway->portals.at(2).portalArn));
    // Nothing is asked of the service for a choice within the list.
    QCOMPARE(m_gateway->calls.count(u"ListPortals"_s), 2);
}

void TestPortalSelector::whileLoadingTheListCannotBeUsed()
{
    addPortals(3);
    QVERIFY(load());
    m_gateway->holdAnswers(u"ListPortals"_s, true);
    m_selector->reload();
    QVERIFY(m_selector->isLoading());
    QVERIFY(!m_combo->isEnabled());
    QCOMPARE(m_combo->placeholderText(), u"Loading portals…"_s);
    QSignalSpy loaded(m_selector.get(), &PortalSelector::portalsLoaded);
    m_gateway->holdAnswers(u"ListPortals"_s, false);
    m_gateway->release(u"ListPortals"_s); // the first page; the second follows on its own
    QVERIFY(loaded.wait(5000));
    QVERIFY(!m_selector->isLoading());
    QVERIFY(m_combo->isEnabled());
    QCOMPARE(m_combo->count(), 3);
}

void TestPortalSelector::aFailureSaysSoAndKeepsThePreviousList()
{
    // The very first load fails: nothing to choose from.
    addPortals(3);
    m_selector->setGateway(m_gateway.get());
    QSignalSpy failed(m_selector.get(), &PortalSelector::loadFailed);
    QSignalSpy loaded(m_selector.get(), &PortalSelector::portalsLoaded);
    m_gateway->failNext(u"ListPortals"_s, AwsError(AwsError::Category::AccessDenied, u"Not allowed"_s)
                                              .setCode(u"AccessDeniedException"_s)
                                              .setHttpStatus(403));
    m_selector->reload();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<AwsError>().category(), AwsError::Category::AccessDenied);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!m_selector->isLoading());
    QVERIFY(!m_combo->isEnabled());
    QCOMPARE(m_combo->placeholderText(), u"Portals could not be loaded"_s);

    // Loaded, then a reload whose second page fails: the list shown before stays usable.
    m_selector->reload();
    QVERIFY(loaded.wait(5000));
    m_combo->setCurrentIndex(1);
    m_gateway->holdAnswers(u"ListPortals"_s, true);
    m_selector->reload();
    m_gateway->failNext(u"ListPortals"_s, AwsError(AwsError::Category::Network, u"Connection reset"_s));
    m_gateway->holdAnswers(u"ListPortals"_s, false);
    m_gateway->release(u"ListPortals"_s);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.count(), 2);
    QCOMPARE(failed.last().first().value<AwsError>().category(), AwsError::Category::Network);
    QCOMPARE(loaded.count(), 1);
    QVERIFY(m_combo->isEnabled());
    QCOMPARE(m_combo->count(), 3);
    QCOMPARE(m_selector->currentPortal().portalId(), m_gateway->portals.at(1).portalId());
}

void TestPortalSelector::anAnswerForAnOlderReloadIsDropped()
{
    addPortals(2);
    m_gateway->portalPageSize = 10;
    m_selector->setGateway(m_gateway.get());
    m_gateway->holdAnswers(u"ListPortals"_s, true);
    m_selector->reload();
    QCOMPARE(m_gateway->heldAnswers(u"ListPortals"_s), 1);
    // A newer list (another region, say) is asked for before the first answer came.
    m_gateway->portals = {FakeServiceGateway::makePortal(u"Elsewhere"_s, 9)};
    m_selector->reload();
    QSignalSpy loaded(m_selector.get(), &PortalSelector::portalsLoaded);
    m_gateway->holdAnswers(u"ListPortals"_s, false);
    m_gateway->release(u"ListPortals"_s); // delivers at once, in the order asked
    QTRY_COMPARE(loaded.count(), 1);
    QVERIFY(!loaded.wait(100)); // the older answer never arrives later either
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().first().toInt(), 1);
    QCOMPARE(m_combo->count(), 1);
    QVERIFY(m_combo->itemText(0).startsWith(u"Elsewhere"_s));

    // Another gateway: the old one's answers are for a list no longer shown.
    m_gateway->holdAnswers(u"ListPortals"_s, true);
    m_selector->reload();
    FakeServiceGateway other;
    other.portals = {FakeServiceGateway::makePortal(u"Other account"_s, 4)};
    m_selector->setGateway(&other);
    QCOMPARE(m_combo->count(), 0);
    m_selector->reload();
    QVERIFY(loaded.wait(5000));
    m_gateway->release(u"ListPortals"_s);
    QVERIFY(!loaded.wait(100));
    QCOMPARE(m_combo->count(), 1);
    QVERIFY(m_combo->itemText(0).startsWith(u"Other account"_s));
    m_selector->setGateway(nullptr);
}

void TestPortalSelector::copyMenuCopiesIdAndArn()
{
    addPortals(2);
    QVERIFY(load());
    m_combo->setCurrentIndex(1);
    const Portal p = m_gateway->portals.at(1);
    auto *copyId = m_selector->findChild<QAction *>(u"copyPortalIdAction"_s);
    auto *copyArn = m_selector->findChild<QAction *>(u"copyPortalArnAction"_s);
    QVERIFY(copyId && copyArn);
    QVERIFY(m_copy->menu() && m_copy->menu()->actions().contains(copyId));
    copyId->trigger();
    QCOMPARE(QApplication::clipboard()->text(), p.portalId());
    copyArn->trigger();
    QCOMPARE(QApplication::clipboard()->text(), p.portalArn);

    // With no portal there is nothing to copy: the clipboard keeps what it had.
    m_selector->setGateway(nullptr);
    QVERIFY(!m_copy->isEnabled());
    QApplication::clipboard()->setText(u"unchanged"_s);
    copyId->trigger();
    copyArn->trigger();
    QCOMPARE(QApplication::clipboard()->text(), u"unchanged"_s);
}

QTEST_MAIN(TestPortalSelector)
#include "tst_portalselector.moc"
