// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The dialog that expires sessions, on its own and on an in-memory gateway: the question for one and
// for several sessions, Cancel and Escape, confirming, the result of each session, failures, and Stop
// while requests are on their way.
#include "FakeServiceGateway.h"
#include "sessions/ExpireSessionsDialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;

using Phase = ExpireSessionsDialog::Phase;

class TestExpireSessionsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void asksWithEverySessionListed_data();
    void asksWithEverySessionListed();
    void cancelAndEscapeExpireNothing_data();
    void cancelAndEscapeExpireNothing();
    void confirmingExpiresEachSession_data();
    void confirmingExpiresEachSession();
    void aSessionThatCannotBeExpiredSaysWhy();
    void stopSendsNoFurtherRequests_data();
    void stopSendsNoFurtherRequests();
    void withoutAConnectionNothingIsExpired();

private:
    /// A dialog for the first `count` active sessions of the portal, shown; null on failure.
    ExpireSessionsDialog *openDialog(int count);
    QList<SessionSummary> activeSessions(int count) const;
    qsizetype expireCalls() const { return m_gateway->calls.filter(u"ExpireSession"_s).size(); }

    std::unique_ptr<FakeServiceGateway> m_gateway;
    std::unique_ptr<ExpireSessionsDialog> m_dialog;
    QString m_portalId;
    QLabel *m_question = nullptr;
    QTreeWidget *m_tree = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_cancel = nullptr;
};

void TestExpireSessionsDialog::init()
{
    m_gateway = std::make_unique<FakeServiceGateway>();
    const Portal portal = FakeServiceGateway::makePortal(u"Portal"_s, 0);
    m_portalId = portal.portalId();
    // Every session active, so any number of them can be expired.
    m_gateway->sessions.insert(m_portalId, FakeServiceGateway::makeSessions(portal.portalArn, 10, 1));
}

void TestExpireSessionsDialog::cleanup()
{
    m_dialog.reset();
    m_gateway.reset();
}

QList<SessionSummary> TestExpireSessionsDialog::activeSessions(int count) const
{
    return m_gateway->sessions.value(m_portalId).mid(0, count);
}

ExpireSessionsDialog *TestExpireSessionsDialog::openDialog(int count)
{
    m_dialog = std::make_unique<ExpireSessionsDialog>(m_gateway.get(), m_portalId, activeSessions(count));
    m_dialog->show();
    if (!QTest::qWaitForWindowExposed(m_dialog.get()))
        return nullptr;
    m_question = m_dialog->findChild<QLabel *>(u"expireQuestionLabel"_s);
    m_tree = m_dialog->findChild<QTreeWidget *>(u"expireSessionsTreeWidget"_s);
    m_confirm = m_dialog->findChild<QPushButton *>(u"expireConfirmPushButton"_s);
    m_cancel = m_dialog->findChild<QPushButton *>(u"expireCancelPushButton"_s);
    if (!m_question || !m_tree || !m_confirm || !m_cancel)
        return nullptr;
    return m_dialog.get();
}

void TestExpireSessionsDialog::asksWithEverySessionListed_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one session") << 1;
    QTest::newRow("several sessions") << 3;
}

void TestExpireSessionsDialog::asksWithEverySessionListed()
{
    QFETCH(int, count);
    QVERIFY(openDialog(count));
    QCOMPARE(m_dialog->phase(), Phase::Confirming);
    QVERIFY2(m_question->text().startsWith(u"Expire %1 active session"_s.arg(count)),
             qPrintable(m_question->text()));
    QVERIFY(m_question->text().contains(u"cannot be undone"_s));
    QVERIFY2(m_confirm->text().startsWith(u"&Expire %1 session"_s.arg(count)), qPrintable(m_confirm->text()));
    QCOMPARE(m_tree->topLevelItemCount(), count);
    const QList<SessionSummary> sessions = activeSessions(count);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(m_tree->topLevelItem(i)->text(0), sessions.at(i).sessionId);
        QCOMPARE(m_tree->topLevelItem(i)->text(1), sessions.at(i).username);
        QVERIFY(!m_tree->topLevelItem(i)->text(2).isEmpty());
        QCOMPARE(m_dialog->resultText(sessions.at(i).sessionId), u"Not started"_s);
    }
    // A destructive question: the safe answer is the default one.
    QVERIFY(m_cancel->isDefault());
    QVERIFY(!m_confirm->isDefault());
    QVERIFY(m_confirm->isEnabled());
    QCOMPARE(expireCalls(), 0);
}

