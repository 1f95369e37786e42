// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The filter bar on its own, driven through its child widgets: what it applies, when, and what it
// refuses. tst_mainwindow checks that the window turns its filtersChanged() into a new query.
#include "sessions/SessionFilterBar.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

using StatusFilter = ListSessionsRequest::StatusFilter;

namespace {

const QString validId = u"0a1b2c3d-0000-4000-8000-00000000abcd"_s;
const QString otherValidId = u"0a1b2c3d-0000-4000-8000-00000000ef01"_s;

} // namespace

class TestSessionFilterBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsWithoutFilters();
    void pickingAStatusAppliesAtOnce_data();
    void pickingAStatusAppliesAtOnce();
    void typingAppliesOnlyAfterThePause_data();
    void typingAppliesOnlyAfterThePause();
    void enterAppliesAtOnce_data();
    void enterAppliesAtOnce();
    void emptyingAFieldAppliesAtOnce_data();
    void emptyingAFieldAppliesAtOnce();
    void anIllFormedSessionIdIsFlaggedAndNeverApplied_data();
    void anIllFormedSessionIdIsFlaggedAndNeverApplied();
    void clearFiltersButtonShowsEverything();
    void setFiltersShowsTheValuesAndEmitsOnlyOnChange();
    void focusUsernameSelectsItsText();

private:
    template <typename T>
    T *child(const QString &name) const
    {
        return m_bar->findChild<T *>(name);
    }

    std::unique_ptr<SessionFilterBar> m_bar;
    QComboBox *m_status = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_sessionId = nullptr;
    QLabel *m_hint = nullptr;
};

void TestSessionFilterBar::init()
{
    m_bar = std::make_unique<SessionFilterBar>();
    m_bar->resize(900, 40);
    m_bar->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_bar.get()));
    m_status = child<QComboBox>(u"statusFilterComboBox"_s);
    m_username = child<QLineEdit>(u"usernameLineEdit"_s);
    m_sessionId = child<QLineEdit>(u"sessionIdLineEdit"_s);
    m_hint = child<QLabel>(u"sessionIdHintLabel"_s);
    QVERIFY(m_status && m_username && m_sessionId && m_hint);
}

void TestSessionFilterBar::cleanup()
{
    m_bar.reset();
}

void TestSessionFilterBar::startsWithoutFilters()
{
    QCOMPARE(m_bar->statusFilter(), StatusFilter::Any);
    QCOMPARE(m_bar->username(), QString());
    QCOMPARE(m_bar->sessionId(), QString());
    QCOMPARE(m_status->count(), 3);
    QCOMPARE(m_status->currentText(), u"All"_s);
    QVERIFY(m_username->text().isEmpty());
    QVERIFY(m_sessionId->text().isEmpty());
    QVERIFY(!m_hint->isVisible());
    QVERIFY(child<QToolButton>(u"clearFiltersToolButton"_s));
}

void TestSessionFilterBar::pickingAStatusAppliesAtOnce_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<StatusFilter>("expected");
    QTest::addColumn<int>("signals");

    QTest::newRow("active") << u"Active"_s << StatusFilter::Active << 1;
    QTest::newRow("terminated") << u"Terminated"_s << StatusFilter::Terminated << 1;
    QTest::newRow("all again: no change") << u"All"_s << StatusFilter::Any << 0;
}

void TestSessionFilterBar::pickingAStatusAppliesAtOnce()
{
    QFETCH(QString, text);
    QFETCH(StatusFilter, expected);
    QFETCH(int, signals);

    QSignalSpy changed(m_bar.get(), &SessionFilterBar::filtersChanged);
    const int index = m_status->findText(text);
    QVERIFY(index >= 0);
    m_status->setCurrentIndex(index);
    // No typing pause for the status: the signal has come before the event loop ran.
    QCOMPARE(changed.count(), signals);
    QCOMPARE(m_bar->statusFilter(), expected);
}

void TestSessionFilterBar::typingAppliesOnlyAfterThePause_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("applied");

    QTest::newRow("username") << u"usernameLineEdit"_s << u"alice@example.com"_s << u"alice@example.com"_s;
    QTest::newRow("username, spaces around") << u"usernameLineEdit"_s << u"  bob  "_s << u"bob"_s;
    QTest::newRow("session id") << u"sessionIdLineEdit"_s << validId << validId;
}

void TestSessionFilterBar::typingAppliesOnlyAfterThePause()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(QString, applied);

    auto *edit = child<QLineEdit>(field);
    QVERIFY(edit);
    QSignalSpy changed(m_bar.get(), &SessionFilterBar::filtersChanged);
    QTest::keyClicks(edit, typed);
    // Still typing: nothing applied yet.
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_bar->username(), QString());
    QCOMPARE(m_bar->sessionId(), QString());
    // One change after the pause, for the whole text.
    QVERIFY(changed.wait(SessionFilterBar::typingDelayMs * 5));
    QCOMPARE(changed.count(), 1);
    const QString shown = field == u"usernameLineEdit"_s ? m_bar->username() : m_bar->sessionId();
    QCOMPARE(shown, applied);
    QVERIFY(!m_hint->isVisible());
}

void TestSessionFilterBar::enterAppliesAtOnce_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<Qt::Key>("key");

    QTest::newRow("username, Return") << u"usernameLineEdit"_s << u"carol"_s << Qt::Key_Return;
    QTest::newRow("username, keypad Enter") << u"usernameLineEdit"_s << u"carol"_s << Qt::Key_Enter;
    QTest::newRow("session id, Return") << u"sessionIdLineEdit"_s << validId << Qt::Key_Return;
}

