// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The detail pane's "Q App sharing" section on its own, on an in-memory gateway: each state it can be
// in (nothing selected, not connected, not configured, an impossible id, loading, not found, access
// denied, failed, shown), how a user gets from one to the next, and answers that come too late.
#include "FakeServiceGateway.h"
#include "common/CopyableValue.h"
#include "details/QAppSharingSection.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using State = QAppSharingSection::State;

namespace {

const QString instanceId = u"11111111-2222-4333-8444-555555555555"_s;
const QString sessionA = u"aaaaaaaa-0000-4000-8000-00000000000a"_s;
const QString sessionB = u"bbbbbbbb-0000-4000-8000-00000000000b"_s;

QAppSessionMetadata metadataFor(const QString &sessionId, const QString &name)
{
    QAppSessionMetadata m;
    m.sessionId = sessionId;
    m.sessionArn = u"arn:aws:qapps:eu-west-1:111122223333:application/app/qappsession/"_s + sessionId;
    m.sessionName = name;
    m.sharingConfiguration.enabled = true;
    m.sharingConfiguration.acceptResponses = false;
    m.sharingConfiguration.revealCards = true;
    m.sessionOwner = true;
    return m;
}

} // namespace

class TestQAppSharingSection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void withNothingSelectedItSaysWhatToDo();
    void withoutAConnectionItSaysNotConnected();
    void withoutAnInstanceItAsksForOne();
    void settingTheInstanceLooksUpTheSessionShown();
    void anIdThatCannotBeAQAppSessionIsNotSent_data();
    void anIdThatCannotBeAQAppSessionIsNotSent();
    void whileLoadingItSaysSo();
    void sharingSettingsAreShownInWords_data();
    void sharingSettingsAreShownInWords();
    void notFoundOffersAnotherInstance();
    void otherErrorsOfferRetry_data();
    void otherErrorsOfferRetry();
    void typedIdIsLookedUpWithEnterOrTheButton_data();
    void typedIdIsLookedUpWithEnterOrTheButton();
    void onlyTheLastLookupIsShown();
    void anEmptyIdOrANewGatewayClears();

private:
    QString stateText() const { return m_stateText->text(); }
    qsizetype lookups() const { return m_gateway->calls.filter(u"GetQAppSessionMetadata"_s).size(); }
    QString valueText(const QString &objectName) const;

    std::unique_ptr<QAppSharingSection> m_section;
    std::unique_ptr<FakeServiceGateway> m_gateway;
    QLabel *m_stateText = nullptr;
    QPushButton *m_stateAction = nullptr;
    QProgressBar *m_stateBusy = nullptr;
    QWidget *m_statePanel = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_subject = nullptr;
    QLineEdit *m_lookupEdit = nullptr;
    QPushButton *m_lookupButton = nullptr;
};

void TestQAppSharingSection::init()
{
    m_gateway = std::make_unique<FakeServiceGateway>();
    m_gateway->qAppSessions.insert(sessionA, metadataFor(sessionA, u"Quarterly review"_s));
    m_gateway->qAppSessions.insert(sessionB, metadataFor(sessionB, u"Onboarding"_s));
    m_section = std::make_unique<QAppSharingSection>();
    m_section->resize(500, 400);
    m_section->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_section.get()));
    m_stateText = m_section->findChild<QLabel *>(u"stateTextLabel"_s);
    m_stateAction = m_section->findChild<QPushButton *>(u"stateActionPushButton"_s);
    m_stateBusy = m_section->findChild<QProgressBar *>(u"stateBusyProgressBar"_s);
    m_statePanel = m_section->findChild<QWidget *>(u"qAppStatePanel"_s);
    m_content = m_section->findChild<QWidget *>(u"qAppContentWidget"_s);
    m_subject = m_section->findChild<QLabel *>(u"qAppSubjectLabel"_s);
    m_lookupEdit = m_section->findChild<QLineEdit *>(u"qAppSessionIdLineEdit"_s);
    m_lookupButton = m_section->findChild<QPushButton *>(u"qAppLookupPushButton"_s);
    QVERIFY(m_stateText && m_stateAction && m_stateBusy && m_statePanel && m_content && m_subject &&
            m_lookupEdit && m_lookupButton);
}

void TestQAppSharingSection::cleanup()
{
    m_section.reset();
    m_gateway.reset();
}

QString TestQAppSharingSection::valueText(const QString &objectName) const
{
    const auto *value = m_section->findChild<CopyableValue *>(objectName);
    return value ? value->text() : u"(no %1)"_s.arg(objectName);
}

