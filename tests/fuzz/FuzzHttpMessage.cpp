// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzHttpMessage.h"

namespace {

// The next line from `at` (without its LF or CRLF); moves `at` past it.
QByteArrayView nextLine(QByteArrayView input, qsizetype &at)
{
    const qsizetype newline = input.indexOf('\n', at);
    const qsizetype end = newline < 0 ? input.size() : newline;
    QByteArrayView line = input.sliced(at, end - at);
    at = newline < 0 ? input.size() : newline + 1;
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

bool FuzzHttpMessage::isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && QByteArrayView("!#$%&'*+-.^_`|~").indexOf(c) < 0)
            return false;
    }
    return true;
}

QByteArray FuzzHttpMessage::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QList<FuzzHttpMessage> FuzzHttpMessage::parseAll(QByteArrayView input, int maxMessages)
{
    QList<FuzzHttpMessage> messages;
    qsizetype at = 0;
    while (at < input.size() && messages.size() < maxMessages) {
        // Empty lines before a message are ignored, as HTTP servers do between pipelined requests.
        while (at < input.size() && (input[at] == '\r' || input[at] == '\n'))
            ++at;
        if (at >= input.size())
            break;
        FuzzHttpMessage message;
        message.startLine = nextLine(input, at).toByteArray();
        while (at < input.size()) {
            const QByteArrayView line = nextLine(input, at);
            if (line.isEmpty())
                break;
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                message.headers.append({line.toByteArray(), QByteArray()});
            else
                message.headers.append(
                    {line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
        }
        bool ok = false;
        const qlonglong length = message.header("content-length").toLongLong(&ok);
        const qsizetype rest = input.size() - at;
        const qsizetype bodySize = ok && length >= 0 && length <= rest ? qsizetype(length) : rest;
        message.body = input.sliced(at, bodySize).toByteArray();
        at += bodySize;
        messages.append(message);
    }
    return messages;
}