void TestSessionFilterBar::enterAppliesAtOnce()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(Qt::Key, key);

    auto *edit = child<QLineEdit>(field);
    QVERIFY(edit);
    QSignalSpy changed(m_bar.get(), &SessionFilterBar::filtersChanged);
    QTest::keyClicks(edit, typed);
    QTest::keyClick(edit, key);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_bar->username() + m_bar->sessionId(), typed);
    // The pending pause does not apply the same filter a second time.
    QVERIFY(!changed.wait(SessionFilterBar::typingDelayMs + 200));
}

void TestSessionFilterBar::emptyingAFieldAppliesAtOnce_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("username") << u"usernameLineEdit"_s;
    QTest::newRow("session id") << u"sessionIdLineEdit"_s;
}

void TestSessionFilterBar::emptyingAFieldAppliesAtOnce()
{
    QFETCH(QString, field);
    m_bar->setFilters(StatusFilter::Active, u"dave"_s, validId);
    auto *edit = child<QLineEdit>(field);
    QVERIFY(edit);
    QSignalSpy changed(m_bar.get(), &SessionFilterBar::filtersChanged);
    // What the line edit's clear button does: the text changes, with no keystroke to wait for.
    edit->clear();
    QCOMPARE(changed.count(), 1);
    if (field == u"usernameLineEdit"_s) {
        QCOMPARE(m_bar->username(), QString());
        QCOMPARE(m_bar->sessionId(), validId);
    } else {
        QCOMPARE(m_bar->sessionId(), QString());
        QCOMPARE(m_bar->username(), u"dave"_s);
    }
    QCOMPARE(m_bar->statusFilter(), StatusFilter::Active);
}

void TestSessionFilterBar::anIllFormedSessionIdIsFlaggedAndNeverApplied_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("too short") << u"0a1b2c3d"_s;
    QTest::newRow("too long") << validId + u"0"_s;
    QTest::newRow("a character not allowed") << u"0a1b2c3d_0000_4000_8000_00000000abcd"_s;
}

void TestSessionFilterBar::anIllFormedSessionIdIsFlaggedAndNeverApplied()
{
    QFETCH(QString, typed);
    m_bar->setFilters(StatusFilter::Any, {}, otherValidId);
    QSignalSpy changed(m_bar.get(), &SessionFilterBar::filtersChanged);

    m_sessionId->selectAll();
    QTest::keyClicks(m_sessionId, typed);
    QVERIFY(m_hint->isVisible());
    QVERIFY2(m_hint->text().contains(u"36"_s), qPrintable(m_hint->text()));
    QTest::keyClick(m_sessionId, Qt::Key_Return);
    // Neither Enter nor the pause sends it: the previous lookup stays.
    QVERIFY(!changed.wait(SessionFilterBar::typingDelayMs + 200));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_bar->sessionId(), otherValidId);

    // Fixed: the hint goes and the new id applies.
    m_sessionId->selectAll();
    QTest::keyClicks(m_sessionId, validId);
    QVERIFY(!m_hint->isVisible());
    QTest::keyClick(m_sessionId, Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_bar->sessionId(), validId);
}

void TestSessionFilterBar::clearFiltersButtonShowsEverything()
{
    m_bar->setFilters(StatusFilter::Terminated, u"erin"_s, validId);
    QSignalSpy changed(m_bar.get(), &SessionFilterBar::filtersChanged);
    auto *clear = child<QToolButton>(u"clearFiltersToolButton"_s);
    QVERIFY(clear);
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_bar->statusFilter(), StatusFilter::Any);
    QCOMPARE(m_bar->username(), QString());
    QCOMPARE(m_bar->sessionId(), QString());
    QCOMPARE(m_status->currentText(), u"All"_s);
    QVERIFY(m_username->text().isEmpty());
    QVERIFY(m_sessionId->text().isEmpty());
    // Nothing left to clear: a second click changes nothing.
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
}

void TestSessionFilterBar::setFiltersShowsTheValuesAndEmitsOnlyOnChange()
{
    QSignalSpy changed(m_bar.get(), &SessionFilterBar::filtersChanged);
    m_bar->setFilters(StatusFilter::Active, u"frank"_s, validId);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_status->currentText(), u"Active"_s);
    QCOMPARE(m_username->text(), u"frank"_s);
    QCOMPARE(m_sessionId->text(), validId);
    // The same filters again (restoring settings twice) are no change.
    m_bar->setFilters(StatusFilter::Active, u"frank"_s, validId);
    QCOMPARE(changed.count(), 1);
    // An ill-formed id from elsewhere is shown, flagged, and not applied.
    m_bar->setFilters(StatusFilter::Active, u"frank"_s, u"nope"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_sessionId->text(), u"nope"_s);
    QVERIFY(m_hint->isVisible());
    QCOMPARE(m_bar->sessionId(), validId);
    QVERIFY(!changed.wait(SessionFilterBar::typingDelayMs + 200));
}

void TestSessionFilterBar::focusUsernameSelectsItsText()
{
    m_bar->setFilters(StatusFilter::Any, u"grace"_s, {});
    QApplication::setActiveWindow(m_bar.get());
    QVERIFY(QTest::qWaitForWindowActive(m_bar.get()));
    m_status->setFocus();
    m_bar->focusUsername();
    QTRY_VERIFY(m_username->hasFocus());
    QCOMPARE(m_username->selectedText(), u"grace"_s);
    // Typing now replaces the old name.
    QSignalSpy changed(m_bar.get(), &SessionFilterBar::filtersChanged);
    QTest::keyClicks(m_username, u"heidi"_s);
    QTest::keyClick(m_username, Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_bar->username(), u"heidi"_s);
}

QTEST_MAIN(TestSessionFilterBar)
#include "tst_sessionfilterbar.moc"
