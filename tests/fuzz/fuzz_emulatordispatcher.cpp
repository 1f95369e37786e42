// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The emulator's request handling, in process and without sockets: EmulatorDispatcher (routing,
// signature verification, faults, WorkSpaces Web and Q Apps operations) on a fresh, small, deterministic
// store for each input.
//
// Input: a pipelined stream of up to 8 HTTP requests as FuzzHttpMessage reads them. Each becomes the
// AwsRequest EmulatorServer would make of it (target parsed by QUrl, query by
// EmulatorServer::decodeQuery); a request the HTTP layer would refuse (a header name that is no token,
// a target not starting with '/') is skipped. Requests are signed with the demo credentials unless a
// line "!unsigned" says otherwise, so the fuzzer reaches the operations behind the signature check.
// Other switch lines: "!follow" re-sends a list request with each nextToken it gets (up to 4 pages),
// "!faults" turns every fault on. Placeholders reach real data: {Pn} is the id of portal n (portals with
// sessions first), {An} its ARN, {Sn} the id of session n of portal {P0}, {Qn} the n-th session of {P0}
// that has Q Apps metadata, {I} the Q Apps instance id (n wraps around).
//
// Checks, by the route's contract (see Route): an AWS API's answer has the AWS headers and a JSON object
// body (STS: well-formed XML), a metadata endpoint's has a date and a content type but no AWS request id;
// an error's code survives the client's error parser (AwsError::fromHttpResponse); a WorkSpaces Web or
// Q Apps 200 answer decodes with the client's decoder of its shape (ApiJson), so the emulator never
// answers what SessionScope cannot read; a signed request is never refused for its signature; following
// nextTokens never repeats a row.
//
// With SESSIONSCOPE_FUZZ_VERBOSE=1 in the environment, each request and its answer's status and code are
// printed: a help for writing seed files.
#include "FuzzHttpMessage.h"
#include "FuzzSupport.h"

#include "api/ApiJson.h"
#include "emulator/DataGenerator.h"
#include "emulator/EmulatorDispatcher.h"
#include "emulator/EmulatorServer.h"
#include "emulator/EmulatorStore.h"
#include "emulator/identity/ContainerCredentialsService.h"
#include "emulator/identity/EmulatorControlService.h"
#include "emulator/identity/InstanceMetadataService.h"
#include "emulator/identity/StsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int maxRequests = 8;
constexpr int maxFollowedPages = 4;
constexpr int portalCount = 3;
constexpr int sessionsPerPortal = 30;

const QDateTime &now()
{
    static const QDateTime time(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
    return time;
}

// The real ids the placeholders stand for.
struct Placeholders
{
    explicit Placeholders(const EmulatorStore &store)
    {
        // Portals with sessions first, so that {P0} always has some.
        std::vector<int> order;
        for (int i = 0; i < int(store.portals().size()); ++i)
            order.push_back(i);
        std::stable_partition(order.begin(), order.end(),
                              [&](int i) { return store.portal(i).sessions.size() > 0; });
        for (const int i : order) {
            portalIds.append(store.portal(i).portalId);
            portalArns.append(store.portalArn(store.portal(i)));
        }
        const PortalSessions &sessions = store.portal(order.front()).sessions;
        for (quint32 slot = 0; slot < quint32(sessions.size()); ++slot) {
            sessionIds.append(sessions.at(slot).id.toString());
            if (sessions.at(slot).qappVariant != 0)
                qappSessionIds.append(sessions.at(slot).id.toString());
        }
        instanceId = store.qappsInstanceId();
    }

    // Replaces {Pn}, {An}, {Sn}, {Qn} and {I} (see above) in `text`.
    QByteArray expand(const QByteArray &text) const
    {
        if (!text.contains('{'))
            return text;
        QByteArray out;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char kind = i + 2 < text.size() && text[i] == '{' ? text[i + 1] : '\0';
            qsizetype end = i + 2;
            while (end < text.size() && end < i + 6 && text[end] >= '0' && text[end] <= '9')
                ++end;
            const bool closed = end < text.size() && text[end] == '}';
            const bool numbered = closed && end > i + 2;
            const int n = numbered ? text.mid(i + 2, end - i - 2).toInt() : 0;
            const auto pick = [n](const QStringList &list) {
                return list.isEmpty() ? QString() : list.at(n % list.size());
            };
            QString replacement;
            if (kind == 'I' && closed && end == i + 2)
                replacement = instanceId;
            else if (numbered && kind == 'P')
                replacement = pick(portalIds);
            else if (numbered && kind == 'A')
                replacement = pick(portalArns);
            else if (numbered && kind == 'S')
                replacement = pick(sessionIds);
            else if (numbered && kind == 'Q')
                replacement = pick(qappSessionIds);
            if (replacement.isEmpty()) {
                out.append(text[i]);
                continue;
            }
            out.append(replacement.toUtf8());
            i = end;
        }
        return out;
    }

    QStringList portalIds;
    QStringList portalArns;
    QStringList sessionIds;
    QStringList qappSessionIds;
    QString instanceId;
};

