// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TerminalPrompts.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

/// One question on the terminal: the prompt written, the answer read line by line as it arrives.
class TerminalQuestion : public QObject
{
public:
    TerminalQuestion(int fd, QObject *context, CredentialPrompts::MfaCallback callback)
        : QObject(context)
        , m_fd(fd)
        , m_notifier(fd, QSocketNotifier::Read, this)
        , m_callback(std::move(callback))
    {
        connect(&m_notifier, &QSocketNotifier::activated, this, &TerminalQuestion::readAvailable);
    }
    ~TerminalQuestion() override { ::close(m_fd); }

private:
    void readAvailable()
    {
        char buffer[256];
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (n > 0) {
            m_line.append(buffer, n);
            const qsizetype newline = m_line.indexOf('\n');
            if (newline < 0 && m_line.size() < 1024)
                return;
            m_line.truncate(newline < 0 ? m_line.size() : newline);
        }
        // A line, or the end of input (Ctrl-D) or a read error: either way the question is answered.
        const QString code = QString::fromUtf8(m_line).trimmed();
        m_line.fill('\0');
        m_notifier.setEnabled(false);
        const CredentialPrompts::MfaCallback callback = std::move(m_callback);
        deleteLater();
        if (code.isEmpty()) {
            callback(AwsError(AwsError::Category::Cancelled,
                              TerminalPrompts::tr("Not signed in: the MFA code was not entered.")));
            return;
        }
        callback(code);
    }

    int m_fd;
    QSocketNotifier m_notifier;
    CredentialPrompts::MfaCallback m_callback;
    QByteArray m_line;
};

} // namespace

TerminalPrompts::TerminalPrompts(bool interactive, QString terminalPath)
    : m_interactive(interactive)
    , m_terminalPath(std::move(terminalPath))
{}

AwsError TerminalPrompts::noTerminalError(const MfaRequest &request, const QString &reason)
{
    //: %1 the profile, %2 the MFA device, %3 why no one can be asked (a sentence).
    return AwsError(AwsError::Category::Credentials,
                    tr("Profile %1 needs a code from the MFA device %2, but %3 Run the command once from a "
                       "terminal (the role's credentials are then cached in ~/.aws/cli/cache and reused "
                       "until they expire), or use a profile without mfa_serial.")
                        .arg(request.profileName, request.mfaSerial, reason));
}

void TerminalPrompts::askMfaCode(const MfaRequest &request, QObject *context, MfaCallback callback)
{
    const QPointer<QObject> guard(context);
    const auto later = [guard, callback](const AwsResult<QString> &result) {
        // Never before askMfaCode() returns, as the contract says.
        QTimer::singleShot(0, guard, [guard, callback, result] {
            if (guard)
                callback(result);
        });
    };
    if (!m_interactive) {
        later(noTerminalError(request, tr("sessionscope-cli is not running in a terminal, so nobody can "
                                          "type it.")));
        return;
    }
    const QByteArray path = QFile::encodeName(m_terminalPath);
    const int fd = ::open(path.constData(), O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        later(
            noTerminalError(request, tr("the terminal %1 cannot be opened (%2).").arg(m_terminalPath, why)));
        return;
    }
    // The AWS CLI's own words, so a person who uses both sees the same question.
    const QByteArray prompt = u"Enter MFA code for %1: "_s.arg(request.mfaSerial).toUtf8();
    [[maybe_unused]] const ssize_t written = ::write(fd, prompt.constData(), size_t(prompt.size()));
    if (!context) {
        ::close(fd);
        return;
    }
    new TerminalQuestion(fd, context, std::move(callback));
}
