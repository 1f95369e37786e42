// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListSessionsWalk.h"

#include "api/WorkSpacesWebClient.h"
#include "aws/signing/SigV4Signer.h"
#include "emulator/DataGenerator.h"
#include "emulator/EmulatorConfig.h"
#include "emulator/EmulatorDispatcher.h"
#include "emulator/EmulatorStore.h"

#include <QDebug>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int pageTimeoutMs = 60'000;

} // namespace

QStringList ListSessionsWalk::Result::sessionIds() const
{
    QStringList ids;
    for (const Page &page : pages)
        ids << page.sessionIds;
    return ids;
}

ListSessionsWalk::Result ListSessionsWalk::walk(const FetchPage &fetch, int maxPages)
{
    Result result;
    QString token;
    while (result.pages.size() < maxPages) {
        Page page = fetch(token);
        if (page.status != 200) {
            qWarning().noquote() << "ListSessions page" << result.pages.size() + 1 << "answered"
                                 << page.status << page.body;
            return result;
        }
        token = page.nextToken;
        result.pages.append(std::move(page));
        if (token.isEmpty()) {
            result.complete = true;
            return result;
        }
    }
    return result;
}

ListSessionsWalk::Page ListSessionsWalk::fromAnswer(int status, const QByteArray &body)
{
    Page page;
    page.status = status;
    page.body = body;
    if (status != 200)
        return page;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    for (const QJsonValue &session : json.value(u"sessions"_s).toArray())
        page.sessionIds << session.toObject().value(u"sessionId"_s).toString();
    page.nextToken = json.value(u"nextToken"_s).toString();
    return page;
}

QStringList ListSessionsWalk::sessionIds(WorkSpacesWebClient &client, ListSessionsRequest request)
{
    QObject context;
    const Result result = walk([&](const QString &token) {
        request.nextToken = token;
        std::optional<AwsResult<SessionPage>> answer;
        client.listSessions(request, &context, [&](const AwsResult<SessionPage> &page) { answer = page; });
        Page page;
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, pageTimeoutMs)) {
            page.body = "no answer in time";
            return page;
        }
        if (!*answer) {
            page.body = answer->error().toLogLine().toUtf8();
            return page;
        }
        page.status = 200;
        for (const SessionSummary &session : answer->value().sessions)
            page.sessionIds << session.sessionId;
        page.nextToken = answer->value().nextToken;
        return page;
    });
    return result.complete ? result.sessionIds() : QStringList();
}

QList<QByteArray> ListSessionsWalk::emulatorPages(int sessions, int maxPages)
{
    EmulatorConfig config;
    config.portals = 1;
    config.sessionsPerPortal = sessions;
    config.anchor = QDateTime(QDate(2026, 11, 30), QTime(17, 0), Qt::UTC);
    config.clock = [anchor = config.anchor] { return anchor; };
    EmulatorStore store(config.seed, config.region, config.qappsInstanceId);
    DataGenerator::generate(store, config.portals, config.sessionsPerPortal,
                            config.anchor.toMSecsSinceEpoch());
    EmulatorDispatcher dispatcher(store, config);
    const QString portalId = store.portals().front().portalId;
    const SigV4Signer signer;

    const Result result = walk(
        [&](const QString &token) {
            AwsRequest request;
            request.endpoint = QUrl(u"http://127.0.0.1:1"_s);
            request.encodedPath = "/portals/" + portalId.toUtf8() + "/sessions";
            request.addQueryItem(u"maxResults"_s, u"100"_s);
            if (!token.isEmpty())
                request.addQueryItem(u"nextToken"_s, token);
            signer.sign(request, config.credentials.first(), config.region, u"workspaces-web"_s,
                        config.anchor);
            const EmulatorResponse response = dispatcher.handle(request);
            return fromAnswer(response.status, response.body);
        },
        maxPages);
    QList<QByteArray> bodies;
    for (const Page &page : result.pages)
        bodies.append(page.body);
    return bodies;
}