struct Emulation
{
    explicit Emulation(bool faults)
    {
        config.portals = portalCount;
        config.sessionsPerPortal = sessionsPerPortal;
        config.anchor = now();
        config.clock = [] { return now(); };
        if (faults) {
            for (int f = int(FaultInjector::Fault::Throttling); f < int(FaultInjector::Fault::Count); ++f)
                config.faults.setRate(FaultInjector::Fault(f), 0.1);
        }
        store = std::make_unique<EmulatorStore>(config.seed, config.region, config.qappsInstanceId);
        DataGenerator::generate(*store, config.portals, config.sessionsPerPortal, now().toMSecsSinceEpoch());
        dispatcher = std::make_unique<EmulatorDispatcher>(*store, config);
        placeholders = std::make_unique<Placeholders>(*store);
    }

    EmulatorConfig config;
    std::unique_ptr<EmulatorStore> store;
    std::unique_ptr<EmulatorDispatcher> dispatcher;
    std::unique_ptr<Placeholders> placeholders;
};

QByteArray methodName(const QByteArray &method)
{
    // The names EmulatorServer knows; Qt HTTP Server reports anything else as unknown.
    static const QList<QByteArray> known = {"GET",     "PUT",   "DELETE",  "POST", "HEAD",
                                            "OPTIONS", "PATCH", "CONNECT", "TRACE"};
    return known.contains(method) ? method : QByteArray("UNKNOWN");
}

struct Switches
{
    bool unsigned_ = false;
    bool follow = false;
    bool faults = false;
};

Switches switchesOf(const QList<FuzzHttpMessage> &messages)
{
    Switches switches;
    for (const FuzzHttpMessage &message : messages) {
        for (const auto &header : message.headers) {
            if (!header.second.isNull())
                continue;
            switches.unsigned_ = switches.unsigned_ || header.first == "!unsigned";
            switches.follow = switches.follow || header.first == "!follow";
            switches.faults = switches.faults || header.first == "!faults";
        }
    }
    return switches;
}

// The AwsRequest EmulatorServer::toAwsRequest would make; nullopt when the HTTP layer would refuse it.
std::optional<AwsRequest> requestFrom(const FuzzHttpMessage &message, const Placeholders &placeholders)
{
    const QList<QByteArray> words = message.startLine.split(' ');
    if (words.size() < 2 || !FuzzHttpMessage::isToken(words[0]) || !words[1].startsWith('/'))
        return std::nullopt;
    AwsRequest request;
    request.method = methodName(words[0]);
    const QUrl url(QString::fromLatin1(placeholders.expand(words[1])), QUrl::TolerantMode);
    if (!url.isValid())
        return std::nullopt;
    request.encodedPath = url.path(QUrl::FullyEncoded).toUtf8();
    if (request.encodedPath.isEmpty())
        request.encodedPath = "/";
    request.query = EmulatorServer::decodeQuery(url.query(QUrl::FullyEncoded).toUtf8());
    for (const auto &header : message.headers) {
        if (header.second.isNull() && header.first.startsWith('!'))
            continue; // a switch
        if (!FuzzHttpMessage::isToken(header.first) || header.second.isNull())
            return std::nullopt;
        request.headers.append({header.first, placeholders.expand(header.second)});
    }
    request.body = placeholders.expand(message.body);
    const QByteArray host = request.header("host");
    request.endpoint = QUrl::fromEncoded("http://" + (host.isEmpty() ? QByteArray("127.0.0.1") : host));
    return request;
}

bool isSignatureError(const QString &code)
{
    return code == u"MissingAuthenticationTokenException"_s || code == u"IncompleteSignatureException"_s ||
           code == u"InvalidSignatureException"_s || code == u"UnrecognizedClientException"_s;
}