void TestQAppSharingSection::withNothingSelectedItSaysWhatToDo()
{
    QCOMPARE(m_section->state(), State::Empty);
    QVERIFY(m_statePanel->isVisible());
    QVERIFY(!m_content->isVisible());
    QVERIFY(!m_subject->isVisible());
    QVERIFY(!m_stateAction->isVisible());
    QVERIFY(!m_stateBusy->isVisible());
    QVERIFY2(stateText().contains(u"Select a session"_s), qPrintable(stateText()));
}

void TestQAppSharingSection::withoutAConnectionItSaysNotConnected()
{
    m_section->setInstanceId(instanceId);
    m_section->load(sessionA);
    QCOMPARE(m_section->state(), State::Failed);
    QCOMPARE(stateText(), u"Not connected."_s);
    QVERIFY(!m_stateAction->isVisible()); // nothing to retry without a connection
    QVERIFY(m_subject->isVisible());
    QVERIFY(m_subject->text().contains(sessionA));
    QVERIFY(!m_content->isVisible());
}

void TestQAppSharingSection::withoutAnInstanceItAsksForOne()
{
    m_section->setGateway(m_gateway.get());
    QSignalSpy configure(m_section.get(), &QAppSharingSection::configureInstanceRequested);
    m_section->load(sessionA);
    QCOMPARE(m_section->state(), State::NotConfigured);
    QVERIFY2(stateText().startsWith(u"Not configured"_s), qPrintable(stateText()));
    QVERIFY(m_stateAction->isVisible());
    QCOMPARE(m_stateAction->text(), u"Set i&nstance ID…"_s);
    QCOMPARE(lookups(), 0);
    QTest::mouseClick(m_stateAction, Qt::LeftButton);
    QCOMPARE(configure.count(), 1);
    QCOMPARE(lookups(), 0);
}

void TestQAppSharingSection::settingTheInstanceLooksUpTheSessionShown()
{
    m_section->setGateway(m_gateway.get());
    m_section->load(sessionA);
    QCOMPARE(m_section->state(), State::NotConfigured);
    m_section->setInstanceId(instanceId);
    QCOMPARE(m_section->instanceId(), instanceId);
    QTRY_COMPARE(m_section->state(), State::Loaded);
    QCOMPARE(lookups(), 1);
    QCOMPARE(m_section->metadata().sessionName, u"Quarterly review"_s);
    // The same instance again asks nothing.
    m_section->setInstanceId(instanceId);
    QCOMPARE(lookups(), 1);
}

void TestQAppSharingSection::anIdThatCannotBeAQAppSessionIsNotSent_data()
{
    QTest::addColumn<QString>("sessionId");
    QTest::newRow("upper case") << u"AAAAAAAA-0000-4000-8000-00000000000A"_s;
    QTest::newRow("not a UUID") << u"NOT-A-UUID"_s;
    QTest::newRow("a UUID, but not version 4") << u"aaaaaaaa-0000-1000-8000-00000000000a"_s;
}

void TestQAppSharingSection::anIdThatCannotBeAQAppSessionIsNotSent()
{
    QFETCH(QString, sessionId);
    m_section->setGateway(m_gateway.get());
    m_section->setInstanceId(instanceId);
    m_section->load(sessionId);
    QCOMPARE(m_section->state(), State::InvalidId);
    QVERIFY2(stateText().contains(u"lower-case"_s), qPrintable(stateText()));
    QVERIFY(!m_stateAction->isVisible());
    QCOMPARE(lookups(), 0);
}

void TestQAppSharingSection::whileLoadingItSaysSo()
{
    m_section->setGateway(m_gateway.get());
    m_section->setInstanceId(instanceId);
    m_gateway->holdAnswers(u"GetQAppSessionMetadata"_s, true);
    m_section->load(sessionA);
    QCOMPARE(m_section->state(), State::Loading);
    QVERIFY(m_stateBusy->isVisible());
    QVERIFY(!m_stateAction->isVisible());
    QVERIFY(!m_content->isVisible());
    QCOMPARE(m_subject->text(), u"Q App session %1"_s.arg(sessionA));
    QCOMPARE(m_section->sessionId(), sessionA);
    m_gateway->release(u"GetQAppSessionMetadata"_s);
    QTRY_COMPARE(m_section->state(), State::Loaded);
    QVERIFY(!m_statePanel->isVisible());
    QVERIFY(m_content->isVisible());
}