void TestExpireSessionsDialog::cancelAndEscapeExpireNothing_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("answer");
    for (const int count : {1, 4}) {
        const char *sessions = count == 1 ? "one session" : "several sessions";
        QTest::addRow("%s, Cancel", sessions) << count << u"Cancel"_s;
        QTest::addRow("%s, Escape", sessions) << count << u"Escape"_s;
        // Cancel is the default button: Enter does not expire anything.
        QTest::addRow("%s, Enter", sessions) << count << u"Enter"_s;
    }
}

void TestExpireSessionsDialog::cancelAndEscapeExpireNothing()
{
    QFETCH(int, count);
    QFETCH(QString, answer);
    QVERIFY(openDialog(count));
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    QSignalSpy finished(m_dialog.get(), &ExpireSessionsDialog::allFinished);
    if (answer == u"Escape"_s)
        QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    else if (answer == u"Enter"_s)
        QTest::keyClick(m_dialog.get(), Qt::Key_Return);
    else
        QTest::mouseClick(m_cancel, Qt::LeftButton);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->phase(), Phase::Confirming);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!finished.wait(50)); // and nothing is sent later either
    QCOMPARE(expireCalls(), 0);
}

void TestExpireSessionsDialog::confirmingExpiresEachSession_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one session") << 1;
    QTest::newRow("several sessions") << 3;
    QTest::newRow("more sessions than requests at a time") << 9;
}

void TestExpireSessionsDialog::confirmingExpiresEachSession()
{
    QFETCH(int, count);
    QVERIFY(openDialog(count));
    QSignalSpy expired(m_dialog.get(), &ExpireSessionsDialog::sessionExpired);
    QSignalSpy finished(m_dialog.get(), &ExpireSessionsDialog::allFinished);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);

    QTest::mouseClick(m_confirm, Qt::LeftButton);
    QCOMPARE(m_dialog->phase(), Phase::Running);
    QVERIFY(!m_confirm->isEnabled());
    QCOMPARE(m_cancel->text(), u"Stop"_s);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(m_dialog->phase(), Phase::Done);

    QCOMPARE(m_dialog->expiredCount(), count);
    QCOMPARE(m_dialog->failedCount(), 0);
    QCOMPARE(expireCalls(), count);
    QStringList ids;
    for (const QList<QVariant> &args : std::as_const(expired))
        ids.append(args.first().toString());
    QStringList expected;
    for (const SessionSummary &s : activeSessions(count)) {
        expected.append(s.sessionId);
        QCOMPARE(m_dialog->resultText(s.sessionId), u"Expired"_s);
    }
    ids.sort();
    expected.sort();
    QCOMPARE(ids, expected);
    // The service has them terminated.
    for (const SessionSummary &s : m_gateway->sessions.value(m_portalId).mid(0, count))
        QCOMPARE(s.status, SessionStatus::Terminated);
    // and only them: the next one is untouched.
    QCOMPARE(m_gateway->sessions.value(m_portalId).value(count).status, SessionStatus::Active);

    QVERIFY2(m_question->text().startsWith(u"%1 session"_s.arg(count)), qPrintable(m_question->text()));
    QVERIFY(m_question->text().contains(u"expired."_s));
    QVERIFY(!m_confirm->isVisible());
    QCOMPARE(m_cancel->text(), u"Close"_s);
    QVERIFY(m_cancel->isEnabled());
    QTest::mouseClick(m_cancel, Qt::LeftButton);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(accepted.count(), 0);
}

