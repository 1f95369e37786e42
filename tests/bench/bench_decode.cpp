// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Page decode cost of ApiJson::decodeListSessions (not a test; run_bench.py runs it). Usage:
//   bench_decode PAGES.jsonl [MIN_SECONDS]
// Takes 20 real 100-session ListSessions answers from the emulator's data (in process, no network), writes
// them to PAGES.jsonl, one compact body a line (botocore_decode.py parses the same bytes with botocore's
// parser), decodes them
// over and over for at least MIN_SECONDS (default 2; at most 20,000 passes) and prints one JSON line.
#include "BenchMeasure.h"
#include "ListSessionsWalk.h"

#include "api/ApiJson.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

constexpr int pagesSkipped = 10; // the newest pages hold the emulator's hostile usernames; take typical ones
constexpr int pagesKept = 20;
constexpr int maxPasses = 20'000;

// 100-session pages of ListSessions, newest first, as the emulator sends them.
QList<QByteArray> emulatorPages()
{
    const QList<QByteArray> pages = ListSessionsWalk::emulatorPages(10'000, pagesSkipped + pagesKept);
    if (pages.size() < pagesSkipped + pagesKept)
        return {};
    return pages.mid(pagesSkipped);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments.size() > 3) {
        BenchMeasure::note(u"usage: bench_decode PAGES.jsonl [MIN_SECONDS]"_s);
        return 2;
    }
    const double minSeconds = arguments.size() == 3 ? std::clamp(arguments.at(2).toDouble(), 0.1, 60.0) : 2.0;

    const QList<QByteArray> pages = emulatorPages();
    if (pages.size() != pagesKept) {
        BenchMeasure::note(u"bench_decode: the emulator did not answer the pages"_s);
        return 1;
    }
    qint64 sessionsPerPass = 0;
    qint64 bytesPerPass = 0;
    for (const QByteArray &body : pages) {
        const AwsResult<SessionPage> page = ApiJson::decodeListSessions(body);
        if (!page || page.value().sessions.size() != 100) {
            BenchMeasure::note(u"bench_decode: a page did not decode to 100 sessions"_s);
            return 1;
        }
        sessionsPerPass += page.value().sessions.size();
        bytesPerPass += body.size();
    }
    QFile file(arguments.at(1));
    bool written = file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    for (const QByteArray &body : pages) {
        // The emulator's bodies are compact JSON: no newline inside.
        written = written && !body.contains('\n') && file.write(body + '\n') == body.size() + 1;
    }
    if (!written || !file.flush()) {
        BenchMeasure::note(u"bench_decode: cannot write "_s + arguments.at(1));
        return 1;
    }
    file.close();

    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = BenchMeasure::cpuSeconds();
    qint64 sessions = 0;
    qint64 checksum = 0;
    int passes = 0;
    while (passes < maxPasses && (passes == 0 || double(timer.nsecsElapsed()) / 1e9 < minSeconds)) {
        for (const QByteArray &body : pages) {
            const AwsResult<SessionPage> page = ApiJson::decodeListSessions(body);
            checksum += page.value().sessions.last().username.size();
            sessions += page.value().sessions.size();
        }
        ++passes;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpu = BenchMeasure::cpuSeconds() - cpuBefore;
    BenchMeasure::emitResult(QJsonObject{
        {u"bench"_s, u"decode"_s},
        {u"pages"_s, qint64(passes) * pages.size()},
        {u"sessions"_s, sessions},
        {u"sessionsPerPage"_s, double(sessionsPerPass) / double(pages.size())},
        {u"bytesPerPage"_s, double(bytesPerPass) / double(pages.size())},
        {u"seconds"_s, seconds},
        {u"cpuSeconds"_s, cpu},
        {u"nanosecondsPerSession"_s, seconds * 1e9 / double(sessions)},
        {u"microsecondsPerPage"_s, seconds * 1e6 / double(qint64(passes) * pages.size())},
        {u"checksum"_s, checksum},
    });
    return 0;
}