void TestQAppSharingSection::sharingSettingsAreShownInWords_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<std::optional<bool>>("acceptResponses");
    QTest::addColumn<std::optional<bool>>("revealCards");
    QTest::addColumn<std::optional<bool>>("owner");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("shown"); // name, sharing, responses, cards, owner

    const std::optional<bool> on = true;
    const std::optional<bool> off = false;
    const std::optional<bool> unset;
    QTest::newRow("all on") << true << on << on << on << u"Review"_s
                            << QStringList{u"Review"_s, u"On: the session is shared"_s,
                                           u"On: accepts responses"_s, u"On: reveals cards"_s,
                                           u"Yes, you own this session"_s};
    QTest::newRow("all off") << false << off << off << off << u"Review"_s
                             << QStringList{
                                    u"Review"_s, u"Off: not shared"_s, u"Off: does not accept responses"_s,
                                    u"Off: does not reveal cards"_s, u"No, another user owns this session"_s};
    // Sharing itself is always reported; the rest may be absent.
    QTest::newRow("optional switches absent, no name")
        << false << unset << unset << unset << QString()
        << QStringList{u"(no name)"_s, u"Off: not shared"_s, u"Not set"_s, u"Not set"_s, u"Not reported"_s};
    QTest::newRow("mixed") << true << off << unset << off << u"Mixed"_s
                           << QStringList{u"Mixed"_s, u"On: the session is shared"_s,
                                          u"Off: does not accept responses"_s, u"Not set"_s,
                                          u"No, another user owns this session"_s};
}

void TestQAppSharingSection::sharingSettingsAreShownInWords()
{
    QFETCH(bool, enabled);
    QFETCH(std::optional<bool>, acceptResponses);
    QFETCH(std::optional<bool>, revealCards);
    QFETCH(std::optional<bool>, owner);
    QFETCH(QString, name);
    QFETCH(QStringList, shown);

    QAppSessionMetadata m = metadataFor(sessionA, name);
    m.sharingConfiguration.enabled = enabled;
    m.sharingConfiguration.acceptResponses = acceptResponses;
    m.sharingConfiguration.revealCards = revealCards;
    m.sessionOwner = owner;
    m_gateway->qAppSessions.insert(sessionA, m);
    m_section->setGateway(m_gateway.get());
    m_section->setInstanceId(instanceId);
    m_section->load(sessionA);
    QTRY_COMPARE(m_section->state(), State::Loaded);
    QVERIFY(m_content->isVisible());
    QVERIFY(!m_statePanel->isVisible());
    const QStringList actual{valueText(u"qAppNameCopyableValue"_s), valueText(u"qAppSharingCopyableValue"_s),
                             valueText(u"qAppAcceptResponsesCopyableValue"_s),
                             valueText(u"qAppRevealCardsCopyableValue"_s),
                             valueText(u"qAppOwnerCopyableValue"_s)};
    QCOMPARE(actual, shown);
    QCOMPARE(valueText(u"qAppArnCopyableValue"_s), m.sessionArn);
}

void TestQAppSharingSection::notFoundOffersAnotherInstance()
{
    const QString unknown = u"cccccccc-0000-4000-8000-00000000000c"_s;
    m_section->setGateway(m_gateway.get());
    m_section->setInstanceId(instanceId);
    QSignalSpy configure(m_section.get(), &QAppSharingSection::configureInstanceRequested);
    m_section->load(unknown);
    QTRY_COMPARE(m_section->state(), State::NotFound);
    // It names the instance asked, and offers another one rather than the same 404 again.
    QVERIFY2(stateText().contains(instanceId), qPrintable(stateText()));
    QVERIFY(m_stateAction->isVisible());
    QCOMPARE(m_stateAction->text(), u"Change i&nstance ID…"_s);
    QTest::mouseClick(m_stateAction, Qt::LeftButton);
    QCOMPARE(configure.count(), 1);
    QCOMPARE(lookups(), 1);
    QVERIFY(!m_content->isVisible());
}

void TestQAppSharingSection::otherErrorsOfferRetry_data()
{
    QTest::addColumn<AwsError>("error");
    QTest::addColumn<State>("state");

    QTest::newRow("access denied") << AwsError(AwsError::Category::AccessDenied, u"User is not authorized"_s)
                                          .setCode(u"AccessDeniedException"_s)
                                          .setHttpStatus(403)
                                          .setAction(u"qapps:GetQAppSessionMetadata"_s)
                                   << State::AccessDenied;
    QTest::newRow("network") << AwsError(AwsError::Category::Network, u"Connection refused"_s)
                             << State::Failed;
    QTest::newRow("throttled") << AwsError(AwsError::Category::Throttled, u"Rate exceeded"_s)
                                      .setCode(u"ThrottlingException"_s)
                                      .setHttpStatus(429)
                               << State::Failed;
}

