// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The status bar's line about the session list, on its own: the words and controls for each state,
// the requests its buttons make, and the keyboard focus when Load all and Cancel swap places.
#include "sessions/SessionStatusLine.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using State = SessionStatusLine::State;

namespace {

State makeState(qint64 loaded, bool more, bool busy, bool loadingAll, bool active = true)
{
    State s;
    s.loaded = loaded;
    s.moreAvailable = more;
    s.busy = busy;
    s.loadingAll = loadingAll;
    s.active = active;
    return s;
}

} // namespace

class TestSessionStatusLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void eachStateIsShown_data();
    void eachStateIsShown();
    void loadAllIsOfferedOnlyWhenItCanHelp_data();
    void loadAllIsOfferedOnlyWhenItCanHelp();
    void buttonsAskForLoadAllAndCancel();
    void keyboardFocusFollowsTheButtonThatTakesTheOthersPlace();

private:
    std::unique_ptr<SessionStatusLine> m_line;
    QLabel *m_count = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_loadAll = nullptr;
    QPushButton *m_cancel = nullptr;
};

void TestSessionStatusLine::initTestCase()
{
    // The count is written with the locale's digit grouping; pin it so the expected texts hold anywhere.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestSessionStatusLine::init()
{
    m_line = std::make_unique<SessionStatusLine>();
    m_line->resize(600, 30);
    m_line->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_line.get()));
    m_count = m_line->findChild<QLabel *>(u"sessionCountLabel"_s);
    m_busy = m_line->findChild<QProgressBar *>(u"pageBusyProgressBar"_s);
    m_loadAll = m_line->findChild<QPushButton *>(u"loadAllPushButton"_s);
    m_cancel = m_line->findChild<QPushButton *>(u"cancelLoadAllPushButton"_s);
    QVERIFY(m_count && m_busy && m_loadAll && m_cancel);
}

void TestSessionStatusLine::cleanup()
{
    m_line.reset();
}

void TestSessionStatusLine::eachStateIsShown_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("busyShown");
    QTest::addColumn<bool>("loadAllShown");
    QTest::addColumn<bool>("cancelShown");

    QTest::newRow("no portal") << makeState(0, false, false, false, false) << u"No portal selected"_s << false
                               << false << false;
    QTest::newRow("first page on its way")
        << makeState(0, false, true, false) << u"Sessions loaded: 0 — loading more…"_s << true << false
        << false;
    QTest::newRow("more available") << makeState(25, true, false, false)
                                    << u"Sessions loaded: 25 — more available"_s << false << true << false;
    QTest::newRow("next page on its way: Load all stays")
        << makeState(25, true, true, false) << u"Sessions loaded: 25 — loading more…"_s << true << true
        << false;
    QTest::newRow("loading all") << makeState(50, true, true, true) << u"Sessions loaded: 50 — loading all…"_s
                                 << true << false << true;
    QTest::newRow("all loaded") << makeState(60, false, false, false) << u"Sessions loaded: 60 — all loaded"_s
                                << false << false << false;
    QTest::newRow("an empty list") << makeState(0, false, false, false)
                                   << u"Sessions loaded: 0 — all loaded"_s << false << false << false;
    QTest::newRow("thousands are grouped")
        << makeState(12345, true, false, false) << u"Sessions loaded: 12,345 — more available"_s << false
        << true << false;
}

void TestSessionStatusLine::eachStateIsShown()
{
    QFETCH(State, state);
    QFETCH(QString, text);
    QFETCH(bool, busyShown);
    QFETCH(bool, loadAllShown);
    QFETCH(bool, cancelShown);

    m_line->setState(state);
    QCOMPARE(m_line->text(), text);
    QCOMPARE(m_count->text(), text);
    QCOMPARE(m_busy->isVisible(), busyShown);
    QCOMPARE(m_loadAll->isVisible(), loadAllShown);
    QCOMPARE(m_cancel->isVisible(), cancelShown);
    QCOMPARE(m_line->state().loaded, state.loaded);
}

void TestSessionStatusLine::loadAllIsOfferedOnlyWhenItCanHelp_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<bool>("offered");

    QTest::newRow("more available") << makeState(10, true, false, false) << true;
    QTest::newRow("more available, a page on its way") << makeState(10, true, true, false) << true;
    QTest::newRow("all loaded") << makeState(10, false, false, false) << false;
    QTest::newRow("already loading all") << makeState(10, true, true, true) << false;
    QTest::newRow("no portal") << makeState(10, true, false, false, false) << false;
}

void TestSessionStatusLine::loadAllIsOfferedOnlyWhenItCanHelp()
{
    QFETCH(State, state);
    QFETCH(bool, offered);
    QCOMPARE(state.canLoadAll(), offered);
    m_line->setState(state);
    QCOMPARE(m_loadAll->isVisible(), offered);
}

void TestSessionStatusLine::buttonsAskForLoadAllAndCancel()
{
    QSignalSpy loadAll(m_line.get(), &SessionStatusLine::loadAllRequested);
    QSignalSpy cancel(m_line.get(), &SessionStatusLine::cancelRequested);
    m_line->setState(makeState(25, true, false, false));
    QTest::mouseClick(m_loadAll, Qt::LeftButton);
    QCOMPARE(loadAll.count(), 1);
    QCOMPARE(cancel.count(), 0);
    // The line only asks: the state changes when the owner says so.
    QVERIFY(m_loadAll->isVisible());

    m_line->setState(makeState(25, true, true, true));
    QTest::mouseClick(m_cancel, Qt::LeftButton);
    QCOMPARE(cancel.count(), 1);
    QCOMPARE(loadAll.count(), 1);
}

void TestSessionStatusLine::keyboardFocusFollowsTheButtonThatTakesTheOthersPlace()
{
    QApplication::setActiveWindow(m_line.get());
    QVERIFY(QTest::qWaitForWindowActive(m_line.get()));
    QSignalSpy loadAll(m_line.get(), &SessionStatusLine::loadAllRequested);
    QSignalSpy cancel(m_line.get(), &SessionStatusLine::cancelRequested);

    m_line->setState(makeState(25, true, false, false));
    m_loadAll->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(m_loadAll->hasFocus());
    QTest::keyClick(m_loadAll, Qt::Key_Space);
    QCOMPARE(loadAll.count(), 1);
    m_line->setState(makeState(25, true, true, true));
    QVERIFY(m_cancel->isVisible() && !m_loadAll->isVisible());
    QVERIFY(m_cancel->hasFocus());

    QTest::keyClick(m_cancel, Qt::Key_Space);
    QCOMPARE(cancel.count(), 1);
    m_line->setState(makeState(50, true, false, false));
    QVERIFY(m_loadAll->isVisible() && !m_cancel->isVisible());
    QVERIFY(m_loadAll->hasFocus());

    // Focus elsewhere stays where it is.
    m_count->setFocusPolicy(Qt::StrongFocus);
    m_count->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(m_count->hasFocus());
    m_line->setState(makeState(50, true, true, true));
    QVERIFY(m_count->hasFocus());
}

QTEST_MAIN(TestSessionStatusLine)
#include "tst_sessionstatusline.moc"
