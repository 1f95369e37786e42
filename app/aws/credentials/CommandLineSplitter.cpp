// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/CommandLineSplitter.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

bool isShellSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

// `text` is marked with QT_TRANSLATE_NOOP at each call, so lupdate finds it.
AwsError splitError(const char *text)
{
    return AwsError(AwsError::Category::Configuration,
                    QCoreApplication::translate("CommandLineSplitter", text));
}

} // namespace

AwsResult<QStringList> CommandLineSplitter::split(const QString &commandLine)
{
    enum class State {
        Between,
        Word,
        SingleQuoted,
        DoubleQuoted,
    };
    QStringList words;
    QString word;
    State state = State::Between;
    for (qsizetype i = 0; i < commandLine.size(); ++i) {
        const QChar c = commandLine.at(i);
        switch (state) {
        case State::Between:
        case State::Word:
            if (isShellSpace(c)) {
                if (state == State::Word)
                    words.append(std::exchange(word, QString()));
                state = State::Between;
            } else if (c == u'\'') {
                state = State::SingleQuoted;
            } else if (c == u'"') {
                state = State::DoubleQuoted;
            } else if (c == u'\\') {
                if (i + 1 >= commandLine.size())
                    return splitError(QT_TRANSLATE_NOOP("CommandLineSplitter",
                                                        "The command line ends with a lone backslash."));
                ++i;
                // A backslash-newline is a line continuation, as in a shell: it neither adds nor ends a word.
                if (commandLine.at(i) != u'\n') {
                    word.append(commandLine.at(i));
                    state = State::Word;
                }
            } else {
                word.append(c);
                state = State::Word;
            }
            break;
        case State::SingleQuoted:
            if (c == u'\'')
                state = State::Word;
            else
                word.append(c);
            break;
        case State::DoubleQuoted:
            if (c == u'"') {
                state = State::Word;
            } else if (c == u'\\' && i + 1 < commandLine.size() &&
                       u"\"\\$`\n"_s.contains(commandLine.at(i + 1))) {
                ++i;
                if (commandLine.at(i) != u'\n')
                    word.append(commandLine.at(i));
            } else {
                word.append(c);
            }
            break;
        }
    }
    if (state == State::SingleQuoted)
        return splitError(QT_TRANSLATE_NOOP("CommandLineSplitter",
                                            "The command line has a single quote (') that is never closed."));
    if (state == State::DoubleQuoted)
        return splitError(QT_TRANSLATE_NOOP(
            "CommandLineSplitter", "The command line has a double quote (\") that is never closed."));
    if (state == State::Word)
        words.append(word);
    if (words.isEmpty())
        return splitError(QT_TRANSLATE_NOOP("CommandLineSplitter", "The command line is empty."));
    return words;
}