// Decodes a 200 answer with the client's decoder for its shape; returns the ids of the listed rows.
QStringList checkDecodes(const QByteArray &body, const QJsonObject &object)
{
    QStringList ids;
    if (object.contains(u"sessions"_s)) {
        const AwsResult<SessionPage> page = ApiJson::decodeListSessions(body);
        FUZZ_CHECK(page.ok(), page.error().message());
        for (const SessionSummary &session : page.value().sessions)
            ids.append(session.sessionId);
    } else if (object.contains(u"portals"_s)) {
        const AwsResult<PortalPage> page = ApiJson::decodeListPortals(body);
        FUZZ_CHECK(page.ok(), page.error().message());
        for (const Portal &portal : page.value().portals)
            ids.append(portal.portalArn);
    } else if (object.contains(u"portal"_s)) {
        const AwsResult<Portal> portal = ApiJson::decodeGetPortal(body);
        FUZZ_CHECK(portal.ok(), portal.error().message());
    } else if (object.contains(u"session"_s)) {
        const AwsResult<SessionDetail> session = ApiJson::decodeGetSession(body);
        FUZZ_CHECK(session.ok(), session.error().message());
    } else if (object.contains(u"sessionArn"_s)) {
        const AwsResult<QAppSessionMetadata> metadata = ApiJson::decodeQAppSessionMetadata(body);
        FUZZ_CHECK(metadata.ok(), metadata.error().message());
    } else {
        const AwsResult<std::monostate> empty = ApiJson::decodeEmpty(body);
        FUZZ_CHECK(empty.ok() && object.isEmpty(), QString::fromUtf8(body));
    }
    return ids;
}

// Which contract an answer follows: the emulator plays AWS JSON services (WorkSpaces Web, Q Apps, the
// IAM Identity Center portal and OIDC), an AWS Query service (STS, XML answers) and endpoints that are no
// AWS APIs (EC2 instance metadata, container credentials, the emulator's own /_emulator/ routes).
enum class Route {
    AwsJson,
    AwsQuery,
    Metadata,
};

Route routeOf(const AwsRequest &request)
{
    const QByteArray &path = request.encodedPath;
    if (WorkSpacesWebService::ownsPath(path) || QAppsService::ownsPath(path))
        return Route::AwsJson;
    if (StsService::ownsRequest(request))
        return Route::AwsQuery;
    if (ContainerCredentialsService::ownsPath(path) || InstanceMetadataService::ownsPath(path) ||
        EmulatorControlService::ownsPath(path))
        return Route::Metadata;
    return Route::AwsJson; // the IAM Identity Center services, and the UnknownOperationException answer
}

// The headers every answer starts with: an AWS request id (AWS APIs only, as the real endpoints do), the
// date and the content type.
void checkHeaders(const EmulatorResponse &response, Route route)
{
    qsizetype first = 0;
    if (route != Route::Metadata) {
        FUZZ_CHECK(!response.headers.isEmpty() && response.headers[0].first == "x-amzn-RequestId",
                   u"the AWS request id is missing"_s);
        first = 1;
    } else {
        FUZZ_CHECK(response.header("x-amzn-RequestId").isNull(),
                   u"a metadata endpoint answered with an AWS request id"_s);
    }
    FUZZ_CHECK(response.headers.size() >= first + 2 && response.headers[first].first == "Date" &&
                   response.headers[first + 1].first == "Content-Type" &&
                   !response.headers[first + 1].second.isEmpty(),
               u"the Date and Content-Type headers are missing"_s);
}

// An STS answer: well-formed XML; an error's code reaches the client's error parser.
void checkQueryAnswer(const EmulatorResponse &response)
{
    FUZZ_CHECK(response.header("Content-Type") == "text/xml",
               QString::fromLatin1(response.header("Content-Type")));
    QXmlStreamReader reader(response.body);
    while (!reader.atEnd())
        reader.readNext();
    FUZZ_CHECK(!reader.hasError(),
               reader.errorString() + u": "_s + QString::fromUtf8(response.body.left(300)));
    if (response.status != 200) {
        const AwsError error = AwsError::fromHttpResponse(response.status, response.headers, response.body);
        FUZZ_CHECK(!error.code().isEmpty() && !error.message().isEmpty(),
                   QString::fromUtf8(response.body.left(300)));
        FUZZ_CHECK(response.body.contains((u"<Code>"_s + error.code() + u"</Code>"_s).toUtf8()),
                   error.code());
    }
}

