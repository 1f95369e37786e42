// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The IAM Identity Center sign-in dialog driven by a scripted login: the phases (asking for a code,
// waiting for the approval, signed in, failed), the browser opened once by itself and again on request,
// the code and link copied, and Cancel in every phase.
#include "connection/SsoSignInDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QUrl completeUrl(u"https://device.sso.eu-west-1.amazonaws.com/?user_code=WXYZ-ABCD"_s);
const QUrl plainUrl(u"https://device.sso.eu-west-1.amazonaws.com/"_s);

} // namespace

class TestSsoSignInDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsBusyWithoutACode();
    void showsTheCodeLargeAndOpensTheBrowserOnce();
    void opensTheBrowserAgainAndCopiesCodeAndLink();
    void aBrowserThatDoesNotOpenIsExplained();
    void successClosesTheDialog();
    void failureSaysWhyAndStaysOpen();
    void cancelWhileStartingAsksTheLoginToStop();
    void cancelWhileWaitingAsksTheLoginToStopOnce();
    void escapeCancels();
    void everyButtonHasANameAndItsOwnAccessKey();

private:
    std::unique_ptr<SsoSignInDialog> m_dialog;
    QList<QUrl> m_opened;
    bool m_browserWorks = true;
};

void TestSsoSignInDialog::init()
{
    m_opened.clear();
    m_browserWorks = true;
    m_dialog = std::make_unique<SsoSignInDialog>(u"dev"_s, u"https://example.awsapps.com/start"_s);
    m_dialog->setUrlOpener([this](const QUrl &url) {
        m_opened.append(url);
        return m_browserWorks;
    });
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestSsoSignInDialog::cleanup()
{
    m_dialog.reset();
}

void TestSsoSignInDialog::startsBusyWithoutACode()
{
    QVERIFY(m_dialog->isWaiting());
    QVERIFY(m_dialog->findChild<QProgressBar *>(u"ssoBusyProgressBar"_s)->isVisible());
    QVERIFY(!m_dialog->findChild<QPushButton *>(u"ssoOpenPagePushButton"_s)->isEnabled());
    QVERIFY(!m_dialog->findChild<QPushButton *>(u"ssoCopyCodePushButton"_s)->isEnabled());
    QVERIFY(m_dialog->findChild<QLabel *>(u"ssoIntroLabel"_s)->text().contains(u"“dev”"_s));
    QVERIFY(m_dialog->findChild<QLabel *>(u"ssoIntroLabel"_s)->text().contains(u"example.awsapps.com"_s));
    QVERIFY(m_opened.isEmpty());
}

void TestSsoSignInDialog::showsTheCodeLargeAndOpensTheBrowserOnce()
{
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(600);
    m_dialog->showVerification(completeUrl, u"WXYZ-ABCD"_s, plainUrl, expires);
    auto *code = m_dialog->findChild<QLabel *>(u"ssoUserCodeLabel"_s);
    QCOMPARE(code->text(), u"WXYZ-ABCD"_s);
    QVERIFY(code->font().pointSizeF() > m_dialog->font().pointSizeF() * 1.5);
    QVERIFY(code->textInteractionFlags() & Qt::TextSelectableByMouse);
    QCOMPARE(m_opened, QList<QUrl>{completeUrl});
    QVERIFY(m_dialog->isWaiting());
    QVERIFY(m_dialog->findChild<QProgressBar *>(u"ssoBusyProgressBar"_s)->isVisible());
    QVERIFY(m_dialog->findChild<QLabel *>(u"ssoInstructionsLabel"_s)->text().contains(plainUrl.toString()));
    QVERIFY(m_dialog->statusText().startsWith(u"Waiting"_s));
}

void TestSsoSignInDialog::opensTheBrowserAgainAndCopiesCodeAndLink()
{
    m_dialog->showVerification(completeUrl, u"WXYZ-ABCD"_s, plainUrl, {});
    QTest::mouseClick(m_dialog->findChild<QPushButton *>(u"ssoOpenPagePushButton"_s), Qt::LeftButton);
    QCOMPARE(m_opened.size(), 2);
    QTest::mouseClick(m_dialog->findChild<QPushButton *>(u"ssoCopyCodePushButton"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), u"WXYZ-ABCD"_s);
    QTest::mouseClick(m_dialog->findChild<QPushButton *>(u"ssoCopyLinkPushButton"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), completeUrl.toString());
}

void TestSsoSignInDialog::aBrowserThatDoesNotOpenIsExplained()
{
    m_browserWorks = false;
    m_dialog->showVerification(completeUrl, u"WXYZ-ABCD"_s, plainUrl, {});
    QVERIFY(m_dialog->statusText().contains(u"could not be opened"_s));
    QVERIFY(m_dialog->statusText().contains(plainUrl.toString()));
    QVERIFY(m_dialog->isWaiting());
}

void TestSsoSignInDialog::successClosesTheDialog()
{
    QSignalSpy signedIn(m_dialog.get(), &SsoSignInDialog::signedIn);
    QSignalSpy cancel(m_dialog.get(), &SsoSignInDialog::cancelRequested);
    m_dialog->showVerification(completeUrl, u"WXYZ-ABCD"_s, plainUrl, {});
    const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(8 * 3600);
    m_dialog->showFinished(until);
    QCOMPARE(signedIn.size(), 1);
    QCOMPARE(signedIn.at(0).at(0).toDateTime(), until);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(cancel.size(), 0);
}

void TestSsoSignInDialog::failureSaysWhyAndStaysOpen()
{
    QSignalSpy cancel(m_dialog.get(), &SsoSignInDialog::cancelRequested);
    m_dialog->showVerification(completeUrl, u"WXYZ-ABCD"_s, plainUrl, {});
    m_dialog->showFinished(
        AwsError(AwsError::Category::Timeout, u"The code expired before it was approved."_s));
    QVERIFY(m_dialog->isVisible());
    QVERIFY(!m_dialog->isWaiting());
    QVERIFY(!m_dialog->findChild<QProgressBar *>(u"ssoBusyProgressBar"_s)->isVisible());
    QVERIFY(m_dialog->statusText().startsWith(u"Not signed in:"_s));
    auto *close = m_dialog->findChild<QPushButton *>(u"ssoCancelPushButton"_s);
    QCOMPARE(close->text(), u"&Close"_s);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(cancel.size(), 0); // nothing is running any more
}

void TestSsoSignInDialog::cancelWhileStartingAsksTheLoginToStop()
{
    QSignalSpy cancel(m_dialog.get(), &SsoSignInDialog::cancelRequested);
    QTest::mouseClick(m_dialog->findChild<QPushButton *>(u"ssoCancelPushButton"_s), Qt::LeftButton);
    QCOMPARE(cancel.size(), 1);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
}

void TestSsoSignInDialog::cancelWhileWaitingAsksTheLoginToStopOnce()
{
    QSignalSpy cancel(m_dialog.get(), &SsoSignInDialog::cancelRequested);
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    m_dialog->showVerification(completeUrl, u"WXYZ-ABCD"_s, plainUrl, {});
    QTest::mouseClick(m_dialog->findChild<QPushButton *>(u"ssoCancelPushButton"_s), Qt::LeftButton);
    QCOMPARE(cancel.size(), 1);
    // The login's own answer to cancel() changes nothing.
    m_dialog->showFinished(AwsError(AwsError::Category::Cancelled, u"Cancelled."_s));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(cancel.size(), 1);
}

void TestSsoSignInDialog::escapeCancels()
{
    QSignalSpy cancel(m_dialog.get(), &SsoSignInDialog::cancelRequested);
    m_dialog->showVerification(completeUrl, u"WXYZ-ABCD"_s, plainUrl, {});
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QCOMPARE(cancel.size(), 1);
    QVERIFY(!m_dialog->isVisible());
}

void TestSsoSignInDialog::everyButtonHasANameAndItsOwnAccessKey()
{
    QSet<QChar> keys;
    for (QPushButton *button : m_dialog->findChildren<QPushButton *>()) {
        QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->objectName()));
        const qsizetype amp = button->text().indexOf(u'&');
        QVERIFY2(amp >= 0 && amp + 1 < button->text().size(), qPrintable(button->text()));
        const QChar key = button->text().at(amp + 1).toLower();
        QVERIFY2(!keys.contains(key), qPrintable(button->text()));
        keys.insert(key);
    }
}

QTEST_MAIN(TestSsoSignInDialog)
#include "tst_ssosignindialog.moc"
