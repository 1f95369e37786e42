// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Benchmark of the emulator at scale (not a test; run it with `cmake --build build --target
// benchmark_emulator` or directly: bench_emulator [sessions]). Prints the start time, the memory and the
// time to answer pages, in-process (signature check included) and over loopback HTTP.
#include "ListSessionsWalk.h"
#include "SignedClient.h"

#include "emulator/BackgroundEmulator.h"
#include "emulator/DataGenerator.h"
#include "emulator/EmulatorDispatcher.h"
#include "emulator/EmulatorStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

struct Stats
{
    double medianMs = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

Stats summarize(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    Stats stats;
    if (samples.isEmpty())
        return stats;
    stats.medianMs = samples[samples.size() / 2];
    stats.p99Ms = samples[std::min<qsizetype>(samples.size() - 1, samples.size() * 99 / 100)];
    stats.maxMs = samples.last();
    return stats;
}

void report(const char *what, const Stats &stats, qsizetype count)
{
    std::printf("  %-44s median %7.3f ms  p99 %7.3f ms  max %7.3f ms  (%lld requests)\n", what,
                stats.medianMs, stats.p99Ms, stats.maxMs, static_cast<long long>(count));
}

AwsRequest signedListSessions(const EmulatorConfig &config, const QString &portalId,
                              const QList<QPair<QString, QString>> &query)
{
    AwsRequest request;
    request.endpoint = QUrl(u"http://127.0.0.1:1"_s);
    request.encodedPath = "/portals/" + portalId.toUtf8() + "/sessions";
    request.query = query;
    SigV4Signer().sign(request, config.credentials.first(), config.region, u"workspaces-web"_s,
                       QDateTime::currentDateTimeUtc());
    return request;
}

// Walks `pages` pages of a query through the dispatcher, timing each answer.
QList<double> walkInProcess(EmulatorDispatcher &dispatcher, const EmulatorConfig &config,
                            const QString &portalId, QList<QPair<QString, QString>> query, int pages)
{
    QList<double> samples;
    ListSessionsWalk::walk(
        [&](const QString &token) {
            QList<QPair<QString, QString>> pageQuery = query;
            if (!token.isEmpty())
                pageQuery.append({u"nextToken"_s, token});
            const AwsRequest request = signedListSessions(config, portalId, pageQuery);
            QElapsedTimer timer;
            timer.start();
            const EmulatorResponse response = dispatcher.handle(request);
            samples.append(double(timer.nsecsElapsed()) / 1e6);
            return ListSessionsWalk::fromAnswer(response.status, response.body);
        },
        pages);
    return samples;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int sessions = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1'000'000;

    EmulatorConfig config;
    config.portals = 1;
    config.sessionsPerPortal = sessions;
    std::printf("sessionscope-emulator benchmark: %d sessions in one portal\n", sessions);

    // In-process: generation, memory, and the cost of answering (signature check included).
    {
        const qint64 before = residentKiB();
        QElapsedTimer timer;
        timer.start();
        EmulatorStore store(config.seed, config.region, config.qappsInstanceId);
        DataGenerator::generate(store, config.portals, config.sessionsPerPortal,
                                QDateTime::currentMSecsSinceEpoch());
        const qint64 generationMs = timer.elapsed();
        const qint64 after = residentKiB();
        EmulatorDispatcher dispatcher(store, config);
        const PortalRecord &portal = store.portals().front();
        std::printf(
            "in-process:\n  generation %lld ms; resident memory +%lld MiB (records and indexes: %lld MiB); "
            "%lld distinct usernames\n",
            static_cast<long long>(generationMs), static_cast<long long>((after - before) / 1024),
            static_cast<long long>(portal.sessions.memoryBytes() / (1024 * 1024)),
            static_cast<long long>(store.usernames().size()));

        const QString id = portal.portalId;
        const QList<QPair<QString, QString>> page100 = {{u"maxResults"_s, u"100"_s}};
        auto samples = walkInProcess(dispatcher, config, id, page100, 300);
        report("ListSessions newest first, 300 pages of 100", summarize(samples), samples.size());
        samples = walkInProcess(
            dispatcher, config, id,
            page100 + QList<QPair<QString, QString>>{{u"sortBy"_s, u"StartTimeAscending"_s}}, 300);
        report("ListSessions oldest first, 300 pages of 100", summarize(samples), samples.size());
        samples =
            walkInProcess(dispatcher, config, id,
                          page100 + QList<QPair<QString, QString>>{{u"status"_s, u"Terminated"_s}}, 300);
        report("ListSessions status=Terminated, 300 pages", summarize(samples), samples.size());
        samples = walkInProcess(dispatcher, config, id,
                                page100 + QList<QPair<QString, QString>>{{u"status"_s, u"Active"_s}}, 300);
        report("ListSessions status=Active (all pages)", summarize(samples), samples.size());
        // The busiest user, so that the walk has many pages.
        QHash<quint32, int> perUser;
        for (quint32 slot = 0; slot < quint32(portal.sessions.size()); ++slot)
            ++perUser[portal.sessions.at(slot).user];
        const quint32 busiest = std::max_element(perUser.cbegin(), perUser.cend()).key();
        const QString user = store.usernames().at(busiest);
        samples = walkInProcess(dispatcher, config, id,
                                page100 + QList<QPair<QString, QString>>{{u"username"_s, user}}, 300);
        report("ListSessions username=<busiest user>, all pages", summarize(samples), samples.size());

        // GetSession of sessions spread over the whole portal.
        QList<double> gets;
        for (quint32 slot = 0; slot < quint32(portal.sessions.size());
             slot += quint32(std::max(1, sessions / 300))) {
            AwsRequest request;
            request.endpoint = QUrl(u"http://127.0.0.1:1"_s);
            request.encodedPath =
                "/portals/" + id.toUtf8() + "/sessions/" + portal.sessions.at(slot).id.toString().toUtf8();
            SigV4Signer().sign(request, config.credentials.first(), config.region, u"workspaces-web"_s,
                               QDateTime::currentDateTimeUtc());
            QElapsedTimer timer;
            timer.start();
            dispatcher.handle(request);
            gets.append(double(timer.nsecsElapsed()) / 1e6);
        }
        report("GetSession", summarize(gets), gets.size());
    }

    // Over loopback HTTP, from another thread, like a client.
    {
        QElapsedTimer timer;
        timer.start();
        BackgroundEmulator emulator(config);
        QString error;
        if (!emulator.start(&error)) {
            std::printf("cannot start: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("over HTTP:\n  start (generation + listen) %lld ms\n",
                    static_cast<long long>(timer.elapsed()));
        SignedClient client(emulator.endpoint(), emulator.credentials(), emulator.region());
        const auto portals = client.get("/portals");
        const QString portalArn =
            portals.json().value(u"portals"_s).toArray().first().toObject().value(u"portalArn"_s).toString();
        const QByteArray path =
            "/portals/" + portalArn.mid(portalArn.lastIndexOf(u'/') + 1).toUtf8() + "/sessions";
        QList<double> samples;
        ListSessionsWalk::walk(
            [&](const QString &token) {
                QList<QPair<QString, QString>> query = {{u"maxResults"_s, u"100"_s}};
                if (!token.isEmpty())
                    query.append({u"nextToken"_s, token});
                QElapsedTimer page;
                page.start();
                const auto answer = client.get(path, query);
                samples.append(double(page.nsecsElapsed()) / 1e6);
                return ListSessionsWalk::fromAnswer(answer.status, answer.body);
            },
            200);
        report("ListSessions round trip, 200 pages of 100", summarize(samples), samples.size());
        emulator.stop();
    }
    return 0;
}
