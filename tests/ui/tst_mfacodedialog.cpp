// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The MFA code dialog on its own (what it names, the code field's validator, OK and Cancel, names and
// access keys) and GuiCredentialPrompts, the desktop app's CredentialPrompts: one dialog per request,
// one answer per caller, Cancel as a Cancelled error, never a second dialog on its own.
#include "connection/GuiCredentialPrompts.h"
#include "connection/MfaCodeDialog.h"
#include "help/ShortcutCatalog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

CredentialPrompts::MfaRequest adminRequest()
{
    return {u"admin"_s, u"arn:aws:iam::123456789012:role/ops/Admin"_s,
            u"arn:aws:iam::123456789012:mfa/alice"_s};
}

/// What a caller of askMfaCode() got, and how often.
struct Answer
{
    int calls = 0;
    std::optional<AwsResult<QString>> result;

    CredentialPrompts::MfaCallback callback()
    {
        return [this](const AwsResult<QString> &r) {
            ++calls;
            result = r;
        };
    }
};

} // namespace

class TestMfaCodeDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesTheDeviceTheRoleAndTheProfile();
    void okIsEnabledOnlyForSixDigits_data();
    void okIsEnabledOnlyForSixDigits();
    void fieldAndButtonsHaveNamesAndDistinctAccessKeys();
    void roleNameIsTheLastPartOfTheArn_data();
    void roleNameIsTheLastPartOfTheArn();

    void promptsAnswerWithTheCodeAfterOk();
    void cancelAnswersNotSignedInOnce();
    void closingTheWindowAnswersCancelled();
    void requestsForTheSameRoleShareOneDialog();
    void aCallerWhoseContextIsGoneIsNotCalled();
    void theCodeIsNotKeptAfterTheDialogCloses();
};

void TestMfaCodeDialog::namesTheDeviceTheRoleAndTheProfile()
{
    MfaCodeDialog dialog(adminRequest());
    const auto *label = dialog.findChild<QLabel *>(u"mfaExplanationLabel"_s);
    QVERIFY(label);
    QVERIFY(label->text().contains(u"“admin”"_s));
    QVERIFY(label->text().contains(u"Admin"_s));
    QVERIFY(label->text().contains(u"arn:aws:iam::123456789012:role/ops/Admin"_s));
    QVERIFY(label->text().contains(u"arn:aws:iam::123456789012:mfa/alice"_s));
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QCOMPARE(dialog.accessibleDescription(), label->text());
}

void TestMfaCodeDialog::okIsEnabledOnlyForSixDigits_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("kept");
    QTest::addColumn<bool>("okEnabled");
    QTest::newRow("empty") << QString() << QString() << false;
    QTest::newRow("five digits") << u"12345"_s << u"12345"_s << false;
    QTest::newRow("six digits") << u"123456"_s << u"123456"_s << true;
    QTest::newRow("a seventh is refused") << u"1234567"_s << u"123456"_s << true;
    QTest::newRow("letters are refused") << u"12a34b56"_s << u"123456"_s << true;
    QTest::newRow("spaces are refused") << u"123 45"_s << u"12345"_s << false;
}

void TestMfaCodeDialog::okIsEnabledOnlyForSixDigits()
{
    QFETCH(QString, typed);
    QFETCH(QString, kept);
    QFETCH(bool, okEnabled);
    MfaCodeDialog dialog(adminRequest());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = dialog.findChild<QLineEdit *>(u"mfaCodeLineEdit"_s);
    QVERIFY(edit);
    QCOMPARE(QApplication::focusWidget(), edit);
    QTest::keyClicks(edit, typed);
    QCOMPARE(dialog.code(), kept);
    QCOMPARE(dialog.findChild<QPushButton *>(u"mfaOkPushButton"_s)->isEnabled(), okEnabled);
    QCOMPARE(dialog.hasWholeCode(), okEnabled);

    // Return accepts only a whole code.
    QSignalSpy entered(&dialog, &MfaCodeDialog::codeEntered);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(entered.size(), okEnabled ? 1 : 0);
    QCOMPARE(dialog.isVisible(), !okEnabled);
}

void TestMfaCodeDialog::fieldAndButtonsHaveNamesAndDistinctAccessKeys()
{
    MfaCodeDialog dialog(adminRequest());
    auto *edit = dialog.findChild<QLineEdit *>(u"mfaCodeLineEdit"_s);
    auto *label = dialog.findChild<QLabel *>(u"mfaCodeLabel"_s);
    auto *ok = dialog.findChild<QPushButton *>(u"mfaOkPushButton"_s);
    auto *cancel = dialog.findChild<QPushButton *>(u"mfaCancelPushButton"_s);
    QVERIFY(edit && label && ok && cancel);
    QCOMPARE(label->buddy(), edit);
    QVERIFY(!edit->accessibleName().isEmpty());
    QVERIFY(!ok->accessibleName().isEmpty());
    QVERIFY(!cancel->accessibleName().isEmpty());
    QVERIFY(!dialog.accessibleName().isEmpty());
    QSet<QString> keys;
    for (const QString &text : {label->text(), ok->text(), cancel->text()}) {
        const QString key = ShortcutCatalog::accessKey(text).toLower();
        QVERIFY2(!key.isEmpty(), qPrintable(text));
        QVERIFY2(!keys.contains(key), qPrintable(u"%1 shares the access key %2"_s.arg(text, key)));
        keys.insert(key);
    }
}