// Checks one answer; returns the ids it listed.
QStringList checkResponse(const EmulatorResponse &response, Route route, bool signedRequest, bool ownedPath,
                          bool datedByDateHeader)
{
    checkHeaders(response, route);
    if (response.delivery == EmulatorResponse::Delivery::ConnectionReset)
        return {};
    FUZZ_CHECK(response.status >= 200 && response.status <= 599, QString::number(response.status));
    if (route == Route::AwsQuery) {
        checkQueryAnswer(response);
        return {};
    }
    if (route == Route::Metadata) {
        // Plain text (IMDS), JSON (container credentials, the emulator's routes) or the sign-in page; never
        // empty, so a client always has something to show.
        FUZZ_CHECK(!response.body.isEmpty(), QString::number(response.status));
        if (response.header("Content-Type").startsWith("application/json")) {
            FUZZ_CHECK(QJsonDocument::fromJson(response.body).isObject(),
                       QString::fromUtf8(response.body.left(300)));
        }
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    FUZZ_CHECK(parseError.error == QJsonParseError::NoError && document.isObject(),
               QString::fromUtf8(response.body.left(300)));

    if (response.status != 200) {
        const QString code = response.errorCode();
        FUZZ_CHECK(!code.isEmpty(), QString::fromUtf8(response.body.left(300)));
        const AwsError error = AwsError::fromHttpResponse(response.status, response.headers, response.body);
        FUZZ_CHECK(error.code() == code, error.code() + u" != "_s + code);
        FUZZ_CHECK(!error.message().isEmpty(), code);
        if (signedRequest && ownedPath && !datedByDateHeader)
            FUZZ_CHECK(!isSignatureError(code), error.message());
        return {};
    }
    if (!ownedPath)
        return {}; // an IAM Identity Center answer; its clients' decoders have their own tests
    return checkDecodes(response.body, document.object());
}

void setNextToken(AwsRequest &request, const QString &token)
{
    request.query.removeIf([](const auto &item) { return item.first == u"nextToken"_s; });
    request.query.append({u"nextToken"_s, token});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<FuzzHttpMessage> messages =
        FuzzHttpMessage::parseAll(FuzzSupport::bytes(data, size), maxRequests);
    if (messages.isEmpty())
        return 0;
    const Switches switches = switchesOf(messages);
    Emulation emulation(switches.faults);
    static const SigV4Signer signer;
    static const bool verbose = qEnvironmentVariableIntValue("SESSIONSCOPE_FUZZ_VERBOSE") != 0;

    for (const FuzzHttpMessage &message : messages) {
        std::optional<AwsRequest> request = requestFrom(message, *emulation.placeholders);
        if (!request)
            continue;
        const bool ownedPath = WorkSpacesWebService::ownsPath(request->encodedPath) ||
                               QAppsService::ownsPath(request->encodedPath);
        const bool datedByDateHeader = !request->header("date").isNull();
        const QString service = QAppsService::ownsPath(request->encodedPath) ? QAppsService::signingName()
                                : StsService::ownsRequest(*request)          ? StsService::signingName()
                                                                    : WorkSpacesWebService::signingName();
        QSet<QString> seen;
        for (int page = 0; page <= maxFollowedPages; ++page) {
            if (!switches.unsigned_) {
                signer.sign(*request, emulation.config.credentials.constFirst(), emulation.config.region,
                            service, emulation.dispatcher->now());
            }
            const EmulatorResponse response = emulation.dispatcher->handle(*request);
            if (verbose) {
                std::fprintf(stderr, "%s %s -> %d %s %s\n", request->method.constData(),
                             request->encodedPath.constData(), response.status,
                             qPrintable(response.errorCode()), response.body.left(160).constData());
            }
            const QStringList ids =
                checkResponse(response, routeOf(*request), !switches.unsigned_, ownedPath, datedByDateHeader);
            if (!switches.faults) {
                for (const QString &id : ids) {
                    FUZZ_CHECK(!seen.contains(id), u"%1 listed twice while following nextToken"_s.arg(id));
                    seen.insert(id);
                }
            }
            const QString token =
                QJsonDocument::fromJson(response.body).object().value(u"nextToken"_s).toString();
            if (!switches.follow || response.status != 200 || token.isEmpty())
                break;
            setNextToken(*request, token);
        }
    }
    return 0;
}