void TestExpireSessionsDialog::aSessionThatCannotBeExpiredSaysWhy()
{
    QVERIFY(openDialog(3));
    const AwsError error = AwsError(AwsError::Category::AccessDenied, u"Not allowed"_s)
                               .setCode(u"AccessDeniedException"_s)
                               .setHttpStatus(403)
                               .setAction(u"workspaces-web:ExpireSession"_s);
    m_gateway->failNext(u"ExpireSession"_s, error);
    QSignalSpy expired(m_dialog.get(), &ExpireSessionsDialog::sessionExpired);
    QSignalSpy finished(m_dialog.get(), &ExpireSessionsDialog::allFinished);
    QTest::mouseClick(m_confirm, Qt::LeftButton);
    QVERIFY(finished.wait(5000));
    QCOMPARE(m_dialog->expiredCount(), 2);
    QCOMPARE(m_dialog->failedCount(), 1);
    QCOMPARE(expired.count(), 2);
    const QList<SessionSummary> sessions = activeSessions(3);
    // The first request is the one that failed.
    QCOMPARE(m_dialog->resultText(sessions.at(0).sessionId), u"Not expired: %1"_s.arg(error.userMessage()));
    QCOMPARE(m_dialog->resultText(sessions.at(1).sessionId), u"Expired"_s);
    QCOMPARE(m_dialog->resultText(sessions.at(2).sessionId), u"Expired"_s);
    QVERIFY2(m_question->text().contains(u"1 not expired"_s), qPrintable(m_question->text()));
    QCOMPARE(m_cancel->text(), u"Close"_s);
}

void TestExpireSessionsDialog::stopSendsNoFurtherRequests_data()
{
    QTest::addColumn<bool>("withEscape");
    QTest::newRow("Stop button") << false;
    QTest::newRow("Escape") << true;
}

void TestExpireSessionsDialog::stopSendsNoFurtherRequests()
{
    QFETCH(bool, withEscape);
    QVERIFY(openDialog(9));
    m_gateway->holdAnswers(u"ExpireSession"_s, true);
    QSignalSpy finished(m_dialog.get(), &ExpireSessionsDialog::allFinished);
    QTest::mouseClick(m_confirm, Qt::LeftButton);
    // A few at a time, not all nine at once.
    const qsizetype inFlight = expireCalls();
    QVERIFY2(inFlight > 1 && inFlight < 9, qPrintable(QString::number(inFlight)));

    if (withEscape)
        QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    else
        QTest::mouseClick(m_cancel, Qt::LeftButton);
    // Stopping is not closing: the answers on their way still get reported.
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->phase(), Phase::Running);
    QVERIFY(!m_cancel->isEnabled());
    QCOMPARE(finished.count(), 0);

    m_gateway->release(u"ExpireSession"_s);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(m_dialog->phase(), Phase::Done);
    QCOMPARE(expireCalls(), inFlight);
    QCOMPARE(m_dialog->expiredCount(), int(inFlight));
    const QList<SessionSummary> sessions = activeSessions(9);
    for (int i = 0; i < sessions.size(); ++i) {
        const QString result = m_dialog->resultText(sessions.at(i).sessionId);
        QCOMPARE(result, i < inFlight ? u"Expired"_s : u"Not expired (stopped)"_s);
    }
    QVERIFY(m_cancel->isEnabled());
    QCOMPARE(m_cancel->text(), u"Close"_s);
    // Now Escape (or Close) closes.
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QVERIFY(!m_dialog->isVisible());
}

void TestExpireSessionsDialog::withoutAConnectionNothingIsExpired()
{
    const QList<SessionSummary> sessions = activeSessions(2);
    m_dialog = std::make_unique<ExpireSessionsDialog>(nullptr, m_portalId, sessions);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    auto *confirm = m_dialog->findChild<QPushButton *>(u"expireConfirmPushButton"_s);
    QVERIFY(confirm);
    QSignalSpy finished(m_dialog.get(), &ExpireSessionsDialog::allFinished);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(m_dialog->phase(), Phase::Done);
    QCOMPARE(m_dialog->expiredCount(), 0);
    for (const SessionSummary &s : sessions)
        QCOMPARE(m_dialog->resultText(s.sessionId), u"Not expired (stopped)"_s);
}

QTEST_MAIN(TestExpireSessionsDialog)
#include "tst_expiresessionsdialog.moc"