void TestQAppSharingSection::otherErrorsOfferRetry()
{
    QFETCH(AwsError, error);
    QFETCH(State, state);

    m_section->setGateway(m_gateway.get());
    m_section->setInstanceId(instanceId);
    QSignalSpy configure(m_section.get(), &QAppSharingSection::configureInstanceRequested);
    m_gateway->failNext(u"GetQAppSessionMetadata"_s, error);
    m_section->load(sessionA);
    QTRY_COMPARE(m_section->state(), state);
    QCOMPARE(stateText(), error.userMessage());
    QVERIFY(m_stateAction->isVisible());
    QCOMPARE(m_stateAction->text(), u"Retry"_s);
    // Retry asks again (a policy can be fixed, a network comes back), and this time it works.
    QTest::mouseClick(m_stateAction, Qt::LeftButton);
    QTRY_COMPARE(m_section->state(), State::Loaded);
    QCOMPARE(lookups(), 2);
    QCOMPARE(configure.count(), 0);
    QCOMPARE(m_section->metadata().sessionId, sessionA);
}

void TestQAppSharingSection::typedIdIsLookedUpWithEnterOrTheButton_data()
{
    QTest::addColumn<bool>("withEnter");
    QTest::newRow("Enter") << true;
    QTest::newRow("Look up button") << false;
}

void TestQAppSharingSection::typedIdIsLookedUpWithEnterOrTheButton()
{
    QFETCH(bool, withEnter);
    m_section->setGateway(m_gateway.get());
    m_section->setInstanceId(instanceId);
    const auto submit = [&] {
        if (withEnter)
            QTest::keyClick(m_lookupEdit, Qt::Key_Return);
        else
            QTest::mouseClick(m_lookupButton, Qt::LeftButton);
    };
    // Nothing typed: nothing asked.
    submit();
    QCOMPARE(m_section->state(), State::Empty);
    QCOMPARE(lookups(), 0);
    // Spaces around a pasted id do not count.
    QTest::keyClicks(m_lookupEdit, u"  "_s + sessionB + u" "_s);
    submit();
    QCOMPARE(m_section->sessionId(), sessionB);
    QTRY_COMPARE(m_section->state(), State::Loaded);
    QCOMPARE(m_section->metadata().sessionName, u"Onboarding"_s);
    QCOMPARE(m_gateway->calls.last(), u"GetQAppSessionMetadata "_s + sessionB);
}

void TestQAppSharingSection::onlyTheLastLookupIsShown()
{
    m_section->setGateway(m_gateway.get());
    m_section->setInstanceId(instanceId);
    m_gateway->holdAnswers(u"GetQAppSessionMetadata"_s, true);
    m_section->load(sessionA);
    m_section->load(sessionB);
    QCOMPARE(m_gateway->heldAnswers(u"GetQAppSessionMetadata"_s), 2);
    m_gateway->release(u"GetQAppSessionMetadata"_s);
    QTRY_COMPARE(m_section->state(), State::Loaded);
    QCOMPARE(m_section->metadata().sessionId, sessionB);
    QCOMPARE(valueText(u"qAppNameCopyableValue"_s), u"Onboarding"_s);
    QVERIFY(m_subject->text().contains(sessionB));

    // A selection cleared while an answer is on its way stays cleared.
    m_section->load(sessionA);
    QCOMPARE(m_section->state(), State::Loading);
    m_section->load(QString());
    m_gateway->release(u"GetQAppSessionMetadata"_s);
    QCOMPARE(m_section->state(), State::Empty);
    QVERIFY(m_section->metadata().sessionId.isEmpty());
}

void TestQAppSharingSection::anEmptyIdOrANewGatewayClears()
{
    m_section->setGateway(m_gateway.get());
    m_section->setInstanceId(instanceId);
    m_section->load(sessionA);
    QTRY_COMPARE(m_section->state(), State::Loaded);

    m_section->load(QString());
    QCOMPARE(m_section->state(), State::Empty);
    QCOMPARE(m_section->sessionId(), QString());
    QVERIFY(!m_subject->isVisible());
    QVERIFY(!m_content->isVisible());

    m_section->load(sessionA);
    QTRY_COMPARE(m_section->state(), State::Loaded);
    FakeServiceGateway other;
    m_section->setGateway(&other);
    QCOMPARE(m_section->state(), State::Empty);
    QVERIFY(m_section->metadata().sessionId.isEmpty());
    // The instance belongs to the user's setting, not to the connection: it stays.
    QCOMPARE(m_section->instanceId(), instanceId);
    m_section->setGateway(nullptr);
}

QTEST_MAIN(TestQAppSharingSection)
#include "tst_qappsharingsection.moc"