void TestMfaCodeDialog::roleNameIsTheLastPartOfTheArn_data()
{
    QTest::addColumn<QString>("arn");
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << u"arn:aws:iam::1:role/Admin"_s << u"Admin"_s;
    QTest::newRow("with a path") << u"arn:aws:iam::1:role/a/b/Ops"_s << u"Ops"_s;
    QTest::newRow("not an ARN") << u"Admin"_s << u"Admin"_s;
    QTest::newRow("ends with a slash") << u"arn:aws:iam::1:role/"_s << u"arn:aws:iam::1:role/"_s;
}

void TestMfaCodeDialog::roleNameIsTheLastPartOfTheArn()
{
    QFETCH(QString, arn);
    QFETCH(QString, name);
    QCOMPARE(MfaCodeDialog::roleName(arn), name);
}

void TestMfaCodeDialog::promptsAnswerWithTheCodeAfterOk()
{
    QWidget window;
    window.show();
    GuiCredentialPrompts prompts(&window);
    QObject context;
    Answer answer;
    prompts.askMfaCode(adminRequest(), &context, answer.callback());
    QCOMPARE(answer.calls, 0); // never before askMfaCode() returns
    MfaCodeDialog *dialog = prompts.openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->parentWidget(), &window);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"mfaCodeLineEdit"_s), u"424242"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"mfaOkPushButton"_s), Qt::LeftButton);
    QCOMPARE(answer.calls, 1);
    QVERIFY(answer.result->ok());
    QCOMPARE(answer.result->value(), u"424242"_s);
    QTRY_VERIFY(!prompts.openDialog());
    QCoreApplication::processEvents();
    QCOMPARE(answer.calls, 1);
}

void TestMfaCodeDialog::cancelAnswersNotSignedInOnce()
{
    QWidget window;
    window.show();
    GuiCredentialPrompts prompts(&window);
    QObject context;
    Answer answer;
    prompts.askMfaCode(adminRequest(), &context, answer.callback());
    MfaCodeDialog *dialog = prompts.openDialog();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"mfaCancelPushButton"_s), Qt::LeftButton);
    QCOMPARE(answer.calls, 1);
    QVERIFY(!answer.result->ok());
    QCOMPARE(answer.result->error().category(), AwsError::Category::Cancelled);
    QCOMPARE(answer.result->error().userMessage(), u"Not signed in: the MFA code was not entered."_s);
    // No second dialog appears by itself.
    QCoreApplication::processEvents();
    QVERIFY(!prompts.openDialog());
    QCOMPARE(answer.calls, 1);
}

void TestMfaCodeDialog::closingTheWindowAnswersCancelled()
{
    auto window = std::make_unique<QWidget>();
    window->show();
    GuiCredentialPrompts prompts(window.get());
    QObject context;
    Answer answer;
    prompts.askMfaCode(adminRequest(), &context, answer.callback());
    QVERIFY(prompts.openDialog());
    window.reset(); // takes the dialog with it
    QCOMPARE(answer.calls, 1);
    QCOMPARE(answer.result->error().category(), AwsError::Category::Cancelled);
    QVERIFY(!prompts.openDialog());
}

void TestMfaCodeDialog::requestsForTheSameRoleShareOneDialog()
{
    QWidget window;
    window.show();
    GuiCredentialPrompts prompts(&window);
    QObject context;
    Answer first;
    Answer second;
    Answer otherRole;
    prompts.askMfaCode(adminRequest(), &context, first.callback());
    MfaCodeDialog *dialog = prompts.openDialog();
    prompts.askMfaCode(adminRequest(), &context, second.callback());
    QCOMPARE(prompts.openDialog(), dialog);
    QCOMPARE(window.findChildren<MfaCodeDialog *>().size(), 1);
    CredentialPrompts::MfaRequest other = adminRequest();
    other.roleArn = u"arn:aws:iam::123456789012:role/ReadOnly"_s;
    prompts.askMfaCode(other, &context, otherRole.callback());
    QCOMPARE(window.findChildren<MfaCodeDialog *>().size(), 2);

    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"mfaCodeLineEdit"_s), u"123456"_s);
    QTest::keyClick(dialog->findChild<QLineEdit *>(u"mfaCodeLineEdit"_s), Qt::Key_Return);
    QCOMPARE(first.calls, 1);
    QCOMPARE(second.calls, 1);
    QCOMPARE(second.result->value(), u"123456"_s);
    QCOMPARE(otherRole.calls, 0);
    prompts.openDialog()->reject();
    QCOMPARE(otherRole.calls, 1);
    QCOMPARE(otherRole.result->error().category(), AwsError::Category::Cancelled);
}

void TestMfaCodeDialog::aCallerWhoseContextIsGoneIsNotCalled()
{
    QWidget window;
    GuiCredentialPrompts prompts(&window);
    auto context = std::make_unique<QObject>();
    Answer answer;
    prompts.askMfaCode(adminRequest(), context.get(), answer.callback());
    context.reset();
    prompts.openDialog()->reject();
    QCOMPARE(answer.calls, 0);
}

void TestMfaCodeDialog::theCodeIsNotKeptAfterTheDialogCloses()
{
    MfaCodeDialog dialog(adminRequest());
    dialog.show();
    auto *edit = dialog.findChild<QLineEdit *>(u"mfaCodeLineEdit"_s);
    QTest::keyClicks(edit, u"987654"_s);
    QSignalSpy entered(&dialog, &MfaCodeDialog::codeEntered);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(entered.size(), 1);
    QCOMPARE(entered.at(0).at(0).toString(), u"987654"_s);
    QVERIFY(edit->text().isEmpty());
}

QTEST_MAIN(TestMfaCodeDialog)
#include "tst_mfacodedialog.moc"
