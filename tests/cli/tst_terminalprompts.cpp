// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The CLI's MFA question: without a person at a terminal it fails at once with a sentence saying why and
// what to do; on a terminal (a pseudo-terminal here) it asks like the AWS CLI and reads one line.
#include "cli/TerminalPrompts.h"

#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <memory>
#include <optional>
#include <stdlib.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

CredentialPrompts::MfaRequest request()
{
    return {u"admin"_s, u"arn:aws:iam::123456789012:role/Admin"_s, u"arn:aws:iam::123456789012:mfa/alice"_s};
}

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

/// A pseudo-terminal: the test types on the master side, TerminalPrompts opens the slave by its path.
class PseudoTerminal
{
public:
    PseudoTerminal()
    {
        m_master = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (m_master >= 0 && ::grantpt(m_master) == 0 && ::unlockpt(m_master) == 0)
            m_slavePath = QString::fromLocal8Bit(::ptsname(m_master));
    }
    ~PseudoTerminal()
    {
        if (m_master >= 0)
            ::close(m_master);
    }
    bool ok() const { return !m_slavePath.isEmpty(); }
    QString slavePath() const { return m_slavePath; }
    void type(const QByteArray &text)
    {
        QCOMPARE(::write(m_master, text.constData(), size_t(text.size())), text.size());
    }
    /// What was written to the terminal so far (the prompt, and the echo of what was typed).
    QByteArray screen()
    {
        const int flags = ::fcntl(m_master, F_GETFL);
        ::fcntl(m_master, F_SETFL, flags | O_NONBLOCK);
        char buffer[512];
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        ::fcntl(m_master, F_SETFL, flags);
        if (n > 0)
            m_screen.append(buffer, n);
        return m_screen;
    }

private:
    int m_master = -1;
    QString m_slavePath;
    QByteArray m_screen;
};

} // namespace

class TestTerminalPrompts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutATerminalFailsAtOnceSayingWhatToDo();
    void aTerminalThatCannotBeOpenedFailsAtOnce();
    void asksLikeTheAwsCliAndReadsOneLine();
    void anEmptyAnswerIsNotSignedIn();
    void endOfInputIsNotSignedIn();
    void nothingIsCalledWhenTheContextIsGone();
};

void TestTerminalPrompts::withoutATerminalFailsAtOnceSayingWhatToDo()
{
    TerminalPrompts prompts(false, u"/nonexistent/tty"_s);
    QObject context;
    Answer answer;
    prompts.askMfaCode(request(), &context, answer.callback());
    QCOMPARE(answer.calls, 0); // never before askMfaCode() returns
    QTRY_COMPARE(answer.calls, 1);
    const AwsError error = answer.result->error();
    QCOMPARE(error.category(), AwsError::Category::Credentials);
    const QString text = error.userMessage();
    QVERIFY2(text.contains(u"arn:aws:iam::123456789012:mfa/alice"_s), qPrintable(text));
    QVERIFY2(text.contains(u"not running in a terminal"_s), qPrintable(text));
    QVERIFY2(text.contains(u"~/.aws/cli/cache"_s), qPrintable(text));
    QVERIFY2(text.contains(u"without mfa_serial"_s), qPrintable(text));
}

void TestTerminalPrompts::aTerminalThatCannotBeOpenedFailsAtOnce()
{
    TerminalPrompts prompts(true, u"/nonexistent/tty"_s);
    QObject context;
    Answer answer;
    prompts.askMfaCode(request(), &context, answer.callback());
    QTRY_COMPARE(answer.calls, 1);
    QCOMPARE(answer.result->error().category(), AwsError::Category::Credentials);
    QVERIFY(answer.result->error().userMessage().contains(u"/nonexistent/tty"_s));
}

void TestTerminalPrompts::asksLikeTheAwsCliAndReadsOneLine()
{
    PseudoTerminal terminal;
    if (!terminal.ok())
        QSKIP("no pseudo-terminal available");
    TerminalPrompts prompts(true, terminal.slavePath());
    QObject context;
    Answer answer;
    prompts.askMfaCode(request(), &context, answer.callback());
    QTRY_VERIFY(terminal.screen().contains("Enter MFA code for arn:aws:iam::123456789012:mfa/alice: "));
    QCOMPARE(answer.calls, 0);
    terminal.type("123");
    QTest::qWait(50); // a partial line is not an answer yet
    QCOMPARE(answer.calls, 0);
    terminal.type("456\n");
    QTRY_COMPARE(answer.calls, 1);
    QVERIFY(answer.result->ok());
    QCOMPARE(answer.result->value(), u"123456"_s);
}

void TestTerminalPrompts::anEmptyAnswerIsNotSignedIn()
{
    PseudoTerminal terminal;
    if (!terminal.ok())
        QSKIP("no pseudo-terminal available");
    TerminalPrompts prompts(true, terminal.slavePath());
    QObject context;
    Answer answer;
    prompts.askMfaCode(request(), &context, answer.callback());
    terminal.type("\n");
    QTRY_COMPARE(answer.calls, 1);
    QCOMPARE(answer.result->error().category(), AwsError::Category::Cancelled);
    QCOMPARE(answer.result->error().userMessage(), u"Not signed in: the MFA code was not entered."_s);
}

void TestTerminalPrompts::endOfInputIsNotSignedIn()
{
    PseudoTerminal terminal;
    if (!terminal.ok())
        QSKIP("no pseudo-terminal available");
    TerminalPrompts prompts(true, terminal.slavePath());
    QObject context;
    Answer answer;
    prompts.askMfaCode(request(), &context, answer.callback());
    terminal.type("\x04"); // Ctrl-D
    QTRY_COMPARE(answer.calls, 1);
    QCOMPARE(answer.result->error().category(), AwsError::Category::Cancelled);
}

void TestTerminalPrompts::nothingIsCalledWhenTheContextIsGone()
{
    PseudoTerminal terminal;
    if (!terminal.ok())
        QSKIP("no pseudo-terminal available");
    TerminalPrompts prompts(true, terminal.slavePath());
    auto context = std::make_unique<QObject>();
    Answer answer;
    prompts.askMfaCode(request(), context.get(), answer.callback());
    context.reset();
    terminal.type("123456\n");
    QTest::qWait(50);
    QCOMPARE(answer.calls, 0);

    TerminalPrompts noTerminal(false);
    context = std::make_unique<QObject>();
    noTerminal.askMfaCode(request(), context.get(), answer.callback());
    context.reset();
    QTest::qWait(10);
    QCOMPARE(answer.calls, 0);
}

QTEST_GUILESS_MAIN(TestTerminalPrompts)
#include "tst_terminalprompts.moc"
